/* render-map-path.c — map geometry into cairo paths: rings clipped to the
 * frame, features with shells and holes wound for the non-zero rule, specks
 * dropped or dotted, a group's outline as open lines along the edges its
 * districts do not share, and the typical district size that decides line
 * widths.  Nothing here chooses a colour or strokes: callers do. */
#include "render-private.h"

#include <math.h>
#include <string.h>

/* Clips a closed polygon (n page points in `in`) to the half-plane
 * `side` of an axis-aligned line; writes to `out`, returns its count.
 * side: 0 x >= v, 1 x <= v, 2 y >= v, 3 y <= v. */
static guint
render_map_clip_edge(const double *in, guint n, double *out, int side, double v)
{
  guint k = 0;
  for (guint i = 0; i < n; i++) {
    const double *p = in + 2 * i, *q = in + 2 * ((i + 1) % n);
    double pv = side < 2 ? p[0] : p[1], qv = side < 2 ? q[0] : q[1];
    gboolean pin = (side % 2 == 0) ? pv >= v : pv <= v;
    gboolean qin = (side % 2 == 0) ? qv >= v : qv <= v;
    if (pin) {
      out[2 * k] = p[0];
      out[2 * k + 1] = p[1];
      k++;
    }
    if (pin != qin) {
      double t = (v - pv) / (qv - pv);
      out[2 * k] = side < 2 ? v : p[0] + t * (q[0] - p[0]);
      out[2 * k + 1] = side < 2 ? p[1] + t * (q[1] - p[1]) : v;
      k++;
    }
  }
  return k;
}

/* Adds ring r to the path, reversed when its orientation is not `ccw`.
 * With t->clip the ring is first clipped to t->box (Sutherland-Hodgman):
 * the part inside fills exactly as before, and what lies outside the
 * frame never reaches the PDF. */
static void
render_map_ring(cairo_t *cr, const GeoShapes *s, guint r, const RenderMapXf *t, gboolean ccw)
{
  guint a = s->ring_point[r], z = s->ring_point[r + 1], n = z - a;
  gboolean flip = (geo_shapes_ring_area(s, r) > 0) != ccw;
  double stack[2][2 * 64];
  double *buf[2] = {stack[0], stack[1]};
  gboolean heap = FALSE;
  /* Clipping a ring to a rectangle adds at most one point per edge. */
  if (n + 8 > 64) {
    buf[0] = g_new(double, 2 * (n + 8));
    buf[1] = g_new(double, 2 * (n + 8));
    heap = TRUE;
  }
  gboolean inside = TRUE;
  for (guint i = 0; i < n; i++) {
    guint src = flip ? z - 1 - i : a + i;
    render_map_xf(t, s->xy[2 * src], s->xy[2 * src + 1], &buf[0][2 * i], &buf[0][2 * i + 1]);
    if (t->clip && (buf[0][2 * i] < t->box[0] || buf[0][2 * i] > t->box[2] ||
                    buf[0][2 * i + 1] < t->box[1] || buf[0][2 * i + 1] > t->box[3]))
      inside = FALSE;
  }
  int cur = 0;
  if (!inside) {
    guint cap = heap ? n + 8 : 64; /* points each buffer holds */
    for (int side = 0; side < 4 && n > 0; side++) {
      /* A ring that zigzags across the line gains a point at each
       * excursion: room for two points per edge, the most a pass gives. */
      if (2 * n > cap) {
        cap = 2 * n;
        double *in = g_new(double, 2 * (gsize)cap), *out = g_new(double, 2 * (gsize)cap);
        memcpy(in, buf[cur], sizeof(double) * 2 * n);
        if (heap) {
          g_free(buf[0]);
          g_free(buf[1]);
        }
        buf[cur] = in;
        buf[1 - cur] = out;
        heap = TRUE;
      }
      n = render_map_clip_edge(buf[cur], n, buf[1 - cur], side,
                               t->box[side == 0   ? 0
                                      : side == 1 ? 2
                                      : side == 2 ? 1
                                                  : 3]);
      cur = 1 - cur;
    }
  }
  if (n >= 3) {
    const double *p = buf[cur];
    cairo_move_to(cr, p[0], p[1]);
    for (guint i = 1; i < n; i++)
      cairo_line_to(cr, p[2 * i], p[2 * i + 1]);
    cairo_close_path(cr);
  }
  if (heap) {
    g_free(buf[0]);
    g_free(buf[1]);
  }
}

