/* cli-overview.c — a national overview drawn from other inputs than the
 * sheets (--overview-boundaries, --overview-table, --overview-value,
 * --overview-style): the demo's overview maps the published IKP 2024
 * province scores on the 38 provinces while its sheets map sample
 * kab/kota scores.  Reads, joins and classifies those inputs into a
 * second RenderModel, ranked by province (one group per feature), that
 * shares the sheets' page, context, language and texts but for the index
 * name and the unit. */
#include "cli.h"
#include "cli-overview.h"

#include "geo.h"
#include "render.h"

#include <math.h>
#include <string.h>

struct CliOverview {
  RenderModel model;
  RenderTexts texts;
  GeoLayer *layer;
  GPtrArray *tables;
  GeoJoin *join;
  GeoStyle *style;
  double *values;
  int *classes;
  GArray *groups; /* RenderGroup, one per feature */
  char *report;
};

void
cli_overview_free(CliOverview *o)
{
  if (o == NULL)
    return;
  for (guint i = 0; o->groups && i < o->groups->len; i++) {
    RenderGroup *g = &g_array_index(o->groups, RenderGroup, i);
    g_free(g->code);
    g_free(g->name);
    g_free(g->slug);
    g_free(g->features);
  }
  if (o->groups)
    g_array_free(o->groups, TRUE);
  g_free(o->values);
  g_free(o->classes);
  geo_join_free(o->join);
  if (o->tables)
    g_ptr_array_unref(o->tables);
  geo_layer_free(o->layer);
  geo_style_free(o->style);
  g_free(o->report);
  g_free(o);
}

const RenderModel *
cli_overview_model(const CliOverview *o)
{
  return &o->model;
}

const char *
cli_overview_report(const CliOverview *o)
{
  return o->report;
}

CliOverview *
cli_overview_new(const CliConfig *c, const RenderModel *sheets, GeoGazetteer *gazetteer,
                 const char *styles_dir, GError **error)
{
  CliOverview *o = g_new0(CliOverview, 1);
  const char *value = c->overview_value ? c->overview_value : c->value;
  GeoLayerSpec spec = {.source = c->overview_boundaries, .layer = c->overview_layer,
                       .key_field = c->key, .name_field = c->name};
  o->layer = geo_layer_read(&spec, error);
  if (o->layer == NULL)
    goto fail;
  o->tables = g_ptr_array_new_with_free_func((GDestroyNotify)geo_table_free);
  for (guint i = 0; c->overview_tables && c->overview_tables[i]; i++) {
    GeoTable *t = geo_table_read_options(c->overview_tables[i], NULL, error);
    if (t == NULL) {
      g_prefix_error(error, "--overview-table: ");
      goto fail;
    }
    g_ptr_array_add(o->tables, t);
  }
  GeoJoinOptions jopt = {GEO_MATCH_AUTO, c->name, NULL, gazetteer};
  o->join = geo_join_run_full(o->layer, (GeoTable **)o->tables->pdata, o->tables->len, &jopt, error);
  if (o->join == NULL)
    goto fail;
  if (geo_join_find_field(o->join, value) < 0) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "--overview-value: no field '%s' in %s", value,
                o->tables->len ? "the overview tables" : "the overview (give --overview-table)");
    goto fail;
  }
  o->style = geo_style_load(c->overview_style ? c->overview_style : (c->style ? c->style : "quantile"),
                            styles_dir, error);
  if (o->style == NULL)
    goto fail;
  if (o->style->method == GEO_METHOD_CATEGORICAL) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "--overview-style: a categorical style cannot map the overview's numbers");
    goto fail;
  }
  guint n = o->layer->n_features;
  o->values = geo_join_numbers(o->join, value, TRUE);
  if (!geo_style_resolve(o->style, o->values, n, (guint)MAX(c->classes, 0), error)) {
    g_prefix_error(error, "--overview-value %s: ", value);
    goto fail;
  }
  o->classes = g_new(int, MAX(n, 1));
  for (guint f = 0; f < n; f++)
    o->classes[f] = geo_style_classify(o->style, o->values[f], NULL);
  /* Ranked by feature: each is its own group. */
  o->groups = g_array_new(FALSE, TRUE, sizeof(RenderGroup));
  for (guint f = 0; f < n; f++) {
    RenderGroup g = {g_strdup(o->layer->features[f].key),
                     g_strdup(o->layer->features[f].name ? o->layer->features[f].name
                                                         : o->layer->features[f].key),
                     NULL, g_new(guint, 1), 1};
    g.slug = render_slug(g.name);
    g.features[0] = f;
    g_array_append_val(o->groups, g);
  }
  o->report = geo_join_report_text(o->join->report, o->layer);

  if (sheets->texts) /* NULL for `check`, which draws nothing */
    o->texts = *sheets->texts;
  o->texts.index_name = c->overview_index_name
                            ? c->overview_index_name
                            : (sheets->lang == RENDER_LANG_EN && o->style->title_en
                                   ? o->style->title_en
                                   : o->style->title);
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
  o->model.value_field = value;
  o->model.texts = &o->texts;
  o->model.groups = (RenderGroup *)o->groups->data;
  o->model.n_groups = o->groups->len;
  o->model.figures = NULL;
  o->model.symbols = NULL;
  o->model.symbols_label = NULL;
  o->model.group_names = NULL;
  return o;

fail:
  cli_overview_free(o);
  return NULL;
}
