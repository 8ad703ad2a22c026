/* render-borders.c — which lines on the map are land borders: where the
 * group's heavy border runs (only along the land of neighbouring
 * districts, not along the coast, so islands do not turn into dark blots)
 * and where an international border runs (a country's edge shared with
 * another country, or lying along Indonesian land), drawn with its own
 * dash-dot symbol, distinct from the coastline.
 *
 * The boundaries of the districts and of the countries come from different
 * sources and never share points with each other, and a third of district
 * borders were digitised apart in the source itself: "along the land" is
 * decided on the page, not by shared vertices.  The land in question is
 * rasterised over the map frame (half a point a pixel), grown by a reach
 * of a point or two, and a line is cut into pieces no longer than a point,
 * each kept when its middle lies on that land. */
#include "render-private.h"

#include <math.h>
#include <string.h>

#define RENDER_BORDERS_PX 0.5    /* points per mask pixel */
#define RENDER_BORDERS_PIECE 1.0 /* longest piece tested on its own, points */

struct RenderLandMask {
  cairo_surface_t *surface; /* A8; >= 128 is land */
  int w, h, stride;
  RenderRect frame;
};

RenderLandMask *
render_land_mask_new(RenderRect frame, const GeoShapes *const *sets, guint n_sets,
                     const RenderMapXf *t, double reach)
{
  RenderLandMask *mk = g_new0(RenderLandMask, 1);
  mk->frame = frame;
  mk->w = MAX(1, (int)ceil(frame.w / RENDER_BORDERS_PX));
  mk->h = MAX(1, (int)ceil(frame.h / RENDER_BORDERS_PX));
  mk->surface = cairo_image_surface_create(CAIRO_FORMAT_A8, mk->w, mk->h);
  mk->stride = cairo_image_surface_get_stride(mk->surface);
  cairo_t *cr = cairo_create(mk->surface);
  cairo_scale(cr, 1 / RENDER_BORDERS_PX, 1 / RENDER_BORDERS_PX);
  cairo_translate(cr, -frame.x, -frame.y);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgba(cr, 0, 0, 0, 1);
  /* No specks left out here: an islet of the neighbour still is land. */
  RenderMapXf all = *t;
  all.speck = 0;
  all.dot = 0;
  for (guint k = 0; k < n_sets; k++) {
    const GeoShapes *s = sets[k];
    if (s == NULL)
      continue;
    for (guint f = 0; f < s->n_features; f++)
      render_map_path_feature(cr, s, f, &all);
    cairo_fill_preserve(cr);
    cairo_set_line_width(cr, 2 * reach);
    cairo_stroke(cr);
  }
  cairo_destroy(cr);
  cairo_surface_flush(mk->surface);
  return mk;
}

void
render_land_mask_free(RenderLandMask *mk)
{
  if (mk == NULL)
    return;
  cairo_surface_destroy(mk->surface);
  g_free(mk);
}

gboolean
render_land_mask_covers(const RenderLandMask *mk, double x, double y)
{
  int px = (int)floor((x - mk->frame.x) / RENDER_BORDERS_PX);
  int py = (int)floor((y - mk->frame.y) / RENDER_BORDERS_PX);
  if (px < 0 || py < 0 || px >= mk->w || py >= mk->h)
    return FALSE;
  const unsigned char *d = cairo_image_surface_get_data(mk->surface);
  return d[py * mk->stride + px] >= 128;
}

void
render_land_mask_segment(cairo_t *cr, const RenderLandMask *mk, double x0, double y0, double x1,
                         double y1, gboolean *open)
{
  double len = hypot(x1 - x0, y1 - y0);
  int n = MAX(1, (int)ceil(len / RENDER_BORDERS_PIECE));
  for (int i = 0; i < n; i++) {
    double a = (double)i / n, b = (double)(i + 1) / n, m = (a + b) / 2;
    if (!render_land_mask_covers(mk, x0 + m * (x1 - x0), y0 + m * (y1 - y0))) {
      *open = FALSE;
      continue;
    }
    if (!*open) {
      cairo_move_to(cr, x0 + a * (x1 - x0), y0 + a * (y1 - y0));
      *open = TRUE;
    }
    cairo_line_to(cr, x0 + b * (x1 - x0), y0 + b * (y1 - y0));
  }
}

/* An undirected edge by its end points' coordinates (map units). */
typedef struct {
  double a[2], b[2];
} RenderBorderEdge;

static RenderBorderEdge
render_borders_edge(const double *p, const double *q)
{
  RenderBorderEdge e;
  gboolean swap = p[0] > q[0] || (p[0] == q[0] && p[1] > q[1]);
  const double *lo = swap ? q : p, *hi = swap ? p : q;
  /* Fold -0.0 into 0.0 so equal points hash alike. */
  e.a[0] = lo[0] + 0.0;
  e.a[1] = lo[1] + 0.0;
  e.b[0] = hi[0] + 0.0;
  e.b[1] = hi[1] + 0.0;
  return e;
}

static guint
render_borders_edge_hash(gconstpointer p)
{
  const guint32 *w = p;
  guint h = 2166136261u;
  for (guint i = 0; i < sizeof(RenderBorderEdge) / 4; i++)
    h = (h ^ w[i]) * 16777619u;
  return h;
}

static gboolean
render_borders_edge_equal(gconstpointer x, gconstpointer y)
{
  return memcmp(x, y, sizeof(RenderBorderEdge)) == 0;
}

