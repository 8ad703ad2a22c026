/* cli-build.c — `build` and `check`: read the inputs, join, classify,
 * report, group the districts into sheets and have render/ draw them in
 * parallel.  The only place that turns errors into exit statuses besides
 * main: 0 fine, 1 data problems under --strict, 2 bad usage or input
 * (nothing written), 3 rendering or writing failed. */
#include "cli.h"
#include "cli-overview.h"
#include "cli-manifest.h"
#include "cli-figures.h"

#include <json-glib/json-glib.h>
#include <unistd.h>

#include "config.h"
#include "geo.h"
#include "render.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_DATA = 1, EXIT_USAGE = 2, EXIT_OUTPUT = 3 };

/* The first existing folder among $ENV, the installed and the source tree. */
static char *
cli_build_find_dir(const char *env, const char *sub)
{
  const char *e = g_getenv(env);
  if (e && *e)
    return g_strdup(e);
  g_autofree char *installed = g_build_filename(PETARAWAN_DATADIR, sub, NULL);
  if (g_file_test(installed, G_FILE_TEST_IS_DIR))
    return g_steal_pointer(&installed);
  return g_build_filename(PETARAWAN_SOURCE_DIR, sub, NULL);
}

/* The countries drawn around every map: without --context, the Natural
 * Earth extract shipped as data/negara.gpkg (layer negara); `--context
 * none` draws none.  `check` draws nothing and reads none. */
static gboolean
cli_build_default_context(CliConfig *c, gboolean check, GError **error)
{
  /* A project file's `context=none` arrives made relative to its folder. */
  if (c->context && (strcmp(c->context, "none") == 0 ||
                     (g_str_has_suffix(c->context, G_DIR_SEPARATOR_S "none") &&
                      !g_file_test(c->context, G_FILE_TEST_EXISTS)))) {
    g_clear_pointer(&c->context, g_free);
    g_clear_pointer(&c->context_layer, g_free);
    return TRUE;
  }
  if (c->context || check)
    return TRUE;
  g_autofree char *dir = cli_build_find_dir("PETARAWAN_DATA", "data");
  g_autofree char *path = g_build_filename(dir, "negara.gpkg", NULL);
  if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "%s: the neighbouring countries drawn by default are missing (set "
                "PETARAWAN_DATA to the data folder, give --context SRC, or --context none)",
                path);
    return FALSE;
  }
  c->context = g_steal_pointer(&path);
  g_free(c->context_layer);
  c->context_layer = g_strdup("negara");
  return TRUE;
}

/* Whether table t's file says it holds sample figures: a name with
 * "contoh", "sample", "sintetis" or "synthetic" (ikp_kabkota_contoh.csv). */
static gboolean
cli_build_table_is_sample(const GeoTable *t)
{
  g_autofree char *base = g_path_get_basename(t->source);
  g_autofree char *low = g_utf8_strdown(base, -1);
  const char *words[] = {"contoh", "sample", "sintetis", "synthetic"};
  for (guint i = 0; i < G_N_ELEMENTS(words); i++)
    if (strstr(low, words[i]))
      return TRUE;
  return FALSE;
}

/* --log-json: one JSON object per line on standard output.  After the
 * event come name/value pairs of strings, ending with NULL; "#name" marks
 * an integer given as text, "?name" a boolean ("true" or anything else). */
static void
cli_build_log(const CliConfig *c, const char *event, ...)
{
  if (!c->log_json)
    return;
  g_autoptr(JsonBuilder) b = json_builder_new();
  json_builder_begin_object(b);
  json_builder_set_member_name(b, "event");
  json_builder_add_string_value(b, event);
  va_list ap;
  va_start(ap, event);
  const char *name;
  while ((name = va_arg(ap, const char *)) != NULL) {
    const char *value = va_arg(ap, const char *);
    if (name[0] == '#') {
      json_builder_set_member_name(b, name + 1);
      json_builder_add_int_value(b, g_ascii_strtoll(value, NULL, 10));
    } else if (name[0] == '?') {
      json_builder_set_member_name(b, name + 1);
      json_builder_add_boolean_value(b, g_strcmp0(value, "true") == 0);
    } else {
      json_builder_set_member_name(b, name);
      g_autofree char *v = g_utf8_make_valid(value ? value : "", -1);
      json_builder_add_string_value(b, v);
    }
  }
  va_end(ap);
  json_builder_end_object(b);
  g_autoptr(JsonGenerator) gen = json_generator_new();
  g_autoptr(JsonNode) root = json_builder_get_root(b);
  json_generator_set_root(gen, root);
  g_autofree char *line = json_generator_to_data(gen, NULL);
  g_print("%s\n", line);
  fflush(stdout);
}

static int
cli_build_fail(const CliConfig *c, GError *error)
{
  int code = EXIT_USAGE;
  if (error->domain == GEO_ERROR && error->code == GEO_ERROR_OUTPUT)
    code = EXIT_OUTPUT;
  /* Messages quote file contents and names: keep them valid UTF-8. */
  g_autofree char *msg = g_utf8_make_valid(error->message, -1);
  g_printerr("petarawan: error: %s\n", msg);
  g_autofree char *st = g_strdup_printf("%d", code);
  cli_build_log(c, "error", "message", msg, "#status", st, NULL);
  g_error_free(error);
  return code;
}

/* "22 November 2026" from SOURCE_DATE_EPOCH or now, in the map's
 * language. */
static char *
cli_build_date_text(RenderLang lang)
{
  g_autofree char *iso = render_output_date_iso();
  int y = 0, mo = 1, d = 1;
  sscanf(iso, "%d-%d-%d", &y, &mo, &d);
  return render_date_text(lang, y, mo, d);
}

/* A group code safe as part of a file name: letters, digits, '.', '-'. */
static char *
cli_build_safe_code(const char *code)
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

