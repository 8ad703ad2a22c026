/* test-plan.c — a sheet is worked out once, then drawn: building one
 * sheet in PDF, PNG and SVG (and the overview) chooses the projection,
 * sorts the table and runs the coverage gap rule once per page, however
 * many formats are written and however many parts of the page use them
 * (map outlines, labels, table marks, priority list, overview rows).
 * Counted by render's counters (render_plan_counters_get), not by reading
 * the code.
 *
 * Fixture: four square districts of one province 11, a risk and
 * personnel table written by the test, the ikp-kabkota style. */
#include "testutil.h"

#include <geo.h>
#include <math.h>
#include <render.h>
#include <string.h>

/* Under AddressSanitizer: full stacks for leaks.  cairo 1.16 leaks inside
 * cairo_pattern_destroy when a source pattern is replaced on an SVG
 * surface (the no-data hatch in the legend); tests/lsan.supp suppresses
 * it by that frame, which the fast unwinder does not see through cairo.
 * (A hook ASan reads before main; ASAN_OPTIONS still adds to it.) */
const char *__asan_default_options(void);
const char *
__asan_default_options(void)
{
  return "fast_unwind_on_malloc=0";
}

typedef struct {
  char *dir;
  GeoLayer *layer;
  GeoTable *table;
  GeoJoin *join;
  GeoStyle *style;
  GeoFigures *figures;
  double *values;
  int *classes;
  RenderTexts texts;
  RenderGroup group;
  RenderModel m;
} Fixture;

static Fixture *
fixture_new(void)
{
  Fixture *fx = g_new0(Fixture, 1);
  fx->dir = testutil_tmpdir();
  GString *gj = g_string_new("{\"type\":\"FeatureCollection\",\"features\":[");
  for (guint i = 0; i < 4; i++) {
    double x = 100 + (i % 2) * 0.5, y = -5 + (i / 2) * 0.5;
    g_string_append_printf(gj,
                           "%s{\"type\":\"Feature\",\"properties\":{\"KODE\":\"11.%02u\","
                           "\"NAMA\":\"Kabupaten D%u\",\"KODE_PROV\":\"11\"},\"geometry\":"
                           "{\"type\":\"Polygon\",\"coordinates\":"
                           "[[[%g,%g],[%g,%g],[%g,%g],[%g,%g],[%g,%g]]]}}",
                           i ? "," : "", i + 1, i + 1, x, y, x + 0.5, y, x + 0.5, y + 0.5, x,
                           y + 0.5, x, y);
  }
  g_string_append(gj, "]}");
  g_autofree char *gpath = testutil_write(fx->dir, "d.geojson", gj->str);
  g_string_free(gj, TRUE);
  /* Two districts in Tinggi, one of them short of officers: a priority. */
  g_autofree char *tpath =
      testutil_write(fx->dir, "t.csv",
                     "kode,skor_ikp,personel_polri,personel_tni,brimob_bko,jumlah_tps\n"
                     "11.01,80,10,0,0,100\n"
                     "11.02,60,300,0,0,100\n"
                     "11.03,20,100,0,0,100\n"
                     "11.04,5,100,0,0,100\n");
  GError *err = NULL;
  GeoLayerSpec spec = {
      .source = gpath, .key_field = "KODE", .name_field = "NAMA", .group_field = "KODE_PROV"};
  fx->layer = geo_layer_read(&spec, &err);
  g_assert_no_error(err);
  GeoTableSpec tspec = {.source = tpath, .key_field = (char *)"kode"};
  fx->table = geo_table_read_spec(&tspec, &err);
  g_assert_no_error(err);
  fx->join = geo_join_run(fx->layer, &fx->table, 1);
  fx->style = geo_style_load("ikp-kabkota", testutil_styles_dir(), &err);
  g_assert_no_error(err);
  fx->values = geo_join_numbers(fx->join, "skor_ikp", TRUE);
  fx->classes = g_new(int, 4);
  for (guint f = 0; f < 4; f++)
    fx->classes[f] = geo_style_classify(fx->style, fx->values[f], NULL);
  fx->figures = geo_figures_new(fx->join, NULL, &err);
  g_assert_no_error(err);
  fx->texts = (RenderTexts){.title = "Peta",
                            .generated = "1 Januari 2026",
                            .unit_name = "Kab/Kota",
                            .group_kind = "Provinsi"};
  static guint all[] = {0, 1, 2, 3};
  fx->group =
      (RenderGroup){.code = "11", .name = "Aceh", .slug = "aceh", .features = all, .n_features = 4};
  fx->m = (RenderModel){.layer = fx->layer,
                        .style = fx->style,
                        .join = fx->join,
                        .values = fx->values,
                        .classes = fx->classes,
                        .value_field = "skor_ikp",
                        .figures = fx->figures,
                        .officers_per_tps = NAN,
                        .texts = &fx->texts,
                        .groups = &fx->group,
                        .n_groups = 1};
  return fx;
}

