/* render-quality.c — the words of the data-quality line on every sheet
 * ("Kualitas data: 2 kab/kota tanpa data; 1 nilai tidak valid") from the
 * counts geo returns (geo_join_quality_count), in the map's language.  The
 * formats are literals seen through render_tr, so the compiler checks
 * every conversion against its argument. */
#include "render-private.h"

/* Appends "; " unless the line has nothing after its title yet. */
static void
render_quality_sep(GString *o, gsize start)
{
  if (o->len > start)
    g_string_append(o, "; ");
}

char *
render_quality_text(RenderLang lang, const GeoQuality *q, const char *unit, gboolean *complete)
{
  g_autofree char *u = g_utf8_strdown(unit && *unit ? unit : render_tr(lang, "wilayah"), -1);
  GString *o = g_string_new(render_tr(lang, "Kualitas data: "));
  if (q->without > 0 && q->formed == q->without && q->year_lo == q->year_hi && q->bad == 0 &&
      q->ambiguous == 0 && q->duplicates == 0 && q->unmatched == 0) {
    /* Districts newer than the table (IKP 2024's 34 provinces on the 38
     * of today): said as what they are, not as missing data. */
    if (q->features > q->without) {
      g_string_append_printf(o, render_tr(lang, "lengkap untuk %u %s"), q->features - q->without,
                             u);
      g_string_append(o, "; ");
    }
    g_string_append_printf(o, render_tr(lang, "%u %s dibentuk %d, sesudah data ini: belum dinilai"),
                           q->formed, u, q->year_lo);
    if (complete)
      *complete = TRUE;
    return g_string_free(o, FALSE);
  }
  gsize start = o->len;
  if (q->without > 0) {
    g_string_append_printf(o, render_tr(lang, "%u %s tanpa data"), q->without, u);
    if (q->formed > 0 && q->year_lo == q->year_hi)
      g_string_append_printf(o, render_tr(lang, " (%u dibentuk %d)"), q->formed, q->year_lo);
    else if (q->formed > 0)
      g_string_append_printf(o, render_tr(lang, " (%u dibentuk %d–%d)"), q->formed, q->year_lo,
                             q->year_hi);
  }
  if (q->bad > 0) {
    render_quality_sep(o, start);
    g_string_append_printf(o, render_tr(lang, "%u nilai tidak valid"), q->bad);
  }
  if (q->ambiguous > 0) {
    render_quality_sep(o, start);
    g_string_append_printf(o, render_tr(lang, "%u nama ambigu"), q->ambiguous);
  }
  if (q->duplicates > 0) {
    render_quality_sep(o, start);
    g_string_append_printf(o, render_tr(lang, "%u baris ganda"), q->duplicates);
  }
  if (q->unmatched > 0) {
    render_quality_sep(o, start);
    g_string_append_printf(o, render_tr(lang, "%u baris tabel tidak cocok"), q->unmatched);
  }
  if (complete)
    *complete = o->len == start;
  if (o->len == start)
    g_string_append_printf(o, render_tr(lang, "lengkap, %u %s berdata"), q->features, u);
  return g_string_free(o, FALSE);
}

char *
render_quality_text_for(const GeoJoinReport *r, const GeoLayer *layer, const guint *idx, guint n,
                        const char *unit, gboolean *complete)
{
  GeoQuality q;
  geo_join_quality_count(r, layer, idx, n, &q);
  return render_quality_text(RENDER_LANG_ID, &q, unit, complete);
}