/* Province names by code from data/provinsi.csv (kode,nama,...). */
static GHashTable *
cli_build_province_names(void)
{
  GHashTable *names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *dir = cli_build_find_dir("PETARAWAN_DATA", "data");
  g_autofree char *path = g_build_filename(dir, "provinsi.csv", NULL);
  g_autoptr(GError) err = NULL;
  GeoTable *t = geo_table_read(path, &err);
  if (t == NULL)
    return names;
  int name_col = geo_table_find_field(t, "nama");
  for (guint r = 0; name_col >= 0 && r < t->n_rows; r++) {
    const char *k = geo_table_cell(t, r, (guint)t->key_column);
    const char *n = geo_table_cell(t, r, (guint)name_col);
    if (k && n)
      g_hash_table_insert(names, geo_key_normalise(k), g_strdup(n));
  }
  geo_table_free(t);
  return names;
}

/* The place names and formations petarawan knows (data/alias-wilayah.csv,
 * data/pemekaran.csv) and the user's --aliases files.
 * Returns: (transfer full) or NULL with an error naming the file. */
static GeoGazetteer *
cli_build_gazetteer(const CliConfig *c, GError **error)
{
  g_autofree char *dir = cli_build_find_dir("PETARAWAN_DATA", "data");
  g_autofree char *names = g_build_filename(dir, "alias-wilayah.csv", NULL);
  g_autofree char *formed = g_build_filename(dir, "pemekaran.csv", NULL);
  GeoGazetteer *g = geo_gazetteer_new();
  gboolean ok = geo_gazetteer_add_names(g, names, error) &&
                geo_gazetteer_add_formations(g, formed, error);
  if (!ok)
    g_prefix_error(error, "built-in place names (set PETARAWAN_DATA to the data folder): ");
  for (guint i = 0; ok && c->aliases && c->aliases[i]; i++)
    if (!geo_gazetteer_add_names(g, c->aliases[i], error)) {
      g_prefix_error(error, "--aliases: ");
      ok = FALSE;
    }
  if (!ok) {
    geo_gazetteer_unref(g);
    return NULL;
  }
  return g;
}

/* --match: auto (default), code or name. */
static gboolean
cli_build_match(const char *text, GeoMatch *out, GError **error)
{
  if (text == NULL || g_ascii_strcasecmp(text, "auto") == 0)
    *out = GEO_MATCH_AUTO;
  else if (g_ascii_strcasecmp(text, "code") == 0)
    *out = GEO_MATCH_CODE;
  else if (g_ascii_strcasecmp(text, "name") == 0)
    *out = GEO_MATCH_NAME;
  else {
    g_autofree char *shown = geo_text_printable(text, 60);
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "--match: '%s' is not auto, code or name",
                shown);
    return FALSE;
  }
  return TRUE;
}

static int
cli_build_cmp_group(gconstpointer a, gconstpointer b)
{
  const RenderGroup *ga = a, *gb = b;
  return strcmp(ga->code, gb->code);
}

static void
cli_build_free_groups(GArray *groups)
{
  if (groups == NULL)
    return;
  for (guint i = 0; i < groups->len; i++) {
    RenderGroup *g = &g_array_index(groups, RenderGroup, i);
    g_free(g->code);
    g_free(g->name);
    g_free(g->slug);
    g_free(g->features);
  }
  g_array_free(groups, TRUE);
}

/* Groups the layer's features by their group value, sorted by code.
 * `names` (may be NULL) receives each group value's name. */
static GArray *
cli_build_groups(const CliConfig *c, const GeoLayer *layer, GHashTable *names, RenderLang lang,
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
  /* Names: the --group-name field (read with the layer), else the
   * province table, else the code. */
  GHashTable *province = c->group_name ? NULL : cli_build_province_names();
  /* File names made from group values must stay distinct: "a/b" and "ab"
   * both become "ab", and one sheet would silently replace the other. */
  GHashTable *bases = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  gboolean clash = FALSE;
  for (guint i = 0; i < groups->len; i++) {
    RenderGroup *g = &g_array_index(groups, RenderGroup, i);
    GArray *m = g_ptr_array_index(members, i);
    g->n_features = m->len;
    g->features = (guint *)g_array_free(m, FALSE);
    const char *name = NULL;
    if (c->group_name && g->n_features > 0 && *layer->features[g->features[0]].group_name)
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
    char *safe = cli_build_safe_code(*g->code ? g->code : "00");
    g_autofree char *base = g_strdup_printf("%s-%s", safe, g->slug);
    char *lower = g_ascii_strdown(base, -1);
    const char *other = g_hash_table_lookup(bases, lower);
    if (!clash && (other || strcmp(lower, "00-nasional") == 0)) {
      g_autofree char *shown = g_utf8_make_valid(g->code, -1);
      g_autofree char *shown_other = g_utf8_make_valid(other ? other : "", -1);
      if (other)
        g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                    "%s, field %s: the groups '%s' and '%s' would both be written as %s.pdf; "
                    "give them distinct codes", c->boundaries, c->group, shown_other, shown, base);
      else
        g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                    "%s, field %s: the group '%s' would be written as %s.pdf, the national "
                    "overview", c->boundaries, c->group, shown, base);
      clash = TRUE;
    }
    g_hash_table_insert(bases, lower, g_strdup(g->code));
    g_free(g->code);
    g->code = safe;
  }
  g_hash_table_destroy(bases);
  if (clash) {
    cli_build_free_groups(groups);
    groups = NULL;
  } else {
    g_array_sort(groups, cli_build_cmp_group);
  }
  if (province)
    g_hash_table_destroy(province);
  g_hash_table_destroy(index);
  g_ptr_array_free(members, TRUE);
  return groups;
}

/* ---- the staging folder ----
 *
 * A build writes every file into a hidden folder inside the output folder
 * and moves them into place only when all of them (and the manifest) were
 * written: a build that fails half-way (a full disk, a drawing error)
 * leaves the earlier outputs exactly as they were and no partial files. */

static char *
cli_build_stage_create(const char *out, GError **error)
{
  char *tmpl = g_build_filename(out, ".petarawan-XXXXXX", NULL);
  if (g_mkdtemp_full(tmpl, 0755) == NULL) {
    int e = errno;
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: cannot create a folder in %s: %s", tmpl,
                out, g_strerror(e));
    g_free(tmpl);
    return NULL;
  }
  return tmpl;
}

/* Messages about files in the staging folder name them where they were
 * going: <out>/atlas.pdf, not <out>/.petarawan-XXXXXX/atlas.pdf. */
