/* geo-join.c — joins tables to a boundary layer on normalised keys, or on
 * names (geo-match.c) for tables keyed by name, and records everything
 * that did not fit: rows that matched nothing (and why, when known), names
 * that fit several districts, repeated keys, features left without data,
 * values that are not numbers.  The join never fails on data problems; it
 * reports them (geo-report.c prints). */
#include "geo-private.h"

#include <math.h>
#include <string.h>

static void
geo_join_row_ref_free(gpointer p)
{
  GeoRowRef *r = p;
  g_free(r->raw_key);
  g_free(r->note);
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
geo_join_ambiguous_free(gpointer p)
{
  GeoAmbiguous *a = p;
  g_free(a->raw_key);
  g_array_unref(a->candidates);
  g_free(a);
}

void
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
  g_free(t->group_field);
  g_ptr_array_unref(t->unmatched);
  g_ptr_array_unref(t->duplicates);
  g_ptr_array_unref(t->ambiguous);
  g_free(t);
}

/* Column names that hold a row's province, compared lower-case without
 * spaces and punctuation. */
static const char *const geo_join_group_columns[] = {
    "provinsi", "prov",         "propinsi", "province", "namaprovinsi", "namaprov",
    "nmprov",   "kodeprovinsi", "kodeprov", "kdprov",   "kodeprop",     NULL};

/* The column of `t` giving each row's group: `field` when given (-2 when
 * the table has no such column), else one named like a province column,
 * else -1.  Never the key column. */
static int
geo_join_group_column(const GeoTable *t, const char *field)
{
  if (field) {
    int c = geo_table_find_field(t, field);
    return c < 0 ? -2 : c;
  }
  for (guint c = 0; c < t->n_fields; c++) {
    if ((int)c == t->key_column)
      continue;
    GString *n = g_string_new(NULL);
    for (const char *p = t->fields[c]; *p; p++)
      if (g_ascii_isalnum(*p))
        g_string_append_c(n, g_ascii_tolower(*p));
    gboolean hit = FALSE;
    for (guint i = 0; geo_join_group_columns[i] && !hit; i++)
      hit = strcmp(n->str, geo_join_group_columns[i]) == 0;
    g_string_free(n, TRUE);
    if (hit)
      return (int)c;
  }
  return -1;
}

/* Whether table t is matched by name: as asked, or (auto) when more of
 * its rows find a feature by name than by code.  The name index (*ix) is
 * built on first need: a table whose every key is a known code never
 * needs it (building it is most of a code join's time). */
static gboolean
geo_join_by_name(const GeoTable *t, GHashTable *by_key, const GeoLayer *layer,
                 const GeoJoinOptions *o, GeoNameIndex **ix)
{
  if (o->match != GEO_MATCH_AUTO || !o->name_field) {
    if (o->match == GEO_MATCH_NAME && *ix == NULL && o->name_field)
      *ix = geo_name_index_new(layer, o->gazetteer);
    return o->match == GEO_MATCH_NAME;
  }
  guint by_code = 0, keyed = 0;
  for (guint row = 0; row < t->n_rows; row++) {
    const char *raw = geo_table_cell(t, row, (guint)t->key_column);
    if (raw == NULL)
      continue;
    keyed++;
    g_autofree char *key = geo_key_normalise(raw);
    by_code += g_hash_table_contains(by_key, key);
  }
  if (by_code == keyed)
    return FALSE;
  if (*ix == NULL)
    *ix = geo_name_index_new(layer, o->gazetteer);
  guint by_name = 0;
  GArray *cands = g_array_new(FALSE, FALSE, sizeof(guint));
  for (guint row = 0; row < t->n_rows; row++) {
    const char *raw = geo_table_cell(t, row, (guint)t->key_column);
    if (raw == NULL)
      continue;
    guint f;
    g_array_set_size(cands, 0);
    if (geo_name_index_match(*ix, raw, NULL, &f, cands, NULL) != GEO_NAME_NONE)
      by_name++;
  }
  g_array_unref(cands);
  return by_name > by_code;
}

/* Why a code is not in the boundaries, when the gazetteer can tell: the
 * district was formed after the boundaries were made, or its province
 * has since been split and the code may be from before, when the district
 * belonged to that province.  NULL otherwise.
 * Returns: (transfer full). */
