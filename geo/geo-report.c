/* geo-report.c — the join report, for people (`petarawan check`) and for
 * scripts (`--json`).  Counts read "matched N of M"; duplicates, unmatched
 * rows, ambiguous names and bad values are called by those words with
 * file, row and key; districts without data are listed, with why when the
 * gazetteer knows they were formed after the table (geo-vintage.c); a
 * summary line ends it. */
#include "geo-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* A printable version of text that may hold invalid UTF-8 or controls:
 * keys and values cut to 60 characters, names of files, layers, CRSs and
 * fields whole.  Everything put into the text report goes through one of
 * these, since all of it can come from the data (a layer's name, a .prj,
 * a CSV header) or be any bytes (file names): a newline or an escape
 * sequence would otherwise add lines to the report or reach the terminal
 * of whoever runs `petarawan check`. */
static char *
geo_report_clean(const char *s)
{
  return geo_text_printable(s, 60);
}

static char *
geo_report_name(const char *s)
{
  return geo_text_printable(s, 0);
}

/* "53.71 Kota Kupang": a feature as the report names it, cleaned. */
static char *
geo_report_feature(const GeoLayer *layer, guint f)
{
  const GeoFeature *feat = &layer->features[f];
  g_autofree char *key = geo_report_clean(feat->key);
  g_autofree char *name = geo_report_clean(feat->name);
  if (strcmp(feat->key, feat->name) == 0 || !*feat->key)
    return g_steal_pointer(&name);
  return g_strdup_printf("%s %s", key, name);
}

/* The name of the place `code`: the boundaries', else the gazetteer's. */
static const char *
geo_report_place_name(const GeoJoinReport *r, const GeoLayer *layer, const char *code)
{
  int f = geo_layer_find(layer, code);
  if (f >= 0 && strcmp(layer->features[f].name, layer->features[f].key) != 0)
    return layer->features[f].name;
  return geo_gazetteer_name(r->gazetteer, code);
}

/* "93 Papua Selatan (from 91 Papua)", with the year when asked. */
static void
geo_report_formed_item(GString *o, const GeoJoinReport *r, const GeoLayer *layer,
                       const GeoFormed *e, gboolean year)
{
  g_autofree char *label = geo_report_feature(layer, e->feature);
  const char *pname = geo_report_place_name(r, layer, e->formed->parent);
  g_autofree char *parent = geo_report_clean(e->formed->parent);
  g_autofree char *pn = pname ? geo_report_clean(pname) : NULL;
  g_string_append(o, label);
  if (e->of_province) {
    g_autofree char *prov = geo_report_clean(e->formed->code);
    g_autofree char *provname = geo_report_clean(e->formed->name);
    g_string_append_printf(o, " (in %s %s", prov, provname);
  } else {
    g_string_append(o, " (");
  }
  if (year || e->of_province)
    g_string_append_printf(o, "%s%d", e->of_province ? ", " : "", e->formed->year);
  g_string_append_printf(o, "%sfrom %s%s%s)", (year || e->of_province) ? ", " : "", parent,
                         pn ? " " : "", pn ? pn : "");
}

/* The "why:" lines under "without data": districts formed after the
 * table was made, and kab/kota whose province (and code) is newer. */
