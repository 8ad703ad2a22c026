/* test-fill.c — every district of the real boundaries is filled correctly,
 * defects and all.  For each feature, the area our path fills (rasterised
 * with cairo at a fine resolution, non-zero winding, exactly as the map
 * draws it) must equal the area GEOS computes after repairing the geometry
 * with MakeValid's "structure" method (shells unioned, holes subtracted),
 * both in the same UTM projection.  The naive even-odd fill of the raw
 * rings is measured too, to show the defects are real and that this test
 * would catch a renderer that got them wrong. */
#include "geo-private.h"
#include "render-private.h"
#include "testutil.h"

#include <gdal.h>
#include <math.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

/* Area in m^2 filled by feature f of `s` (projected) with `rule`. */
static double
raster_area(const GeoShapes *s, guint f, cairo_fill_rule_t rule, int px)
{
  const double *bb = &s->bbox[4 * f];
  double w = bb[2] - bb[0], h = bb[3] - bb[1];
  double scale = px / MAX(w, h); /* pixels per metre */
  int iw = (int)ceil(w * scale) + 4, ih = (int)ceil(h * scale) + 4;
  cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_A8, iw, ih);
  cairo_t *cr = cairo_create(img);
  RenderMapXf t = {iw / 2.0, ih / 2.0, (bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2, scale, FALSE, {0},
                   0,        0};
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_GRAY);
  if (rule == CAIRO_FILL_RULE_WINDING) {
    render_map_path_feature(cr, s, f, &t);
  } else {
    /* Naive: every ring as it comes. */
    for (guint r = s->part_ring[s->feature_part[f]]; r < s->part_ring[s->feature_part[f + 1]];
         r++) {
      for (guint i = s->ring_point[r]; i < s->ring_point[r + 1]; i++) {
        double x = t.ox + (s->xy[2 * i] - t.cx) * scale,
               y = t.oy - (s->xy[2 * i + 1] - t.cy) * scale;
        if (i == s->ring_point[r])
          cairo_move_to(cr, x, y);
        else
          cairo_line_to(cr, x, y);
      }
      cairo_close_path(cr);
    }
  }
  cairo_set_fill_rule(cr, rule);
  cairo_fill(cr);
  cairo_destroy(cr);
  cairo_surface_flush(img);
  const unsigned char *d = cairo_image_surface_get_data(img);
  int stride = cairo_image_surface_get_stride(img);
  double sum = 0;
  for (int y = 0; y < ih; y++)
    for (int x = 0; x < iw; x++)
      sum += d[y * stride + x] / 255.0;
  cairo_surface_destroy(img);
  return sum / (scale * scale);
}

