/* test-table.c — tables as offices hand them over: CSV with ',', ';', tab
 * or '|' (detected or given), BOM, CRLF, quoted fields, title rows above
 * the header, Windows-1252; XLSX and ODS sheets by name or number;
 * GeoPackage and DBF tables; numbers decided per column (Indonesian or
 * plain) with an error for a column that mixes both ambiguously; missing
 * values counted.  Fixtures: tests/tables/ and files written here. */
#include "testutil.h"

#include <builder.h>
#include <cpl_vsi.h>
#include <stdarg.h>
#include <gdal.h>
#include <geo.h>
#include <math.h>
#include <ogr_api.h>
#include <string.h>

/* Path of a fixture in tests/tables.  Caller frees. */
static char *
fixture(const char *name)
{
  const char *src = g_getenv("TESTS_SRC");
  return g_build_filename(src ? src : "tests", "tables", name, NULL);
}

/* Reads `file`+`suffix` (a key and options) from tests/tables. */
static GeoTable *
read_fixture(const char *file, const char *suffix, GError **err)
{
  g_autofree char *p = fixture(file);
  g_autofree char *spec = g_strconcat(p, suffix, NULL);
  return testutil_table_read(spec, err);
}

/* The number in row r of `field`, read as its column's format says. */
static double
number_at(const GeoTable *t, guint r, const char *field)
{
  int c = geo_table_find_field(t, field);
  g_assert_cmpint(c, >=, 0);
  double v = NAN;
  const char *text = geo_table_cell(t, r, (guint)c);
  if (text == NULL || geo_number_is_missing(text))
    return NAN;
  g_assert_true(geo_number_parse(text, t->number_format[c] == GEO_NUMBERS_INDONESIAN, &v));
  return v;
}

/* TRUE when some note of t contains every one of the NULL-terminated
 * fragments. */
static gboolean
has_note(const GeoTable *t, const char *first, ...)
{
  for (guint i = 0; t->notes[i]; i++) {
    gboolean all = TRUE;
    va_list ap;
    va_start(ap, first);
    for (const char *f = first; f && all; f = va_arg(ap, const char *))
      all = strstr(t->notes[i], f) != NULL;
    va_end(ap);
    if (all)
      return TRUE;
  }
  return FALSE;
}

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
  GeoTable *t = testutil_table_read(spec, &err);
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
  g_assert_null(testutil_table_read(spec, &err));
  g_assert_error(err, GEO_ERROR, GEO_ERROR_USAGE);
  g_assert_nonnull(strstr(err->message, "kode_wilayah"));
  g_assert_nonnull(strstr(err->message, "kode, skor"));
  g_assert_nonnull(strstr(err->message, "t.csv"));
  g_error_free(err);
  err = NULL;
  g_autofree char *none = g_build_filename(dir, "nope.csv", NULL);
  g_assert_null(testutil_table_read(none, &err));
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
  GeoTable *t = testutil_table_read(p, &err); /* no key given: the first column */
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

/* An export from Excel in an Indonesian locale: BOM, CRLF, ';', a report
 * title, a date and a padded blank row above the header, quoted fields,
 * decimal commas and dot thousands, '-' and 'n/a' for missing values. */