static void
geo_report_why_text(GString *o, const GeoJoinReport *r, const GeoLayer *layer)
{
  guint edition = 0;
  g_autoptr(GArray) formed = geo_vintage_explain(r, layer, &edition);
  guint n_own = 0, n_prov = 0;
  int lo = 0, hi = 0;
  for (guint i = 0; i < formed->len; i++) {
    const GeoFormed *e = &g_array_index(formed, GeoFormed, i);
    if (e->of_province) {
      n_prov++;
      continue;
    }
    n_own++;
    lo = lo == 0 || e->formed->year < lo ? e->formed->year : lo;
    hi = e->formed->year > hi ? e->formed->year : hi;
  }
  if (n_own > 0) {
    const GeoFormed *e0 = NULL;
    for (guint i = 0; i < formed->len && !e0; i++)
      if (!g_array_index(formed, GeoFormed, i).of_province)
        e0 = &g_array_index(formed, GeoFormed, i);
    const char *units = geo_vintage_units(layer->features[e0->feature].key, n_own > 1);
    const char *single = geo_vintage_units(layer->features[e0->feature].key, FALSE);
    g_autofree char *when = lo == hi ? g_strdup_printf("in %d", lo)
                                     : g_strdup_printf("from %d to %d", lo, hi);
    g_string_append_printf(o, "  why: %u of them %s %s formed %s", n_own, n_own > 1 ? "are" : "is",
                           n_own > 1 ? units : single, when);
    if (edition > 0)
      g_string_append_printf(o, ", after the table's %u-%s edition", edition, single);
    g_string_append_c(o, ':');
    gboolean first = TRUE;
    for (guint i = 0; i < formed->len; i++) {
      const GeoFormed *e = &g_array_index(formed, GeoFormed, i);
      if (e->of_province)
        continue;
      g_string_append(o, first ? " " : ", ");
      geo_report_formed_item(o, r, layer, e, lo != hi);
      first = FALSE;
    }
    g_string_append_c(o, '\n');
  }
  const GeoTableReport *t = r->value_table >= 0 && (guint)r->value_table < r->tables->len
                                ? g_ptr_array_index(r->tables, r->value_table)
                                : NULL;
  if (n_prov > 0 && t && !t->by_name) {
    g_string_append_printf(o,
                           "  why: %u of them %s in provinces formed later, which gave %s new "
                           "codes; a table made before keys %s by the old ones:",
                           n_prov, n_prov > 1 ? "are" : "is", n_prov > 1 ? "them" : "it",
                           n_prov > 1 ? "them" : "it");
    guint shown = 0;
    for (guint i = 0; i < formed->len && shown < 10; i++) {
      const GeoFormed *e = &g_array_index(formed, GeoFormed, i);
      if (!e->of_province)
        continue;
      g_string_append(o, shown ? ", " : " ");
      geo_report_formed_item(o, r, layer, e, FALSE);
      shown++;
    }
    if (n_prov > shown)
      g_string_append_printf(o, " and %u more", n_prov - shown);
    g_string_append_c(o, '\n');
  }
}

