/* test-match.c — joins by every key style on small fixture boundaries:
 * codes however written, names with and without Kabupaten/Kota, aliases,
 * names within a province column, a bare name that is ambiguous (reported
 * with its candidates, never guessed), the choice between code and name,
 * districts formed after the table, and the report and data-quality line
 * that say all of it. */
#include "testutil.h"

#include <geo.h>
#include <render.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

/* Kab/kota fixtures: code, name, province; one small square each. */
static const char *const fixture_kabkota[][3] = {
    {"53.01", "Kabupaten Kupang", "53"},
    {"53.71", "Kota Kupang", "53"},
    {"53.04", "Kabupaten Belu", "53"},
    {"32.79", "Kota Banjar", "32"},
    {"63.03", "Kabupaten Banjar", "63"},
    {"31.71", "Kota Administrasi Jakarta Pusat", "31"},
    {"31.01", "Kabupaten Administrasi Kepulauan Seribu", "31"},
    {"12.12", "Kabupaten Toba", "12"},
    {"64.01", "Kabupaten Paser", "64"},
    {"35.79", "Kota Batu", "35"},
    {"93.01", "Kabupaten Merauke", "93"},
};

/* Province fixtures named as the 2025 boundaries name them. */
static const char *const fixture_provinsi[][3] = {
    {"31", "Daerah Khusus Ibukota Jakarta", ""},
    {"34", "Daerah Istimewa Yogyakarta", ""},
    {"19", "Kepulauan Bangka Belitung", ""},
    {"53", "Nusa Tenggara Timur", ""},
    {"91", "Papua", ""},
    {"92", "Papua Barat", ""},
    {"93", "Papua Selatan", ""},
    {"96", "Papua Barat Daya", ""},
};

static char *tmp;

static GeoLayer *
fixture_layer(const char *const (*rows)[3], guint n, const char *file, gboolean groups)
{
  GString *j = g_string_new("{\"type\":\"FeatureCollection\",\"features\":[");
  for (guint i = 0; i < n; i++) {
    double x = 100 + i, y = -5;
    g_string_append_printf(
        j,
        "%s{\"type\":\"Feature\",\"properties\":{\"KODE\":\"%s\",\"NAMA\":\"%s\","
        "\"KODE_PROV\":\"%s\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        "[[[%g,%g],[%g,%g],[%g,%g],[%g,%g],[%g,%g]]]}}",
        i ? "," : "", rows[i][0], rows[i][1], rows[i][2], x, y, x + 0.5, y, x + 0.5, y + 0.5, x,
        y + 0.5, x, y);
  }
  g_string_append(j, "]}");
  g_autofree char *path = testutil_write(tmp, file, j->str);
  g_string_free(j, TRUE);
  GError *err = NULL;
  GeoLayerSpec spec = {.source = path,
                       .key_field = "KODE",
                       .name_field = "NAMA",
                       .group_field = groups ? "KODE_PROV" : NULL};
  GeoLayer *layer = geo_layer_read(&spec, &err);
  g_assert_no_error(err);
  g_assert_cmpuint(layer->n_features, ==, n);
  return layer;
}

static GeoLayer *
kabkota(void)
{
  return fixture_layer(fixture_kabkota, G_N_ELEMENTS(fixture_kabkota), "kabkota.geojson", TRUE);
}

static GeoGazetteer *
gazetteer(void)
{
  const char *dir = g_getenv("PETARAWAN_DATA");
  g_autofree char *names = g_build_filename(dir ? dir : "data", "alias-wilayah.csv", NULL);
  g_autofree char *formed = g_build_filename(dir ? dir : "data", "pemekaran.csv", NULL);
  GeoGazetteer *g = geo_gazetteer_new();
  GError *err = NULL;
  g_assert_true(geo_gazetteer_add_names(g, names, &err));
  g_assert_true(geo_gazetteer_add_formations(g, formed, &err));
  g_assert_no_error(err);
  return g;
}

