/* builder-run.c — one build or check from start to end: settings checked,
 * inputs read, joined and classified, the report handed to the front end,
 * the districts grouped into sheets, the render model put together, then
 * (under the output folder's lock) the stale outputs drawn into the
 * staging folder and committed with the manifest.  Nothing is written
 * before every input was read and checked. */
#include "builder-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

/* Everything one run holds; builder_run_clear frees it. */
typedef struct {
  const BuilderConfig *c;
  BuilderMode mode;
  BuilderEventFunc events;
  gpointer user_data;
  BuilderSettings s;
  GeoStyle *style;
  GeoLayer *layer, *context;
  GPtrArray *tables; /* GeoTable */
  GeoGazetteer *gazetteer;
  GeoJoin *join;
  double *values;
  int *classes;
  GeoFigures *figures;
  double *symbols;
  char *symbols_label;
  RenderLogo *logo;
  GArray *groups; /* RenderGroup */
  GHashTable *group_names;
  RenderInset *inset;
  char *generated, *sources;
  char *index_name;                     /* the index name marked CONTOH, or NULL */
  char *context_source, *context_layer; /* the countries drawn (builder_inputs_context) */
  BuilderOverview *overview;            /* the overview's own inputs, or NULL */
  RenderTexts texts;
  RenderModel model;
} BuilderRun;

static void
builder_run_clear(BuilderRun *r)
{
  builder_overview_free(r->overview);
  g_free(r->index_name);
  g_free(r->context_source);
  g_free(r->context_layer);
  render_inset_free(r->inset);
  render_logo_free(r->logo);
  if (r->group_names)
    g_hash_table_destroy(r->group_names);
  g_free(r->generated);
  g_free(r->sources);
  builder_groups_free(r->groups);
  g_free(r->values);
  g_free(r->classes);
  geo_figures_free(r->figures);
  g_free(r->symbols);
  g_free(r->symbols_label);
  geo_join_free(r->join);
  geo_gazetteer_unref(r->gazetteer);
  if (r->tables)
    g_ptr_array_unref(r->tables);
  geo_layer_free(r->layer);
  geo_layer_free(r->context);
  geo_style_free(r->style);
  builder_settings_clear(&r->s);
}

/* Reads the style, the boundaries, the context and the tables, and joins
 * them. */
static gboolean
builder_run_read(BuilderRun *r, GError **error)
{
  const BuilderConfig *c = r->c;
  if (c->logo && r->mode == BUILDER_BUILD && (r->logo = render_logo_load(c->logo, error)) == NULL)
    return FALSE;
  g_autofree char *styles_dir = builder_inputs_find_dir("PETARAWAN_STYLES", "styles");
  r->style = geo_style_load(c->style ? c->style : "quantile", styles_dir, error);
  if (r->style == NULL)
    return FALSE;
  GeoLayerSpec spec = {.source = c->boundaries,
                       .layer = c->layer,
                       .key_field = c->key,
                       .name_field = c->name,
                       .group_field = c->group,
                       .where = c->where,
                       .group_name_field = c->group_name,
                       .key_option = "--key",
                       .name_option = "--name",
                       .group_option = "--group",
                       .group_name_option = "--group-name",
                       .where_option = "--where"};
  r->layer = geo_layer_read(&spec, error);
  if (r->layer == NULL)
    return FALSE;
  for (guint k = 0; r->layer->notes && r->layer->notes[k]; k++) {
    BuilderEvent ev = {
        .kind = BUILDER_EVENT_NOTE, .source = c->boundaries, .message = r->layer->notes[k]};
    builder_emit(r->events, r->user_data, &ev);
  }
  /* The countries around the maps: data/negara.gpkg unless --context
   * says otherwise; a check draws nothing and reads none by default. */
  if ((c->context || r->mode == BUILDER_BUILD) &&
      !builder_inputs_context(c->context, c->context_layer, &r->context_source, &r->context_layer,
                              error))
    return FALSE;
  if (r->context_source) {
    /* Names of the context areas, for the map: the field given, else
     * NAMA (NAME in English) when the layer has it. */
    GeoLayerSpec cspec = {
        .source = r->context_source,
        .layer = r->context_layer,
        .name_field = c->context_name ? c->context_name
                                      : (r->s.lang == RENDER_LANG_EN ? "NAME" : "NAMA"),
        .name_optional = c->context_name == NULL,
        .name_option = "--context-name",
    };
    r->context = geo_layer_read(&cspec, error);
    if (r->context == NULL)
      return FALSE;
  }
  r->tables = g_ptr_array_new_with_free_func((GDestroyNotify)geo_table_free);
  if (!builder_inputs_read_tables(&r->s, r->tables, r->events, r->user_data, error))
    return FALSE;
  r->gazetteer = builder_inputs_gazetteer(c, error);
  if (r->gazetteer == NULL)
    return FALSE;
  GeoJoinOptions jopt = {r->s.match, c->name, c->table_group, r->gazetteer, "--table-group"};
  r->join =
      geo_join_run_full(r->layer, (GeoTable **)r->tables->pdata, r->tables->len, &jopt, error);
  if (r->join == NULL)
    return FALSE;
  if (c->overview_boundaries &&
      (r->overview = builder_overview_new(c, &r->s, r->gazetteer, error)) == NULL)
    return FALSE;
  return TRUE;
}

