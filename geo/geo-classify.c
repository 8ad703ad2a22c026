/* geo-classify.c — the mapped value, next to the join: each district's
 * value and class from a joined field and the style, and the join
 * report's account of that value (which field and table, the districts
 * with and without data, the bad and missing cells).  That account is
 * written here and nowhere else; the figures (geo-figures.c) add their
 * own bad cells through geo_join_add_bad_value, and the two accounts do
 * not depend on which comes first: the value's bad cells always stand
 * before the figures', and a cell both report is reported once. */
#include "geo-private.h"

#include <math.h>
#include <string.h>

int
geo_join_value_begin(GeoJoin *j, const char *field)
{
  GeoJoinReport *r = j->report;
  int fi = geo_join_find_field(j, field);
  g_free(r->value_field);
  r->value_field = g_strdup(field);
  r->value_table = fi >= 0 ? (int)g_array_index(j->field_table, guint, fi) : -1;
  g_array_set_size(r->without_data, 0);
  /* Only the earlier value's bad cells go: the first n_value_bad. */
  g_ptr_array_remove_range(r->bad_values, 0, r->n_value_bad);
  r->n_value_bad = 0;
  r->n_with_data = 0;
  r->n_missing_values = 0;
  return fi;
}

void
geo_join_value_add(GeoJoin *j, guint f, int field, gboolean with_data, const char *raw,
                   gboolean missing)
{
  GeoJoinReport *r = j->report;
  if (with_data) {
    r->n_with_data++;
    return;
  }
  g_array_append_val(r->without_data, f);
  if (missing)
    r->n_missing_values++;
  if (raw) {
    /* Appended for now; geo_join_value_end moves it to the front. */
    geo_join_add_bad_value(j, f, field, raw);
    GeoBadValue *b = g_ptr_array_index(r->bad_values, r->bad_values->len - 1);
    b->of_value = TRUE;
  }
}

void
geo_join_value_end(GeoJoin *j)
{
  GeoJoinReport *r = j->report;
  GPtrArray *old = r->bad_values;
  /* Features whose value cell is bad: a figure reading the same column
   * reported the same cell, and once is enough. */
  GHashTable *cells = g_hash_table_new(g_direct_hash, g_direct_equal);
  for (guint i = 0; i < old->len; i++) {
    const GeoBadValue *b = g_ptr_array_index(old, i);
    if (b->of_value)
      g_hash_table_add(cells, GUINT_TO_POINTER(b->feature));
  }
  GPtrArray *bad = g_ptr_array_new_with_free_func(geo_join_bad_value_free);
  for (guint i = 0; i < old->len; i++) {
    GeoBadValue *b = g_ptr_array_index(old, i);
    if (b->of_value)
      g_ptr_array_add(bad, b);
  }
  r->n_value_bad = bad->len;
  for (guint i = 0; i < old->len; i++) {
    GeoBadValue *b = g_ptr_array_index(old, i);
    if (b->of_value)
      continue;
    if (r->value_field && strcmp(b->field, r->value_field) == 0 &&
        g_hash_table_contains(cells, GUINT_TO_POINTER(b->feature)))
      geo_join_bad_value_free(b);
    else
      g_ptr_array_add(bad, b);
  }
  g_ptr_array_set_free_func(old, NULL);
  g_ptr_array_unref(old);
  r->bad_values = bad;
  g_hash_table_destroy(cells);
}

double *
geo_join_numbers(GeoJoin *j, const char *field, gboolean report_bad)
{
  double *v = g_new(double, MAX(j->n_features, 1));
  int fi = report_bad ? geo_join_value_begin(j, field) : geo_join_find_field(j, field);
  const char **cells = fi >= 0 ? g_ptr_array_index(j->cells, fi) : NULL;
  /* The table decided how its column writes numbers; tables built without
   * that decision fall back to the joined cells' majority. */
  GeoNumberFormat format = fi >= 0 ? g_array_index(j->field_format, GeoNumberFormat, fi)
                                   : GEO_NUMBERS_AUTO;
  gboolean id =
      format == GEO_NUMBERS_INDONESIAN ||
      (format == GEO_NUMBERS_AUTO && cells && geo_join_column_is_indonesian(cells, j->n_features));
  for (guint f = 0; f < j->n_features; f++) {
    v[f] = NAN;
    const char *c = cells ? cells[f] : NULL;
    const char *bad = NULL;
    if (c != NULL && !geo_number_is_missing(c)) {
      double d;
      if (geo_number_parse(c, id, &d))
        v[f] = d;
      else
        bad = c;
    }
    if (report_bad)
      geo_join_value_add(j, f, fi, !isnan(v[f]), bad, c != NULL && geo_number_is_missing(c));
  }
  if (report_bad)
    geo_join_value_end(j);
  return v;
}

