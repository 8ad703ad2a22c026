/* test-join.c — the join on the real kab/kota boundaries: everything
 * matches with the sample tables; a table with unknown, duplicate and bad
 * rows gets each named with its row number. */
#include "testutil.h"

#include <geo.h>
#include <render.h>
#include <math.h>
#include <string.h>

static GeoLayer *
read_kabkota(void)
{
  g_autofree char *path = testutil_shared("batas/kabkota.shp");
  if (!path)
    return NULL;
  GError *err = NULL;
  GeoLayerSpec spec = {
      .source = path, .key_field = "KODE", .name_field = "NAMA", .group_field = "KODE_PROV"};
  GeoLayer *layer = geo_layer_read(&spec, &err);
  g_assert_no_error(err);
  g_assert_cmpuint(layer->n_features, ==, 514);
  return layer;
}

static void
test_all_match(void)
{
  GeoLayer *layer = read_kabkota();
  g_autofree char *ikp = testutil_shared("skor/ikp_kabkota_contoh.csv");
  g_autofree char *per = testutil_shared("skor/personel_kabkota_contoh.csv");
  if (!layer || !ikp || !per) {
    geo_layer_free(layer);
    return;
  }
  GError *err = NULL;
  g_autofree char *s1 = g_strconcat(ikp, ":kode_wilayah", NULL);
  g_autofree char *s2 = g_strconcat(per, ":kode_wilayah", NULL);
  GeoTable *t[2] = {testutil_table_read(s1, &err), NULL};
  g_assert_no_error(err);
  t[1] = testutil_table_read(s2, &err);
  g_assert_no_error(err);
  GeoJoin *j = geo_join_run(layer, t, 2);
  double *v = geo_join_numbers(j, "skor_ikp", TRUE);
  GeoJoinReport *r = j->report;
  g_assert_cmpuint(r->n_with_data, ==, 514);
  g_assert_false(geo_join_report_has_problems(r));
  g_autofree char *text = geo_join_report_text(r, layer);
  g_assert_nonnull(strstr(text, "matched 514 of 514 rows"));
  g_assert_nonnull(strstr(text, "Value skor_ikp: matched 514 of 514 districts"));
  /* Personnel columns came along. */
  int tps = geo_join_find_field(j, "jumlah_tps");
  g_assert_cmpint(tps, >=, 0);
  int kupang = geo_layer_find(layer, "53.71");
  g_assert_cmpint(kupang, >=, 0);
  g_assert_nonnull(geo_join_get(j, (guint)kupang, tps));
  g_assert_false(isnan(v[kupang]));
  g_free(v);
  geo_join_free(j);
  geo_table_free(t[0]);
  geo_table_free(t[1]);
  geo_layer_free(layer);
}

