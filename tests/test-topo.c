/* test-topo.c — simplification keeps shared borders shared.
 *
 * For every pair of neighbouring districts (rings that share vertices in
 * the source), every simplified vertex of one that lay on the common
 * border must lie on the other's simplified boundary: no gap, no overlap,
 * at every tolerance a sheet or a national map uses.  The same check run
 * on per-ring simplification (the importances removed) must fail, which
 * shows the check can see gaps.  Also: the simplified rings stay within
 * reach of the source (Douglas-Peucker bound) and points really go. */
#include "geo-private.h"
#include "render-private.h"
#include "testutil.h"

#include <math.h>
#include <stdlib.h>

/* Metres between (x,y) and segment a-b, lon/lat in. */
static double
seg_dist_m(double x, double y, const double *a, const double *b)
{
  double k = cos((a[1] + b[1]) * G_PI / 360) * 111320.0, ky = 110574.0;
  double ax = a[0] * k, ay = a[1] * ky, dx = b[0] * k - ax, dy = b[1] * ky - ay;
  double px = x * k - ax, py = y * ky - ay, len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? CLAMP((px * dx + py * dy) / len2, 0, 1) : 0;
  return hypot(px - t * dx, py - t * dy);
}

/* Distance in metres from (x,y) to the boundary of feature f of s. */
static double
boundary_dist(const GeoShapes *s, guint f, double x, double y)
{
  double best = INFINITY;
  for (guint r = s->part_ring[s->feature_part[f]]; r < s->part_ring[s->feature_part[f + 1]]; r++) {
    guint a = s->ring_point[r], z = s->ring_point[r + 1];
    for (guint i = a; i < z; i++) {
      guint j = i + 1 == z ? a : i + 1;
      best = MIN(best, seg_dist_m(x, y, &s->xy[2 * i], &s->xy[2 * j]));
    }
  }
  return best;
}

typedef struct {
  guint checked;   /* border vertices checked */
  double worst;    /* largest distance to the neighbour, metres */
  guint kept, all; /* points after and before */
} Shared;

/* Whether source ring r survives simplification to `tol` with the
 * topological importances `imp`: it keeps 3 points, and so does the shell
 * of its part. */
static gboolean
ring_survives(const GeoShapes *src, const float *imp, guint r, guint shell, double tol)
{
  guint rings[2] = {r, shell};
  for (guint k = 0; k < 2; k++) {
    guint kept = 0;
    for (guint i = src->ring_point[rings[k]]; i < src->ring_point[rings[k] + 1]; i++)
      kept += imp[i] >= tol;
    if (kept < 3)
      return FALSE;
  }
  return TRUE;
}

/* For features of `src` simplified to `tol` metres: every kept vertex
 * that the source shares with a ring of another feature must lie on that
 * feature's simplified boundary — unless that ring itself vanished at
 * this tolerance (a part narrower than the tolerance that touched the
 * neighbour at a point).  `imp`: the topological importances, used to
 * tell which rings survive (the same vertices are checked whichever way
 * `src` is simplified). */
