/* render-figures.c — the numbers a briefing is about, beside the map: the
 * key figures of the group (districts, top class, mean score, personnel by
 * type, TPS, DPT, TPS and voters per officer) and the reinforcement
 * priorities of the coverage gap rule (districts of the top class with too
 * few officers per TPS), listed with the officers they lack and marked on
 * the map with a heavy outline that survives greyscale and --mono.  The
 * figures themselves are computed in geo/geo-figures.c. */
#include "render-private.h"

#include <math.h>
#include <string.h>

/* At most this many priorities are listed on the sheet; the rest are
 * marked in the ranked table (and all are in prioritas-penebalan.csv). */
#define RENDER_FIGURES_MAX_LISTED 8

GeoPriorities *
render_figures_priorities(const RenderModel *m, const RenderGroup *g)
{
  if (!geo_figures_has_coverage(m->figures) || m->style->n_classes == 0)
    return NULL;
  render_plan_count_priorities();
  return geo_figures_priorities(m->figures, m->classes, (int)m->style->n_classes - 1, g->features,
                                g->n_features, m->officers_per_tps);
}

void
render_figures_mark(cairo_t *cr, double x, double y, double size)
{
  double h = size, w = size * 1.15;
  cairo_save(cr);
  cairo_new_path(cr);
  cairo_move_to(cr, x, y - h / 2);
  cairo_line_to(cr, x + w / 2, y + h / 2);
  cairo_line_to(cr, x - w / 2, y + h / 2);
  cairo_close_path(cr);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_set_line_width(cr, 1.2);
  cairo_stroke_preserve(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_fill(cr);
  cairo_restore(cr);
}

/* Strokes the current path as a priority outline and clears it. */
static void
render_figures_stroke_outline(cairo_t *cr)
{
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_set_line_width(cr, 3.8);
  cairo_stroke_preserve(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 1.8);
  cairo_stroke(cr);
}

void
render_figures_outline(cairo_t *cr, const GeoShapes *s, const gboolean *flags, const RenderMapXf *t)
{
  if (flags == NULL)
    return;
  cairo_save(cr);
  cairo_new_path(cr);
  for (guint f = 0; f < s->n_features; f++)
    if (flags[f])
      render_map_path_feature(cr, s, f, t);
  render_figures_stroke_outline(cr);
  cairo_restore(cr);
}

double
render_figures_legend_draw(cairo_t *cr, const RenderModel *m, const RenderGroup *g,
                           const GeoPriorities *pr, double x, double y, double w)
{
  double y0 = y;
  if (pr && pr->items->len > 0) {
    /* Same swatch as the class rows, in the top class, outlined. */
    const double sw = 18, sh = 11;
    cairo_rectangle(cr, x + 1, y + 1, sw - 2, sh - 2);
    render_class_fill(cr, m, (int)m->style->n_classes - 1, TRUE);
    render_figures_stroke_outline(cr);
    render_figures_mark(cr, x + sw + 8, y + sh / 2, 6);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    render_text(cr, render_tr(m->lang, "Prioritas penebalan (garis tebal)"), 7.5, FALSE,
                x + sw + 14, y - 0.5, w - sw - 54, RENDER_ALIGN_LEFT);
    g_autofree char *cnt = g_strdup_printf("%u", pr->items->len);
    render_text(cr, cnt, 7.5, TRUE, x + w, y - 0.5, 0, RENDER_ALIGN_RIGHT);
    y += 14.5;
  }
  if (m->symbols) {
    double v_max = render_symbols_max(m, g->features, g->n_features);
    double h = render_symbols_legend_draw(
        cr, m, v_max, render_symbols_radius_max(TRUE, g->n_features), x, y + 2, w);
    if (h > 0)
      y += h + 6;
  }
  return y - y0;
}

/* "1.234" ("1,234" in English) or "–" for unknown. */
static char *
render_figures_num(const RenderModel *m, double v, int decimals)
{
  return render_number(m->lang, v, decimals); /* "–" when not finite */
}

/* One label/value row of the key figures grid at (x, y), `w` wide. */
static void
render_figures_pair(cairo_t *cr, const char *label, const char *value, gboolean bold, double x,
                    double y, double w, double fs)
{
  double vw, vh;
  render_text_size(cr, value, fs, bold, &vw, &vh);
  cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
  render_text(cr, label, fs, FALSE, x, y, w - vw - 4, RENDER_ALIGN_LEFT);
  cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
  render_text(cr, value, fs, bold, x + w, y, 0, RENDER_ALIGN_RIGHT);
}

/* The personnel and workload grid.  Returns the height used. */
static double
render_figures_grid(cairo_t *cr, const RenderModel *m, const RenderGroup *g, double x, double y,
                    double w)
{
  const GeoFigures *fig = m->figures;
  if (fig == NULL || (fig->n_types == 0 && fig->tps_column < 0 && fig->dpt_column < 0))
    return 0;
  const double fs = 7.2, row = 9.6, gap = 14;
  double cw = (w - gap) / 2, y0 = y;
  GeoFiguresTotals *t = geo_figures_totals(fig, g->features, g->n_features);
  double yl = y, yr = y;
  /* Left: the officer types summed under a rule like an account, then the
   * other personnel (Linmas), so the total says what it adds up. */
  for (int pass = 0; pass < 2; pass++) {
    for (guint k = 0; k < fig->n_types; k++) {
      if (fig->types[k].officer != (pass == 0))
        continue;
      g_autofree char *v = render_figures_num(m, t->types[k], 0);
      render_figures_pair(cr, fig->types[k].label, v, FALSE, x, yl, cw, fs);
      yl += row;
    }
    if (pass == 0 && fig->n_officer_types > 1) {
      cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
      cairo_set_line_width(cr, 0.4);
      cairo_move_to(cr, x, yl + 0.3);
      cairo_line_to(cr, x + cw, yl + 0.3);
      cairo_stroke(cr);
      g_autofree char *v = render_figures_num(m, t->officers, 0);
      render_figures_pair(cr, render_tr(m->lang, "Jumlah personel"), v, TRUE, x, yl, cw, fs);
      yl += row;
    }
  }
  /* Right: workload and ratios. */
  double xr = x + cw + gap;
  if (fig->tps_column >= 0) {
    g_autofree char *v = render_figures_num(m, t->tps, 0);
    render_figures_pair(cr, render_tr(m->lang, "TPS"), v, FALSE, xr, yr, cw, fs);
    yr += row;
  }
  if (fig->dpt_column >= 0) {
    g_autofree char *v = render_figures_num(m, t->dpt, 0);
    render_figures_pair(cr, render_tr(m->lang, "DPT (pemilih)"), v, FALSE, xr, yr, cw, fs);
    yr += row;
  }
  if (fig->n_officer_types > 0 && fig->tps_column >= 0) {
    g_autofree char *a = render_figures_num(m, t->officers_per_tps, 2);
    g_autofree char *b = render_figures_num(m, t->tps_per_officer, 2);
    render_figures_pair(cr, render_tr(m->lang, "Personel per TPS"), a, TRUE, xr, yr, cw, fs);
    render_figures_pair(cr, render_tr(m->lang, "TPS per personel"), b, FALSE, xr, yr + row, cw, fs);
    yr += 2 * row;
  }
  if (fig->n_officer_types > 0 && fig->dpt_column >= 0) {
    g_autofree char *v = render_figures_num(m, t->voters_per_officer, 0);
    render_figures_pair(cr, render_tr(m->lang, "Pemilih per personel"), v, FALSE, xr, yr, cw, fs);
    yr += row;
  }
  y = MAX(yl, yr) + 1;
  /* What "personel" means, and what is missing. */
  GString *note = g_string_new(NULL);
  if (fig->n_officer_types == 1) /* no sum row says it */
    g_string_append_printf(note, render_tr(m->lang, "Personel = %s"), fig->officers_label);
  const char *unit = m->texts->unit_name ? m->texts->unit_name : render_tr(m->lang, "wilayah");
  if (fig->n_officer_types > 0 && t->n_without_officers > 0)
    g_string_append_printf(note, render_tr(m->lang, "%s%u %s tanpa data personel"),
                           note->len ? " · " : "", t->n_without_officers, unit);
  if (fig->tps_column >= 0 && t->n_without_tps > 0)
    g_string_append_printf(note, render_tr(m->lang, "%s%u tanpa data TPS"), note->len ? " · " : "",
                           t->n_without_tps);
  if (m->texts->sample_personnel)
    g_string_append_printf(note, render_tr(m->lang, "%sdata personel CONTOH"),
                           note->len ? " · " : "");
  if (note->len) {
    cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
    y += render_text(cr, note->str, 6.3, FALSE, x, y, w, RENDER_ALIGN_LEFT);
  }
  g_string_free(note, TRUE);
  geo_figures_totals_free(t);
  return y - y0;
}

/* The list of reinforcement priorities.  Returns the height used. */
static double
render_figures_priority_list(cairo_t *cr, const RenderPlan *plan, double x, double y, double w)
{
  const RenderModel *m = plan->m;
  const GeoPriorities *pr = plan->priorities;
  const GeoStyle *st = m->style;
  const GeoFigures *fig = m->figures;
  RenderLang lang = m->lang;
  const char *unit = m->texts->unit_name ? m->texts->unit_name : render_tr(lang, "wilayah");
  const char *top = render_style_label(m, st->n_classes - 1);
  if (top == NULL)
    top = render_tr(lang, "kelas tertinggi");
  double y0 = y;
  guint n = pr->items->len;

  /* The rule, with the threshold it used. */
  g_autofree char *thr = render_figures_num(m, pr->threshold, 2);
  g_autofree char *kind = g_utf8_strdown(m->texts->group_kind && *m->texts->group_kind
                                             ? m->texts->group_kind
                                             : render_tr(lang, "kelompok"),
                                         -1);
  g_autofree char *basis = pr->doctrine ? g_strdup(render_tr(lang, "doktrin"))
                                        : g_strdup_printf(render_tr(lang, "median %s"), kind);
  cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
  g_autofree char *head = n > 0 ? g_strdup_printf(render_tr(lang, "Prioritas penebalan (%u)"), n)
                                : g_strdup(render_tr(lang, "Prioritas penebalan: tidak ada"));
  double hw, hh;
  render_text_size(cr, head, 8, TRUE, &hw, &hh);
  render_text(cr, head, 8, TRUE, x, y, w, RENDER_ALIGN_LEFT);
  if (n > 0)
    render_figures_mark(cr, x + hw + 7, y + hh / 2, 6);
  y += hh;
  if (n == 0) {
    /* Why none, in one line. */
    g_autofree char *none =
        pr->n_top == 0 ? g_strdup_printf(render_tr(lang, "tidak ada %s %s"), unit, top)
        : pr->n_top == pr->n_unjudged
            ? g_strdup_printf(render_tr(lang, "tidak ada %s %s yang dapat dinilai"), unit, top)
            : g_strdup_printf(render_tr(lang, "%u %s %s, masing-masing ≥ %s personel per TPS (%s)"),
                              pr->n_top - pr->n_unjudged, unit, top, thr, basis);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    y += render_text(cr, none, 6.5, FALSE, x, y, w, RENDER_ALIGN_LEFT);
  } else {
    g_autofree char *rule = g_strdup_printf(
        render_tr(lang, "%s %s dengan personel per TPS < %s (%s)"), unit, top, thr, basis);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    y += render_text(cr, rule, 6.5, FALSE, x, y, w, RENDER_ALIGN_LEFT) + 1;
    /* Columns: rank in the table, name, score, officers per TPS, TPS, and
     * the officers lacking to reach the threshold. */
    const double fs = 7, row = 9.2;
    double c_no = x + 12, c_name = x + 16, c_score = x + w * 0.56, c_ratio = x + w * 0.70;
    double c_tps = x + w * 0.84, c_short = x + w;
    gboolean numeric = st->method != GEO_METHOD_CATEGORICAL;
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    render_text(cr, render_tr(lang, "No"), fs, TRUE, c_no, y, 0, RENDER_ALIGN_RIGHT);
    render_text(cr, m->texts->unit_name ? m->texts->unit_name : render_tr(lang, "Wilayah"), fs,
                TRUE, c_name, y, c_score - 30 - c_name, RENDER_ALIGN_LEFT);
    if (numeric)
      render_text(cr, render_tr(lang, "Skor"), fs, TRUE, c_score, y, 0, RENDER_ALIGN_RIGHT);
    render_text(cr, render_tr(lang, "Per TPS"), fs, TRUE, c_ratio, y, 0, RENDER_ALIGN_RIGHT);
    render_text(cr, render_tr(lang, "TPS"), fs, TRUE, c_tps, y, 0, RENDER_ALIGN_RIGHT);
    render_text(cr, render_tr(lang, "Kurang"), fs, TRUE, c_short, y, 0, RENDER_ALIGN_RIGHT);
    y += row;
    guint listed = MIN(n, RENDER_FIGURES_MAX_LISTED);
    for (guint k = 0; k < listed; k++) {
      const GeoPriority *it = &g_array_index(pr->items, GeoPriority, k);
      g_autofree char *no = g_strdup_printf("%u", render_plan_rank_of(plan, it->feature));
      g_autofree char *name = render_table_name(m->layer->features[it->feature].name);
      g_autofree char *score = render_figures_num(m, m->values[it->feature], st->decimals);
      g_autofree char *ratio = render_figures_num(m, it->officers_per_tps, 2);
      g_autofree char *tps = render_figures_num(m, fig->tps[it->feature], 0);
      g_autofree char *shortfall = render_figures_num(m, it->shortfall, 0);
      cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
      render_text(cr, no, fs, FALSE, c_no, y, 0, RENDER_ALIGN_RIGHT);
      render_text(cr, name, fs, TRUE, c_name, y, (numeric ? c_score - 30 : c_ratio - 34) - c_name,
                  RENDER_ALIGN_LEFT);
      if (numeric)
        render_text(cr, score, fs, FALSE, c_score, y, 0, RENDER_ALIGN_RIGHT);
      render_text(cr, ratio, fs, FALSE, c_ratio, y, 0, RENDER_ALIGN_RIGHT);
      render_text(cr, tps, fs, FALSE, c_tps, y, 0, RENDER_ALIGN_RIGHT);
      g_autofree char *plus = g_strdup_printf("+%s", shortfall);
      render_text(cr, plus, fs, TRUE, c_short, y, 0, RENDER_ALIGN_RIGHT);
      y += row;
    }
    if (listed < n) {
      g_autofree char *rest =
          g_strdup_printf(render_tr(lang, "… %u lainnya: ditandai di tabel"), n - listed);
      cairo_set_source_rgb(cr, 0.6, 0.1, 0.1);
      y += render_text(cr, rest, 6.5, TRUE, c_name, y, w - 16, RENDER_ALIGN_LEFT);
    }
  }
  if (pr->n_unjudged > 0) {
    g_autofree char *why =
        g_strdup_printf(render_tr(lang, "%u %s %s tanpa data personel atau TPS: tidak dinilai"),
                        pr->n_unjudged, unit, top);
    cairo_set_source_rgb(cr, 0.6, 0.1, 0.1);
    y += render_text(cr, why, 6.5, FALSE, x, y, w, RENDER_ALIGN_LEFT);
  }
  return y - y0;
}

double
render_figures_draw(cairo_t *cr, const RenderPlan *plan, double x, double y, double w)
{
  const RenderModel *m = plan->m;
  const RenderGroup *g = plan->g;
  const guint *counts = plan->counts;
  const GeoStyle *st = m->style;
  double y0 = y, sum = 0;
  guint n_val = 0;
  for (guint i = 0; i < g->n_features; i++) {
    double v = m->values[g->features[i]];
    if (!isnan(v)) {
      sum += v;
      n_val++;
    }
  }
  GString *line = g_string_new(NULL);
  RenderLang lang = m->lang;
  const char *unit = m->texts->unit_name ? m->texts->unit_name : render_tr(lang, "wilayah");
  g_string_append_printf(line, "%u %s", g->n_features, unit);
  if (st->n_classes > 0) {
    const char *top = render_style_label(m, st->n_classes - 1);
    g_string_append_printf(line, " · %u %s", counts[st->n_classes - 1],
                           top ? top : render_tr(lang, "kelas tertinggi"));
  }
  if (n_val > 0 && st->method != GEO_METHOD_CATEGORICAL) {
    g_autofree char *mean = render_number(lang, sum / n_val, st->decimals);
    g_string_append_printf(line, render_tr(lang, " · rata-rata skor %s"), mean);
  }
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  y += render_text(cr, line->str, 7.5, TRUE, x, y, w, RENDER_ALIGN_LEFT) + 1;
  if (counts[st->n_classes] > 0) {
    g_string_printf(line, render_tr(lang, "%u %s tanpa data"), counts[st->n_classes], unit);
    cairo_set_source_rgb(cr, 0.6, 0.1, 0.1);
    y += render_text(cr, line->str, 7.5, FALSE, x, y, w, RENDER_ALIGN_LEFT);
  }
  g_string_free(line, TRUE);
  y += render_figures_grid(cr, m, g, x, y, w);
  if (plan->priorities) {
    y += 6;
    y += render_figures_priority_list(cr, plan, x, y, w);
  }
  return y - y0;
}
