/* builder-private.h — what the files of builder/ share and nobody else
 * needs: reading the inputs, the hashes, the figures, the drawing tasks. */
#pragma once

#include "builder.h"

/* Hands `ev` to `events` when there is one. */
static inline void
builder_emit(BuilderEventFunc events, gpointer user_data, const BuilderEvent *ev)
{
  if (events)
    events(ev, user_data);
}

/* ---- builder-config.c ---- */
/* The settings of a run as the libraries take them. */
typedef struct {
  RenderFormat formats;
  RenderPage page;
  gboolean tiles;         /* also <file>-tiles-<paper>.pdf ... */
  RenderPaper tile_paper; /* ... of this paper */
  double dpi;             /* of PNGs */
  RenderLang lang;
  GeoMatch match;
  gint64 date;          /* seconds since 1970, UTC */
  GeoTableSpec *tables; /* c->tables parsed, with c's table options as defaults */
  guint n_tables;
  GeoTableSpec *overview_tables; /* c->overview_tables parsed the same way */
  guint n_overview_tables;
} BuilderSettings;
/* Checks `c` and turns it into *s; every problem at once.  Free *s with
 * builder_settings_clear (also after a failure). */
gboolean builder_config_resolve(const BuilderConfig *c, BuilderMode mode, BuilderSettings *s,
                                GError **error);
void builder_settings_clear(BuilderSettings *s);

/* ---- builder-table-spec.c ---- */
/* The table options of `c` (separator, sheet, header-row, numbers) into
 * *defaults; a bad one is a line in `problems`.  Clear *defaults with
 * geo_table_options_clear. */
gboolean builder_table_defaults(const BuilderConfig *c, GeoTableOptions *defaults,
                                GString *problems);

/* ---- builder-inputs.c ---- */
/* The first existing folder among $ENV, the installed and the source
 * tree.  Caller frees. */
char *builder_inputs_find_dir(const char *env, const char *sub);
/* Province names by code from data/provinsi.csv.  Caller frees with
 * g_hash_table_destroy. */
GHashTable *builder_inputs_province_names(void);
/* The built-in place names and formations and the user's aliases.
 * Caller frees with geo_gazetteer_unref. */
GeoGazetteer *builder_inputs_gazetteer(const BuilderConfig *c, GError **error);
/* Reads the tables of `s` into `tables` (GeoTable, owned by the array);
 * their notes go to `events`. */
gboolean builder_inputs_read_tables(const BuilderSettings *s, GPtrArray *tables,
                                    BuilderEventFunc events, gpointer user_data, GError **error);
/* A source as a sheet's footer names it.  Caller frees. */
char *builder_inputs_source_label(const char *source, const char *layer);

/* The countries drawn around the maps: `context` itself, NULL for
 * "none" (also a project file's "none" made relative to its folder), or
 * for NULL the shipped data/negara.gpkg (*layer "negara").  A build
 * without the shipped file fails naming it.  Caller frees with g_free. */
gboolean builder_inputs_context(const char *context, const char *context_layer, char **source,
                                char **layer, GError **error);
/* Whether table `t`'s file says it holds sample figures: a name with
 * "contoh", "sample", "sintetis" or "synthetic". */
gboolean builder_inputs_table_is_sample(const GeoTable *t);

/* ---- builder-overview.c ---- */
/* A national overview drawn from other inputs than the sheets
 * (--overview-boundaries and friends). */
typedef struct BuilderOverview BuilderOverview;
/* Reads, joins and classifies the overview's boundaries and tables
 * (specs from s->overview_tables) into a model made from `sheets`'
 * (borrowed: keep `sheets` and its texts alive; sheets->texts may be NULL
 * for a check).  NULL with an error naming the input.  Caller frees with
 * builder_overview_free. */
BuilderOverview *builder_overview_new(const BuilderConfig *c, const BuilderSettings *s,
                                      GeoGazetteer *gazetteer, GError **error);
/* Makes the model from the sheets' one (texts copied, then the
 * overview's index name, date and unit). */
void builder_overview_model_set(BuilderOverview *o, const BuilderConfig *c,
                                const RenderModel *sheets);
void builder_overview_free(BuilderOverview *o);
/* Borrowed from o. */
const RenderModel *builder_overview_model(const BuilderOverview *o);
const GeoJoinReport *builder_overview_report(const BuilderOverview *o);
const GeoLayer *builder_overview_layer(const BuilderOverview *o);

/* ---- builder-figures.c ---- */
/* The file's name in the output folder. */
#define BUILDER_PRIORITIES_FILE "prioritas-penebalan.csv"
/* Reads the personnel and workload figures `c` names and the circles'
 * values and label (see cli --symbols).  Caller frees *figures with
 * geo_figures_free, *symbols and *label with g_free. */
gboolean builder_figures_read(const BuilderConfig *c, RenderLang lang, GeoJoin *join,
                              GeoFigures **figures, double **symbols, char **label, GError **error);
/* The CSV of every priority of the model, or NULL when there are no
 * coverage figures.  Caller frees with g_free. */
char *builder_priorities_csv(const RenderModel *m);
/* Writes BUILDER_PRIORITIES_FILE into `stage` unless `dir`'s is up to
 * date, and records it in the manifest. */
gboolean builder_priorities_write(const RenderModel *m, BuilderManifest *manifest, const char *dir,
                                  const char *stage, gboolean force, GError **error);

/* ---- builder-tasks.c: drawing the outputs in parallel ---- */
/* Bytes of PNG images in memory at once, all drawing threads together
 * (builder_tasks_raster_budget): half the physical memory, or
 * $PETARAWAN_RASTER_MB MiB when set. */
typedef struct {
  const RenderModel *model;
  const char *dir;   /* the output folder, where earlier outputs are */
  const char *stage; /* where this build writes */
  RenderFormat formats;
  double dpi;
  gboolean force;
  gboolean overview_only;
  int jobs; /* threads; 0: one per core */
  BuilderManifest *manifest;
  const char *common; /* render_model_hash_common of the model */
  /* The overview's own model (builder-overview.c), or NULL: `model`'s;
   * then also the hash the overview and atlas are drawn from. */
  const RenderModel *overview;
  const char *overview_hash;
  BuilderEventFunc events;
  gpointer user_data;
} BuilderTasks;

/* Draws the overview, every stale sheet and the atlas into tasks->stage.
 * *redrawn and *kept count the sheets; `why` gets the reasons. */
gboolean builder_tasks_run(const BuilderTasks *tasks, guint *redrawn, guint *kept, GString *why,
                           GError **error);
