/* render-table.c — the ranked table of a group's districts: highest score
 * first, with its class swatch and, when a personnel table is joined, the
 * officers, polling stations (TPS), officers per TPS and, where the column
 * is wide enough, voters per officer; reinforcement priorities are marked.
 * Rows shrink to fit the box; districts without data come last. */
#include "render-private.h"

#include <math.h>
#include <string.h>

/* Highest value first, no data last, ties by key: a stable, total order. */
static int
render_table_cmp(gconstpointer a, gconstpointer b, gpointer data)
{
  const RenderModel *m = data;
  guint fa = *(const guint *)a, fb = *(const guint *)b;
  double va = m->values[fa], vb = m->values[fb];
  if (isnan(va) != isnan(vb))
    return isnan(va) ? 1 : -1;
  if (!isnan(va) && va != vb)
    return va < vb ? 1 : -1;
  return strcmp(m->layer->features[fa].key, m->layer->features[fb].key);
}

char *
render_table_name(const char *name)
{
  const char *rest;
  const GeoNamePrefix *p = geo_name_prefix(name, &rest);
  if (p && p->abbreviation)
    return g_strconcat(p->abbreviation, " ", rest, NULL);
  return g_strdup(name);
}

guint *
render_table_order(const RenderModel *m, const RenderGroup *g)
{
  render_plan_count_order();
  guint *order = g_memdup2(g->features, sizeof(guint) * MAX(g->n_features, 1));
  g_qsort_with_data(order, (gint)g->n_features, sizeof(guint), render_table_cmp, (gpointer)m);
  return order;
}

/* Numeric columns of the table: score, then with personnel figures the
 * officers, TPS, officers per TPS and voters per officer. */
enum {
  RENDER_COL_SCORE,
  RENDER_COL_OFFICERS,
  RENDER_COL_TPS,
  RENDER_COL_RATIO,
  RENDER_COL_VOTERS,
  RENDER_N_COLS
};

/* The heading of numeric column k. */
static const char *
render_table_head(RenderLang lang, guint k)
{
  switch (k) {
  case RENDER_COL_SCORE: return render_tr(lang, "Skor");
  case RENDER_COL_OFFICERS: return render_tr(lang, "Personel");
  case RENDER_COL_TPS: return render_tr(lang, "TPS");
  case RENDER_COL_RATIO: return render_tr(lang, "Per TPS");
  default: return render_tr(lang, "DPT/pers.");
  }
}

/* The texts of feature f's numeric cells. */
static void
render_table_cells(const RenderModel *m, guint f, char *cells[RENDER_N_COLS])
{
  const GeoFigures *fig = m->figures;
  RenderLang lang = m->lang;
  cells[RENDER_COL_SCORE] = render_number(lang, m->values[f], m->style->decimals);
  if (!geo_figures_has_coverage(fig)) {
    for (guint k = 1; k < RENDER_N_COLS; k++)
      cells[k] = NULL;
    return;
  }
  double off = fig->officers[f], tps = fig->tps[f];
  cells[RENDER_COL_OFFICERS] = render_number(lang, off, 0);
  cells[RENDER_COL_TPS] = render_number(lang, tps, 0);
  cells[RENDER_COL_RATIO] = render_number(lang, geo_figures_ratio(off, tps), 2);
  cells[RENDER_COL_VOTERS] = render_number(lang, geo_figures_ratio(fig->dpt[f], off), 0);
}