static GeoTable *
table(const char *name, const char *text, const char *key)
{
  g_autofree char *path = testutil_write(tmp, name, text);
  g_autofree char *spec = key ? g_strconcat(path, ":", key, NULL) : g_strdup(path);
  GError *err = NULL;
  GeoTable *t = testutil_table_read(spec, &err);
  g_assert_no_error(err);
  return t;
}

typedef struct {
  GeoLayer *layer;
  GeoTable *table;
  GeoGazetteer *gz;
  GeoJoin *join;
  double *v;
  char *text;
  char *json;
} Run;

/* Joins `t` to `layer` with the built-in gazetteer, reads `value`. */
static Run
run(GeoLayer *layer, GeoTable *t, GeoMatch match, const char *group_field, const char *value)
{
  Run r = {layer, t, gazetteer(), NULL, NULL, NULL, NULL};
  GeoJoinOptions o = {match, "NAMA", group_field, r.gz, "--table-group"};
  GError *err = NULL;
  r.join = geo_join_run_full(layer, &t, 1, &o, &err);
  g_assert_no_error(err);
  r.v = geo_join_numbers(r.join, value, TRUE);
  r.text = geo_join_report_text(r.join->report, layer);
  r.json = geo_join_report_json(r.join->report, layer);
  g_test_message("%s", r.text);
  return r;
}

static void
run_free(Run *r)
{
  g_free(r->v);
  g_free(r->text);
  g_free(r->json);
  geo_join_free(r->join);
  geo_gazetteer_unref(r->gz);
  geo_table_free(r->table);
  geo_layer_free(r->layer);
}

static double
value_of(const Run *r, const char *key)
{
  int f = geo_layer_find(r->layer, key);
  g_assert_cmpint(f, >=, 0);
  return r->v[f];
}

static void
assert_has(const char *text, const char *want)
{
  if (strstr(text, want) == NULL)
    g_error("'%s' not in:\n%s", want, text);
}

static GeoTableReport *
table_report(const Run *r)
{
  return g_ptr_array_index(r->join->report->tables, 0);
}

/* Codes in every spelling a spreadsheet produces join by code. */
static void
test_codes(void)
{
  Run r = run(kabkota(),
              table("kode.csv",
                    "kode,skor\n"
                    "53.01,1\n"       /* dotted */
                    "5371,2\n"        /* undotted */
                    "\" 53.04 \",3\n" /* spaces */
                    "'3279,4\n"       /* Excel's text marker */
                    "6303.0,5\n"      /* a float column */
                    "31.1,6\n",       /* 31.10 stored as a number: no such district */
                    "kode"),
              GEO_MATCH_AUTO, NULL, "skor");
  GeoTableReport *tr = table_report(&r);
  g_assert_false(tr->by_name);
  g_assert_cmpuint(tr->n_matched, ==, 5);
  g_assert_cmpfloat(value_of(&r, "53.01"), ==, 1);
  g_assert_cmpfloat(value_of(&r, "53.71"), ==, 2);
  g_assert_cmpfloat(value_of(&r, "53.04"), ==, 3);
  g_assert_cmpfloat(value_of(&r, "32.79"), ==, 4);
  g_assert_cmpfloat(value_of(&r, "63.03"), ==, 5);
  assert_has(r.text, "Table ");
  assert_has(r.text, "(key kode): matched 5 of 6 rows");
  assert_has(r.text, "kode.csv row 7, kode '31.1' is not in the boundaries");
  g_autofree char *match = testutil_json_query(r.json, "$.tables[0].match");
  g_assert_cmpstr(match, ==, "[\"code\"]");
  run_free(&r);
}