static void
test_indonesian_export(void)
{
  GError *err = NULL;
  GeoTable *t = read_fixture("ikp-titik-koma.csv", ":kode", &err);
  g_assert_no_error(err);
  g_assert_cmpuint(t->n_fields, ==, 6);
  g_assert_cmpstr(t->fields[0], ==, "kode");
  g_assert_cmpstr(t->fields[5], ==, "keterangan");
  g_assert_cmpuint(t->n_rows, ==, 5);
  g_assert_cmpuint(t->line[0], ==, 5); /* header on row 4 */
  g_assert_cmpuint(t->line[4], ==, 9);
  g_assert_cmpstr(geo_table_cell(t, 1, 1), ==, "Kab. Aceh Singkil; pesisir");
  g_assert_cmpstr(geo_table_cell(t, 1, 5), ==, "disebut \"rawan\"");
  g_assert_cmpfloat_with_epsilon(number_at(t, 0, "skor_ikp"), 45.23, 1e-9);
  g_assert_cmpfloat_with_epsilon(number_at(t, 4, "skor_ikp"), 68.5, 1e-9);
  g_assert_true(isnan(number_at(t, 2, "skor_ikp"))); /* "-" */
  g_assert_true(isnan(number_at(t, 3, "skor_ikp"))); /* "n/a" */
  /* "1.234" alone could be either; a ';' export writes Indonesian. */
  g_assert_cmpint(t->number_format[geo_table_find_field(t, "personel_polri")], ==,
                  GEO_NUMBERS_INDONESIAN);
  g_assert_cmpfloat(number_at(t, 0, "personel_polri"), ==, 1234);
  g_assert_cmpfloat(number_at(t, 2, "personel_polri"), ==, 2500);
  g_assert_cmpfloat(number_at(t, 0, "jumlah_dpt"), ==, 123456);
  g_assert_cmpfloat(number_at(t, 1, "jumlah_dpt"), ==, 1234567);
  g_assert_true(has_note(t, "ikp-titik-koma.csv: header on row 4; rows 1-3 above it skipped",
                         "LAPORAN INDEKS", NULL));
  g_assert_true(
      has_note(t, "missing values", "skor_ikp 2 (rows 7, 8)", "personel_polri 1 (row 8)", NULL));
  g_assert_false(has_note(t, "could be", NULL));
  geo_table_free(t);

  /* The same with the header row given. */
  t = read_fixture("ikp-titik-koma.csv", ":kode#header-row=4", &err);
  g_assert_no_error(err);
  g_assert_cmpuint(t->n_rows, ==, 5);
  g_assert_cmpuint(t->line[0], ==, 5);
  geo_table_free(t);
  const char *bad[][2] = {{"#header-row=3", "header-row 3: row 3 is empty"},
                          {"#header-row=99", "row 99 is past the end of the table"},
                          {"#header-row=x", "header-row: 'x' is not a row number"}};
  for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
    g_assert_null(read_fixture("ikp-titik-koma.csv", bad[i][0], &err));
    g_assert_error(err, GEO_ERROR, GEO_ERROR_USAGE);
    g_assert_nonnull(strstr(err->message, "ikp-titik-koma.csv"));
    g_assert_nonnull(strstr(err->message, bad[i][1]));
    g_clear_error(&err);
  }
}

/* '|', tab and ',' files, quotes holding separators and line breaks. */
static void
test_separators(void)
{
  GError *err = NULL;
  GeoTable *t = read_fixture("ikp-pipe.csv", ":kode", &err);
  g_assert_no_error(err);
  g_assert_cmpuint(t->n_fields, ==, 4);
  g_assert_cmpuint(t->n_rows, ==, 5);
  g_assert_cmpstr(geo_table_cell(t, 0, 3), ==, "pakai | di dalam");
  g_assert_cmpstr(geo_table_cell(t, 3, 3), ==, "baris\nkedua");
  g_assert_cmpuint(t->line[4], ==, 6); /* a record, as a spreadsheet counts */
  g_assert_cmpfloat_with_epsilon(number_at(t, 1, "skor_ikp"), 12.5, 1e-9);
  g_assert_true(isnan(number_at(t, 2, "skor_ikp"))); /* "N/A" */
  geo_table_free(t);

  t = read_fixture("ikp-tab.tsv", ":kode", &err);
  g_assert_no_error(err);
  g_assert_cmpuint(t->n_fields, ==, 4);
  /* "1,234" alone could be either; the table's plain "45.23" says plain. */
  g_assert_cmpfloat(number_at(t, 0, "personel_polri"), ==, 1234);
  g_assert_true(has_note(t,
                         "column personel_polri: '1,234' (row 2, and 2 more like it) could be "
                         "1.234 (Indonesian) or 1234 (plain); read as 1234, like the table's "
                         "other columns",
                         NULL));
  geo_table_free(t);

  t = read_fixture("ikp-koma.csv", ":kode", &err);
  g_assert_no_error(err);
  g_assert_cmpstr(geo_table_cell(t, 0, 1), ==, "Simeulue, Kab.");
  g_assert_cmpfloat(number_at(t, 0, "jumlah_dpt"), ==, 123456);
  g_assert_cmpfloat(number_at(t, 1, "jumlah_dpt"), ==, 1234567);
  geo_table_free(t);

  /* Detection respects quotes: many ';' inside quoted names of a ',' file. */
  g_autofree char *dir = testutil_tmpdir();
  g_autofree char *p = testutil_write(dir, "kutip.csv",
                                      "kode,nama,skor\n"
                                      "11.01,\"a; b; c; d; e\",1\n"
                                      "11.02,\"f; g; h; i; j\",2\n"
                                      "11.03,\"k; l; m; n; o\",3\n");
  t = testutil_table_read(p, &err);
  g_assert_no_error(err);
  g_assert_cmpuint(t->n_fields, ==, 3);
  g_assert_cmpstr(geo_table_cell(t, 2, 1), ==, "k; l; m; n; o");
  geo_table_free(t);

  /* Given separators: per table after '#', and as defaults for all. */
  g_autofree char *q = testutil_write(dir, "satu.csv", "kode;skor\n11.01;45,5\n");
  t = testutil_table_read(q, &err);
  g_assert_no_error(err);
  g_assert_cmpuint(t->n_fields, ==, 2);
  geo_table_free(t);
  g_autofree char *piped = g_strconcat(q, "#separator=pipe", NULL);
  t = testutil_table_read(piped, &err);
  g_assert_no_error(err);
  g_assert_cmpuint(t->n_fields, ==, 1);
  g_assert_cmpstr(t->fields[0], ==, "kode;skor");
  geo_table_free(t);
  GeoTableOptions defaults = {0};
  g_assert_true(geo_table_options_set(&defaults, "separator", "|", &err));
  t = testutil_table_read_options(q, &defaults, &err);
  g_assert_no_error(err);
  g_assert_cmpuint(t->n_fields, ==, 1);
  geo_table_free(t);
  g_autofree char *semi = g_strconcat(q, "#separator=semicolon", NULL);
  t = testutil_table_read_options(semi, &defaults, &err); /* the table's own wins */
  g_assert_no_error(err);
  g_assert_cmpuint(t->n_fields, ==, 2);
  geo_table_free(t);
  geo_table_options_clear(&defaults);
  g_autofree char *bad = g_strconcat(q, "#separator=x", NULL);
  g_assert_null(testutil_table_read(bad, &err));
  g_assert_error(err, GEO_ERROR, GEO_ERROR_USAGE);
  g_assert_nonnull(strstr(err->message, "satu.csv: separator: 'x' is not a separator"));
  g_clear_error(&err);
}