static void
cli_build_stage_name_output(GError *error, const char *stage, const char *out)
{
  g_auto(GStrv) parts = g_strsplit(error->message, stage, -1);
  char *joined = g_strjoinv(out, parts);
  g_free(error->message);
  error->message = joined;
}

void
cli_build_stage_remove(const char *stage)
{
  GDir *dir = g_dir_open(stage, 0, NULL);
  const char *name;
  while (dir && (name = g_dir_read_name(dir)) != NULL) {
    g_autofree char *path = g_build_filename(stage, name, NULL);
    g_unlink(path);
  }
  if (dir)
    g_dir_close(dir);
  g_rmdir(stage);
}

static int
cli_build_cmp_commit(gconstpointer a, gconstpointer b)
{
  /* The manifest last: it says what was built, once it was. */
  const char *x = *(char *const *)a, *y = *(char *const *)b;
  gboolean mx = strcmp(x, "manifest.json") == 0, my = strcmp(y, "manifest.json") == 0;
  if (mx != my)
    return mx ? 1 : -1;
  return strcmp(x, y);
}

/* Moves every finished file from the staging folder into `out`. */
static gboolean
cli_build_stage_commit(const char *stage, const char *out, GError **error)
{
  GError *err = NULL;
  GDir *dir = g_dir_open(stage, 0, &err);
  if (dir == NULL) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: %s", stage, err->message);
    g_error_free(err);
    return FALSE;
  }
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  const char *name;
  while ((name = g_dir_read_name(dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add(names, g_strdup(name));
  g_dir_close(dir);
  g_ptr_array_sort(names, cli_build_cmp_commit);
  gboolean ok = TRUE;
  for (guint i = 0; ok && i < names->len; i++) {
    const char *n = g_ptr_array_index(names, i);
    g_autofree char *from = g_build_filename(stage, n, NULL);
    g_autofree char *to = g_build_filename(out, n, NULL);
    if (g_rename(from, to) != 0) {
      int e = errno;
      g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: cannot move into place: %s", to,
                  g_strerror(e));
      ok = FALSE;
    }
  }
  g_ptr_array_unref(names);
  /* The renames reach the disk with the folder. */
  int fd = ok ? open(out, O_RDONLY | O_DIRECTORY) : -1;
  if (fd >= 0) {
    fsync(fd);
    close(fd);
  }
  return ok;
}


/* ---- parallel drawing ---- */

typedef struct {
  const RenderModel *model;
  const RenderModel *overview; /* the overview's, when not model (cli-overview.c) */
  const char *dir;   /* the output folder, where earlier outputs are */
  const char *stage; /* where this build writes (see cli_build_stage_create) */
  RenderFormat formats;
  double dpi;
  GMutex lock;
  GError *error; /* the first failure */
  GPtrArray *written;
  gboolean quiet;
  CliManifest *manifest;
  const CliConfig *config;
  guint done, total; /* outputs drawn so far, to draw in all */
  gboolean tty;      /* stderr is a terminal: a progress bar */
} CliBuildJobs;

typedef struct {
  int kind; /* 0 sheet, 1 overview, 2 atlas */
  const RenderGroup *group;
  char **files; /* the files it writes, NULL-terminated */
  char *hash;   /* what they are drawn from */
} CliBuildTask;

static void
cli_build_task_free(CliBuildTask *t)
{
  g_strfreev(t->files);
  g_free(t->hash);
  g_free(t);
}

/* Puts atlas.pdf together from the overview and sheet PDFs: those drawn
 * by this build are in the staging folder, the others (unchanged) in the
 * output folder. */
static gboolean
cli_build_atlas(CliBuildJobs *jobs, GError **error)
{
  const RenderModel *m = jobs->model;
  guint n = m->n_groups + 1;
  RenderAtlasEntry *entries = g_new0(RenderAtlasEntry, n);
  char **paths = g_new0(char *, n + 1);
  for (guint i = 0; i < n; i++) {
    const RenderGroup *g = i ? &m->groups[i - 1] : NULL;
    g_autofree char *file = g ? g_strdup_printf("%s-%s.pdf", g->code, g->slug)
                              : g_strdup("00-nasional.pdf");
    paths[i] = g_build_filename(jobs->stage, file, NULL);
    if (!g_file_test(paths[i], G_FILE_TEST_EXISTS)) {
      g_free(paths[i]);
      paths[i] = g_build_filename(jobs->dir, file, NULL);
    }
    entries[i] = (RenderAtlasEntry){paths[i], g ? g->code : NULL,
                                    g ? g->name : render_tr(m->lang, "Ikhtisar nasional"),
                                    render_tr(m->lang, "Ikhtisar")};
  }
  gboolean ok = render_output_atlas(m, entries, n, jobs->stage, error);
  g_strfreev(paths);
  g_free(entries);
  return ok;
}

static void
cli_build_task_run(gpointer data, gpointer user)
{
  CliBuildTask *task = data;
  CliBuildJobs *jobs = user;
  GError *err = NULL;
  gboolean ok;
  g_mutex_lock(&jobs->lock);
  gboolean failed = jobs->error != NULL;
  g_mutex_unlock(&jobs->lock);
  if (failed) {
    cli_build_task_free(task);
    return;
  }
  char *what;
  if (task->kind == 0) {
    ok = render_output_sheet(jobs->model, task->group, jobs->stage, jobs->formats, jobs->dpi, &err);
    what = g_strdup_printf("%s-%s", task->group->code, task->group->slug);
  } else if (task->kind == 1) {
    ok = render_output_overview(jobs->overview ? jobs->overview : jobs->model, jobs->stage,
                                jobs->formats, jobs->dpi, &err);
    what = g_strdup("00-nasional");
  } else {
    ok = cli_build_atlas(jobs, &err);
    what = g_strdup("atlas");
  }
  g_mutex_lock(&jobs->lock);
  if (!ok && jobs->error == NULL)
    jobs->error = err;
  else if (!ok)
    g_error_free(err);
  if (ok) {
    jobs->done++;
    g_autofree char *n = g_strdup_printf("%u", jobs->done);
    g_autofree char *total = g_strdup_printf("%u", jobs->total);
    cli_build_log(jobs->config, "drawn", "output", what, "#done", n, "#total", total, NULL);
    if (!jobs->quiet && !jobs->config->log_json) {
      if (jobs->tty) {
        /* One line, redrawn: [#########.........] 12/40 53-nusa-tenggara-timur */
        char bar[31];
        guint fill = jobs->total ? 30 * jobs->done / jobs->total : 30;
        for (guint i = 0; i < 30; i++)
          bar[i] = i < fill ? '#' : '.';
        bar[30] = '\0';
        g_printerr("\r[%s] %u/%u %-40.40s", bar, jobs->done, jobs->total, what);
        if (jobs->done == jobs->total)
          g_printerr("\n");
      } else {
        g_printerr("drew %s (%u/%u)\n", what, jobs->done, jobs->total);
      }
    }
    g_ptr_array_add(jobs->written, what);
  } else {
    g_free(what);
  }
  g_mutex_unlock(&jobs->lock);
  if (ok)
    for (guint i = 0; task->files[i]; i++)
      cli_manifest_set(jobs->manifest, task->files[i], task->hash);
  cli_build_task_free(task);
}

/* The files a task writes: <base>.<ext> for each format, and
 * <base>-tiles-<paper>.pdf when `m` (may be NULL) asks for tiles. */
static char **
cli_build_files(const char *base, RenderFormat formats, const RenderModel *m)
{
  GStrvBuilder *b = g_strv_builder_new();
  const char *ext[] = {"pdf", "png", "svg"};
  for (guint i = 0; i < 3; i++)
    if (formats & (1u << i)) {
      g_autofree char *f = g_strdup_printf("%s.%s", base, ext[i]);
      g_strv_builder_add(b, f);
    }
  if (m && m->tiles) {
    g_autofree char *paper = g_ascii_strdown(render_paper_name(m->tile_paper), -1);
    g_autofree char *f = g_strdup_printf("%s-tiles-%s.pdf", base, paper);
    g_strv_builder_add(b, f);
  }
  char **out = g_strv_builder_end(b);
  g_strv_builder_unref(b);
  return out;
}

/* Whether `task`'s files must be drawn: the reason, or NULL when they are
 * up to date (then they are recorded as kept and the task is freed).  A
 * task to draw is counted and logged. */
static const char *
cli_build_stale(CliBuildJobs *jobs, CliBuildTask *task, gboolean force, GString *why)
{
  const char *reason = force ? "--force" : NULL;
  for (guint i = 0; !reason && task->files[i]; i++)
    reason = cli_manifest_check(jobs->manifest, jobs->dir, task->files[i], task->hash);
  if (reason == NULL) {
    for (guint i = 0; task->files[i]; i++)
      cli_manifest_set(jobs->manifest, task->files[i], task->hash);
    cli_build_task_free(task);
    return NULL;
  }
  g_autofree char *base = g_strndup(task->files[0], strrchr(task->files[0], '.') - task->files[0]);
  g_string_append_printf(why, "%s%s (%s)", why->len ? ", " : "", base, reason);
  cli_build_log(jobs->config, "redraw", "output", base, "reason", reason, NULL);
  g_mutex_lock(&jobs->lock);
  jobs->total++;
  g_mutex_unlock(&jobs->lock);
  return reason;
}

/* Queues `task` unless its files are up to date.  Returns TRUE when
 * queued. */
static gboolean
cli_build_queue(GThreadPool *pool, CliBuildJobs *jobs, CliBuildTask *task, gboolean force,
                GString *why)
{
  if (cli_build_stale(jobs, task, force, why) == NULL)
    return FALSE;
  g_thread_pool_push(pool, task, NULL);
  return TRUE;
}

/* The error for a value field without a single usable value: names the
 * table, the field, and the first bad value with its row. */
static void
cli_build_no_values_error(const GeoJoin *join, const char *field, GError **error)
{
  const GeoJoinReport *r = join->report;
  int fi = geo_join_find_field(join, field);
  guint ti = g_array_index(join->field_table, guint, fi);
  const char *source = g_ptr_array_index(join->sources, ti);
  const GeoTableReport *tr = g_ptr_array_index(r->tables, ti);
  GString *why = g_string_new(NULL);
  g_string_append_printf(why, "%u of %u rows match the boundaries", tr->n_matched, tr->n_rows);
  if (r->bad_values->len > 0) {
    const GeoBadValue *b = g_ptr_array_index(r->bad_values, 0);
    g_autofree char *raw = g_utf8_make_valid(b->raw, -1);
    if (g_utf8_strlen(raw, -1) > 40) {
      char *cut = g_utf8_substring(raw, 0, 37);
      g_free(raw);
      raw = g_strconcat(cut, "...", NULL);
      g_free(cut);
    }
    g_string_append_printf(why, "; %u bad values, the first in row %u: '%s'", r->bad_values->len,
                           b->line, raw);
  }
  if (r->n_missing_values > 0)
    g_string_append_printf(why, "; %u empty", r->n_missing_values);
  g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
              "%s, field %s: no district has a usable value (%s); nothing to map", source, field,
              why->str);
  g_string_free(why, TRUE);
}

