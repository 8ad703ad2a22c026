/* test-figures.c — derived figures and the coverage gap rule on small
 * fixtures: officers as the sum of the officer types, group totals and
 * ratios, zero and missing TPS (no division by zero, "unknown" rather
 * than 0), missing and bad personnel cells, the median with ties, the
 * doctrine ratio, the shortfall, the order of the list; the columns given
 * by name; and the round reference values of the circles' legend.
 *
 * Fixtures are a row of square districts 11.01, 11.02, ... written as
 * GeoJSON, joined to a CSV written by each test, read through the same
 * GDAL path as real inputs. */
#include "testutil.h"

#include <geo.h>
#include <math.h>
#include <render.h>
#include <string.h>

typedef struct {
  char *dir;
  GeoLayer *layer;
  GeoTable *table;
  GeoJoin *join;
} Fixture;

/* n square districts 11.01.. joined to `csv` (key kode). */
static Fixture *
fixture_new(guint n, const char *csv)
{
  Fixture *fx = g_new0(Fixture, 1);
  fx->dir = testutil_tmpdir();
  GString *gj = g_string_new("{\"type\":\"FeatureCollection\",\"features\":[");
  for (guint i = 0; i < n; i++) {
    double x = 100 + i;
    g_string_append_printf(gj,
                           "%s{\"type\":\"Feature\",\"properties\":{\"KODE\":\"11.%02u\","
                           "\"NAMA\":\"D%u\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                           "[[[%g,0],[%g,0],[%g,0.8],[%g,0.8],[%g,0]]]}}",
                           i ? "," : "", i + 1, i + 1, x, x + 0.8, x + 0.8, x, x);
  }
  g_string_append(gj, "]}");
  g_autofree char *gpath = testutil_write(fx->dir, "d.geojson", gj->str);
  g_string_free(gj, TRUE);
  g_autofree char *tpath = testutil_write(fx->dir, "t.csv", csv);
  GError *err = NULL;
  GeoLayerSpec spec = {.source = gpath, .key_field = "KODE", .name_field = "NAMA"};
  fx->layer = geo_layer_read(&spec, &err);
  g_assert_no_error(err);
  g_assert_cmpuint(fx->layer->n_features, ==, n);
  g_autofree char *tspec = g_strconcat(tpath, ":kode", NULL);
  fx->table = testutil_table_read(tspec, &err);
  g_assert_no_error(err);
  fx->join = geo_join_run(fx->layer, &fx->table, 1);
  return fx;
}

static void
fixture_free(Fixture *fx)
{
  geo_join_free(fx->join);
  geo_table_free(fx->table);
  geo_layer_free(fx->layer);
  g_free(fx->dir);
  g_free(fx);
}

static GeoFigures *
figures_default(Fixture *fx)
{
  GError *err = NULL;
  GeoFigures *fig = geo_figures_new(fx->join, NULL, &err);
  g_assert_no_error(err);
  g_assert_nonnull(fig);
  return fig;
}

#define HEADER "kode,personel_polri,personel_tni,brimob_bko,linmas,jumlah_tps,jumlah_dpt\n"

static void
test_sums_and_ratios(void)
{
  Fixture *fx = fixture_new(3, HEADER "11.01,100,30,20,300,150,45000\n"
                                      "11.02,\"1.000\",200,0,800,400,120000\n"
                                      "11.03,50,10,0,100,50,10000\n");
  GeoFigures *fig = figures_default(fx);
  g_assert_cmpuint(fig->n_types, ==, 4);
  g_assert_cmpuint(fig->n_officer_types, ==, 3);
  g_assert_cmpstr(fig->officers_label, ==, "Polri + TNI + Brimob BKO");
  g_assert_cmpstr(fig->types[3].label, ==, "Linmas");
  g_assert_false(fig->types[3].officer);
  /* Officers exclude Linmas; "1.000" is a thousand. */
  g_assert_cmpfloat(fig->officers[0], ==, 150);
  g_assert_cmpfloat(fig->officers[1], ==, 1200);
  g_assert_cmpfloat(fig->officers[2], ==, 60);
  g_assert_cmpfloat(fig->tps[1], ==, 400);
  g_assert_cmpfloat(fig->dpt[2], ==, 10000);

  GeoFiguresTotals *t = geo_figures_totals(fig, NULL, 3);
  g_assert_cmpfloat(t->types[0], ==, 1150);
  g_assert_cmpfloat(t->types[3], ==, 1200);
  g_assert_cmpfloat(t->officers, ==, 1410);
  g_assert_cmpfloat(t->tps, ==, 600);
  g_assert_cmpfloat(t->dpt, ==, 175000);
  g_assert_cmpfloat_with_epsilon(t->officers_per_tps, 1410.0 / 600, 1e-12);
  g_assert_cmpfloat_with_epsilon(t->tps_per_officer, 600.0 / 1410, 1e-12);
  g_assert_cmpfloat_with_epsilon(t->voters_per_officer, 175000.0 / 1410, 1e-9);
  /* Ratios 1.0, 3.0, 1.2: median 1.2. */
  g_assert_cmpfloat_with_epsilon(t->median_officers_per_tps, 1.2, 1e-12);
  geo_figures_totals_free(t);

  /* A subset: features 0 and 2 only, an even count: median (1.0+1.2)/2. */
  guint idx[] = {2, 0};
  t = geo_figures_totals(fig, idx, 2);
  g_assert_cmpfloat(t->officers, ==, 210);
  g_assert_cmpfloat_with_epsilon(t->median_officers_per_tps, 1.1, 1e-12);
  geo_figures_totals_free(t);
  g_assert_false(geo_join_report_has_problems(fx->join->report));
  geo_figures_free(fig);
  fixture_free(fx);
}