/* Bad CSVs: errors name the file, the row and what is wrong. */
static void
test_csv_errors(void)
{
  struct {
    const char *file, *message;
  } cases[] = {
      {"unclosed-quote.csv",
       "unclosed-quote.csv row 3: a quoted field opened on line 3 is never closed"},
      {"shifted-row.csv", "shifted-row.csv row 3: 4 cells, but the header (row 1) names 3 columns; "
                          "'12.5' has no column"},
      {"not-cp1252.csv",
       "not-cp1252.csv: is neither UTF-8 nor Windows-1252 text: byte 0x81 on line 2"},
  };
  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    GError *err = NULL;
    g_assert_null(read_fixture(cases[i].file, "", &err));
    g_assert_error(err, GEO_ERROR, GEO_ERROR_INPUT);
    if (strstr(err->message, cases[i].message) == NULL)
      g_error("%s: got '%s'", cases[i].file, err->message);
    g_error_free(err);
  }
  g_autofree char *dir = testutil_tmpdir();
  g_autofree char *p = testutil_write(dir, "angka.csv", "1;2\n3;4\n");
  GError *err = NULL;
  g_assert_null(testutil_table_read(p, &err));
  g_assert_error(err, GEO_ERROR, GEO_ERROR_INPUT);
  g_assert_nonnull(strstr(err->message, "angka.csv: no header row: row 1"));
  g_clear_error(&err);
}

/* Windows-1252 from older exports is recoded, and said; UTF-8 with a
 * damaged byte stays UTF-8. */
static void
test_cp1252(void)
{
  GError *err = NULL;
  GeoTable *t = read_fixture("cp1252.csv", ":kode", &err);
  g_assert_no_error(err);
  g_assert_cmpuint(t->n_rows, ==, 3);
  g_assert_cmpstr(geo_table_cell(t, 0, 1), ==, "Kab. Bolaang Mongondow Timur \u2013 Boltim");
  g_assert_cmpstr(geo_table_cell(t, 1, 1), ==,
                  "Kab. Kep. Siau Tagulandang Biaro \u2018Sitaro\u2019");
  g_assert_cmpfloat_with_epsilon(number_at(t, 0, "skor_ikp"), 41.07, 1e-9);
  g_assert_true(
      has_note(t, "cp1252.csv: not UTF-8 (byte 0x96 on line 2): read as Windows-1252", NULL));
  geo_table_free(t);

  g_autofree char *dir = testutil_tmpdir();
  g_autofree char *p =
      testutil_write(dir, "rusak.csv", "kode;nama\n11.01;Kab. Simeulue \xe2\x80\x93 x\xff\n");
  t = testutil_table_read(p, &err);
  g_assert_no_error(err);
  g_assert_cmpstr(geo_table_cell(t, 0, 1), ==, "Kab. Simeulue \u2013 x\ufffd");
  g_assert_true(has_note(t, "rusak.csv: 1 bytes are not UTF-8 (the first, 0xff, on line 2)", NULL));
  geo_table_free(t);
}