static char *
geo_join_old_code_note(const GeoGazetteer *gz, const char *key, GHashTable *by_key)
{
  /* The other way round: a district newer than the boundaries, whose
   * parent they still have ("65" on boundaries from before 2012). */
  const GeoFormation *self = geo_gazetteer_formation(gz, key);
  if (self && g_hash_table_contains(by_key, self->parent))
    return g_strdup_printf("%s was formed in %d from %s%s%s, which the boundaries still have: "
                           "they may be older than that",
                           self->name, self->year, self->parent, self->parent_name ? " " : "",
                           self->parent_name ? self->parent_name : "");
  if (gz == NULL || geo_key_level(key) < 2)
    return NULL;
  char province[3] = {key[0], key[1], '\0'};
  GPtrArray *children = geo_gazetteer_children(gz, province);
  /* The latest split only: "91 was split in 2022", not also in 1999. */
  int year = 0;
  for (guint i = 0; i < children->len; i++) {
    const GeoFormation *c = g_ptr_array_index(children, i);
    if (geo_key_level(c->code) == 1)
      year = MAX(year, c->year);
  }
  GString *names = g_string_new(NULL);
  for (guint i = 0; i < children->len; i++) {
    const GeoFormation *c = g_ptr_array_index(children, i);
    if (geo_key_level(c->code) == 1 && c->year == year)
      g_string_append_printf(names, "%s%s %s", names->len ? ", " : "", c->code, c->name);
  }
  g_ptr_array_unref(children);
  char *note = NULL;
  if (names->len)
    note = g_strdup_printf("province %s was split in %d (%s): it may be a code from before, of a "
                           "district now in one of them",
                           province, year, names->str);
  g_string_free(names, TRUE);
  return note;
}

/* Why a code is not among the districts when the boundaries have a feature
 * of that key that was left out for want of geometry: "its feature 3 in the
 * boundaries has no geometry".  NULL otherwise.  Linear: features left out
 * are few, and only unmatched rows ask.
 * Returns: (transfer full). */
static char *
geo_join_skipped_note(const GeoLayer *layer, const char *key)
{
  for (guint i = 0; i < layer->n_skipped_empty && layer->skipped; i++) {
    const GeoSkippedFeature *sk = &layer->skipped[i];
    if (*key != '\0' && strcmp(sk->key, key) == 0)
      return g_strdup_printf("its feature %ld in the boundaries %s, so it is not drawn", sk->fid,
                             sk->why);
  }
  return NULL;
}

GeoJoin *
geo_join_run(const GeoLayer *layer, GeoTable **tables, guint n_tables)
{
  return geo_join_run_full(layer, tables, n_tables, NULL, NULL);
}

