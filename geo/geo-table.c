/* geo-table.c — reads a table of scores or personnel from anything GDAL
 * opens (CSV, XLSX, ODS, DBF, GeoPackage, PostGIS) into a grid of text
 * cells.  Cells stay text here: numbers are parsed where they are used, so
 * a bad value can be reported with its row, field and raw text. */
#include "geo-private.h"

#include <gdal.h>
#include <ogr_api.h>
#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <string.h>

/* Splits "SRC[:KEYFIELD]".  A trailing ":name" is a key field when `name`
 * looks like a field name and SRC is not just a driver prefix ("PG"). */
static void
geo_table_split_spec(const char *spec, char **src, char **key)
{
  const char *colon = strrchr(spec, ':');
  *src = NULL;
  *key = NULL;
  if (colon != NULL && colon[1] != '\0' && colon - spec > 2) {
    gboolean fieldlike = TRUE;
    for (const char *p = colon + 1; *p; p++)
      if (!(g_ascii_isalnum(*p) || *p == '_' || *p == ' ' || *p == '-' || (guchar)*p >= 0x80))
        fieldlike = FALSE;
    if (fieldlike && !g_file_test(spec, G_FILE_TEST_EXISTS)) {
      *src = g_strndup(spec, (gsize)(colon - spec));
      *key = g_strdup(colon + 1);
      return;
    }
  }
  *src = g_strdup(spec);
}

/* A CSV is text: GDAL's CSV driver opens any file named .csv, so random
 * or binary bytes would come back as columns of garbage.  Looks at the
 * first 64 KiB for NUL bytes and control characters. */
static gboolean
geo_table_check_text(const char *src, GError **error)
{
  VSILFILE *fp = VSIFOpenL(src, "rb");
  if (fp == NULL)
    return TRUE; /* GDAL opened it some other way: let it report */
  guchar buf[64 * 1024];
  size_t n = VSIFReadL(buf, 1, sizeof buf, fp);
  VSIFCloseL(fp);
  g_autofree char *name = geo_text_printable(src, 0);
  if (n >= 2 && ((buf[0] == 0xff && buf[1] == 0xfe) || (buf[0] == 0xfe && buf[1] == 0xff))) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                "%s: is UTF-16 text; save it as \"CSV UTF-8\" (or as XLSX)", name);
    return FALSE;
  }
  size_t controls = 0, first = n, line_of_first = 0, line = 1;
  gboolean nul = FALSE;
  for (size_t i = 0; i < n; i++) {
    guchar c = buf[i];
    if (c == '\n')
      line++;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) {
      controls++;
      nul = nul || c == 0;
      if (first == n) {
        first = i;
        line_of_first = line;
      }
    }
  }
  if (nul || (controls >= 8 && controls * 100 > n)) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                "%s: is not a text table: binary byte 0x%02x at offset %" G_GSIZE_FORMAT
                " (line %" G_GSIZE_FORMAT "); a CSV must be text",
                name, buf[first], (gsize)first, (gsize)line_of_first);
    return FALSE;
  }
  return TRUE;
}

char *
geo_table_source(const char *spec)
{
  char *src = NULL, *key = NULL;
  geo_table_split_spec(spec, &src, &key);
  g_free(key);
  return src;
}

