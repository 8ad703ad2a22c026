/* render-symbols.c — proportional circles over the choropleth (--symbols):
 * one circle per district at the pole of its largest part, its area
 * proportional to the value (personnel, TPS, voters...), semi-transparent
 * so the class colour still shows through, with an outline on a white
 * casing so it reads on every class, in grey and with --mono; and their
 * legend of two or three round reference values. */
#include "render-private.h"

#include <math.h>

/* Fill and line of the circles (a blue apart from the yellow-red classes). */
static const GeoRgb render_symbols_colour = {0.12, 0.27, 0.47};

double
render_symbols_radius_max(gboolean sheet, guint n)
{
  double k = sheet ? 90 : 70;
  return CLAMP(k / sqrt(MAX(n, 1)), sheet ? 4 : 3.5, sheet ? 13 : 9);
}

double
render_symbols_max(const RenderModel *m, const guint *idx, guint n)
{
  double max = 0;
  if (m->symbols == NULL)
    return 0;
  for (guint i = 0; i < n; i++) {
    double v = m->symbols[idx ? idx[i] : i];
    if (isfinite(v) && v > max)
      max = v;
  }
  return max;
}

static double
render_symbols_radius(double v, double v_max, double r_max)
{
  if (!(v > 0) || !(v_max > 0))
    return 0;
  return r_max * sqrt(v / v_max);
}

/* Fills and outlines the circle at (x, y) of radius r. */
static void
render_symbols_circle(cairo_t *cr, const RenderModel *m, double x, double y, double r)
{
  cairo_new_path(cr);
  cairo_arc(cr, x, y, r, 0, 2 * G_PI);
  if (m->mono)
    cairo_set_source_rgba(cr, 1, 1, 1, 0.55);
  else
    cairo_set_source_rgba(cr, render_symbols_colour.r, render_symbols_colour.g,
                          render_symbols_colour.b, 0.28);
  cairo_fill_preserve(cr);
  /* Lines thin with the circle, so that small ones stay circles. */
  cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
  cairo_set_line_width(cr, MIN(1.9, 0.5 + r * 0.12));
  cairo_stroke_preserve(cr);
  if (m->mono)
    cairo_set_source_rgb(cr, 0, 0, 0);
  else
    render_set_rgb(cr, render_symbols_colour);
  cairo_set_line_width(cr, MIN(0.8, 0.3 + r * 0.05));
  cairo_stroke(cr);
}

typedef struct {
  double x, y, r;
} RenderCircle;

static int
render_symbols_cmp(gconstpointer a, gconstpointer b)
{
  const RenderCircle *ca = a, *cb = b;
  if (ca->r != cb->r)
    return ca->r < cb->r ? 1 : -1;
  if (ca->x != cb->x)
    return ca->x < cb->x ? -1 : 1;
  return (ca->y > cb->y) - (ca->y < cb->y);
}

void
render_symbols_draw(cairo_t *cr, const RenderModel *m, const GeoShapes *s, const guint *sel,
                    const RenderMapXf *t, double r_max, double v_max)
{
  if (m->symbols == NULL || !(v_max > 0))
    return;
  GArray *circles = g_array_new(FALSE, FALSE, sizeof(RenderCircle));
  for (guint i = 0; i < s->n_features; i++) {
    double r = render_symbols_radius(m->symbols[sel[i]], v_max, r_max);
    if (r <= 0 || s->feature_part[i] == s->feature_part[i + 1])
      continue;
    guint p = geo_shapes_main_part(s, i);
    double x, y;
    geo_shapes_pole(s, p, 0.5 / t->s, &x, &y);
    RenderCircle c = {t->ox + (x - t->cx) * t->s, t->oy - (y - t->cy) * t->s, MAX(r, 0.8)};
    g_array_append_val(circles, c);
  }
  /* Largest first, so that small circles stay visible on top. */
  g_array_sort(circles, render_symbols_cmp);
  cairo_save(cr);
  for (guint i = 0; i < circles->len; i++) {
    const RenderCircle *c = &g_array_index(circles, RenderCircle, i);
    render_symbols_circle(cr, m, c->x, c->y, c->r);
  }
  cairo_restore(cr);
  g_array_unref(circles);
}

