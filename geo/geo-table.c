/* geo-table.c — reads a table of scores or personnel into a grid of text
 * cells, whatever it came as: CSV (geo-csv.c), an XLSX or ODS sheet
 * (geo-sheet.c), both through geo-grid.c, which finds the header under any
 * title rows; or a DBF, GeoPackage, PostGIS or other GDAL table, whose
 * columns GDAL knows.  Cells stay text here: numbers are parsed where they
 * are used, so a bad value can be reported with its row, field and raw
 * text; how each column writes its numbers is decided here
 * (geo-table-numbers.c).  What to read comes as a GeoTableSpec (the front
 * end parses "SRC[:KEYFIELD][#NAME=VALUE,...]" into it); the values of the
 * reading options are parsed here (geo_table_options_set). */
#include "geo-private.h"

#include <gdal.h>
#include <ogr_api.h>
#include <cpl_conv.h>
#include <string.h>

static const char *const geo_table_option_names[] = {"separator", "sheet", "layer", "header-row",
                                                     "numbers"};

gboolean
geo_table_options_is_name(const char *name)
{
  for (guint k = 0; k < G_N_ELEMENTS(geo_table_option_names); k++)
    if (strcmp(name, geo_table_option_names[k]) == 0)
      return TRUE;
  return FALSE;
}

void
geo_table_spec_clear(GeoTableSpec *spec)
{
  g_free(spec->source);
  g_free(spec->key_field);
  geo_table_options_clear(&spec->options);
  memset(spec, 0, sizeof *spec);
}

gboolean
geo_table_options_set(GeoTableOptions *o, const char *name, const char *value, GError **error)
{
  g_autofree char *v = g_strstrip(g_strdup(value ? value : ""));
  gboolean automatic = *v == '\0' || g_ascii_strcasecmp(v, "auto") == 0;
  g_autofree char *shown = geo_text_printable(value ? value : "", 60);
  if (strcmp(name, "separator") == 0) {
    /* A tab given literally is stripped to nothing: look at the raw value. */
    const char *raw = value ? value : "";
    if (strcmp(raw, "\t") == 0 || g_ascii_strcasecmp(v, "tab") == 0 || strcmp(v, "\\t") == 0)
      o->separator = '\t';
    else if (strcmp(v, ",") == 0 || g_ascii_strcasecmp(v, "comma") == 0)
      o->separator = ',';
    else if (strcmp(v, ";") == 0 || g_ascii_strcasecmp(v, "semicolon") == 0)
      o->separator = ';';
    else if (strcmp(v, "|") == 0 || g_ascii_strcasecmp(v, "pipe") == 0)
      o->separator = '|';
    else if (automatic)
      o->separator = 0;
    else {
      g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                  "separator: '%s' is not a separator (comma, semicolon, tab, pipe or auto)",
                  shown);
      return FALSE;
    }
    return TRUE;
  }
  if (strcmp(name, "sheet") == 0 || strcmp(name, "layer") == 0) {
    g_clear_pointer(&o->sheet, g_free);
    if (*v != '\0') {
      if (!g_utf8_validate(v, -1, NULL)) {
        g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s: '%s' is not valid UTF-8", name, shown);
        return FALSE;
      }
      o->sheet = g_strdup(v);
    }
    return TRUE;
  }
  if (strcmp(name, "header-row") == 0) {
    guint64 n = 0;
    if (automatic)
      o->header_row = 0;
    else if (g_ascii_string_to_unsigned(v, 10, 0, 10000000, &n, NULL))
      o->header_row = (guint)n;
    else {
      g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                  "header-row: '%s' is not a row number (1, 2, ... or auto)", shown);
      return FALSE;
    }
    return TRUE;
  }
  if (strcmp(name, "numbers") == 0) {
    if (automatic)
      o->numbers = GEO_NUMBERS_AUTO;
    else if (g_ascii_strcasecmp(v, "indonesian") == 0 || g_ascii_strcasecmp(v, "id") == 0)
      o->numbers = GEO_NUMBERS_INDONESIAN;
    else if (g_ascii_strcasecmp(v, "plain") == 0)
      o->numbers = GEO_NUMBERS_PLAIN;
    else {
      g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                  "numbers: '%s' is not a number format (indonesian, plain or auto)", shown);
      return FALSE;
    }
    return TRUE;
  }
  g_autofree char *shown_name = geo_text_printable(name, 60);
  g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
              "unknown table option '%s' (separator, sheet, header-row, numbers)", shown_name);
  return FALSE;
}