guint
render_table_draw(cairo_t *cr, const RenderPlan *plan, guint first, RenderRect box,
                  gboolean note_rest)
{
  const RenderModel *m = plan->m;
  const guint *order = plan->order;
  guint n = plan->g->n_features;
  /* Priorities of the group the rows belong to (a table shows one group). */
  const gboolean *priority = plan->priority_of;
  guint left = n - first;
  RenderLang lang = m->lang;
  const GeoFigures *fig = m->figures;
  gboolean staff = geo_figures_has_coverage(fig);
  /* Rows shrink to fit, but never below a size that still reads on paper;
   * what does not fit continues elsewhere (render-sheet.c). */
  const double min_row = render_page_of(m)->table_min_row;
  double row = CLAMP((box.h - 4) / (left + 1.3), min_row, 11.5);
  /* (A row shrunk to fit exactly must count as fitting: 23 - 1e-15 is 23.) */
  guint fits = (guint)MAX(0, floor((box.h - 4) / row - 1.3 + 1e-9));
  guint count = MIN(left, fits);
  if (note_rest && count < left && count > 0)
    count--; /* room for the line that says where the rest is */
  /* Type 0.66 of the row, or up to 6 pt with a leading of 1.2 on rows
   * shrunk to fit (Jawa Timur's 38 rows on A4: 7.4 pt rows, 6 pt type). */
  double fs = CLAMP(MAX(row * 0.66, MIN(6.0, row / 1.2)), min_row * 0.58, 7.2);
  /* Column right edges (name is left-aligned, the rest right-aligned). */
  double x = box.x, w = box.w;
  const double gap = 6, mark_w = 36; /* swatch and priority mark left of the score */

  /* Every cell's text, and the widths of the columns and the names. */
  guint n_cols = !staff ? 1 : fig->dpt_column >= 0 ? RENDER_N_COLS : RENDER_COL_VOTERS;
  char **cells = g_new0(char *, (gsize)MAX(count, 1) * RENDER_N_COLS);
  double col_w[RENDER_N_COLS] = {0}, name_need = 0, tw, th;
  for (guint k = 0; k < n_cols; k++) {
    render_text_size(cr, render_table_head(lang, k), fs, TRUE, &tw, &th);
    col_w[k] = tw;
  }
  for (guint i = 0; i < count; i++) {
    guint f = order[first + i];
    render_table_cells(m, f, cells + (gsize)i * RENDER_N_COLS);
    for (guint k = 0; k < n_cols; k++) {
      render_text_size(cr, cells[(gsize)i * RENDER_N_COLS + k], fs, FALSE, &tw, &th);
      col_w[k] = MAX(col_w[k], tw);
    }
    g_autofree char *name = render_table_name(m->layer->features[f].name);
    render_text_size(cr, name, fs, TRUE, &tw, &th);
    name_need = MAX(name_need, tw);
  }
  /* Voters per officer only while the names keep their room. */
  double c_name = x + 16, numbers = 0;
  for (guint k = 0; k < n_cols; k++)
    numbers += col_w[k] + gap;
  if (n_cols == RENDER_N_COLS && w - (c_name - x) - mark_w - numbers < MIN(name_need, w * 0.4))
    n_cols--, numbers -= col_w[RENDER_COL_VOTERS] + gap;
  /* Right edges, from the box's right side leftwards; with spare room the
   * numeric columns spread over up to 60% of the box. */
  double spare = MAX(0, (w * 0.6 - numbers - mark_w) / MAX(n_cols, 1));
  spare = MIN(spare, MAX(0, w - (c_name - x) - mark_w - numbers - name_need) / MAX(n_cols, 1));
  double right[RENDER_N_COLS];
  double edge = x + w;
  for (int k = (int)n_cols - 1; k >= 0; k--) {
    right[k] = edge;
    edge -= col_w[k] + gap + spare;
  }
  double c_score = right[RENDER_COL_SCORE];
  double swatch_x = c_score - col_w[RENDER_COL_SCORE] - 4 - row * 0.62 * 1.4;
  double name_w = swatch_x - 10 - c_name;
  double c_no = x + 12;
  double y = box.y;
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  render_text(cr, render_tr(lang, "No"), fs, TRUE, c_no, y, 0, RENDER_ALIGN_RIGHT);
  render_text(cr, m->texts->unit_name ? m->texts->unit_name : render_tr(lang, "Wilayah"), fs, TRUE,
              c_name, y, name_w, RENDER_ALIGN_LEFT);
  for (guint k = 0; k < n_cols; k++)
    render_text(cr, render_table_head(lang, k), fs, TRUE, right[k], y, 0, RENDER_ALIGN_RIGHT);
  y += row * 1.15;
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, x, y - 1);
  cairo_line_to(cr, x + w, y - 1);
  cairo_stroke(cr);

  /* Stripes first: drawn row by row, a stripe would cover the descenders
   * of the row above ("Ngawi", "Bojonegoro" at 6 pt on 7.2 pt rows). */
  cairo_set_source_rgb(cr, 0.95, 0.95, 0.95);
  for (guint i = first; i < first + count; i++)
    if (i % 2 == 1)
      cairo_rectangle(cr, x, y + (i - first) * row - 0.5, w, row);
  cairo_fill(cr);
  for (guint i = first; i < first + count; i++) {
    guint f = order[i];
    char **cell = cells + (gsize)(i - first) * RENDER_N_COLS;
    int cls = m->classes[f];
    double sw = row * 0.62;
    cairo_rectangle(cr, swatch_x, y + (row - sw) / 2 - 0.5, sw * 1.4, sw);
    render_class_fill(cr, m, cls, FALSE);
    if (priority && priority[f])
      render_figures_mark(cr, swatch_x - 5, y + row / 2 - 0.5, row * 0.55);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    g_autofree char *no = g_strdup_printf("%u", i + 1);
    g_autofree char *name = render_table_name(m->layer->features[f].name);
    render_text(cr, no, fs, FALSE, c_no, y, 0, RENDER_ALIGN_RIGHT);
    render_text(cr, name, fs, priority && priority[f], c_name, y, name_w, RENDER_ALIGN_LEFT);
    for (guint k = 0; k < n_cols; k++)
      render_text(cr, cell[k], fs, FALSE, right[k], y, 0, RENDER_ALIGN_RIGHT);
    y += row;
  }
  for (gsize i = 0; i < (gsize)MAX(count, 1) * RENDER_N_COLS; i++)
    g_free(cells[i]);
  g_free(cells);
  if (note_rest && first + count < n) {
    g_autofree char *rest = g_strdup_printf(
        render_tr(lang, "… %u %s lainnya: lihat tabel lengkap di PDF"), n - first - count,
        m->texts->unit_name ? m->texts->unit_name : render_tr(lang, "wilayah"));
    cairo_set_source_rgb(cr, 0.6, 0.1, 0.1);
    render_text(cr, rest, fs, TRUE, c_name, y, w - 16, RENDER_ALIGN_LEFT);
  }
  return count;
}