static Shared
check_shared(const GeoShapes *src, const float *imp, double tol)
{
  Shared out = {0, 0, 0, src->n_points};
  g_autofree guint *all = g_new(guint, src->n_features);
  for (guint i = 0; i < src->n_features; i++)
    all[i] = i;
  GError *error = NULL;
  GeoShapes *s =
      geo_shapes_project(src, all, src->n_features, NULL, tol, GEO_VANISHED_KEEP, &error);
  g_assert_no_error(error);
  out.kept = s->n_points;

  /* Which features own each source coordinate in a surviving ring. */
  g_autoptr(GHashTable) owners =
      g_hash_table_new_full(g_bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref, NULL);
  for (guint f = 0; f < src->n_features; f++)
    for (guint p = src->feature_part[f]; p < src->feature_part[f + 1]; p++)
      for (guint r = src->part_ring[p]; r < src->part_ring[p + 1]; r++) {
        if (!ring_survives(src, imp, r, src->part_ring[p], tol))
          continue;
        for (guint i = src->ring_point[r]; i < src->ring_point[r + 1]; i++) {
          GBytes *k = g_bytes_new(&src->xy[2 * i], 2 * sizeof(double));
          GPtrArray *list = g_hash_table_lookup(owners, k);
          if (list == NULL) {
            list = g_ptr_array_new();
            g_hash_table_insert(owners, g_bytes_ref(k), list);
          }
          if (list->len == 0 || GPOINTER_TO_UINT(list->pdata[list->len - 1]) != f + 1)
            g_ptr_array_add(list, GUINT_TO_POINTER(f + 1));
          g_bytes_unref(k);
        }
      }
  for (guint f = 0; f < s->n_features; f++) {
    guint a = s->ring_point[s->part_ring[s->feature_part[f]]];
    guint z = s->ring_point[s->part_ring[s->feature_part[f + 1]]];
    for (guint i = a; i < z; i++) {
      g_autoptr(GBytes) k = g_bytes_new(&s->xy[2 * i], 2 * sizeof(double));
      GPtrArray *list = g_hash_table_lookup(owners, k);
      if (list == NULL)
        continue; /* a fallback box corner of a vanished district */
      for (guint o = 0; o < list->len; o++) {
        guint g = GPOINTER_TO_UINT(list->pdata[o]) - 1;
        if (g == f || s->feature_part[g] == s->feature_part[g + 1])
          continue;
        double d = boundary_dist(s, g, s->xy[2 * i], s->xy[2 * i + 1]);
        out.worst = MAX(out.worst, d);
        out.checked++;
      }
    }
  }
  GHashTableIter it;
  gpointer v;
  g_hash_table_iter_init(&it, owners);
  while (g_hash_table_iter_next(&it, NULL, &v))
    g_ptr_array_free(v, TRUE);
  geo_shapes_free(s);
  return out;
}

/* Two squares sharing a wiggly border, and an island: the border is one
 * arc, kept identically on both sides. */
static void
test_synthetic(void)
{
  GeoShapesBuilder b;
  geo_shapes_builder_init(&b);
  gboolean open = FALSE;
  /* Degrees at the equator.  The common border runs (0,0) to (0,0.04)
   * with a 111 m bump and a 1 m wiggle; L goes up it, R comes down it. */
  double L[] = {0, 0, 0.001, 0.01, 0, 0.02, 0.00001, 0.03, 0, 0.04, -0.04, 0.04, -0.04, 0};
  double R[] = {0, 0.04, 0.00001, 0.03, 0, 0.02, 0.001, 0.01, 0, 0, 0.04, 0, 0.04, 0.04};
  double I[] = {0.1, 0.1, 0.1002, 0.1, 0.1001, 0.1001}; /* an islet ~22 m wide */
  g_assert_true(geo_shapes_builder_add_ring(&b, L, 7, TRUE, &open));
  geo_shapes_builder_end_feature(&b);
  g_assert_true(geo_shapes_builder_add_ring(&b, R, 7, TRUE, &open));
  g_assert_true(geo_shapes_builder_add_ring(&b, I, 3, TRUE, &open));
  geo_shapes_builder_end_feature(&b);
  GeoShapes *s = geo_shapes_builder_finish(&b);
  geo_shapes_topology(s);
  /* The corners where the two rings part are junctions, kept while the
   * squares are wider than the tolerance. */
  g_assert_cmpfloat(s->importance[0], >, 4000);
  g_assert_cmpfloat(s->importance[4], >, 4000);
  /* Each border vertex has the same importance from both sides. */
  for (guint i = 1; i < 4; i++)
    g_assert_cmpfloat(s->importance[i], ==, s->importance[7 + 4 - i]);
  g_assert_cmpfloat(s->importance[1], >, 100); /* the bump */
  g_assert_cmpfloat(s->importance[3], <, 2);   /* the wiggle */
  g_assert_cmpfloat(s->importance[14], <, 30); /* the islet */
  /* The two squares touch; the islet touches nothing. */
  g_assert_cmpuint(s->ring_touch[0], ==, 1);
  g_assert_cmpuint(s->ring_touch[1], ==, 1);
  g_assert_cmpuint(s->ring_touch[2], ==, 0);
  Shared r = check_shared(s, s->importance, 50);
  g_assert_cmpuint(r.checked, >, 0);
  g_assert_cmpfloat(r.worst, <, 1e-6);
  /* At 50 m the wiggle and the islet go, on both sides alike. */
  guint all[] = {0, 1};
  GeoShapes *p = geo_shapes_project(s, all, 2, NULL, 50, GEO_VANISHED_KEEP, NULL);
  g_assert_cmpuint(p->n_parts, ==, 2);
  g_assert_cmpuint(p->n_points, ==, 6 + 6);
  geo_shapes_free(p);
  geo_shapes_free(s);
}

