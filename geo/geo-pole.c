/* geo-pole.c — the pole of inaccessibility of a polygon part: the interior
 * point farthest from any edge, where a label sits best.  A centroid can
 * fall outside a crescent or an archipelago; this point cannot.
 *
 * Method: cover the part's bounding box with square cells; keep a max-heap
 * of cells ordered by the best distance any point in them could have
 * (distance of the centre + half-diagonal); split the most promising cell
 * into four until no cell can beat the best found by more than `precision`.
 * Inside/outside uses the even-odd rule over all rings of the part, so it
 * gives sensible answers on self-intersecting rings too. */
#include "geo.h"

#include <float.h>
#include <math.h>

typedef struct {
  double x, y, h; /* centre and half size */
  double d;       /* signed distance of the centre to the part's edges */
  double max;     /* best possible distance inside the cell */
} GeoPoleCell;

/* Signed distance from (x, y) to the edges of part p: positive inside. */
static double
geo_pole_distance(const GeoShapes *s, guint p, double x, double y)
{
  gboolean inside = FALSE;
  double best = DBL_MAX;
  for (guint r = s->part_ring[p]; r < s->part_ring[p + 1]; r++) {
    guint a = s->ring_point[r], z = s->ring_point[r + 1];
    for (guint i = a, j = z - 1; i < z; j = i++) {
      double ax = s->xy[2 * i], ay = s->xy[2 * i + 1];
      double bx = s->xy[2 * j], by = s->xy[2 * j + 1];
      if ((ay > y) != (by > y) && x < (bx - ax) * (y - ay) / (by - ay) + ax)
        inside = !inside;
      /* Squared distance to segment a-b. */
      double dx = bx - ax, dy = by - ay, px = ax, py = ay;
      double len2 = dx * dx + dy * dy;
      if (len2 > 0) {
        double t = ((x - ax) * dx + (y - ay) * dy) / len2;
        if (t > 1) {
          px = bx;
          py = by;
        } else if (t > 0) {
          px = ax + dx * t;
          py = ay + dy * t;
        }
      }
      double d2 = (x - px) * (x - px) + (y - py) * (y - py);
      if (d2 < best)
        best = d2;
    }
  }
  return (inside ? 1 : -1) * sqrt(best);
}

static GeoPoleCell
geo_pole_cell(const GeoShapes *s, guint p, double x, double y, double h)
{
  GeoPoleCell c = {x, y, h, geo_pole_distance(s, p, x, y), 0};
  c.max = c.d + h * G_SQRT2;
  return c;
}

/* Binary max-heap on GeoPoleCell.max. */
static void
geo_pole_heap_push(GArray *heap, GeoPoleCell c)
{
  g_array_append_val(heap, c);
  guint i = heap->len - 1;
  GeoPoleCell *h = (GeoPoleCell *)heap->data;
  while (i > 0) {
    guint parent = (i - 1) / 2;
    if (h[parent].max >= h[i].max)
      break;
    GeoPoleCell t = h[parent];
    h[parent] = h[i];
    h[i] = t;
    i = parent;
  }
}

static GeoPoleCell
geo_pole_heap_pop(GArray *heap)
{
  GeoPoleCell *h = (GeoPoleCell *)heap->data;
  GeoPoleCell top = h[0];
  h[0] = h[heap->len - 1];
  g_array_set_size(heap, heap->len - 1);
  h = (GeoPoleCell *)heap->data;
  guint i = 0, n = heap->len;
  for (;;) {
    guint l = 2 * i + 1, r = l + 1, m = i;
    if (l < n && h[l].max > h[m].max)
      m = l;
    if (r < n && h[r].max > h[m].max)
      m = r;
    if (m == i)
      break;
    GeoPoleCell t = h[m];
    h[m] = h[i];
    h[i] = t;
    i = m;
  }
  return top;
}

double
geo_shapes_pole(const GeoShapes *s, guint p, double precision, double *x, double *y)
{
  guint shell = s->part_ring[p];
  guint a = s->ring_point[shell], z = s->ring_point[shell + 1];
  double minx = INFINITY, miny = INFINITY, maxx = -INFINITY, maxy = -INFINITY;
  for (guint i = a; i < z; i++) {
    minx = MIN(minx, s->xy[2 * i]);
    maxx = MAX(maxx, s->xy[2 * i]);
    miny = MIN(miny, s->xy[2 * i + 1]);
    maxy = MAX(maxy, s->xy[2 * i + 1]);
  }
  double w = maxx - minx, hgt = maxy - miny;
  double cell = MIN(w, hgt);
  *x = (minx + maxx) / 2;
  *y = (miny + maxy) / 2;
  if (!(cell > 0))
    return 0;
  if (precision <= 0)
    precision = cell / 100;

  GArray *heap = g_array_new(FALSE, FALSE, sizeof(GeoPoleCell));
  double h = cell / 2;
  for (double cx = minx; cx < maxx; cx += cell)
    for (double cy = miny; cy < maxy; cy += cell)
      geo_pole_heap_push(heap, geo_pole_cell(s, p, cx + h, cy + h, h));

  /* Start from the bbox centre, and from the shell's area centroid when it
   * is inside (it often is, and it is a good first guess). */
  GeoPoleCell best = geo_pole_cell(s, p, *x, *y, 0);
  double cxs = 0, cys = 0, a2 = 0;
  for (guint i = a, j = z - 1; i < z; j = i++) {
    double f = s->xy[2 * j] * s->xy[2 * i + 1] - s->xy[2 * i] * s->xy[2 * j + 1];
    cxs += (s->xy[2 * j] + s->xy[2 * i]) * f;
    cys += (s->xy[2 * j + 1] + s->xy[2 * i + 1]) * f;
    a2 += f;
  }
  if (a2 != 0) {
    GeoPoleCell c = geo_pole_cell(s, p, cxs / (3 * a2), cys / (3 * a2), 0);
    if (c.d > best.d)
      best = c;
  }

  guint budget = 20000; /* bounds the work on pathological rings */
  while (heap->len > 0 && budget-- > 0) {
    GeoPoleCell c = geo_pole_heap_pop(heap);
    if (c.d > best.d)
      best = c;
    if (c.max - best.d <= precision)
      continue;
    double hh = c.h / 2;
    geo_pole_heap_push(heap, geo_pole_cell(s, p, c.x - hh, c.y - hh, hh));
    geo_pole_heap_push(heap, geo_pole_cell(s, p, c.x + hh, c.y - hh, hh));
    geo_pole_heap_push(heap, geo_pole_cell(s, p, c.x - hh, c.y + hh, hh));
    geo_pole_heap_push(heap, geo_pole_cell(s, p, c.x + hh, c.y + hh, hh));
  }
  g_array_free(heap, TRUE);
  *x = best.x;
  *y = best.y;
  return best.d;
}
