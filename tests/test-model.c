/* test-model.c — the manifest's hashes of a RenderModel (render-model.c)
 * cannot forget a field: render_model_fields lists every field of the
 * struct (checked against its layout: a field added to RenderModel and
 * not to the table leaves a gap or changes the size), and every field the
 * table calls hashed changes a hash when it changes (driven by the table:
 * each scalar, string and per-feature field is changed in turn; objects
 * through one of their own fields).  A field the table calls not hashed
 * leaves every hash as it was. */
#include "testutil.h"

#include <builder.h>
#include <math.h>
#include <render.h>
#include <string.h>

static void
test_fields_cover_the_struct(void)
{
  guint n;
  const RenderModelField *f = render_model_fields(&n);
  g_assert_cmpuint(n, >, 0);
  gsize end = 0;
  for (guint i = 0; i < n; i++) {
    /* In the struct's order, each after the one before, with at most
     * the padding alignment needs between them. */
    if (f[i].offset < end || f[i].offset - end >= sizeof(gpointer))
      g_error("RenderModel field %s at offset %zu: the table misses a field before it "
              "(the one before ends at %zu)",
              f[i].name, (size_t)f[i].offset, (size_t)end);
    end = f[i].offset + f[i].size;
    g_assert_true(f[i].hashed || (f[i].how && *f[i].how));
  }
  if (sizeof(RenderModel) - end >= sizeof(gpointer))
    g_error("RenderModel is %zu bytes, its last listed field ends at %zu: a field at the end "
            "is missing from render_model_fields",
            sizeof(RenderModel), (size_t)end);
}

typedef struct {
  char *dir;
  GeoLayer *layer;
  GeoTable *table;
  GeoJoin *join;
  GeoStyle *style;
  double *values, *symbols;
  int *classes;
  GArray *groups;
  GHashTable *group_names;
  RenderPage page;
  RenderTexts texts;
  RenderModel m;
} Fixture;

static void
fixture_init(Fixture *fx)
{
  memset(fx, 0, sizeof *fx);
  fx->dir = testutil_tmpdir();
  g_autofree char *gpath = testutil_write(
      fx->dir, "d.geojson",
      "{\"type\":\"FeatureCollection\",\"features\":["
      "{\"type\":\"Feature\",\"properties\":{\"KODE\":\"11.01\",\"NAMA\":\"A\",\"PROV\":\"11\"},"
      "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[100,0],[101,0],[101,1],[100,1],[100,0]]]}},"
      "{\"type\":\"Feature\",\"properties\":{\"KODE\":\"12.01\",\"NAMA\":\"B\",\"PROV\":\"12\"},"
      "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[102,0],[103,0],[103,1],[102,1],[102,0]]]}}]}");
  g_autofree char *tpath = testutil_write(fx->dir, "t.csv", "kode,skor\n11.01,10\n12.01,30\n");
  g_autofree char *tspec = g_strconcat(tpath, ":kode", NULL);
  GError *err = NULL;
  GeoLayerSpec spec = {
      .source = gpath, .key_field = "KODE", .name_field = "NAMA", .group_field = "PROV"};
  fx->layer = geo_layer_read(&spec, &err);
  g_assert_no_error(err);
  fx->table = testutil_table_read(tspec, &err);
  g_assert_no_error(err);
  fx->join = geo_join_run(fx->layer, &fx->table, 1);
  fx->style = geo_style_load("quantile", testutil_styles_dir(), &err);
  g_assert_no_error(err);
  g_assert_true(geo_join_classify(fx->join, fx->style, "skor", 2, &fx->values, &fx->classes, &err));
  fx->symbols = g_memdup2(fx->values, 2 * sizeof(double));
  fx->group_names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  fx->groups = builder_groups_new(fx->layer, FALSE, NULL, RENDER_LANG_ID, gpath, "PROV",
                                  fx->group_names, &err);
  g_assert_no_error(err);
  render_page_init(&fx->page, RENDER_PAPER_A2, FALSE);
  fx->texts = (RenderTexts){.title = "Peta",
                            .index_name = "IKP",
                            .generated = "3 Februari 2026",
                            .unit_name = "Kab/Kota",
                            .group_kind = "Provinsi"};
  fx->m = (RenderModel){.layer = fx->layer,
                        .style = fx->style,
                        .join = fx->join,
                        .values = fx->values,
                        .classes = fx->classes,
                        .value_field = "skor",
                        .officers_per_tps = NAN,
                        .symbols = fx->symbols,
                        .symbols_label = "skor",
                        .texts = &fx->texts,
                        .groups = (RenderGroup *)fx->groups->data,
                        .n_groups = fx->groups->len,
                        .page = &fx->page,
                        .tiles = TRUE,
                        .tile_paper = RENDER_PAPER_A4,
                        .group_names = fx->group_names,
                        .date = 1770076800};
}

static void
fixture_clear(Fixture *fx)
{
  builder_groups_free(fx->groups);
  g_hash_table_destroy(fx->group_names);
  g_free(fx->values);
  g_free(fx->symbols);
  g_free(fx->classes);
  geo_style_free(fx->style);
  geo_join_free(fx->join);
  geo_table_free(fx->table);
  geo_layer_free(fx->layer);
  g_free(fx->dir);
}