/* Numbers decided per column: by the column's own telling values, else
 * the table's, else Indonesian with a note; forced with numbers=; a
 * column mixing both with an undecidable value is an error. */
static void
test_numbers_per_column(void)
{
  g_autofree char *dir = testutil_tmpdir();
  g_autofree char *p = testutil_write(dir, "kolom.csv",
                                      "kode,a_id,b_plain,c_amb,d_whole\n"
                                      "11.01,1.234,1.234,1.234,5\n"
                                      "11.02,\"45,5\",12.5,2.500,6\n"
                                      "11.03,-,n/a,,7\n");
  GError *err = NULL;
  GeoTable *t = testutil_table_read(p, &err);
  g_assert_no_error(err);
  g_assert_cmpfloat(number_at(t, 0, "a_id"), ==, 1234);
  g_assert_cmpfloat_with_epsilon(number_at(t, 1, "a_id"), 45.5, 1e-9);
  g_assert_cmpfloat_with_epsilon(number_at(t, 0, "b_plain"), 1.234, 1e-12);
  g_assert_cmpfloat(number_at(t, 0, "c_amb"), ==, 1234);
  g_assert_cmpfloat(number_at(t, 0, "d_whole"), ==, 5);
  g_assert_true(has_note(t,
                         "kolom.csv, column c_amb: '1.234' (row 2, and 1 more like it) could be "
                         "1234 (Indonesian) or 1.234 (plain); read as 1234, as nothing in the "
                         "table says which; give numbers=plain if that is wrong",
                         NULL));
  g_assert_true(has_note(t,
                         "kolom.csv: missing values (empty, '-', 'n/a'): a_id 1 (row 4), "
                         "b_plain 1 (row 4), c_amb 1 (row 4)",
                         NULL));
  geo_table_free(t);

  g_autofree char *plain = g_strconcat(p, "#numbers=plain", NULL);
  t = testutil_table_read(plain, &err);
  g_assert_no_error(err);
  g_assert_cmpfloat_with_epsilon(number_at(t, 0, "c_amb"), 1.234, 1e-12);
  g_assert_cmpfloat_with_epsilon(number_at(t, 0, "a_id"), 1.234, 1e-12);
  g_assert_cmpfloat_with_epsilon(number_at(t, 1, "a_id"), 45.5, 1e-9); /* as written */
  g_assert_false(has_note(t, "could be", NULL));
  geo_table_free(t);

  g_assert_null(read_fixture("mixed-numbers.csv", ":kode", &err));
  g_assert_error(err, GEO_ERROR, GEO_ERROR_INPUT);
  const char *parts[] = {"mixed-numbers.csv, column skor_ikp: mixes Indonesian numbers '45,23' "
                         "(row 2) with plain ones '12.5' (row 3), so '1.234' (row 4) could be "
                         "1234 (Indonesian) or 1.234 (plain)",
                         "numbers=indonesian or numbers=plain"};
  for (guint i = 0; i < G_N_ELEMENTS(parts); i++)
    if (strstr(err->message, parts[i]) == NULL)
      g_error("got '%s'", err->message);
  g_clear_error(&err);
  t = read_fixture("mixed-numbers.csv", ":kode#numbers=indonesian", &err);
  g_assert_no_error(err);
  g_assert_cmpfloat(number_at(t, 2, "skor_ikp"), ==, 1234);
  g_assert_cmpfloat_with_epsilon(number_at(t, 1, "skor_ikp"), 12.5, 1e-9);
  geo_table_free(t);
  g_assert_null(read_fixture("mixed-numbers.csv", ":kode#numbers=banyak", &err));
  g_assert_error(err, GEO_ERROR, GEO_ERROR_USAGE);
  g_assert_nonnull(
      strstr(err->message, "mixed-numbers.csv: numbers: 'banyak' is not a number format"));
  g_clear_error(&err);
}

/* Writes `text` as `entry` of the zip file `zip` (created or added to). */
static void
zip_add(const char *zip, const char *entry, const char *text)
{
  g_autofree char *path = g_strdup_printf("/vsizip/%s/%s", zip, entry);
  VSILFILE *f = VSIFOpenL(path, "wb");
  g_assert_nonnull(f);
  g_assert_cmpuint(VSIFWriteL(text, 1, strlen(text), f), ==, strlen(text));
  g_assert_cmpint(VSIFCloseL(f), ==, 0);
}

