/* render-graticule.c — degree ticks on the map frame (`--graticule`), so a
 * reader can give a position in latitude and longitude.
 *
 * The sheets are in UTM, where meridians and parallels are slightly curved
 * and tilted, so a tick is not placed by interpolating degrees along an
 * edge: each meridian and parallel is projected with the sheet's own PROJ
 * transform and the point where it crosses the frame edge is found (the
 * crossing segment is bisected 32 times, to far below a point).  Meridians are
 * ticked on the top and bottom edges, parallels on the left and right.
 * The interval is a round number of degrees or minutes giving at most six
 * ticks a side.  Labels sit just inside the frame ("8°LS", "122°BT";
 * "8°S", "122°E" in English) and take their room before district labels. */
#include "render-private.h"

#include <math.h>

/* Intervals in degrees, from 1′ to 10°. */
static const double render_graticule_steps[] = {
    1.0 / 60, 2.0 / 60, 5.0 / 60, 10.0 / 60, 15.0 / 60, 20.0 / 60, 30.0 / 60, 1, 2, 5, 10,
};

#define RENDER_GRATICULE_MAX_PER_SIDE 6
#define RENDER_GRATICULE_SAMPLES 96
#define RENDER_GRATICULE_TICK 4.0 /* tick length inside the frame, points */

/* Page position of (lon, lat).  FALSE with error when PROJ fails. */
static gboolean
render_graticule_page(GeoProj *proj, const RenderMapXf *t, double lon, double lat, double *px,
                      double *py, GError **error)
{
  double xy[2] = {lon, lat};
  if (!geo_proj_forward(proj, xy, 1, error))
    return FALSE;
  *px = t->ox + (xy[0] - t->cx) * t->s;
  *py = t->oy - (xy[1] - t->cy) * t->s;
  return TRUE;
}

/* The coordinate of the page point that is compared with an edge: y for a
 * meridian (crossing top/bottom), x for a parallel (left/right). */
static double
render_graticule_along(gboolean meridian, double px, double py)
{
  return meridian ? py : px;
}

/* Finds where the line `value` (a meridian when `meridian`, else a
 * parallel), sampled between `a` and `b` along its other coordinate,
 * crosses the page line `edge` (y for meridians, x for parallels); appends
 * a tick for each crossing whose other coordinate lies within [lo, hi].
 * With `refine` each crossing is bisected to full precision; without, it
 * is interpolated between samples (enough to count ticks). */
static gboolean
render_graticule_cross(GeoProj *proj, const RenderMapXf *t, gboolean meridian, double value,
                       double a, double b, double edge, RenderSide side, double lo, double hi,
                       gboolean refine, GArray *out, GError **error)
{
  const guint n = RENDER_GRATICULE_SAMPLES;
  double xy[2 * (RENDER_GRATICULE_SAMPLES + 1)];
  for (guint i = 0; i <= n; i++) {
    double u = a + (b - a) * i / n;
    xy[2 * i] = meridian ? value : u;
    xy[2 * i + 1] = meridian ? u : value;
  }
  if (!geo_proj_forward(proj, xy, n + 1, error))
    return FALSE;
  for (guint i = 0; i <= n; i++) {
    double px = t->ox + (xy[2 * i] - t->cx) * t->s, py = t->oy - (xy[2 * i + 1] - t->cy) * t->s;
    xy[2 * i] = px;
    xy[2 * i + 1] = py;
  }
  for (guint i = 0; i < n; i++) {
    double d0 = render_graticule_along(meridian, xy[2 * i], xy[2 * i + 1]) - edge;
    double d1 = render_graticule_along(meridian, xy[2 * i + 2], xy[2 * i + 3]) - edge;
    if (d0 == 0 && i > 0)
      continue; /* counted as the end of the previous segment */
    if ((d0 > 0) == (d1 > 0) && d1 != 0)
      continue;
    /* Bisect the parameter between the two samples. */
    double u0 = a + (b - a) * i / n, u1 = a + (b - a) * (i + 1) / n;
    double f = d1 == d0 ? 0 : d0 / (d0 - d1);
    double px = xy[2 * i] + f * (xy[2 * i + 2] - xy[2 * i]);
    double py = xy[2 * i + 1] + f * (xy[2 * i + 3] - xy[2 * i + 1]);
    for (int k = 0; refine && k < 32; k++) {
      double um = (u0 + u1) / 2;
      if (!render_graticule_page(proj, t, meridian ? value : um, meridian ? um : value, &px, &py,
                                 error))
        return FALSE;
      double dm = render_graticule_along(meridian, px, py) - edge;
      if ((dm > 0) == (d0 > 0)) {
        u0 = um;
        d0 = dm;
      } else {
        u1 = um;
      }
    }
    double pos = meridian ? px : py;
    if (pos < lo || pos > hi)
      continue;
    RenderTick tick = {side, pos, value};
    g_array_append_val(out, tick);
  }
  return TRUE;
}

