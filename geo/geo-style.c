/* geo-style.c — choropleth styles: loading, resolving and classifying.
 *
 * A style says how values become map colours: which classes exist (fixed
 * breaks such as Bawaslu's IKP thresholds, text categories, or breaks
 * computed from the data), what they are called in the legend and which
 * colour each gets.  Styles are GLib key files (styles/<name>.style, format
 * in styles/README.md) so analysts can add their own without recompiling.
 *
 * Loading validates the whole file and reports every problem at once, one
 * line each with the file and line, because a style is usually edited by
 * hand and fixing one error per run is tedious.  Data-driven styles
 * (quantile, equal, jenks) get their breaks and palette in
 * geo_style_resolve, once the values are known; until then their breaks
 * are NULL and geo_style_classify returns -1.
 */
#include "geo-private.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define GEO_STYLE_GROUP "style"
/* Optional: the coverage gap rule's doctrine (geo-figures.c). */
#define GEO_STYLE_COVERAGE "coverage"
#define GEO_STYLE_SUFFIX ".style"
#define GEO_STYLE_DEFAULT_CLASSES 5
#define GEO_STYLE_DEFAULT_NODATA "#c8c8c8"
#define GEO_STYLE_MAX_DECIMALS 10

static const char *const geo_style_keys[] = {
    "name",
    "title",
    "description",
    "method",
    "breaks",
    "labels",
    "categories",
    "colours",
    "ramp",
    "classes",
    "nodata",
    "decimals",
    /* English map text (--lang en); the plain keys are the Indonesian. */
    "title[en]",
    "labels[en]",
    NULL,
};

static const struct {
  const char *name;
  GeoMethod method;
} geo_style_methods[] = {
    {"fixed", GEO_METHOD_FIXED},       {"categorical", GEO_METHOD_CATEGORICAL},
    {"quantile", GEO_METHOD_QUANTILE}, {"equal", GEO_METHOD_EQUAL},
    {"jenks", GEO_METHOD_JENKS},
};

/* Everything a load needs to report problems with context. */
typedef struct {
  const char *path;
  GKeyFile *kf;
  GHashTable *lines;   /* key (in [style]) -> GUINT_TO_POINTER(line) */
  GPtrArray *problems; /* char*, one line each */
} GeoStyleCheck;

static gboolean
geo_style_is_data_driven(GeoMethod m)
{
  return m == GEO_METHOD_QUANTILE || m == GEO_METHOD_EQUAL || m == GEO_METHOD_JENKS;
}

static const char *
geo_style_method_name(GeoMethod m)
{
  for (gsize i = 0; i < G_N_ELEMENTS(geo_style_methods); i++)
    if (geo_style_methods[i].method == m)
      return geo_style_methods[i].name;
  return "?";
}

/* Adds one problem line, made printable: keys and values quoted in it come
 * from the file and may hold invalid UTF-8 (GKeyFile accepts any bytes in
 * key names) or control characters (escapes such as \n in values), which
 * must not reach a terminal or break the one-problem-per-line message. */
static void
geo_style_add_problem(GeoStyleCheck *chk, char *line)
{
  g_ptr_array_add(chk->problems, geo_text_printable(line, 0));
  g_free(line);
}

/* Adds one problem line: "path:LINE: key 'k': message" when the key's line
 * is known, "path: key 'k': message" otherwise, "path: message" for
 * problems not tied to a key. */
G_GNUC_PRINTF(3, 4)
static void
geo_style_problem(GeoStyleCheck *chk, const char *key, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  char *msg = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  char *line;
  guint lineno = key ? GPOINTER_TO_UINT(g_hash_table_lookup(chk->lines, key)) : 0;
  /* Keys of another group than [style] come as "[group]key". */
  const char *shown = key;
  g_autofree char *group = NULL;
  if (key && key[0] == '[' && strchr(key, ']')) {
    shown = strchr(key, ']') + 1;
    group = g_strndup(key, (gsize)(shown - key));
  }
  if (key && lineno > 0)
    line = g_strdup_printf("%s:%u: %s%skey '%s': %s", chk->path, lineno, group ? group : "",
                           group ? " " : "", shown, msg);
  else if (key)
    line = g_strdup_printf("%s: %s%skey '%s': %s", chk->path, group ? group : "", group ? " " : "",
                           shown, msg);
  else
    line = g_strdup_printf("%s: %s", chk->path, msg);
  geo_style_add_problem(chk, line);
  g_free(msg);
}

