/* builder-tasks.c — drawing the outputs of a build in parallel: one task
 * per stale output (the overview, each sheet whose hash changed) on a
 * GLib thread pool, then atlas.pdf put together from the PDFs once they
 * are drawn.  Everything is written into the staging folder; the first
 * failure stops the tasks not yet started. */
#include "builder-private.h"

#include <math.h>
#include <unistd.h>

#include <string.h>

typedef enum { BUILDER_TASK_SHEET, BUILDER_TASK_OVERVIEW, BUILDER_TASK_ATLAS } BuilderTaskKind;

typedef struct {
  BuilderTaskKind kind;
  const RenderGroup *group; /* BUILDER_TASK_SHEET */
  char **files;             /* the files it writes, NULL-terminated */
  char *hash;               /* what they are drawn from */
} BuilderTask;

/* What the tasks of one build share. */
typedef struct {
  const BuilderTasks *in;
  GMutex lock;
  GError *error;     /* the first failure */
  guint done, total; /* outputs drawn so far, to draw in all */
} BuilderTaskRun;

static void
builder_tasks_free_task(BuilderTask *t)
{
  g_strfreev(t->files);
  g_free(t->hash);
  g_free(t);
}

/* Puts atlas.pdf together from the overview and sheet PDFs: those drawn
 * by this build are in the staging folder, the others (unchanged) in the
 * output folder. */
static gboolean
builder_tasks_atlas(const BuilderTasks *in, GError **error)
{
  const RenderModel *m = in->model;
  guint n = m->n_groups + 1;
  RenderAtlasEntry *entries = g_new0(RenderAtlasEntry, n);
  char **paths = g_new0(char *, n + 1);
  for (guint i = 0; i < n; i++) {
    const RenderGroup *g = i ? &m->groups[i - 1] : NULL;
    g_autofree char *file = render_output_file_name(m, g, "pdf");
    paths[i] = g_build_filename(in->stage, file, NULL);
    if (!g_file_test(paths[i], G_FILE_TEST_EXISTS)) {
      g_free(paths[i]);
      paths[i] = g_build_filename(in->dir, file, NULL);
    }
    entries[i] = (RenderAtlasEntry){paths[i], g ? g->code : NULL,
                                    g ? g->name : render_tr(m->lang, "Ikhtisar nasional"),
                                    render_tr(m->lang, "Ikhtisar")};
  }
  gboolean ok = render_output_atlas(m, entries, n, in->stage, error);
  g_strfreev(paths);
  g_free(entries);
  return ok;
}

static void
builder_tasks_run_one(gpointer data, gpointer user)
{
  BuilderTask *task = data;
  BuilderTaskRun *run = user;
  const BuilderTasks *in = run->in;
  GError *err = NULL;
  gboolean ok;
  g_mutex_lock(&run->lock);
  gboolean failed = run->error != NULL;
  g_mutex_unlock(&run->lock);
  if (failed) {
    builder_tasks_free_task(task);
    return;
  }
  char *what;
  if (task->kind == BUILDER_TASK_SHEET) {
    ok = render_output_sheet(in->model, task->group, in->stage, in->formats, in->dpi, &err);
    what = render_output_file_name(in->model, task->group, NULL);
  } else if (task->kind == BUILDER_TASK_OVERVIEW) {
    ok = render_output_overview(in->overview ? in->overview : in->model, in->stage, in->formats,
                                in->dpi, &err);
    what = render_output_file_name(in->model, NULL, NULL);
  } else {
    ok = builder_tasks_atlas(in, &err);
    what = g_strdup("atlas");
  }
  g_mutex_lock(&run->lock);
  if (!ok && run->error == NULL)
    run->error = err;
  else if (!ok)
    g_error_free(err);
  if (ok) {
    run->done++;
    BuilderEvent ev = {
        .kind = BUILDER_EVENT_DRAWN, .output = what, .done = run->done, .total = run->total};
    builder_emit(in->events, in->user_data, &ev);
  }
  g_mutex_unlock(&run->lock);
  g_free(what);
  if (ok)
    for (guint i = 0; task->files[i]; i++)
      builder_manifest_set(in->manifest, task->files[i], task->hash);
  builder_tasks_free_task(task);
}

/* Whether `task`'s files must be drawn: the reason, or NULL when they are
 * up to date (then they are recorded as kept and the task is freed).  A
 * task to draw is counted and announced. */
static const char *
builder_tasks_stale(BuilderTaskRun *run, BuilderTask *task, GString *why)
{
  const BuilderTasks *in = run->in;
  const char *reason = in->force ? "--force" : NULL;
  for (guint i = 0; !reason && task->files[i]; i++)
    reason = builder_manifest_check(in->manifest, in->dir, task->files[i], task->hash);
  if (reason == NULL) {
    for (guint i = 0; task->files[i]; i++)
      builder_manifest_set(in->manifest, task->files[i], task->hash);
    builder_tasks_free_task(task);
    return NULL;
  }
  g_autofree char *base = g_strndup(task->files[0], strrchr(task->files[0], '.') - task->files[0]);
  g_string_append_printf(why, "%s%s (%s)", why->len ? ", " : "", base, reason);
  BuilderEvent ev = {.kind = BUILDER_EVENT_REDRAW, .output = base, .reason = reason};
  builder_emit(in->events, in->user_data, &ev);
  g_mutex_lock(&run->lock);
  run->total++;
  g_mutex_unlock(&run->lock);
  return reason;
}