static int
render_graticule_cmp(gconstpointer pa, gconstpointer pb)
{
  const RenderTick *a = pa, *b = pb;
  if (a->side != b->side)
    return a->side < b->side ? -1 : 1;
  return (a->pos > b->pos) - (a->pos < b->pos);
}

static GArray *
render_graticule_find(GeoProj *proj, const RenderMapXf *t, RenderRect frame, const double lonlat[4],
                      double step, gboolean refine, GError **error)
{
  GArray *out = g_array_new(FALSE, FALSE, sizeof(RenderTick));
  double x0 = frame.x, y0 = frame.y, x1 = frame.x + frame.w, y1 = frame.y + frame.h;
  /* Whole multiples of the step, counted in integers so that 6°30′ is
   * exactly 6.5 and nothing accumulates. */
  long k0 = (long)ceil(lonlat[0] / step - 1e-9), k1 = (long)floor(lonlat[2] / step + 1e-9);
  for (long k = k0; k <= k1; k++) {
    double lon = k * step;
    if (!render_graticule_cross(proj, t, TRUE, lon, lonlat[1], lonlat[3], y0, RENDER_SIDE_TOP, x0,
                                x1, refine, out, error) ||
        !render_graticule_cross(proj, t, TRUE, lon, lonlat[1], lonlat[3], y1, RENDER_SIDE_BOTTOM,
                                x0, x1, refine, out, error))
      goto fail;
  }
  k0 = (long)ceil(lonlat[1] / step - 1e-9);
  k1 = (long)floor(lonlat[3] / step + 1e-9);
  for (long k = k0; k <= k1; k++) {
    double lat = k * step;
    if (!render_graticule_cross(proj, t, FALSE, lat, lonlat[0], lonlat[2], x0, RENDER_SIDE_LEFT, y0,
                                y1, refine, out, error) ||
        !render_graticule_cross(proj, t, FALSE, lat, lonlat[0], lonlat[2], x1, RENDER_SIDE_RIGHT,
                                y0, y1, refine, out, error))
      goto fail;
  }
  g_array_sort(out, render_graticule_cmp);
  return out;
fail:
  g_array_unref(out);
  return NULL;
}

GArray *
render_graticule_ticks(GeoProj *proj, const RenderMapXf *t, RenderRect frame,
                       const double lonlat[4], double step, GError **error)
{
  return render_graticule_find(proj, t, frame, lonlat, step, TRUE, error);
}

double
render_graticule_step(GeoProj *proj, const RenderMapXf *t, RenderRect frame, const double lonlat[4])
{
  /* From the widest interval down: the last that keeps every side at six
   * ticks or fewer.  (Counting down stops before a fine interval would
   * make thousands of lines on a national map.) */
  double best = 0;
  for (int i = (int)G_N_ELEMENTS(render_graticule_steps) - 1; i >= 0; i--) {
    double step = render_graticule_steps[i];
    GArray *ticks = render_graticule_find(proj, t, frame, lonlat, step, FALSE, NULL);
    if (ticks == NULL)
      break;
    guint count[4] = {0};
    for (guint k = 0; k < ticks->len; k++)
      count[g_array_index(ticks, RenderTick, k).side]++;
    g_array_unref(ticks);
    guint most = MAX(MAX(count[0], count[1]), MAX(count[2], count[3]));
    if (most > RENDER_GRATICULE_MAX_PER_SIDE)
      break;
    best = step;
  }
  return best;
}

char *
render_graticule_label(RenderLang lang, double value, gboolean is_lon, double step)
{
  /* In whole minutes, so that 6.4999999 is 6°30′ and never 6°29′60″. */
  long minutes = lround(fabs(value) * 60);
  long deg = minutes / 60, min = minutes % 60;
  const char *hemi = "";
  if (minutes != 0)
    hemi = is_lon ? (value > 0 ? render_tr(lang, "BT") : render_tr(lang, "BB"))
                  : (value > 0 ? render_tr(lang, "LU") : render_tr(lang, "LS"));
  gboolean whole = step >= 1 - 1e-9 || min == 0;
  if (whole)
    return g_strdup_printf("%ld°%s", deg, hemi);
  return g_strdup_printf("%ld°%02ld′%s", deg, min, hemi);
}

