/* geo-shapes.c — polygon features as flat coordinate arrays with ring and
 * part offsets (see GeoShapes in geo.h): building them, measuring them, and
 * projecting a subset for one sheet with one PROJ call. */
#include "geo-private.h"

#include <math.h>
#include <string.h>

void
geo_shapes_builder_init(GeoShapesBuilder *b)
{
  b->xy = g_array_new(FALSE, FALSE, sizeof(double));
  b->ring_point = g_array_new(FALSE, FALSE, sizeof(guint));
  b->part_ring = g_array_new(FALSE, FALSE, sizeof(guint));
  b->feature_part = g_array_new(FALSE, FALSE, sizeof(guint));
  b->bbox = g_array_new(FALSE, FALSE, sizeof(double));
  guint zero = 0;
  g_array_append_val(b->ring_point, zero);
  g_array_append_val(b->part_ring, zero);
  g_array_append_val(b->feature_part, zero);
}

gboolean
geo_shapes_builder_add_ring(GeoShapesBuilder *b, const double *xy, guint n, gboolean shell,
                            gboolean *part_open)
{
  if (!shell && !*part_open)
    return FALSE;
  if (shell)
    *part_open = FALSE;
  /* Drop the closing point and repeated points. */
  while (n > 1 && xy[2 * (n - 1)] == xy[0] && xy[2 * (n - 1) + 1] == xy[1])
    n--;
  guint start = b->xy->len / 2;
  for (guint i = 0; i < n; i++) {
    double x = xy[2 * i], y = xy[2 * i + 1];
    if (!isfinite(x) || !isfinite(y))
      continue;
    guint have = b->xy->len / 2;
    if (have > start) {
      const double *last = &g_array_index(b->xy, double, 2 * (have - 1));
      if (last[0] == x && last[1] == y)
        continue;
    }
    double p[2] = {x, y};
    g_array_append_vals(b->xy, p, 2);
  }
  guint kept = b->xy->len / 2 - start;
  if (kept < 3) {
    g_array_set_size(b->xy, start * 2);
    return FALSE;
  }
  guint end = b->xy->len / 2;
  g_array_append_val(b->ring_point, end);
  guint n_rings = b->ring_point->len - 1;
  if (shell) {
    /* part_ring's last entry is the ring count before this ring, so it
     * already marks where the new part starts. */
    g_array_append_val(b->part_ring, n_rings);
    *part_open = TRUE;
  } else {
    g_array_index(b->part_ring, guint, b->part_ring->len - 1) = n_rings;
  }
  return TRUE;
}

void
geo_shapes_builder_end_feature(GeoShapesBuilder *b)
{
  guint n_parts = b->part_ring->len - 1;
  g_array_append_val(b->feature_part, n_parts);
  double box[4] = {0, 0, 0, 0};
  g_array_append_vals(b->bbox, box, 4);
}

GeoShapes *
geo_shapes_builder_finish(GeoShapesBuilder *b)
{
  GeoShapes *s = g_new0(GeoShapes, 1);
  s->n_points = b->xy->len / 2;
  s->n_rings = b->ring_point->len - 1;
  s->n_parts = b->part_ring->len - 1;
  s->n_features = b->feature_part->len - 1;
  s->xy = (double *)g_array_free(b->xy, FALSE);
  s->ring_point = (guint *)g_array_free(b->ring_point, FALSE);
  s->part_ring = (guint *)g_array_free(b->part_ring, FALSE);
  s->feature_part = (guint *)g_array_free(b->feature_part, FALSE);
  s->bbox = (double *)g_array_free(b->bbox, FALSE);
  geo_shapes_update_bbox(s);
  return s;
}

void
geo_shapes_update_bbox(GeoShapes *s)
{
  for (guint f = 0; f < s->n_features; f++) {
    double *bb = &s->bbox[4 * f];
    bb[0] = bb[1] = INFINITY;
    bb[2] = bb[3] = -INFINITY;
    guint p0 = s->part_ring[s->feature_part[f]];
    guint p1 = s->part_ring[s->feature_part[f + 1]];
    guint a = s->ring_point[p0], z = s->ring_point[p1];
    for (guint i = a; i < z; i++) {
      double x = s->xy[2 * i], y = s->xy[2 * i + 1];
      if (x < bb[0])
        bb[0] = x;
      if (y < bb[1])
        bb[1] = y;
      if (x > bb[2])
        bb[2] = x;
      if (y > bb[3])
        bb[3] = y;
    }
    if (a == z)
      bb[0] = bb[1] = bb[2] = bb[3] = NAN;
  }
}