/* A workbook as Excel writes one: a notes sheet first, then "Rekap" with a
 * report title, a blank row, the header on row 3, numbers typed as text
 * the Indonesian way and numbers stored as numbers, an empty row 7. */
static char *
write_workbook(const char *dir)
{
  GDALAllRegister();
  char *path = g_build_filename(dir, "rekap.xlsx", NULL);
  zip_add(
      path, "[Content_Types].xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
      "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
      "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
      "</Types>");
  zip_add(
      path, "_rels/.rels",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
      "</Relationships>");
  zip_add(
      path, "xl/workbook.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
      "<sheet name=\"Catatan\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Rekap\" sheetId=\"2\" r:id=\"rId2\"/>"
      "</sheets></workbook>");
  zip_add(
      path, "xl/_rels/workbook.xml.rels",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
      "</Relationships>");
#define S(ref, text) "<c r=\"" ref "\" t=\"inlineStr\"><is><t>" text "</t></is></c>"
#define N(ref, num) "<c r=\"" ref "\"><v>" num "</v></c>"
#define SHEET(rows)                                                                                                                           \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" rows \
  "</sheetData></worksheet>"
  zip_add(path, "xl/worksheets/sheet1.xml",
          SHEET("<row r=\"1\">" S("A1", "Catatan: data contoh, bukan data resmi") "</row>"));
  zip_add(
      path, "xl/worksheets/sheet2.xml",
      SHEET("<row r=\"1\">" S(
          "A1",
          "REKAP PERSONEL PENGAMANAN PILKADA 2024") "</row>"
                                                    "<row r=\"3\">" S("A3", "kode") S(
                                                        "B3", "nama") S("C3", "personel_polri")
                                                        S("D3",
                                                          "skor_ikp") "</row>"
                                                                      "<row r=\"4\">" S("A4", "11.01") S(
                                                                          "B4",
                                                                          "Kab. Simeulue") N("C4",
                                                                                             "1234")
                                                                          S("D4",
                                                                            "45,23") "</row>"
                                                                                     "<row r=\"5\">" S(
                                                                                         "A5",
                                                                                         "11.02") S("B5",
                                                                                                    "Kab. Aceh Singkil")
                                                                                         N("C5", "950.5") S(
                                                                                             "D5",
                                                                                             "1.234,5") "</row>"
                                                                                                        "<row r=\"6\">" S(
                                                                                                            "A6",
                                                                                                            "11.03")
                                                                                                            S("D6",
                                                                                                              "-") "</row>"
                                                                                                                   "<row r=\"8\">" S(
                                                                                                                       "A8",
                                                                                                                       "12.01") S("B8",
                                                                                                                                  "Kab. Tapanuli Tengah")
                                                                                                                       N("C8",
                                                                                                                         "12")
                                                                                                                           S("D8",
                                                                                                                             "22,75") "</row>"));
#undef S
#undef N
#undef SHEET
  return path;
}

static void
test_xlsx_sheets(void)
{
  g_autofree char *dir = testutil_tmpdir();
  g_autofree char *p = write_workbook(dir);
  const char *which[] = {":kode#sheet=Rekap", ":kode#sheet=2", ":kode#sheet=rekap"};
  for (guint i = 0; i < G_N_ELEMENTS(which); i++) {
    g_autofree char *spec = g_strconcat(p, which[i], NULL);
    GError *err = NULL;
    GeoTable *t = testutil_table_read(spec, &err);
    g_assert_no_error(err);
    g_assert_cmpuint(t->n_fields, ==, 4);
    g_assert_cmpstr(t->fields[2], ==, "personel_polri");
    g_assert_cmpuint(t->n_rows, ==, 4);
    g_assert_cmpuint(t->line[0], ==, 4); /* Excel's row numbers */
    g_assert_cmpuint(t->line[3], ==, 8);
    g_assert_cmpstr(geo_table_cell(t, 1, 1), ==, "Kab. Aceh Singkil");
    g_assert_cmpfloat(number_at(t, 0, "personel_polri"), ==, 1234);
    g_assert_cmpfloat_with_epsilon(number_at(t, 1, "personel_polri"), 950.5, 1e-9);
    g_assert_cmpfloat_with_epsilon(number_at(t, 1, "skor_ikp"), 1234.5, 1e-9);
    g_assert_true(isnan(number_at(t, 2, "skor_ikp")));
    g_assert_true(has_note(t,
                           "rekap.xlsx (sheet Rekap): header on row 3; rows 1-2 above it "
                           "skipped (from 'REKAP PERSONEL",
                           NULL));
    geo_table_free(t);
  }
  /* The first sheet by default; a global default, overridden per table. */
  GError *err = NULL;
  g_assert_null(testutil_table_read(p, &err));
  g_assert_error(err, GEO_ERROR, GEO_ERROR_INPUT);
  g_assert_nonnull(strstr(err->message, "rekap.xlsx: has no rows, only a header (row 1)"));
  g_clear_error(&err);
  GeoTableOptions defaults = {0};
  g_assert_true(geo_table_options_set(&defaults, "sheet", "Rekap", &err));
  GeoTable *t = testutil_table_read_options(p, &defaults, &err);
  g_assert_no_error(err);
  g_assert_cmpuint(t->n_rows, ==, 4);
  geo_table_free(t);
  geo_table_options_clear(&defaults);

  const char *bad[][2] = {
      {"#sheet=Personel", "rekap.xlsx: sheet Personel: there is no such sheet (2: Catatan, Rekap)"},
      {"#sheet=3", "rekap.xlsx: sheet 3: there is no such sheet (2: Catatan, Rekap)"}};
  for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
    g_autofree char *spec = g_strconcat(p, bad[i][0], NULL);
    g_assert_null(testutil_table_read(spec, &err));
    g_assert_error(err, GEO_ERROR, GEO_ERROR_USAGE);
    if (strstr(err->message, bad[i][1]) == NULL)
      g_error("got '%s'", err->message);
    g_clear_error(&err);
  }
}