GArray *
render_graticule_plan(GeoProj *proj, const RenderMapXf *t, RenderRect frame, const double lonlat[4],
                      double *step, GError **error)
{
  /* `lonlat` is the generous box of the map's context; widen it further so
   * every meridian and parallel crossing the frame is met. */
  double w = lonlat[2] - lonlat[0], h = lonlat[3] - lonlat[1];
  double box[4] = {lonlat[0] - 0.25 * w - 1, MAX(lonlat[1] - 0.25 * h - 1, -85),
                   lonlat[2] + 0.25 * w + 1, MIN(lonlat[3] + 0.25 * h + 1, 85)};
  *step = render_graticule_step(proj, t, frame, box);
  if (*step <= 0)
    return g_array_new(FALSE, FALSE, sizeof(RenderTick));
  return render_graticule_ticks(proj, t, frame, box, *step, error);
}

void
render_graticule_draw(cairo_t *cr, const RenderModel *m, const GArray *ticks, double step,
                      RenderRect frame, RenderLabelSpace *sp)
{
  if (ticks == NULL || ticks->len == 0)
    return;
  double x0 = frame.x, y0 = frame.y, x1 = frame.x + frame.w, y1 = frame.y + frame.h;
  const double tk = RENDER_GRATICULE_TICK;
  const double fs = render_page_of(m)->graticule_size;
  cairo_save(cr);
  cairo_set_line_width(cr, 0.6);
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  for (guint i = 0; i < ticks->len; i++) {
    const RenderTick *k = &g_array_index(ticks, RenderTick, i);
    switch (k->side) {
    case RENDER_SIDE_TOP:
      cairo_move_to(cr, k->pos, y0);
      cairo_line_to(cr, k->pos, y0 + tk);
      break;
    case RENDER_SIDE_BOTTOM:
      cairo_move_to(cr, k->pos, y1);
      cairo_line_to(cr, k->pos, y1 - tk);
      break;
    case RENDER_SIDE_LEFT:
      cairo_move_to(cr, x0, k->pos);
      cairo_line_to(cr, x0 + tk, k->pos);
      break;
    case RENDER_SIDE_RIGHT:
      cairo_move_to(cr, x1, k->pos);
      cairo_line_to(cr, x1 - tk, k->pos);
      break;
    }
  }
  cairo_stroke(cr);
  for (guint i = 0; i < ticks->len; i++) {
    const RenderTick *k = &g_array_index(ticks, RenderTick, i);
    gboolean is_lon = k->side == RENDER_SIDE_TOP || k->side == RENDER_SIDE_BOTTOM;
    g_autofree char *text = render_graticule_label(m->lang, k->value, is_lon, step);
    double tw, th;
    render_text_size(cr, text, fs, FALSE, &tw, &th);
    double cx, cy; /* the label's centre, just beyond the tick */
    switch (k->side) {
    case RENDER_SIDE_TOP: cx = k->pos, cy = y0 + tk + 0.5 + th / 2; break;
    case RENDER_SIDE_BOTTOM: cx = k->pos, cy = y1 - tk - 0.5 - th / 2; break;
    case RENDER_SIDE_LEFT: cx = x0 + tk + 1.5 + tw / 2, cy = k->pos; break;
    default: cx = x1 - tk - 1.5 - tw / 2, cy = k->pos; break;
    }
    RenderBox b = {cx - tw / 2 - 0.5, cy - th / 2, cx + tw / 2 + 0.5, cy + th / 2};
    /* Two degree labels side by side at a corner would read as one
     * ("1°LU 98°BT"): keep them well apart. */
    const double gap = 3;
    RenderBox room = {b.x0 - gap, b.y0 - gap, b.x1 + gap, b.y1 + gap};
    if (!render_label_space_fits(sp, b) || !render_label_space_fits(sp, room))
      continue; /* a corner is taken (scale bar, north arrow) or labels crowd */
    /* The label keeps its tick free too. */
    RenderBox taken = b;
    if (k->side == RENDER_SIDE_TOP)
      taken.y0 = y0;
    else if (k->side == RENDER_SIDE_BOTTOM)
      taken.y1 = y1;
    else if (k->side == RENDER_SIDE_LEFT)
      taken.x0 = x0;
    else
      taken.x1 = x1;
    render_label_space_take(sp, taken);
    render_text_halo(cr, text, fs, cx, cy);
  }
  cairo_restore(cr);
}