/* Checks every feature of a shared boundary layer against GEOS. */
static void
check_layer(const char *rel, guint expect, int px, double tolerance)
{
  g_autofree char *path = testutil_shared(rel);
  if (!path)
    return;
  GError *err = NULL;
  GeoLayerSpec spec = {
      .source = path, .key_field = "KODE", .name_field = "NAMA", .group_field = "KODE_PROV"};
  GeoLayer *layer = geo_layer_read(&spec, &err);
  g_assert_no_error(err);

  /* The reference: GEOS on the original features, read independently. */
  GDALDatasetH ds = GDALOpenEx(path, GDAL_OF_VECTOR, NULL, NULL, NULL);
  OGRLayerH lyr = GDALDatasetGetLayer(ds, 0);
  OGRSpatialReferenceH wgs = OSRNewSpatialReference(NULL);
  OSRSetWellKnownGeogCS(wgs, "WGS84");
  OSRSetAxisMappingStrategy(wgs, OAMS_TRADITIONAL_GIS_ORDER);
  const char *make_valid_opts[] = {"METHOD=STRUCTURE", NULL};

  guint checked = 0, defective = 0, naive_wrong = 0;
  double worst = 0;
  const char *worst_key = "";
  OGRFeatureH feat;
  while ((feat = OGR_L_GetNextFeature(lyr)) != NULL) {
    const char *kode = OGR_F_GetFieldAsString(feat, OGR_F_GetFieldIndex(feat, "KODE"));
    int fi = geo_layer_find(layer, kode);
    g_assert_cmpint(fi, >=, 0);
    OGRGeometryH g = OGR_G_Clone(OGR_F_GetGeometryRef(feat));
    gboolean valid = OGR_G_IsValid(g);
    /* GEOS cannot even build an unclosed ring: close it for the reference
     * (our reader treats every ring as closed). */
    OGR_G_CloseRings(g);
    OGRGeometryH fixed = OGR_G_MakeValidEx(g, (CSLConstList)make_valid_opts);
    g_assert_nonnull(fixed);

    /* Same UTM zone for both measurements. */
    const double *bb = &layer->shapes->bbox[4 * fi];
    GeoProj *proj = geo_proj_new_utm((bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2, &err);
    g_assert_no_error(err);
    guint idx = (guint)fi;
    GeoShapes *ps = geo_shapes_project(layer->shapes, &idx, 1, proj, 0, GEO_VANISHED_KEEP, &err);
    g_assert_no_error(err);
    OGRSpatialReferenceH utm = OSRNewSpatialReference(NULL);
    double clon = (bb[0] + bb[2]) / 2, clat = (bb[1] + bb[3]) / 2;
    int zone = (int)floor((clon + 180) / 6) + 1;
    g_assert_cmpint(OSRImportFromEPSG(utm, (clat < 0 ? 32700 : 32600) + zone), ==, OGRERR_NONE);
    OSRSetAxisMappingStrategy(utm, OAMS_TRADITIONAL_GIS_ORDER);
    OGR_G_AssignSpatialReference(fixed, wgs);
    g_assert_cmpint(OGR_G_TransformTo(fixed, utm), ==, OGRERR_NONE);
    double want = OGR_G_Area(fixed);

    double got = raster_area(ps, 0, CAIRO_FILL_RULE_WINDING, px);
    double err_rel = fabs(got - want) / want;
    if (err_rel > worst) {
      worst = err_rel;
      worst_key = layer->features[fi].key;
    }
    if (err_rel > tolerance)
      g_test_message("%s %s: filled %.0f m2, GEOS %.0f m2 (%.2f%%)", kode, layer->features[fi].name,
                     got, want, 100 * err_rel);
    g_assert_cmpfloat(err_rel, <, tolerance);
    if (!valid) {
      defective++;
      double naive = raster_area(ps, 0, CAIRO_FILL_RULE_EVEN_ODD, px);
      if (fabs(naive - want) / want > tolerance)
        naive_wrong++;
    }
    checked++;
    OSRDestroySpatialReference(utm);
    geo_shapes_free(ps);
    geo_proj_free(proj);
    OGR_G_DestroyGeometry(fixed);
    OGR_G_DestroyGeometry(g);
    OGR_F_Destroy(feat);
  }
  g_test_message("checked %u districts, %u invalid; even-odd fill wrong on %u; worst %.3f%% (%s)",
                 checked, defective, naive_wrong, 100 * worst, worst_key);
  g_assert_cmpuint(checked, ==, expect);
  g_assert_cmpuint(defective, >, 0);
  OSRDestroySpatialReference(wgs);
  GDALClose(ds);
  geo_layer_free(layer);
}

static void
test_kabkota(void)
{
  check_layer("batas/kabkota.shp", 514, 1600, 0.005);
}

static void
test_kecamatan(void)
{
  check_layer("batas/kecamatan.shp", 7285, 400, 0.02);
}

/* Area filled by a hand-made feature (in metres, no projection). */
static double
synthetic_area(const double *const *rings, const guint *n, const gboolean *shell, guint k,
               cairo_fill_rule_t rule)
{
  GeoShapesBuilder b;
  geo_shapes_builder_init(&b);
  gboolean open = FALSE;
  for (guint i = 0; i < k; i++)
    geo_shapes_builder_add_ring(&b, rings[i], n[i], shell[i], &open);
  geo_shapes_builder_end_feature(&b);
  GeoShapes *s = geo_shapes_builder_finish(&b);
  double a = raster_area(s, 0, rule, 1000);
  geo_shapes_free(s);
  return a;
}

/* The defects the real data has, with known answers: a shell nested in
 * another shell of the same district (area: the outer one), a shell drawn
 * twice with opposite orientation, and a ring that crosses itself (a bow
 * tie: both lobes).  Even-odd gets the first two wrong; we must not. */
static void
test_synthetic(void)
{
  const double outer[] = {0, 0, 100, 0, 100, 100, 0, 100};
  const double inner_ccw[] = {20, 20, 60, 20, 60, 60, 20, 60};
  const double inner_cw[] = {20, 20, 20, 60, 60, 60, 60, 20};
  const double bowtie[] = {0, 0, 100, 100, 100, 0, 0, 100};
  const double hole[] = {70, 70, 90, 70, 90, 90, 70, 90};

  const double *nested[] = {outer, inner_ccw};
  const guint n2[] = {4, 4};
  const gboolean two_shells[] = {TRUE, TRUE};
  double a = synthetic_area(nested, n2, two_shells, 2, CAIRO_FILL_RULE_WINDING);
  g_assert_cmpfloat_with_epsilon(a, 10000, 20);
  g_assert_cmpfloat(synthetic_area(nested, n2, two_shells, 2, CAIRO_FILL_RULE_EVEN_ODD), <, 9000);

  const double *twice[] = {outer, inner_ccw, inner_cw};
  const guint n3[] = {4, 4, 4};
  const gboolean shells3[] = {TRUE, TRUE, TRUE};
  a = synthetic_area(twice, n3, shells3, 3, CAIRO_FILL_RULE_WINDING);
  g_assert_cmpfloat_with_epsilon(a, 10000, 20);

  const double *tie[] = {bowtie};
  const guint n1[] = {4};
  const gboolean shell1[] = {TRUE};
  a = synthetic_area(tie, n1, shell1, 1, CAIRO_FILL_RULE_WINDING);
  g_assert_cmpfloat_with_epsilon(a, 5000, 20);

  /* A real hole still subtracts, whatever its orientation. */
  const double *holed[] = {outer, hole};
  const gboolean shell_hole[] = {TRUE, FALSE};
  a = synthetic_area(holed, n2, shell_hole, 2, CAIRO_FILL_RULE_WINDING);
  g_assert_cmpfloat_with_epsilon(a, 10000 - 400, 20);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/fill/synthetic-defects", test_synthetic);
  g_test_add_func("/fill/kabkota-vs-geos", test_kabkota);
  g_test_add_func("/fill/kecamatan-vs-geos", test_kecamatan);
  return g_test_run();
}
