/* render-sheet.c — the briefing sheet of one province, A4 landscape:
 * header (title, province, index and date), the map with scale bar and
 * north arrow, the legend with counts, key figures, the ranked table, and
 * a footer with sources, generation date and page number. */
#include "render-private.h"

#include "config.h"

#include <cairo-pdf.h>

#include <math.h>

/* Layout, in points. */
static const RenderRect render_sheet_map = {RENDER_MARGIN, 70, 500, 478};
static const double render_sheet_side_x = RENDER_MARGIN + 500 + 14;

void
render_page_header(cairo_t *cr, const RenderModel *m, const char *subtitle)
{
  const RenderTexts *t = m->texts;
  double right = RENDER_PAGE_WIDTH - RENDER_MARGIN;
  /* The logo, if any, opens the title band; the titles follow it. */
  double lw = render_logo_draw(cr, m->logo, RENDER_MARGIN, 21, 35, 120);
  double tx = RENDER_MARGIN + (lw > 0 ? lw + 10 : 0);
  cairo_set_source_rgb(cr, 0.08, 0.08, 0.08);
  render_text(cr, t->title, 15, TRUE, tx, 22, 470 - (tx - RENDER_MARGIN), RENDER_ALIGN_LEFT);
  render_text(cr, subtitle, 11, FALSE, tx, 42, 470 - (tx - RENDER_MARGIN), RENDER_ALIGN_LEFT);
  cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
  render_text(cr, t->index_name ? t->index_name : "", 8.5, TRUE, right, 26, 290,
              RENDER_ALIGN_RIGHT);
  render_text(cr, t->index_date ? t->index_date : "", 8.5, FALSE, right, 39, 290,
              RENDER_ALIGN_RIGHT);
  if (t->marking && *t->marking) {
    cairo_set_source_rgb(cr, 0.65, 0.05, 0.05);
    render_text(cr, t->marking, 9, TRUE, RENDER_PAGE_WIDTH / 2, 8, 0, RENDER_ALIGN_CENTER);
    render_text(cr, t->marking, 9, TRUE, RENDER_PAGE_WIDTH / 2, RENDER_PAGE_HEIGHT - 18, 0,
                RENDER_ALIGN_CENTER);
  }
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  cairo_set_line_width(cr, 0.8);
  cairo_move_to(cr, RENDER_MARGIN, 62);
  cairo_line_to(cr, right, 62);
  cairo_stroke(cr);
}

void
render_page_footer(cairo_t *cr, const RenderModel *m, const char *mark)
{
  const RenderTexts *t = m->texts;
  double y = 556, right = RENDER_PAGE_WIDTH - RENDER_MARGIN;
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  RenderLang lang = m->lang;
  g_autofree char *src = g_strdup_printf(render_tr(lang, "Sumber: %s"), t->sources ? t->sources : "–");
  render_text(cr, src, 6.2, FALSE, RENDER_MARGIN, y, 640, RENDER_ALIGN_LEFT);
  g_autofree char *gen = t->organisation && *t->organisation
                             ? g_strdup_printf(render_tr(lang, "Disusun oleh %s · dibuat %s dengan petarawan %s"),
                                               t->organisation, t->generated, PETARAWAN_VERSION)
                             : g_strdup_printf(render_tr(lang, "Dibuat %s dengan petarawan %s"),
                                               t->generated, PETARAWAN_VERSION);
  render_text(cr, gen, 6.2, FALSE, RENDER_MARGIN, y + 9, 640, RENDER_ALIGN_LEFT);
  render_text(cr, mark, 7, TRUE, right, y + 3, 0, RENDER_ALIGN_RIGHT);
}

guint *
render_sheet_counts(const RenderModel *m, const guint *idx, guint n)
{
  guint *counts = g_new0(guint, m->style->n_classes + 1);
  for (guint i = 0; i < n; i++) {
    int c = m->classes[idx ? idx[i] : i];
    counts[c < 0 ? m->style->n_classes : (guint)c]++;
  }
  return counts;
}

double
render_sheet_quality(cairo_t *cr, const RenderModel *m, const guint *idx, guint n, double x,
                     double y, double w)
{
  /* "Kualitas data: 2 kab/kota tanpa data; 1 nilai tidak valid": red
   * when anything is amiss, grey when the data is complete. */
  RenderLang lang = m->lang;
  const char *unit = m->texts->unit_name ? m->texts->unit_name : render_tr(lang, "wilayah");
  const GeoQualityWords words = {
      render_tr(lang, "Kualitas data: "),
      render_tr(lang, "%u %s tanpa data"),
      render_tr(lang, " (%u dibentuk %d)"),
      render_tr(lang, " (%u dibentuk %d–%d)"),
      render_tr(lang, "%u nilai tidak valid"),
      render_tr(lang, "%u nama ambigu"),
      render_tr(lang, "%u baris ganda"),
      render_tr(lang, "%u baris tabel tidak cocok"),
      render_tr(lang, "lengkap, %u %s berdata"),
  };
  gboolean complete;
  g_autofree char *q =
      geo_join_quality_text_in(m->join->report, m->layer, idx, n, unit, &words, &complete);
  if (complete)
    cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
  else
    cairo_set_source_rgb(cr, 0.6, 0.1, 0.1);
  /* Too long for the column: one line per "; "-separated part, as many
   * parts to a line as fit. */
  g_auto(GStrv) parts = g_strsplit(q, "; ", -1);
  GString *line = g_string_new(NULL);
  double y0 = y;
  for (guint i = 0; parts[i]; i++) {
    g_autofree char *longer = line->len ? g_strdup_printf("%s; %s", line->str, parts[i])
                                        : g_strdup(parts[i]);
    double tw, th;
    render_text_size(cr, longer, 6.5, FALSE, &tw, &th);
    if (tw > w && line->len) {
      g_string_append_c(line, ';');
      y += render_text(cr, line->str, 6.5, FALSE, x, y, w, RENDER_ALIGN_LEFT);
      g_string_assign(line, parts[i]);
    } else {
      g_string_assign(line, longer);
    }
  }
  y += render_text(cr, line->str, 6.5, FALSE, x, y, w, RENDER_ALIGN_LEFT);
  g_string_free(line, TRUE);
  return y - y0;
}

