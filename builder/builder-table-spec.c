/* builder-table-spec.c — a user's table "SRC[:KEYFIELD][#NAME=VALUE,...]"
 * (a --table, a project file's table=) parsed into a GeoTableSpec, with
 * the run's table options as defaults and the table's own winning.  Done
 * for every table before any is read, so a bad option of the third table
 * is reported with the other problems of the settings. */
#include "builder-private.h"

#include <string.h>

/* TRUE when `suffix` (what follows a '#') is a list of NAME=VALUE items
 * with known names: then it is options, not part of a file name. */
static gboolean
builder_table_spec_is_options(const char *suffix)
{
  if (*suffix == '\0')
    return FALSE;
  g_auto(GStrv) items = g_strsplit(suffix, ",", -1);
  for (guint i = 0; items[i]; i++) {
    const char *eq = strchr(items[i], '=');
    if (eq == NULL)
      return FALSE;
    g_autofree char *n = g_strstrip(g_strndup(items[i], (gsize)(eq - items[i])));
    if (!geo_table_options_is_name(n))
      return FALSE;
  }
  return TRUE;
}

/* Splits "SRC[:KEYFIELD][#OPTIONS]".  A trailing "#name=value,..." is
 * options when its names are known and the whole spec is not a file.  The
 * last ':' splits off a key field when the whole is not a file and SRC is
 * not just a driver prefix ("PG"), and either SRC is an existing file (then
 * the key may hold anything: "ikp.csv:kode (bps)"), or the key is quoted
 * ("'kode (bps)'", "\"kode\""), or it looks like a field name (letters,
 * digits, '_', '-', spaces: "PG:... tables=skor:kode"). */
static void
builder_table_spec_split(const char *spec, char **src, char **key, char **options)
{
  *src = *key = *options = NULL;
  g_autofree char *rest = g_strdup(spec);
  const char *hash = strrchr(spec, '#');
  if (hash != NULL && builder_table_spec_is_options(hash + 1) &&
      !g_file_test(spec, G_FILE_TEST_EXISTS)) {
    *options = g_strdup(hash + 1);
    rest[hash - spec] = '\0';
  }
  const char *colon = strrchr(rest, ':');
  if (colon != NULL && colon[1] != '\0' && colon - rest > 2 &&
      !g_file_test(rest, G_FILE_TEST_EXISTS)) {
    const char *k = colon + 1;
    gsize kn = strlen(k);
    g_autofree char *before = g_strndup(rest, (gsize)(colon - rest));
    gboolean quoted = kn >= 3 && (k[0] == '\'' || k[0] == '"') && k[kn - 1] == k[0];
    gboolean fieldlike = TRUE;
    for (const char *p = k; *p; p++)
      if (!(g_ascii_isalnum(*p) || *p == '_' || *p == ' ' || *p == '-' || (guchar)*p >= 0x80))
        fieldlike = FALSE;
    if (quoted || fieldlike || g_file_test(before, G_FILE_TEST_EXISTS)) {
      *src = g_steal_pointer(&before);
      *key = quoted ? g_strndup(k + 1, kn - 2) : g_strdup(k);
      return;
    }
  }
  *src = g_steal_pointer(&rest);
}

char *
builder_table_spec_source(const char *text)
{
  char *src = NULL, *key = NULL, *options = NULL;
  builder_table_spec_split(text, &src, &key, &options);
  g_free(key);
  g_free(options);
  return src;
}

gboolean
builder_table_spec_parse(const char *text, const GeoTableOptions *defaults, GeoTableSpec *spec,
                         GError **error)
{
  memset(spec, 0, sizeof *spec);
  char *options = NULL;
  builder_table_spec_split(text, &spec->source, &spec->key_field, &options);
  if (defaults != NULL) {
    spec->options = *defaults;
    spec->options.sheet = g_strdup(defaults->sheet);
  }
  g_auto(GStrv) items = options ? g_strsplit(options, ",", -1) : NULL;
  g_free(options);
  for (guint i = 0; items && items[i]; i++) {
    const char *eq = strchr(items[i], '=');
    g_autofree char *n = g_strstrip(g_strndup(items[i], (gsize)(eq - items[i])));
    GError *e = NULL;
    if (!geo_table_options_set(&spec->options, n, eq + 1, &e)) {
      g_autofree char *name = geo_table_display_name(spec->source);
      g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s: %s", name, e->message);
      g_error_free(e);
      geo_table_spec_clear(spec);
      return FALSE;
    }
  }
  return TRUE;
}

gboolean
builder_table_defaults(const BuilderConfig *c, GeoTableOptions *defaults, GString *problems)
{
  memset(defaults, 0, sizeof *defaults);
  const struct {
    const char *name;
    const char *value;
  } given[] = {{"separator", c->separator},
               {"sheet", c->sheet},
               {"header-row", c->header_row},
               {"numbers", c->numbers}};
  gboolean ok = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS(given); i++) {
    GError *e = NULL;
    if (given[i].value != NULL &&
        !geo_table_options_set(defaults, given[i].name, given[i].value, &e)) {
      g_string_append_printf(problems, "%s--%s", problems->len ? "\n" : "", e->message);
      g_error_free(e);
      ok = FALSE;
    }
  }
  return ok;
}
