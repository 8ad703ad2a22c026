/* render-overview.c — the national overview page: every district of the
 * layer on one map in a national Mercator, the legend with national
 * counts, and the groups ranked by their mean score with how many of their
 * districts fall in the highest class and, with personnel figures, how
 * many are reinforcement priorities. */
#include "render-private.h"

#include <math.h>

typedef struct {
  const RenderGroup *g;
  double mean;
  guint top;
  guint priorities; /* reinforcement priorities (render-figures.c) */
} RenderOverviewRow;

static int
render_overview_cmp(gconstpointer a, gconstpointer b)
{
  const RenderOverviewRow *ra = a, *rb = b;
  if (isnan(ra->mean) != isnan(rb->mean))
    return isnan(ra->mean) ? 1 : -1;
  if (!isnan(ra->mean) && ra->mean != rb->mean)
    return ra->mean < rb->mean ? 1 : -1;
  return g_strcmp0(ra->g->code, rb->g->code);
}

/* The groups with their figures, ranked by mean value (the overview's
 * table order).  Caller frees with g_free. */
static RenderOverviewRow *
render_overview_rows(const RenderModel *m)
{
  const GeoStyle *st = m->style;
  RenderOverviewRow *rows = g_new0(RenderOverviewRow, MAX(m->n_groups, 1));
  for (guint i = 0; i < m->n_groups; i++) {
    const RenderGroup *g = &m->groups[i];
    double sum = 0;
    guint n = 0;
    rows[i].g = g;
    for (guint k = 0; k < g->n_features; k++) {
      guint f = g->features[k];
      if (!isnan(m->values[f])) {
        sum += m->values[f];
        n++;
      }
      if (st->n_classes > 0 && m->classes[f] == (int)st->n_classes - 1)
        rows[i].top++;
    }
    rows[i].mean = n ? sum / n : NAN;
    GeoPriorities *pr = render_figures_priorities(m, g);
    rows[i].priorities = pr ? pr->items->len : 0;
    geo_priorities_free(pr);
  }
  qsort(rows, m->n_groups, sizeof *rows, render_overview_cmp);
  return rows;
}

guint *
render_overview_ranks(const RenderModel *m)
{
  RenderOverviewRow *rows = render_overview_rows(m);
  guint *rank = g_new0(guint, MAX(m->n_groups, 1));
  for (guint i = 0; i < m->n_groups; i++)
    rank[rows[i].g - m->groups] = i + 1;
  g_free(rows);
  return rank;
}

/* The groups ranked by mean value, from y down to at most y_max. */
static double
render_overview_groups(cairo_t *cr, const RenderModel *m, double x, double y, double w,
                       double y_max)
{
  if (m->n_groups == 0)
    return y;
  const GeoStyle *st = m->style;
  RenderOverviewRow *rows = render_overview_rows(m);
  gboolean coverage = geo_figures_has_coverage(m->figures);
  /* With priorities a third column; the others move left. */
  double c_top = coverage ? x + w - 40 : x + w, c_mean = c_top - (coverage ? 34 : 40);
  double row = MIN(10.5, (y_max - y - 14) / (m->n_groups + 1));
  double fs = CLAMP(row * 0.68, 4.0, 7.0);
  gboolean categorical = st->method == GEO_METHOD_CATEGORICAL;
  RenderLang lang = m->lang;
  const char *top_name = st->n_classes ? render_style_label(m, st->n_classes - 1) : NULL;
  if (top_name == NULL)
    top_name = render_tr(lang, "Tertinggi");
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  render_text(cr, m->texts->group_kind ? m->texts->group_kind : render_tr(lang, "Kelompok"), fs,
              TRUE, x + 12, y, 0, RENDER_ALIGN_LEFT);
  if (!categorical)
    render_text(cr, render_tr(lang, "Rata-rata"), fs, TRUE, c_mean, y, 0, RENDER_ALIGN_RIGHT);
  render_text(cr, top_name, fs, TRUE, c_top, y, 0, RENDER_ALIGN_RIGHT);
  if (coverage)
    render_text(cr, render_tr(lang, "Prioritas"), fs, TRUE, x + w, y, 0, RENDER_ALIGN_RIGHT);
  y += row * 1.2;
  for (guint i = 0; i < m->n_groups; i++) {
    const RenderOverviewRow *r = &rows[i];
    g_autofree char *no = g_strdup_printf("%u", i + 1);
    g_autofree char *mean = render_number(lang, r->mean, st->decimals);
    g_autofree char *top = g_strdup_printf("%u", r->top);
    render_text(cr, no, fs, FALSE, x + 9, y, 0, RENDER_ALIGN_RIGHT);
    render_text(cr, r->g->name, fs, FALSE, x + 12, y, c_mean - 26 - (x + 12), RENDER_ALIGN_LEFT);
    if (!categorical)
      render_text(cr, mean, fs, FALSE, c_mean, y, 0, RENDER_ALIGN_RIGHT);
    render_text(cr, top, fs, FALSE, c_top, y, 0, RENDER_ALIGN_RIGHT);
    if (coverage) {
      g_autofree char *prio = g_strdup_printf("%u", r->priorities);
      render_text(cr, prio, fs, r->priorities > 0, x + w, y, 0, RENDER_ALIGN_RIGHT);
    }
    y += row;
  }
  g_free(rows);
  return y;
}

