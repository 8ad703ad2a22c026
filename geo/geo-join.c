/* geo-join.c — joins tables to a boundary layer on normalised keys and
 * records everything that did not fit: rows that matched nothing, repeated
 * keys, features left without data, values that are not numbers.  The join
 * never fails on data problems; it reports them (geo-report.c prints). */
#include "geo-private.h"

#include <math.h>
#include <string.h>

static void
geo_join_row_ref_free(gpointer p)
{
  GeoRowRef *r = p;
  g_free(r->raw_key);
  g_free(r);
}

static void
geo_join_duplicate_free(gpointer p)
{
  GeoDuplicate *d = p;
  g_free(d->key);
  g_free(d);
}

static void
geo_join_bad_value_free(gpointer p)
{
  GeoBadValue *b = p;
  g_free(b->source);
  g_free(b->field);
  g_free(b->raw);
  g_free(b);
}

static void
geo_join_table_report_free(gpointer p)
{
  GeoTableReport *t = p;
  g_free(t->source);
  g_free(t->key_field);
  g_ptr_array_unref(t->unmatched);
  g_ptr_array_unref(t->duplicates);
  g_free(t);
}

GeoJoin *
geo_join_run(const GeoLayer *layer, GeoTable **tables, guint n_tables)
{
  GeoJoin *j = g_new0(GeoJoin, 1);
  j->n_features = layer->n_features;
  j->fields = g_ptr_array_new_with_free_func(g_free);
  j->cells = g_ptr_array_new_with_free_func(g_free);
  j->field_table = g_array_new(FALSE, FALSE, sizeof(guint));
  j->field_format = g_array_new(FALSE, FALSE, sizeof(GeoNumberFormat));
  j->row_lines = g_ptr_array_new_with_free_func(g_free);
  j->sources = g_ptr_array_new_with_free_func(g_free);
  GeoJoinReport *r = g_new0(GeoJoinReport, 1);
  j->report = r;
  r->boundaries = g_strdup(layer->source);
  r->n_features = layer->n_features;
  r->without_data = g_array_new(FALSE, FALSE, sizeof(guint));
  r->dup_features = g_ptr_array_new_with_free_func(geo_join_duplicate_free);
  r->tables = g_ptr_array_new_with_free_func(geo_join_table_report_free);
  r->bad_values = g_ptr_array_new_with_free_func(geo_join_bad_value_free);

  /* Index the boundaries by key; a repeated key keeps its first feature. */
  GHashTable *by_key = g_hash_table_new(g_str_hash, g_str_equal);
  for (guint f = 0; f < layer->n_features; f++) {
    const char *k = layer->features[f].key;
    gpointer prev;
    if (g_hash_table_lookup_extended(by_key, k, NULL, &prev)) {
      GeoDuplicate *d = g_new0(GeoDuplicate, 1);
      d->key = g_strdup(k);
      d->first_line = (guint)layer->features[GPOINTER_TO_UINT(prev)].fid;
      d->line = (guint)layer->features[f].fid;
      g_ptr_array_add(r->dup_features, d);
      continue;
    }
    g_hash_table_insert(by_key, (gpointer)k, GUINT_TO_POINTER(f));
  }

  for (guint ti = 0; ti < n_tables; ti++) {
    const GeoTable *t = tables[ti];
    GeoTableReport *tr = g_new0(GeoTableReport, 1);
    tr->source = g_strdup(t->source);
    tr->key_field = g_strdup(t->key_field);
    tr->n_rows = t->n_rows;
    tr->unmatched = g_ptr_array_new_with_free_func(geo_join_row_ref_free);
    tr->duplicates = g_ptr_array_new_with_free_func(geo_join_duplicate_free);
    g_ptr_array_add(r->tables, tr);

    /* Columns of this table that are new to the join. */
    int *col_to_field = g_new(int, t->n_fields);
    for (guint c = 0; c < t->n_fields; c++) {
      col_to_field[c] = -1;
      if ((int)c == t->key_column || geo_join_find_field(j, t->fields[c]) >= 0)
        continue;
      col_to_field[c] = (int)j->fields->len;
      g_ptr_array_add(j->fields, g_strdup(t->fields[c]));
      g_ptr_array_add(j->cells, g_new0(const char *, MAX(layer->n_features, 1)));
      g_array_append_val(j->field_table, ti);
      GeoNumberFormat format = t->number_format ? t->number_format[c] : GEO_NUMBERS_AUTO;
      g_array_append_val(j->field_format, format);
    }
    guint *row_of = g_new0(guint, MAX(layer->n_features, 1)); /* row+1, 0 = none */
    guint *lines = g_new0(guint, MAX(layer->n_features, 1));
    g_ptr_array_add(j->row_lines, lines);
    g_ptr_array_add(j->sources, g_strdup(t->source));
    for (guint row = 0; row < t->n_rows; row++) {
      const char *raw = geo_table_cell(t, row, (guint)t->key_column);
      g_autofree char *key = geo_key_normalise(raw);
      gpointer fp;
      if (!g_hash_table_lookup_extended(by_key, key, NULL, &fp)) {
        GeoRowRef *u = g_new0(GeoRowRef, 1);
        u->line = t->line[row];
        u->raw_key = g_strdup(raw ? raw : "");
        g_ptr_array_add(tr->unmatched, u);
        continue;
      }
      guint f = GPOINTER_TO_UINT(fp);
      if (row_of[f] != 0) {
        GeoDuplicate *d = g_new0(GeoDuplicate, 1);
        d->key = g_strdup(raw ? raw : "");
        d->first_line = t->line[row_of[f] - 1];
        d->line = t->line[row];
        g_ptr_array_add(tr->duplicates, d);
        continue;
      }
      row_of[f] = row + 1;
      lines[f] = t->line[row];
      tr->n_matched++;
      for (guint c = 0; c < t->n_fields; c++)
        if (col_to_field[c] >= 0)
          ((const char **)g_ptr_array_index(j->cells, col_to_field[c]))[f] =
              geo_table_cell(t, row, c);
    }
    g_free(row_of);
    g_free(col_to_field);
  }
  g_hash_table_destroy(by_key);
  return j;
}

