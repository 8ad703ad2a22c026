/* render-scalebar.c — a scale bar in kilometres, true to the map's scale at
 * its centre, and a north arrow.  The bar's length is a round number of
 * kilometres (1, 2 or 5 times a power of ten) no longer than allowed; its
 * ticks are labelled with their exact values (2,5 on a 5 km bar, never a
 * rounded 2 that makes every distance read off it 20% short). */
#include "render-private.h"

#include <math.h>

gboolean
render_scalebar_choose(double pt_per_m, double max_pt, double *km, double *len_pt)
{
  if (!(pt_per_m > 0) || !(max_pt > 0))
    return FALSE;
  double max_km = max_pt / pt_per_m / 1000.0;
  double p = pow(10, floor(log10(max_km)));
  double best = 0;
  for (int k = 0; k < 2; k++, p /= 10) {
    const double steps[] = {5, 2, 1};
    for (guint i = 0; i < G_N_ELEMENTS(steps); i++) {
      double v = steps[i] * p;
      if (v <= max_km * (1 + 1e-9) && v > best)
        best = v;
    }
  }
  if (best <= 0)
    return FALSE;
  *km = best;
  *len_pt = best * 1000.0 * pt_per_m;
  return TRUE;
}

char *
render_scalebar_label(RenderLang lang, double km)
{
  /* As few decimals as show the value exactly (the bar's values are 1, 2,
   * 2,5 or 5 times a power of ten, so three always do below 1 m). */
  int decimals = 0;
  while (decimals < 6 && fabs(km * pow(10, decimals) - round(km * pow(10, decimals))) >
                             1e-9 * MAX(1, km * pow(10, decimals)))
    decimals++;
  return render_number(lang, km, decimals);
}

void
render_scalebar_draw(cairo_t *cr, double pt_per_m, double x, double y, double max_w,
                     RenderLang lang)
{
  double km, len;
  if (!render_scalebar_choose(pt_per_m, max_w, &km, &len))
    return;
  const double h = 3.5;
  /* Background plate so the bar reads over sea or land. */
  cairo_set_source_rgba(cr, 1, 1, 1, 0.8);
  cairo_rectangle(cr, x - 4, y - h - 14, len + 8 + 28, h + 18);
  cairo_fill(cr);
  /* Two halves, alternating black and white. */
  cairo_set_line_width(cr, 0.5);
  for (int i = 0; i < 2; i++) {
    cairo_rectangle(cr, x + i * len / 2, y - h, len / 2, h);
    if (i == 0)
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    else
      cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_stroke(cr);
  }
  g_autofree char *half = render_scalebar_label(lang, km / 2);
  g_autofree char *full = render_scalebar_label(lang, km);
  g_autofree char *full_km = g_strdup_printf("%s %s", full, render_tr(lang, "km"));
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  render_text(cr, "0", 6.5, FALSE, x, y - h - 10, 0, RENDER_ALIGN_CENTER);
  render_text(cr, half, 6.5, FALSE, x + len / 2, y - h - 10, 0, RENDER_ALIGN_CENTER);
  render_text(cr, full_km, 6.5, FALSE, x + len, y - h - 10, 0, RENDER_ALIGN_LEFT);
}

void
render_north_arrow_draw(cairo_t *cr, double x, double y, double size, RenderLang lang)
{
  /* A split arrowhead: left half dark, right half light, "U" (utara) or
   * "N" above.  The disc is a path of its own: text drawn before leaves a
   * current point, and an arc joins it with a line, a zero-width sliver
   * that printers draw as a hairline across the map. */
  cairo_new_path(cr);
  cairo_set_source_rgba(cr, 1, 1, 1, 0.8);
  cairo_arc(cr, x, y + size * 0.2, size * 0.75, 0, 2 * G_PI);
  cairo_fill(cr);
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, x, y - size * 0.35);
  cairo_line_to(cr, x - size * 0.3, y + size * 0.6);
  cairo_line_to(cr, x, y + size * 0.4);
  cairo_close_path(cr);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  cairo_fill_preserve(cr);
  cairo_stroke(cr);
  cairo_move_to(cr, x, y - size * 0.35);
  cairo_line_to(cr, x + size * 0.3, y + size * 0.6);
  cairo_line_to(cr, x, y + size * 0.4);
  cairo_close_path(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  cairo_stroke(cr);
  render_text(cr, render_tr(lang, "U"), 7, TRUE, x, y - size * 0.35 - 10, 0, RENDER_ALIGN_CENTER);
}