/* A source as a sheet's footer names it: a file by its name; a PostGIS
 * connection string as "PostGIS" with its database and table (or `layer`),
 * never the host, user or password.  Caller frees. */
static char *
cli_build_source_label(const char *source, const char *layer)
{
  if (g_ascii_strncasecmp(source, "PG:", 3) != 0)
    return g_path_get_basename(source);
  g_autofree char *db = NULL, *table = NULL;
  g_auto(GStrv) words = g_strsplit(source + 3, " ", -1);
  for (guint i = 0; words[i]; i++) {
    if (g_str_has_prefix(words[i], "dbname=")) {
      g_free(db);
      db = g_strdup(words[i] + 7);
    } else if (g_str_has_prefix(words[i], "tables=")) {
      g_free(table);
      table = g_strdup(words[i] + 7);
    }
  }
  if (table == NULL && layer != NULL)
    table = g_strdup(layer);
  return g_strdup_printf("PostGIS %s%s%s", db ? db : "", db && table ? "." : "",
                         table ? table : "");
}

/* Reads every --table with the table options of the command line or
 * project as defaults, and tells the user what the readers decided
 * (encoding, header row, number formats, missing values). */
static gboolean
cli_build_read_tables(const CliConfig *c, GPtrArray *tables, GError **error)
{
  GeoTableOptions defaults = {0};
  const struct {
    const char *name;
    const char *value;
  } given[] = {{"separator", c->separator}, {"sheet", c->sheet}, {"header-row", c->header_row},
               {"numbers", c->numbers}};
  gboolean ok = TRUE;
  for (guint i = 0; ok && i < G_N_ELEMENTS(given); i++)
    if (given[i].value != NULL && !geo_table_options_set(&defaults, given[i].name, given[i].value, error)) {
      g_prefix_error(error, "--");
      ok = FALSE;
    }
  for (guint i = 0; ok && c->tables && c->tables[i]; i++) {
    GeoTable *t = geo_table_read_options(c->tables[i], &defaults, error);
    if (t == NULL) {
      ok = FALSE;
      break;
    }
    g_ptr_array_add(tables, t);
    for (guint k = 0; t->notes[k] && !c->quiet; k++) {
      if (c->log_json)
        cli_build_log(c, "note", "table", t->source, "message", t->notes[k], NULL);
      else
        g_printerr("petarawan: note: %s\n", t->notes[k]);
    }
  }
  geo_table_options_clear(&defaults);
  return ok;
}