void
geo_join_free(GeoJoin *j)
{
  if (j == NULL)
    return;
  g_ptr_array_unref(j->fields);
  g_ptr_array_unref(j->cells);
  g_array_unref(j->field_table);
  g_array_unref(j->field_format);
  g_ptr_array_unref(j->row_lines);
  g_ptr_array_unref(j->sources);
  GeoJoinReport *r = j->report;
  if (r) {
    g_free(r->boundaries);
    g_free(r->value_field);
    g_array_unref(r->without_data);
    g_ptr_array_unref(r->dup_features);
    g_ptr_array_unref(r->tables);
    g_ptr_array_unref(r->bad_values);
    g_free(r);
  }
  g_free(j);
}

int
geo_join_find_field(const GeoJoin *j, const char *field)
{
  for (guint i = 0; i < j->fields->len; i++)
    if (strcmp(g_ptr_array_index(j->fields, i), field) == 0)
      return (int)i;
  for (guint i = 0; i < j->fields->len; i++)
    if (g_ascii_strcasecmp(g_ptr_array_index(j->fields, i), field) == 0)
      return (int)i;
  return -1;
}

const char *
geo_join_get(const GeoJoin *j, guint f, int field)
{
  if (field < 0 || (guint)field >= j->cells->len || f >= j->n_features)
    return NULL;
  return ((const char **)g_ptr_array_index(j->cells, field))[f];
}

/* TRUE when most non-missing cells of the column parse only as Indonesian
 * numbers (a decimal comma or dot-grouped thousands). */
static gboolean
geo_join_column_is_indonesian(const char **cells, guint n)
{
  guint comma = 0, dot = 0;
  for (guint f = 0; f < n; f++) {
    const char *c = cells[f];
    if (c == NULL)
      continue;
    if (strchr(c, ',') && !strchr(c, '.'))
      comma++;
    else if (strchr(c, '.') && !strchr(c, ','))
      dot++;
  }
  return comma > dot;
}

void
geo_join_add_bad_value(GeoJoin *j, guint f, int field, const char *raw)
{
  GeoBadValue *b = g_new0(GeoBadValue, 1);
  guint ti = g_array_index(j->field_table, guint, field);
  b->source = g_strdup(g_ptr_array_index(j->sources, ti));
  b->line = ((guint *)g_ptr_array_index(j->row_lines, ti))[f];
  b->feature = f;
  b->field = g_strdup(g_ptr_array_index(j->fields, field));
  b->raw = g_strdup(raw);
  g_ptr_array_add(j->report->bad_values, b);
}

double *
geo_join_numbers(GeoJoin *j, const char *field, gboolean report_bad)
{
  double *v = g_new(double, MAX(j->n_features, 1));
  int fi = geo_join_find_field(j, field);
  const char **cells = fi >= 0 ? g_ptr_array_index(j->cells, fi) : NULL;
  /* The table decided how its column writes numbers; tables built without
   * that decision fall back to the joined cells' majority. */
  GeoNumberFormat format = fi >= 0 ? g_array_index(j->field_format, GeoNumberFormat, fi)
                                   : GEO_NUMBERS_AUTO;
  gboolean id = format == GEO_NUMBERS_INDONESIAN ||
                (format == GEO_NUMBERS_AUTO && cells &&
                 geo_join_column_is_indonesian(cells, j->n_features));
  GeoJoinReport *r = j->report;
  if (report_bad) {
    g_free(r->value_field);
    r->value_field = g_strdup(field);
    g_array_set_size(r->without_data, 0);
    r->n_with_data = 0;
    r->n_missing_values = 0;
  }
  for (guint f = 0; f < j->n_features; f++) {
    v[f] = NAN;
    const char *c = cells ? cells[f] : NULL;
    if (c != NULL && !geo_number_is_missing(c)) {
      double d;
      if (geo_number_parse(c, id, &d))
        v[f] = d;
      else if (report_bad) {
        geo_join_add_bad_value(j, f, fi, c);
      }
    } else if (report_bad && c != NULL) {
      r->n_missing_values++;
    }
    if (report_bad) {
      if (isnan(v[f]))
        g_array_append_val(r->without_data, f);
      else
        r->n_with_data++;
    }
  }
  return v;
}

gboolean
geo_join_report_has_problems(const GeoJoinReport *r)
{
  if (r->without_data->len > 0 || r->dup_features->len > 0 || r->bad_values->len > 0)
    return TRUE;
  for (guint i = 0; i < r->tables->len; i++) {
    const GeoTableReport *t = g_ptr_array_index(r->tables, i);
    if (t->unmatched->len > 0 || t->duplicates->len > 0)
      return TRUE;
  }
  return FALSE;
}