/* Province codes and a province layer: any level joins. */
static void
test_codes_province(void)
{
  GeoLayer *prov =
      fixture_layer(fixture_provinsi, G_N_ELEMENTS(fixture_provinsi), "provinsi.geojson", FALSE);
  Run r = run(prov, table("kodeprov.csv", "kode,skor\n31,1\n34.0,2\n'19,3\n53,4\n", "kode"),
              GEO_MATCH_AUTO, NULL, "skor");
  g_assert_cmpuint(table_report(&r)->n_matched, ==, 4);
  g_assert_cmpfloat(value_of(&r, "34"), ==, 2);
  g_assert_cmpfloat(value_of(&r, "19"), ==, 3);
  run_free(&r);
}

/* A table keyed by names only: prefixes, case, punctuation and aliases
 * ignored; Kota and Kabupaten kept apart; a bare "Kupang" ambiguous. */
static void
test_names(void)
{
  Run r = run(kabkota(),
              table("nama.csv",
                    "wilayah,skor\n"
                    "Kab. Kupang,1\n"             /* 2 */
                    "KOTA KUPANG,2\n"             /* 3 */
                    "Kupang,99\n"                 /* 4: ambiguous */
                    "kabupaten  belu,3\n"         /* 5 */
                    "Kota Adm. Jakarta Pusat,4\n" /* 6 */
                    "Kepulauan Seribu,5\n"        /* 7: bare, unique */
                    "Kab. Toba Samosir,6\n"       /* 8: old name */
                    "Kabupaten Pasir,7\n"         /* 9: old name */
                    "Batu,8\n"                    /* 10: bare, unique */
                    "Kota Belu,9\n"               /* 11: only a Kabupaten Belu */
                    "Belu,10\n"                   /* 12: duplicate of row 5 */
                    "Banjar,11\n"                 /* 13: ambiguous across provinces */
                    "Kabupaten Merauke,12\n",     /* 14 */
                    NULL),
              GEO_MATCH_AUTO, NULL, "skor");
  GeoTableReport *tr = table_report(&r);
  g_assert_true(tr->by_name);
  g_assert_null(tr->group_field);
  g_assert_cmpfloat(value_of(&r, "53.01"), ==, 1);
  g_assert_cmpfloat(value_of(&r, "53.71"), ==, 2);
  g_assert_cmpfloat(value_of(&r, "53.04"), ==, 3);
  g_assert_cmpfloat(value_of(&r, "31.71"), ==, 4);
  g_assert_cmpfloat(value_of(&r, "31.01"), ==, 5);
  g_assert_cmpfloat(value_of(&r, "12.12"), ==, 6);
  g_assert_cmpfloat(value_of(&r, "64.01"), ==, 7);
  g_assert_cmpfloat(value_of(&r, "35.79"), ==, 8);
  g_assert_true(isnan(value_of(&r, "32.79")));
  g_assert_true(isnan(value_of(&r, "63.03")));
  g_assert_cmpuint(tr->n_matched, ==, 9);
  g_assert_cmpuint(tr->ambiguous->len, ==, 2);
  g_assert_cmpuint(tr->unmatched->len, ==, 1);
  g_assert_cmpuint(tr->duplicates->len, ==, 1);
  g_assert_true(geo_join_report_has_problems(r.join->report));

  assert_has(r.text, "(key wilayah, by name): matched 9 of 13 rows");
  assert_has(r.text, "ambiguous: ");
  assert_has(r.text, "nama.csv row 4, wilayah 'Kupang' could be 53.01 Kabupaten Kupang or "
                     "53.71 Kota Kupang (not joined");
  assert_has(r.text, "53.71 Kota Kupang (not joined: write Kabupaten or Kota)\n");
  assert_has(r.text, "nama.csv row 13, wilayah 'Banjar' could be 32.79 Kota Banjar or "
                     "63.03 Kabupaten Banjar (not joined: write Kabupaten or Kota, or give each "
                     "row its province (--table-group))\n");
  assert_has(r.text, "nama.csv row 11, wilayah 'Kota Belu' is not in the boundaries: the "
                     "boundaries have 53.04 Kabupaten Belu, not a Kota");
  assert_has(r.text, "nama.csv row 12, wilayah 'Belu' already given in row 5");
  assert_has(r.text, "2 ambiguous");

  /* The JSON report gives the candidates. */
  g_autoptr(JsonParser) p = json_parser_new();
  GError *err = NULL;
  g_assert_true(json_parser_load_from_data(p, r.json, -1, &err));
  JsonObject *root = json_node_get_object(json_parser_get_root(p));
  JsonObject *t0 = json_array_get_object_element(json_object_get_array_member(root, "tables"), 0);
  g_assert_cmpstr(json_object_get_string_member(t0, "match"), ==, "name");
  JsonArray *amb = json_object_get_array_member(t0, "ambiguous");
  g_assert_cmpuint(json_array_get_length(amb), ==, 2);
  JsonObject *a0 = json_array_get_object_element(amb, 0);
  g_assert_cmpint(json_object_get_int_member(a0, "row"), ==, 4);
  g_assert_cmpstr(json_object_get_string_member(a0, "key"), ==, "Kupang");
  JsonArray *cands = json_object_get_array_member(a0, "candidates");
  g_assert_cmpuint(json_array_get_length(cands), ==, 2);
  g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(cands, 1), "name"),
                  ==, "Kota Kupang");
  JsonObject *sum = json_object_get_object_member(root, "summary");
  g_assert_cmpint(json_object_get_int_member(sum, "ambiguous"), ==, 2);
  g_assert_true(json_object_get_boolean_member(root, "problems"));
  run_free(&r);
}