gboolean
render_overview_draw(cairo_t *cr, const RenderModel *m, GError **error)
{
  const RenderPage *P = render_page_of(m);
  cairo_save(cr);
  cairo_scale(cr, P->k, P->k); /* layout units from here on (render-page.c) */
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  render_page_header(cr, m, render_tr(m->lang, "Ikhtisar nasional"));
  /* Landscape: a wider map than a sheet's, the narrower column right of
   * it; portrait: the map on top, legend and groups below. */
  RenderRect frame = P->map;
  if (!P->portrait)
    frame.w += 60;
  RenderMapInfo info = {0};
  if (!render_map_draw(cr, m, NULL, frame, FALSE, &info, error)) {
    g_prefix_error(error, "overview: ");
    cairo_restore(cr);
    return FALSE;
  }
  render_scalebar_draw(cr, info.pt_per_m, frame.x + 12, frame.y + frame.h - 10, frame.w * 0.25,
                       m->lang);
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  g_autofree char *proj =
      g_strdup_printf(render_tr(m->lang, "%s; skala benar di khatulistiwa"), info.proj_name);
  render_text(cr, proj, 5.5, FALSE, frame.x + frame.w - 4, frame.y + frame.h - 10, 0,
              RENDER_ALIGN_RIGHT);
  render_north_arrow_draw(cr, frame.x + frame.w - 20, frame.y + 22, 16, m->lang);
  render_map_info_clear(&info);

  RenderRect col = P->column, list = P->table;
  if (!P->portrait) {
    col.x = frame.x + frame.w + 14;
    col.w = P->w - P->margin - col.x;
  }
  /* The legend, the circles' legend and the data-quality line, enlarged
   * by P->block on a poster (read from a distance); the list of groups is
   * not. */
  guint *counts = render_sheet_counts(m, NULL, m->layer->n_features);
  guint n = m->layer->n_features;
  cairo_save(cr);
  cairo_scale(cr, P->block, P->block);
  double bx = col.x / P->block, by = col.y / P->block, bw = col.w / P->block;
  double used = render_legend_draw(cr, m, counts, bx, by, bw, bw) + 2;
  double sym = render_symbols_legend_draw(cr, m, render_symbols_max(m, NULL, n),
                                          render_symbols_radius_max(FALSE, n), bx, by + used, bw);
  used += sym > 0 ? sym + 6 : 0;
  used += render_sheet_quality(cr, m, NULL, 0, bx, by + used, bw) + 6;
  cairo_restore(cr);
  g_free(counts);
  if (!P->portrait) {
    list = col;
    list.y = col.y + used * P->block;
    list.h = col.y + col.h - list.y;
  }
  render_overview_groups(cr, m, list.x, list.y, list.w, list.y + list.h);
  render_page_footer(cr, m, render_tr(m->lang, "Ikhtisar"));
  cairo_restore(cr);
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "overview: drawing failed: %s",
                cairo_status_to_string(cairo_status(cr)));
    return FALSE;
  }
  return TRUE;
}