/* Classifies the value field of every district (geo_join_classify);
 * bad values join the report. */
static gboolean
builder_run_classify(BuilderRun *r, GError **error)
{
  const BuilderConfig *c = r->c;
  /* The key column is not a value to map: say so (a "no field" would
   * mislead, the column exists). */
  for (guint i = 0; i < r->tables->len && geo_join_find_field(r->join, c->value) < 0; i++) {
    const GeoTable *t = g_ptr_array_index(r->tables, i);
    if (g_ascii_strcasecmp(t->key_field, c->value) == 0) {
      g_autofree char *v = geo_text_printable(c->value, 200);
      g_autofree char *src = geo_text_printable(t->source, 300);
      g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                  "--value %s: is the key column of %s (it joins the table to the boundaries); "
                  "give a column of values to map",
                  v, src);
      return FALSE;
    }
  }
  if (geo_join_classify(r->join, r->style, c->value, (guint)MAX(c->classes, 0), &r->values,
                        &r->classes, error))
    return TRUE;
  if (geo_join_find_field(r->join, c->value) < 0) {
    g_prefix_error(error, "--value: ");
  } else if (r->join->report->n_with_data == 0) {
    /* Nothing to map: a sheet of grey districts is not a briefing.  The
     * report says why (bad values, empty cells, unmatched keys). */
    BuilderEvent ev = {.kind = BUILDER_EVENT_REPORT,
                       .report = r->join->report,
                       .layer = r->layer,
                       .nothing_to_map = TRUE};
    builder_emit(r->events, r->user_data, &ev);
  } else {
    g_prefix_error(error, "--value "); /* "--value skor: ..." */
  }
  return FALSE;
}

/* The sheets, and --only. */
static gboolean
builder_run_group(BuilderRun *r, GError **error)
{
  const BuilderConfig *c = r->c;
  r->group_names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  GHashTable *province = c->group_name ? NULL : builder_inputs_province_names();
  r->groups = builder_groups_new(r->layer, c->group_name != NULL, province, r->s.lang,
                                 c->boundaries, c->group, r->group_names, error);
  if (province)
    g_hash_table_destroy(province);
  if (r->groups == NULL)
    return FALSE;
  if (c->only && builder_groups_keep(r->groups, c->only) == 0) {
    g_autofree char *only = geo_text_printable(c->only, 200);
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "--only %s: no such group in %s", only,
                c->group ? c->group : "(no --group)");
    return FALSE;
  }
  return TRUE;
}

