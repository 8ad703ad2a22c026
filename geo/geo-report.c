/* geo-report.c — the join report, for people (`petarawan check`) and for
 * scripts (`--json`).  Counts read "matched N of M"; duplicates, unmatched
 * rows and bad values are called by those words with file, row and key. */
#include "geo-private.h"

#include <string.h>

char *
geo_text_repair(const char *s)
{
  if (s == NULL || g_utf8_validate(s, -1, NULL))
    return NULL;
  return g_utf8_make_valid(s, -1);
}

char *
geo_text_printable(const char *s, guint max_chars)
{
  char *valid = g_utf8_make_valid(s ? s : "", -1);
  for (char *p = valid; *p; p++)
    if ((guchar)*p < 0x20 || (guchar)*p == 0x7f)
      *p = ' ';
  if (max_chars > 3 && g_utf8_strlen(valid, -1) > (glong)max_chars) {
    char *cut = g_utf8_substring(valid, 0, max_chars - 3);
    g_free(valid);
    valid = g_strconcat(cut, "...", NULL);
    g_free(cut);
  }
  return valid;
}

/* Appends `s` as a JSON string literal; invalid UTF-8 becomes U+FFFD so
 * the document stays valid JSON. */
static void
geo_report_json_string(GString *out, const char *s)
{
  g_autofree char *valid = g_utf8_make_valid(s ? s : "", -1);
  g_string_append_c(out, '"');
  for (const char *p = valid; *p; p++) {
    guchar c = (guchar)*p;
    switch (c) {
    case '"': g_string_append(out, "\\\""); break;
    case '\\': g_string_append(out, "\\\\"); break;
    case '\n': g_string_append(out, "\\n"); break;
    case '\r': g_string_append(out, "\\r"); break;
    case '\t': g_string_append(out, "\\t"); break;
    default:
      if (c < 0x20)
        g_string_append_printf(out, "\\u%04x", c);
      else
        g_string_append_c(out, (char)c);
    }
  }
  g_string_append_c(out, '"');
}

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
  }
  for (guint i = 0; i < r->dup_features->len; i++) {
    const GeoDuplicate *d = g_ptr_array_index(r->dup_features, i);
    g_autofree char *k = geo_report_clean(d->key);
    g_string_append_printf(o, "  duplicate key '%s' in the boundaries: feature %u repeats feature %u\n",
                           k, d->line, d->first_line);
  }
  for (guint i = 0; i < r->tables->len; i++) {
    const GeoTableReport *t = g_ptr_array_index(r->tables, i);
    g_autofree char *src = geo_report_name(t->source);
    g_autofree char *kf = geo_report_name(t->key_field);
    g_string_append_printf(o, "Table %s (key %s): matched %u of %u rows\n", src, kf,
                           t->n_matched, t->n_rows);
    for (guint k = 0; k < t->unmatched->len; k++) {
      const GeoRowRef *u = g_ptr_array_index(t->unmatched, k);
      g_autofree char *key = geo_report_clean(u->raw_key);
      g_string_append_printf(o, "  unmatched: %s row %u, %s '%s' is not in the boundaries\n",
                             src, u->line, kf, key);
    }
    for (guint k = 0; k < t->duplicates->len; k++) {
      const GeoDuplicate *d = g_ptr_array_index(t->duplicates, k);
      g_autofree char *key = geo_report_clean(d->key);
      g_string_append_printf(o, "  duplicate: %s row %u, %s '%s' already given in row %u (ignored)\n",
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
    }
  }
  return g_string_free(o, FALSE);
}

char *
geo_join_report_json(const GeoJoinReport *r, const GeoLayer *layer)
{
  GString *o = g_string_new("{\n  \"boundaries\": ");
  geo_report_json_string(o, r->boundaries);
  g_string_append(o, ",\n  \"layer\": ");
  geo_report_json_string(o, layer->layer_name);
  g_string_append_printf(o, ",\n  \"districts\": %u,\n  \"duplicate_keys\": [", r->n_features);
  for (guint i = 0; i < r->dup_features->len; i++) {
    const GeoDuplicate *d = g_ptr_array_index(r->dup_features, i);
    g_string_append_printf(o, "%s\n    {\"key\": ", i ? "," : "");
    geo_report_json_string(o, d->key);
    g_string_append_printf(o, ", \"feature\": %u, \"first_feature\": %u}", d->line, d->first_line);
  }
  g_string_append(o, "],\n  \"tables\": [");
  for (guint i = 0; i < r->tables->len; i++) {
    const GeoTableReport *t = g_ptr_array_index(r->tables, i);
    g_string_append_printf(o, "%s\n    {\"source\": ", i ? "," : "");
    geo_report_json_string(o, t->source);
    g_string_append(o, ", \"key_field\": ");
    geo_report_json_string(o, t->key_field);
    g_string_append_printf(o, ", \"rows\": %u, \"matched\": %u,\n     \"unmatched\": [", t->n_rows,
                           t->n_matched);
    for (guint k = 0; k < t->unmatched->len; k++) {
      const GeoRowRef *u = g_ptr_array_index(t->unmatched, k);
      g_string_append_printf(o, "%s{\"row\": %u, \"key\": ", k ? ", " : "", u->line);
      geo_report_json_string(o, u->raw_key);
      g_string_append_c(o, '}');
    }
    g_string_append(o, "],\n     \"duplicates\": [");
    for (guint k = 0; k < t->duplicates->len; k++) {
      const GeoDuplicate *d = g_ptr_array_index(t->duplicates, k);
      g_string_append_printf(o, "%s{\"row\": %u, \"first_row\": %u, \"key\": ", k ? ", " : "",
                             d->line, d->first_line);
      geo_report_json_string(o, d->key);
      g_string_append_c(o, '}');
    }
    g_string_append(o, "]}");
  }
  g_string_append(o, "],\n  \"value_field\": ");
  if (r->value_field)
    geo_report_json_string(o, r->value_field);
  else
    g_string_append(o, "null");
  g_string_append_printf(o, ",\n  \"with_data\": %u,\n  \"missing_values\": %u,\n  \"bad_values\": [",
                         r->n_with_data, r->n_missing_values);
  for (guint i = 0; i < r->bad_values->len; i++) {
    const GeoBadValue *b = g_ptr_array_index(r->bad_values, i);
    g_string_append_printf(o, "%s\n    {\"source\": ", i ? "," : "");
    geo_report_json_string(o, b->source);
    g_string_append_printf(o, ", \"row\": %u, \"field\": ", b->line);
    geo_report_json_string(o, b->field);
    g_string_append(o, ", \"value\": ");
    geo_report_json_string(o, b->raw);
    g_string_append_c(o, '}');
  }
  g_string_append(o, "],\n  \"without_data\": [");
  for (guint i = 0; i < r->without_data->len; i++) {
    const GeoFeature *f = &layer->features[g_array_index(r->without_data, guint, i)];
    g_string_append_printf(o, "%s\n    {\"key\": ", i ? "," : "");
    geo_report_json_string(o, f->key);
    g_string_append(o, ", \"name\": ");
    geo_report_json_string(o, f->name);
    g_string_append_c(o, '}');
  }
  g_string_append_printf(o, "],\n  \"problems\": %s\n}\n",
                         geo_join_report_has_problems(r) ? "true" : "false");
  return g_string_free(o, FALSE);
}