/* Counts every edge of every ring of sets[0..n) into `count`. */
static void
render_borders_count(GHashTable *count, const GeoShapes *const *sets, guint n_sets)
{
  for (guint k = 0; k < n_sets; k++) {
    const GeoShapes *s = sets[k];
    for (guint r = 0; s && r < s->n_rings; r++) {
      guint a = s->ring_point[r], z = s->ring_point[r + 1];
      for (guint i = a; i < z; i++) {
        RenderBorderEdge e =
            render_borders_edge(&s->xy[2 * i], &s->xy[2 * (i + 1 == z ? a : i + 1)]);
        guint old = GPOINTER_TO_UINT(g_hash_table_lookup(count, &e));
        g_hash_table_replace(count, g_memdup2(&e, sizeof e), GUINT_TO_POINTER(old + 1));
      }
    }
  }
}

static GHashTable *
render_borders_table(void)
{
  return g_hash_table_new_full(render_borders_edge_hash, render_borders_edge_equal, g_free, NULL);
}

cairo_path_t *
render_borders_underlay(cairo_t *cr, const GeoShapes *cs, const GeoShapes *const *ours,
                        guint n_ours, RenderRect frame, const RenderMapXf *t, double reach)
{
  if (cs == NULL || cs->n_rings == 0)
    return NULL;
  cairo_new_path(cr);
  /* Between two countries: the edges both have (Natural Earth's countries
   * share their border points), once each. */
  const GeoShapes *countries[1] = {cs};
  GHashTable *count = render_borders_table();
  render_borders_count(count, countries, 1);
  GHashTable *drawn = render_borders_table();
  for (guint r = 0; r < cs->n_rings; r++) {
    guint a = cs->ring_point[r], z = cs->ring_point[r + 1];
    gboolean open = FALSE;
    for (guint i = a; i < z; i++) {
      const double *p = &cs->xy[2 * i], *q = &cs->xy[2 * (i + 1 == z ? a : i + 1)];
      RenderBorderEdge e = render_borders_edge(p, q);
      if (GPOINTER_TO_UINT(g_hash_table_lookup(count, &e)) < 2 ||
          g_hash_table_contains(drawn, &e)) {
        open = FALSE;
        continue;
      }
      g_hash_table_add(drawn, g_memdup2(&e, sizeof e));
      double x0, y0, x1, y1;
      render_map_xf(t, p[0], p[1], &x0, &y0);
      render_map_xf(t, q[0], q[1], &x1, &y1);
      if (!open)
        cairo_move_to(cr, x0, y0);
      cairo_line_to(cr, x1, y1);
      open = TRUE;
    }
  }
  g_hash_table_destroy(drawn);
  g_hash_table_destroy(count);

  /* Between Indonesia and a country: the outer edges of the districts
   * drawn (those no two of them share) where they run along a country's
   * land, so the symbol follows the districts' own line. */
  RenderLandMask *land = render_land_mask_new(frame, countries, 1, t, reach);
  count = render_borders_table();
  render_borders_count(count, ours, n_ours);
  for (guint k = 0; k < n_ours; k++) {
    const GeoShapes *s = ours[k];
    for (guint r = 0; s && r < s->n_rings; r++) {
      guint a = s->ring_point[r], z = s->ring_point[r + 1];
      gboolean open = FALSE;
      for (guint i = a; i < z; i++) {
        const double *p = &s->xy[2 * i], *q = &s->xy[2 * (i + 1 == z ? a : i + 1)];
        RenderBorderEdge e = render_borders_edge(p, q);
        if (GPOINTER_TO_UINT(g_hash_table_lookup(count, &e)) != 1) {
          open = FALSE;
          continue;
        }
        double x0, y0, x1, y1;
        render_map_xf(t, p[0], p[1], &x0, &y0);
        render_map_xf(t, q[0], q[1], &x1, &y1);
        render_land_mask_segment(cr, land, x0, y0, x1, y1, &open);
      }
    }
  }
  g_hash_table_destroy(count);
  render_land_mask_free(land);

  /* Under the districts: the land's grey along the border, as wide as the
   * reach, closes the sea a coarser country outline leaves between it and
   * the districts (their fills cover the inner half). */
  cairo_path_t *path = cairo_copy_path(cr);
  cairo_save(cr);
  render_set_rgb(cr, render_land_colour);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width(cr, 2 * reach);
  cairo_stroke(cr);
  cairo_restore(cr);
  return path;
}

void
render_borders_symbol(cairo_t *cr, cairo_path_t *path, double width)
{
  if (path == NULL)
    return;
  cairo_new_path(cr);
  cairo_append_path(cr, path);
  /* The symbol: dash-dot in dark grey over a white casing, so it reads on
   * grey land and on every class colour, and differs from the coast (a
   * plain grey or district line) and the group's heavy border. */
  double dash[4] = {4.0 * width, 1.6 * width, 1.0 * width, 1.6 * width};
  cairo_save(cr);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_set_line_width(cr, width * 2.2);
  cairo_stroke_preserve(cr);
  cairo_set_dash(cr, dash, 4, 0);
  cairo_set_source_rgb(cr, 0.22, 0.22, 0.22);
  cairo_set_line_width(cr, width * 1.4);
  cairo_stroke(cr);
  cairo_restore(cr);
  cairo_path_destroy(path);
}