/* The largest round value at most x, or with `nearest` the round value
 * nearest to x in ratio.  Round: 1, 1,5, 2, 2,5, 3, 4, 5, 6 or 8 x 10^k
 * for the largest reference, which should come close to the largest
 * circle; only 1, 2, 2,5 and 5 x 10^k for the smaller ones (`coarse`).
 * With `whole` (counts) no value with a fraction. */
static double
render_symbols_round(double x, gboolean nearest, gboolean coarse, gboolean whole)
{
  double p = pow(10, floor(log10(x)));
  static const double fine[] = {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};
  static const double rough[] = {1, 2, 2.5, 5, 10};
  const double *steps = coarse ? rough : fine;
  guint n = coarse ? G_N_ELEMENTS(rough) : G_N_ELEMENTS(fine);
  double below = p, above = 10 * p;
  for (guint i = 0; i < n; i++) {
    double v = steps[i] * p;
    if (whole && v != floor(v))
      continue;
    if (v <= x * (1 + 1e-9))
      below = v;
    else if (v < above)
      above = v;
  }
  if (!nearest)
    return below;
  return x / below <= above / x ? below : above;
}

guint
render_symbols_references(double max, double out[3])
{
  if (!(max > 0) || !isfinite(max))
    return 0;
  gboolean whole = max >= 1;
  guint n = 0;
  out[n++] = render_symbols_round(max, FALSE, FALSE, whole);
  /* A quarter and a sixteenth of the area: half and a quarter of the
   * radius, rounded; kept while distinct and not too small to read. */
  for (double div = 4; div <= 16 && n < 3; div *= 4) {
    double v = render_symbols_round(out[0] / div, TRUE, TRUE, whole);
    if (whole && v < 1)
      break;
    if (v < out[n - 1] && sqrt(v / out[0]) >= 0.2)
      out[n++] = v;
  }
  return n;
}

/* Digits a round value needs: 0 for 1.500, 1 for 2,5, 2 for 0,02... */
static int
render_symbols_decimals(double v)
{
  for (int d = 0; d < 6; d++) {
    double scaled = v * pow(10, d);
    if (fabs(scaled - round(scaled)) < 1e-6 * MAX(1, scaled))
      return d;
  }
  return 6;
}

double
render_symbols_legend_draw(cairo_t *cr, const RenderModel *m, double v_max, double r_max, double x,
                           double y, double w)
{
  double refs[3];
  guint n = m->symbols ? render_symbols_references(v_max, refs) : 0;
  if (n == 0)
    return 0;
  double y0 = y;
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  g_autofree char *title = g_strdup_printf(render_tr(m->lang, "Lingkaran: %s"),
                                           m->symbols_label ? m->symbols_label : "");
  y += render_text(cr, title, 7.5, TRUE, x, y, w, RENDER_ALIGN_LEFT) + 2;
  /* Side by side on one baseline, largest first, each value under its
   * circle: nested circles would crowd the labels of the small ones. */
  double r0 = render_symbols_radius(refs[0], v_max, r_max);
  double base = y + 2 * r0 + 1, cx = x + 1;
  for (guint i = 0; i < n; i++) {
    double r = render_symbols_radius(refs[i], v_max, r_max);
    g_autofree char *label = render_number(m->lang, refs[i], render_symbols_decimals(refs[i]));
    double tw, th;
    render_text_size(cr, label, 7, FALSE, &tw, &th);
    double slot = MAX(2 * r, tw);
    render_symbols_circle(cr, m, cx + slot / 2, base - r, r);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    render_text(cr, label, 7, FALSE, cx + slot / 2, base + 2, 0, RENDER_ALIGN_CENTER);
    cx += slot + 14;
  }
  return base + 12 - y0;
}
