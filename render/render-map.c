/* render-map.c — the map frame: sea, countries and neighbouring districts
 * in grey, the group's districts filled by class, outlines, the group's
 * border heavier than district lines, reinforcement priorities outlined,
 * proportional circles when asked for, and district names where they fit.
 *
 * Geometry is projected per map (the UTM zone of the group's centre, or a
 * national Mercator for the overview) and thinned to the page's resolution
 * before drawing.  Fills use the non-zero winding rule with shells turned
 * one way and holes the other, collected into one path per class: nested
 * shells, self-intersecting rings and islands in lakes all fill as their
 * author meant, whatever ring order or orientation the source had. */
#include "render-private.h"

#include <math.h>
#include <string.h>

/* Typical district sizes (layout points) below which district lines thin
 * to a hairline, and below which they are left out. */
#define RENDER_MAP_THIN_LINES_PT 8.0
#define RENDER_MAP_NO_LINES_PT 3.0
/* Sheets with more districts than this get no leader lines to numbers
 * placed away from their district: a cloud of leaders reads as noise. */
#define RENDER_MAP_MAX_LEADERS 150

/* Colours of the map frame. */
static const GeoRgb render_map_sea = {0.933, 0.961, 0.980}; /* #eef5fa, L* 96 */
const GeoRgb render_map_land_colour = {0.894, 0.894, 0.882}; /* #e4e4e1, L* 90 */
static const GeoRgb render_map_land_line = {0.62, 0.62, 0.62}; /* coast and borders */
static const GeoRgb render_map_line = {0.28, 0.28, 0.28};

static inline void
render_map_xf(const RenderMapXf *t, double x, double y, double *px, double *py)
{
  *px = t->ox + (x - t->cx) * t->s;
  *py = t->oy - (y - t->cy) * t->s;
}

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
      n = render_map_clip_edge(buf[cur], n, buf[1 - cur], side, t->box[side == 0 ? 0 : side == 1 ? 2 : side == 2 ? 1 : 3]);
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
static void
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

/* An edge between two points, the same whichever way it is walked. */
typedef struct {
  double a[2], b[2];
} RenderEdge;

static RenderEdge
render_edge_make(const double *p, const double *q)
{
  RenderEdge e;
  gboolean swap = p[0] > q[0] || (p[0] == q[0] && p[1] > q[1]);
  memcpy(e.a, swap ? q : p, sizeof e.a);
  memcpy(e.b, swap ? p : q, sizeof e.b);
  return e;
}

static guint
render_edge_hash(gconstpointer k)
{
  const RenderEdge *e = k;
  guint64 h = 1469598103934665603ull;
  const unsigned char *b = (const unsigned char *)e;
  for (gsize i = 0; i < sizeof *e; i++)
    h = (h ^ b[i]) * 1099511628211ull;
  return (guint)(h ^ (h >> 32));
}

static gboolean
render_edge_equal(gconstpointer x, gconstpointer y)
{
  return memcmp(x, y, sizeof(RenderEdge)) == 0;
}

/* Adds the outline of features idx[0..n) of `s` (NULL: all) to the path as
 * open lines: the ring edges that no other of their rings also has
 * (simplification keeps shared borders identical, so a border between two
 * districts cancels).  Islets (rings sharing no vertex) narrower than
 * `min_pt` on the page are left out. */