/* Records the line of each key in the [style] group, and reports keys set
 * twice (GKeyFile would silently keep one of them). */
static void
geo_style_scan_lines(GeoStyleCheck *chk, const char *contents)
{
  char **lines = g_strsplit(contents, "\n", -1);
  gboolean in_style = FALSE, in_coverage = FALSE;
  for (guint i = 0; lines[i] != NULL; i++) {
    char *l = g_strstrip(lines[i]);
    if (l[0] == '\0' || l[0] == '#')
      continue;
    if (l[0] == '[') {
      char *end = strchr(l, ']');
      in_style = end != NULL && (size_t)(end - l - 1) == strlen(GEO_STYLE_GROUP) &&
                 strncmp(l + 1, GEO_STYLE_GROUP, strlen(GEO_STYLE_GROUP)) == 0;
      in_coverage = end != NULL && (size_t)(end - l - 1) == strlen(GEO_STYLE_COVERAGE) &&
                    strncmp(l + 1, GEO_STYLE_COVERAGE, strlen(GEO_STYLE_COVERAGE)) == 0;
      continue;
    }
    char *eq = strchr(l, '=');
    if (!(in_style || in_coverage) || eq == NULL)
      continue;
    *eq = '\0';
    /* Keys of [coverage] are recorded as "[coverage]key". */
    g_autofree char *key = in_style ? g_strdup(g_strstrip(l))
                                    : g_strconcat("[" GEO_STYLE_COVERAGE "]", g_strstrip(l), NULL);
    guint first = GPOINTER_TO_UINT(g_hash_table_lookup(chk->lines, key));
    if (first > 0) {
      char *msg = in_style ? g_strdup_printf("%s:%u: key '%s': given twice (first on line %u)",
                                             chk->path, i + 1, key, first)
                           : g_strdup_printf("%s:%u: [" GEO_STYLE_COVERAGE "] key '%s': given "
                                             "twice (first on line %u)",
                                             chk->path, i + 1, l, first);
      geo_style_add_problem(chk, msg);
    } else {
      g_hash_table_insert(chk->lines, g_strdup(key), GUINT_TO_POINTER(i + 1));
    }
  }
  g_strfreev(lines);
}

/* The trimmed string value of `key`, or NULL when absent.  Caller frees
 * with g_free. */
static char *
geo_style_get_string(GeoStyleCheck *chk, const char *key)
{
  if (!g_key_file_has_key(chk->kf, GEO_STYLE_GROUP, key, NULL))
    return NULL;
  GError *err = NULL;
  char *v = g_key_file_get_string(chk->kf, GEO_STYLE_GROUP, key, &err);
  if (v == NULL) {
    geo_style_problem(chk, key, "%s", err->message);
    g_error_free(err);
    return NULL;
  }
  return g_strstrip(v);
}

/* The ';'-separated items of `key`, each trimmed; NULL when absent or
 * unreadable.  Empty items are reported.  *present tells absent from
 * broken.  Caller frees with g_strfreev. */
static char **
geo_style_get_list(GeoStyleCheck *chk, const char *key, gboolean *present)
{
  *present = g_key_file_has_key(chk->kf, GEO_STYLE_GROUP, key, NULL);
  if (!*present)
    return NULL;
  GError *err = NULL;
  gsize n = 0;
  char **items = g_key_file_get_string_list(chk->kf, GEO_STYLE_GROUP, key, &n, &err);
  if (items == NULL) {
    geo_style_problem(chk, key, "%s", err ? err->message : "cannot read list");
    g_clear_error(&err);
    return NULL;
  }
  gboolean ok = n > 0;
  if (n == 0)
    geo_style_problem(chk, key, "empty list");
  for (gsize i = 0; i < n; i++) {
    g_strstrip(items[i]);
    if (items[i][0] == '\0') {
      geo_style_problem(chk, key, "item %zu is empty", i + 1);
      ok = FALSE;
    }
  }
  if (!ok) {
    g_strfreev(items);
    return NULL;
  }
  return items;
}