/* Width and height of ring r on the page, in points. */
void
render_map_ring_size(const GeoShapes *s, guint r, const RenderMapXf *t, double *w, double *h,
                     double *cx, double *cy)
{
  double bb[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
  for (guint i = s->ring_point[r]; i < s->ring_point[r + 1]; i++) {
    bb[0] = MIN(bb[0], s->xy[2 * i]);
    bb[1] = MIN(bb[1], s->xy[2 * i + 1]);
    bb[2] = MAX(bb[2], s->xy[2 * i]);
    bb[3] = MAX(bb[3], s->xy[2 * i + 1]);
  }
  *w = (bb[2] - bb[0]) * t->s;
  *h = (bb[3] - bb[1]) * t->s;
  render_map_xf(t, (bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2, cx, cy);
}

void
render_map_path_feature(cairo_t *cr, const GeoShapes *s, guint f, const RenderMapXf *t)
{
  /* Islets and holes narrower than t->speck on the page would print as
   * specks that look like dirt: they are left out, except that an island
   * district whose every part is that small is drawn as a dot t->dot
   * wide, so it shows (and takes its colour) on purpose. */
  gboolean drawn = FALSE;
  double dot_size = -1, dot_x = 0, dot_y = 0;
  for (guint p = s->feature_part[f]; p < s->feature_part[f + 1]; p++)
    for (guint r = s->part_ring[p]; r < s->part_ring[p + 1]; r++) {
      /* Only islets go: a small district in a mosaic (its rings share
       * vertices with its neighbours) is drawn as it is, or a hole would
       * open among them.  So only islands are measured. */
      gboolean island = s->ring_touch == NULL || !s->ring_touch[r];
      double w = 0, h = 0, cx = 0, cy = 0;
      if (t->speck > 0 && island)
        render_map_ring_size(s, r, t, &w, &h, &cx, &cy);
      if (t->speck > 0 && island && MAX(w, h) < t->speck) {
        if (r == s->part_ring[p]) {
          if (w * h > dot_size) {
            dot_size = w * h;
            dot_x = cx;
            dot_y = cy;
          }
          break; /* the part's holes go with it */
        }
        continue;
      }
      render_map_ring(cr, s, r, t, r == s->part_ring[p]);
      drawn = TRUE;
    }
  if (!drawn && dot_size >= 0 && t->dot > 0) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, dot_x, dot_y, t->dot / 2, 0, 2 * G_PI);
    cairo_close_path(cr);
  }
}

static int
render_map_cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

RenderEdge
render_edge_make(const double *p, const double *q)
{
  RenderEdge e;
  gboolean swap = p[0] > q[0] || (p[0] == q[0] && p[1] > q[1]);
  memcpy(e.a, swap ? q : p, sizeof e.a);
  memcpy(e.b, swap ? p : q, sizeof e.b);
  return e;
}

guint
render_edge_hash(gconstpointer k)
{
  const RenderEdge *e = k;
  guint64 h = 1469598103934665603ull;
  const unsigned char *b = (const unsigned char *)e;
  for (gsize i = 0; i < sizeof *e; i++)
    h = (h ^ b[i]) * 1099511628211ull;
  return (guint)(h ^ (h >> 32));
}

gboolean
render_edge_equal(gconstpointer x, gconstpointer y)
{
  return memcmp(x, y, sizeof(RenderEdge)) == 0;
}

int
render_edge_cmp(gconstpointer x, gconstpointer y)
{
  const double *a = x, *b = y;
  for (int i = 0; i < 4; i++)
    if (a[i] != b[i])
      return a[i] < b[i] ? -1 : 1;
  return 0;
}

/* Adds the outline of features idx[0..n) of `s` (NULL: all) to the path as
 * open lines: the ring edges that no other of their rings also has
 * (simplification keeps shared borders identical, so a border between two
 * districts cancels).  Islets (rings sharing no vertex) narrower than
 * `min_pt` on the page are left out. */