/* Boundaries that name kabupaten without a prefix ("Kupang") and kota
 * with one ("Kota Kupang"), as BPS does: "Kota Kupang" is the kota even
 * though the bare "Kupang" could be a kota too; "Kabupaten Kupang" is the
 * bare one; a bare "Kupang" in the table stays ambiguous. */
static void
test_bare_boundary_names(void)
{
  static const char *const bps[][3] = {
      {"53.01", "Kupang", "53"},
      {"53.71", "Kota Kupang", "53"},
      {"35.79", "Batu", "35"},
  };
  GeoLayer *layer = fixture_layer(bps, G_N_ELEMENTS(bps), "bps.geojson", TRUE);
  Run r = run(layer,
              table("bps.csv",
                    "wilayah,skor\nKota Kupang,1\nKabupaten Kupang,2\nKupang,3\n"
                    "Kota Batu,4\n",
                    NULL),
              GEO_MATCH_AUTO, NULL, "skor");
  g_assert_cmpfloat(value_of(&r, "53.71"), ==, 1);
  g_assert_cmpfloat(value_of(&r, "53.01"), ==, 2);
  g_assert_cmpfloat(value_of(&r, "35.79"), ==, 4); /* "Batu": kind unknown, unique */
  g_assert_cmpuint(table_report(&r)->ambiguous->len, ==, 1);
  assert_has(r.text, "bps.csv row 4, wilayah 'Kupang' could be 53.01 Kupang or 53.71 Kota Kupang");
  run_free(&r);
}

/* With a province column, names match within the row's province: the
 * same bare name is then no longer ambiguous, and a name in the wrong
 * province matches nothing and says where it is. */