void
geo_shapes_free(GeoShapes *s)
{
  if (s == NULL)
    return;
  g_free(s->xy);
  g_free(s->ring_point);
  g_free(s->part_ring);
  g_free(s->feature_part);
  g_free(s->bbox);
  g_free(s->importance);
  g_free(s->ring_touch);
  g_free(s);
}

gboolean
geo_shapes_extent(const GeoShapes *s, const guint *idx, guint n, double out[4])
{
  out[0] = out[1] = INFINITY;
  out[2] = out[3] = -INFINITY;
  for (guint i = 0; i < n; i++) {
    const double *b = &s->bbox[4 * (idx ? idx[i] : i)];
    if (isnan(b[0]))
      continue;
    out[0] = MIN(out[0], b[0]);
    out[1] = MIN(out[1], b[1]);
    out[2] = MAX(out[2], b[2]);
    out[3] = MAX(out[3], b[3]);
  }
  return isfinite(out[0]);
}

double
geo_shapes_ring_area(const GeoShapes *s, guint r)
{
  guint a = s->ring_point[r], z = s->ring_point[r + 1];
  if (z - a < 3)
    return 0;
  /* Shoelace relative to the first point, for precision. */
  double x0 = s->xy[2 * a], y0 = s->xy[2 * a + 1], sum = 0;
  for (guint i = a + 1; i + 1 < z; i++) {
    double x1 = s->xy[2 * i] - x0, y1 = s->xy[2 * i + 1] - y0;
    double x2 = s->xy[2 * i + 2] - x0, y2 = s->xy[2 * i + 3] - y0;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

double
geo_shapes_part_area(const GeoShapes *s, guint p)
{
  guint r0 = s->part_ring[p], r1 = s->part_ring[p + 1];
  if (r0 == r1)
    return 0;
  double area = fabs(geo_shapes_ring_area(s, r0));
  for (guint r = r0 + 1; r < r1; r++)
    area -= fabs(geo_shapes_ring_area(s, r));
  return area > 0 ? area : 0;
}

guint
geo_shapes_main_part(const GeoShapes *s, guint f)
{
  guint best = s->feature_part[f];
  double best_area = -1;
  for (guint p = s->feature_part[f]; p < s->feature_part[f + 1]; p++) {
    double a = geo_shapes_part_area(s, p);
    if (a > best_area) {
      best_area = a;
      best = p;
    }
  }
  return best;
}

/* Appends ring r of src, projected later: with importances, the points
 * whose importance reaches `tol_m` (metres); otherwise only vertices at
 * least sqrt(tol2) degrees from the last kept one (the first and last are
 * always kept). */
static guint
geo_shapes_copy_ring(const GeoShapes *src, guint r, double *dst, double tol2, float tol_m)
{
  guint a = src->ring_point[r], z = src->ring_point[r + 1];
  guint n = 0;
  const double *xy = src->xy;
  if (src->importance != NULL) {
    const float *imp = src->importance;
    for (guint i = a; i < z; i++)
      if (imp[i] >= tol_m) {
        dst[2 * n] = xy[2 * i];
        dst[2 * n + 1] = xy[2 * i + 1];
        n++;
      }
    return n;
  }
  dst[0] = xy[2 * a];
  dst[1] = xy[2 * a + 1];
  n = 1;
  for (guint i = a + 1; i < z; i++) {
    double dx = xy[2 * i] - dst[2 * (n - 1)], dy = xy[2 * i + 1] - dst[2 * (n - 1) + 1];
    if (i + 1 < z && dx * dx + dy * dy < tol2)
      continue;
    dst[2 * n] = xy[2 * i];
    dst[2 * n + 1] = xy[2 * i + 1];
    n++;
  }
  return n;
}

GeoShapes *
geo_shapes_project(const GeoShapes *src, const guint *idx, guint n, GeoProj *proj, double tolerance,
                   GeoVanished vanished, GError **error)
{
  /* Count, then fill every array once: no per-point allocation. */
  guint n_parts = 0, n_rings = 0, n_points = 0;
  for (guint i = 0; i < n; i++) {
    guint f = idx[i];
    guint p0 = src->feature_part[f], p1 = src->feature_part[f + 1];
    n_parts += p1 - p0;
    n_rings += src->part_ring[p1] - src->part_ring[p0];
    n_points += src->ring_point[src->part_ring[p1]] - src->ring_point[src->part_ring[p0]];
  }
  GeoShapes *s = g_new0(GeoShapes, 1);
  s->n_features = n;
  s->xy = g_new(double, 2 * (gsize)MAX(n_points, 1));
  s->ring_point = g_new(guint, n_rings + 1);
  s->part_ring = g_new(guint, n_parts + 1);
  s->feature_part = g_new(guint, n + 1);
  s->bbox = g_new(double, 4 * (gsize)MAX(n, 1));
  if (src->ring_touch)
    s->ring_touch = g_new0(guint8, n_rings + 1);

  /* The tolerance is in map units; vertices are still in degrees here, so
   * decimate with a conservative degree equivalent (1 degree >= 110 km at
   * these latitudes), then project. */
  double tol_deg = tolerance > 0 ? tolerance / 111320.0 : 0;
  double tol2 = tol_deg * tol_deg;
  guint pt = 0, rg = 0, pa = 0;
  s->ring_point[0] = s->part_ring[0] = s->feature_part[0] = 0;
  for (guint i = 0; i < n; i++) {
    guint f = idx[i];
    for (guint p = src->feature_part[f]; p < src->feature_part[f + 1]; p++) {
      guint first_ring = rg;
      for (guint r = src->part_ring[p]; r < src->part_ring[p + 1]; r++) {
        guint k = geo_shapes_copy_ring(src, r, s->xy + 2 * pt, tol2, (float)tolerance);
        if (k < 3) {
          if (r == src->part_ring[p])
            break; /* the shell vanished at this scale: drop the part */
          continue;
        }
        pt += k;
        if (s->ring_touch)
          s->ring_touch[rg] = src->ring_touch[r];
        s->ring_point[++rg] = pt;
      }
      if (rg > first_ring)
        s->part_ring[++pa] = rg;
    }
    guint main = src->feature_part[f] < src->feature_part[f + 1] ? geo_shapes_main_part(src, f) : 0;
    gboolean keep = vanished == GEO_VANISHED_KEEP ||
                    (vanished == GEO_VANISHED_KEEP_ISLANDS &&
                     (src->ring_touch == NULL || !src->ring_touch[src->part_ring[main]]));
    if (keep && pa == s->feature_part[i] && src->feature_part[f] < src->feature_part[f + 1]) {
      /* Every part vanished at this scale: keep the main part's bounding
       * box, so the district still shows (as a dot) and can be labelled.
       * (There is room: the vanished rings had at least 3 points each.) */
      guint p = main;
      double bb[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
      guint r = src->part_ring[p];
      for (guint q = src->ring_point[r]; q < src->ring_point[r + 1]; q++) {
        bb[0] = MIN(bb[0], src->xy[2 * q]);
        bb[1] = MIN(bb[1], src->xy[2 * q + 1]);
        bb[2] = MAX(bb[2], src->xy[2 * q]);
        bb[3] = MAX(bb[3], src->xy[2 * q + 1]);
      }
      double box[8] = {bb[0], bb[1], bb[2], bb[1], bb[2], bb[3], bb[0], bb[3]};
      guint k = MIN(4, src->ring_point[r + 1] - src->ring_point[r]);
      memcpy(s->xy + 2 * pt, box, sizeof(double) * 2 * k);
      pt += k;
      if (s->ring_touch)
        s->ring_touch[rg] = src->ring_touch[r];
      s->ring_point[++rg] = pt;
      s->part_ring[++pa] = rg;
    }
    s->feature_part[i + 1] = pa;
  }
  s->n_points = pt;
  s->n_rings = rg;
  s->n_parts = pa;
  if (proj != NULL && !geo_proj_forward(proj, s->xy, pt, error)) {
    geo_shapes_free(s);
    return NULL;
  }
  geo_shapes_update_bbox(s);
  return s;
}