gboolean
render_sheet_draw(cairo_t *cr, const RenderModel *m, const RenderGroup *g, int *pages_used,
                  GError **error)
{
  const RenderTexts *t = m->texts;
  g_autofree char *subtitle = g_strdup_printf("%s %s (%s)", t->group_kind ? t->group_kind : "",
                                              g->name, g->code);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  render_page_header(cr, m, g_strstrip(subtitle));

  RenderMapInfo info = {0};
  if (!render_map_draw(cr, m, g, render_sheet_map, TRUE, &info, error)) {
    g_prefix_error(error, "sheet %s %s: ", g->code, g->name);
    return FALSE;
  }
  const RenderRect *f = &render_sheet_map;
  render_scalebar_draw(cr, info.pt_per_m, f->x + 12, f->y + f->h - 10, f->w * 0.28, m->lang);
  render_north_arrow_draw(cr, f->x + f->w - 20, f->y + 22, 16, m->lang);
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  render_text(cr, info.proj_name, 5.5, FALSE, f->x + f->w - 4, f->y + f->h - 10, 0,
              RENDER_ALIGN_RIGHT);
  if (info.unlabelled > 0) {
    g_autofree char *note =
        g_strdup_printf(render_tr(m->lang, "%u wilayah tanpa label di peta"), info.unlabelled);
    cairo_set_source_rgb(cr, 0.6, 0.1, 0.1);
    render_text(cr, note, 6.5, TRUE, f->x + 6, f->y + 4, 0, RENDER_ALIGN_LEFT);
  }
  render_map_info_clear(&info);

  double x = render_sheet_side_x, w = RENDER_PAGE_WIDTH - RENDER_MARGIN - x;
  double y = f->y;
  guint *counts = render_sheet_counts(m, g->features, g->n_features);
  double legend_w = w, inset_h = 0;
  const double inset_w = 104;
  if (m->inset) {
    /* The locator sits beside the legend, top right of the column. */
    legend_w = w - inset_w - 10;
    inset_h = render_inset_height(m->inset, inset_w);
    render_inset_draw(cr, m->inset, g, (RenderRect){x + w - inset_w, y + 16, inset_w, inset_h});
  }
  y += MAX(render_legend_draw(cr, m, counts, x, y, w, legend_w), inset_h + 18) + 6;
  /* Priorities and circles in the legend, key figures, priorities list
   * (render-figures.c). */
  GeoPriorities *pr = render_figures_priorities(m, g);
  y += render_figures_legend_draw(cr, m, g, pr, x, y, w);
  y += render_figures_draw(cr, m, g, counts, pr, x, y, w);
  y += render_sheet_quality(cr, m, g->features, g->n_features, x, y, w) + 8;
  geo_priorities_free(pr);
  g_free(counts);
  /* The ranked table; in a PDF what does not fit continues on following
   * pages in three columns, elsewhere (PNG, SVG) the last line says so. */
  cairo_surface_t *target = cairo_get_target(cr);
  gboolean paged = cairo_surface_get_type(target) == CAIRO_SURFACE_TYPE_PDF;
  guint *order = render_table_order(m, g);
  guint done = render_table_draw(cr, m, order, 0, g->n_features,
                                 (RenderRect){x, y, w, f->y + f->h - y}, !paged);
  g_autofree char *mark = g_strdup_printf(render_tr(m->lang, "Lembar %s"), g->code);
  render_page_footer(cr, m, mark);
  int pages = 1;
  while (paged && done < g->n_features && cairo_status(cr) == CAIRO_STATUS_SUCCESS) {
    cairo_show_page(cr);
    pages++;
    g_autofree char *label = g_strdup_printf("%s (%d)", g->code, pages);
    cairo_pdf_surface_set_page_label(target, label);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    g_autofree char *sub = g_strdup_printf(render_tr(m->lang, "%s %s (%s) — tabel lanjutan"),
                                           t->group_kind ? t->group_kind : "", g->name, g->code);
    render_page_header(cr, m, g_strstrip(sub));
    const double gap = 14, cw = (RENDER_PAGE_WIDTH - 2 * RENDER_MARGIN - 2 * gap) / 3;
    for (int col = 0; col < 3 && done < g->n_features; col++)
      done += render_table_draw(cr, m, order, done, g->n_features,
                                (RenderRect){RENDER_MARGIN + col * (cw + gap), 70, cw, 478}, FALSE);
    g_autofree char *more = g_strdup_printf(render_tr(m->lang, "Lembar %s"), label);
    render_page_footer(cr, m, more);
  }
  g_free(order);
  if (pages_used)
    *pages_used = pages;
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "sheet %s %s: drawing failed: %s", g->code,
                g->name, cairo_status_to_string(cairo_status(cr)));
    return FALSE;
  }
  return TRUE;
}