/* Queues `task` unless its files are up to date.  Returns TRUE when
 * queued. */
static gboolean
builder_tasks_queue(GThreadPool *pool, BuilderTaskRun *run, BuilderTask *task, GString *why)
{
  if (builder_tasks_stale(run, task, why) == NULL)
    return FALSE;
  g_thread_pool_push(pool, task, NULL);
  return TRUE;
}

/* Bytes all PNG images drawn at once may take: half the physical memory,
 * or $PETARAWAN_RASTER_MB MiB. */
static double
builder_tasks_raster_budget(void)
{
  const char *env = g_getenv("PETARAWAN_RASTER_MB");
  if (env != NULL && g_ascii_strtod(env, NULL) > 0)
    return g_ascii_strtod(env, NULL) * 1024 * 1024;
  long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || size <= 0)
    return 2.0 * 1024 * 1024 * 1024;
  return (double)pages * (double)size / 2;
}

/* PNG sheets are drawn into an image in memory (4 bytes a pixel: an A0
 * page at 699 dpi is 3 GB, and -j 2 drew two at once with no limit): the
 * sheets drawn at once are as many as fit in the budget together, at
 * least one; a page that alone needs more is refused before anything is
 * drawn. */
static gboolean
builder_tasks_raster_jobs(const BuilderTasks *in, int *n_jobs, GError **error)
{
  if (!(in->formats & RENDER_FORMAT_PNG))
    return TRUE;
  const double budget = builder_tasks_raster_budget();
  const RenderPage *P = render_page_of(in->model);
  double k = in->dpi / 72.0;
  double bytes = 4.0 * floor(P->width * k + 0.5) * floor(P->height * k + 0.5);
  if (bytes > budget) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "--dpi %g: a PNG of this page (%.0f x %.0f pt) would take %.1f GB of memory; "
                "the limit is %.1f GB: give a lower --dpi (at most %.0f here)",
                in->dpi, P->width, P->height, bytes / 1e9, budget / 1e9,
                floor(72.0 * sqrt(budget / (4.0 * P->width * P->height))));
    return FALSE;
  }
  int fit = (int)MAX(1.0, floor(budget / bytes));
  *n_jobs = MIN(*n_jobs, fit);
  return TRUE;
}

gboolean
builder_tasks_run(const BuilderTasks *in, guint *redrawn, guint *kept, GString *why, GError **error)
{
  const RenderModel *m = in->model;
  BuilderTaskRun run = {.in = in};
  g_mutex_init(&run.lock);
  g_autofree char *all_hash = render_model_hash_all(in->common, m);
  if (in->overview_hash) {
    /* The overview and the atlas depend on the overview's inputs too. */
    char *both = g_strconcat(all_hash, "+", in->overview_hash, NULL);
    g_free(all_hash);
    all_hash = both;
  }
  int n_jobs = in->jobs > 0 ? in->jobs : (int)g_get_num_processors();
  if (!builder_tasks_raster_jobs(in, &n_jobs, error))
    return FALSE;
  GThreadPool *pool = g_thread_pool_new(builder_tasks_run_one, &run, n_jobs, TRUE, NULL);
  *redrawn = *kept = 0;
  /* The atlas is put together from the other PDFs once they are drawn. */
  BuilderTask *atlas = NULL;
  if ((in->formats & RENDER_FORMAT_PDF) && !in->overview_only) {
    atlas = g_new0(BuilderTask, 1);
    atlas->kind = BUILDER_TASK_ATLAS;
    atlas->files = g_new0(char *, 2);
    atlas->files[0] = g_strdup("atlas.pdf");
    atlas->hash = g_strdup(all_hash);
    if (builder_tasks_stale(&run, atlas, why) == NULL)
      atlas = NULL;
  }
  BuilderTask *ov = g_new0(BuilderTask, 1);
  ov->kind = BUILDER_TASK_OVERVIEW;
  ov->files = render_output_file_names(m, NULL, in->formats);
  ov->hash = g_strdup(in->overview_hash ? in->overview_hash : all_hash);
  builder_tasks_queue(pool, &run, ov, why);
  for (guint i = 0; !in->overview_only && i < m->n_groups; i++) {
    BuilderTask *t = g_new0(BuilderTask, 1);
    t->kind = BUILDER_TASK_SHEET;
    t->group = &m->groups[i];
    t->files = render_output_file_names(m, t->group, in->formats);
    t->hash = render_model_hash_group(in->common, m, t->group);
    if (builder_tasks_queue(pool, &run, t, why))
      (*redrawn)++;
    else
      (*kept)++;
  }
  g_thread_pool_free(pool, FALSE, TRUE);
  if (atlas)
    builder_tasks_run_one(atlas, &run);
  g_mutex_clear(&run.lock);
  if (run.error) {
    g_propagate_error(error, run.error);
    return FALSE;
  }
  return TRUE;
}