static void
test_problems(void)
{
  GeoLayer *layer = read_kabkota();
  if (!layer)
    return;
  g_autofree char *dir = testutil_tmpdir();
  /* Row 2 fine (dots dropped), row 3 unknown code, row 4 a duplicate of
   * row 2, row 5 not a number, row 6 Indonesian decimal comma. */
  g_autofree char *p = testutil_write(dir, "rusak.csv",
                                      "kode_wilayah,skor_ikp\n"
                                      "5371,45.5\n"
                                      "99.99,10\n"
                                      "53.71,12\n"
                                      "53.01,tinggi\n"
                                      "\"53.02\",\"33,5\"\n");
  g_autofree char *spec = g_strconcat(p, ":kode_wilayah", NULL);
  GError *err = NULL;
  GeoTable *t = testutil_table_read(spec, &err);
  g_assert_no_error(err);
  GeoJoin *j = geo_join_run(layer, &t, 1);
  double *v = geo_join_numbers(j, "skor_ikp", TRUE);
  GeoJoinReport *r = j->report;
  GeoTableReport *tr = g_ptr_array_index(r->tables, 0);
  g_assert_cmpuint(tr->n_matched, ==, 3);
  g_assert_cmpuint(tr->unmatched->len, ==, 1);
  g_assert_cmpuint(tr->duplicates->len, ==, 1);
  g_assert_cmpuint(r->bad_values->len, ==, 1);
  g_assert_cmpuint(r->n_with_data, ==, 2);
  g_assert_cmpfloat_with_epsilon(v[geo_layer_find(layer, "53.71")], 45.5, 1e-12);
  g_assert_cmpfloat_with_epsilon(v[geo_layer_find(layer, "53.02")], 33.5, 1e-12);
  g_assert_true(geo_join_report_has_problems(r));
  g_autofree char *text = geo_join_report_text(r, layer);
  g_test_message("%s", text);
  g_assert_nonnull(strstr(text, "matched 3 of 5 rows"));
  g_assert_nonnull(strstr(text, "unmatched: "));
  g_assert_nonnull(strstr(text, "rusak.csv row 3, kode_wilayah '99.99'"));
  g_assert_nonnull(strstr(text, "duplicate: "));
  g_assert_nonnull(strstr(text, "row 4, kode_wilayah '53.71' already given in row 2"));
  g_assert_nonnull(strstr(text, "bad value: "));
  g_assert_nonnull(strstr(text, "row 5, field skor_ikp: 'tinggi'"));
  g_assert_nonnull(strstr(text, "matched 2 of 514 districts"));
  g_autofree char *json = geo_join_report_json(r, layer);
  g_autofree char *unmatched = testutil_json_query(json, "$.tables[0].unmatched");
  g_assert_cmpstr(unmatched, ==, "[[{\"row\":3,\"key\":\"99.99\"}]]");
  g_autofree char *problems = testutil_json_query(json, "$.problems");
  g_assert_cmpstr(problems, ==, "[true]");
  g_free(v);
  geo_join_free(j);
  geo_table_free(t);
  geo_layer_free(layer);
}

/* The real IKP 2024 province table, keyed by name only, against the 38
 * provinces of 2025: every row matches (the table's "DKI Jakarta" and "DI
 * Yogyakarta" are the boundaries' "Daerah Khusus Ibukota Jakarta" and
 * "Daerah Istimewa Yogyakarta"), and the four provinces formed in 2022
 * are without data, which the report explains. */
