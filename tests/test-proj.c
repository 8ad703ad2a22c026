/* test-proj.c — sheet projections with PROJ: the UTM zone of a province's
 * centre, known projected coordinates and scale factors. */
#include <geo.h>
#include <math.h>

static void
test_utm_zone(void)
{
  GError *err = NULL;
  /* Nusa Tenggara Timur, centre about 121.5 E, 9 S: zone 51 south. */
  GeoProj *p = geo_proj_new_utm(121.5, -9.0, &err);
  g_assert_no_error(err);
  g_assert_cmpstr(geo_proj_get_name(p), ==, "WGS 84 / UTM zone 51S");
  /* On the central meridian (123 E) at the equator: x = 500 000 m,
   * y = 10 000 000 m (false northing of the southern zones). */
  double xy[] = {123.0, 0.0, 123.0, -9.0};
  g_assert_true(geo_proj_forward(p, xy, 2, &err));
  g_assert_no_error(err);
  g_assert_cmpfloat_with_epsilon(xy[0], 500000.0, 1e-6);
  g_assert_cmpfloat_with_epsilon(xy[1], 10000000.0, 1e-6);
  g_assert_cmpfloat_with_epsilon(xy[2], 500000.0, 1e-6);
  /* 9 degrees south on the meridian: 0.9996 x the WGS84 meridian arc to 9
   * degrees (995 250.277 m, from the series expansion in e^2). */
  g_assert_cmpfloat_with_epsilon(xy[3], 10000000.0 - 0.9996 * 995250.277, 0.01);
  g_assert_cmpfloat_with_epsilon(geo_proj_scale_factor(p, 123.0, 0.0), 0.9996, 1e-9);
  geo_proj_free(p);

  p = geo_proj_new_utm(98.7, 3.6, &err); /* Medan: zone 47 north */
  g_assert_cmpstr(geo_proj_get_name(p), ==, "WGS 84 / UTM zone 47N");
  geo_proj_free(p);
}

static void
test_bad_crs(void)
{
  GError *err = NULL;
  GeoProj *p = geo_proj_new("EPSG:999999", &err);
  g_assert_null(p);
  g_assert_error(err, GEO_ERROR, GEO_ERROR_USAGE);
  g_error_free(err);
  geo_proj_free(NULL);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/proj/utm-zone", test_utm_zone);
  g_test_add_func("/proj/bad-crs", test_bad_crs);
  return g_test_run();
}