/* An ODS as LibreOffice writes one: empty rows as repeated rows. */
static void
test_ods_sheets(void)
{
  g_autofree char *dir = testutil_tmpdir();
  g_autofree char *p = g_build_filename(dir, "rekap.ods", NULL);
  GDALAllRegister();
  zip_add(p, "mimetype", "application/vnd.oasis.opendocument.spreadsheet");
  zip_add(
      p, "META-INF/manifest.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
      "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
      "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>");
#define S(text)                                                                                    \
  "<table:table-cell office:value-type=\"string\"><text:p>" text "</text:p></table:table-cell>"
#define F(num)                                                                                     \
  "<table:table-cell office:value-type=\"float\" office:value=\"" num "\"><text:p>" num            \
  "</text:p></table:table-cell>"
#define ROW(cells) "<table:table-row>" cells "</table:table-row>"
  zip_add(
      p, "content.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
      "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
      "<office:body><office:spreadsheet>"
      "<table:table table:name=\"Catatan\">" ROW(S(
          "lihat lembar Rekap")) "</table:table>"
                                 "<table:table table:name=\"Rekap\">" ROW(S("DATA IKP KAB/KOTA"))
                                     ROW(S("Sumber: contoh sintetis")) "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell/></table:table-row>" ROW(
                                         S("kode") S("nama")
                                             S("skor_ikp")) ROW(S("11.01") S("Kab. Simeulue")
                                                                    F("45.23"))
                                         ROW(S("11.02") S("Kab. Aceh Singkil") S("12,5")) "<table:table-row><table:table-cell/></table:table-row>" ROW(
                                             S("12.01") S("Kab. Tapanuli Tengah") S(
                                                 "n/a")) "</table:table></office:spreadsheet></office:body></office:document-content>");
#undef S
#undef F
#undef ROW
  GError *err = NULL;
  g_autofree char *spec = g_strconcat(p, ":kode#sheet=Rekap", NULL);
  GeoTable *t = testutil_table_read(spec, &err);
  g_assert_no_error(err);
  g_assert_cmpuint(t->n_fields, ==, 3);
  g_assert_cmpuint(t->n_rows, ==, 3);
  g_assert_cmpuint(t->line[0], ==, 6); /* header on row 5 */
  g_assert_cmpuint(t->line[2], ==, 9);
  /* A number cell ("45.23") and a text one ("12,5"): each as written. */
  g_assert_cmpfloat_with_epsilon(number_at(t, 0, "skor_ikp"), 45.23, 1e-9);
  g_assert_cmpfloat_with_epsilon(number_at(t, 1, "skor_ikp"), 12.5, 1e-9);
  g_assert_true(isnan(number_at(t, 2, "skor_ikp")));
  g_assert_true(has_note(t, "rekap.ods (sheet Rekap): header on row 5", NULL));
  g_assert_true(has_note(t,
                         "mixes Indonesian numbers '12,5' (row 7) with plain ones '45.23' "
                         "(row 6); each is read as written",
                         NULL));
  geo_table_free(t);
  g_autofree char *by_number = g_strconcat(p, ":kode#sheet=2,header-row=5", NULL);
  t = testutil_table_read(by_number, &err);
  g_assert_no_error(err);
  g_assert_cmpuint(t->n_rows, ==, 3);
  geo_table_free(t);
}

