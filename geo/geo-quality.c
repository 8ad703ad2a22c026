/* geo-quality.c — what the data-quality line on every sheet counts.
 *
 * A briefing sheet travels without the join report: its line says in a
 * few words how far the map can be trusted for the districts on it.  This
 * file counts, for the districts of one sheet (or the whole layer), what
 * the report holds about them: districts without data and how many of
 * them were formed after the boundaries' vintage, bad values, ambiguous
 * names, duplicates and, for the whole layer, table rows that matched
 * nothing.  The words are render's (render_quality_text), written with
 * format strings the compiler checks. */
#include "geo-private.h"

#include <string.h>

void
geo_join_quality_count(const GeoJoinReport *r, const GeoLayer *layer, const guint *idx, guint n,
                       GeoQuality *out)
{
  memset(out, 0, sizeof *out);
  /* Which features the line is about. */
  gboolean *on = g_new0(gboolean, MAX(layer->n_features, 1));
  guint count = idx ? n : layer->n_features;
  for (guint i = 0; i < count; i++) {
    guint f = idx ? idx[i] : i;
    if (f < layer->n_features)
      on[f] = TRUE;
  }
  out->features = count;
  for (guint i = 0; i < r->without_data->len; i++)
    out->without += on[g_array_index(r->without_data, guint, i)];
  g_autoptr(GArray) why = geo_vintage_explain(r, layer, NULL);
  for (guint i = 0; i < why->len; i++) {
    const GeoFormed *e = &g_array_index(why, GeoFormed, i);
    if (!on[e->feature] || e->of_province)
      continue;
    out->formed++;
    out->year_lo = out->year_lo == 0 || e->formed->year < out->year_lo ? e->formed->year
                                                                       : out->year_lo;
    out->year_hi = MAX(out->year_hi, e->formed->year);
  }
  for (guint i = 0; i < r->bad_values->len; i++) {
    const GeoBadValue *b = g_ptr_array_index(r->bad_values, i);
    out->bad += b->feature < layer->n_features && on[b->feature];
  }
  for (guint i = 0; i < r->dup_features->len; i++) {
    const GeoDuplicate *d = g_ptr_array_index(r->dup_features, i);
    out->duplicates += d->feature < layer->n_features && on[d->feature];
  }
  for (guint t = 0; t < r->tables->len; t++) {
    const GeoTableReport *tr = g_ptr_array_index(r->tables, t);
    for (guint i = 0; i < tr->duplicates->len; i++) {
      const GeoDuplicate *d = g_ptr_array_index(tr->duplicates, i);
      out->duplicates += d->feature < layer->n_features && on[d->feature];
    }
    for (guint i = 0; i < tr->ambiguous->len; i++) {
      const GeoAmbiguous *a = g_ptr_array_index(tr->ambiguous, i);
      gboolean here = FALSE;
      for (guint c = 0; c < a->candidates->len && !here; c++) {
        guint f = g_array_index(a->candidates, guint, c);
        here = f < layer->n_features && on[f];
      }
      out->ambiguous += here;
    }
    out->unmatched += tr->unmatched->len;
  }
  g_free(on);
  if (idx)
    out->unmatched = 0; /* rows that matched nothing belong to no sheet */
}

gboolean
geo_quality_is_complete(const GeoQuality *q)
{
  return q->without == 0 && q->bad == 0 && q->ambiguous == 0 && q->duplicates == 0 &&
         q->unmatched == 0;
}