char *
geo_join_report_text(const GeoJoinReport *r, const GeoLayer *layer)
{
  GString *o = g_string_new(NULL);
  {
    g_autofree char *b = geo_report_name(r->boundaries);
    g_autofree char *l = geo_report_name(layer->layer_name);
    g_autofree char *c = geo_report_name(layer->crs_name);
    g_string_append_printf(o, "Boundaries %s (layer %s, %s): %u districts\n", b, l, c,
                           r->n_features);
    for (guint i = 0; i < layer->n_skipped_empty && layer->skipped; i++) {
      const GeoSkippedFeature *sk = &layer->skipped[i];
      g_autofree char *key = sk->raw_key ? geo_report_clean(sk->raw_key) : NULL;
      if (key)
        g_string_append_printf(o, "  left out: %s feature %ld, key '%s': %s\n", b, sk->fid, key,
                               sk->why);
      else
        g_string_append_printf(o, "  left out: %s feature %ld: %s\n", b, sk->fid, sk->why);
    }
  }
  for (guint i = 0; i < r->dup_features->len; i++) {
    const GeoDuplicate *d = g_ptr_array_index(r->dup_features, i);
    g_autofree char *k = geo_report_clean(d->key);
    g_string_append_printf(
        o, "  duplicate key '%s' in the boundaries: feature %u repeats feature %u\n", k, d->line,
        d->first_line);
  }
  for (guint i = 0; i < r->tables->len; i++) {
    const GeoTableReport *t = g_ptr_array_index(r->tables, i);
    g_autofree char *src = geo_report_name(t->source);
    g_autofree char *kf = geo_report_name(t->key_field);
    g_autofree char *gf = t->group_field ? geo_report_name(t->group_field) : NULL;
    g_autofree char *how = !t->by_name ? g_strdup("")
                           : gf        ? g_strdup_printf(", by name within %s", gf)
                                       : g_strdup(", by name");
    g_string_append_printf(o, "Table %s (key %s%s): matched %u of %u rows\n", src, kf, how,
                           t->n_matched, t->n_rows);
    for (guint k = 0; k < t->unmatched->len; k++) {
      const GeoRowRef *u = g_ptr_array_index(t->unmatched, k);
      g_autofree char *key = geo_report_clean(u->raw_key);
      g_autofree char *note = u->note ? geo_text_printable(u->note, 200) : NULL;
      g_string_append_printf(o, "  unmatched: %s row %u, %s '%s' is not in the boundaries%s%s\n",
                             src, u->line, kf, key, note ? ": " : "", note ? note : "");
    }
    for (guint k = 0; k < t->ambiguous->len; k++) {
      const GeoAmbiguous *a = g_ptr_array_index(t->ambiguous, k);
      g_autofree char *key = geo_report_clean(a->raw_key);
      g_string_append_printf(o, "  ambiguous: %s row %u, %s '%s' could be ", src, a->line, kf, key);
      guint n = a->candidates->len, shown = MIN(n, 6);
      for (guint c = 0; c < shown; c++) {
        g_autofree char *cand = geo_report_feature(layer, g_array_index(a->candidates, guint, c));
        g_string_append_printf(o, "%s%s", c == 0 ? "" : (c + 1 == n ? " or " : ", "), cand);
      }
      if (n > shown)
        g_string_append_printf(o, " or %u more", n - shown);
      /* What would tell them apart: the kind for kab/kota, the province
       * (or other group) when the table gives none. */
      const GeoFeature *c0 = &layer->features[g_array_index(a->candidates, guint, 0)];
      gboolean kind = geo_key_level(c0->key) == 2;
      gboolean group = FALSE;
      for (guint c = 1; c < a->candidates->len && !gf; c++)
        group |= strcmp(layer->features[g_array_index(a->candidates, guint, c)].group, c0->group) !=
                 0;
      const char *gname = geo_key_level(c0->group) == 1 ? "province" : "group";
      g_string_append(o, " (not joined");
      if (kind || group)
        g_string_append(o, ": ");
      if (kind)
        g_string_append(o, "write Kabupaten or Kota");
      if (group)
        g_string_append_printf(o, "%sgive each row its %s%s%s%s", kind ? ", or " : "", gname,
                               r->group_option ? " (" : "", r->group_option ? r->group_option : "",
                               r->group_option ? ")" : "");
      g_string_append(o, ")\n");
    }
    for (guint k = 0; k < t->duplicates->len; k++) {
      const GeoDuplicate *d = g_ptr_array_index(t->duplicates, k);
      g_autofree char *key = geo_report_clean(d->key);
      g_string_append_printf(o,
                             "  duplicate: %s row %u, %s '%s' already given in row %u (ignored)\n",
                             src, d->line, kf, key, d->first_line);
    }
  }
  for (guint i = 0; i < r->bad_values->len; i++) {
    const GeoBadValue *b = g_ptr_array_index(r->bad_values, i);
    g_autofree char *src = geo_report_name(b->source);
    g_autofree char *field = geo_report_name(b->field);
    g_autofree char *raw = geo_report_clean(b->raw);
    g_string_append_printf(o, "  bad value: %s row %u, field %s: '%s' is not a number\n", src,
                           b->line, field, raw);
  }
  if (r->value_field) {
    g_autofree char *field = geo_report_name(r->value_field);
    g_string_append_printf(o, "Value %s: matched %u of %u districts\n", field, r->n_with_data,
                           r->n_features);
    if (r->without_data->len > 0) {
      g_string_append_printf(o, "  without data (%u):", r->without_data->len);
      for (guint i = 0; i < r->without_data->len; i++) {
        const GeoFeature *f = &layer->features[g_array_index(r->without_data, guint, i)];
        g_autofree char *key = geo_report_clean(f->key);
        g_autofree char *name = geo_report_clean(f->name);
        g_string_append_printf(o, "%s %s %s", i ? "," : "", key, name);
      }
      g_string_append_c(o, '\n');
      geo_report_why_text(o, r, layer);
    }
  }
  g_autofree char *summary = geo_join_report_summary(r);
  g_string_append_printf(o, "%s\n", summary);
  return g_string_free(o, FALSE);
}

/* Totals over every table. */
typedef struct {
  guint rows, matched, unmatched, ambiguous, duplicates;
} GeoReportTotals;

static GeoReportTotals
geo_report_totals(const GeoJoinReport *r)
{
  GeoReportTotals t = {0};
  for (guint i = 0; i < r->tables->len; i++) {
    const GeoTableReport *tr = g_ptr_array_index(r->tables, i);
    t.rows += tr->n_rows;
    t.matched += tr->n_matched;
    t.unmatched += tr->unmatched->len;
    t.ambiguous += tr->ambiguous->len;
    t.duplicates += tr->duplicates->len;
  }
  t.duplicates += r->dup_features->len;
  return t;
}