/* GeoPackage attribute tables (a layer by name) and a DBF: columns GDAL
 * knows, numbers stored as numbers read plainly. */
static void
test_gpkg_dbf(void)
{
  GDALAllRegister();
  g_autofree char *dir = testutil_tmpdir();
  g_autofree char *gpkg = g_build_filename(dir, "data.gpkg", NULL);
  g_autofree char *dbf = g_build_filename(dir, "skor.dbf", NULL);
  const char *drivers[] = {"GPKG", "ESRI Shapefile"};
  const char *paths[] = {gpkg, dbf};
  for (guint d = 0; d < 2; d++) {
    GDALDatasetH ds =
        GDALCreate(GDALGetDriverByName(drivers[d]), paths[d], 0, 0, 0, GDT_Unknown, NULL);
    g_assert_nonnull(ds);
    for (guint l = 0; l < (d == 0 ? 2u : 1u); l++) {
      OGRLayerH lyr = GDALDatasetCreateLayer(ds, l == 0 ? "skor" : "personel", NULL, wkbNone, NULL);
      g_assert_nonnull(lyr);
      OGRFieldDefnH fk = OGR_Fld_Create("kode", OFTString);
      OGRFieldDefnH fv = OGR_Fld_Create(l == 0 ? "skor_ikp" : "personel_polri", OFTReal);
      OGRFieldDefnH ft = OGR_Fld_Create("catatan", OFTString);
      OGR_L_CreateField(lyr, fk, TRUE);
      OGR_L_CreateField(lyr, fv, TRUE);
      OGR_L_CreateField(lyr, ft, TRUE);
      OGR_Fld_Destroy(fk);
      OGR_Fld_Destroy(fv);
      OGR_Fld_Destroy(ft);
      const char *codes[] = {"11.01", "11.02"};
      const double values[] = {1.234, l == 0 ? 45.5 : 1200};
      for (int i = 0; i < 2; i++) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(lyr));
        OGR_F_SetFieldString(f, 0, codes[i]);
        OGR_F_SetFieldDouble(f, 1, values[i]);
        OGR_F_SetFieldString(f, 2, i == 0 ? "1.234" : "n/a");
        g_assert_cmpint(OGR_L_CreateFeature(lyr, f), ==, OGRERR_NONE);
        OGR_F_Destroy(f);
      }
    }
    GDALClose(ds);
  }
  GError *err = NULL;
  g_autofree char *spec = g_strconcat(gpkg, ":kode", NULL);
  GeoTable *t = testutil_table_read(spec, &err); /* the first layer */
  g_assert_no_error(err);
  g_assert_cmpstr(t->fields[1], ==, "skor_ikp");
  /* 1.234 stored as a number is 1.234, whatever the locale. */
  g_assert_cmpfloat_with_epsilon(number_at(t, 0, "skor_ikp"), 1.234, 1e-12);
  g_assert_cmpuint(t->line[0], ==, 1);
  geo_table_free(t);
  const char *layer[] = {":kode#sheet=personel", ":kode#layer=personel", ":kode#layer=2"};
  for (guint i = 0; i < G_N_ELEMENTS(layer); i++) {
    g_autofree char *s = g_strconcat(gpkg, layer[i], NULL);
    t = testutil_table_read(s, &err);
    g_assert_no_error(err);
    g_assert_cmpstr(t->fields[1], ==, "personel_polri");
    g_assert_cmpfloat(number_at(t, 1, "personel_polri"), ==, 1200);
    geo_table_free(t);
  }
  g_autofree char *nope = g_strconcat(gpkg, "#layer=tps", NULL);
  g_assert_null(testutil_table_read(nope, &err));
  g_assert_error(err, GEO_ERROR, GEO_ERROR_USAGE);
  g_assert_nonnull(
      strstr(err->message, "data.gpkg: layer tps: there is no such layer (2: skor, personel)"));
  g_clear_error(&err);

  g_autofree char *dspec = g_strconcat(dbf, ":KODE", NULL);
  t = testutil_table_read(dspec, &err);
  g_assert_no_error(err);
  g_assert_cmpuint(t->n_rows, ==, 2);
  g_assert_cmpuint(t->line[0], ==, 1); /* record 1, not fid 0 */
  g_assert_cmpfloat_with_epsilon(number_at(t, 0, "skor_ikp"), 1.234, 1e-12);
  g_assert_true(
      has_note(t, "skor.dbf: missing values (empty, '-', 'n/a'): catatan 1 (row 2)", NULL));
  geo_table_free(t);
}

