/* render-sheet.c — the briefing sheet of one province, laid out on the
 * page of render-page.c (A4 landscape unless --paper/--orientation):
 * header (title, province, index and date), the map with scale bar and
 * north arrow, the legend with counts, key figures, the ranked table, and
 * a footer with sources, generation date and page number. */
#include "render-private.h"

#include "config.h"

#include <cairo-pdf.h>

#include <math.h>

void
render_page_header(cairo_t *cr, const RenderModel *m, const char *subtitle)
{
  const RenderTexts *t = m->texts;
  const RenderPage *P = render_page_of(m);
  double right = P->w - P->margin;
  cairo_set_source_rgb(cr, 0.08, 0.08, 0.08);
  render_text(cr, t->title, P->title_size, TRUE, P->margin, P->title_y, P->title_w,
              RENDER_ALIGN_LEFT);
  render_text(cr, subtitle, P->subtitle_size, FALSE, P->margin, P->subtitle_y, P->title_w,
              RENDER_ALIGN_LEFT);
  cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
  if (P->index_inline) {
    g_autofree char *line = g_strdup_printf("%s%s%s", t->index_name ? t->index_name : "",
                                            t->index_name && t->index_date ? " · " : "",
                                            t->index_date ? t->index_date : "");
    render_text(cr, line, P->index_size, TRUE, P->margin, P->index_y, P->index_w,
                RENDER_ALIGN_LEFT);
  } else {
    render_text(cr, t->index_name ? t->index_name : "", P->index_size, TRUE, right, P->index_y,
                P->index_w, RENDER_ALIGN_RIGHT);
    render_text(cr, t->index_date ? t->index_date : "", P->index_size, FALSE, right,
                P->index_y + P->index_size * 1.53, P->index_w, RENDER_ALIGN_RIGHT);
  }
  if (t->marking && *t->marking) {
    cairo_set_source_rgb(cr, 0.65, 0.05, 0.05);
    render_text(cr, t->marking, 9, TRUE, P->w / 2, 8, 0, RENDER_ALIGN_CENTER);
    render_text(cr, t->marking, 9, TRUE, P->w / 2, P->h - 18, 0, RENDER_ALIGN_CENTER);
  }
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  cairo_set_line_width(cr, 0.8);
  cairo_move_to(cr, P->margin, P->rule_y);
  cairo_line_to(cr, right, P->rule_y);
  cairo_stroke(cr);
}