/* The texts of every page and the model the pages are drawn from. */
static gboolean
builder_run_model(BuilderRun *r, GError **error)
{
  const BuilderConfig *c = r->c;
  RenderLang lang = r->s.lang;
  {
    g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc(r->s.date);
    r->generated = render_date_text(lang, g_date_time_get_year(dt), g_date_time_get_month(dt),
                                    g_date_time_get_day_of_month(dt));
  }
  if (c->sources == NULL) {
    /* Name the inputs, so a sheet never goes out without its sources. */
    GString *src = g_string_new(NULL);
    g_autofree char *b = builder_inputs_source_label(c->boundaries, c->layer);
    g_string_append_printf(src, render_tr(lang, "batas %s"), b);
    for (guint i = 0; i < r->tables->len; i++) {
      const GeoTable *t = g_ptr_array_index(r->tables, i);
      g_autofree char *tb = builder_inputs_source_label(t->source, NULL);
      g_string_append_printf(src, "%s%s", i ? ", " : render_tr(lang, "; tabel "), tb);
    }
    r->sources = g_string_free(src, FALSE);
  } else {
    r->sources = g_strdup(c->sources);
  }
  const GeoStyle *style = r->style;
  /* Sample tables mark what they feed as CONTOH in every build, not only
   * the demo's: the mapped value (in the index name) and the personnel
   * figures (a table of sample figures with a TPS column). */
  gboolean sample_value = FALSE, sample_personnel = c->sample_personnel;
  for (guint i = 0; i < r->tables->len; i++) {
    const GeoTable *t = g_ptr_array_index(r->tables, i);
    if (!builder_inputs_table_is_sample(t))
      continue;
    sample_value |= r->join->report->value_table == (int)i;
    sample_personnel |= geo_table_find_field(t, c->tps ? c->tps : "jumlah_tps") >= 0;
  }
  const char *index_name =
      c->index_name ? c->index_name
                    : (lang == RENDER_LANG_EN && style->title_en ? style->title_en : style->title);
  if (sample_value && !strstr(index_name, "CONTOH"))
    index_name = r->index_name = g_strdup_printf("%s — CONTOH", index_name);
  r->texts = (RenderTexts){
      .title = c->title ? c->title : render_tr(lang, "Peta Kerawanan Pemilu"),
      .index_name = index_name,
      .index_date = c->index_date,
      .sources = r->sources,
      .generated = r->generated,
      .marking = c->marking,
      .organisation = c->organisation,
      .unit_name = c->unit_name ? c->unit_name : render_tr(lang, "Kab/Kota"),
      .group_kind = c->group_kind ? c->group_kind : (c->group ? render_tr(lang, "Provinsi") : ""),
      .sample_personnel = sample_personnel,
  };
  RenderModel *m = &r->model;
  m->page = &r->s.page;
  m->tiles = r->s.tiles;
  m->tile_paper = r->s.tile_paper;
  m->date = r->s.date;
  m->layer = r->layer;
  m->context = r->context;
  m->style = r->style;
  m->join = r->join;
  m->values = r->values;
  m->classes = r->classes;
  m->value_field = c->value;
  m->texts = &r->texts;
  m->groups = (RenderGroup *)r->groups->data;
  m->n_groups = r->groups->len;
  m->mono = c->mono;
  m->figures = r->figures;
  m->officers_per_tps = c->officers_per_tps > 0 ? c->officers_per_tps : style->officers_per_tps;
  m->symbols = r->symbols;
  m->symbols_label = r->symbols_label;
  m->lang = lang;
  m->graticule = c->graticule;
  m->logo = r->logo;
  m->group_names = r->group_names;
  if (!c->overview_only) {
    r->inset = render_inset_new(r->layer, r->s.page.inset_pt, error);
    if (r->inset == NULL)
      return FALSE;
    m->inset = r->inset;
  }
  if (r->overview)
    builder_overview_model_set(r->overview, c, m);
  return TRUE;
}

/* Under the lock: draws what is stale into a staging folder and commits
 * it with the manifest. */
static gboolean
builder_run_write(BuilderRun *r, BuilderResult *result, GError **error)
{
  const BuilderConfig *c = r->c;
  int lock_fd = builder_manifest_lock(c->output, r->events, r->user_data, error);
  if (lock_fd < 0)
    return FALSE;
  builder_manifest_clean_temps(c->output);
  char *stage = builder_stage_create(c->output, error);
  gboolean ok = stage != NULL;
  gboolean had_manifest = FALSE;
  g_autofree char *manifest_note = NULL;
  BuilderManifest *manifest = ok ? builder_manifest_load(c->output, &had_manifest, &manifest_note)
                                 : NULL;
  if (manifest_note != NULL) {
    BuilderEvent ev = {.kind = BUILDER_EVENT_NOTE, .source = c->output, .message = manifest_note};
    builder_emit(r->events, r->user_data, &ev);
  }
  char *common = ok ? render_model_hash_common(&r->model, r->s.formats, r->s.dpi) : NULL;
  GString *why = g_string_new(NULL);
  guint redrawn = 0, kept = 0;
  char *overview_hash = NULL;
  const RenderModel *om = r->overview ? builder_overview_model(r->overview) : NULL;
  if (ok && om) {
    g_autofree char *oc = render_model_hash_common(om, r->s.formats, r->s.dpi);
    overview_hash = render_model_hash_all(oc, om);
  }
  if (ok) {
    BuilderTasks tasks = {.model = &r->model,
                          .dir = c->output,
                          .stage = stage,
                          .formats = r->s.formats,
                          .dpi = r->s.dpi,
                          .force = c->force,
                          .overview_only = c->overview_only,
                          .jobs = c->jobs,
                          .manifest = manifest,
                          .common = common,
                          .overview = om,
                          .overview_hash = overview_hash,
                          .events = r->events,
                          .user_data = r->user_data};
    ok = builder_tasks_run(&tasks, &redrawn, &kept, why, error) &&
         builder_priorities_write(&r->model, manifest, c->output, stage, c->force, error);
    if (!ok && error && *error)
      builder_stage_name_output(*error, stage, c->output);
  }
  if (ok) {
    g_autofree char *date = render_output_date_iso(r->s.date);
    ok = builder_manifest_write(manifest, c, r->style, date, stage, error) &&
         builder_stage_commit(stage, c->output, error);
  }
  if (ok && result) {
    result->redrawn = redrawn;
    result->kept = kept;
    result->had_manifest = had_manifest;
    result->why = g_string_free(g_steal_pointer(&why), FALSE);
  }
  if (why)
    g_string_free(why, TRUE);
  if (stage) {
    builder_stage_remove(stage);
    g_free(stage);
  }
  g_free(common);
  g_free(overview_hash);
  builder_manifest_free(manifest);
  builder_manifest_unlock(lock_fd);
  return ok;
}

