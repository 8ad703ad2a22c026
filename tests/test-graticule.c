/* test-graticule.c — degree ticks land where the meridians and parallels
 * really cross the frame of a UTM sheet.  Each tick is carried back from
 * the page to longitude/latitude with PROJ's inverse (independently of
 * the forward search that placed it), every whole meridian between the
 * frame's corners must be ticked, the interval gives at most six ticks a
 * side, and labels read 8°LS / 122°BT (8°S / 122°E in English). */
#include "render-private.h"

#include <math.h>
#include <proj.h>

/* A sheet: frame, transform and the lon/lat box searched. */
typedef struct {
  GeoProj *proj;
  PJ_CONTEXT *ctx;
  PJ *inv; /* projected -> lon/lat */
  RenderMapXf t;
  RenderRect frame;
  double box[4];
} Sheet;

/* A frame 500 x 478 pt centred on (lon, lat), `km` across. */
static void
sheet_init(Sheet *sh, double lon, double lat, double km)
{
  GError *err = NULL;
  sh->proj = geo_proj_new_utm(lon, lat, &err);
  g_assert_no_error(err);
  int zone = (int)floor((lon + 180.0) / 6.0) + 1;
  g_autofree char *code = g_strdup_printf("EPSG:%d", (lat < 0 ? 32700 : 32600) + zone);
  sh->ctx = proj_context_create();
  PJ *raw = proj_create_crs_to_crs(sh->ctx, code, "EPSG:4326", NULL);
  sh->inv = proj_normalize_for_visualization(sh->ctx, raw);
  proj_destroy(raw);
  g_assert_nonnull(sh->inv);
  double c[2] = {lon, lat};
  g_assert_true(geo_proj_forward(sh->proj, c, 1, NULL));
  sh->frame = (RenderRect){28, 70, 500, 478};
  sh->t = (RenderMapXf){
      .ox = 28 + 250, .oy = 70 + 239, .cx = c[0], .cy = c[1], .s = 500 / (km * 1000), .clip = TRUE};
  double deg = km / 111.0;
  sh->box[0] = lon - deg * 1.5 - 1;
  sh->box[1] = lat - deg * 1.5 - 1;
  sh->box[2] = lon + deg * 1.5 + 1;
  sh->box[3] = lat + deg * 1.5 + 1;
}

static void
sheet_clear(Sheet *sh)
{
  geo_proj_free(sh->proj);
  proj_destroy(sh->inv);
  proj_context_destroy(sh->ctx);
}

/* Longitude and latitude of page point (px, py), by PROJ's inverse. */
static void
sheet_lonlat(const Sheet *sh, double px, double py, double *lon, double *lat)
{
  PJ_COORD c =
      proj_coord(sh->t.cx + (px - sh->t.ox) / sh->t.s, sh->t.cy - (py - sh->t.oy) / sh->t.s, 0, 0);
  PJ_COORD r = proj_trans(sh->inv, PJ_FWD, c);
  *lon = r.xy.x;
  *lat = r.xy.y;
}

/* Each tick, carried back, lies on its meridian or parallel; every whole
 * step between an edge's two ends has its tick. */