void
render_page_footer(cairo_t *cr, const RenderModel *m, int page)
{
  const RenderTexts *t = m->texts;
  const RenderPage *P = render_page_of(m);
  double y = P->footer_y, right = P->w - P->margin;
  double text_w = P->w - 2 * P->margin - 146; /* the page number on the right */
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  g_autofree char *src = g_strdup_printf("Sumber: %s", t->sources ? t->sources : "–");
  render_text(cr, src, 6.2, FALSE, P->margin, y, text_w, RENDER_ALIGN_LEFT);
  g_autofree char *gen = t->organisation && *t->organisation
                             ? g_strdup_printf("Disusun oleh %s · dibuat %s dengan petarawan %s",
                                               t->organisation, t->generated, PETARAWAN_VERSION)
                             : g_strdup_printf("Dibuat %s dengan petarawan %s", t->generated,
                                               PETARAWAN_VERSION);
  render_text(cr, gen, 6.2, FALSE, P->margin, y + 9, text_w, RENDER_ALIGN_LEFT);
  g_autofree char *pg = g_strdup_printf("Halaman %d", page);
  render_text(cr, pg, 7, TRUE, right, y + 3, 0, RENDER_ALIGN_RIGHT);
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

/* The key figures under the legend.  Returns the height used. */
static double
render_sheet_figures(cairo_t *cr, const RenderModel *m, const RenderGroup *g, const guint *counts,
                     double x, double y, double w)
{
  const GeoStyle *st = m->style;
  double sum = 0, officers = 0, tps = 0;
  guint n_val = 0;
  gboolean have_staff = m->personnel.polri >= 0;
  for (guint i = 0; i < g->n_features; i++) {
    guint f = g->features[i];
    if (!isnan(m->values[f])) {
      sum += m->values[f];
      n_val++;
    }
    if (have_staff) {
      double o = render_field_number(m, m->personnel.polri, f);
      if (m->personnel.tni >= 0)
        o += render_field_number(m, m->personnel.tni, f);
      if (m->personnel.brimob >= 0)
        o += render_field_number(m, m->personnel.brimob, f);
      if (!isnan(o))
        officers += o;
      double t = m->personnel.tps >= 0 ? render_field_number(m, m->personnel.tps, f) : NAN;
      if (!isnan(t))
        tps += t;
    }
  }
  double y0 = y;
  GString *line = g_string_new(NULL);
  const char *unit = m->texts->unit_name ? m->texts->unit_name : "wilayah";
  g_string_append_printf(line, "%u %s", g->n_features, unit);
  if (st->n_classes > 0 && st->method != GEO_METHOD_CATEGORICAL) {
    guint top = counts[st->n_classes - 1];
    g_string_append_printf(line, " · %u %s", top,
                           st->labels ? st->labels[st->n_classes - 1] : "kelas tertinggi");
  }
  if (n_val > 0 && st->method != GEO_METHOD_CATEGORICAL) {
    g_autofree char *mean = geo_number_format_id(sum / n_val, st->decimals);
    g_string_append_printf(line, " · rata-rata skor %s", mean);
  }
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  y += render_text(cr, line->str, 7.5, TRUE, x, y, w, RENDER_ALIGN_LEFT);
  g_string_truncate(line, 0);
  if (have_staff) {
    g_autofree char *o = geo_number_format_id(officers, 0);
    g_autofree char *t = geo_number_format_id(tps, 0);
    g_autofree char *r = tps > 0 ? geo_number_format_id(officers / tps, 2) : g_strdup("–");
    g_string_append_printf(line, "Personel (Polri+TNI+Brimob) %s · TPS %s", o, t);
    y += render_text(cr, line->str, 7.5, FALSE, x, y, w, RENDER_ALIGN_LEFT);
    g_string_printf(line, "%s personel per TPS%s", r,
                    m->texts->sample_personnel ? " · data personel CONTOH" : "");
    y += render_text(cr, line->str, 7.5, FALSE, x, y, w, RENDER_ALIGN_LEFT);
  }
  if (counts[st->n_classes] > 0) {
    g_string_printf(line, "%u %s tanpa data", counts[st->n_classes], unit);
    cairo_set_source_rgb(cr, 0.6, 0.1, 0.1);
    y += render_text(cr, line->str, 7.5, FALSE, x, y, w, RENDER_ALIGN_LEFT);
  }
  g_string_free(line, TRUE);
  return y - y0;
}

gboolean
render_sheet_draw(cairo_t *cr, const RenderModel *m, const RenderGroup *g, int page,
                  int *pages_used, GError **error)
{
  const RenderTexts *t = m->texts;
  const RenderPage *P = render_page_of(m);
  g_autofree char *subtitle = g_strdup_printf("%s %s (%s)", t->group_kind ? t->group_kind : "",
                                              g->name, g->code);
  cairo_save(cr);
  cairo_scale(cr, P->k, P->k); /* layout units from here on (render-page.c) */
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  render_page_header(cr, m, g_strstrip(subtitle));

  RenderMapInfo info = {0};
  const RenderRect *f = &P->map;
  if (!render_map_draw(cr, m, g, *f, TRUE, &info, error)) {
    g_prefix_error(error, "sheet %s %s: ", g->code, g->name);
    cairo_restore(cr);
    return FALSE;
  }
  render_scalebar_draw(cr, info.pt_per_m, f->x + 12, f->y + f->h - 10, f->w * 0.28);
  render_north_arrow_draw(cr, f->x + f->w - 20, f->y + 22, 16);
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  render_text(cr, info.proj_name, 5.5, FALSE, f->x + f->w - 4, f->y + f->h - 10, 0,
              RENDER_ALIGN_RIGHT);
  if (info.unlabelled > 0) {
    g_autofree char *note = g_strdup_printf("%u wilayah tanpa label di peta", info.unlabelled);
    cairo_set_source_rgb(cr, 0.6, 0.1, 0.1);
    render_text(cr, note, 6.5, TRUE, f->x + 6, f->y + 4, 0, RENDER_ALIGN_LEFT);
  }
  render_map_info_clear(&info);

  /* Legend, locator inset and key figures, enlarged by P->block on a
   * poster (they are read from a distance); the table is not. */
  double x = P->column.x, w = P->column.w, y = P->column.y;
  guint *counts = render_sheet_counts(m, g->features, g->n_features);
  cairo_save(cr);
  cairo_scale(cr, P->block, P->block);
  double bx = x / P->block, bw = w / P->block, by = y / P->block;
  double legend_w = bw, inset_h = 0;
  const double inset_w = 104;
  /* The locator sits beside the legend, top right of the column, unless
   * that leaves the enlarged legend too narrow (posters): then below it. */
  gboolean below = bw - inset_w - 10 < 150;
  if (m->inset) {
    legend_w = below ? bw : bw - inset_w - 10;
    inset_h = render_inset_height(m->inset, inset_w);
  }
  if (m->inset && !below)
    render_inset_draw(cr, m->inset, g, (RenderRect){bx + bw - inset_w, by + 16, inset_w, inset_h});
  double legend_h = render_legend_draw(cr, m, counts, bx, by, bw, legend_w);
  if (m->inset && below) {
    render_inset_draw(cr, m->inset, g, (RenderRect){bx + bw - inset_w, by + legend_h + 4, inset_w,
                                                    inset_h});
    by += legend_h + 4 + inset_h + 6;
  } else {
    by += MAX(legend_h, inset_h + 18) + 6;
  }
  by += render_sheet_figures(cr, m, g, counts, bx, by, bw) + 8;
  cairo_restore(cr);
  y = by * P->block;
  g_free(counts);
  /* The ranked table: below the figures in landscape, beside them below
   * the map in portrait.  In a PDF what does not fit continues on
   * following pages, elsewhere (PNG, SVG) the last line says so. */
  RenderRect tb = P->table;
  if (!P->portrait) {
    tb.y = y;
    tb.h = P->column.y + P->column.h - y;
  }
  cairo_surface_t *target = cairo_get_target(cr);
  gboolean paged = cairo_surface_get_type(target) == CAIRO_SURFACE_TYPE_PDF;
  guint *order = render_table_order(m, g);
  guint done = render_table_draw(cr, m, order, 0, g->n_features, tb, !paged);
  render_page_footer(cr, m, page);
  int pages = 1;
  while (paged && done < g->n_features && cairo_status(cr) == CAIRO_STATUS_SUCCESS) {
    cairo_show_page(cr);
    pages++;
    g_autofree char *label = g_strdup_printf("%s (%d)", g->code, pages);
    cairo_pdf_surface_set_page_label(target, label);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    g_autofree char *sub = g_strdup_printf("%s %s (%s) — tabel lanjutan",
                                           t->group_kind ? t->group_kind : "", g->name, g->code);
    render_page_header(cr, m, g_strstrip(sub));
    const int cols = P->table_columns;
    const double gap = 14, top = P->map.y, bottom = P->footer_y - 8;
    const double cw = (P->w - 2 * P->margin - (cols - 1) * gap) / cols;
    for (int col = 0; col < cols && done < g->n_features; col++)
      done += render_table_draw(cr, m, order, done, g->n_features,
                                (RenderRect){P->margin + col * (cw + gap), top, cw, bottom - top},
                                FALSE);
    render_page_footer(cr, m, page + pages - 1);
  }
  cairo_restore(cr);
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
