/* fuzz-report.c — the join and its report: a boundary layer and tables
 * made from the input are joined (geo_join_run), the value field read as
 * numbers (geo_join_numbers), and the report written as text and JSON.
 *
 * Input: records separated by 0x1e, fields by 0x1f.
 *   record 0:            boundaries, layer name, CRS name, value field
 *                        [, match: "auto", "code" or "name" [, group field]]
 *                        (with a match field the join runs with options:
 *                        names, the gazetteer below, the group column)
 *   "F", key, name[, group]: a boundary feature
 *   "A", code, name:     a name of a place in the gazetteer
 *   "P", code, name, year, parent: a formation in the gazetteer
 *   "T", source, f1...:  starts a table (header f1..., key column f1)
 *   anything else:       a row of the current table (the first table,
 *                        "tabel.csv" with header kode, skor, until a "T")
 * Text is repaired to UTF-8 and keys normalised as the readers do.
 *
 * Checks: every feature is counted once, with or without data; a table's
 * rows are each matched, unmatched, duplicate or ambiguous; every
 * ambiguous row has two or more distinct candidates; the text report is
 * valid UTF-8 without control characters, one line per item (names and
 * keys from the data cannot break or add lines, nor send terminal
 * escapes), at most two "why:" lines; the JSON report parses and gives
 * back every name, key, note, candidate and raw value as it was read; the
 * data-quality line is one line of valid UTF-8. */
#include "fuzz.h"

#include "geo-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define FUZZ_REPORT_MAX_FEATURES 64
#define FUZZ_REPORT_MAX_TABLES 4
#define FUZZ_REPORT_MAX_ROWS 128
#define FUZZ_REPORT_MAX_FIELDS 16

/* `s` as the readers keep it: valid UTF-8, in `chunk`; NULL for "" when
 * `empty_is_null`. */
static const char *
fuzz_report_keep(GStringChunk *chunk, const char *s, gboolean empty_is_null)
{
  if (empty_is_null && *s == '\0')
    return NULL;
  char *fixed = geo_text_repair(s);
  const char *kept = g_string_chunk_insert(chunk, fixed ? fixed : s);
  g_free(fixed);
  return kept;
}

static GeoTable *
fuzz_report_table_new(const char *source, char **fields, guint n_fields)
{
  GeoTable *t = g_new0(GeoTable, 1);
  t->source = g_strdup(source);
  t->strings = g_string_chunk_new(256);
  t->n_fields = MAX(n_fields, 1);
  t->fields = g_new0(char *, t->n_fields + 1);
  for (guint i = 0; i < t->n_fields; i++) {
    char *fixed = i < n_fields ? geo_text_repair(fields[i]) : NULL;
    t->fields[i] = fixed ? fixed : g_strdup(i < n_fields ? fields[i] : "kode");
  }
  t->key_column = 0;
  t->key_field = g_strdup(t->fields[0]);
  return t;
}

/* Adds a row; `cells` beyond the header are ignored, missing ones empty. */
static void
fuzz_report_table_add(GeoTable *t, GPtrArray *cells, GArray *lines, char **row, guint n)
{
  if (t->n_rows >= FUZZ_REPORT_MAX_ROWS)
    return;
  for (guint i = 0; i < t->n_fields; i++)
    g_ptr_array_add(cells, (gpointer)fuzz_report_keep(t->strings, i < n ? row[i] : "", TRUE));
  guint line = t->n_rows + 2;
  g_array_append_val(lines, line);
  t->n_rows++;
}

/* The string member `name` of `o`, or NULL. */
static const char *
fuzz_report_member(JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member(o, name);
  return n && JSON_NODE_HOLDS_VALUE(n) ? json_node_get_string(n) : NULL;
}

static void
fuzz_report_check_string(JsonObject *o, const char *member, const char *want)
{
  g_autofree char *valid = g_utf8_make_valid(want ? want : "", -1);
  const char *got = fuzz_report_member(o, member);
  FUZZ_CHECK(got != NULL && strcmp(got, valid) == 0, "JSON %s is '%s', want '%s'", member,
             got ? got : "(none)", valid);
}

