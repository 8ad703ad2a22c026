/* geo-vintage.c — why a district has no data: boundary vintages.
 *
 * Tables and boundaries are made at different times.  IKP 2024 (Bawaslu,
 * December 2022) lists 34 provinces; the boundaries of 2025 have 38,
 * because Papua Selatan, Papua Tengah and Papua Pegunungan (July 2022) and
 * Papua Barat Daya (December 2022) were split from Papua and Papua Barat.
 * With the gazetteer's formations (data/pemekaran.csv) the report can say
 * so instead of leaving four grey provinces unexplained; the kab/kota of
 * those provinces got new codes too, which a table keyed by the old codes
 * cannot match. */
#include "geo-private.h"

#include <string.h>

const char *
geo_vintage_units(const char *key, gboolean plural)
{
  switch (geo_key_level(key)) {
  case 1: return plural ? "provinces" : "province";
  case 2: return "kab/kota";
  case 3: return plural ? "kecamatan" : "kecamatan";
  case 4: return plural ? "desa/kelurahan" : "desa/kelurahan";
  default: return plural ? "districts" : "district";
  }
}

GArray *
geo_vintage_explain(const GeoJoinReport *r, const GeoLayer *layer, guint *edition)
{
  GArray *out = g_array_new(FALSE, FALSE, sizeof(GeoFormed));
  if (edition)
    *edition = 0;
  const GeoGazetteer *gz = r->gazetteer;
  if (gz == NULL)
    return out;
  int first = 0;
  for (guint i = 0; i < r->without_data->len; i++) {
    guint f = g_array_index(r->without_data, guint, i);
    const GeoFeature *feat = &layer->features[f];
    GeoFormed e = {f, geo_gazetteer_formation(gz, feat->key), FALSE};
    if (e.formed == NULL && geo_key_level(feat->key) >= 2) {
      char province[3] = {feat->key[0], feat->key[1], '\0'};
      e.formed = geo_gazetteer_formation(gz, province);
      e.of_province = TRUE;
    }
    if (e.formed == NULL)
      continue;
    g_array_append_val(out, e);
    if (!e.of_province && (first == 0 || e.formed->year < first))
      first = e.formed->year;
  }
  /* The table's edition: as many rows matched as there were features
   * before the first of these formations. */
  const GeoTableReport *t = r->value_table >= 0 && (guint)r->value_table < r->tables->len
                                ? g_ptr_array_index(r->tables, r->value_table)
                                : NULL;
  if (edition && t && first > 0) {
    guint later = 0;
    for (guint f = 0; f < layer->n_features; f++) {
      const GeoFormation *fm = geo_gazetteer_formation(gz, layer->features[f].key);
      if (fm && fm->year >= first)
        later++;
    }
    if (later > 0 && later < layer->n_features && t->n_matched == layer->n_features - later)
      *edition = t->n_matched;
  }
  return out;
}