/* Makes `path` and its missing parents, each one it makes added to
 * `created` (outermost first), so that a failure can remove them all: a
 * path too long for the file system failed after making 16 folders,
 * which stayed.  FALSE with errno set on failure. */
static gboolean
builder_run_mkdirs(const char *path, GPtrArray *created)
{
  if (g_file_test(path, G_FILE_TEST_IS_DIR))
    return TRUE;
  g_autofree char *parent = g_path_get_dirname(path);
  if (strcmp(parent, path) != 0 && !builder_run_mkdirs(parent, created))
    return FALSE;
  if (g_mkdir(path, 0755) != 0) {
    if (errno != EEXIST)
      return FALSE;
    if (g_file_test(path, G_FILE_TEST_IS_DIR))
      return TRUE;   /* made meanwhile by someone else */
    errno = ENOTDIR; /* a file where a folder should be */
    return FALSE;
  }
  g_ptr_array_add(created, g_strdup(path));
  return TRUE;
}

gboolean
builder_run(const BuilderConfig *c, BuilderMode mode, BuilderEventFunc events, gpointer user_data,
            BuilderResult *result, GError **error)
{
  BuilderRun r = {.c = c, .mode = mode, .events = events, .user_data = user_data};
  if (result)
    memset(result, 0, sizeof *result);
  GPtrArray *created = g_ptr_array_new_with_free_func(g_free); /* folders this run made */
  gboolean ok =
      builder_config_resolve(c, mode, &r.s, error) && builder_run_read(&r, error) &&
      builder_run_classify(&r, error) &&
      /* Personnel, workload and circles; their bad cells join the report. */
      builder_figures_read(c, r.s.lang, r.join, &r.figures, &r.symbols, &r.symbols_label, error);
  if (ok) {
    gboolean problems = geo_join_report_has_problems(r.join->report);
    if (r.overview)
      problems |= geo_join_report_has_problems(builder_overview_report(r.overview));
    if (result)
      result->problems = problems;
    BuilderEvent ev = {.kind = BUILDER_EVENT_REPORT, .report = r.join->report, .layer = r.layer};
    /* The overview's own inputs are reported after the sheets'. */
    BuilderEvent oev = {.kind = BUILDER_EVENT_REPORT,
                        .report = r.overview ? builder_overview_report(r.overview) : NULL,
                        .layer = r.overview ? builder_overview_layer(r.overview) : NULL,
                        .overview = c->overview_boundaries};
    if (mode == BUILDER_CHECK) {
      builder_emit(events, user_data, &ev);
      if (r.overview)
        builder_emit(events, user_data, &oev);
      builder_run_clear(&r);
      g_ptr_array_unref(created);
      return TRUE;
    }
    /* Shared borders for simplification, only now that something is
     * drawn (a check does not need them; on 83,916 villages they take a
     * second). */
    geo_shapes_topology(r.layer->shapes);
    if (r.context)
      geo_shapes_topology(r.context->shapes);
    if (r.overview)
      geo_shapes_topology(builder_overview_layer(r.overview)->shapes);
    builder_emit(events, user_data, &ev);
    if (r.overview)
      builder_emit(events, user_data, &oev);
  }
  ok = ok && builder_run_group(&r, error);
  if (ok) {
    /* Only now, with every input read and checked, is anything written. */
    if (!builder_run_mkdirs(c->output, created) || g_access(c->output, W_OK) != 0) {
      int e = errno;
      g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: cannot write to the output folder: %s",
                  c->output, g_strerror(e));
      ok = FALSE;
    }
  }
  ok = ok && builder_run_model(&r, error) && builder_run_write(&r, result, error);
  /* The folders this run created (the output folder and its parents) go
   * too, innermost first, as long as they are empty. */
  for (guint i = created->len; !ok && i-- > 0;)
    g_rmdir(g_ptr_array_index(created, i));
  g_ptr_array_unref(created);
  if (!ok && result)
    builder_result_clear(result);
  builder_run_clear(&r);
  return ok;
}