static void
fuzz_report_check_text(const char *text, const GeoJoinReport *r)
{
  FUZZ_CHECK(g_utf8_validate(text, -1, NULL), "text report not UTF-8");
  guint want = 1 + r->dup_features->len + r->bad_values->len;
  for (guint i = 0; i < r->tables->len; i++) {
    const GeoTableReport *t = g_ptr_array_index(r->tables, i);
    want += 1 + t->unmatched->len + t->duplicates->len;
  }
  for (guint i = 0; i < r->tables->len; i++) {
    const GeoTableReport *t = g_ptr_array_index(r->tables, i);
    want += t->ambiguous->len;
  }
  if (r->value_field)
    want += 1 + (r->without_data->len > 0);
  want += 1; /* the summary */
  guint why = 0;
  for (const char *p = strstr(text, "\n  why: "); p; p = strstr(p + 1, "\n  why: "))
    why++;
  FUZZ_CHECK(why <= 2, "%u why lines", why);
  want += why;
  guint lines = 0;
  for (const char *p = text; *p; p++) {
    if (*p == '\n')
      lines++;
    else
      FUZZ_CHECK((guchar)*p >= 0x20 && (guchar)*p != 0x7f,
                 "control character 0x%02x in the text report at %zu", (guchar)*p,
                 (size_t)(p - text));
  }
  FUZZ_CHECK(lines == want, "text report has %u lines, want %u:\n%s", lines, want, text);
}