GeoJoin *
geo_join_run_full(const GeoLayer *layer, GeoTable **tables, guint n_tables,
                  const GeoJoinOptions *options, GError **error)
{
  const GeoJoinOptions defaults = {GEO_MATCH_AUTO, NULL, NULL, NULL, NULL};
  const GeoJoinOptions *o = options ? options : &defaults;
  if (o->match == GEO_MATCH_NAME && o->name_field == NULL) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "matching by name: the boundaries need a name field");
    return NULL;
  }
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
  r->value_table = -1;
  r->gazetteer = geo_gazetteer_ref(o->gazetteer);
  r->group_option = g_strdup(o->group_option);

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
      d->feature = GPOINTER_TO_UINT(prev);
      g_ptr_array_add(r->dup_features, d);
      continue;
    }
    g_hash_table_insert(by_key, (gpointer)k, GUINT_TO_POINTER(f));
  }
  /* Names, only when the boundaries have them and a table uses them
   * (built by geo_join_by_name on first need). */
  GeoNameIndex *ix = NULL;

  GError *local = NULL;
  GArray *cands = g_array_new(FALSE, FALSE, sizeof(guint));
  for (guint ti = 0; ti < n_tables && local == NULL; ti++) {
    const GeoTable *t = tables[ti];
    GeoTableReport *tr = g_new0(GeoTableReport, 1);
    tr->source = g_strdup(t->source);
    tr->key_field = g_strdup(t->key_field);
    tr->n_rows = t->n_rows;
    tr->unmatched = g_ptr_array_new_with_free_func(geo_join_row_ref_free);
    tr->duplicates = g_ptr_array_new_with_free_func(geo_join_duplicate_free);
    tr->ambiguous = g_ptr_array_new_with_free_func(geo_join_ambiguous_free);
    tr->by_name = geo_join_by_name(t, by_key, layer, o, &ix);
    g_ptr_array_add(r->tables, tr);

    /* By name, within the row's group when the table gives one. */
    int group_col = -1;
    gboolean group_strict = o->group_field != NULL;
    if (tr->by_name && (group_strict || geo_name_index_has_groups(ix))) {
      group_col = geo_join_group_column(t, o->group_field);
      if (group_col == -2) {
        g_autofree char *src = geo_text_printable(t->source, 0);
        g_autofree char *field = geo_text_printable(o->group_field, 60);
        g_set_error(&local, GEO_ERROR, GEO_ERROR_USAGE,
                    "%s%s%s: %s has no such column (its key %s holds names)",
                    o->group_option ? o->group_option : "group column", " ", field, src,
                    t->key_field);
        continue;
      }
      if (group_col >= 0)
        tr->group_field = g_strdup(t->fields[group_col]);
    }

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
      guint f = 0;
      gboolean found = FALSE;
      char *note = NULL;
      if (!tr->by_name) {
        g_autofree char *key = geo_key_normalise(raw);
        gpointer fp;
        found = g_hash_table_lookup_extended(by_key, key, NULL, &fp);
        f = GPOINTER_TO_UINT(fp);
        if (!found)
          note = geo_join_skipped_note(layer, key);
        if (!found && note == NULL)
          note = geo_join_old_code_note(o->gazetteer, key, by_key);
      } else if (raw != NULL) {
        const char *gcell = group_col >= 0 ? geo_table_cell(t, row, (guint)group_col) : NULL;
        char **groups = NULL;
        if (group_col >= 0 && (gcell != NULL || group_strict)) {
          groups = geo_name_index_groups(ix, gcell);
          if (groups[0] == NULL && !group_strict)
            groups = NULL; /* a guessed column with a value it cannot read */
        }
        g_array_set_size(cands, 0);
        GeoNameMatch m = geo_name_index_match(ix, raw, groups, &f, cands, &note);
        if (m == GEO_NAME_AMBIGUOUS) {
          GeoAmbiguous *a = g_new0(GeoAmbiguous, 1);
          a->line = t->line[row];
          a->raw_key = g_strdup(raw);
          a->candidates = g_array_copy(cands);
          g_ptr_array_add(tr->ambiguous, a);
          continue;
        }
        found = m == GEO_NAME_ONE;
        if (!found && groups && groups[0] == NULL) {
          g_autofree char *shown = geo_text_printable(gcell ? gcell : "", 60);
          g_free(note);
          note =
              g_strdup_printf("%s '%s' is not a group of the boundaries", tr->group_field, shown);
        } else if (!found && note && groups) {
          g_autofree char *shown = geo_text_printable(gcell ? gcell : "", 60);
          char *longer = g_strdup_printf("%s; this row's %s is '%s'", note, tr->group_field, shown);
          g_free(note);
          note = longer;
        }
      }
      if (!found) {
        GeoRowRef *u = g_new0(GeoRowRef, 1);
        u->line = t->line[row];
        u->raw_key = g_strdup(raw ? raw : "");
        u->note = note;
        g_ptr_array_add(tr->unmatched, u);
        continue;
      }
      g_free(note);
      if (row_of[f] != 0) {
        GeoDuplicate *d = g_new0(GeoDuplicate, 1);
        d->key = g_strdup(raw ? raw : "");
        d->first_line = t->line[row_of[f] - 1];
        d->line = t->line[row];
        d->feature = f;
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
  g_array_unref(cands);
  geo_name_index_free(ix);
  g_hash_table_destroy(by_key);
  if (local) {
    g_propagate_error(error, local);
    geo_join_free(j);
    return NULL;
  }
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
    g_free(r->group_option);
    g_array_unref(r->without_data);
    g_ptr_array_unref(r->dup_features);
    g_ptr_array_unref(r->tables);
    g_ptr_array_unref(r->bad_values);
    geo_gazetteer_unref(r->gazetteer);
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
gboolean
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

gboolean
geo_join_report_has_problems(const GeoJoinReport *r)
{
  if (r->without_data->len > 0 || r->dup_features->len > 0 || r->bad_values->len > 0)
    return TRUE;
  for (guint i = 0; i < r->tables->len; i++) {
    const GeoTableReport *t = g_ptr_array_index(r->tables, i);
    if (t->unmatched->len > 0 || t->duplicates->len > 0 || t->ambiguous->len > 0)
      return TRUE;
  }
  return FALSE;
}
