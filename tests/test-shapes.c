/* test-shapes.c — flat polygon arrays: building, areas, main part, and the
 * pole of inaccessibility used to place labels. */
#include "geo-private.h"

#include <math.h>

static GeoShapes *
make(void)
{
  GeoShapesBuilder b;
  geo_shapes_builder_init(&b);
  gboolean open = FALSE;
  /* Feature 0: a 10x10 square (closed ring, clockwise) with a 2x2 hole. */
  double sq[] = {0, 0, 0, 10, 10, 10, 10, 0, 0, 0};
  double hole[] = {1, 1, 3, 1, 3, 3, 1, 3};
  geo_shapes_builder_add_ring(&b, sq, 5, TRUE, &open);
  geo_shapes_builder_add_ring(&b, hole, 4, FALSE, &open);
  /* ...and a small island, and a degenerate 2-point ring that is dropped. */
  double island[] = {20, 0, 21, 0, 21, 1, 20, 1};
  double line[] = {30, 0, 31, 0};
  geo_shapes_builder_add_ring(&b, island, 4, TRUE, &open);
  g_assert_false(geo_shapes_builder_add_ring(&b, line, 2, TRUE, &open));
  g_assert_false(geo_shapes_builder_add_ring(&b, hole, 4, FALSE, &open)); /* its hole too */
  geo_shapes_builder_end_feature(&b);
  /* Feature 1: an L shape. */
  double ell[] = {0, 0, 10, 0, 10, 2, 2, 2, 2, 10, 0, 10};
  geo_shapes_builder_add_ring(&b, ell, 6, TRUE, &open);
  geo_shapes_builder_end_feature(&b);
  return geo_shapes_builder_finish(&b);
}

static void
test_structure(void)
{
  GeoShapes *s = make();
  g_assert_cmpuint(s->n_features, ==, 2);
  g_assert_cmpuint(s->n_parts, ==, 3);
  g_assert_cmpuint(s->n_rings, ==, 4);
  g_assert_cmpuint(s->ring_point[1] - s->ring_point[0], ==, 4); /* closing point dropped */
  g_assert_cmpfloat(s->bbox[0], ==, 0);
  g_assert_cmpfloat(s->bbox[2], ==, 21);
  g_assert_cmpfloat(geo_shapes_part_area(s, 0), ==, 96);
  g_assert_cmpfloat(fabs(geo_shapes_ring_area(s, 0)), ==, 100);
  g_assert_cmpfloat(geo_shapes_ring_area(s, 0), <, 0); /* clockwise */
  g_assert_cmpuint(geo_shapes_main_part(s, 0), ==, 0);
  geo_shapes_free(s);
  geo_shapes_free(NULL);
}

static void
test_pole(void)
{
  GeoShapes *s = make();
  double x, y;
  /* Square with a hole near a corner: the pole is away from both. */
  double d = geo_shapes_pole(s, 0, 0.01, &x, &y);
  g_assert_cmpfloat(d, >, 3.9);
  g_assert_cmpfloat(x, >, 4);
  g_assert_cmpfloat(y, >, 4);
  /* The L (arms 2 wide): its centroid (3.3, 3.3) lies outside the shape.
   * The largest inscribed circle sits in the corner, touching both outer
   * edges and the inner corner (2, 2): radius r with (2 - r) sqrt 2 = r. */
  d = geo_shapes_pole(s, 2, 0.0001, &x, &y);
  double r = 2 * G_SQRT2 / (1 + G_SQRT2);
  g_assert_cmpfloat_with_epsilon(d, r, 0.001);
  g_assert_cmpfloat_with_epsilon(x, r, 0.01);
  g_assert_cmpfloat_with_epsilon(y, r, 0.01);
  gboolean in_arm = (y <= 2 && x >= 0 && x <= 10) || (x <= 2 && y >= 0 && y <= 10);
  g_assert_true(in_arm);
  geo_shapes_free(s);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/shapes/structure", test_structure);
  g_test_add_func("/shapes/pole", test_pole);
  return g_test_run();
}