static void
fixture_free(Fixture *fx)
{
  geo_figures_free(fx->figures);
  g_free(fx->classes);
  g_free(fx->values);
  geo_style_free(fx->style);
  geo_join_free(fx->join);
  geo_table_free(fx->table);
  geo_layer_free(fx->layer);
  g_free(fx->dir);
  g_free(fx);
}

/* One sheet in three formats: one projection, one table order, one run
 * of the coverage gap rule. */
static void
test_sheet_once(void)
{
  Fixture *fx = fixture_new();
  GError *err = NULL;
  render_plan_counters_reset();
  g_assert_true(render_output_sheet(&fx->m, &fx->group, fx->dir,
                                    RENDER_FORMAT_PDF | RENDER_FORMAT_PNG | RENDER_FORMAT_SVG, 30,
                                    &err));
  g_assert_no_error(err);
  RenderPlanCounters c;
  render_plan_counters_get(&c);
  g_test_message("sheet in PDF+PNG+SVG: %u projections, %u table orders, %u priority runs",
                 c.projections, c.table_orders, c.priorities);
  g_assert_cmpuint(c.projections, ==, 1);
  g_assert_cmpuint(c.table_orders, ==, 1);
  g_assert_cmpuint(c.priorities, ==, 1);
  for (guint k = 0; k < 3; k++) {
    static const char *ext[] = {"pdf", "png", "svg"};
    g_autofree char *name = g_strdup_printf("11-aceh.%s", ext[k]);
    g_autofree char *path = g_build_filename(fx->dir, name, NULL);
    g_assert_true(g_file_test(path, G_FILE_TEST_IS_REGULAR));
  }
  fixture_free(fx);
}

/* An A0 poster with its A4 tiles, in PDF and PNG: the tiles replay the
 * same plan. */
static void
test_poster_tiles_once(void)
{
  Fixture *fx = fixture_new();
  GError *err = NULL;
  RenderPage page;
  render_page_init(&page, RENDER_PAPER_A0, FALSE);
  fx->m.page = &page;
  fx->m.tiles = TRUE;
  fx->m.tile_paper = RENDER_PAPER_A4;
  fx->m.graticule = TRUE;
  render_plan_counters_reset();
  g_assert_true(render_output_sheet(&fx->m, &fx->group, fx->dir,
                                    RENDER_FORMAT_PDF | RENDER_FORMAT_PNG, 8, &err));
  g_assert_no_error(err);
  RenderPlanCounters c;
  render_plan_counters_get(&c);
  g_test_message("A0 poster in PDF+PNG and A4 tiles: %u projections, %u table orders, %u priority "
                 "runs",
                 c.projections, c.table_orders, c.priorities);
  g_assert_cmpuint(c.projections, ==, 1);
  g_assert_cmpuint(c.table_orders, ==, 1);
  g_assert_cmpuint(c.priorities, ==, 1);
  g_autofree char *tiles = g_build_filename(fx->dir, "11-aceh-tiles-a4.pdf", NULL);
  g_assert_true(g_file_test(tiles, G_FILE_TEST_IS_REGULAR));
  fixture_free(fx);
}

/* The overview: one projection, and the rule once per group of its list. */
static void
test_overview_once(void)
{
  Fixture *fx = fixture_new();
  GError *err = NULL;
  render_plan_counters_reset();
  g_assert_true(render_output_overview(
      &fx->m, fx->dir, RENDER_FORMAT_PDF | RENDER_FORMAT_PNG | RENDER_FORMAT_SVG, 30, &err));
  g_assert_no_error(err);
  RenderPlanCounters c;
  render_plan_counters_get(&c);
  g_test_message("overview in PDF+PNG+SVG: %u projections, %u priority runs", c.projections,
                 c.priorities);
  g_assert_cmpuint(c.projections, ==, 1);
  g_assert_cmpuint(c.priorities, ==, fx->m.n_groups);
  fixture_free(fx);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/plan/sheet-once", test_sheet_once);
  g_test_add_func("/plan/poster-tiles-once", test_poster_tiles_once);
  g_test_add_func("/plan/overview-once", test_overview_once);
  return g_test_run();
}
