/* geo-match.c — finds the boundary feature a table row names.
 *
 * Every feature is indexed under the comparison form of its name
 * (geo-name.c) with the kind its prefix gives, and under every other name
 * the gazetteer knows for its place.  A row's name then matches:
 *
 *  - the features whose kind agrees (Kota matches Kota or a feature named
 *    without a kind, never Kabupaten), within the row's group (province)
 *    when the table has a group column;
 *  - if several: those of exactly the row's kind, if that leaves one
 *    ("Kota Kupang" picks Kota Kupang over a bare "Kupang");
 *  - if still several: none.  The row is ambiguous and reported with its
 *    candidates; a bare "Kupang" is never guessed. */
#include "geo-private.h"

#include <string.h>

typedef struct {
  guint feature;
  GeoNameKind kind;
} GeoNameEntry;

struct GeoNameIndex {
  const GeoLayer *layer;
  const GeoGazetteer *gazetteer;
  GHashTable *by_base;  /* base -> GArray of GeoNameEntry */
  guint group_level;    /* geo_key_level of the groups, 0 when not codes */
  gboolean group_names; /* features carry group names */
  GHashTable *groups;   /* distinct group values of the layer (set) */
  GHashTable *resolved; /* raw group cell -> char ** (owned) */
};

static void
geo_name_index_add(GeoNameIndex *ix, const char *base, guint f, GeoNameKind kind)
{
  if (*base == '\0')
    return;
  GArray *list = g_hash_table_lookup(ix->by_base, base);
  if (list == NULL) {
    list = g_array_new(FALSE, FALSE, sizeof(GeoNameEntry));
    g_hash_table_insert(ix->by_base, g_strdup(base), list);
  }
  for (guint i = 0; i < list->len; i++) {
    const GeoNameEntry *e = &g_array_index(list, GeoNameEntry, i);
    if (e->feature == f && e->kind == kind)
      return;
  }
  GeoNameEntry e = {f, kind};
  g_array_append_val(list, e);
}

/* The gazetteer's place for feature f: the place with the feature's code
 * when the boundaries are keyed by Kemendagri codes and it has one (so a
 * user's alias file needs only "53.71,Kota Karang"), else the only place
 * at the feature's level bearing its name.  NULL when none or when the
 * name alone cannot tell. */
static const GeoPlace *
geo_name_index_place(const GeoNameIndex *ix, guint f, GeoNameKind kind, const char *base)
{
  const GeoFeature *feat = &ix->layer->features[f];
  guint level = geo_key_level(feat->key);
  const GeoPlace *by_code = level > 0 ? g_hash_table_lookup(ix->gazetteer->place_by_code, feat->key)
                                      : NULL;
  if (by_code)
    return by_code;
  GPtrArray *places = geo_gazetteer_places_named(ix->gazetteer, kind, base, level);
  const GeoPlace *found = places->len == 1 ? g_ptr_array_index(places, 0) : NULL;
  g_ptr_array_unref(places);
  return found;
}

GeoNameIndex *
geo_name_index_new(const GeoLayer *layer, const GeoGazetteer *gazetteer)
{
  GeoNameIndex *ix = g_new0(GeoNameIndex, 1);
  ix->layer = layer;
  ix->gazetteer = gazetteer;
  ix->by_base =
      g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
  ix->groups = g_hash_table_new(g_str_hash, g_str_equal);
  ix->resolved = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
  gboolean all_codes = TRUE;
  for (guint f = 0; f < layer->n_features; f++) {
    const GeoFeature *feat = &layer->features[f];
    GeoNameKind kind;
    g_autofree char *base = geo_name_normalise(feat->name, &kind);
    geo_name_index_add(ix, base, f, kind);
    const GeoPlace *p = gazetteer ? geo_name_index_place(ix, f, kind, base) : NULL;
    for (guint i = 0; p && i < p->names->len; i++) {
      const GeoPlaceName *n = g_ptr_array_index(p->names, i);
      geo_name_index_add(ix, n->base, f, n->kind != GEO_NAME_ANY ? n->kind : kind);
    }
    if (*feat->group) {
      g_hash_table_add(ix->groups, (gpointer)feat->group);
      guint gl = geo_key_level(feat->group);
      if (gl == 0 || (ix->group_level && gl != ix->group_level))
        all_codes = FALSE;
      ix->group_level = gl;
    }
    if (feat->group_name && *feat->group_name)
      ix->group_names = TRUE;
  }
  if (!all_codes || g_hash_table_size(ix->groups) == 0)
    ix->group_level = 0;
  return ix;
}

void
geo_name_index_free(GeoNameIndex *ix)
{
  if (ix == NULL)
    return;
  g_hash_table_destroy(ix->by_base);
  g_hash_table_destroy(ix->groups);
  g_hash_table_destroy(ix->resolved);
  g_free(ix);
}

gboolean
geo_name_index_has_groups(const GeoNameIndex *ix)
{
  return g_hash_table_size(ix->groups) > 0 && (ix->group_level > 0 || ix->group_names);
}