static RenderFormat
cli_build_formats(const char *text, GError **error)
{
  RenderFormat f = 0;
  g_auto(GStrv) items = g_strsplit(text ? text : "pdf", ",", -1);
  for (guint i = 0; items[i]; i++) {
    char *it = g_strstrip(items[i]);
    if (g_ascii_strcasecmp(it, "pdf") == 0)
      f |= RENDER_FORMAT_PDF;
    else if (g_ascii_strcasecmp(it, "png") == 0)
      f |= RENDER_FORMAT_PNG;
    else if (g_ascii_strcasecmp(it, "svg") == 0)
      f |= RENDER_FORMAT_SVG;
    else if (*it) {
      g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "--format: unknown format '%s' (pdf, png, svg)",
                  it);
      return 0;
    }
  }
  if (f == 0)
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "--format: no format given");
  return f;
}

/* The page from --paper and --orientation, the tiles from --tile and the
 * PNG resolution from --dpi (default 300 on A4, 300/k on a poster: the
 * same pixels as an A4 at 300 dpi, which is what a screen or phone needs).
 * Bad values are usage errors, found before anything is read. */
static gboolean
cli_build_page(const CliConfig *c, RenderFormat formats, RenderPage *page, RenderModel *model,
               double *dpi, GError **error)
{
  RenderPaper paper = RENDER_PAPER_A4;
  if (c->paper && !render_paper_parse(c->paper, &paper)) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "--paper: unknown paper '%s' (A0, A1, A2, A3, A4)",
                c->paper);
    return FALSE;
  }
  gboolean portrait = FALSE;
  if (c->orientation && g_ascii_strcasecmp(c->orientation, "portrait") == 0)
    portrait = TRUE;
  else if (c->orientation && g_ascii_strcasecmp(c->orientation, "landscape") != 0) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "--orientation: '%s' is neither landscape nor portrait", c->orientation);
    return FALSE;
  }
  render_page_init(page, paper, portrait);
  model->page = page;
  if (c->tile) {
    RenderPaper tile;
    if (!render_paper_parse(c->tile, &tile) || tile < RENDER_PAPER_A3) {
      g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "--tile: '%s' is not a tile paper (A4, A3)",
                  c->tile);
      return FALSE;
    }
    if (tile <= paper) {
      g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                  "--tile %s: the pages are %s already; tiles need a larger --paper (A0 to %s)",
                  render_paper_name(tile), render_paper_name(paper),
                  render_paper_name((RenderPaper)(tile - 1)));
      return FALSE;
    }
    model->tiles = TRUE;
    model->tile_paper = tile;
  }
  *dpi = c->dpi > 0 ? c->dpi : page->png_dpi;
  /* cairo's images stop at 32767 pixels a side. */
  double px = MAX(page->width, page->height) * *dpi / 72;
  if ((formats & RENDER_FORMAT_PNG) && px > 32767) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "--dpi %g: a PNG of an %s page would be %.0f pixels long, more than 32767; "
                "at most --dpi %d", *dpi, render_paper_name(paper), px,
                (int)floor(32767 * 72 / MAX(page->width, page->height)));
    return FALSE;
  }
  return TRUE;
}