/* SRC[:KEY][#OPTIONS]: how specs split, and a '#' that is a file name. */
static void
test_spec(void)
{
  const char *cases[][2] = {
      {"a.csv", "a.csv"},
      {"a.csv:kode", "a.csv"},
      {"a.xlsx:kode#sheet=2,header-row=4", "a.xlsx"},
      {"a.xlsx#sheet=Rekap", "a.xlsx"},
      {"PG:dbname=pilkada tables=skor:kode#numbers=plain", "PG:dbname=pilkada tables=skor"},
      {"PG:dbname=pilkada", "PG:dbname=pilkada"},
      {"laporan#1.csv", "laporan#1.csv"},
      {"a.csv#bukan=opsi", "a.csv#bukan=opsi"},
  };
  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autofree char *src = builder_table_spec_source(cases[i][0]);
    g_assert_cmpstr(src, ==, cases[i][1]);
  }
  /* A PostgreSQL password never reaches a message. */
  GError *pg_err = NULL;
  g_assert_null(
      testutil_table_read("PG:host=127.0.0.1 port=1 user=x password='ra ha\\'sia' dbname=x "
                          "tables=skor:kode",
                          &pg_err));
  g_assert_error(pg_err, GEO_ERROR, GEO_ERROR_INPUT);
  g_assert_nonnull(
      strstr(pg_err->message, "PG:host=127.0.0.1 port=1 user=x password=*** dbname=x"));
  g_assert_null(strstr(pg_err->message, "ra ha"));
  g_assert_null(strstr(pg_err->message, "sia"));
  g_clear_error(&pg_err);

  g_autofree char *dir = testutil_tmpdir();
  g_autofree char *p = testutil_write(dir, "laporan#1.csv", "kode;skor\n11.01;4\n");
  GError *err = NULL;
  GeoTable *t = testutil_table_read(p, &err);
  g_assert_no_error(err);
  g_assert_cmpuint(t->n_rows, ==, 1);
  geo_table_free(t);
}

/* The join reads each column as its table decided: "1.234" personnel in a
 * ';' export are 1234 officers, not 1.234. */
static void
test_join_formats(void)
{
  const char *src = g_getenv("TESTS_SRC");
  g_autofree char *path = g_build_filename(src ? src : "tests", "bad", "good.geojson", NULL);
  GError *err = NULL;
  GeoLayerSpec spec = {
      .source = path, .key_field = "KODE", .name_field = "NAMA", .group_field = "KODE_PROV"};
  GeoLayer *layer = geo_layer_read(&spec, &err);
  g_assert_no_error(err);
  GeoTable *t = read_fixture("ikp-titik-koma.csv", ":kode", &err);
  g_assert_no_error(err);
  GeoJoin *j = geo_join_run(layer, &t, 1);
  double *polri = geo_join_numbers(j, "personel_polri", FALSE);
  double *dpt = geo_join_numbers(j, "jumlah_dpt", FALSE);
  double *skor = geo_join_numbers(j, "skor_ikp", TRUE);
  int f = geo_layer_find(layer, "11.01");
  g_assert_cmpint(f, >=, 0);
  g_assert_cmpfloat(polri[f], ==, 1234);
  g_assert_cmpfloat(dpt[f], ==, 123456);
  g_assert_cmpfloat_with_epsilon(skor[f], 45.23, 1e-9);
  g_assert_cmpuint(j->report->n_with_data, ==, 3);
  g_assert_cmpuint(j->report->n_missing_values, ==, 2);
  g_assert_cmpuint(j->report->bad_values->len, ==, 0);
  g_free(polri);
  g_free(dpt);
  g_free(skor);
  geo_join_free(j);
  geo_table_free(t);
  geo_layer_free(layer);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/table/csv-indonesian", test_csv_indonesian);
  g_test_add_func("/table/missing-key", test_missing_key);
  g_test_add_func("/table/xlsx", test_xlsx);
  g_test_add_func("/table/indonesian-export", test_indonesian_export);
  g_test_add_func("/table/separators", test_separators);
  g_test_add_func("/table/csv-errors", test_csv_errors);
  g_test_add_func("/table/cp1252", test_cp1252);
  g_test_add_func("/table/numbers-per-column", test_numbers_per_column);
  g_test_add_func("/table/xlsx-sheets", test_xlsx_sheets);
  g_test_add_func("/table/ods-sheets", test_ods_sheets);
  g_test_add_func("/table/gpkg-dbf", test_gpkg_dbf);
  g_test_add_func("/table/spec", test_spec);
  g_test_add_func("/table/join-formats", test_join_formats);
  return g_test_run();
}
