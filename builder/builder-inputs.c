/* builder-inputs.c — the inputs besides the boundaries: the built-in
 * data folder (province names, place names and formations), the tables
 * with their reader's notes, and how the footer names a source. */
#include "builder-private.h"

#include "config.h"

#include <string.h>

/* The first existing folder among $ENV, the installed and the source tree. */
char *
builder_inputs_find_dir(const char *env, const char *sub)
{
  const char *e = g_getenv(env);
  if (e && *e)
    return g_strdup(e);
  g_autofree char *installed = g_build_filename(PETARAWAN_DATADIR, sub, NULL);
  if (g_file_test(installed, G_FILE_TEST_IS_DIR))
    return g_steal_pointer(&installed);
  return g_build_filename(PETARAWAN_SOURCE_DIR, sub, NULL);
}

/* Province names by code from data/provinsi.csv (kode,nama,...). */
GHashTable *
builder_inputs_province_names(void)
{
  GHashTable *names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *dir = builder_inputs_find_dir("PETARAWAN_DATA", "data");
  g_autofree char *path = g_build_filename(dir, "provinsi.csv", NULL);
  g_autoptr(GError) err = NULL;
  GeoTable *t = geo_table_read_spec(&(GeoTableSpec){.source = path}, &err);
  if (t == NULL)
    return names;
  int name_col = geo_table_find_field(t, "nama");
  for (guint r = 0; name_col >= 0 && r < t->n_rows; r++) {
    const char *k = geo_table_cell(t, r, (guint)t->key_column);
    const char *n = geo_table_cell(t, r, (guint)name_col);
    if (k && n)
      g_hash_table_insert(names, geo_key_normalise(k), g_strdup(n));
  }
  geo_table_free(t);
  return names;
}

/* The place names and formations petarawan knows (data/alias-wilayah.csv,
 * data/pemekaran.csv) and the user's --aliases files.
 * Returns: (transfer full) or NULL with an error naming the file. */
GeoGazetteer *
builder_inputs_gazetteer(const BuilderConfig *c, GError **error)
{
  g_autofree char *dir = builder_inputs_find_dir("PETARAWAN_DATA", "data");
  g_autofree char *names = g_build_filename(dir, "alias-wilayah.csv", NULL);
  g_autofree char *formed = g_build_filename(dir, "pemekaran.csv", NULL);
  GeoGazetteer *g = geo_gazetteer_new();
  gboolean ok = geo_gazetteer_add_names(g, names, error) &&
                geo_gazetteer_add_formations(g, formed, error);
  if (!ok)
    g_prefix_error(error, "built-in place names (set PETARAWAN_DATA to the data folder): ");
  for (guint i = 0; ok && c->aliases && c->aliases[i]; i++)
    if (!geo_gazetteer_add_names(g, c->aliases[i], error)) {
      g_prefix_error(error, "--aliases: ");
      ok = FALSE;
    }
  if (!ok) {
    geo_gazetteer_unref(g);
    return NULL;
  }
  return g;
}

/* A source as a sheet's footer names it: a file by its name; a PostGIS
 * connection string as "PostGIS" with its database and table (or `layer`),
 * never the host, user or password.  Caller frees. */
char *
builder_inputs_source_label(const char *source, const char *layer)
{
  if (g_ascii_strncasecmp(source, "PG:", 3) != 0)
    return g_path_get_basename(source);
  g_autofree char *db = NULL, *table = NULL;
  g_auto(GStrv) words = g_strsplit(source + 3, " ", -1);
  for (guint i = 0; words[i]; i++) {
    if (g_str_has_prefix(words[i], "dbname=")) {
      g_free(db);
      db = g_strdup(words[i] + 7);
    } else if (g_str_has_prefix(words[i], "tables=")) {
      g_free(table);
      table = g_strdup(words[i] + 7);
    }
  }
  if (table == NULL && layer != NULL)
    table = g_strdup(layer);
  return g_strdup_printf("PostGIS %s%s%s", db ? db : "", db && table ? "." : "",
                         table ? table : "");
}

/* Reads every table and tells the user what the readers decided
 * (encoding, header row, number formats, missing values). */
gboolean
builder_inputs_read_tables(const BuilderSettings *s, GPtrArray *tables, BuilderEventFunc events,
                           gpointer user_data, GError **error)
{
  for (guint i = 0; i < s->n_tables; i++) {
    GeoTable *t = geo_table_read_spec(&s->tables[i], error);
    if (t == NULL)
      return FALSE;
    g_ptr_array_add(tables, t);
    for (guint k = 0; t->notes[k]; k++) {
      BuilderEvent ev = {.kind = BUILDER_EVENT_NOTE, .source = t->source, .message = t->notes[k]};
      builder_emit(events, user_data, &ev);
    }
  }
  return TRUE;
}

gboolean
builder_inputs_context(const char *context, const char *context_layer, char **source, char **layer,
                       GError **error)
{
  *source = *layer = NULL;
  /* A project file's `context=none` arrives made relative to its folder. */
  if (context &&
      (strcmp(context, "none") == 0 || (g_str_has_suffix(context, G_DIR_SEPARATOR_S "none") &&
                                        !g_file_test(context, G_FILE_TEST_EXISTS))))
    return TRUE;
  if (context) {
    *source = g_strdup(context);
    *layer = g_strdup(context_layer);
    return TRUE;
  }
  g_autofree char *dir = builder_inputs_find_dir("PETARAWAN_DATA", "data");
  g_autofree char *path = g_build_filename(dir, "negara.gpkg", NULL);
  if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "%s: the neighbouring countries drawn by default are missing (set "
                "PETARAWAN_DATA to the data folder, give --context SRC, or --context none)",
                path);
    return FALSE;
  }
  *source = g_steal_pointer(&path);
  *layer = g_strdup("negara");
  return TRUE;
}

gboolean
builder_inputs_table_is_sample(const GeoTable *t)
{
  g_autofree char *base = g_path_get_basename(t->source);
  g_autofree char *low = g_utf8_strdown(base, -1);
  const char *words[] = {"contoh", "sample", "sintetis", "synthetic"};
  for (guint i = 0; i < G_N_ELEMENTS(words); i++)
    if (strstr(low, words[i]))
      return TRUE;
  return FALSE;
}