int
cli_build_run(CliConfig *c)
{
  GError *error = NULL;
  int status = 0;
  GeoStyle *style = NULL;
  GeoLayer *layer = NULL, *context = NULL;
  GPtrArray *tables = g_ptr_array_new_with_free_func((GDestroyNotify)geo_table_free);
  GeoJoin *join = NULL;
  GeoGazetteer *gazetteer = NULL;
  double *values = NULL;
  int *classes = NULL;
  GeoFigures *figures = NULL;
  double *symbols = NULL;
  char *symbols_label = NULL;
  GArray *groups = NULL;
  char *styles_dir = NULL, *generated = NULL, *sample_index = NULL;
  RenderInset *inset = NULL;
  RenderLogo *logo = NULL;
  GHashTable *group_names = NULL;
  CliManifest *manifest = NULL;
  CliOverview *overview = NULL;
  char *common = NULL, *all_hash = NULL, *overview_hash = NULL;
  int lock_fd = -1;
  char *stage = NULL; /* the staging folder while files are written */
  gboolean created_output = FALSE;
  gboolean check = strcmp(c->command, "check") == 0;

  /* Everything the run needs, checked before anything is read. */
  GString *missing = g_string_new(NULL);
  if (!c->boundaries)
    g_string_append(missing, " --boundaries");
  if (!c->key)
    g_string_append(missing, " --key");
  if (!c->value)
    g_string_append(missing, " --value");
  if (!check && !c->output)
    g_string_append(missing, " --output");
  if (missing->len) {
    g_printerr("petarawan: error: %s needs%s (see petarawan --help)\n", c->command, missing->str);
    g_string_free(missing, TRUE);
    status = EXIT_USAGE;
    goto out;
  }
  g_string_free(missing, TRUE);
  RenderFormat formats = cli_build_formats(c->format, &error);
  if (formats == 0)
    goto fail;
  RenderPage page;
  RenderModel model = {0};
  double dpi;
  if (!cli_build_page(c, formats, &page, &model, &dpi, &error))
    goto fail;
  RenderLang lang = RENDER_LANG_ID;
  if (c->lang && !render_lang_parse(c->lang, &lang)) {
    g_set_error(&error, GEO_ERROR, GEO_ERROR_USAGE,
                "--lang: '%s' is not a language of the map text (id or en)", c->lang);
    goto fail;
  }
  if (c->logo && !check && (logo = render_logo_load(c->logo, &error)) == NULL)
    goto fail;
  GeoMatch match;
  if (!cli_build_match(c->match, &match, &error))
    goto fail;
  if (match == GEO_MATCH_NAME && !c->name) {
    g_set_error(&error, GEO_ERROR, GEO_ERROR_USAGE,
                "--match name: give the boundaries' name field with --name FIELD");
    goto fail;
  }

  styles_dir = cli_build_find_dir("PETARAWAN_STYLES", "styles");
  style = geo_style_load(c->style ? c->style : "quantile", styles_dir, &error);
  if (style == NULL)
    goto fail;

  if (!cli_build_default_context(c, check, &error))
    goto fail;

  GeoLayerSpec spec = {.source = c->boundaries, .layer = c->layer, .key_field = c->key,
                       .name_field = c->name, .group_field = c->group, .where = c->where,
                       .group_name_field = c->group_name};
  layer = geo_layer_read(&spec, &error);
  if (layer == NULL)
    goto fail;
  if (c->context) {
    /* Names of the context areas, for the map: the field given, else
     * NAMA (NAME in English) when the layer has it. */
    GeoLayerSpec cspec = {
        .source = c->context,
        .layer = c->context_layer,
        .name_field = c->context_name ? c->context_name : (lang == RENDER_LANG_EN ? "NAME" : "NAMA"),
        .name_optional = c->context_name == NULL,
        .name_option = "--context-name",
    };
    context = geo_layer_read(&cspec, &error);
    if (context == NULL)
      goto fail;
  }
  if (!cli_build_read_tables(c, tables, &error))
    goto fail;

  gazetteer = cli_build_gazetteer(c, &error);
  if (gazetteer == NULL)
    goto fail;
  GeoJoinOptions jopt = {match, c->name, c->table_group, gazetteer};
  join = geo_join_run_full(layer, (GeoTable **)tables->pdata, tables->len, &jopt, &error);
  if (join == NULL)
    goto fail;
  if (geo_join_find_field(join, c->value) < 0) {
    GString *names = g_string_new(NULL);
    for (guint i = 0; i < join->fields->len && i < 20; i++)
      g_string_append_printf(names, "%s%s", i ? ", " : "", (char *)g_ptr_array_index(join->fields, i));
    if (join->fields->len > 20)
      g_string_append_printf(names, " and %u more", join->fields->len - 20);
    g_set_error(&error, GEO_ERROR, GEO_ERROR_USAGE, "--value: no field '%s' in the tables (fields: %s)",
                c->value, names->len ? names->str : "none: give --table");
    g_string_free(names, TRUE);
    goto fail;
  }
  classes = g_new(int, MAX(layer->n_features, 1));
  if (style->method == GEO_METHOD_CATEGORICAL) {
    int fi = geo_join_begin_value(join, c->value);
    values = g_new(double, MAX(layer->n_features, 1));
    GeoJoinReport *r = join->report;
    for (guint f = 0; f < layer->n_features; f++) {
      const char *text = geo_join_get(join, f, fi);
      classes[f] = geo_style_classify(style, NAN, text);
      values[f] = NAN;
      if (classes[f] < 0) {
        g_array_append_val(r->without_data, f);
        if (text && !geo_number_is_missing(text))
          geo_join_add_bad_value(join, f, fi, text);
      } else {
        r->n_with_data++;
      }
    }
  } else {
    values = geo_join_numbers(join, c->value, TRUE);
  }
  if (join->report->n_with_data == 0) {
    /* Nothing to map: a sheet of grey districts is not a briefing.  The
     * report says why (bad values, empty cells, unmatched keys). */
    g_autofree char *report = geo_join_report_text(join->report, layer);
    if (check)
      g_print("%s", report);
    else if (!c->quiet)
      g_printerr("%s", report);
    cli_build_no_values_error(join, c->value, &error);
    goto fail;
  }
  if (style->method != GEO_METHOD_CATEGORICAL) {
    if (!geo_style_resolve(style, values, layer->n_features, (guint)MAX(c->classes, 0), &error)) {
      g_prefix_error(&error, "--value %s: ", c->value);
      goto fail;
    }
    for (guint f = 0; f < layer->n_features; f++)
      classes[f] = geo_style_classify(style, values[f], NULL);
  }

  /* Personnel, workload and circles; their bad cells join the report. */
  if (!cli_figures_read(c, join, &figures, &symbols, &symbols_label, &error))
    goto fail;

  gboolean problems = geo_join_report_has_problems(join->report);
  if (check) {
    g_autofree char *report = c->json ? geo_join_report_json(join->report, layer)
                                      : geo_join_report_text(join->report, layer);
    g_print("%s", report);
    if (c->overview_boundaries && !c->json) {
      /* The overview's own inputs are checked too (text report only). */
      model.lang = lang;
      overview = cli_overview_new(c, &model, gazetteer, styles_dir, &error);
      if (overview == NULL)
        goto fail;
      g_print("Overview (%s):\n%s", c->overview_boundaries, cli_overview_report(overview));
      problems |= geo_join_report_has_problems(cli_overview_model(overview)->join->report);
    }
    status = (c->strict && problems) ? EXIT_DATA : 0;
    goto out;
  }
  /* Shared borders for simplification, only now that something is drawn
   * (`check` does not need them; on 83,916 villages they take a second). */
  geo_shapes_topology(layer->shapes);
  if (context)
    geo_shapes_topology(context->shapes);
  if (!c->quiet && !c->log_json) {
    g_autofree char *report = geo_join_report_text(join->report, layer);
    g_printerr("%s", report);
  }
  if (c->log_json) {
    g_autofree char *n = g_strdup_printf("%u", join->report->n_features);
    g_autofree char *d = g_strdup_printf("%u", join->report->n_with_data);
    g_autofree char *summary = geo_join_report_summary(join->report);
    cli_build_log(c, "report", "boundaries", c->boundaries, "#districts", n, "#with_data", d,
                  "?problems", problems ? "true" : "false", "summary", summary, NULL);
  }

  group_names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  groups = cli_build_groups(c, layer, group_names, lang, &error);
  if (groups == NULL)
    goto fail;
  if (c->only) {
    g_auto(GStrv) want = g_strsplit(c->only, ",", -1);
    GArray *kept = g_array_new(FALSE, TRUE, sizeof(RenderGroup));
    for (guint i = 0; i < groups->len; i++) {
      RenderGroup *g = &g_array_index(groups, RenderGroup, i);
      gboolean keep = FALSE;
      for (guint k = 0; want[k]; k++) {
        g_autofree char *w = geo_key_normalise(want[k]);
        if (strcmp(w, g->code) == 0)
          keep = TRUE;
      }
      if (keep) {
        g_array_append_val(kept, *g);
      } else {
        g_free(g->code);
        g_free(g->name);
        g_free(g->slug);
        g_free(g->features);
      }
    }
    g_array_free(groups, TRUE);
    groups = kept;
    if (groups->len == 0) {
      g_set_error(&error, GEO_ERROR, GEO_ERROR_USAGE, "--only %s: no such group in %s", c->only,
                  c->group ? c->group : "(no --group)");
      goto fail;
    }
  }

  /* Only now, with every input read and checked, is anything written. */
  created_output = !g_file_test(c->output, G_FILE_TEST_EXISTS);
  if (g_mkdir_with_parents(c->output, 0755) != 0 ||
      g_access(c->output, W_OK) != 0) {
    int e = errno;
    g_set_error(&error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: cannot write to the output folder: %s",
                c->output, g_strerror(e));
    goto fail;
  }

  if (c->date) {
    /* One date for the sheets and the PDF metadata: SOURCE_DATE_EPOCH is
     * what render/ reads, set here before any drawing thread starts. */
    int y, mo, d;
    char tail;
    GDateTime *dt = NULL;
    if (sscanf(c->date, "%4d-%2d-%2d%c", &y, &mo, &d, &tail) == 3)
      dt = g_date_time_new_utc(y, mo, d, 0, 0, 0);
    if (dt == NULL) {
      g_set_error(&error, GEO_ERROR, GEO_ERROR_USAGE, "--date: '%s' is not a date (YYYY-MM-DD)",
                  c->date);
      goto fail;
    }
    g_autofree char *epoch = g_strdup_printf("%" G_GINT64_FORMAT, g_date_time_to_unix(dt));
    g_date_time_unref(dt);
    g_setenv("SOURCE_DATE_EPOCH", epoch, TRUE);
  }
  generated = cli_build_date_text(lang);
  if (c->sources == NULL) {
    /* Name the inputs, so a sheet never goes out without its sources. */
    GString *src = g_string_new(NULL);
    g_autofree char *b = cli_build_source_label(c->boundaries, c->layer);
    g_string_append_printf(src, render_tr(lang, "batas %s"), b);
    for (guint i = 0; i < tables->len; i++) {
      const GeoTable *t = g_ptr_array_index(tables, i);
      g_autofree char *tb = cli_build_source_label(t->source, NULL);
      g_string_append_printf(src, "%s%s", i ? ", " : render_tr(lang, "; tabel "), tb);
    }
    c->sources = g_string_free(src, FALSE);
  }
  /* Sample tables mark what they feed as CONTOH in every build, not only
   * the demo's: the mapped value (in the index name) and the personnel
   * figures (a table of sample figures with a TPS column). */
  gboolean sample_value = FALSE, sample_personnel = c->sample_personnel;
  for (guint i = 0; i < tables->len; i++) {
    const GeoTable *t = g_ptr_array_index(tables, i);
    if (!cli_build_table_is_sample(t))
      continue;
    sample_value |= join->report->value_table == (int)i;
    sample_personnel |= geo_table_find_field(t, c->tps ? c->tps : "jumlah_tps") >= 0;
  }
  const char *index_name = c->index_name ? c->index_name
                                         : (lang == RENDER_LANG_EN && style->title_en
                                                ? style->title_en
                                                : style->title);
  if (sample_value && !strstr(index_name, "CONTOH"))
    index_name = sample_index = g_strdup_printf("%s — CONTOH", index_name);
  RenderTexts texts = {
      .title = c->title ? c->title : render_tr(lang, "Peta Kerawanan Pemilu"),
      .index_name = index_name,
      .index_date = c->index_date,
      .sources = c->sources,
      .generated = generated,
      .marking = c->marking,
      .organisation = c->organisation,
      .unit_name = c->unit_name ? c->unit_name : render_tr(lang, "Kab/Kota"),
      .group_kind = c->group_kind ? c->group_kind : (c->group ? render_tr(lang, "Provinsi") : ""),
      .sample_personnel = sample_personnel,
  };
  model.layer = layer;
  model.context = context;
  model.style = style;
  model.join = join;
  model.values = values;
  model.classes = classes;
  model.value_field = c->value;
  model.texts = &texts;
  model.groups = (RenderGroup *)groups->data;
  model.n_groups = groups->len;
  model.mono = c->mono;
  model.figures = figures;
  model.officers_per_tps = c->officers_per_tps > 0 ? c->officers_per_tps : style->officers_per_tps;
  model.symbols = symbols;
  model.symbols_label = symbols_label;
  model.lang = lang;
  model.graticule = c->graticule;
  model.logo = logo;
  model.group_names = group_names;
  if (c->overview_boundaries) {
    overview = cli_overview_new(c, &model, gazetteer, styles_dir, &error);
    if (overview == NULL)
      goto fail;
    if (!c->quiet && !c->log_json)
      g_printerr("Overview (%s):\n%s", c->overview_boundaries, cli_overview_report(overview));
  }
  if (!c->overview_only) {
    inset = render_inset_new(layer, page.inset_pt, &error);
    if (inset == NULL)
      goto fail;
    model.inset = inset;
  }

  lock_fd = cli_manifest_lock(c->output, c->quiet, &error);
  if (lock_fd < 0)
    goto fail;
  cli_manifest_clean_temps(c->output);
  stage = cli_build_stage_create(c->output, &error);
  if (stage == NULL)
    goto fail;
  gboolean had_manifest = FALSE;
  manifest = cli_manifest_load(c->output, &had_manifest);
  common = cli_manifest_hash_common(&model, formats, dpi);
  all_hash = cli_manifest_hash_all(common, &model);
  if (overview) {
    /* The overview and the atlas depend on the overview's inputs too. */
    const RenderModel *om = cli_overview_model(overview);
    g_autofree char *oc = cli_manifest_hash_common(om, formats, dpi);
    g_autofree char *oa = cli_manifest_hash_all(oc, om);
    overview_hash = g_strdup(oa);
    char *both = g_strconcat(all_hash, "+", oa, NULL);
    g_free(all_hash);
    all_hash = both;
  }

  CliBuildJobs jobs = {.model = &model,
                       .overview = overview ? cli_overview_model(overview) : NULL,
                       .dir = c->output, .stage = stage, .formats = formats, .dpi = dpi,
                       .quiet = c->quiet, .manifest = manifest, .config = c,
                       .tty = isatty(STDERR_FILENO)};
  g_mutex_init(&jobs.lock);
  jobs.written = g_ptr_array_new_with_free_func(g_free);
  int n_jobs = c->jobs > 0 ? c->jobs : (int)g_get_num_processors();
  GThreadPool *pool = g_thread_pool_new(cli_build_task_run, &jobs, n_jobs, TRUE, NULL);
  GString *why = g_string_new(NULL);
  guint redrawn = 0, kept = 0;
  /* The atlas is put together from the other PDFs once they are drawn. */
  CliBuildTask *atlas = NULL;
  if ((formats & RENDER_FORMAT_PDF) && !c->overview_only) {
    atlas = g_new0(CliBuildTask, 1);
    atlas->kind = 2;
    atlas->files = cli_build_files("atlas", RENDER_FORMAT_PDF, NULL);
    atlas->hash = g_strdup(all_hash);
    if (cli_build_stale(&jobs, atlas, c->force, why) == NULL)
      atlas = NULL;
  }
  CliBuildTask *ov = g_new0(CliBuildTask, 1);
  ov->kind = 1;
  ov->files = cli_build_files("00-nasional", formats, &model);
  ov->hash = g_strdup(overview_hash ? overview_hash : all_hash);
  cli_build_queue(pool, &jobs, ov, c->force, why);
  for (guint i = 0; !c->overview_only && i < groups->len; i++) {
    CliBuildTask *t = g_new0(CliBuildTask, 1);
    t->group = &g_array_index(groups, RenderGroup, i);
    g_autofree char *base = g_strdup_printf("%s-%s", t->group->code, t->group->slug);
    t->files = cli_build_files(base, formats, &model);
    t->hash = cli_manifest_hash_group(common, &model, t->group);
    if (cli_build_queue(pool, &jobs, t, c->force, why))
      redrawn++;
    else
      kept++;
  }
  g_thread_pool_free(pool, FALSE, TRUE);
  if (atlas)
    cli_build_task_run(atlas, &jobs);
  g_mutex_clear(&jobs.lock);
  g_ptr_array_unref(jobs.written);
  if (jobs.error) {
    error = jobs.error;
    cli_build_stage_name_output(error, stage, c->output);
    g_string_free(why, TRUE);
    goto fail;
  }
  gboolean csv_written = FALSE;
  if (!cli_priorities_write(&model, manifest, c->output, stage, c->force, &csv_written, &error)) {
    cli_build_stage_name_output(error, stage, c->output);
    g_string_free(why, TRUE);
    goto fail;
  }
  if (!cli_manifest_write(manifest, c, style, stage, &error) ||
      !cli_build_stage_commit(stage, c->output, &error)) {
    g_string_free(why, TRUE);
    goto fail;
  }
  {
    g_autofree char *r = g_strdup_printf("%u", redrawn), *k = g_strdup_printf("%u", kept);
    g_autofree char *st = g_strdup_printf("%d", (c->strict && problems) ? EXIT_DATA : 0);
    cli_build_log(c, "done", "output_dir", c->output, "#sheets_redrawn", r, "#sheets_unchanged", k,
                  "#status", st, NULL);
  }
  if (!c->quiet && !c->log_json) {
    if (why->len)
      g_printerr("redrawn: %s\n", why->str);
    g_printerr("%u sheets redrawn, %u unchanged%s; manifest.json written to %s\n", redrawn, kept,
               had_manifest ? "" : " (no earlier manifest)", c->output);
  }
  g_string_free(why, TRUE);
  status = (c->strict && problems) ? EXIT_DATA : 0;
  goto out;

fail:
  status = cli_build_fail(c, error);
out:
  if (stage) {
    cli_build_stage_remove(stage);
    g_free(stage);
  }
  /* A folder this run created and left empty goes too. */
  if (status != 0 && created_output)
    g_rmdir(c->output);
  g_free(common);
  g_free(all_hash);
  g_free(overview_hash);
  cli_overview_free(overview);
  cli_manifest_free(manifest);
  cli_manifest_unlock(lock_fd);
  render_inset_free(inset);
  render_logo_free(logo);
  if (group_names)
    g_hash_table_destroy(group_names);
  g_free(styles_dir);
  g_free(generated);
  g_free(sample_index);
  cli_build_free_groups(groups);
  g_free(values);
  g_free(classes);
  geo_figures_free(figures);
  g_free(symbols);
  g_free(symbols_label);
  geo_join_free(join);
  geo_gazetteer_unref(gazetteer);
  g_ptr_array_unref(tables);
  geo_layer_free(layer);
  geo_layer_free(context);
  geo_style_free(style);
  return status;
}