static void
check_ticks(const Sheet *sh, double step)
{
  GError *err = NULL;
  GArray *ticks = render_graticule_ticks(sh->proj, &sh->t, sh->frame, sh->box, step, &err);
  g_assert_no_error(err);
  double x0 = sh->frame.x, y0 = sh->frame.y, x1 = x0 + sh->frame.w, y1 = y0 + sh->frame.h;
  guint per_side[4] = {0};
  for (guint i = 0; i < ticks->len; i++) {
    const RenderTick *k = &g_array_index(ticks, RenderTick, i);
    double px = k->side == RENDER_SIDE_LEFT ? x0 : k->side == RENDER_SIDE_RIGHT ? x1 : k->pos;
    double py = k->side == RENDER_SIDE_TOP ? y0 : k->side == RENDER_SIDE_BOTTOM ? y1 : k->pos;
    double lon, lat;
    sheet_lonlat(sh, px, py, &lon, &lat);
    gboolean is_lon = k->side == RENDER_SIDE_TOP || k->side == RENDER_SIDE_BOTTOM;
    /* 1e-6° is 0.1 m: far below a point at any sheet scale. */
    g_assert_cmpfloat(fabs((is_lon ? lon : lat) - k->value), <, 1e-6);
    g_assert_cmpfloat(fabs(remainder(k->value / step, 1.0)), <, 1e-9);
    g_assert_cmpfloat(k->pos, >=, is_lon ? x0 : y0);
    g_assert_cmpfloat(k->pos, <=, is_lon ? x1 : y1);
    per_side[k->side]++;
  }
  /* Expected counts from the corners: meridians between the longitudes
   * of an edge's ends, parallels between the latitudes. */
  struct {
    RenderSide side;
    double ax, ay, bx, by;
  } edges[] = {
      {RENDER_SIDE_TOP, x0, y0, x1, y0},
      {RENDER_SIDE_BOTTOM, x0, y1, x1, y1},
      {RENDER_SIDE_LEFT, x0, y0, x0, y1},
      {RENDER_SIDE_RIGHT, x1, y0, x1, y1},
  };
  for (guint e = 0; e < G_N_ELEMENTS(edges); e++) {
    double alon, alat, blon, blat;
    sheet_lonlat(sh, edges[e].ax, edges[e].ay, &alon, &alat);
    sheet_lonlat(sh, edges[e].bx, edges[e].by, &blon, &blat);
    gboolean is_lon = edges[e].side == RENDER_SIDE_TOP || edges[e].side == RENDER_SIDE_BOTTOM;
    double a = is_lon ? alon : alat, b = is_lon ? blon : blat;
    guint want = (guint)(floor(MAX(a, b) / step) - ceil(MIN(a, b) / step) + 1);
    g_assert_cmpuint(per_side[edges[e].side], ==, want);
  }
  g_array_unref(ticks);
}

static void
test_ticks_utm(void)
{
  Sheet sh;
  /* Nusa Tenggara Timur: UTM 51S (central meridian 123°E), 700 km. */
  sheet_init(&sh, 122.0, -9.5, 700);
  check_ticks(&sh, 1);
  check_ticks(&sh, 0.5);
  /* Meridians lean away from the central meridian: 125°E meets the top
   * edge and the bottom edge at different x. */
  GArray *ticks = render_graticule_ticks(sh.proj, &sh.t, sh.frame, sh.box, 1, NULL);
  double top = NAN, bottom = NAN;
  for (guint i = 0; i < ticks->len; i++) {
    const RenderTick *k = &g_array_index(ticks, RenderTick, i);
    if (k->value == 125 && k->side == RENDER_SIDE_TOP)
      top = k->pos;
    if (k->value == 125 && k->side == RENDER_SIDE_BOTTOM)
      bottom = k->pos;
  }
  g_array_unref(ticks);
  g_assert_true(isfinite(top) && isfinite(bottom));
  g_test_message("125°E: top x %.3f, bottom x %.3f", top, bottom);
  g_assert_cmpfloat(fabs(top - bottom), >, 0.5);
  sheet_clear(&sh);

  /* Kepulauan Riau straddles the equator in UTM 48N. */
  sheet_init(&sh, 106.0, 2.0, 900);
  check_ticks(&sh, 1);
  sheet_clear(&sh);
}