char **
geo_name_index_groups(GeoNameIndex *ix, const char *raw)
{
  const char *key = raw ? raw : "";
  char **cached = g_hash_table_lookup(ix->resolved, key);
  if (cached)
    return cached;
  GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
  g_autofree char *norm = geo_key_normalise(key);
  if (*norm && geo_key_level(norm) > 0) {
    g_ptr_array_add(out, g_strdup(norm));
  } else if (*norm) {
    GeoNameKind kind;
    g_autofree char *base = geo_name_normalise(norm, &kind);
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    /* The gazetteer's places of the groups' level with that name... */
    GPtrArray *places = ix->group_level
                            ? geo_gazetteer_places_named(ix->gazetteer, kind, base, ix->group_level)
                            : g_ptr_array_new();
    for (guint i = 0; i < places->len; i++) {
      const GeoPlace *p = g_ptr_array_index(places, i);
      if (p->level == ix->group_level && !g_hash_table_contains(seen, p->code)) {
        g_hash_table_add(seen, p->code);
        g_ptr_array_add(out, g_strdup(p->code));
      }
    }
    g_ptr_array_unref(places);
    /* ...and the layer's groups whose value or name is that name. */
    for (guint f = 0; *base && f < ix->layer->n_features; f++) {
      const GeoFeature *feat = &ix->layer->features[f];
      if (!*feat->group || g_hash_table_contains(seen, feat->group))
        continue;
      g_autofree char *gb = geo_name_normalise(feat->group, NULL);
      g_autofree char *nb = geo_name_normalise(feat->group_name, NULL);
      if (strcmp(gb, base) == 0 || strcmp(nb, base) == 0) {
        g_hash_table_add(seen, (gpointer)feat->group);
        g_ptr_array_add(out, g_strdup(feat->group));
      }
    }
    g_hash_table_destroy(seen);
  }
  g_ptr_array_add(out, NULL);
  char **groups = (char **)g_ptr_array_free(out, FALSE);
  g_hash_table_insert(ix->resolved, g_strdup(key), groups);
  return groups;
}

static gboolean
geo_name_in_groups(const char *group, char **groups)
{
  if (groups == NULL)
    return TRUE;
  for (guint i = 0; groups[i]; i++)
    if (strcmp(groups[i], group) == 0)
      return TRUE;
  return FALSE;
}

static int
geo_name_cmp_guint(gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;
  return x < y ? -1 : x > y;
}

/* "53.71 Kota Kupang", for notes. */
static char *
geo_name_feature_label(const GeoLayer *layer, guint f)
{
  const GeoFeature *feat = &layer->features[f];
  if (strcmp(feat->key, feat->name) == 0 || !*feat->key)
    return g_strdup(feat->name);
  return g_strdup_printf("%s %s", feat->key, feat->name);
}

GeoNameMatch
geo_name_index_match(const GeoNameIndex *ix, const char *raw, char **groups, guint *feature,
                     GArray *candidates, char **note)
{
  GeoNameKind kind;
  g_autofree char *base = geo_name_normalise(raw, &kind);
  GArray *list = *base ? g_hash_table_lookup(ix->by_base, base) : NULL;
  GArray *all = g_array_new(FALSE, FALSE, sizeof(guint));   /* kinds agree, in group */
  GArray *exact = g_array_new(FALSE, FALSE, sizeof(guint)); /* same kind, in group */
  int other_kind = -1, other_group = -1;
  for (guint i = 0; list && i < list->len; i++) {
    const GeoNameEntry *e = &g_array_index(list, GeoNameEntry, i);
    const GeoFeature *feat = &ix->layer->features[e->feature];
    if (!geo_name_kinds_agree(kind, e->kind)) {
      other_kind = (int)e->feature;
      continue;
    }
    if (!geo_name_in_groups(feat->group, groups)) {
      other_group = (int)e->feature;
      continue;
    }
    gboolean seen = FALSE;
    for (guint k = 0; k < all->len && !seen; k++)
      seen = g_array_index(all, guint, k) == e->feature;
    if (!seen)
      g_array_append_val(all, e->feature);
    if (kind != GEO_NAME_ANY && e->kind == kind) {
      seen = FALSE;
      for (guint k = 0; k < exact->len && !seen; k++)
        seen = g_array_index(exact, guint, k) == e->feature;
      if (!seen)
        g_array_append_val(exact, e->feature);
    }
  }
  GeoNameMatch result;
  GArray *pick = exact->len >= 1 ? exact : all;
  if (pick->len == 1) {
    *feature = g_array_index(pick, guint, 0);
    result = GEO_NAME_ONE;
  } else if (pick->len > 1) {
    g_array_sort(pick, geo_name_cmp_guint);
    g_array_append_vals(candidates, pick->data, pick->len);
    result = GEO_NAME_AMBIGUOUS;
  } else {
    result = GEO_NAME_NONE;
    if (note && other_group >= 0) {
      g_autofree char *label = geo_name_feature_label(ix->layer, (guint)other_group);
      *note = g_strdup_printf("%s is in group %s", label, ix->layer->features[other_group].group);
    } else if (note && other_kind >= 0) {
      g_autofree char *label = geo_name_feature_label(ix->layer, (guint)other_kind);
      *note = g_strdup_printf("the boundaries have %s, not a %s", label, geo_name_kind_word(kind));
    }
  }
  g_array_unref(all);
  g_array_unref(exact);
  return result;
}