/* Every hash of `m` in one string: common, each group's, all. */
static char *
hashes(const RenderModel *m)
{
  g_autofree char *common = render_model_hash_common(m, RENDER_FORMAT_PDF, 300);
  GString *s = g_string_new(common);
  for (guint i = 0; i < m->n_groups; i++) {
    g_autofree char *h = render_model_hash_group(common, m, &m->groups[i]);
    g_string_append_printf(s, " %s", h);
  }
  g_autofree char *all = render_model_hash_all(common, m);
  g_string_append_printf(s, " %s", all);
  return g_string_free(s, FALSE);
}

/* Changes field `f` of `m` (a copy); FALSE when its kind is an object
 * this generic change cannot reach.  `scratch` holds changed arrays. */
static gboolean
change_field(RenderModel *m, const RenderModelField *f, guint n_features, gpointer *scratch)
{
  gpointer p = G_STRUCT_MEMBER_P(m, f->offset);
  switch (f->kind) {
  case RENDER_MODEL_FIELD_BOOL: *(gboolean *)p = !*(gboolean *)p; return TRUE;
  case RENDER_MODEL_FIELD_INT:
    *(int *)p = *(int *)p == 0 ? 1 : *(int *)p - 1; /* stays a valid enum value */
    return TRUE;
  case RENDER_MODEL_FIELD_UINT:
    g_assert_cmpuint(*(guint *)p, >, 0);
    *(guint *)p -= 1; /* fewer: stays within its array */
    return TRUE;
  case RENDER_MODEL_FIELD_INT64: *(gint64 *)p += 3600; return TRUE;
  case RENDER_MODEL_FIELD_DOUBLE:
    *(double *)p = isnan(*(double *)p) ? 1.5 : *(double *)p + 1;
    return TRUE;
  case RENDER_MODEL_FIELD_STRING: *(const char **)p = "changed"; return TRUE;
  case RENDER_MODEL_FIELD_PRESENCE:
    *(gconstpointer *)p = *(gconstpointer *)p ? NULL : (gconstpointer)m; /* never read */
    return TRUE;
  case RENDER_MODEL_FIELD_FEATURE_DOUBLES: {
    double *v = g_memdup2(*(const double **)p, n_features * sizeof(double));
    v[0] += 1;
    *scratch = v;
    *(const double **)p = v;
    return TRUE;
  }
  case RENDER_MODEL_FIELD_FEATURE_INTS: {
    int *v = g_memdup2(*(const int **)p, n_features * sizeof(int));
    v[0] = v[0] == 0 ? 1 : 0;
    *scratch = v;
    *(const int **)p = v;
    return TRUE;
  }
  case RENDER_MODEL_FIELD_POINTER: return FALSE;
  }
  return FALSE;
}

static void
test_every_field_changes_a_hash(void)
{
  Fixture fx;
  fixture_init(&fx);
  g_autofree char *base = hashes(&fx.m);
  g_autofree char *again = hashes(&fx.m);
  g_assert_cmpstr(base, ==, again);
  guint n;
  const RenderModelField *f = render_model_fields(&n);
  guint changed = 0;
  for (guint i = 0; i < n; i++) {
    RenderModel m = fx.m;
    gpointer scratch = NULL;
    if (!change_field(&m, &f[i], fx.layer->n_features, &scratch))
      continue;
    g_autofree char *h = hashes(&m);
    if (f[i].hashed && strcmp(h, base) == 0)
      g_error("changing RenderModel.%s changes no hash (the table says: %s)", f[i].name, f[i].how);
    if (!f[i].hashed && strcmp(h, base) != 0)
      g_error("RenderModel.%s is listed as not hashed (%s) but changes a hash", f[i].name,
              f[i].how);
    g_free(scratch);
    changed++;
  }
  g_test_message("%u of %u fields changed generically", changed, n);
  g_assert_cmpuint(changed, >=, 12);

  /* Objects, through a field of theirs. */
  RenderModel m = fx.m;
  RenderTexts texts = fx.texts;
  texts.marking = "TERBATAS";
  m.texts = &texts;
  g_autofree char *h1 = hashes(&m);
  g_assert_cmpstr(h1, !=, base);
  m = fx.m;
  RenderPage page;
  render_page_init(&page, RENDER_PAPER_A2, TRUE);
  m.page = &page;
  g_autofree char *h2 = hashes(&m);
  g_assert_cmpstr(h2, !=, base);
  fx.style->colours[0].r += 0.1;
  g_autofree char *h3 = hashes(&fx.m);
  g_assert_cmpstr(h3, !=, base);
  fx.style->colours[0].r -= 0.1;
  g_hash_table_insert(fx.group_names, g_strdup("13"), g_strdup("Sumatera Barat"));
  g_autofree char *h4 = hashes(&fx.m);
  g_assert_cmpstr(h4, !=, base);
  fixture_clear(&fx);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/model/fields-cover-the-struct", test_fields_cover_the_struct);
  g_test_add_func("/model/every-field-changes-a-hash", test_every_field_changes_a_hash);
  return g_test_run();
}
