/* render-table.c — the ranked table of a group's districts: highest score
 * first, with its class swatch and, when a personnel table is joined, the
 * officers, polling stations (TPS) and officers per TPS.  Rows shrink to
 * fit the box; districts without data come last, marked as such. */
#include "render-private.h"

#include <math.h>
#include <string.h>

void
render_personnel_find(const GeoJoin *join, RenderPersonnel *p)
{
  p->polri = geo_join_find_field(join, "personel_polri");
  p->tni = geo_join_find_field(join, "personel_tni");
  p->brimob = geo_join_find_field(join, "brimob_bko");
  p->linmas = geo_join_find_field(join, "linmas");
  p->tps = geo_join_find_field(join, "jumlah_tps");
  p->dpt = geo_join_find_field(join, "jumlah_dpt");
}

double
render_field_number(const RenderModel *m, int field, guint f)
{
  const char *text = geo_join_get(m->join, f, field);
  double v;
  /* Counts are whole numbers: "1.234" is Indonesian thousands. */
  if (text == NULL || !geo_number_parse(text, TRUE, &v))
    return NAN;
  return v;
}

/* Officers (Polri + TNI + Brimob BKO) of feature f, NAN when unknown. */
static double
render_table_officers(const RenderModel *m, guint f)
{
  const RenderPersonnel *p = &m->personnel;
  if (p->polri < 0)
    return NAN;
  double sum = render_field_number(m, p->polri, f);
  if (p->tni >= 0)
    sum += render_field_number(m, p->tni, f);
  if (p->brimob >= 0)
    sum += render_field_number(m, p->brimob, f);
  return sum;
}

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

/* "Kabupaten X" -> "Kab. X" for the table. */
static char *
render_table_name(const char *name)
{
  if (g_str_has_prefix(name, "Kabupaten "))
    return g_strconcat("Kab. ", name + strlen("Kabupaten "), NULL);
  if (g_str_has_prefix(name, "Kota Administrasi "))
    return g_strconcat("Kota Adm. ", name + strlen("Kota Administrasi "), NULL);
  return g_strdup(name);
}

guint *
render_table_order(const RenderModel *m, const RenderGroup *g)
{
  guint *order = g_memdup2(g->features, sizeof(guint) * MAX(g->n_features, 1));
  g_qsort_with_data(order, (gint)g->n_features, sizeof(guint), render_table_cmp, (gpointer)m);
  return order;
}

guint
render_table_draw(cairo_t *cr, const RenderModel *m, const guint *order, guint first, guint n,
                  RenderRect box, gboolean note_rest)
{
  guint left = n - first;
  gboolean staff = m->personnel.polri >= 0 && m->personnel.tps >= 0;
  /* Rows shrink to fit, but never below a size that still reads on paper;
   * what does not fit continues elsewhere (render-sheet.c). */
  double row = CLAMP((box.h - 4) / (left + 1.3), RENDER_TABLE_MIN_ROW, 11.5);
  guint fits = (guint)MAX(0, floor((box.h - 4) / row - 1.3));
  guint count = MIN(left, fits);
  if (note_rest && count < left && count > 0)
    count--; /* room for the line that says where the rest is */
  double fs = CLAMP(row * 0.66, 4.2, 7.2);
  /* Column right edges (name is left-aligned, the rest right-aligned). */
  double x = box.x, w = box.w;
  double c_no = x + 12, c_name = x + 16, c_score = x + w * (staff ? 0.52 : 0.78);
  double c_off = x + w * 0.68, c_tps = x + w * 0.83, c_ratio = x + w;
  double name_w = c_score - 34 - c_name;
  double y = box.y;

  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  RenderLang lang = m->lang;
  render_text(cr, render_tr(lang, "No"), fs, TRUE, c_no, y, 0, RENDER_ALIGN_RIGHT);
  render_text(cr, m->texts->unit_name ? m->texts->unit_name : render_tr(lang, "Wilayah"), fs, TRUE,
              c_name, y, 0, RENDER_ALIGN_LEFT);
  render_text(cr, render_tr(lang, "Skor"), fs, TRUE, c_score, y, 0, RENDER_ALIGN_RIGHT);
  if (staff) {
    render_text(cr, render_tr(lang, "Personel"), fs, TRUE, c_off, y, 0, RENDER_ALIGN_RIGHT);
    render_text(cr, render_tr(lang, "TPS"), fs, TRUE, c_tps, y, 0, RENDER_ALIGN_RIGHT);
    render_text(cr, render_tr(lang, "Per TPS"), fs, TRUE, c_ratio, y, 0, RENDER_ALIGN_RIGHT);
  }
  y += row * 1.15;
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, x, y - 1);
  cairo_line_to(cr, x + w, y - 1);
  cairo_stroke(cr);

  for (guint i = first; i < first + count; i++) {
    guint f = order[i];
    if (i % 2 == 1) {
      cairo_set_source_rgb(cr, 0.95, 0.95, 0.95);
      cairo_rectangle(cr, x, y - 0.5, w, row);
      cairo_fill(cr);
    }
    int cls = m->classes[f];
    double sw = row * 0.62;
    render_class_source(cr, m, cls);
    cairo_rectangle(cr, c_score - 30, y + (row - sw) / 2 - 0.5, sw * 1.4, sw);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    g_autofree char *no = g_strdup_printf("%u", i + 1);
    g_autofree char *name = render_table_name(m->layer->features[f].name);
    g_autofree char *score = isnan(m->values[f]) ? g_strdup("–")
                                                 : render_number(lang, m->values[f],
                                                                 m->style->decimals);
    render_text(cr, no, fs, FALSE, c_no, y, 0, RENDER_ALIGN_RIGHT);
    render_text(cr, name, fs, FALSE, c_name, y, name_w, RENDER_ALIGN_LEFT);
    render_text(cr, score, fs, FALSE, c_score, y, 0, RENDER_ALIGN_RIGHT);
    if (staff) {
      double off = render_table_officers(m, f);
      double tps = render_field_number(m, m->personnel.tps, f);
      g_autofree char *offs = render_number(lang, off, 0);
      g_autofree char *tpss = render_number(lang, tps, 0);
      g_autofree char *ratio = (tps > 0 && !isnan(off)) ? render_number(lang, off / tps, 2)
                                                         : g_strdup("–");
      render_text(cr, offs, fs, FALSE, c_off, y, 0, RENDER_ALIGN_RIGHT);
      render_text(cr, tpss, fs, FALSE, c_tps, y, 0, RENDER_ALIGN_RIGHT);
      render_text(cr, ratio, fs, FALSE, c_ratio, y, 0, RENDER_ALIGN_RIGHT);
    }
    y += row;
  }
  if (note_rest && first + count < n) {
    g_autofree char *rest =
        g_strdup_printf(render_tr(lang, "… %u %s lainnya: lihat tabel lengkap di PDF"),
                        n - first - count,
                        m->texts->unit_name ? m->texts->unit_name : render_tr(lang, "wilayah"));
    cairo_set_source_rgb(cr, 0.6, 0.1, 0.1);
    render_text(cr, rest, fs, TRUE, c_name, y, w - 16, RENDER_ALIGN_LEFT);
  }
  return count;
}