static void
test_zero_tps(void)
{
  Fixture *fx = fixture_new(3, HEADER "11.01,100,0,0,0,0,1000\n"
                                      "11.02,100,0,0,0,100,1000\n"
                                      "11.03,0,0,0,0,50,0\n");
  GeoFigures *fig = figures_default(fx);
  g_assert_true(isnan(geo_figures_ratio(fig->officers[0], fig->tps[0])));
  g_assert_true(isnan(geo_figures_ratio(5, 0)));
  g_assert_true(isnan(geo_figures_ratio(NAN, 3)));
  g_assert_cmpfloat(geo_figures_ratio(0, 50), ==, 0);
  GeoFiguresTotals *t = geo_figures_totals(fig, NULL, 3);
  /* Zero TPS is known (0), its officers count; its ratio does not. */
  g_assert_cmpuint(t->n_without_tps, ==, 0);
  g_assert_cmpfloat(t->tps, ==, 150);
  g_assert_cmpfloat_with_epsilon(t->officers_per_tps, 200.0 / 150, 1e-12);
  /* Ratios 1.0 and 0: median 0.5. */
  g_assert_cmpfloat_with_epsilon(t->median_officers_per_tps, 0.5, 1e-12);
  /* No officers at all in 11.03: voters per officer over the others. */
  g_assert_cmpfloat(t->voters_per_officer, ==, 10);
  geo_figures_totals_free(t);
  /* Only the zero-TPS district: no ratio, no division by zero. */
  guint only[] = {0};
  t = geo_figures_totals(fig, only, 1);
  g_assert_true(isnan(t->officers_per_tps));
  g_assert_true(isnan(t->median_officers_per_tps));
  g_assert_cmpfloat(t->tps_per_officer, ==, 0);
  geo_figures_totals_free(t);

  /* All three in the top class: the zero-TPS one is not judged, the one
   * with no officers (0 < 0.5) is a priority lacking 25 officers. */
  int classes[] = {1, 1, 1};
  GeoPriorities *p = geo_figures_priorities(fig, classes, 1, NULL, 3, NAN);
  g_assert_false(p->doctrine);
  g_assert_cmpfloat_with_epsilon(p->threshold, 0.5, 1e-12);
  g_assert_cmpuint(p->n_top, ==, 3);
  g_assert_cmpuint(p->n_unjudged, ==, 1);
  g_assert_cmpuint(p->items->len, ==, 1);
  GeoPriority *it = &g_array_index(p->items, GeoPriority, 0);
  g_assert_cmpuint(it->feature, ==, 2);
  g_assert_cmpfloat(it->officers_per_tps, ==, 0);
  g_assert_cmpfloat(it->shortfall, ==, 25);
  geo_priorities_free(p);
  geo_figures_free(fig);
  fixture_free(fx);
}