/* Parses a whole trimmed string as a finite number ('.' decimal point). */
static gboolean
geo_style_parse_double(const char *text, double *out)
{
  if (text == NULL || text[0] == '\0')
    return FALSE;
  char *end = NULL;
  double v = g_ascii_strtod(text, &end);
  if (end == text || *end != '\0' || !isfinite(v))
    return FALSE;
  *out = v;
  return TRUE;
}

/* Reads an integer key in [min, max] into *out; FALSE when absent or bad
 * (bad values are reported). */
static gboolean
geo_style_get_int(GeoStyleCheck *chk, const char *key, gint64 min, gint64 max, gint64 *out)
{
  char *v = geo_style_get_string(chk, key);
  if (v == NULL)
    return FALSE;
  GError *err = NULL;
  gint64 n;
  gboolean ok = g_ascii_string_to_signed(v, 10, min, max, &n, &err);
  if (!ok) {
    geo_style_problem(chk, key,
                      "'%s' is not a whole number from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT,
                      v, min, max);
    g_error_free(err);
  } else {
    *out = n;
  }
  g_free(v);
  return ok;
}

/* Parses every item of a colour list; NULL (with problems reported) when
 * any is bad.  Caller frees with g_free. */
static GeoRgb *
geo_style_parse_colours(GeoStyleCheck *chk, const char *key, char **items, guint *n_out)
{
  guint n = g_strv_length(items);
  GeoRgb *out = g_new(GeoRgb, n);
  gboolean ok = TRUE;
  for (guint i = 0; i < n; i++) {
    if (!geo_rgb_parse(items[i], &out[i])) {
      geo_style_problem(chk, key, "item %u '%s' is not a colour (expected #rrggbb or #rgb)", i + 1,
                        items[i]);
      ok = FALSE;
    }
  }
  if (!ok) {
    g_free(out);
    return NULL;
  }
  *n_out = n;
  return out;
}

/* Text folded for category matching: surrounding whitespace dropped, inner
 * runs of whitespace (including no-break spaces) made one space, case
 * folded, NFC-normalised.  Caller frees with g_free. */
static char *
geo_style_fold(const char *text)
{
  char *valid = g_utf8_make_valid(text, -1);
  GString *s = g_string_sized_new(strlen(valid));
  gboolean pending_space = FALSE;
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (g_unichar_isspace(c) || c == 0x00A0 || c == 0x200B) {
      pending_space = s->len > 0;
      continue;
    }
    if (pending_space)
      g_string_append_c(s, ' ');
    pending_space = FALSE;
    g_string_append_unichar(s, c);
  }
  char *folded = g_utf8_casefold(s->str, (gssize)s->len);
  char *norm = g_utf8_normalize(folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  g_free(folded);
  g_string_free(s, TRUE);
  g_free(valid);
  return norm;
}