static void
test_names_in_group(void)
{
  Run r = run(kabkota(),
              table("nama-prov.csv",
                    "kabupaten_kota,provinsi,skor\n"
                    "Banjar,Jawa Barat,1\n"              /* 2 -> Kota Banjar */
                    "Banjar,Kalsel,2\n"                  /* 3 -> Kabupaten Banjar */
                    "Kota Banjar,Kalimantan Selatan,3\n" /* 4: wrong province */
                    "Kupang,NTT,4\n"                     /* 5: still ambiguous */
                    "Belu,53,5\n"                        /* 6: a province code */
                    "Batu,Jawa Tmur,6\n",                /* 7: a province nobody knows */
                    "kabupaten_kota"),
              GEO_MATCH_AUTO, NULL, "skor");
  GeoTableReport *tr = table_report(&r);
  g_assert_cmpstr(tr->group_field, ==, "provinsi");
  g_assert_cmpfloat(value_of(&r, "32.79"), ==, 1);
  g_assert_cmpfloat(value_of(&r, "63.03"), ==, 2);
  g_assert_cmpfloat(value_of(&r, "53.04"), ==, 5);
  /* A guessed province column with a value it cannot read does not stop
   * a unique name. */
  g_assert_cmpfloat(value_of(&r, "35.79"), ==, 6);
  g_assert_cmpuint(tr->ambiguous->len, ==, 1);
  assert_has(r.text, "(key kabupaten_kota, by name within provinsi): matched 4 of 6 rows");
  assert_has(r.text,
             "row 4, kabupaten_kota 'Kota Banjar' is not in the boundaries: "
             "32.79 Kota Banjar is in group 32; this row's provinsi is 'Kalimantan Selatan'");
  assert_has(r.text, "row 5, kabupaten_kota 'Kupang' could be 53.01 Kabupaten Kupang or "
                     "53.71 Kota Kupang");
  run_free(&r);

  /* Named explicitly, the column is strict: an unknown province matches
   * nothing. */
  r = run(kabkota(),
          table("nama-prov2.csv", "nama,prov_asal,skor\nBatu,Jawa Tmur,1\nBatu,Jatim,2\n", "nama"),
          GEO_MATCH_AUTO, "prov_asal", "skor");
  tr = table_report(&r);
  g_assert_cmpuint(tr->n_matched, ==, 1);
  g_assert_cmpfloat(value_of(&r, "35.79"), ==, 2);
  assert_has(r.text, "row 2, nama 'Batu' is not in the boundaries: prov_asal 'Jawa Tmur' is not "
                     "a group of the boundaries");
  run_free(&r);

  /* A column that is not there is a usage error naming it. */
  GeoLayer *layer = kabkota();
  GeoTable *t = table("nama-prov3.csv", "nama,skor\nBatu,1\n", "nama");
  GeoGazetteer *gz = gazetteer();
  GeoJoinOptions o = {GEO_MATCH_AUTO, "NAMA", "provinsi", gz, "--table-group"};
  GError *err = NULL;
  g_assert_null(geo_join_run_full(layer, &t, 1, &o, &err));
  g_assert_error(err, GEO_ERROR, GEO_ERROR_USAGE);
  assert_has(err->message, "--table-group provinsi: ");
  assert_has(err->message, "nama-prov3.csv has no such column");
  g_clear_error(&err);
  geo_gazetteer_unref(gz);
  geo_table_free(t);
  geo_layer_free(layer);
}

/* --match overrides the choice; --match name needs names. */
static void
test_match_option(void)
{
  Run r = run(kabkota(), table("paksa.csv", "wilayah,skor\nKota Kupang,1\n", NULL), GEO_MATCH_CODE,
              NULL, "skor");
  g_assert_false(table_report(&r)->by_name);
  g_assert_cmpuint(table_report(&r)->n_matched, ==, 0);
  run_free(&r);
  /* Codes looked up as names match nothing. */
  r = run(kabkota(), table("paksa2.csv", "kode,skor\n53.71,1\n", NULL), GEO_MATCH_NAME, NULL,
          "skor");
  g_assert_true(table_report(&r)->by_name);
  g_assert_cmpuint(table_report(&r)->n_matched, ==, 0);
  run_free(&r);

  GeoLayer *layer = kabkota();
  GeoTable *t = table("paksa3.csv", "wilayah,skor\nKota Kupang,1\n", NULL);
  GeoJoinOptions o = {GEO_MATCH_NAME, NULL, NULL, NULL, NULL};
  GError *err = NULL;
  g_assert_null(geo_join_run_full(layer, &t, 1, &o, &err));
  g_assert_error(err, GEO_ERROR, GEO_ERROR_USAGE);
  g_clear_error(&err);
  /* Without a name field, auto stays with codes. */
  o.match = GEO_MATCH_AUTO;
  GeoJoin *j = geo_join_run_full(layer, &t, 1, &o, &err);
  g_assert_no_error(err);
  g_assert_false(((GeoTableReport *)g_ptr_array_index(j->report->tables, 0))->by_name);
  geo_join_free(j);
  geo_table_free(t);
  geo_layer_free(layer);
}