static void
test_missing_personnel(void)
{
  /* 11.02's Brimob cell is empty, 11.03 has no row at all, 11.04's TNI is
   * "-" (a missing marker). */
  Fixture *fx = fixture_new(4, HEADER "11.01,100,50,0,10,100,5000\n"
                                      "11.02,100,50,,10,100,5000\n"
                                      "11.04,100,-,0,10,100,5000\n");
  GeoFigures *fig = figures_default(fx);
  g_assert_cmpfloat(fig->officers[0], ==, 150);
  g_assert_true(isnan(fig->officers[1]));
  g_assert_true(isnan(fig->officers[2]));
  g_assert_true(isnan(fig->officers[3]));
  g_assert_true(isnan(fig->tps[2]));
  GeoFiguresTotals *t = geo_figures_totals(fig, NULL, 4);
  g_assert_cmpuint(t->n_without_officers, ==, 3);
  g_assert_cmpuint(t->n_without_tps, ==, 1);
  /* Each type sums what is known: Polri 300 over three rows. */
  g_assert_cmpfloat(t->types[0], ==, 300);
  g_assert_cmpfloat(t->types[1], ==, 100);
  g_assert_cmpfloat(t->officers, ==, 150);
  /* Ratios only over districts with both: 150 / 100. */
  g_assert_cmpfloat(t->officers_per_tps, ==, 1.5);
  g_assert_cmpfloat(t->median_officers_per_tps, ==, 1.5);
  geo_figures_totals_free(t);
  int classes[] = {1, 1, 1, 1};
  GeoPriorities *p = geo_figures_priorities(fig, classes, 1, NULL, 4, NAN);
  g_assert_cmpuint(p->n_unjudged, ==, 3);
  g_assert_cmpuint(p->items->len, ==, 0); /* 1.5 is the median, not below */
  geo_priorities_free(p);
  /* Missing is not bad. */
  g_assert_cmpuint(fx->join->report->bad_values->len, ==, 0);
  geo_figures_free(fig);
  fixture_free(fx);
}

static void
test_bad_cells(void)
{
  Fixture *fx = fixture_new(2, HEADER "11.01,100,banyak,0,10,100,5000\n"
                                      "11.02,100,50,0,10,1e5x,5000\n");
  GeoFigures *fig = figures_default(fx);
  g_assert_true(isnan(fig->officers[0]));
  g_assert_true(isnan(fig->tps[1]));
  GPtrArray *bad = fx->join->report->bad_values;
  g_assert_cmpuint(bad->len, ==, 2);
  const GeoBadValue *b = g_ptr_array_index(bad, 0);
  g_assert_cmpstr(b->field, ==, "personel_tni");
  g_assert_cmpstr(b->raw, ==, "banyak");
  g_assert_cmpuint(b->line, ==, 2);
  b = g_ptr_array_index(bad, 1);
  g_assert_cmpstr(b->field, ==, "jumlah_tps");
  g_assert_cmpuint(b->line, ==, 3);
  g_assert_true(geo_join_report_has_problems(fx->join->report));
  /* Read again (e.g. as circles): reported once. */
  double *again = geo_figures_column(fx->join, geo_join_find_field(fx->join, "jumlah_tps"));
  g_free(again);
  g_assert_cmpuint(bad->len, ==, 2);
  g_autofree char *text = geo_join_report_text(fx->join->report, fx->layer);
  g_assert_nonnull(strstr(text, "field personel_tni: 'banyak' is not a number"));
  geo_figures_free(fig);
  fixture_free(fx);
}

/* Ratios 0.5, 1, 1, 1, 2 (median 1, three districts on it). */
#define TIES                                                                                       \
  HEADER "11.01,50,0,0,0,100,0\n"                                                                  \
         "11.02,100,0,0,0,100,0\n"                                                                 \
         "11.03,100,0,0,0,100,0\n"                                                                 \
         "11.04,100,0,0,0,100,0\n"                                                                 \
         "11.05,200,0,0,0,100,0\n"

static void
test_median_ties(void)
{
  Fixture *fx = fixture_new(5, TIES);
  GeoFigures *fig = figures_default(fx);
  /* Top class: 11.01 (0.5, below), 11.03 (1, at the median), 11.05. */
  int classes[] = {2, 0, 2, 1, 2};
  GeoPriorities *p = geo_figures_priorities(fig, classes, 2, NULL, 5, NAN);
  g_assert_cmpfloat(p->threshold, ==, 1);
  g_assert_cmpuint(p->n_top, ==, 3);
  g_assert_cmpuint(p->items->len, ==, 1);
  GeoPriority *it = &g_array_index(p->items, GeoPriority, 0);
  g_assert_cmpuint(it->feature, ==, 0);
  g_assert_cmpfloat(it->shortfall, ==, 50);
  geo_priorities_free(p);
  /* The median is the group's: within 11.01..11.03 it is 1 as well, in
   * 11.01 and 11.02 alone 0.75, which 11.01 is still below. */
  guint idx[] = {0, 1};
  p = geo_figures_priorities(fig, classes, 2, idx, 2, NAN);
  g_assert_cmpfloat(p->threshold, ==, 0.75);
  g_assert_cmpuint(p->items->len, ==, 1);
  g_assert_cmpfloat(g_array_index(p->items, GeoPriority, 0).shortfall, ==, 25);
  geo_priorities_free(p);
  /* No top class: nothing. */
  p = geo_figures_priorities(fig, classes, 3, NULL, 5, NAN);
  g_assert_cmpuint(p->n_top, ==, 0);
  g_assert_cmpuint(p->items->len, ==, 0);
  geo_priorities_free(p);
  geo_figures_free(fig);
  fixture_free(fx);
}