void
geo_table_options_clear(GeoTableOptions *o)
{
  g_free(o->sheet);
  memset(o, 0, sizeof *o);
}

/* `src` for messages and reports: a PostgreSQL connection string's
 * password replaced by "***" (libpq's "password=VALUE", quoted or not), so
 * that it reaches no terminal, log or PDF; made printable.  Caller frees. */
char *
geo_table_display_name(const char *src)
{
  GString *out = g_string_new(NULL);
  const char *p = src;
  gboolean pg = g_ascii_strncasecmp(src, "PG:", 3) == 0;
  while (*p) {
    if (pg && g_ascii_strncasecmp(p, "password", 8) == 0 &&
        (p == src || p[-1] == ' ' || p[-1] == ':')) {
      const char *q = p + 8;
      while (*q == ' ')
        q++;
      if (*q == '=') {
        q++;
        while (*q == ' ')
          q++;
        if (*q == '\'') {
          for (q++; *q && *q != '\''; q++)
            if (*q == '\\' && q[1])
              q++;
          if (*q)
            q++;
        } else {
          while (*q && *q != ' ')
            q++;
        }
        g_string_append(out, "password=***");
        p = q;
        continue;
      }
    }
    g_string_append_c(out, *p++);
  }
  char *shown = geo_text_printable(out->str, 0);
  g_string_free(out, TRUE);
  return shown;
}

void *
geo_table_pick_layer(void *dataset, const char *name, const char *which, const char *what,
                     GError **error)
{
  GDALDatasetH ds = dataset;
  int n = GDALDatasetGetLayerCount(ds);
  OGRLayerH lyr = NULL;
  guint64 number = 0;
  if (which == NULL) {
    lyr = n > 0 ? GDALDatasetGetLayer(ds, 0) : NULL;
    if (lyr == NULL) {
      g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s: holds no table", name);
      return NULL;
    }
    return lyr;
  }
  if (g_ascii_string_to_unsigned(which, 10, 1, G_MAXINT, &number, NULL)) {
    if (number <= (guint64)n)
      return GDALDatasetGetLayer(ds, (int)number - 1);
  } else {
    for (int i = 0; i < n && lyr == NULL; i++)
      if (strcmp(OGR_L_GetName(GDALDatasetGetLayer(ds, i)), which) == 0)
        lyr = GDALDatasetGetLayer(ds, i);
    for (int i = 0; i < n && lyr == NULL; i++)
      if (g_utf8_validate(OGR_L_GetName(GDALDatasetGetLayer(ds, i)), -1, NULL)) {
        g_autofree char *a = g_utf8_casefold(OGR_L_GetName(GDALDatasetGetLayer(ds, i)), -1);
        g_autofree char *b = g_utf8_casefold(which, -1);
        if (strcmp(a, b) == 0)
          lyr = GDALDatasetGetLayer(ds, i);
      }
    /* PostGIS lists only some tables; it finds the others by name. */
    if (lyr == NULL) {
      CPLPushErrorHandler(CPLQuietErrorHandler);
      lyr = GDALDatasetGetLayerByName(ds, which);
      CPLPopErrorHandler();
      CPLErrorReset();
    }
    if (lyr != NULL)
      return lyr;
  }
  GString *names = g_string_new(NULL);
  for (int i = 0; i < n && i < 20; i++)
    g_string_append_printf(names, "%s%s", i ? ", " : "", OGR_L_GetName(GDALDatasetGetLayer(ds, i)));
  if (n > 20)
    g_string_append_printf(names, " and %d more", n - 20);
  g_autofree char *shown = geo_text_printable(names->str, 2000);
  g_autofree char *shown_which = geo_text_printable(which, 100);
  g_string_free(names, TRUE);
  g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s: %s %s: there is no such %s (%d: %s)", name,
              what, shown_which, what, n, n ? shown : "none");
  return NULL;
}

/* A table GDAL knows the columns of: DBF, GeoPackage, PostGIS...
 * typed[i] says that column i holds numbers stored as numbers. */