char *
geo_join_report_summary(const GeoJoinReport *r)
{
  GeoReportTotals t = geo_report_totals(r);
  GString *o = g_string_new("Summary: ");
  g_string_append_printf(o, "matched %u of %u rows", t.matched, t.rows);
  if (r->value_field)
    g_string_append_printf(o, "; %u of %u districts without data", r->without_data->len,
                           r->n_features);
  g_string_append_printf(o, "; %u unmatched, %u ambiguous, %u duplicates, %u bad values",
                         t.unmatched, t.ambiguous, t.duplicates, r->bad_values->len);
  return g_string_free(o, FALSE);
}

/* Adds member `name` with string `s` (invalid UTF-8 becomes U+FFFD so
 * the document stays valid JSON), or null for NULL. */
static void
geo_report_json_string(JsonBuilder *b, const char *name, const char *s)
{
  json_builder_set_member_name(b, name);
  if (s == NULL) {
    json_builder_add_null_value(b);
    return;
  }
  g_autofree char *valid = g_utf8_make_valid(s, -1);
  json_builder_add_string_value(b, valid);
}

static void
geo_report_json_int(JsonBuilder *b, const char *name, gint64 v)
{
  json_builder_set_member_name(b, name);
  json_builder_add_int_value(b, v);
}

/* One table's account: how it was matched, what did not join. */
static void
geo_report_json_table(JsonBuilder *b, const GeoTableReport *t, const GeoLayer *layer)
{
  json_builder_begin_object(b);
  geo_report_json_string(b, "source", t->source);
  geo_report_json_string(b, "key_field", t->key_field);
  geo_report_json_string(b, "match", t->by_name ? "name" : "code");
  geo_report_json_string(b, "group_field", t->group_field);
  geo_report_json_int(b, "rows", t->n_rows);
  geo_report_json_int(b, "matched", t->n_matched);
  json_builder_set_member_name(b, "unmatched");
  json_builder_begin_array(b);
  for (guint k = 0; k < t->unmatched->len; k++) {
    const GeoRowRef *u = g_ptr_array_index(t->unmatched, k);
    json_builder_begin_object(b);
    geo_report_json_int(b, "row", u->line);
    geo_report_json_string(b, "key", u->raw_key);
    if (u->note)
      geo_report_json_string(b, "note", u->note);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
  json_builder_set_member_name(b, "ambiguous");
  json_builder_begin_array(b);
  for (guint k = 0; k < t->ambiguous->len; k++) {
    const GeoAmbiguous *a = g_ptr_array_index(t->ambiguous, k);
    json_builder_begin_object(b);
    geo_report_json_int(b, "row", a->line);
    geo_report_json_string(b, "key", a->raw_key);
    json_builder_set_member_name(b, "candidates");
    json_builder_begin_array(b);
    for (guint c = 0; c < a->candidates->len; c++) {
      const GeoFeature *f = &layer->features[g_array_index(a->candidates, guint, c)];
      json_builder_begin_object(b);
      geo_report_json_string(b, "key", f->key);
      geo_report_json_string(b, "name", f->name);
      json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
  json_builder_set_member_name(b, "duplicates");
  json_builder_begin_array(b);
  for (guint k = 0; k < t->duplicates->len; k++) {
    const GeoDuplicate *d = g_ptr_array_index(t->duplicates, k);
    json_builder_begin_object(b);
    geo_report_json_int(b, "row", d->line);
    geo_report_json_int(b, "first_row", d->first_line);
    geo_report_json_string(b, "key", d->key);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
  json_builder_end_object(b);
}

/* The districts without data, with when they (or their province) were
 * formed when that explains it. */
static void
geo_report_json_without_data(JsonBuilder *b, const GeoJoinReport *r, const GeoLayer *layer,
                             const GArray *formed)
{
  json_builder_set_member_name(b, "without_data");
  json_builder_begin_array(b);
  guint next = 0; /* formed is in without_data order */
  for (guint i = 0; i < r->without_data->len; i++) {
    guint fi = g_array_index(r->without_data, guint, i);
    const GeoFeature *f = &layer->features[fi];
    json_builder_begin_object(b);
    geo_report_json_string(b, "key", f->key);
    geo_report_json_string(b, "name", f->name);
    if (next < formed->len && g_array_index(formed, GeoFormed, next).feature == fi) {
      const GeoFormed *e = &g_array_index(formed, GeoFormed, next++);
      json_builder_set_member_name(b, e->of_province ? "province_formed" : "formed");
      json_builder_begin_object(b);
      geo_report_json_string(b, "code", e->formed->code);
      geo_report_json_int(b, "year", e->formed->year);
      geo_report_json_string(b, "parent", e->formed->parent);
      geo_report_json_string(b, "parent_name", geo_report_place_name(r, layer, e->formed->parent));
      json_builder_end_object(b);
    }
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
}

char *
geo_join_report_json(const GeoJoinReport *r, const GeoLayer *layer)
{
  g_autoptr(JsonBuilder) b = json_builder_new();
  json_builder_begin_object(b);
  geo_report_json_string(b, "boundaries", r->boundaries);
  geo_report_json_string(b, "layer", layer->layer_name);
  geo_report_json_int(b, "districts", r->n_features);
  json_builder_set_member_name(b, "duplicate_keys");
  json_builder_begin_array(b);
  for (guint i = 0; i < r->dup_features->len; i++) {
    const GeoDuplicate *d = g_ptr_array_index(r->dup_features, i);
    json_builder_begin_object(b);
    geo_report_json_string(b, "key", d->key);
    geo_report_json_int(b, "feature", d->line);
    geo_report_json_int(b, "first_feature", d->first_line);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
  /* Features without a polygon to draw (null, empty, zero-area). */
  json_builder_set_member_name(b, "left_out_features");
  json_builder_begin_array(b);
  for (guint i = 0; i < layer->n_skipped_empty && layer->skipped; i++) {
    const GeoSkippedFeature *sk = &layer->skipped[i];
    json_builder_begin_object(b);
    geo_report_json_int(b, "feature", sk->fid);
    geo_report_json_string(b, "key", sk->raw_key);
    geo_report_json_string(b, "why", sk->why);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
  json_builder_set_member_name(b, "tables");
  json_builder_begin_array(b);
  for (guint i = 0; i < r->tables->len; i++)
    geo_report_json_table(b, g_ptr_array_index(r->tables, i), layer);
  json_builder_end_array(b);
  geo_report_json_string(b, "value_field", r->value_field);
  geo_report_json_int(b, "with_data", r->n_with_data);
  geo_report_json_int(b, "missing_values", r->n_missing_values);
  json_builder_set_member_name(b, "bad_values");
  json_builder_begin_array(b);
  for (guint i = 0; i < r->bad_values->len; i++) {
    const GeoBadValue *v = g_ptr_array_index(r->bad_values, i);
    json_builder_begin_object(b);
    geo_report_json_string(b, "source", v->source);
    geo_report_json_int(b, "row", v->line);
    geo_report_json_string(b, "field", v->field);
    geo_report_json_string(b, "value", v->raw);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
  guint edition = 0;
  g_autoptr(GArray) formed = geo_vintage_explain(r, layer, &edition);
  geo_report_json_without_data(b, r, layer, formed);
  json_builder_set_member_name(b, "table_edition");
  if (edition)
    json_builder_add_int_value(b, edition);
  else
    json_builder_add_null_value(b);
  GeoReportTotals t = geo_report_totals(r);
  json_builder_set_member_name(b, "summary");
  json_builder_begin_object(b);
  geo_report_json_int(b, "rows", t.rows);
  geo_report_json_int(b, "matched", t.matched);
  geo_report_json_int(b, "unmatched", t.unmatched);
  geo_report_json_int(b, "ambiguous", t.ambiguous);
  geo_report_json_int(b, "duplicates", t.duplicates);
  geo_report_json_int(b, "bad_values", r->bad_values->len);
  geo_report_json_int(b, "without_data", r->without_data->len);
  json_builder_end_object(b);
  json_builder_set_member_name(b, "problems");
  json_builder_add_boolean_value(b, geo_join_report_has_problems(r));
  json_builder_end_object(b);

  g_autoptr(JsonNode) root = json_builder_get_root(b);
  g_autoptr(JsonGenerator) gen = json_generator_new();
  json_generator_set_root(gen, root);
  json_generator_set_pretty(gen, TRUE);
  json_generator_set_indent(gen, 2);
  g_autofree char *text = json_generator_to_data(gen, NULL);
  return g_strconcat(text, "\n", NULL);
}