static void
test_ikp2024_by_name(void)
{
  g_autofree char *shp = testutil_shared("batas/provinsi.shp");
  g_autofree char *csv = testutil_shared("skor/ikp2024_provinsi.csv");
  if (!shp || !csv)
    return;
  GError *err = NULL;
  GeoLayerSpec spec = {.source = shp, .key_field = "KODE", .name_field = "NAMA"};
  GeoLayer *layer = geo_layer_read(&spec, &err);
  g_assert_no_error(err);
  g_assert_cmpuint(layer->n_features, ==, 38);
  GeoTable *t = testutil_table_read(csv, &err); /* key: the first column, provinsi */
  g_assert_no_error(err);
  const char *dir = g_getenv("PETARAWAN_DATA");
  g_autofree char *names = g_build_filename(dir ? dir : "data", "alias-wilayah.csv", NULL);
  g_autofree char *formed = g_build_filename(dir ? dir : "data", "pemekaran.csv", NULL);
  GeoGazetteer *gz = geo_gazetteer_new();
  g_assert_true(geo_gazetteer_add_names(gz, names, &err));
  g_assert_true(geo_gazetteer_add_formations(gz, formed, &err));
  g_assert_no_error(err);
  GeoJoinOptions o = {GEO_MATCH_AUTO, "NAMA", NULL, gz, NULL};
  GeoJoin *j = geo_join_run_full(layer, &t, 1, &o, &err);
  g_assert_no_error(err);
  double *v = geo_join_numbers(j, "skor_ikp", TRUE);
  GeoJoinReport *r = j->report;
  GeoTableReport *tr = g_ptr_array_index(r->tables, 0);
  g_assert_true(tr->by_name);
  g_assert_cmpuint(tr->n_rows, ==, 34);
  g_assert_cmpuint(tr->n_matched, ==, 34);
  g_assert_cmpuint(r->n_with_data, ==, 34);
  g_assert_cmpuint(r->without_data->len, ==, 4);
  g_assert_cmpfloat_with_epsilon(v[geo_layer_find(layer, "31")], 88.95, 1e-9);
  g_assert_cmpfloat_with_epsilon(v[geo_layer_find(layer, "34")], 43.02, 1e-9);
  g_assert_cmpfloat_with_epsilon(v[geo_layer_find(layer, "91")], 57.27, 1e-9);
  g_autofree char *text = geo_join_report_text(r, layer);
  g_test_message("%s", text);
  g_assert_nonnull(strstr(text, "(key provinsi, by name): matched 34 of 34 rows"));
  g_assert_nonnull(strstr(text, "without data (4): 93 Papua Selatan, 94 Papua Tengah, "
                                "95 Papua Pegunungan, 96 Papua Barat Daya"));
  g_assert_nonnull(strstr(text, "why: 4 of them are provinces formed in 2022, after the "
                                "table's 34-province edition: 93 Papua Selatan (from 91 Papua), "
                                "94 Papua Tengah (from 91 Papua), 95 Papua Pegunungan (from 91 "
                                "Papua), 96 Papua Barat Daya (from 92 Papua Barat)"));
  g_autofree char *json = geo_join_report_json(r, layer);
  g_autofree char *edition = testutil_json_query(json, "$.table_edition");
  g_assert_cmpstr(edition, ==, "[34]");
  g_autofree char *formed96 = testutil_json_query(json, "$.without_data[3].formed");
  g_assert_cmpstr(
      formed96, ==,
      "[{\"code\":\"96\",\"year\":2022,\"parent\":\"92\",\"parent_name\":\"Papua Barat\"}]");
  guint papua_selatan = (guint)geo_layer_find(layer, "93");
  g_autofree char *q = render_quality_text_for(r, layer, &papua_selatan, 1, "provinsi", NULL);
  g_assert_cmpstr(q, ==,
                  "Kualitas data: 1 provinsi dibentuk 2022, sesudah data ini: belum dinilai");
  g_free(v);
  geo_join_free(j);
  geo_gazetteer_unref(gz);
  geo_table_free(t);
  geo_layer_free(layer);
}

/* The sample kab/kota table joined by its names (nama_wilayah) instead of
 * its codes gives the same 514 matches. */
static void
test_kabkota_by_name(void)
{
  GeoLayer *layer = read_kabkota();
  g_autofree char *ikp = testutil_shared("skor/ikp_kabkota_contoh.csv");
  if (!layer || !ikp) {
    geo_layer_free(layer);
    return;
  }
  GError *err = NULL;
  g_autofree char *spec = g_strconcat(ikp, ":nama_wilayah", NULL);
  GeoTable *t = testutil_table_read(spec, &err);
  g_assert_no_error(err);
  GeoJoinOptions o = {GEO_MATCH_AUTO, "NAMA", NULL, NULL, NULL};
  GeoJoin *j = geo_join_run_full(layer, &t, 1, &o, &err);
  g_assert_no_error(err);
  GeoTableReport *tr = g_ptr_array_index(j->report->tables, 0);
  g_assert_true(tr->by_name);
  g_assert_cmpuint(tr->n_matched, ==, 514);
  /* Each row went to the district of its own code. */
  int kc = geo_join_find_field(j, "kode_wilayah");
  for (guint f = 0; f < layer->n_features; f++) {
    g_autofree char *k = geo_key_normalise(geo_join_get(j, f, kc));
    g_assert_cmpstr(k, ==, layer->features[f].key);
  }
  geo_join_free(j);
  geo_table_free(t);
  geo_layer_free(layer);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/join/kabkota-all-match", test_all_match);
  g_test_add_func("/join/problems-named", test_problems);
  g_test_add_func("/join/ikp2024-by-name", test_ikp2024_by_name);
  g_test_add_func("/join/kabkota-by-name", test_kabkota_by_name);
  return g_test_run();
}
