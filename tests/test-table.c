/* test-table.c — tables from CSV (comma, semicolon, BOM, CRLF, quoted),
 * XLSX and DBF, read through GDAL into text cells with user row numbers. */
#include "testutil.h"

#include <gdal.h>
#include <geo.h>
#include <ogr_api.h>
#include <string.h>

static void
test_csv_indonesian(void)
{
  g_autofree char *dir = testutil_tmpdir();
  g_autofree char *p = testutil_write(dir, "skor.csv",
                                      "\xef\xbb\xbfkode_wilayah;nama;skor\r\n"
                                      "53.71;Kota Kupang;45,23\r\n"
                                      "5301;\"Kab. Kupang; Timur\";1.234,5\r\n"
                                      "53.02;;\r\n");
  g_autofree char *spec = g_strconcat(p, ":kode_wilayah", NULL);
  GError *err = NULL;
  GeoTable *t = geo_table_read(spec, &err);
  g_assert_no_error(err);
  g_assert_cmpuint(t->n_rows, ==, 3);
  g_assert_cmpuint(t->n_fields, ==, 3);
  g_assert_cmpstr(t->key_field, ==, "kode_wilayah");
  g_assert_cmpstr(geo_table_cell(t, 1, 1), ==, "Kab. Kupang; Timur");
  g_assert_cmpstr(geo_table_cell(t, 0, 2), ==, "45,23");
  g_assert_null(geo_table_cell(t, 2, 2));
  g_assert_cmpuint(t->line[0], ==, 2); /* the header is row 1 */
  g_assert_cmpuint(t->line[2], ==, 4);
  geo_table_free(t);
}

static void
test_missing_key(void)
{
  g_autofree char *dir = testutil_tmpdir();
  g_autofree char *p = testutil_write(dir, "t.csv", "kode,skor\n11,3\n");
  g_autofree char *spec = g_strconcat(p, ":kode_wilayah", NULL);
  GError *err = NULL;
  g_assert_null(geo_table_read(spec, &err));
  g_assert_error(err, GEO_ERROR, GEO_ERROR_USAGE);
  g_assert_nonnull(strstr(err->message, "kode_wilayah"));
  g_assert_nonnull(strstr(err->message, "kode, skor"));
  g_assert_nonnull(strstr(err->message, "t.csv"));
  g_error_free(err);
  err = NULL;
  g_autofree char *none = g_build_filename(dir, "nope.csv", NULL);
  g_assert_null(geo_table_read(none, &err));
  g_assert_error(err, GEO_ERROR, GEO_ERROR_INPUT);
  g_assert_nonnull(strstr(err->message, "nope.csv"));
  g_error_free(err);
}

/* Writes an XLSX with GDAL's own writer: numbers stored as numbers. */
static char *
write_xlsx(const char *dir)
{
  GDALAllRegister();
  char *path = g_build_filename(dir, "personel.xlsx", NULL);
  GDALDriverH drv = GDALGetDriverByName("XLSX");
  g_assert_nonnull(drv);
  GDALDatasetH ds = GDALCreate(drv, path, 0, 0, 0, GDT_Unknown, NULL);
  g_assert_nonnull(ds);
  OGRLayerH lyr = GDALDatasetCreateLayer(ds, "Personel", NULL, wkbNone, NULL);
  OGRFieldDefnH fk = OGR_Fld_Create("kode", OFTString);
  OGRFieldDefnH fn = OGR_Fld_Create("jumlah_tps", OFTInteger);
  OGRFieldDefnH fs = OGR_Fld_Create("skor", OFTReal);
  OGR_L_CreateField(lyr, fk, TRUE);
  OGR_L_CreateField(lyr, fn, TRUE);
  OGR_L_CreateField(lyr, fs, TRUE);
  const char *codes[] = {"53.71", "53.01"};
  for (int i = 0; i < 2; i++) {
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(lyr));
    OGR_F_SetFieldString(f, 0, codes[i]);
    OGR_F_SetFieldInteger(f, 1, 1200 + i);
    OGR_F_SetFieldDouble(f, 2, 45.25 + i);
    g_assert_cmpint(OGR_L_CreateFeature(lyr, f), ==, OGRERR_NONE);
    OGR_F_Destroy(f);
  }
  OGR_Fld_Destroy(fk);
  OGR_Fld_Destroy(fn);
  OGR_Fld_Destroy(fs);
  GDALClose(ds);
  return path;
}

static void
test_xlsx(void)
{
  g_autofree char *dir = testutil_tmpdir();
  g_autofree char *p = write_xlsx(dir);
  GError *err = NULL;
  GeoTable *t = geo_table_read(p, &err); /* no key given: the first column */
  g_assert_no_error(err);
  g_assert_cmpuint(t->n_rows, ==, 2);
  g_assert_cmpstr(t->key_field, ==, "kode");
  g_assert_cmpint(geo_table_find_field(t, "JUMLAH_TPS"), ==, 1);
  g_assert_cmpstr(geo_table_cell(t, 1, 1), ==, "1201");
  double v;
  g_assert_true(geo_number_parse(geo_table_cell(t, 0, 2), FALSE, &v));
  g_assert_cmpfloat_with_epsilon(v, 45.25, 1e-12);
  g_assert_cmpuint(t->line[1], ==, 3);
  geo_table_free(t);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/table/csv-indonesian", test_csv_indonesian);
  g_test_add_func("/table/missing-key", test_missing_key);
  g_test_add_func("/table/xlsx", test_xlsx);
  return g_test_run();
}