/* Counts the closed subpaths render_map_path_feature adds for f. */
static guint
subpaths(const GeoShapes *s, guint f, double scale, double speck, double dot)
{
  cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_A8, 10, 10);
  cairo_t *cr = cairo_create(img);
  RenderMapXf t = {0, 0, 0, 0, scale, FALSE, {0}, speck, dot};
  render_map_path_feature(cr, s, f, &t);
  cairo_path_t *path = cairo_copy_path(cr);
  guint n = 0;
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    n += path->data[i].header.type == CAIRO_PATH_CLOSE_PATH;
  cairo_path_destroy(path);
  cairo_destroy(cr);
  cairo_surface_destroy(img);
  return n;
}

/* Specks: an islet under the speck size goes, a district made only of
 * specks becomes a dot, a small district among neighbours stays drawn. */
static void
test_specks(void)
{
  GeoShapesBuilder b;
  geo_shapes_builder_init(&b);
  gboolean open = FALSE;
  double big[] = {0, 0, 100, 0, 100, 100, 0, 100};
  double islet[] = {200, 200, 201, 200, 201, 201};
  double small[] = {100, 0, 101, 0, 101, 1, 100, 1}; /* touches big at (100,0) */
  double far[] = {500, 500, 500.5, 500, 500.5, 500.5};
  g_assert_true(geo_shapes_builder_add_ring(&b, big, 4, TRUE, &open));
  g_assert_true(geo_shapes_builder_add_ring(&b, islet, 3, TRUE, &open));
  geo_shapes_builder_end_feature(&b);
  g_assert_true(geo_shapes_builder_add_ring(&b, small, 4, TRUE, &open));
  geo_shapes_builder_end_feature(&b);
  g_assert_true(geo_shapes_builder_add_ring(&b, far, 3, TRUE, &open));
  geo_shapes_builder_end_feature(&b);
  GeoShapes *s = geo_shapes_builder_finish(&b);
  geo_shapes_topology(s);
  /* 1 unit = 0.5 pt: the islet (0.5 pt) and the small square are specks. */
  g_assert_cmpuint(subpaths(s, 0, 0.5, 0.8, 1.6), ==, 1); /* the islet left out */
  g_assert_cmpuint(subpaths(s, 0, 0.5, 0, 0), ==, 2);     /* kept without a speck size */
  g_assert_cmpuint(subpaths(s, 1, 0.5, 0.8, 1.6), ==, 1); /* among neighbours: drawn */
  g_assert_cmpuint(subpaths(s, 2, 0.5, 0.8, 1.6), ==, 1); /* an island of specks: a dot */
  g_assert_cmpuint(subpaths(s, 2, 0.5, 0.8, 0), ==, 0);   /* no dots asked: nothing */
  geo_shapes_free(s);
}

/* Clipping to the frame: a ring whose border zigzags across the frame's
 * edge (one vertex out, one in, 40 times) gains a point at every
 * excursion, more than the ring has room for if the buffers are sized by
 * its own points; what is drawn is exactly the part inside. */