static GeoTable *
geo_table_read_layer(const char *src, const char *name, const char *sheet, gboolean **typed,
                     GError **error)
{
  CPLErrorReset();
  GDALDatasetH ds = GDALOpenEx(src, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
  if (ds == NULL) {
    g_autofree char *what = g_strdup_printf("%s: cannot open as a table", name);
    geo_error_set_from_gdal(error, GEO_ERROR_INPUT, what);
    geo_source_explain_pg(src, error);
    return NULL;
  }
  GeoTable *t = NULL;
  OGRLayerH lyr = geo_table_pick_layer(ds, name, sheet, "layer", error);
  if (lyr == NULL)
    goto out;
  const char *driver = GDALGetDriverShortName(GDALGetDatasetDriver(ds));
  gboolean zero_based = g_strcmp0(driver, "ESRI Shapefile") == 0;
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(lyr);
  int nf = OGR_FD_GetFieldCount(defn);
  if (nf <= 0) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s: has no columns", name);
    goto out;
  }
  if (nf > GEO_LIMIT_COLUMNS) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s: has more than %d columns; the limit is %d",
                name, GEO_LIMIT_COLUMNS, GEO_LIMIT_COLUMNS);
    goto out;
  }

  t = g_new0(GeoTable, 1);
  t->source = g_strdup(name);
  t->strings = g_string_chunk_new(8192);
  t->n_fields = (guint)nf;
  t->fields = g_new0(char *, nf + 1);
  *typed = g_new0(gboolean, nf);
  for (int i = 0; i < nf; i++) {
    OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
    const char *fname = OGR_Fld_GetNameRef(fd);
    OGRFieldType type = OGR_Fld_GetType(fd);
    (*typed)[i] = type == OFTInteger || type == OFTInteger64 || type == OFTReal;
    if (strlen(fname) > GEO_LIMIT_CELL_BYTES) {
      g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                  "%s: the name of column %d is %" G_GSIZE_FORMAT
                  " bytes long; the limit is %d bytes",
                  name, i + 1, strlen(fname), GEO_LIMIT_CELL_BYTES);
      geo_table_free(t);
      t = NULL;
      goto out;
    }
    char *fixed = geo_text_repair(fname);
    t->fields[i] = fixed ? fixed : g_strdup(fname);
  }

  GPtrArray *cells = g_ptr_array_new();
  GArray *lines = g_array_new(FALSE, FALSE, sizeof(guint));
  OGRFeatureH feat;
  guint row = 0;
  gboolean failed = FALSE;
  CPLErrorReset();
  while (!failed && (feat = OGR_L_GetNextFeature(lyr)) != NULL) {
    /* The number a user finds the row by: its fid (a shapefile's DBF
     * counts from 0, its users from 1), else its position. */
    GIntBig fid = OGR_F_GetFID(feat);
    guint line = (fid >= 0 && fid < G_MAXUINT) ? (guint)fid + zero_based : row + 1;
    if (line == 0)
      line = row + 1;
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
                      " bytes long; the limit is %d bytes",
                      name, line, field, start, (gsize)len, GEO_LIMIT_CELL_BYTES);
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
    g_autofree char *what =
        g_strdup_printf("%s: reading failed after row %u", name, row ? t->line[row - 1] : 1);
    geo_error_set_from_gdal(error, GEO_ERROR_INPUT, what);
    geo_table_free(t);
    t = NULL;
  } else if (row == 0) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s: has no rows", name);
    geo_table_free(t);
    t = NULL;
  }
out:
  GDALClose(ds);
  return t;
}

typedef enum { GEO_TABLE_CSV, GEO_TABLE_SHEET, GEO_TABLE_LAYER } GeoTableKind;

/* What reads `src`: our CSV reader for CSV (by name, a "CSV:" prefix, or
 * GDAL's word), GDAL's sheets for XLSX/ODS, GDAL's layers otherwise. */
static GeoTableKind
geo_table_kind(const char *src, const char **path)
{
  *path = src;
  if (g_ascii_strncasecmp(src, "CSV:", 4) == 0) {
    *path = src + 4;
    return GEO_TABLE_CSV;
  }
  g_autofree char *lower = g_ascii_strdown(src, -1);
  if (g_str_has_suffix(lower, ".csv") || g_str_has_suffix(lower, ".tsv") ||
      g_str_has_suffix(lower, ".psv") || g_str_has_suffix(lower, ".txt"))
    return GEO_TABLE_CSV;
  if (g_str_has_prefix(src, "PG:"))
    return GEO_TABLE_LAYER;
  CPLPushErrorHandler(CPLQuietErrorHandler);
  GDALDriverH drv = GDALIdentifyDriverEx(src, GDAL_OF_VECTOR, NULL, NULL);
  CPLPopErrorHandler();
  CPLErrorReset();
  const char *d = drv ? GDALGetDriverShortName(drv) : "";
  if (strcmp(d, "CSV") == 0)
    return GEO_TABLE_CSV;
  if (strcmp(d, "XLSX") == 0 || strcmp(d, "ODS") == 0)
    return GEO_TABLE_SHEET;
  return GEO_TABLE_LAYER;
}