void
render_map_path_outline(cairo_t *cr, const GeoShapes *s, const guint *idx, guint n,
                        const RenderMapXf *t, double min_pt, const RenderLandMask *land)
{
  GHashTable *count = g_hash_table_new_full(render_edge_hash, render_edge_equal, g_free, NULL);
  gboolean *keep = g_new0(gboolean, MAX(s->n_rings, 1));
  for (guint i = 0; i < (idx ? n : s->n_features); i++) {
    guint f = idx ? idx[i] : i;
    for (guint p = s->feature_part[f]; p < s->feature_part[f + 1]; p++)
      for (guint r = s->part_ring[p]; r < s->part_ring[p + 1]; r++) {
        gboolean island = s->ring_touch == NULL || !s->ring_touch[r];
        double w = 0, h = 0, cx, cy;
        if (island)
          render_map_ring_size(s, r, t, &w, &h, &cx, &cy);
        if (island && MAX(w, h) < min_pt) {
          if (r == s->part_ring[p])
            break;
          continue;
        }
        keep[r] = TRUE;
        guint a = s->ring_point[r], z = s->ring_point[r + 1];
        for (guint v = a; v < z; v++) {
          RenderEdge e = render_edge_make(&s->xy[2 * v], &s->xy[2 * (v + 1 == z ? a : v + 1)]);
          gpointer old = NULL;
          if (g_hash_table_lookup_extended(count, &e, NULL, &old))
            g_hash_table_insert(count, g_memdup2(&e, sizeof e),
                                GUINT_TO_POINTER(GPOINTER_TO_UINT(old) + 1));
          else
            g_hash_table_insert(count, g_memdup2(&e, sizeof e), GUINT_TO_POINTER(1));
        }
      }
  }
  for (guint r = 0; r < s->n_rings; r++) {
    if (!keep[r])
      continue;
    guint a = s->ring_point[r], z = s->ring_point[r + 1], len = z - a;
    /* Start right after a shared edge so no run is split at the ring's
     * first point; a ring with no shared edge is drawn closed. */
    guint start = 0;
    gboolean any_shared = FALSE;
    for (guint k = 0; k < len; k++) {
      RenderEdge e = render_edge_make(&s->xy[2 * (a + k)], &s->xy[2 * (a + (k + 1) % len)]);
      if (GPOINTER_TO_UINT(g_hash_table_lookup(count, &e)) > 1) {
        start = (k + 1) % len;
        any_shared = TRUE;
        break;
      }
    }
    gboolean open = FALSE;
    for (guint k = 0; k < len; k++) {
      guint i = a + (start + k) % len, j = a + (start + k + 1) % len;
      RenderEdge e = render_edge_make(&s->xy[2 * i], &s->xy[2 * j]);
      gboolean outer = GPOINTER_TO_UINT(g_hash_table_lookup(count, &e)) == 1;
      double x, y;
      if (outer && land) {
        /* Only where the outline runs along land, not the coast. */
        double x1, y1;
        render_map_xf(t, s->xy[2 * i], s->xy[2 * i + 1], &x, &y);
        render_map_xf(t, s->xy[2 * j], s->xy[2 * j + 1], &x1, &y1);
        render_land_mask_segment(cr, land, x, y, x1, y1, &open);
        continue;
      }
      if (outer && !open) {
        render_map_xf(t, s->xy[2 * i], s->xy[2 * i + 1], &x, &y);
        cairo_move_to(cr, x, y);
        open = TRUE;
      }
      if (outer) {
        render_map_xf(t, s->xy[2 * j], s->xy[2 * j + 1], &x, &y);
        cairo_line_to(cr, x, y);
      } else {
        open = FALSE;
      }
    }
    if (!any_shared && !land)
      cairo_close_path(cr);
  }
  g_free(keep);
  g_hash_table_destroy(count);
}

/* The median size (square root of the bounding box's area) of the
 * features of `s` on the page, in points. */
double
render_map_typical_size(const GeoShapes *s, const RenderMapXf *t)
{
  if (s->n_features == 0)
    return 0;
  double *size = g_new(double, s->n_features);
  guint n = 0;
  for (guint f = 0; f < s->n_features; f++) {
    const double *b = &s->bbox[4 * f];
    if (!isnan(b[0]))
      size[n++] = sqrt((b[2] - b[0]) * (b[3] - b[1])) * t->s;
  }
  double med = 0;
  if (n > 0) {
    qsort(size, n, sizeof(double), render_map_cmp_double);
    med = size[n / 2];
  }
  g_free(size);
  return med;
}