static void
test_clip_zigzag(void)
{
  GeoShapesBuilder b;
  geo_shapes_builder_init(&b);
  gboolean open = FALSE;
  enum { TEETH = 40 };
  double xy[2 * (2 * TEETH + 2)];
  guint n = 0;
  for (guint i = 0; i < TEETH; i++) {
    xy[2 * n] = 1, xy[2 * n + 1] = 2 * i, n++;      /* inside (x >= 0) */
    xy[2 * n] = -1, xy[2 * n + 1] = 2 * i + 1, n++; /* out */
  }
  xy[2 * n] = 10, xy[2 * n + 1] = 2 * TEETH, n++;
  xy[2 * n] = 10, xy[2 * n + 1] = 0, n++;
  g_assert_true(geo_shapes_builder_add_ring(&b, xy, n, TRUE, &open));
  geo_shapes_builder_end_feature(&b);
  GeoShapes *s = geo_shapes_builder_finish(&b);
  cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_A8, 10, 10);
  cairo_t *cr = cairo_create(img);
  /* Page y = -y: the frame box x >= 0, everything else far away. */
  RenderMapXf t = {0, 0, 0, 0, 1, TRUE, {0, -1000, 1000, 1000}, 0, 0};
  render_map_path_feature(cr, s, 0, &t);
  cairo_path_t *path = cairo_copy_path(cr);
  guint points = 0;
  /* Up to the close (cairo starts a new point after it). */
  for (int i = 0; i < path->num_data && path->data[i].header.type != CAIRO_PATH_CLOSE_PATH;
       i += path->data[i].header.length) {
    g_assert_cmpfloat(path->data[i + 1].point.x, >=, 0);
    points++;
  }
  /* 42 points inside and two crossings per excursion. */
  g_assert_cmpuint(points, ==, 2 * TEETH + 2 + TEETH);
  cairo_path_destroy(path);
  cairo_destroy(cr);
  cairo_surface_destroy(img);
  geo_shapes_free(s);
}

static void
check_layer(const char *rel, const double *tols, guint n_tols)
{
  g_autofree char *path = testutil_shared(rel);
  if (path == NULL)
    return;
  GeoLayerSpec spec = {.source = path, .key_field = "KODE", .name_field = "NAMA"};
  GError *error = NULL;
  GeoLayer *layer = geo_layer_read(&spec, &error);
  g_assert_no_error(error);
  geo_shapes_topology(layer->shapes);
  GeoShapes *src = layer->shapes;
  for (guint t = 0; t < n_tols; t++) {
    float *imp = src->importance;
    Shared topo = check_shared(src, imp, tols[t]);
    src->importance = NULL;
    Shared naive = check_shared(src, imp, tols[t]);
    src->importance = imp;
    g_test_message("%s at %.0f m: %u of %u points kept; %u border vertices, worst distance "
                   "to the neighbour %.3g m (per-ring thinning: %.0f m)",
                   rel, tols[t], topo.kept, topo.all, topo.checked, topo.worst, naive.worst);
    g_assert_cmpuint(topo.checked, >, 1000);
    g_assert_cmpfloat(topo.worst, <, 1e-3);
    /* The check sees the gaps that simplifying each ring alone opens. */
    g_assert_cmpfloat(naive.worst, >, tols[t] / 10);
    g_assert_cmpuint(topo.kept, <, topo.all);
  }
  geo_layer_free(layer);
}

/* Renders the districts of group `group` of `layer` as an A4 sheet's map
 * would (about 760 x 480 pt) at 300 dpi, each district in its own grey,
 * simplified to `tol_pt` points (0: not at all).  `naive` drops the
 * topology (per-ring thinning).  Returns the A8 image. */
static cairo_surface_t *
render_group(GeoLayer *layer, const char *group, double tol_pt, gboolean naive, guint *kept,
             guint *all)
{
  GArray *sel = g_array_new(FALSE, FALSE, sizeof(guint));
  for (guint f = 0; f < layer->n_features; f++)
    if (g_strcmp0(layer->features[f].group, group) == 0)
      g_array_append_val(sel, f);
  double bb[4];
  g_assert_true(geo_shapes_extent(layer->shapes, (guint *)sel->data, sel->len, bb));
  GError *error = NULL;
  GeoProj *proj = geo_proj_new_utm((bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2, &error);
  g_assert_no_error(error);
  GeoShapes *full = geo_shapes_project(layer->shapes, (guint *)sel->data, sel->len, proj, 0,
                                       GEO_VANISHED_KEEP, &error);
  double ext[4];
  geo_shapes_extent(full, NULL, full->n_features, ext);
  double s = MIN(760 / (ext[2] - ext[0]), 480 / (ext[3] - ext[1])); /* pt per metre */
  float *imp = layer->shapes->importance;
  if (naive)
    layer->shapes->importance = NULL;
  GeoShapes *gs = tol_pt > 0 ? geo_shapes_project(layer->shapes, (guint *)sel->data, sel->len, proj,
                                                  tol_pt / s, GEO_VANISHED_KEEP, &error)
                             : full;
  layer->shapes->importance = imp;
  g_assert_no_error(error);
  *kept = gs->n_points;
  *all = full->n_points;
  const double k = 300.0 / 72;
  int w = (int)(780 * k), h = (int)(500 * k);
  cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_A8, w, h);
  cairo_t *cr = cairo_create(img);
  cairo_scale(cr, k, k);
  RenderMapXf t = {390, 250, (ext[0] + ext[2]) / 2, (ext[1] + ext[3]) / 2, s, FALSE, {0}, 0, 0};
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  for (guint f = 0; f < gs->n_features; f++) {
    render_map_path_feature(cr, gs, f, &t);
    cairo_set_source_rgba(cr, 0, 0, 0, (40 + (f * 67) % 200) / 255.0);
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_fill(cr);
  }
  cairo_destroy(cr);
  cairo_surface_flush(img);
  if (gs != full)
    geo_shapes_free(gs);
  geo_shapes_free(full);
  geo_proj_free(proj);
  g_array_unref(sel);
  return img;
}

