/* geo-quality.c — the data-quality line printed on every sheet.
 *
 * A briefing sheet travels without the join report: the line says, in
 * the map's language (Indonesian unless the caller gives other words) and
 * in a few words, how far the map can be trusted for the
 * districts on it ("Kualitas data: 2 kab/kota tanpa data; 1 nilai tidak
 * valid").  The overview's line covers the whole layer and also counts
 * table rows that matched no district. */
#include "geo-private.h"

#include <string.h>

static const GeoQualityWords geo_quality_id = {
    "Kualitas data: ",   "%u %s tanpa data", " (%u dibentuk %d)",           " (%u dibentuk %d–%d)",
    "%u nilai tidak valid", "%u nama ambigu", "%u baris ganda", "%u baris tabel tidak cocok",
    "lengkap, %u %s berdata",
    "lengkap untuk %u %s",
    "%u %s dibentuk %d, sesudah data ini: belum dinilai"};

char *
geo_join_quality_text(const GeoJoinReport *r, const GeoLayer *layer, const guint *idx, guint n,
                      const char *unit, gboolean *complete)
{
  return geo_join_quality_text_in(r, layer, idx, n, unit, NULL, complete);
}

char *
geo_join_quality_text_in(const GeoJoinReport *r, const GeoLayer *layer, const guint *idx, guint n,
                         const char *unit, const GeoQualityWords *words, gboolean *complete)
{
  const GeoQualityWords *w = words ? words : &geo_quality_id;
  /* Which features the line is about. */
  gboolean *on = g_new0(gboolean, MAX(layer->n_features, 1));
  guint count = idx ? n : layer->n_features;
  for (guint i = 0; i < count; i++) {
    guint f = idx ? idx[i] : i;
    if (f < layer->n_features)
      on[f] = TRUE;
  }
  guint without = 0, bad = 0, ambiguous = 0, duplicates = 0, unmatched = 0, formed = 0;
  int year_lo = 0, year_hi = 0;
  for (guint i = 0; i < r->without_data->len; i++)
    without += on[g_array_index(r->without_data, guint, i)];
  g_autoptr(GArray) why = geo_vintage_explain(r, layer, NULL);
  for (guint i = 0; i < why->len; i++) {
    const GeoFormed *e = &g_array_index(why, GeoFormed, i);
    if (!on[e->feature] || e->of_province)
      continue;
    formed++;
    year_lo = year_lo == 0 || e->formed->year < year_lo ? e->formed->year : year_lo;
    year_hi = MAX(year_hi, e->formed->year);
  }
  for (guint i = 0; i < r->bad_values->len; i++) {
    const GeoBadValue *b = g_ptr_array_index(r->bad_values, i);
    bad += b->feature < layer->n_features && on[b->feature];
  }
  for (guint i = 0; i < r->dup_features->len; i++) {
    const GeoDuplicate *d = g_ptr_array_index(r->dup_features, i);
    duplicates += d->feature < layer->n_features && on[d->feature];
  }
  for (guint t = 0; t < r->tables->len; t++) {
    const GeoTableReport *tr = g_ptr_array_index(r->tables, t);
    for (guint i = 0; i < tr->duplicates->len; i++) {
      const GeoDuplicate *d = g_ptr_array_index(tr->duplicates, i);
      duplicates += d->feature < layer->n_features && on[d->feature];
    }
    for (guint i = 0; i < tr->ambiguous->len; i++) {
      const GeoAmbiguous *a = g_ptr_array_index(tr->ambiguous, i);
      gboolean here = FALSE;
      for (guint c = 0; c < a->candidates->len && !here; c++) {
        guint f = g_array_index(a->candidates, guint, c);
        here = f < layer->n_features && on[f];
      }
      ambiguous += here;
    }
    unmatched += tr->unmatched->len;
  }
  g_free(on);
  if (idx)
    unmatched = 0; /* rows that matched nothing belong to no sheet */

  g_autofree char *u = g_utf8_strdown(unit && *unit ? unit : "wilayah", -1);
  GString *o = g_string_new(w->title);
  if (w->formed_only && w->complete_for && without > 0 && formed == without && year_lo == year_hi && bad == 0 &&
      ambiguous == 0 && duplicates == 0 && unmatched == 0) {
    /* Districts newer than the table (IKP 2024's 34 provinces on the 38
     * of today): said as what they are, not as missing data. */
    if (count > without) {
      g_string_append_printf(o, w->complete_for, count - without, u);
      g_string_append(o, "; ");
    }
    g_string_append_printf(o, w->formed_only, formed, u, year_lo);
    if (complete)
      *complete = TRUE;
    return g_string_free(o, FALSE);
  }
  gsize start = o->len;
  if (without > 0) {
    g_string_append_printf(o, w->without, without, u);
    if (formed > 0 && year_lo == year_hi)
      g_string_append_printf(o, w->formed_one, formed, year_lo);
    else if (formed > 0)
      g_string_append_printf(o, w->formed_range, formed, year_lo, year_hi);
  }
  const char *sep = "; ";
  if (bad > 0) {
    g_string_append(o, o->len > start ? sep : "");
    g_string_append_printf(o, w->bad, bad);
  }
  if (ambiguous > 0) {
    g_string_append(o, o->len > start ? sep : "");
    g_string_append_printf(o, w->ambiguous, ambiguous);
  }
  if (duplicates > 0) {
    g_string_append(o, o->len > start ? sep : "");
    g_string_append_printf(o, w->duplicates, duplicates);
  }
  if (unmatched > 0) {
    g_string_append(o, o->len > start ? sep : "");
    g_string_append_printf(o, w->unmatched, unmatched);
  }
  if (complete)
    *complete = o->len == start;
  if (o->len == start)
    g_string_append_printf(o, w->complete, count, u);
  return g_string_free(o, FALSE);
}
