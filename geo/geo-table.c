/* geo-table.c — reads a table of scores or personnel from anything GDAL
 * opens (CSV, XLSX, ODS, DBF, GeoPackage, PostGIS) into a grid of text
 * cells.  Cells stay text here: numbers are parsed where they are used, so
 * a bad value can be reported with its row, field and raw text. */
#include "geo-private.h"

#include <gdal.h>
#include <ogr_api.h>
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

GeoTable *
geo_table_read(const char *spec, GError **error)
{
  GDALAllRegister();
  g_autofree char *src = NULL, *key = NULL;
  geo_table_split_spec(spec, &src, &key);

  const char *open_opts[] = {"AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=YES", NULL};
  CPLErrorReset();
  GDALDatasetH ds = GDALOpenEx(src, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, open_opts, NULL);
  if (ds == NULL) {
    g_autofree char *what = g_strdup_printf("%s: cannot open as a table", src);
    geo_error_set_from_gdal(error, GEO_ERROR_INPUT, what);
    return NULL;
  }
  GeoTable *t = NULL;
  OGRLayerH lyr = GDALDatasetGetLayer(ds, 0);
  if (lyr == NULL) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s: holds no table", src);
    goto out;
  }
  const char *driver = GDALGetDriverShortName(GDALGetDatasetDriver(ds));
  gboolean spreadsheet = g_strcmp0(driver, "CSV") == 0 || g_strcmp0(driver, "XLSX") == 0 ||
                         g_strcmp0(driver, "ODS") == 0;
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(lyr);
  int nf = OGR_FD_GetFieldCount(defn);
  if (nf <= 0) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s: has no columns", src);
    goto out;
  }

  t = g_new0(GeoTable, 1);
  t->source = g_strdup(src);
  t->strings = g_string_chunk_new(8192);
  t->n_fields = (guint)nf;
  t->fields = g_new0(char *, nf + 1);
  for (int i = 0; i < nf; i++)
    t->fields[i] = g_strdup(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));

  if (key != NULL) {
    t->key_column = geo_table_find_field(t, key);
    if (t->key_column < 0) {
      g_autofree char *names = g_strjoinv(", ", t->fields);
      g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s: no key field '%s' (fields: %s)", src,
                  key, names);
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
  while ((feat = OGR_L_GetNextFeature(lyr)) != NULL) {
    for (int i = 0; i < nf; i++) {
      const char *v = NULL;
      if (OGR_F_IsFieldSetAndNotNull(feat, i)) {
        v = OGR_F_GetFieldAsString(feat, i);
        v = (*v == '\0') ? NULL : g_string_chunk_insert(t->strings, v);
      }
      g_ptr_array_add(cells, (gpointer)v);
    }
    guint line = spreadsheet ? row + 2 : (guint)OGR_F_GetFID(feat);
    g_array_append_val(lines, line);
    row++;
    OGR_F_Destroy(feat);
  }
  t->n_rows = row;
  t->cells = (char **)g_ptr_array_free(cells, FALSE);
  t->line = (guint *)g_array_free(lines, FALSE);
  if (CPLGetLastErrorType() >= CE_Failure) {
    g_autofree char *what = g_strdup_printf("%s: reading failed after row %u", src, row + 1);
    geo_error_set_from_gdal(error, GEO_ERROR_INPUT, what);
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