/* The user's own alias file adds names. */
static void
test_user_aliases(void)
{
  g_autofree char *alias =
      testutil_write(tmp, "alias.csv", "kode,nama\n53.71,Kota Kupang\n53.71,Kota Karang\n");
  GeoLayer *layer = kabkota();
  GeoTable *t = table("karang.csv", "wilayah,skor\nKota Karang,5\n", NULL);
  GeoGazetteer *gz = gazetteer();
  GError *err = NULL;
  g_assert_true(geo_gazetteer_add_names(gz, alias, &err));
  GeoJoinOptions o = {GEO_MATCH_AUTO, "NAMA", NULL, gz, NULL};
  GeoJoin *j = geo_join_run_full(layer, &t, 1, &o, &err);
  g_assert_no_error(err);
  double *v = geo_join_numbers(j, "skor", TRUE);
  g_assert_cmpfloat(v[geo_layer_find(layer, "53.71")], ==, 5);
  g_free(v);
  geo_join_free(j);
  geo_gazetteer_unref(gz);
  geo_table_free(t);
  geo_layer_free(layer);
}

/* Province names against the long official names; four provinces too new
 * for the table are explained. */
static void
test_province_names_vintage(void)
{
  GeoLayer *prov =
      fixture_layer(fixture_provinsi, G_N_ELEMENTS(fixture_provinsi), "provinsi2.geojson", FALSE);
  Run r = run(prov,
              table("ikp.csv",
                    "provinsi,skor\nDKI Jakarta,88.95\nDI Yogyakarta,43.02\n"
                    "Bangka-Belitung,29.89\nNTT,56.75\nPapua,57.27\nPapua Barat,53.48\n",
                    NULL),
              GEO_MATCH_AUTO, NULL, "skor");
  g_assert_cmpuint(table_report(&r)->n_matched, ==, 6);
  g_assert_cmpfloat(value_of(&r, "31"), ==, 88.95);
  g_assert_cmpfloat(value_of(&r, "19"), ==, 29.89);
  assert_has(r.text, "without data (2): 93 Papua Selatan, 96 Papua Barat Daya");
  assert_has(r.text, "why: 2 of them are provinces formed in 2022, after the table's "
                     "6-province edition: 93 Papua Selatan (from 91 Papua), 96 Papua Barat Daya "
                     "(from 92 Papua Barat)");
  g_autofree char *formed = testutil_json_query(r.json, "$.without_data[0].formed");
  g_assert_cmpstr(formed, ==,
                  "[{\"code\":\"93\",\"year\":2022,\"parent\":\"91\",\"parent_name\":\"Papua\"}]");
  g_autofree char *edition = testutil_json_query(r.json, "$.table_edition");
  g_assert_cmpstr(edition, ==, "[6]");
  gboolean complete = TRUE;
  g_autofree char *q =
      render_quality_text_for(r.join->report, r.layer, NULL, 0, "Provinsi", &complete);
  g_assert_cmpstr(q, ==,
                  "Kualitas data: lengkap untuk 6 provinsi; 2 provinsi dibentuk 2022, sesudah data "
                  "ini: belum dinilai");
  /* Provinces newer than the table are explained, not a data problem. */
  g_assert_true(complete);
  run_free(&r);
}