static void
test_doctrine(void)
{
  /* Ratios: 2 exactly, 299/150 just below, 1, 0.5 (tie order by index). */
  Fixture *fx = fixture_new(5, HEADER "11.01,300,0,0,0,150,0\n"
                                      "11.02,299,0,0,0,150,0\n"
                                      "11.03,100,0,0,0,100,0\n"
                                      "11.04,40,10,0,0,100,0\n"
                                      "11.05,50,0,0,0,100,0\n");
  GeoFigures *fig = figures_default(fx);
  int classes[] = {2, 2, 2, 2, 2};
  GeoPriorities *p = geo_figures_priorities(fig, classes, 2, NULL, 5, 2.0);
  g_assert_true(p->doctrine);
  g_assert_cmpfloat(p->threshold, ==, 2);
  g_assert_cmpuint(p->items->len, ==, 4);
  /* Lowest officers per TPS first, ties in feature order. */
  guint want[] = {3, 4, 2, 1};
  double shortfall[] = {150, 150, 100, 1};
  for (guint k = 0; k < 4; k++) {
    GeoPriority *it = &g_array_index(p->items, GeoPriority, k);
    g_assert_cmpuint(it->feature, ==, want[k]);
    g_assert_cmpfloat(it->shortfall, ==, shortfall[k]);
  }
  geo_priorities_free(p);
  /* 1.1 x 100 is 110.00000000000001 in binary: still 10 officers short. */
  p = geo_figures_priorities(fig, classes, 2, NULL, 5, 1.1);
  g_assert_cmpuint(p->items->len, ==, 3);
  g_assert_cmpuint(g_array_index(p->items, GeoPriority, 2).feature, ==, 2);
  g_assert_cmpfloat(g_array_index(p->items, GeoPriority, 2).shortfall, ==, 10);
  g_assert_cmpfloat(g_array_index(p->items, GeoPriority, 0).shortfall, ==, 60);
  geo_priorities_free(p);
  /* A doctrine of 0 or NAN falls back to the median (1). */
  p = geo_figures_priorities(fig, classes, 2, NULL, 5, 0);
  g_assert_false(p->doctrine);
  g_assert_cmpfloat(p->threshold, ==, 1);
  g_assert_cmpuint(p->items->len, ==, 2);
  geo_priorities_free(p);
  geo_figures_free(fig);
  fixture_free(fx);
}

static void
test_named_columns(void)
{
  Fixture *fx = fixture_new(2, "kode,Polisi,tentara,pos,pemilih,linmas\n"
                               "11.01,10,5,10,900,20\n"
                               "11.02,30,5,0,900,0\n");
  GError *err = NULL;
  /* No default column: no types, no coverage. */
  GeoFigures *fig = geo_figures_new(fx->join, NULL, &err);
  g_assert_no_error(err);
  g_assert_cmpuint(fig->n_officer_types, ==, 0);
  g_assert_cmpuint(fig->n_types, ==, 1); /* linmas */
  g_assert_false(geo_figures_has_coverage(fig));
  GeoPriorities *p = geo_figures_priorities(fig, (int[]){1, 1}, 1, NULL, 2, NAN);
  g_assert_cmpuint(p->items->len, ==, 0);
  geo_priorities_free(p);
  geo_figures_free(fig);

  /* Named, with labels, case-insensitively; "" hides the other types. */
  GeoFiguresSpec spec = {"polisi=Polri, tentara = TNI", "", "pos", "pemilih"};
  fig = geo_figures_new(fx->join, &spec, &err);
  g_assert_no_error(err);
  g_assert_cmpuint(fig->n_types, ==, 2);
  g_assert_cmpstr(fig->types[0].field, ==, "Polisi");
  g_assert_cmpstr(fig->types[1].label, ==, "TNI");
  g_assert_cmpstr(fig->officers_label, ==, "Polri + TNI");
  g_assert_true(geo_figures_has_coverage(fig));
  g_assert_cmpfloat(fig->officers[1], ==, 35);
  g_assert_cmpfloat(fig->dpt[0], ==, 900);
  geo_figures_free(fig);

  /* A column named but absent: a usage error naming it and the fields. */
  GeoFiguresSpec bad = {"polisi,brimob", NULL, NULL, NULL};
  fig = geo_figures_new(fx->join, &bad, &err);
  g_assert_null(fig);
  g_assert_error(err, GEO_ERROR, GEO_ERROR_USAGE);
  g_assert_nonnull(strstr(err->message, "officers column 'brimob'"));
  g_assert_nonnull(strstr(err->message, "tentara"));
  g_clear_error(&err);
  GeoFiguresSpec bad_tps = {NULL, NULL, "jumlah_tps", NULL};
  fig = geo_figures_new(fx->join, &bad_tps, &err);
  g_assert_null(fig);
  g_assert_nonnull(strstr(err->message, "TPS column 'jumlah_tps'"));
  g_clear_error(&err);
  fixture_free(fx);
}