/* Pixels of `a` and `b` that differ by more than a quarter of the range,
 * and the land pixels of `a`. */
static void
image_diff(cairo_surface_t *a, cairo_surface_t *b, guint *differ, guint *land)
{
  int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
  int stride = cairo_image_surface_get_stride(a);
  const unsigned char *pa = cairo_image_surface_get_data(a), *pb = cairo_image_surface_get_data(b);
  *differ = *land = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++) {
      int va = pa[y * stride + x], vb = pb[y * stride + x];
      *land += va > 0;
      *differ += abs(va - vb) > 64;
    }
}

/* Simplified to the sheet's resolution (0.25 pt), a province's map at 300
 * dpi is the unsimplified map but for a few border pixels: under 0.5% of
 * the land differs by more than a quarter of the grey range. */
static void
test_invisible(void)
{
  g_autofree char *path = testutil_shared("batas/kabkota.shp");
  if (path == NULL)
    return;
  GeoLayerSpec spec = {
      .source = path, .key_field = "KODE", .name_field = "NAMA", .group_field = "KODE_PROV"};
  GError *error = NULL;
  GeoLayer *layer = geo_layer_read(&spec, &error);
  g_assert_no_error(error);
  geo_shapes_topology(layer->shapes);
  const char *groups[] = {"35", "53", "95"};
  for (guint i = 0; i < G_N_ELEMENTS(groups); i++) {
    guint kept, all, kept_naive;
    cairo_surface_t *ref = render_group(layer, groups[i], 0, FALSE, &all, &all);
    cairo_surface_t *topo = render_group(layer, groups[i], 0.25, FALSE, &kept, &all);
    cairo_surface_t *naive = render_group(layer, groups[i], 0.25, TRUE, &kept_naive, &all);
    guint d_topo, d_naive, land;
    image_diff(ref, topo, &d_topo, &land);
    image_diff(ref, naive, &d_naive, &land);
    g_test_message("group %s at 300 dpi: %u land pixels; shared-border simplification keeps %u of "
                   "%u points, %u pixels differ (%.3f%%); per-ring thinning keeps %u, %u differ",
                   groups[i], land, kept, all, d_topo, 100.0 * d_topo / land, kept_naive, d_naive);
    g_assert_cmpuint(land, >, 100000);
    g_assert_cmpfloat((double)d_topo / land, <, 0.005);
    cairo_surface_destroy(ref);
    cairo_surface_destroy(topo);
    cairo_surface_destroy(naive);
  }
  geo_layer_free(layer);
}

static void
test_kabkota(void)
{
  /* ~A4 province sheets to the national overview. */
  const double tols[] = {100, 400, 2000};
  check_layer("batas/kabkota.shp", tols, G_N_ELEMENTS(tols));
}

static void
test_kecamatan(void)
{
  const double tols[] = {100, 1500};
  check_layer("batas/kecamatan.shp", tols, G_N_ELEMENTS(tols));
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/topo/synthetic", test_synthetic);
  g_test_add_func("/topo/specks", test_specks);
  g_test_add_func("/topo/clip-zigzag", test_clip_zigzag);
  g_test_add_func("/topo/invisible-at-300dpi", test_invisible);
  g_test_add_func("/topo/kabkota-shared-borders", test_kabkota);
  g_test_add_func("/topo/kecamatan-shared-borders", test_kecamatan);
  return g_test_run();
}
