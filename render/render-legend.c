/* render-legend.c — the legend: index title, one swatch per class with its
 * range in the map's number format and the number of districts in it,
 * and no data hatched with its count.  A district without data is never
 * drawn in a class colour, and the legend says how many there are. */
#include "render-private.h"

#include <math.h>

char *
render_legend_range(const GeoStyle *st, guint i, RenderLang lang)
{
  if (st->method == GEO_METHOD_CATEGORICAL)
    return g_strdup(st->categories && st->categories[i] ? st->categories[i] : "");
  int d = st->decimals;
  guint n = st->n_classes;
  gboolean fixed = st->method == GEO_METHOD_FIXED;
  double lo = i == 0 ? st->data_min : st->breaks[i - 1];
  double hi = i + 1 < n ? st->breaks[i] : st->data_max;
  g_autofree char *los = render_number(lang, lo, d);
  g_autofree char *his = render_number(lang, hi, d);
  if (n == 1)
    return g_strdup_printf("%s – %s", los, his);
  if (i == 0)
    return fixed || !isfinite(lo) ? g_strdup_printf("< %s", his)
                                  : g_strdup_printf("%s – < %s", los, his);
  if (i + 1 == n)
    return fixed || !isfinite(hi) ? g_strdup_printf("≥ %s", los)
                                  : g_strdup_printf("%s – %s", los, his);
  return g_strdup_printf("%s – < %s", los, his);
}

double
render_legend_draw(cairo_t *cr, const RenderModel *m, const guint *counts, double x, double y,
                   double title_w, double w)
{
  const GeoStyle *st = m->style;
  double y0 = y;
  y += render_text(cr, render_style_title(m), 8.5, TRUE, x, y, title_w, RENDER_ALIGN_LEFT);
  y += 3;
  const double sw = 18, sh = 11, row = 14.5;
  /* Highest risk first: it is what the reader looks for. */
  for (guint k = 0; k <= st->n_classes; k++) {
    gboolean nodata = k == st->n_classes;
    guint i = nodata ? 0 : st->n_classes - 1 - k;
    guint count = nodata ? counts[st->n_classes] : counts[i];
    cairo_rectangle(cr, x, y, sw, sh);
    render_class_fill(cr, m, nodata ? -1 : (int)i, FALSE);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cairo_set_line_width(cr, 0.4);
    cairo_rectangle(cr, x, y, sw, sh);
    cairo_stroke(cr);

    g_autofree char *label = NULL;
    if (nodata) {
      label = g_strdup(render_tr(m->lang, "Tanpa data"));
    } else {
      g_autofree char *range = render_legend_range(st, i, m->lang);
      const char *name = render_style_label(m, i);
      label = (name && st->method != GEO_METHOD_CATEGORICAL)
                  ? g_strdup_printf("%s  %s", name, range)
                  : g_strdup(name ? name : range);
    }
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    render_text(cr, label, RENDER_LEGEND_SIZE, FALSE, x + sw + 6, y - 0.5, w - sw - 40,
                RENDER_ALIGN_LEFT);
    g_autofree char *cnt = g_strdup_printf("%u", count);
    render_text(cr, cnt, RENDER_LEGEND_SIZE, TRUE, x + w, y - 0.5, 0, RENDER_ALIGN_RIGHT);
    y += row;
  }
  return y - y0;
}