static void
test_symbol_references(void)
{
  double r[3];
  g_assert_cmpuint(render_symbols_references(1912, r), ==, 3);
  g_assert_cmpfloat(r[0], ==, 1500);
  g_assert_cmpfloat(r[1], ==, 500);
  g_assert_cmpfloat(r[2], ==, 100);
  g_assert_cmpuint(render_symbols_references(100, r), ==, 3);
  g_assert_cmpfloat(r[0], ==, 100);
  g_assert_cmpfloat(r[1], ==, 25);
  g_assert_cmpfloat(r[2], ==, 5);
  g_assert_cmpuint(render_symbols_references(63916, r), ==, 3);
  g_assert_cmpfloat(r[0], ==, 60000);
  g_assert_cmpfloat(r[1], ==, 20000);
  g_assert_cmpfloat(r[2], ==, 5000);
  /* Counts: no fractions. */
  g_assert_cmpuint(render_symbols_references(3, r), ==, 2);
  g_assert_cmpfloat(r[0], ==, 3);
  g_assert_cmpfloat(r[1], ==, 1);
  g_assert_cmpuint(render_symbols_references(1, r), ==, 1);
  /* Fractional data may have fractions. */
  g_assert_cmpuint(render_symbols_references(0.3, r), ==, 3);
  g_assert_cmpfloat_with_epsilon(r[0], 0.3, 1e-12);
  g_assert_cmpfloat_with_epsilon(r[1], 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon(r[2], 0.02, 1e-12);
  g_assert_cmpuint(render_symbols_references(0, r), ==, 0);
  g_assert_cmpuint(render_symbols_references(-5, r), ==, 0);
  g_assert_cmpuint(render_symbols_references(NAN, r), ==, 0);
  /* Every reference round, at most the maximum, descending. */
  for (double max = 1; max < 1e7; max *= 1.37) {
    guint n = render_symbols_references(max, r);
    g_assert_cmpuint(n, >=, 1);
    g_assert_cmpfloat(r[0], <=, max);
    g_assert_cmpfloat(r[0], >, max / 2);
    for (guint k = 1; k < n; k++)
      g_assert_cmpfloat(r[k], <, r[k - 1]);
  }
}

/* The join report's account of the mapped value and the figures' bad
 * cells do not depend on which is read first: a bad score and a bad
 * personnel cell are both reported, once each, in the same order, with
 * the same counts, whether the value is classified before or after the
 * figures are read (the value's account was once reset by starting it,
 * erasing the figures' bad cells when they came first). */
static char *
report_after(gboolean figures_first, guint *n_bad)
{
  Fixture *fx = fixture_new(3, "kode,skor,personel_polri,jumlah_tps\n"
                               "11.01,10,abc,5\n"
                               "11.02,xyz,20,5\n"
                               "11.03,30,7,5\n");
  GeoFigures *fig = NULL;
  double *values = NULL;
  if (figures_first)
    fig = figures_default(fx);
  values = geo_join_numbers(fx->join, "skor", TRUE);
  if (!figures_first)
    fig = figures_default(fx);
  *n_bad = fx->join->report->bad_values->len;
  g_autofree char *raw = geo_join_report_text(fx->join->report, fx->layer);
  g_auto(GStrv) parts = g_strsplit(raw, fx->dir, -1); /* each run has its own folder */
  char *text = g_strjoinv("DIR", parts);
  g_free(values);
  geo_figures_free(fig);
  fixture_free(fx);
  return text;
}

static void
test_report_order(void)
{
  guint n_value_first, n_figures_first;
  g_autofree char *value_first = report_after(FALSE, &n_value_first);
  g_autofree char *figures_first = report_after(TRUE, &n_figures_first);
  g_assert_cmpuint(n_value_first, ==, 2);
  g_assert_nonnull(strstr(value_first, "'abc'"));
  g_assert_nonnull(strstr(value_first, "'xyz'"));
  g_assert_cmpuint(n_figures_first, ==, 2);
  g_assert_cmpstr(figures_first, ==, value_first);
}

/* The same through geo_join_classify, categorical and numeric, and a
 * second classification replaces the first value's account only. */
static void
test_classify_account(void)
{
  Fixture *fx = fixture_new(3, "kode,skor,kelas,personel_polri,jumlah_tps\n"
                               "11.01,10,Rawan,abc,5\n"
                               "11.02,xyz,Tidak tahu,20,5\n"
                               "11.03,30,,7,5\n");
  GeoFigures *fig = figures_default(fx);
  GError *err = NULL;
  const char *dir = testutil_styles_dir();
  GeoStyle *st = geo_style_load("ipkp", dir, &err);
  g_assert_no_error(err);
  double *values = NULL;
  int *classes = NULL;
  g_assert_true(geo_join_classify(fx->join, st, "kelas", 0, &values, &classes, &err));
  g_assert_no_error(err);
  GeoJoinReport *r = fx->join->report;
  g_assert_cmpint(classes[0], ==, 1);
  g_assert_cmpint(classes[1], ==, -1);
  g_assert_cmpint(classes[2], ==, -1);
  g_assert_cmpuint(r->n_with_data, ==, 1);
  g_assert_cmpuint(r->without_data->len, ==, 2);
  /* 'Tidak tahu' first (the value's), then the figures' 'abc'. */
  g_assert_cmpuint(r->bad_values->len, ==, 2);
  g_assert_cmpstr(((GeoBadValue *)g_ptr_array_index(r->bad_values, 0))->raw, ==, "Tidak tahu");
  g_assert_cmpstr(((GeoBadValue *)g_ptr_array_index(r->bad_values, 1))->raw, ==, "abc");
  g_free(values);
  g_free(classes);
  geo_style_free(st);
  /* Now the numeric score: its bad cell replaces the category's. */
  st = geo_style_load("quantile", dir, &err);
  g_assert_no_error(err);
  g_assert_true(geo_join_classify(fx->join, st, "skor", 2, &values, &classes, &err));
  g_assert_no_error(err);
  g_assert_cmpuint(r->n_with_data, ==, 2);
  g_assert_cmpuint(r->bad_values->len, ==, 2);
  g_assert_cmpstr(((GeoBadValue *)g_ptr_array_index(r->bad_values, 0))->raw, ==, "xyz");
  g_assert_cmpstr(((GeoBadValue *)g_ptr_array_index(r->bad_values, 1))->raw, ==, "abc");
  g_assert_cmpint(classes[0], ==, 0);
  g_assert_cmpint(classes[2], ==, 1);
  g_free(values);
  g_free(classes);
  /* An unknown field, and a field without a single value, fail. */
  g_assert_false(geo_join_classify(fx->join, st, "nope", 2, &values, &classes, &err));
  g_assert_error(err, GEO_ERROR, GEO_ERROR_USAGE);
  g_assert_null(strstr(err->message, "--"));
  g_clear_error(&err);
  geo_style_free(st);
  geo_figures_free(fig);
  fixture_free(fx);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/figures/sums-and-ratios", test_sums_and_ratios);
  g_test_add_func("/figures/zero-tps", test_zero_tps);
  g_test_add_func("/figures/missing-personnel", test_missing_personnel);
  g_test_add_func("/figures/bad-cells", test_bad_cells);
  g_test_add_func("/figures/median-ties", test_median_ties);
  g_test_add_func("/figures/doctrine", test_doctrine);
  g_test_add_func("/figures/named-columns", test_named_columns);
  g_test_add_func("/figures/symbol-references", test_symbol_references);
  g_test_add_func("/figures/report-order", test_report_order);
  g_test_add_func("/figures/classify-account", test_classify_account);
  return g_test_run();
}