static void
fuzz_report_check_json(const char *json, const GeoJoinReport *r, const GeoLayer *layer)
{
  g_autoptr(JsonParser) parser = json_parser_new();
  g_autoptr(GError) err = NULL;
  FUZZ_CHECK(json_parser_load_from_data(parser, json, -1, &err),
             "JSON report does not parse: %s\n%s", err->message, json);
  JsonObject *root = json_node_get_object(json_parser_get_root(parser));
  FUZZ_CHECK(root != NULL, "JSON report is not an object");
  fuzz_report_check_string(root, "boundaries", r->boundaries);
  fuzz_report_check_string(root, "layer", layer->layer_name);
  FUZZ_CHECK(json_object_get_int_member(root, "districts") == r->n_features, "districts");
  JsonArray *tables = json_object_get_array_member(root, "tables");
  FUZZ_CHECK(json_array_get_length(tables) == r->tables->len, "tables");
  for (guint i = 0; i < r->tables->len; i++) {
    const GeoTableReport *t = g_ptr_array_index(r->tables, i);
    JsonObject *jt = json_array_get_object_element(tables, i);
    fuzz_report_check_string(jt, "source", t->source);
    fuzz_report_check_string(jt, "key_field", t->key_field);
    JsonArray *un = json_object_get_array_member(jt, "unmatched");
    FUZZ_CHECK(json_array_get_length(un) == t->unmatched->len, "unmatched");
    for (guint k = 0; k < t->unmatched->len; k++) {
      const GeoRowRef *u = g_ptr_array_index(t->unmatched, k);
      fuzz_report_check_string(json_array_get_object_element(un, k), "key", u->raw_key);
      if (u->note)
        fuzz_report_check_string(json_array_get_object_element(un, k), "note", u->note);
    }
    JsonArray *amb = json_object_get_array_member(jt, "ambiguous");
    FUZZ_CHECK(json_array_get_length(amb) == t->ambiguous->len, "ambiguous");
    for (guint k = 0; k < t->ambiguous->len; k++) {
      const GeoAmbiguous *a = g_ptr_array_index(t->ambiguous, k);
      JsonObject *ja = json_array_get_object_element(amb, k);
      fuzz_report_check_string(ja, "key", a->raw_key);
      JsonArray *cands = json_object_get_array_member(ja, "candidates");
      FUZZ_CHECK(json_array_get_length(cands) == a->candidates->len, "candidates");
      for (guint c = 0; c < a->candidates->len; c++) {
        const GeoFeature *f = &layer->features[g_array_index(a->candidates, guint, c)];
        fuzz_report_check_string(json_array_get_object_element(cands, c), "name", f->name);
      }
    }
    JsonArray *dups = json_object_get_array_member(jt, "duplicates");
    FUZZ_CHECK(json_array_get_length(dups) == t->duplicates->len, "duplicates");
    for (guint k = 0; k < t->duplicates->len; k++) {
      const GeoDuplicate *d = g_ptr_array_index(t->duplicates, k);
      fuzz_report_check_string(json_array_get_object_element(dups, k), "key", d->key);
    }
  }
  JsonArray *bad = json_object_get_array_member(root, "bad_values");
  FUZZ_CHECK(json_array_get_length(bad) == r->bad_values->len, "bad_values");
  for (guint i = 0; i < r->bad_values->len; i++) {
    const GeoBadValue *b = g_ptr_array_index(r->bad_values, i);
    fuzz_report_check_string(json_array_get_object_element(bad, i), "value", b->raw);
    fuzz_report_check_string(json_array_get_object_element(bad, i), "field", b->field);
  }
  JsonArray *without = json_object_get_array_member(root, "without_data");
  FUZZ_CHECK(json_array_get_length(without) == r->without_data->len, "without_data");
  for (guint i = 0; i < r->without_data->len; i++) {
    const GeoFeature *f = &layer->features[g_array_index(r->without_data, guint, i)];
    fuzz_report_check_string(json_array_get_object_element(without, i), "key", f->key);
    fuzz_report_check_string(json_array_get_object_element(without, i), "name", f->name);
  }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *text = g_malloc(size + 1);
  memcpy(text, data, size);
  text[size] = '\0';
  /* NUL bytes cannot be in C strings: they end a field like 0x1f. */
  for (size_t i = 0; i < size; i++)
    if (text[i] == '\0')
      text[i] = '\x1f';
  char **records = g_strsplit(text, "\x1e", -1);
  g_free(text);

  GeoLayer layer = {0};
  layer.strings = g_string_chunk_new(256);
  GeoGazetteer *gz = geo_gazetteer_new();
  char **head = g_strsplit(records[0] ? records[0] : "", "\x1f", 7);
  guint nh = g_strv_length(head);
  layer.source = g_strdup(nh > 0 ? head[0] : "batas.shp");
  layer.layer_name = g_strdup(fuzz_report_keep(layer.strings, nh > 1 ? head[1] : "batas", FALSE));
  layer.crs_name = g_strdup(fuzz_report_keep(layer.strings, nh > 2 ? head[2] : "WGS 84", FALSE));
  const char *value_field = nh > 3 ? head[3] : "skor";
  GArray *features = g_array_new(FALSE, TRUE, sizeof(GeoFeature));

  GeoTable *tables[FUZZ_REPORT_MAX_TABLES];
  GPtrArray *cells[FUZZ_REPORT_MAX_TABLES];
  GArray *lines[FUZZ_REPORT_MAX_TABLES];
  char *default_fields[] = {"kode", "skor"};
  guint n_tables = 1;
  tables[0] = fuzz_report_table_new("tabel.csv", default_fields, 2);
  cells[0] = g_ptr_array_new();
  lines[0] = g_array_new(FALSE, FALSE, sizeof(guint));

  for (guint ri = 1; records[0] && records[ri]; ri++) {
    char **f = g_strsplit(records[ri], "\x1f", FUZZ_REPORT_MAX_FIELDS + 2);
    guint n = g_strv_length(f);
    if (n >= 1 && strcmp(f[0], "F") == 0) {
      if (features->len < FUZZ_REPORT_MAX_FEATURES) {
        GeoFeature feat = {0};
        feat.raw_key = fuzz_report_keep(layer.strings, n > 1 ? f[1] : "", FALSE);
        char *key = geo_key_normalise(feat.raw_key);
        feat.key = g_string_chunk_insert(layer.strings, key);
        g_free(key);
        feat.name = fuzz_report_keep(layer.strings, n > 2 ? f[2] : "", FALSE);
        char *group = geo_key_normalise(n > 3 ? f[3] : "");
        feat.group = fuzz_report_keep(layer.strings, group, FALSE);
        g_free(group);
        feat.group_name = "";
        feat.fid = (long)features->len;
        g_array_append_val(features, feat);
      }
    } else if (n >= 3 && strcmp(f[0], "A") == 0) {
      geo_gazetteer_add_name(gz, f[1], f[2], NULL);
    } else if (n >= 5 && strcmp(f[0], "P") == 0) {
      geo_gazetteer_add_formation(gz, f[1], f[2], (int)g_ascii_strtoll(f[3], NULL, 10), f[4], NULL);
    } else if (n >= 2 && strcmp(f[0], "T") == 0) {
      if (n_tables < FUZZ_REPORT_MAX_TABLES) {
        tables[n_tables] = fuzz_report_table_new(f[1], f + 2, n - 2);
        cells[n_tables] = g_ptr_array_new();
        lines[n_tables] = g_array_new(FALSE, FALSE, sizeof(guint));
        n_tables++;
      }
    } else {
      GeoTable *t = tables[n_tables - 1];
      fuzz_report_table_add(t, cells[n_tables - 1], lines[n_tables - 1], f, n);
    }
    g_strfreev(f);
  }
  for (guint i = 0; i < n_tables; i++) {
    tables[i]->cells = (char **)g_ptr_array_free(cells[i], FALSE);
    tables[i]->line = (guint *)g_array_free(lines[i], FALSE);
  }
  layer.n_features = features->len;
  layer.features = (GeoFeature *)(void *)features->data;

  GeoJoin *join;
  if (nh > 4) {
    GeoJoinOptions o = {GEO_MATCH_AUTO, "NAMA", nh > 5 && *head[5] ? head[5] : NULL, gz, NULL};
    if (strcmp(head[4], "code") == 0)
      o.match = GEO_MATCH_CODE;
    else if (strcmp(head[4], "name") == 0)
      o.match = GEO_MATCH_NAME;
    GError *err = NULL;
    join = geo_join_run_full(&layer, tables, n_tables, &o, &err);
    if (join == NULL) {
      /* Only a group column some table lacks is refused. */
      FUZZ_CHECK(err && err->domain == GEO_ERROR && err->code == GEO_ERROR_USAGE && o.group_field,
                 "join failed: %s", err ? err->message : "(no error)");
      FUZZ_CHECK(g_utf8_validate(err->message, -1, NULL), "message not UTF-8");
      g_error_free(err);
      goto done;
    }
  } else {
    join = geo_join_run(&layer, tables, n_tables);
  }
  double *values = geo_join_numbers(join, value_field, TRUE);
  const GeoJoinReport *r = join->report;
  FUZZ_CHECK(r->n_with_data + r->without_data->len == layer.n_features,
             "%u with data + %u without != %u districts", r->n_with_data, r->without_data->len,
             layer.n_features);
  for (guint i = 0; i < r->tables->len; i++) {
    const GeoTableReport *t = g_ptr_array_index(r->tables, i);
    FUZZ_CHECK(t->n_matched + t->unmatched->len + t->duplicates->len + t->ambiguous->len ==
                   t->n_rows,
               "table %u: %u matched + %u unmatched + %u duplicates + %u ambiguous != %u rows", i,
               t->n_matched, t->unmatched->len, t->duplicates->len, t->ambiguous->len, t->n_rows);
    for (guint k = 0; k < t->ambiguous->len; k++) {
      const GeoAmbiguous *a = g_ptr_array_index(t->ambiguous, k);
      FUZZ_CHECK(a->candidates->len >= 2, "ambiguous with %u candidates", a->candidates->len);
      for (guint c = 1; c < a->candidates->len; c++)
        FUZZ_CHECK(g_array_index(a->candidates, guint, c - 1) <
                       g_array_index(a->candidates, guint, c),
                   "candidates not distinct and ordered");
    }
  }
  GeoQuality q;
  geo_join_quality_count(r, &layer, NULL, 0, &q);
  FUZZ_CHECK(q.features == layer.n_features && q.without <= q.features && q.formed <= q.without &&
                 q.year_lo <= q.year_hi,
             "quality counts: %u features, %u without data, %u formed %d-%d", q.features, q.without,
             q.formed, q.year_lo, q.year_hi);
  for (guint f = 0; f < layer.n_features; f++) {
    const char *kept = geo_join_get(join, f, geo_join_find_field(join, value_field));
    FUZZ_CHECK(kept == NULL || g_utf8_validate(kept, -1, NULL), "joined cell not UTF-8");
  }
  char *report = geo_join_report_text(r, &layer);
  fuzz_report_check_text(report, r);
  g_free(report);
  char *json = geo_join_report_json(r, &layer);
  fuzz_report_check_json(json, r, &layer);
  g_free(json);

  g_free(values);
  geo_join_free(join);
done:
  geo_gazetteer_unref(gz);
  for (guint i = 0; i < n_tables; i++)
    geo_table_free(tables[i]);
  g_array_free(features, TRUE);
  g_free(layer.source);
  g_free(layer.layer_name);
  g_free(layer.crs_name);
  g_string_chunk_free(layer.strings);
  g_strfreev(head);
  g_strfreev(records);
  return 0;
}
