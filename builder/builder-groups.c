/* builder-groups.c — the sheets of a build: the layer's districts grouped
 * by their group value (a province code), each with a name and a slug,
 * checked so that no two sheets are written to one file; and --only. */
#include "builder-private.h"

#include <string.h>

char *
builder_groups_safe_code(const char *code)
{
  GString *s = g_string_new(NULL);
  for (const char *p = code; *p && s->len < 32; p++)
    if (g_ascii_isalnum(*p) || (*p == '.' && s->len > 0) || (*p == '-' && s->len > 0))
      g_string_append_c(s, *p);
  while (s->len > 0 && (s->str[s->len - 1] == '.' || s->str[s->len - 1] == '-'))
    g_string_truncate(s, s->len - 1);
  if (s->len == 0)
    g_string_append(s, "x");
  return g_string_free(s, FALSE);
}

static int
builder_groups_cmp(gconstpointer a, gconstpointer b)
{
  const RenderGroup *ga = a, *gb = b;
  return strcmp(ga->code, gb->code);
}

static void
builder_groups_clear_one(RenderGroup *g)
{
  g_free(g->code);
  g_free(g->name);
  g_free(g->slug);
  g_free(g->features);
}

void
builder_groups_free(GArray *groups)
{
  if (groups == NULL)
    return;
  for (guint i = 0; i < groups->len; i++)
    builder_groups_clear_one(&g_array_index(groups, RenderGroup, i));
  g_array_free(groups, TRUE);
}

GArray *
builder_groups_new(const GeoLayer *layer, gboolean use_group_name, GHashTable *province,
                   RenderLang lang, const char *source, const char *field, GHashTable *names,
                   GError **error)
{
  GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);
  GPtrArray *members = g_ptr_array_new();
  GArray *groups = g_array_new(FALSE, TRUE, sizeof(RenderGroup));
  for (guint f = 0; f < layer->n_features; f++) {
    const char *code = layer->features[f].group;
    gpointer gi;
    if (!g_hash_table_lookup_extended(index, code, NULL, &gi)) {
      gi = GUINT_TO_POINTER(groups->len);
      RenderGroup g = {0};
      g.code = g_strdup(code);
      g_array_append_val(groups, g);
      g_ptr_array_add(members, g_array_new(FALSE, FALSE, sizeof(guint)));
      g_hash_table_insert(index, (gpointer)code, gi);
    }
    g_array_append_val(g_ptr_array_index(members, GPOINTER_TO_UINT(gi)), f);
  }
  /* File names made from group values must stay distinct: "a/b" and "ab"
   * both become "ab", and one sheet would silently replace the other. */
  GHashTable *bases = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *overview = render_output_file_name(NULL, NULL, NULL);
  gboolean clash = FALSE;
  for (guint i = 0; i < groups->len; i++) {
    RenderGroup *g = &g_array_index(groups, RenderGroup, i);
    GArray *m = g_ptr_array_index(members, i);
    g->n_features = m->len;
    g->features = (guint *)g_array_free(m, FALSE);
    /* Names: the group-name field (read with the layer), else the
     * province table, else the code. */
    const char *name = NULL;
    if (use_group_name && g->n_features > 0 && *layer->features[g->features[0]].group_name)
      name = layer->features[g->features[0]].group_name;
    if (name == NULL && province)
      name = g_hash_table_lookup(province, g->code);
    /* Without a group field everything is one sheet; its file name stays
     * 00-semua-wilayah in every language. */
    gboolean all = name == NULL && !*g->code;
    if (name == NULL)
      name = all ? "Semua wilayah" : g->code;
    g->name = g_strdup(all ? render_tr(lang, "Semua wilayah") : name);
    if (names)
      g_hash_table_insert(names, g_strdup(g->code), g_strdup(g->name));
    g->slug = render_slug(name);
    char *safe = builder_groups_safe_code(*g->code ? g->code : "00");
    RenderGroup named = {.code = safe, .slug = g->slug};
    g_autofree char *base = render_output_file_name(NULL, &named, NULL);
    char *lower = g_ascii_strdown(base, -1);
    const char *other = g_hash_table_lookup(bases, lower);
    if (!clash && (other || strcmp(lower, overview) == 0)) {
      g_autofree char *shown = g_utf8_make_valid(g->code, -1);
      g_autofree char *shown_other = g_utf8_make_valid(other ? other : "", -1);
      if (other)
        g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                    "%s, field %s: the groups '%s' and '%s' would both be written as %s.pdf; "
                    "give them distinct codes",
                    source, field, shown_other, shown, base);
      else
        g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                    "%s, field %s: the group '%s' would be written as %s.pdf, the national "
                    "overview",
                    source, field, shown, base);
      clash = TRUE;
    }
    g_hash_table_insert(bases, lower, g_strdup(g->code));
    g_free(g->code);
    g->code = safe;
  }
  g_hash_table_destroy(bases);
  if (clash) {
    builder_groups_free(groups);
    groups = NULL;
  } else {
    g_array_sort(groups, builder_groups_cmp);
  }
  g_hash_table_destroy(index);
  g_ptr_array_free(members, TRUE);
  return groups;
}

guint
builder_groups_keep(GArray *groups, const char *only)
{
  g_auto(GStrv) want = g_strsplit(only, ",", -1);
  guint kept = 0;
  for (guint i = 0; i < groups->len; i++) {
    RenderGroup *g = &g_array_index(groups, RenderGroup, i);
    gboolean keep = FALSE;
    for (guint k = 0; want[k]; k++) {
      g_autofree char *w = geo_key_normalise(want[k]);
      if (strcmp(w, g->code) == 0)
        keep = TRUE;
    }
    if (keep)
      g_array_index(groups, RenderGroup, kept++) = *g;
    else
      builder_groups_clear_one(g);
  }
  g_array_set_size(groups, kept);
  return kept;
}