/* The error for a value field without a single usable value: names the
 * table, the field, and the first bad value with its row. */
static void
geo_classify_no_values_error(const GeoJoin *join, const char *field, int fi, GError **error)
{
  const GeoJoinReport *r = join->report;
  guint ti = g_array_index(join->field_table, guint, fi);
  const char *source = g_ptr_array_index(join->sources, ti);
  const GeoTableReport *tr = g_ptr_array_index(r->tables, ti);
  GString *why = g_string_new(NULL);
  g_string_append_printf(why, "%u of %u rows match the boundaries", tr->n_matched, tr->n_rows);
  if (r->n_value_bad > 0) {
    const GeoBadValue *b = g_ptr_array_index(r->bad_values, 0);
    g_autofree char *raw = g_utf8_make_valid(b->raw, -1);
    if (g_utf8_strlen(raw, -1) > 40) {
      char *cut = g_utf8_substring(raw, 0, 37);
      g_free(raw);
      raw = g_strconcat(cut, "...", NULL);
      g_free(cut);
    }
    g_string_append_printf(why, "; %u bad values, the first in row %u: '%s'", r->n_value_bad,
                           b->line, raw);
  }
  if (r->n_missing_values > 0)
    g_string_append_printf(why, "; %u empty", r->n_missing_values);
  g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
              "%s, field %s: no district has a usable value (%s); nothing to map", source, field,
              why->str);
  g_string_free(why, TRUE);
}

gboolean
geo_join_classify(GeoJoin *join, GeoStyle *style, const char *field, guint n_classes,
                  double **values_out, int **classes_out, GError **error)
{
  int fi = geo_join_find_field(join, field);
  if (fi < 0) {
    GString *names = g_string_new(NULL);
    for (guint i = 0; i < join->fields->len && i < 20; i++)
      g_string_append_printf(names, "%s%s", i ? ", " : "",
                             (char *)g_ptr_array_index(join->fields, i));
    if (join->fields->len > 20)
      g_string_append_printf(names, " and %u more", join->fields->len - 20);
    g_autofree char *shown = geo_text_printable(field, 80);
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "no field '%s' in the tables (fields: %s)",
                shown, names->len ? names->str : "none: give a table");
    g_string_free(names, TRUE);
    return FALSE;
  }
  guint n = join->n_features;
  int *classes = g_new(int, MAX(n, 1));
  double *values;
  if (style->method == GEO_METHOD_CATEGORICAL) {
    geo_join_value_begin(join, field);
    values = g_new(double, MAX(n, 1));
    for (guint f = 0; f < n; f++) {
      const char *text = geo_join_get(join, f, fi);
      classes[f] = geo_style_classify(style, NAN, text);
      values[f] = NAN;
      gboolean empty = text == NULL || geo_number_is_missing(text);
      geo_join_value_add(join, f, fi, classes[f] >= 0, empty ? NULL : text, FALSE);
    }
    geo_join_value_end(join);
  } else {
    values = geo_join_numbers(join, field, TRUE);
  }
  gboolean ok = TRUE;
  if (join->report->n_with_data == 0) {
    geo_classify_no_values_error(join, field, fi, error);
    ok = FALSE;
  } else if (style->method != GEO_METHOD_CATEGORICAL) {
    ok = geo_style_resolve(style, values, n, n_classes, error);
    if (!ok)
      g_prefix_error(error, "%s: ", field);
    for (guint f = 0; ok && f < n; f++)
      classes[f] = geo_style_classify(style, values[f], NULL);
  }
  if (!ok) {
    g_free(values);
    g_free(classes);
    return FALSE;
  }
  *values_out = values;
  *classes_out = classes;
  return TRUE;
}