static int
geo_style_compare_strings(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
geo_style_compare_doubles(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

char **
geo_style_list(const char *styles_dir)
{
  GPtrArray *paths = g_ptr_array_new();
  GDir *dir = styles_dir ? g_dir_open(styles_dir, 0, NULL) : NULL;
  if (dir != NULL) {
    const char *entry;
    while ((entry = g_dir_read_name(dir)) != NULL) {
      if (!g_str_has_suffix(entry, GEO_STYLE_SUFFIX) || strlen(entry) == strlen(GEO_STYLE_SUFFIX))
        continue;
      char *path = g_build_filename(styles_dir, entry, NULL);
      if (g_file_test(path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add(paths, path);
      else
        g_free(path);
    }
    g_dir_close(dir);
  }
  if (paths->len > 1)
    qsort(paths->pdata, paths->len, sizeof(char *), geo_style_compare_strings);
  g_ptr_array_add(paths, NULL);
  return (char **)g_ptr_array_free(paths, FALSE);
}

/* The style name a path stands for: its base name without ".style".
 * Caller frees with g_free. */
static char *
geo_style_name_from_path(const char *path)
{
  char *base = g_path_get_basename(path);
  if (g_str_has_suffix(base, GEO_STYLE_SUFFIX) && strlen(base) > strlen(GEO_STYLE_SUFFIX))
    base[strlen(base) - strlen(GEO_STYLE_SUFFIX)] = '\0';
  return base;
}

/* Turns a style name or path into the file to read.  Caller frees with
 * g_free. */
static char *
geo_style_find(const char *name_or_path, const char *styles_dir, GError **error)
{
  if (strchr(name_or_path, '/') != NULL || strchr(name_or_path, G_DIR_SEPARATOR) != NULL ||
      g_str_has_suffix(name_or_path, GEO_STYLE_SUFFIX))
    return g_strdup(name_or_path);

  if (name_or_path[0] != '\0' && styles_dir != NULL) {
    char *file = g_strconcat(name_or_path, GEO_STYLE_SUFFIX, NULL);
    char *path = g_build_filename(styles_dir, file, NULL);
    g_free(file);
    if (g_file_test(path, G_FILE_TEST_IS_REGULAR))
      return path;
    g_free(path);
  }

  char **all = geo_style_list(styles_dir);
  GString *names = g_string_new(NULL);
  for (guint i = 0; all[i] != NULL; i++) {
    char *name = geo_style_name_from_path(all[i]);
    g_string_append_printf(names, "%s%s", i > 0 ? ", " : "", name);
    g_free(name);
  }
  if (names->len > 0)
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "unknown style '%s'; available styles: %s",
                name_or_path, names->str);
  else
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "unknown style '%s'; no styles found in %s",
                name_or_path, styles_dir ? styles_dir : "(no styles directory)");
  g_string_free(names, TRUE);
  g_strfreev(all);
  return NULL;
}

/* Reads the optional [coverage] group: officers-per-tps, the doctrine
 * ratio below which a district of the top class is a reinforcement
 * priority (geo_figures_priorities).  NAN when not set. */
static void
geo_style_read_coverage(GeoStyleCheck *chk, GeoStyle *st)
{
  st->officers_per_tps = NAN;
  if (!g_key_file_has_group(chk->kf, GEO_STYLE_COVERAGE))
    return;
  const char *key = "[" GEO_STYLE_COVERAGE "]officers-per-tps";
  char **keys = g_key_file_get_keys(chk->kf, GEO_STYLE_COVERAGE, NULL, NULL);
  for (guint i = 0; keys && keys[i] != NULL; i++) {
    if (strcmp(keys[i], "officers-per-tps") != 0) {
      g_autofree char *k = g_strconcat("[" GEO_STYLE_COVERAGE "]", keys[i], NULL);
      geo_style_problem(chk, k, "unknown key (known keys: officers-per-tps)");
    }
  }
  g_strfreev(keys);
  if (!g_key_file_has_key(chk->kf, GEO_STYLE_COVERAGE, "officers-per-tps", NULL))
    return;
  char *v = g_key_file_get_string(chk->kf, GEO_STYLE_COVERAGE, "officers-per-tps", NULL);
  double d;
  if (v != NULL && geo_style_parse_double(g_strstrip(v), &d) && d > 0)
    st->officers_per_tps = d;
  else
    geo_style_problem(chk, key, "'%s' is not a positive number (use '.' for decimals)", v ? v : "");
  g_free(v);
}

/* Reads and checks the [style] group into `st`, adding a problem for
 * everything wrong. */
static void
geo_style_read(GeoStyleCheck *chk, GeoStyle *st)
{
  /* Groups and keys we do not know. */
  char **groups = g_key_file_get_groups(chk->kf, NULL);
  gboolean has_style = FALSE;
  for (guint i = 0; groups[i] != NULL; i++) {
    if (strcmp(groups[i], GEO_STYLE_GROUP) == 0)
      has_style = TRUE;
    else if (strcmp(groups[i], GEO_STYLE_COVERAGE) != 0)
      geo_style_problem(chk, NULL,
                        "unknown group [%s] (only [" GEO_STYLE_GROUP "] and [" GEO_STYLE_COVERAGE
                        "] are read)",
                        groups[i]);
  }
  g_strfreev(groups);
  if (!has_style) {
    geo_style_problem(chk, NULL, "no [" GEO_STYLE_GROUP "] group");
    return;
  }
  char **keys = g_key_file_get_keys(chk->kf, GEO_STYLE_GROUP, NULL, NULL);
  for (guint i = 0; keys && keys[i] != NULL; i++) {
    if (!g_strv_contains(geo_style_keys, keys[i])) {
      char *known = g_strjoinv(", ", (char **)geo_style_keys);
      geo_style_problem(chk, keys[i], "unknown key (known keys: %s)", known);
      g_free(known);
    }
  }
  g_strfreev(keys);

  /* Names. */
  char *name = geo_style_get_string(chk, "name");
  if (name != NULL && name[0] == '\0') {
    geo_style_problem(chk, "name", "empty");
    g_clear_pointer(&name, g_free);
  }
  st->name = name ? name : geo_style_name_from_path(chk->path);
  char *title = geo_style_get_string(chk, "title");
  if (title != NULL && title[0] == '\0')
    g_clear_pointer(&title, g_free);
  st->title = title ? title : g_strdup(st->name);
  char *title_en = geo_style_get_string(chk, "title[en]");
  if (title_en != NULL && title_en[0] == '\0')
    g_clear_pointer(&title_en, g_free);
  st->title_en = title_en;
  char *desc = geo_style_get_string(chk, "description");
  st->description = desc ? desc : g_strdup("");

  /* Method. */
  gboolean method_ok = FALSE;
  char *method = geo_style_get_string(chk, "method");
  if (method == NULL) {
    if (!g_key_file_has_key(chk->kf, GEO_STYLE_GROUP, "method", NULL))
      geo_style_problem(chk, "method",
                        "missing (one of fixed, categorical, quantile, equal, jenks)");
  } else {
    for (gsize i = 0; i < G_N_ELEMENTS(geo_style_methods); i++) {
      if (g_ascii_strcasecmp(method, geo_style_methods[i].name) == 0) {
        st->method = geo_style_methods[i].method;
        method_ok = TRUE;
      }
    }
    if (!method_ok)
      geo_style_problem(chk, "method",
                        "unknown method '%s' (expected fixed, categorical, quantile, equal or "
                        "jenks)",
                        method);
  }
  g_free(method);
  const char *mname = method_ok ? geo_style_method_name(st->method) : NULL;
  gboolean data_driven = method_ok && geo_style_is_data_driven(st->method);

  /* Class count: from breaks (fixed), categories (categorical) or classes
   * (data-driven).  0 while unknown, which skips the count checks. */
  guint n_classes = 0;

  /* breaks: fixed only, strictly ascending numbers. */
  gboolean present;
  char **items = geo_style_get_list(chk, "breaks", &present);
  if (present && method_ok && st->method != GEO_METHOD_FIXED)
    geo_style_problem(chk, "breaks", "only used with method=fixed, not method=%s", mname);
  else if (!present && method_ok && st->method == GEO_METHOD_FIXED)
    geo_style_problem(chk, "breaks",
                      "missing: method=fixed needs the lower bounds of classes 2..n");
  if (items != NULL) {
    guint n = g_strv_length(items);
    double *b = g_new(double, n);
    gboolean ok = TRUE;
    for (guint i = 0; i < n; i++) {
      if (!geo_style_parse_double(items[i], &b[i])) {
        geo_style_problem(chk, "breaks", "item %u '%s' is not a number (use '.' for decimals)",
                          i + 1, items[i]);
        ok = FALSE;
      }
    }
    for (guint i = 1; ok && i < n; i++) {
      if (!(b[i] > b[i - 1])) {
        geo_style_problem(chk, "breaks", "breaks must ascend strictly, but %s is followed by %s",
                          items[i - 1], items[i]);
        ok = FALSE;
      }
    }
    if (ok && method_ok && st->method == GEO_METHOD_FIXED) {
      st->breaks = b;
      n_classes = n + 1;
    } else {
      g_free(b);
    }
    g_strfreev(items);
  }

  /* categories: categorical only, distinct after folding. */
  items = geo_style_get_list(chk, "categories", &present);
  if (present && method_ok && st->method != GEO_METHOD_CATEGORICAL)
    geo_style_problem(chk, "categories", "only used with method=categorical, not method=%s", mname);
  else if (!present && method_ok && st->method == GEO_METHOD_CATEGORICAL)
    geo_style_problem(chk, "categories", "missing: method=categorical needs the category texts");
  if (items != NULL) {
    gboolean ok = TRUE;
    for (guint i = 0; items[i] != NULL; i++) {
      char *fi = geo_style_fold(items[i]);
      for (guint j = 0; j < i; j++) {
        char *fj = geo_style_fold(items[j]);
        if (strcmp(fi, fj) == 0) {
          geo_style_problem(chk, "categories", "item %u '%s' is the same as item %u '%s'", i + 1,
                            items[i], j + 1, items[j]);
          ok = FALSE;
        }
        g_free(fj);
      }
      g_free(fi);
    }
    if (ok && method_ok && st->method == GEO_METHOD_CATEGORICAL) {
      st->categories = items;
      n_classes = g_strv_length(items);
    } else {
      g_strfreev(items);
    }
  }

  /* classes: data-driven only. */
  gint64 classes = GEO_STYLE_DEFAULT_CLASSES;
  if (g_key_file_has_key(chk->kf, GEO_STYLE_GROUP, "classes", NULL)) {
    if (method_ok && !data_driven)
      geo_style_problem(chk, "classes",
                        "only used with method=quantile, equal or jenks, not method=%s", mname);
    geo_style_get_int(chk, "classes", GEO_STYLE_MIN_CLASSES, GEO_STYLE_MAX_CLASSES, &classes);
  }
  if (data_driven)
    n_classes = (guint)classes;

  /* labels: one per class, fixed and categorical only. */
  items = geo_style_get_list(chk, "labels", &present);
  if (items != NULL) {
    guint n = g_strv_length(items);
    if (data_driven) {
      geo_style_problem(chk, "labels",
                        "not used with method=%s: its classes are labelled by their ranges", mname);
      g_strfreev(items);
    } else {
      if (n_classes > 0 && n != n_classes)
        geo_style_problem(chk, "labels", "%u labels for %u classes", n, n_classes);
      st->labels = items;
    }
  }
  items = geo_style_get_list(chk, "labels[en]", &present);
  if (items != NULL) {
    guint n = g_strv_length(items);
    if (data_driven) {
      geo_style_problem(chk, "labels[en]",
                        "not used with method=%s: its classes are labelled by their ranges", mname);
      g_strfreev(items);
    } else {
      if (n_classes > 0 && n != n_classes)
        geo_style_problem(chk, "labels[en]", "%u labels for %u classes", n, n_classes);
      if (st->labels == NULL)
        geo_style_problem(chk, "labels[en]", "given without labels (the Indonesian ones)");
      st->labels_en = items;
    }
  }

  /* colours and ramp. */
  GeoRgb *colours = NULL;
  guint n_colours = 0;
  items = geo_style_get_list(chk, "colours", &present);
  gboolean has_colours = present;
  if (items != NULL) {
    colours = geo_style_parse_colours(chk, "colours", items, &n_colours);
    g_strfreev(items);
  }
  items = geo_style_get_list(chk, "ramp", &present);
  gboolean has_ramp = present;
  if (items != NULL) {
    st->ramp = geo_style_parse_colours(chk, "ramp", items, &st->n_ramp);
    if (st->ramp != NULL && st->n_ramp < 2) {
      geo_style_problem(chk, "ramp", "needs at least 2 anchor colours, got %u", st->n_ramp);
      g_clear_pointer(&st->ramp, g_free);
      st->n_ramp = 0;
    }
    g_strfreev(items);
  }
  if (data_driven) {
    if (has_colours)
      geo_style_problem(chk, "colours",
                        "not used with method=%s, whose class count depends on the data: "
                        "give ramp= anchor colours instead",
                        mname);
    if (!has_ramp)
      geo_style_problem(chk, "ramp", "missing: method=%s needs ramp= anchor colours", mname);
  } else if (method_ok) {
    if (has_colours && has_ramp)
      geo_style_problem(chk, "ramp", "give either colours or ramp, not both");
    else if (!has_colours && !has_ramp)
      geo_style_problem(chk, NULL, "no colours: give colours= (one per class) or ramp=");
    else if (colours != NULL && n_classes > 0 && n_colours != n_classes)
      geo_style_problem(chk, "colours", "%u colours for %u classes", n_colours, n_classes);
  }

  /* nodata and decimals. */
  char *nodata = geo_style_get_string(chk, "nodata");
  if (!geo_rgb_parse(nodata ? nodata : GEO_STYLE_DEFAULT_NODATA, &st->nodata))
    geo_style_problem(chk, "nodata", "'%s' is not a colour (expected #rrggbb or #rgb)", nodata);
  g_free(nodata);
  gint64 decimals = 2;
  geo_style_get_int(chk, "decimals", 0, GEO_STYLE_MAX_DECIMALS, &decimals);
  st->decimals = (int)decimals;

  /* The palette for the classes known now; data-driven styles get theirs
   * again from geo_style_resolve. */
  st->n_classes = n_classes;
  if (chk->problems->len == 0 && n_classes > 0) {
    if (colours != NULL && !data_driven) {
      st->colours = colours;
      colours = NULL;
    } else if (st->ramp != NULL) {
      st->colours = g_new(GeoRgb, n_classes);
      geo_rgb_ramp(st->ramp, st->n_ramp, n_classes, st->colours);
    }
  }
  g_free(colours);
  geo_style_read_coverage(chk, st);
}

GeoStyle *
geo_style_load(const char *name_or_path, const char *styles_dir, GError **error)
{
  g_return_val_if_fail(name_or_path != NULL, NULL);
  g_return_val_if_fail(error == NULL || *error == NULL, NULL);

  char *path = geo_style_find(name_or_path, styles_dir, error);
  if (path == NULL)
    return NULL;

  char *contents = NULL;
  gsize length = 0;
  GError *err = NULL;
  if (!geo_file_read(path, "style", GEO_LIMIT_SMALL_FILE_BYTES, &contents, &length, &err)) {
    g_propagate_error(error, err);
    g_free(path);
    return NULL;
  }
  GeoStyle *st = geo_style_load_data(path, contents, length, error);
  g_free(contents);
  g_free(path);
  return st;
}

GeoStyle *
geo_style_load_data(const char *path, const char *data, gsize length, GError **error)
{
  g_return_val_if_fail(path != NULL, NULL);
  g_return_val_if_fail(data != NULL || length == 0, NULL);
  g_return_val_if_fail(error == NULL || *error == NULL, NULL);

  /* A NUL-terminated copy: the line scan reads the text as a string. */
  char *contents = g_malloc(length + 1);
  if (length > 0)
    memcpy(contents, data, length);
  contents[length] = '\0';
  GError *err = NULL;
  /* Files saved by Windows editors may start with a UTF-8 byte order
   * mark, which GKeyFile would take as part of the first line. */
  const char *text = contents;
  if (length >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
    text += 3;
    length -= 3;
  }
  GKeyFile *kf = g_key_file_new();
  /* Translations kept: without the flag GKeyFile drops every "key[xx]"
   * not of the process's locale, and title[en] would vanish. */
  if (!g_key_file_load_from_data(kf, text, length, G_KEY_FILE_KEEP_TRANSLATIONS, &err)) {
    g_autofree char *why = geo_text_printable(err->message, 0);
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s: not a valid style file: %s", path, why);
    g_error_free(err);
    g_key_file_unref(kf);
    g_free(contents);
    return NULL;
  }

  GeoStyleCheck chk = {
      .path = path,
      .kf = kf,
      .lines = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
      .problems = g_ptr_array_new_with_free_func(g_free),
  };
  geo_style_scan_lines(&chk, text);

  GeoStyle *st = g_new0(GeoStyle, 1);
  st->path = g_strdup(path);
  st->data_min = st->data_max = NAN;
  st->officers_per_tps = NAN;
  geo_style_read(&chk, st);

  if (chk.problems->len > 0) {
    g_ptr_array_add(chk.problems, NULL);
    char *all = g_strjoinv("\n", (char **)chk.problems->pdata);
    g_set_error_literal(error, GEO_ERROR, GEO_ERROR_USAGE, all);
    g_free(all);
    geo_style_free(st);
    st = NULL;
  }
  g_ptr_array_free(chk.problems, TRUE);
  g_hash_table_destroy(chk.lines);
  g_key_file_unref(kf);
  g_free(contents);
  return st;
}

void
geo_style_free(GeoStyle *style)
{
  if (style == NULL)
    return;
  g_free(style->name);
  g_free(style->path);
  g_free(style->title);
  g_free(style->description);
  g_free(style->breaks);
  g_strfreev(style->labels);
  g_free(style->title_en);
  g_strfreev(style->labels_en);
  g_strfreev(style->categories);
  g_free(style->colours);
  g_free(style->ramp);
  g_free(style);
}

/* n_classes == 0 takes the style's current class count: the file's
 * `classes` before the first resolve, the count last made after it. */
gboolean
geo_style_resolve(GeoStyle *style, const double *values, guint n, guint n_classes, GError **error)
{
  g_return_val_if_fail(style != NULL, FALSE);
  g_return_val_if_fail(values != NULL || n == 0, FALSE);

  if (style->method == GEO_METHOD_CATEGORICAL)
    return TRUE;

  guint n_finite = 0;
  double lo = INFINITY, hi = -INFINITY;
  for (guint i = 0; i < n; i++) {
    if (!isfinite(values[i]))
      continue;
    n_finite++;
    if (values[i] < lo)
      lo = values[i];
    if (values[i] > hi)
      hi = values[i];
  }
  style->data_min = n_finite ? lo : NAN;
  style->data_max = n_finite ? hi : NAN;

  if (!geo_style_is_data_driven(style->method))
    return TRUE;

  guint k = n_classes ? n_classes : style->n_classes;
  if (k < GEO_STYLE_MIN_CLASSES || k > GEO_STYLE_MAX_CLASSES) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "style %s: %u classes asked for; method=%s makes %d to %d", style->name, k,
                geo_style_method_name(style->method), GEO_STYLE_MIN_CLASSES, GEO_STYLE_MAX_CLASSES);
    return FALSE;
  }
  if (n_finite == 0) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                "style %s: no numeric values to compute %s breaks from", style->name,
                geo_style_method_name(style->method));
    return FALSE;
  }
  if (style->ramp == NULL || style->n_ramp == 0) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "style %s: no ramp colours", style->name);
    return FALSE;
  }

  double *sorted = g_new(double, n_finite);
  guint m = 0;
  for (guint i = 0; i < n; i++)
    if (isfinite(values[i]))
      sorted[m++] = values[i];
  qsort(sorted, m, sizeof(double), geo_style_compare_doubles);

  double *breaks = g_new(double, k - 1);
  guint made = 0;
  switch (style->method) {
  case GEO_METHOD_QUANTILE: made = geo_breaks_quantile(sorted, m, k, breaks); break;
  case GEO_METHOD_EQUAL: made = geo_breaks_equal(sorted, m, k, breaks); break;
  case GEO_METHOD_JENKS: made = geo_breaks_jenks(sorted, m, k, breaks); break;
  case GEO_METHOD_FIXED:
  case GEO_METHOD_CATEGORICAL: g_assert_not_reached();
  }
  g_free(sorted);
  if (made < 1)
    made = 1;
  if (made == 1)
    g_clear_pointer(&breaks, g_free);

  g_free(style->breaks);
  style->breaks = breaks;
  style->n_classes = made;
  g_free(style->colours);
  style->colours = g_new(GeoRgb, made);
  geo_rgb_ramp(style->ramp, style->n_ramp, made, style->colours);
  return TRUE;
}

int
geo_style_classify(const GeoStyle *style, double value, const char *text)
{
  if (style == NULL || style->n_classes == 0)
    return -1;

  if (style->method == GEO_METHOD_CATEGORICAL) {
    if (text == NULL || style->categories == NULL)
      return -1;
    char *want = geo_style_fold(text);
    int found = -1;
    for (guint i = 0; found < 0 && i < style->n_classes && style->categories[i] != NULL; i++) {
      char *cat = geo_style_fold(style->categories[i]);
      if (strcmp(want, cat) == 0)
        found = (int)i;
      g_free(cat);
    }
    g_free(want);
    return found;
  }

  if (!isfinite(value))
    return -1;
  if (style->n_classes == 1)
    return 0;
  if (style->breaks == NULL)
    return -1; /* a data-driven style not resolved yet */

  /* The number of breaks <= value, by bisection over n_classes-1 breaks. */
  guint lo = 0, hi = style->n_classes - 1;
  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;
    if (style->breaks[mid] <= value)
      lo = mid + 1;
    else
      hi = mid;
  }
  return (int)lo;
}
