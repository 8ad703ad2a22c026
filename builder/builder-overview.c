/* builder-overview.c — a national overview drawn from other inputs than
 * the sheets (--overview-boundaries, --overview-table, --overview-value,
 * --overview-style): the demo's overview maps the published IKP 2024
 * province scores on the 38 provinces while its sheets map sample
 * kab/kota scores.  Reads, joins and classifies those inputs into a
 * second RenderModel, ranked by province (one group per feature), that
 * shares the sheets' page, context, language and texts but for the index
 * name, its date and the unit. */
#include "builder-private.h"

#include <string.h>

struct BuilderOverview {
  RenderModel model;
  RenderTexts texts;
  GeoLayer *layer;
  GPtrArray *tables; /* GeoTable */
  GeoJoin *join;
  GeoStyle *style;
  double *values;
  int *classes;
  GArray *groups; /* RenderGroup, one per feature */
  const char *value;
};

void
builder_overview_free(BuilderOverview *o)
{
  if (o == NULL)
    return;
  builder_groups_free(o->groups);
  g_free(o->values);
  g_free(o->classes);
  geo_join_free(o->join);
  if (o->tables)
    g_ptr_array_unref(o->tables);
  geo_layer_free(o->layer);
  geo_style_free(o->style);
  g_free(o);
}

const RenderModel *
builder_overview_model(const BuilderOverview *o)
{
  return &o->model;
}

const GeoJoinReport *
builder_overview_report(const BuilderOverview *o)
{
  return o->join->report;
}

const GeoLayer *
builder_overview_layer(const BuilderOverview *o)
{
  return o->layer;
}

/* Reads the boundaries and tables and joins them. */
static gboolean
builder_overview_read(BuilderOverview *o, const BuilderConfig *c, const BuilderSettings *s,
                      GeoGazetteer *gazetteer, GError **error)
{
  GeoLayerSpec spec = {.source = c->overview_boundaries,
                       .layer = c->overview_layer,
                       .key_field = c->key,
                       .name_field = c->name,
                       .key_option = "--key",
                       .name_option = "--name"};
  o->layer = geo_layer_read(&spec, error);
  if (o->layer == NULL) {
    g_prefix_error(error, "--overview-boundaries: ");
    return FALSE;
  }
  o->tables = g_ptr_array_new_with_free_func((GDestroyNotify)geo_table_free);
  for (guint i = 0; i < s->n_overview_tables; i++) {
    GeoTable *t = geo_table_read_spec(&s->overview_tables[i], error);
    if (t == NULL) {
      g_prefix_error(error, "--overview-table: ");
      return FALSE;
    }
    g_ptr_array_add(o->tables, t);
  }
  GeoJoinOptions jopt = {GEO_MATCH_AUTO, c->name, NULL, gazetteer, NULL};
  o->join =
      geo_join_run_full(o->layer, (GeoTable **)o->tables->pdata, o->tables->len, &jopt, error);
  return o->join != NULL;
}

BuilderOverview *
builder_overview_new(const BuilderConfig *c, const BuilderSettings *s, GeoGazetteer *gazetteer,
                     GError **error)
{
  BuilderOverview *o = g_new0(BuilderOverview, 1);
  g_autofree char *styles_dir = builder_inputs_find_dir("PETARAWAN_STYLES", "styles");
  o->value = c->overview_value ? c->overview_value : c->value;
  if (!builder_overview_read(o, c, s, gazetteer, error))
    goto fail;
  if (geo_join_find_field(o->join, o->value) < 0) {
    g_autofree char *v = geo_text_printable(o->value, 200);
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "--overview-value: no field '%s' in %s", v,
                o->tables->len ? "the overview tables" : "the overview (give --overview-table)");
    goto fail;
  }
  o->style =
      geo_style_load(c->overview_style ? c->overview_style : (c->style ? c->style : "quantile"),
                     styles_dir, error);
  if (o->style == NULL) {
    g_prefix_error(error, "--overview-style: ");
    goto fail;
  }
  if (o->style->method == GEO_METHOD_CATEGORICAL) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "--overview-style: a categorical style cannot map the overview's numbers");
    goto fail;
  }
  if (!geo_join_classify(o->join, o->style, o->value, (guint)MAX(c->classes, 0), &o->values,
                         &o->classes, error)) {
    g_autofree char *v = geo_text_printable(o->value, 200);
    g_prefix_error(error, "--overview-value %s: ", v);
    goto fail;
  }
  /* Ranked by feature: each is its own group. */
  o->groups = g_array_new(FALSE, TRUE, sizeof(RenderGroup));
  for (guint f = 0; f < o->layer->n_features; f++) {
    const GeoFeature *ft = &o->layer->features[f];
    RenderGroup g = {g_strdup(ft->key), g_strdup(ft->name ? ft->name : ft->key), NULL,
                     g_new(guint, 1), 1};
    g.slug = render_slug(g.name);
    g.features[0] = f;
    g_array_append_val(o->groups, g);
  }
  return o;

fail:
  builder_overview_free(o);
  return NULL;
}

void
builder_overview_model_set(BuilderOverview *o, const BuilderConfig *c, const RenderModel *sheets)
{
  if (sheets->texts)
    o->texts = *sheets->texts;
  o->texts.index_name = c->overview_index_name ? c->overview_index_name
                        : (sheets->lang == RENDER_LANG_EN && o->style->title_en)
                            ? o->style->title_en
                            : o->style->title;
  if (c->overview_index_date)
    o->texts.index_date = c->overview_index_date;
  o->texts.unit_name = c->overview_unit_name ? c->overview_unit_name
                                             : render_tr(sheets->lang, "Provinsi");
  o->model = *sheets;
  o->model.layer = o->layer;
  o->model.style = o->style;
  o->model.join = o->join;
  o->model.values = o->values;
  o->model.classes = o->classes;
  o->model.value_field = o->value;
  o->model.texts = &o->texts;
  o->model.groups = (RenderGroup *)o->groups->data;
  o->model.n_groups = o->groups->len;
  o->model.figures = NULL;
  o->model.symbols = NULL;
  o->model.symbols_label = NULL;
  o->model.group_names = NULL;
}