/* A kab/kota table keyed by codes from before 2022 has no row for the
 * districts of the new Papua provinces, whose codes changed. */
static void
test_kabkota_vintage(void)
{
  Run r = run(kabkota(),
              table("lama.csv",
                    "kode,skor\n53.01,1\n53.71,2\n53.04,3\n32.79,4\n63.03,5\n31.71,6\n"
                    "31.01,7\n12.12,8\n64.01,9\n35.79,10\n91.01,11\n",
                    "kode"),
              GEO_MATCH_AUTO, NULL, "skor");
  assert_has(r.text, "without data (1): 93.01 Kabupaten Merauke");
  assert_has(r.text, "why: 1 of them is in provinces formed later, which gave it new codes; "
                     "a table made before keys it by the old ones: 93.01 Kabupaten Merauke "
                     "(in 93 Papua Selatan, 2022, from 91 Papua)");
  g_autofree char *province = testutil_json_query(r.json, "$.without_data[0].province_formed.code");
  g_assert_cmpstr(province, ==, "[\"93\"]");
  /* The old code's row says what may have become of it. */
  assert_has(
      r.text,
      "lama.csv row 12, kode '91.01' is not in the boundaries: province 91 was "
      "split in 2022 (93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan): it may be a code from before, of a "
      "district now in one of them");
  run_free(&r);
}

/* The data-quality line of a sheet counts what concerns its districts. */
static void
test_quality(void)
{
  Run r = run(kabkota(),
              table("mutu.csv",
                    "wilayah,skor\nKab. Kupang,1\nKupang,2\nKota Kupang,x\nKabupaten Belu,3\n"
                    "Belu,4\nKota Batu,5\nNowhere,6\n",
                    NULL),
              GEO_MATCH_AUTO, NULL, "skor");
  GeoLayer *l = r.layer;
  guint ntt[] = {(guint)geo_layer_find(l, "53.01"), (guint)geo_layer_find(l, "53.71"),
                 (guint)geo_layer_find(l, "53.04")};
  g_autofree char *q = render_quality_text_for(r.join->report, l, ntt, 3, "Kab/Kota", NULL);
  g_assert_cmpstr(q, ==,
                  "Kualitas data: 1 kab/kota tanpa data; 1 nilai tidak valid; "
                  "1 nama ambigu; 1 baris ganda");
  guint batu[] = {(guint)geo_layer_find(l, "35.79")};
  gboolean complete = FALSE;
  g_autofree char *qb = render_quality_text_for(r.join->report, l, batu, 1, "Kab/Kota", &complete);
  g_assert_cmpstr(qb, ==, "Kualitas data: lengkap, 1 kab/kota berdata");
  g_assert_true(complete);
  g_autofree char *all = render_quality_text_for(r.join->report, l, NULL, 0, "Kab/Kota", NULL);
  g_assert_cmpstr(all, ==,
                  "Kualitas data: 8 kab/kota tanpa data; 1 nilai tidak valid; "
                  "1 nama ambigu; 1 baris ganda; 1 baris tabel tidak cocok");
  run_free(&r);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  tmp = testutil_tmpdir();
  g_test_add_func("/match/codes", test_codes);
  g_test_add_func("/match/codes-province", test_codes_province);
  g_test_add_func("/match/names", test_names);
  g_test_add_func("/match/bare-boundary-names", test_bare_boundary_names);
  g_test_add_func("/match/names-in-group", test_names_in_group);
  g_test_add_func("/match/match-option", test_match_option);
  g_test_add_func("/match/user-aliases", test_user_aliases);
  g_test_add_func("/match/province-names-vintage", test_province_names_vintage);
  g_test_add_func("/match/kabkota-vintage", test_kabkota_vintage);
  g_test_add_func("/match/quality", test_quality);
  int status = g_test_run();
  g_free(tmp);
  return status;
}