static void
test_step(void)
{
  struct {
    double lon, lat, km;
    double lo, hi; /* the step chosen lies in [lo, hi] degrees */
  } cases[] = {
      {122.0, -9.5, 700, 1, 2},              /* a big province */
      {106.8, -5.9, 130, 10.0 / 60, 0.5},    /* DKI Jakarta with Kepulauan Seribu */
      {106.8, -6.2, 12, 1.0 / 60, 5.0 / 60}, /* a city */
  };
  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    Sheet sh;
    sheet_init(&sh, cases[i].lon, cases[i].lat, cases[i].km);
    double step = render_graticule_step(sh.proj, &sh.t, sh.frame, sh.box);
    g_test_message("%.0f km: step %.4f°", cases[i].km, step);
    g_assert_cmpfloat(step, >=, cases[i].lo - 1e-12);
    g_assert_cmpfloat(step, <=, cases[i].hi + 1e-12);
    GArray *ticks = render_graticule_ticks(sh.proj, &sh.t, sh.frame, sh.box, step, NULL);
    guint per_side[4] = {0};
    for (guint k = 0; k < ticks->len; k++)
      per_side[g_array_index(ticks, RenderTick, k).side]++;
    for (guint s = 0; s < 4; s++) {
      g_assert_cmpuint(per_side[s], <=, 6);
      g_assert_cmpuint(per_side[s], >=, 2);
    }
    g_array_unref(ticks);
    check_ticks(&sh, step);
    sheet_clear(&sh);
  }
}

static void
test_labels(void)
{
  struct {
    double v;
    gboolean lon;
    double step;
    const char *id, *en;
  } cases[] = {
      {-8, FALSE, 1, "8°LS", "8°S"},
      {122, TRUE, 2, "122°BT", "122°E"},
      {-6.5, FALSE, 0.5, "6°30′LS", "6°30′S"},
      {106.25, TRUE, 0.25, "106°15′BT", "106°15′E"},
      {-6, FALSE, 0.5, "6°LS", "6°S"},
      {0, FALSE, 1, "0°", "0°"},
      {2, FALSE, 1, "2°LU", "2°N"},
      {-70, TRUE, 10, "70°BB", "70°W"},
      /* Sums of fifths of a degree are not exact in binary. */
      {-6 - 5.0 / 60 * 7, FALSE, 5.0 / 60, "6°35′LS", "6°35′S"},
  };
  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autofree char *id =
        render_graticule_label(RENDER_LANG_ID, cases[i].v, cases[i].lon, cases[i].step);
    g_autofree char *en =
        render_graticule_label(RENDER_LANG_EN, cases[i].v, cases[i].lon, cases[i].step);
    g_assert_cmpstr(id, ==, cases[i].id);
    g_assert_cmpstr(en, ==, cases[i].en);
  }
}

/* The label space the degree labels share with the map's corners: boxes
 * taken above and left of the frame (the reserved corners of a frame lower
 * than the scale bar) land in negative cells, which must index like any
 * other (the sanitizer build checks the cell keys are computed without
 * undefined shifts). */
static void
test_label_space_outside(void)
{
  RenderLabelSpace sp;
  render_label_space_init(&sp, (RenderRect){0, 0, 300, 20});
  RenderRect res[3];
  render_map_reserved(sp.frame, res);
  for (guint k = 0; k < 3; k++)
    render_label_space_take(
        &sp, (RenderBox){res[k].x, res[k].y, res[k].x + res[k].w, res[k].y + res[k].h});
  render_label_space_take(&sp, (RenderBox){-80, -60, -50, -30});
  /* The scale bar box (from y -14) covers the frame's lower left. */
  g_assert_false(render_label_space_fits(&sp, (RenderBox){2, 2, 10, 10}));
  /* Between the scale bar (to x 140) and the projection box (from 110). */
  g_assert_false(render_label_space_fits(&sp, (RenderBox){120, 2, 130, 3}));
  render_label_space_clear(&sp);
  render_label_space_init(&sp, (RenderRect){-500, -500, 1000, 1000});
  render_label_space_take(&sp, (RenderBox){-10, -10, 10, 10});
  g_assert_false(render_label_space_fits(&sp, (RenderBox){-5, -5, 5, 5}));
  g_assert_true(render_label_space_fits(&sp, (RenderBox){20, 20, 30, 30}));
  g_assert_true(render_label_space_fits(&sp, (RenderBox){-400, 20, -390, 30}));
  render_label_space_clear(&sp);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/graticule/ticks-utm", test_ticks_utm);
  g_test_add_func("/graticule/step", test_step);
  g_test_add_func("/graticule/labels", test_labels);
  g_test_add_func("/graticule/label-space-outside-frame", test_label_space_outside);
  return g_test_run();
}