GeoTable *
geo_table_read(const char *spec, GError **error)
{
  GDALAllRegister();
  g_autofree char *src = NULL, *key = NULL;
  geo_table_split_spec(spec, &src, &key);
  g_autofree char *name = geo_text_printable(src, 0);

  const char *open_opts[] = {"AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=YES", NULL};
  CPLErrorReset();
  /* GDAL's CSV driver keeps only the first 2000 columns of a wider file,
   * with a warning nobody sees: let it read one more than our limit so
   * that a wider table is refused instead of silently cut. */
  char max_fields[16];
  g_snprintf(max_fields, sizeof max_fields, "%d", GEO_LIMIT_COLUMNS + 1);
  CPLSetThreadLocalConfigOption("OGR_CSV_MAX_FIELD_COUNT", max_fields);
  GDALDatasetH ds = GDALOpenEx(src, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, open_opts, NULL);
  CPLSetThreadLocalConfigOption("OGR_CSV_MAX_FIELD_COUNT", NULL);
  if (ds == NULL) {
    g_autofree char *what = g_strdup_printf("%s: cannot open as a table", name);
    geo_error_set_from_gdal(error, GEO_ERROR_INPUT, what);
    return NULL;
  }
  GeoTable *t = NULL;
  OGRLayerH lyr = GDALDatasetGetLayer(ds, 0);
  if (lyr == NULL) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s: holds no table", name);
    goto out;
  }
  const char *driver = GDALGetDriverShortName(GDALGetDatasetDriver(ds));
  gboolean spreadsheet = g_strcmp0(driver, "CSV") == 0 || g_strcmp0(driver, "XLSX") == 0 ||
                         g_strcmp0(driver, "ODS") == 0;
  if (g_strcmp0(driver, "CSV") == 0 && !geo_table_check_text(src, error))
    goto out;
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(lyr);
  int nf = OGR_FD_GetFieldCount(defn);
  if (nf <= 0) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s: has no columns", name);
    goto out;
  }
  if (nf > GEO_LIMIT_COLUMNS) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                "%s: has more than %d columns; the limit is %d", name, GEO_LIMIT_COLUMNS,
                GEO_LIMIT_COLUMNS);
    goto out;
  }

  t = g_new0(GeoTable, 1);
  t->source = g_strdup(src);
  t->strings = g_string_chunk_new(8192);
  t->n_fields = (guint)nf;
  t->fields = g_new0(char *, nf + 1);
  for (int i = 0; i < nf; i++) {
    const char *fname = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i));
    if (strlen(fname) > GEO_LIMIT_CELL_BYTES) {
      g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                  "%s: the name of column %d is %" G_GSIZE_FORMAT
                  " bytes long; the limit is %d bytes", name, i + 1, strlen(fname),
                  GEO_LIMIT_CELL_BYTES);
      geo_table_free(t);
      t = NULL;
      goto out;
    }
    char *fixed = geo_text_repair(fname);
    t->fields[i] = fixed ? fixed : g_strdup(fname);
  }

  if (key != NULL) {
    t->key_column = geo_table_find_field(t, key);
    if (t->key_column < 0) {
      GString *names = g_string_new(NULL);
      for (guint i = 0; i < t->n_fields && i < 20; i++)
        g_string_append_printf(names, "%s%s", i ? ", " : "", t->fields[i]);
      if (t->n_fields > 20)
        g_string_append_printf(names, " and %u more", t->n_fields - 20);
      g_autofree char *pnames = geo_text_printable(names->str, 2000);
      g_string_free(names, TRUE);
      g_autofree char *pkey = geo_text_printable(key, 200);
      g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s: no key field '%s' (fields: %s)", name,
                  pkey, pnames);
      geo_table_free(t);
      t = NULL;
      goto out;
    }
  }
  t->key_field = g_strdup(t->fields[t->key_column]);

  GPtrArray *cells = g_ptr_array_new();
  GArray *lines = g_array_new(FALSE, FALSE, sizeof(guint));
  OGRFeatureH feat;
  guint row = 0;
  gboolean failed = FALSE;
  CPLErrorReset();
  while (!failed && (feat = OGR_L_GetNextFeature(lyr)) != NULL) {
    guint line = spreadsheet ? row + 2 : (guint)OGR_F_GetFID(feat);
    if ((guint64)(row + 1) * (guint64)nf > GEO_LIMIT_TABLE_CELLS) {
      g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                  "%s: more than %u cells (%d columns, row %u); the limit is %u cells", name,
                  GEO_LIMIT_TABLE_CELLS, nf, line, GEO_LIMIT_TABLE_CELLS);
      failed = TRUE;
    }
    for (int i = 0; !failed && i < nf; i++) {
      const char *v = NULL;
      if (OGR_F_IsFieldSetAndNotNull(feat, i)) {
        v = OGR_F_GetFieldAsString(feat, i);
        size_t len = strlen(v);
        if (len > GEO_LIMIT_CELL_BYTES) {
          g_autofree char *start = geo_text_printable(v, 20);
          g_autofree char *field = geo_text_printable(t->fields[i], 200);
          g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                      "%s row %u, field %s: the cell ('%s') is %" G_GSIZE_FORMAT
                      " bytes long; the limit is %d bytes", name, line, field, start,
                      (gsize)len, GEO_LIMIT_CELL_BYTES);
          failed = TRUE;
          break;
        }
        g_autofree char *fixed = geo_text_repair(v);
        if (fixed)
          v = fixed;
        v = (*v == '\0') ? NULL : g_string_chunk_insert(t->strings, v);
      }
      g_ptr_array_add(cells, (gpointer)v);
    }
    g_array_append_val(lines, line);
    row++;
    OGR_F_Destroy(feat);
  }
  t->n_rows = row;
  t->cells = (char **)g_ptr_array_free(cells, FALSE);
  t->line = (guint *)g_array_free(lines, FALSE);
  if (failed) {
    geo_table_free(t);
    t = NULL;
  } else if (CPLGetLastErrorType() >= CE_Failure) {
    g_autofree char *what = g_strdup_printf("%s: reading failed after row %u", name,
                                            row ? t->line[row - 1] : 1);
    geo_error_set_from_gdal(error, GEO_ERROR_INPUT, what);
    geo_table_free(t);
    t = NULL;
  } else if (row == 0) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s: has no rows, only a header", name);
    geo_table_free(t);
    t = NULL;
  }
out:
  GDALClose(ds);
  return t;
}

void
geo_table_free(GeoTable *t)
{
  if (t == NULL)
    return;
  g_free(t->source);
  g_free(t->key_field);
  g_strfreev(t->fields);
  g_free(t->cells);
  g_free(t->line);
  if (t->strings)
    g_string_chunk_free(t->strings);
  g_free(t);
}

int
geo_table_find_field(const GeoTable *t, const char *field)
{
  for (guint i = 0; i < t->n_fields; i++)
    if (strcmp(t->fields[i], field) == 0)
      return (int)i;
  for (guint i = 0; i < t->n_fields; i++)
    if (g_ascii_strcasecmp(t->fields[i], field) == 0)
      return (int)i;
  return -1;
}

const char *
geo_table_cell(const GeoTable *t, guint row, guint column)
{
  return t->cells[(gsize)row * t->n_fields + column];
}