/* Finds the key column, or fails listing the columns there are. */
static gboolean
geo_table_set_key(GeoTable *t, const char *name, const char *key, GError **error)
{
  if (key != NULL) {
    t->key_column = geo_table_find_field(t, key);
    if (t->key_column < 0) {
      g_autofree char *pnames =
          geo_text_field_list((const char *const *)t->fields, t->n_fields, "none");
      g_autofree char *pkey = geo_text_printable(key, 200);
      g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s: no key field '%s' (fields: %s)", name,
                  pkey, pnames);
      return FALSE;
    }
  }
  t->key_field = g_strdup(t->fields[t->key_column]);
  return TRUE;
}

/* When a spec with a ':' failed because nothing of that name exists, says
 * which readings were tried: "x.csv:kode (bps)" is neither a file nor
 * "x.csv" with key "kode (bps)". */
static void
geo_table_explain_spec(const char *src, const char *key, GError **error)
{
  const char *colon = strrchr(src, ':');
  if (key != NULL || colon == NULL || colon - src <= 2 || error == NULL || *error == NULL ||
      geo_source_is_pg(src) || g_str_has_prefix(src, "/vsi") ||
      g_file_test(src, G_FILE_TEST_EXISTS))
    return;
  g_autofree char *before = g_strndup(src, (gsize)(colon - src));
  if (g_file_test(before, G_FILE_TEST_EXISTS))
    return;
  g_autofree char *p_src = geo_text_printable(src, 300);
  g_autofree char *p_before = geo_text_printable(before, 300);
  g_autofree char *p_key = geo_text_printable(colon + 1, 200);
  char *msg = g_strdup_printf("%s (neither '%s' nor '%s', with key field '%s', is a file)",
                              (*error)->message, p_src, p_before, p_key);
  g_free((*error)->message);
  (*error)->message = msg;
}

GeoTable *
geo_table_read_spec(const GeoTableSpec *spec, GError **error)
{
  GDALAllRegister();
  const char *src = spec->source;
  const char *key = spec->key_field;
  g_autofree char *name = geo_table_display_name(src);
  g_autofree char *opened = NULL; /* src as GDAL is given it */
  const GeoTableOptions o = spec->options;
  GeoTable *t = NULL;
  GeoGrid *grid = NULL;
  g_autofree gboolean *typed = NULL;
  GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);

  /* A FIFO or a device is refused before anything opens it (open() on a
   * FIFO blocks); a PG: string gets its timeouts. */
  opened = geo_source_prepare(src, "table", FALSE, error);
  if (opened == NULL || (g_ascii_strncasecmp(src, "CSV:", 4) == 0 &&
                         !geo_file_check_regular(src + 4, "table", FALSE, error)))
    goto out;
  const char *path;
  switch (geo_table_kind(opened, &path)) {
  case GEO_TABLE_CSV: grid = geo_csv_read(path, o.separator, error); break;
  case GEO_TABLE_SHEET: grid = geo_sheet_read(path, o.sheet, error); break;
  case GEO_TABLE_LAYER:
    t = geo_table_read_layer(path, name, o.sheet, &typed, error);
    if (t == NULL)
      goto out;
    break;
  }
  if (t == NULL) {
    if (grid == NULL)
      goto out;
    t = geo_grid_to_table(grid, src, o.header_row, error);
    for (guint i = 0; i < grid->notes->len; i++)
      g_ptr_array_add(notes, g_strdup(g_ptr_array_index(grid->notes, i)));
    if (t == NULL)
      goto out;
    g_free(name);
    name = g_strdup(grid->name);
  }
  if (!geo_table_set_key(t, name, key, error) ||
      !geo_table_decide_numbers(t, name, o.numbers, typed, grid ? grid->hint : GEO_NUMBERS_AUTO,
                                notes, error)) {
    geo_table_free(t);
    t = NULL;
    goto out;
  }
  g_ptr_array_add(notes, NULL);
  t->notes = (char **)g_ptr_array_free(g_steal_pointer(&notes), FALSE);
out:
  if (t == NULL)
    geo_table_explain_spec(src, key, error);
  if (notes != NULL)
    g_ptr_array_unref(notes);
  geo_grid_free(grid);
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
  g_free(t->number_format);
  g_strfreev(t->notes);
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