static void
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
      for (guint i = a; i < z; i++) {
        RenderEdge e = render_edge_make(&s->xy[2 * i], &s->xy[2 * (i + 1 == z ? a : i + 1)]);
        gpointer old = NULL;
        if (g_hash_table_lookup_extended(count, &e, NULL, &old))
          g_hash_table_insert(count, g_memdup2(&e, sizeof e), GUINT_TO_POINTER(GPOINTER_TO_UINT(old) + 1));
        else
          g_hash_table_insert(count, g_memdup2(&e, sizeof e), GUINT_TO_POINTER(1));
      }
    }
  }
  for (guint r = 0; r < s->n_rings; r++) {
    if (!keep[r])
      continue;
    guint a = s->ring_point[r], z = s->ring_point[r + 1], n = z - a;
    /* Start right after a shared edge so no run is split at the ring's
     * first point; a ring with no shared edge is drawn closed. */
    guint start = 0;
    gboolean any_shared = FALSE;
    for (guint k = 0; k < n; k++) {
      RenderEdge e = render_edge_make(&s->xy[2 * (a + k)], &s->xy[2 * (a + (k + 1) % n)]);
      if (GPOINTER_TO_UINT(g_hash_table_lookup(count, &e)) > 1) {
        start = (k + 1) % n;
        any_shared = TRUE;
        break;
      }
    }
    gboolean open = FALSE;
    for (guint k = 0; k < n; k++) {
      guint i = a + (start + k) % n, j = a + (start + k + 1) % n;
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
static double
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

/* Draws every feature of `s` as grey land with light borders `line` wide:
 * countries around and neighbouring districts. */
static void
render_map_grey(cairo_t *cr, const GeoShapes *s, const RenderMapXf *t, double line)
{
  for (guint f = 0; f < s->n_features; f++)
    render_map_path_feature(cr, s, f, t);
  render_set_rgb(cr, render_map_land_colour);
  /* Tiny neighbours (villages) get no lines: they would grey the land. */
  double typical = render_map_typical_size(s, t);
  if (typical < RENDER_MAP_NO_LINES_PT) {
    cairo_fill(cr);
    return;
  }
  if (typical < RENDER_MAP_THIN_LINES_PT)
    line = MIN(line, 0.1);
  cairo_fill_preserve(cr);
  render_set_rgb(cr, render_map_land_line);
  cairo_set_line_width(cr, line);
  cairo_stroke(cr);
}

/* Features of `s` whose bbox meets `bb`, excluding those flagged in
 * `skip` (may be NULL).  Caller frees with g_array_unref. */
static GArray *
render_map_select(const GeoShapes *s, const double bb[4], const gboolean *skip)
{
  GArray *out = g_array_new(FALSE, FALSE, sizeof(guint));
  for (guint f = 0; f < s->n_features; f++) {
    const double *b = &s->bbox[4 * f];
    if ((skip && skip[f]) || isnan(b[0]))
      continue;
    if (b[2] < bb[0] || b[0] > bb[2] || b[3] < bb[1] || b[1] > bb[3])
      continue;
    g_array_append_val(out, f);
  }
  return out;
}

/* "Kabupaten Kupang" -> "Kupang"; "Kota Administrasi Jakarta Timur" ->
 * "Jakarta Timur"; "Kota Kupang" stays.  Caller frees. */
static char *
render_map_label_text(const char *name)
{
  static const char *drop[] = {"Kabupaten Administrasi ", "Kabupaten ", "Kab. ",
                               "Kota Administrasi ", "Kota Adm. "};
  for (guint i = 0; i < G_N_ELEMENTS(drop); i++)
    if (g_str_has_prefix(name, drop[i]))
      return g_strdup(name + strlen(drop[i]));
  return g_strdup(name);
}

typedef struct {
  guint feature; /* index in the projected set */
  double x, y, d; /* pole in page points and its clearance */
} RenderLabelCandidate;

static int
render_map_cmp_candidate(gconstpointer a, gconstpointer b)
{
  const RenderLabelCandidate *ca = a, *cb = b;
  if (ca->d != cb->d)
    return ca->d < cb->d ? 1 : -1;
  return ca->feature < cb->feature ? -1 : ca->feature > cb->feature;
}

void
render_map_reserved(RenderRect f, RenderRect out[3])
{
  out[0] = (RenderRect){f.x, f.y + f.h - 34, f.w * 0.28 + 56, 34};    /* scale bar */
  out[1] = (RenderRect){f.x + f.w - 40, f.y, 40, 50};                 /* north arrow */
  out[2] = (RenderRect){f.x + f.w - 190, f.y + f.h - 16, 190, 16};    /* projection */
}

/* The label space is indexed by a grid of RENDER_LABEL_CELL_PT cells, so
 * a candidate is compared with the boxes near it only. */
#define RENDER_LABEL_CELL_PT 24.0

void
render_label_space_init(RenderLabelSpace *sp, RenderRect frame)
{
  sp->boxes = g_array_new(FALSE, FALSE, sizeof(RenderBox));
  sp->frame = frame;
  sp->grid = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free,
                                   (GDestroyNotify)g_array_unref);
}

void
render_label_space_clear(RenderLabelSpace *sp)
{
  g_clear_pointer(&sp->boxes, g_array_unref);
  g_clear_pointer(&sp->grid, g_hash_table_destroy);
}

/* The cells b covers: [*c0, *c1] x [*r0, *r1]. */
static void
render_label_cells(const RenderLabelSpace *sp, RenderBox b, gint64 *c0, gint64 *c1, gint64 *r0,
                   gint64 *r1)
{
  *c0 = (gint64)floor((b.x0 - sp->frame.x) / RENDER_LABEL_CELL_PT);
  *c1 = (gint64)floor((b.x1 - sp->frame.x) / RENDER_LABEL_CELL_PT);
  *r0 = (gint64)floor((b.y0 - sp->frame.y) / RENDER_LABEL_CELL_PT);
  *r1 = (gint64)floor((b.y1 - sp->frame.y) / RENDER_LABEL_CELL_PT);
}

gboolean
render_label_space_fits(const RenderLabelSpace *sp, RenderBox b)
{
  const RenderRect *f = &sp->frame;
  if (b.x0 < f->x + 1 || b.y0 < f->y + 1 || b.x1 > f->x + f->w - 1 || b.y1 > f->y + f->h - 1)
    return FALSE;
  gint64 c0, c1, r0, r1;
  render_label_cells(sp, b, &c0, &c1, &r0, &r1);
  for (gint64 r = r0; r <= r1; r++)
    for (gint64 c = c0; c <= c1; c++) {
      gint64 key = (gint64)(((guint64)r << 32) ^ ((guint64)c & 0xffffffff));
      GArray *in = g_hash_table_lookup(sp->grid, &key);
      for (guint k = 0; in && k < in->len; k++) {
        const RenderBox *o = &g_array_index(sp->boxes, RenderBox, g_array_index(in, guint, k));
        if (!(b.x1 <= o->x0 || b.x0 >= o->x1 || b.y1 <= o->y0 || b.y0 >= o->y1))
          return FALSE;
      }
    }
  return TRUE;
}

void
render_label_space_take(RenderLabelSpace *sp, RenderBox b)
{
  guint index = sp->boxes->len;
  g_array_append_val(sp->boxes, b);
  gint64 c0, c1, r0, r1;
  render_label_cells(sp, b, &c0, &c1, &r0, &r1);
  for (gint64 r = r0; r <= r1; r++)
    for (gint64 c = c0; c <= c1; c++) {
      gint64 key = (gint64)(((guint64)r << 32) ^ ((guint64)c & 0xffffffff));
      GArray *in = g_hash_table_lookup(sp->grid, &key);
      if (in == NULL) {
        in = g_array_new(FALSE, FALSE, sizeof(guint));
        g_hash_table_insert(sp->grid, g_memdup2(&key, sizeof key), in);
      }
      g_array_append_val(in, index);
    }
}

/* Draws a district number in a small white disc, centred at (x, y). */
static void
render_map_number(cairo_t *cr, const char *text, double size, double x, double y)
{
  double w, h;
  render_text_size(cr, text, size, TRUE, &w, &h);
  cairo_save(cr);
  cairo_new_path(cr);
  cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
  cairo_arc(cr, x, y, MAX(w, h * 0.8) / 2 + 0.8, 0, 2 * G_PI);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
  cairo_set_line_width(cr, 0.4);
  cairo_stroke(cr);
  render_text(cr, text, size, TRUE, x, y - h / 2, 0, RENDER_ALIGN_CENTER);
  cairo_restore(cr);
}

/* Every district of the sheet gets a label on its main part: its name at
 * the pole of inaccessibility when the name fits there without touching
 * another label, else its number in the ranked table — at the pole, or
 * nearby with a short leader line when the pole is crowded.  Labels never
 * overlap each other, what `sp` holds already (the reserved corners,
 * graticule labels) or the frame's edge; they are added to `sp`.  Returns
 * the number of districts that could not be labelled (0 in practice;
 * counted so that nothing is lost silently). */
static guint
render_map_labels(cairo_t *cr, const RenderModel *m, const RenderGroup *g, const GeoShapes *gs,
                  const RenderMapXf *t, RenderLabelSpace *sp)
{
  /* Sizes grow faster than the page on posters (render-page.c). */
  const double size = render_page_of(m)->label_size, nsize = render_page_of(m)->number_size;
  GArray *cand = g_array_new(FALSE, FALSE, sizeof(RenderLabelCandidate));
  for (guint i = 0; i < gs->n_features; i++) {
    if (gs->feature_part[i] == gs->feature_part[i + 1])
      continue; /* vanished at this scale: numbered below from its bbox */
    guint p = geo_shapes_main_part(gs, i);
    double x, y;
    double d = geo_shapes_pole(gs, p, 0.5 / t->s, &x, &y);
    RenderLabelCandidate c = {i, 0, 0, d * t->s};
    render_map_xf(t, x, y, &c.x, &c.y);
    g_array_append_val(cand, c);
  }
  g_array_sort(cand, render_map_cmp_candidate);

  /* Rank of each feature of the set, as numbered in the table. */
  guint *order = render_table_order(m, g);
  guint *rank = g_new0(guint, MAX(g->n_features, 1));
  g_autoptr(GHashTable) pos = g_hash_table_new(g_direct_hash, g_direct_equal);
  for (guint i = 0; i < g->n_features; i++)
    g_hash_table_insert(pos, GUINT_TO_POINTER(g->features[i]), GUINT_TO_POINTER(i + 1));
  for (guint r = 0; r < g->n_features; r++) {
    guint i = GPOINTER_TO_UINT(g_hash_table_lookup(pos, GUINT_TO_POINTER(order[r])));
    if (i > 0)
      rank[i - 1] = r + 1;
  }
  g_free(order);

  gboolean *done = g_new0(gboolean, MAX(gs->n_features, 1));

  /* Pass 1: names, most room first. */
  for (guint i = 0; i < cand->len; i++) {
    const RenderLabelCandidate *c = &g_array_index(cand, RenderLabelCandidate, i);
    g_autofree char *text = render_map_label_text(m->layer->features[g->features[c->feature]].name);
    double w, h;
    render_text_size(cr, text, size, FALSE, &w, &h);
    /* The name may reach past the inscribed circle a little, not far. */
    if (w / 2 > c->d * 1.6 + 4 || h / 2 > c->d + 2)
      continue;
    RenderBox b = {c->x - w / 2 - 1, c->y - h / 2, c->x + w / 2 + 1, c->y + h / 2};
    if (!render_label_space_fits(sp, b))
      continue;
    render_label_space_take(sp, b);
    render_text_halo(cr, text, size, c->x, c->y);
    done[c->feature] = TRUE;
  }

  /* Pass 2: numbers for the rest, at the pole or on rings around it. */
  guint lost = 0;
  for (guint i = 0; i < cand->len; i++) {
    const RenderLabelCandidate *c = &g_array_index(cand, RenderLabelCandidate, i);
    if (done[c->feature])
      continue;
    g_autofree char *num = g_strdup_printf("%u", rank[c->feature]);
    double w, h;
    render_text_size(cr, num, nsize, TRUE, &w, &h);
    double r0 = MAX(w, h * 0.8) / 2 + 1.2;
    gboolean placed = FALSE;
    /* A crowded sheet (villages) numbers only districts that hold their
     * disc: numbers spilling over their neighbours, or on leaders, would
     * hide the map; the rest are in the table and counted on the map. */
    gboolean crowded = cand->len > RENDER_MAP_MAX_LEADERS;
    if (crowded && c->d < r0 * 0.8) {
      lost++;
      continue;
    }
    int rings = crowded ? 0 : 10;
    for (int ring = 0; ring <= rings && !placed; ring++) {
      double dist = ring == 0 ? 0 : 5 + ring * 5.0;
      int steps = ring == 0 ? 1 : 16;
      for (int k = 0; k < steps && !placed; k++) {
        double a = -G_PI / 4 + k * 2 * G_PI / steps;
        double x = c->x + dist * cos(a), y = c->y + dist * sin(a);
        RenderBox b = {x - r0, y - r0, x + r0, y + r0};
        if (!render_label_space_fits(sp, b))
          continue;
        render_label_space_take(sp, b);
        if (dist > 0) {
          /* Leader from the district to the edge of the disc. */
          cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
          cairo_set_line_width(cr, 0.4);
          cairo_new_path(cr);
          cairo_arc(cr, c->x, c->y, 0.9, 0, 2 * G_PI);
          cairo_fill(cr);
          cairo_move_to(cr, c->x, c->y);
          cairo_line_to(cr, x - (r0 - 1.2) * cos(a), y - (r0 - 1.2) * sin(a));
          cairo_stroke(cr);
        }
        render_map_number(cr, num, nsize, x, y);
        placed = TRUE;
      }
    }
    if (!placed)
      lost++;
  }
  g_free(done);
  g_free(rank);
  g_array_unref(cand);
  return lost;
}

void
render_map_info_clear(RenderMapInfo *info)
{
  g_clear_pointer(&info->proj_name, g_free);
}

gboolean
render_map_draw(cairo_t *cr, const RenderModel *m, const RenderGroup *g, RenderRect frame,
                gboolean labels, RenderMapInfo *info, GError **error)
{
  const GeoShapes *src = m->layer->shapes;
  guint n_sel = g ? g->n_features : src->n_features;
  guint *sel = g ? g->features : NULL;
  g_autofree guint *all = NULL;
  if (sel == NULL) {
    all = g_new(guint, MAX(n_sel, 1));
    for (guint i = 0; i < n_sel; i++)
      all[i] = i;
    sel = all;
  }
  double bb[4];
  if (!geo_shapes_extent(src, sel, n_sel, bb)) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "nothing to draw: no geometry");
    return FALSE;
  }
  double clon = (bb[0] + bb[2]) / 2, clat = (bb[1] + bb[3]) / 2;
  GeoProj *proj = g ? geo_proj_new_utm(clon, clat, error)
                    : geo_proj_new("+proj=merc +lon_0=118 +datum=WGS84 +units=m +no_defs +type=crs",
                                   error);
  if (proj == NULL)
    return FALSE;

  /* Estimate the scale from the lon/lat box to thin at page resolution. */
  double wm = (bb[2] - bb[0]) * 111320.0 * cos(clat * G_PI / 180), hm = (bb[3] - bb[1]) * 110574.0;
  double est = MIN(frame.w / MAX(wm, 1), frame.h / MAX(hm, 1));
  double tol = render_page_of(m)->resolution / est;

  gboolean ok = FALSE;
  GeoShapes *gs = geo_shapes_project(src, sel, n_sel, proj, tol,
                                     g ? GEO_VANISHED_KEEP : GEO_VANISHED_KEEP_ISLANDS, error);
  GeoShapes *ns = NULL, *cs = NULL;
  GArray *nsel = NULL, *csel = NULL;
  gboolean *in_group = NULL;
  if (gs == NULL)
    goto out;

  /* Exact extent and the page transform, with a little air around. */
  double ext[4];
  geo_shapes_extent(gs, NULL, gs->n_features, ext);
  RenderMapXf t = {.speck = render_page_of(m)->speck, .dot = render_page_of(m)->dot};
  t.cx = (ext[0] + ext[2]) / 2;
  t.cy = (ext[1] + ext[3]) / 2;
  t.s = MIN(frame.w / MAX((ext[2] - ext[0]) * 1.08, 1), frame.h / MAX((ext[3] - ext[1]) * 1.08, 1));
  t.ox = frame.x + frame.w / 2;
  t.oy = frame.y + frame.h / 2;
  /* Clip a little outside the frame so no clipped edge shows in strokes. */
  t.clip = TRUE;
  t.box[0] = frame.x - 4;
  t.box[1] = frame.y - 4;
  t.box[2] = frame.x + frame.w + 4;
  t.box[3] = frame.y + frame.h + 4;
  info->pt_per_m = t.s;
  info->proj_name = g ? g_strdup(geo_proj_get_name(proj))
                      : g_strdup(render_tr(m->lang, "Mercator WGS 84, meridian tengah 118° BT"));
  info->centre_lon = clon;
  info->centre_lat = clat;

  /* The visible lon/lat box, generously, for neighbours and context. */
  double vis_w = frame.w / t.s, vis_h = frame.h / t.s;
  double grow_lon = MAX(0, vis_w - (ext[2] - ext[0])) / 2 / (111320.0 * cos(clat * G_PI / 180));
  double grow_lat = MAX(0, vis_h - (ext[3] - ext[1])) / 2 / 110574.0;
  double vis[4] = {bb[0] - grow_lon * 1.2 - 0.2, bb[1] - grow_lat * 1.2 - 0.2,
                   bb[2] + grow_lon * 1.2 + 0.2, bb[3] + grow_lat * 1.2 + 0.2};

  cairo_save(cr);
  cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
  cairo_clip(cr);
  render_set_rgb(cr, render_map_sea);
  cairo_paint(cr);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);

  /* Context: countries around, then neighbouring districts, in grey. */
  if (m->context) {
    csel = render_map_select(m->context->shapes, vis, NULL);
    cs = geo_shapes_project(m->context->shapes, (guint *)csel->data, csel->len, proj, tol,
                            GEO_VANISHED_DROP, error);
    if (cs == NULL)
      goto unclip;
    render_map_grey(cr, cs, &t, 0.5);
  }
  if (g) {
    in_group = g_new0(gboolean, src->n_features);
    for (guint i = 0; i < g->n_features; i++)
      in_group[g->features[i]] = TRUE;
    nsel = render_map_select(src, vis, in_group);
    ns = geo_shapes_project(src, (guint *)nsel->data, nsel->len, proj, tol, GEO_VANISHED_DROP,
                            error);
    if (ns == NULL)
      goto unclip;
    render_map_grey(cr, ns, &t, 0.4);

    /* The group's border: a heavy stroke whose inner half the fills cover,
     * along the edges no two of its districts share (the outline) where
     * they run along a neighbouring district's land (render-borders.c):
     * the coast, and islands, keep only their district line; a heavy ring
     * round an islet would print as a dark blot. */
    const GeoShapes *near[1] = {ns};
    RenderLandMask *land = render_land_mask_new(frame, near, 1, &t, render_page_of(m)->group_line);
    render_map_path_outline(cr, gs, NULL, 0, &t, render_page_of(m)->border_min, land);
    render_land_mask_free(land);
    render_set_rgb(cr, render_map_line);
    cairo_set_line_width(cr, render_page_of(m)->group_line);
    cairo_stroke(cr);
  }

  /* District lines as wide as the districts allow: where the typical
   * district is only a few points across (kecamatan or villages on a
   * national map, villages on a province sheet) full-width lines would
   * darken the whole map, so they thin, and below RENDER_MAP_NO_LINES_PT
   * the classes are drawn as fills only. */
  double line = g ? render_page_of(m)->district_line : 0.15;
  double typical = render_map_typical_size(gs, &t);
  if (typical < RENDER_MAP_NO_LINES_PT)
    line = 0;
  else if (typical < RENDER_MAP_THIN_LINES_PT)
    line = MIN(line, 0.1);
  info->district_line = line;

  /* Fills, one path per class, then no data hatched. */
  const GeoStyle *st = m->style;
  for (int c = -1; c < (int)st->n_classes; c++) {
    gboolean any = FALSE;
    for (guint f = 0; f < gs->n_features; f++) {
      if (m->classes[sel[f]] != c)
        continue;
      render_map_path_feature(cr, gs, f, &t);
      any = TRUE;
    }
    if (!any)
      continue;
    render_class_source(cr, m, c);
    if (line <= 0) {
      cairo_fill(cr);
      continue;
    }
    cairo_fill_preserve(cr);
    /* District lines with the class's own path: each shared border is
     * stroked twice when its two sides differ, identically. */
    render_set_rgb(cr, render_map_line);
    cairo_set_line_width(cr, line);
    cairo_stroke(cr);
  }


  /* International borders over the fills: between countries, and where
   * a country meets the districts drawn. */
  if (cs) {
    const GeoShapes *ours[2] = {gs, ns};
    render_borders_international(cr, cs, ours, 2, frame, &t, render_page_of(m)->group_line,
                                 render_page_of(m)->group_line * 0.45);
  }

  /* Reinforcement priorities outlined, then proportional circles, under
   * the labels. */
  if (g) {
    gboolean *flags = render_figures_priority_flags(m, g);
    render_figures_outline(cr, gs, flags, &t);
    g_free(flags);
  }
  if (m->symbols)
    render_symbols_draw(cr, m, gs, sel, &t, render_symbols_radius_max(g != NULL, n_sel),
                        render_symbols_max(m, sel, n_sel));

  /* What sits on the map, each kind avoiding the ones before: the
   * reserved corners, degree ticks, district labels, neighbours' names. */
  RenderLabelSpace sp;
  render_label_space_init(&sp, frame);
  RenderRect res[3];
  render_map_reserved(frame, res);
  for (guint k = 0; k < 3; k++)
    render_label_space_take(&sp, (RenderBox){res[k].x, res[k].y, res[k].x + res[k].w,
                                             res[k].y + res[k].h});
  if (m->graticule && !render_graticule_draw(cr, m, proj, &t, frame, vis, &sp, error)) {
    render_label_space_clear(&sp);
    goto unclip;
  }
  if (labels && g)
    info->unlabelled = render_map_labels(cr, m, g, gs, &t, &sp);
  if (labels || g == NULL)
    render_neighbours_draw(cr, m, ns, nsel ? (const guint *)nsel->data : NULL, cs,
                           csel ? (const guint *)csel->data : NULL, gs, &t, &sp);
  render_label_space_clear(&sp);
  ok = TRUE;

unclip:
  cairo_restore(cr);
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  cairo_set_line_width(cr, 0.6);
  cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
  cairo_stroke(cr);
out:
  if (nsel)
    g_array_unref(nsel);
  if (csel)
    g_array_unref(csel);
  g_free(in_group);
  geo_shapes_free(gs);
  geo_shapes_free(ns);
  geo_shapes_free(cs);
  geo_proj_free(proj);
  return ok;
}
