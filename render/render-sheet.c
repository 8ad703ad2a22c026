/* render-sheet.c — the briefing sheet of one province, laid out on the
 * page of render-page.c (A4 landscape unless --paper/--orientation):
 * header (logo, title, province, index and date), the map with scale bar
 * and north arrow, the legend with counts and the locator, key figures,
 * priorities and data quality, the ranked table, and a footer with
 * sources, generation date and the sheet's mark.  On posters and portrait
 * pages the side is fitted to its column (render_sheet_layout). */
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
  /* The logo, if any, opens the title band; the titles follow it. */
  double lw = render_logo_draw(cr, m->logo, P->margin, P->logo_y, P->logo_h, P->logo_max_w);
  double tx = P->margin + (lw > 0 ? lw + 10 : 0);
  cairo_set_source_rgb(cr, 0.08, 0.08, 0.08);
  render_text(cr, t->title, P->title_size, TRUE, tx, P->title_y, P->title_w - (tx - P->margin),
              RENDER_ALIGN_LEFT);
  render_text(cr, subtitle, P->subtitle_size, FALSE, tx, P->subtitle_y,
              P->title_w - (tx - P->margin), RENDER_ALIGN_LEFT);
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
render_page_footer(cairo_t *cr, const RenderModel *m, const char *mark)
{
  const RenderTexts *t = m->texts;
  const RenderPage *P = render_page_of(m);
  double y = P->footer_y, right = P->w - P->margin;
  double text_w = P->w - 2 * P->margin - 146; /* the page number on the right */
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  RenderLang lang = m->lang;
  g_autofree char *src = g_strdup_printf(render_tr(lang, "Sumber: %s"), t->sources ? t->sources : "–");
  render_text(cr, src, 6.2, FALSE, P->margin, y, text_w, RENDER_ALIGN_LEFT);
  g_autofree char *gen = t->organisation && *t->organisation
                             ? g_strdup_printf(render_tr(lang, "Disusun oleh %s · dibuat %s dengan petarawan %s"),
                                               t->organisation, t->generated, PETARAWAN_VERSION)
                             : g_strdup_printf(render_tr(lang, "Dibuat %s dengan petarawan %s"),
                                               t->generated, PETARAWAN_VERSION);
  render_text(cr, gen, 6.2, FALSE, P->margin, y + 9, text_w, RENDER_ALIGN_LEFT);
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
      render_tr(lang, "lengkap untuk %u %s"),
      render_tr(lang, "%u %s dibentuk %d, sesudah data ini: belum dinilai"),
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

/* What the side of a sheet shows besides the table, and the page it is
 * drawn on (for measuring: text sizes depend on its font options). */
typedef struct {
  const RenderModel *m;
  const RenderGroup *g;
  const guint *counts;
  const GeoPriorities *pr;
  cairo_t *page;
} RenderSheetSide;

/* The legend: classes with their counts, the locator inset beside them
 * (below when that leaves the legend too narrow), and the rows for the
 * priorities' outline and the circles; drawn at (x, y), `w` wide, scaled
 * by `b` (layout units in and out).  Returns the height used. */
static double
render_sheet_legend(cairo_t *cr, const RenderSheetSide *sd, double x, double y, double w, double b)
{
  const RenderModel *m = sd->m;
  cairo_save(cr);
  cairo_scale(cr, b, b);
  double bx = x / b, bw = w / b, by = y / b, y0 = by;
  double legend_w = bw, inset_h = 0;
  const double inset_w = 104;
  gboolean below = bw - inset_w - 10 < 150;
  if (m->inset) {
    legend_w = below ? bw : bw - inset_w - 10;
    inset_h = render_inset_height(m->inset, inset_w);
  }
  if (m->inset && !below)
    render_inset_draw(cr, m->inset, sd->g,
                      (RenderRect){bx + bw - inset_w, by + 16, inset_w, inset_h});
  double legend_h = render_legend_draw(cr, m, sd->counts, bx, by, bw, legend_w);
  if (m->inset && below) {
    render_inset_draw(cr, m->inset, sd->g,
                      (RenderRect){bx + bw - inset_w, by + legend_h + 4, inset_w, inset_h});
    by += legend_h + 4 + inset_h + 6;
  } else {
    by += MAX(legend_h, inset_h + 18) + 6;
  }
  by += render_figures_legend_draw(cr, m, sd->g, sd->pr, bx, by, bw);
  cairo_restore(cr);
  return (by - y0) * b;
}

/* The key figures and the priorities list (render-figures.c) and the
 * data-quality line at (x, y), `w` wide, scaled by `b`, and the gap under
 * them.  Returns the height used, layout units. */
static double
render_sheet_figures(cairo_t *cr, const RenderSheetSide *sd, double x, double y, double w,
                     double b)
{
  cairo_save(cr);
  cairo_scale(cr, b, b);
  const RenderGroup *g = sd->g;
  double h = render_figures_draw(cr, sd->m, g, sd->counts, sd->pr, x / b, y / b, w / b);
  h += render_sheet_quality(cr, sd->m, g->features, g->n_features, x / b, y / b + h, w / b) + 8;
  cairo_restore(cr);
  return h * b;
}

/* The height `draw` uses at scale b, drawn where nothing is kept, with
 * the page's transformation and font options. */
static double
render_sheet_measure(double (*draw)(cairo_t *, const RenderSheetSide *, double, double, double,
                                    double),
                     const RenderSheetSide *sd, double w, double b)
{
  cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create(s);
  cairo_matrix_t ctm;
  cairo_get_matrix(sd->page, &ctm);
  cairo_set_matrix(cr, &ctm);
  cairo_font_options_t *fo = cairo_font_options_create();
  cairo_surface_get_font_options(cairo_get_target(sd->page), fo);
  cairo_set_font_options(cr, fo);
  cairo_font_options_destroy(fo);
  double h = draw(cr, sd, 0, 0, w, b);
  cairo_destroy(cr);
  cairo_surface_destroy(s);
  return h;
}

/* The scale (at most `b`) at which `draw`, `w` wide, takes no more than
 * `room`: the text is ellipsised, never wrapped, so the height is about
 * proportional to the scale; a few steps settle where the locator moves
 * beside the legend.  Not below half of `b`. */
static double
render_sheet_fit(double (*draw)(cairo_t *, const RenderSheetSide *, double, double, double,
                                double),
                 const RenderSheetSide *sd, double w, double b, double room, double *h)
{
  double b0 = b;
  *h = render_sheet_measure(draw, sd, w, b);
  for (int i = 0; i < 6 && *h > room && b > b0 / 2; i++) {
    b = MAX(b0 / 2, b * room / *h * 0.995);
    *h = render_sheet_measure(draw, sd, w, b);
  }
  return b;
}

/* The scales of the side.  The legend is at the top of P->column; the
 * key figures and priorities follow it in landscape, and top the table's
 * column in portrait; the table takes what is left below them.  Both are
 * enlarged by P->block, less when that would push them off the page or,
 * on a poster, leave too little room for the table: a poster's table is
 * to fit on it at its smallest rows (RenderPage.table_min_row) when it
 * can, where an A4 sheet's continues on another page.  A poster keeps
 * its legend, read from afar, and shrinks the figures, read close up,
 * first.  Out: the scales of the legend and of the figures. */
static void
render_sheet_layout(const RenderSheetSide *sd, const RenderPage *P, double *legend_b,
                    double *figures_b)
{
  *legend_b = *figures_b = P->block;
  /* A poster's table at its smallest, when that leaves the figures some
   * room: longer tables (villages) continue anyway. */
  double table_min = 0;
  if (P->paper != RENDER_PAPER_A4) {
    table_min = 4 + P->table_min_row * (sd->g->n_features + 1.3) + 1;
    if (table_min > 0.6 * P->table.h)
      table_min = 0;
  }
  double lh, fh;
  if (!P->portrait) {
    /* One column: legend, figures, table.  The A4 sheet keeps its sizes. */
    if (P->paper == RENDER_PAPER_A4)
      return;
    double room = P->column.h - table_min;
    double least = render_sheet_measure(render_sheet_figures, sd, P->column.w, P->block / 2);
    *legend_b = render_sheet_fit(render_sheet_legend, sd, P->column.w, P->block, room - least, &lh);
    *figures_b = render_sheet_fit(render_sheet_figures, sd, P->column.w, P->block, room - lh, &fh);
  } else {
    /* The legend alone in the left column; the figures over the table,
     * which keeps at least a poster's table_min or a fifth of the band. */
    *legend_b = render_sheet_fit(render_sheet_legend, sd, P->column.w, P->block, P->column.h, &lh);
    double keep = MAX(table_min, P->table.h / 5);
    *figures_b =
        render_sheet_fit(render_sheet_figures, sd, P->table.w, P->block, P->table.h - keep, &fh);
  }
}

gboolean
render_sheet_draw(cairo_t *cr, const RenderModel *m, const RenderGroup *g, int *pages_used,
                  GError **error)
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
  render_scalebar_draw(cr, info.pt_per_m, f->x + 12, f->y + f->h - 10, f->w * 0.28, m->lang);
  render_north_arrow_draw(cr, f->x + f->w - 20, f->y + 22, 16, m->lang);
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  render_text(cr, info.proj_name, 5.5, FALSE, f->x + f->w - 4, f->y + f->h - 10, 0,
              RENDER_ALIGN_RIGHT);
  if (info.unlabelled > 0) {
    g_autofree char *note =
        g_strdup_printf(render_tr(m->lang, "%u wilayah tanpa label di peta (lihat tabel)"), info.unlabelled);
    cairo_set_source_rgb(cr, 0.6, 0.1, 0.1);
    render_text(cr, note, 6.5, TRUE, f->x + 6, f->y + 4, 0, RENDER_ALIGN_LEFT);
  }
  render_map_info_clear(&info);

  /* Legend with the locator inset, key figures and priorities, enlarged
   * on a poster (they are read from a distance), then the table, which is
   * not (render_sheet_layout). */
  guint *counts = render_sheet_counts(m, g->features, g->n_features);
  GeoPriorities *pr = render_figures_priorities(m, g);
  RenderSheetSide side = {m, g, counts, pr, cr};
  double legend_b, figures_b;
  render_sheet_layout(&side, P, &legend_b, &figures_b);
  double y = P->column.y + render_sheet_legend(cr, &side, P->column.x, P->column.y, P->column.w,
                                               legend_b);
  RenderRect tb = P->table;
  if (!P->portrait)
    tb = (RenderRect){P->column.x, y, P->column.w, P->column.y + P->column.h - y};
  double fh = render_sheet_figures(cr, &side, tb.x, tb.y, tb.w, figures_b);
  tb.y += fh;
  tb.h -= fh;
  geo_priorities_free(pr);
  g_free(counts);
  /* The ranked table: below the figures, in the column right of the map
   * (landscape) or right of the legend below the map (portrait).  In a
   * PDF what does not fit continues on following pages, elsewhere (PNG,
   * SVG) the last line says so. */
  cairo_surface_t *target = cairo_get_target(cr);
  gboolean paged = cairo_surface_get_type(target) == CAIRO_SURFACE_TYPE_PDF;
  guint *order = render_table_order(m, g);
  guint done = render_table_draw(cr, m, order, 0, g->n_features, tb, !paged);
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
    const int cols = P->table_columns;
    const double gap = 14, top = P->map.y, bottom = P->footer_y - 8;
    const double cw = (P->w - 2 * P->margin - (cols - 1) * gap) / cols;
    for (int col = 0; col < cols && done < g->n_features; col++)
      done += render_table_draw(cr, m, order, done, g->n_features,
                                (RenderRect){P->margin + col * (cw + gap), top, cw, bottom - top},
                                FALSE);
    g_autofree char *more = g_strdup_printf(render_tr(m->lang, "Lembar %s"), label);
    render_page_footer(cr, m, more);
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
