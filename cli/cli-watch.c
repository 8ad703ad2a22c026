/* cli-watch.c — `petarawan watch PROJECT`: build, then rebuild whenever an
 * input changes (boundaries and their sidecar files, tables, style, context,
 * logo, the project file itself), with the same guarantees as build: incremental,
 * staged, locked.  GIO's file monitors (inotify on Linux) report changes;
 * a burst of events (an editor saving, a script copying several files) is
 * folded into one rebuild after a short quiet period.  The project is read
 * again before every rebuild, so editing it takes effect.  SIGINT or SIGTERM
 * stops watching; a failed rebuild is reported and watching goes on, the
 * previous outputs untouched. */
#include "cli.h"

#include "geo.h"

#include <gio/gio.h>
#include <glib-unix.h>
#include <string.h>

#define CLI_WATCH_QUIET_MS 400

typedef struct {
  int argc;
  char **argv; /* the command line, "watch" replaced by "build" */
  GMainLoop *loop;
  GPtrArray *monitors; /* GFileMonitor */
  guint timeout;
  int last_status;
  gboolean quiet;
} CliWatch;

/* Files `spec` names, for monitoring: a table "SRC:KEY" is SRC; a
 * shapefile brings its .shx, .dbf, .prj and .cpg. */
static void
cli_watch_add_paths(GPtrArray *paths, const char *spec, gboolean is_table)
{
  if (spec == NULL || g_str_has_prefix(spec, "PG:") || g_str_has_prefix(spec, "/vsi"))
    return;
  g_autofree char *src = is_table ? geo_table_source(spec) : g_strdup(spec);
  g_ptr_array_add(paths, g_strdup(src));
  if (g_str_has_suffix(src, ".shp") || g_str_has_suffix(src, ".SHP")) {
    const char *side[] = {".shx", ".dbf", ".prj", ".cpg"};
    for (guint i = 0; i < G_N_ELEMENTS(side); i++) {
      g_autofree char *base = g_strndup(src, strlen(src) - 4);
      g_ptr_array_add(paths, g_strconcat(base, side[i], NULL));
    }
  }
}

static void cli_watch_rebuild(CliWatch *w);

static gboolean
cli_watch_on_quiet(gpointer data)
{
  CliWatch *w = data;
  w->timeout = 0;
  cli_watch_rebuild(w);
  return G_SOURCE_REMOVE;
}

static void
cli_watch_on_change(GFileMonitor *mon, GFile *file, GFile *other, GFileMonitorEvent ev,
                    gpointer data)
{
  CliWatch *w = data;
  if (ev == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || ev == G_FILE_MONITOR_EVENT_PRE_UNMOUNT ||
      ev == G_FILE_MONITOR_EVENT_UNMOUNTED)
    return;
  if (!w->quiet && w->timeout == 0) {
    g_autofree char *path = g_file_get_path(file);
    g_printerr("watch: %s changed\n", path);
  }
  if (w->timeout)
    g_source_remove(w->timeout);
  w->timeout = g_timeout_add(CLI_WATCH_QUIET_MS, cli_watch_on_quiet, w);
}

/* Builds once and (re)starts the monitors on the inputs the project names. */
static void
cli_watch_rebuild(CliWatch *w)
{
  CliConfig c = {0};
  c.command = g_strdup("build");
  GError *error = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
  if (!cli_config_parse(&c, w->argc, w->argv, &error)) {
    g_autofree char *msg = g_utf8_make_valid(error->message, -1);
    g_printerr("petarawan: error: %s\n", msg);
    g_error_free(error);
    w->last_status = 2;
  } else {
    w->last_status = cli_build_run(&c);
  }
  /* Watch what the project names, even after a failure, so fixing the
   * input triggers the next build. */
  if (c.project)
    g_ptr_array_add(paths, g_strdup(c.project));
  cli_watch_add_paths(paths, c.b.boundaries, FALSE);
  cli_watch_add_paths(paths, c.b.context, FALSE);
  cli_watch_add_paths(paths, c.b.logo, FALSE);
  for (guint i = 0; c.b.tables && c.b.tables[i]; i++)
    cli_watch_add_paths(paths, c.b.tables[i], TRUE);
  for (guint i = 0; c.b.aliases && c.b.aliases[i]; i++)
    cli_watch_add_paths(paths, c.b.aliases[i], FALSE);
  if (c.b.style && (strchr(c.b.style, '/') || g_str_has_suffix(c.b.style, ".style")))
    cli_watch_add_paths(paths, c.b.style, FALSE);
  w->quiet = c.quiet;
  cli_config_free(&c);

  g_ptr_array_set_size(w->monitors, 0);
  for (guint i = 0; i < paths->len; i++) {
    GFile *f = g_file_new_for_path(g_ptr_array_index(paths, i));
    GFileMonitor *mon = g_file_monitor_file(f, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
    g_object_unref(f);
    if (mon == NULL)
      continue;
    g_signal_connect(mon, "changed", G_CALLBACK(cli_watch_on_change), w);
    g_ptr_array_add(w->monitors, mon);
  }
  if (!w->quiet)
    g_printerr("watch: watching %u files (Ctrl-C to stop)\n", w->monitors->len);
  g_ptr_array_unref(paths);
}

static gboolean
cli_watch_on_signal(gpointer data)
{
  CliWatch *w = data;
  if (!w->quiet)
    g_printerr("watch: stopped\n");
  g_main_loop_quit(w->loop);
  return G_SOURCE_REMOVE;
}

int
cli_watch_run(int argc, char **argv)
{
  CliWatch w = {0};
  w.argc = argc;
  w.argv = argv;
  w.loop = g_main_loop_new(NULL, FALSE);
  w.monitors = g_ptr_array_new_with_free_func(g_object_unref);
  cli_watch_rebuild(&w);
  guint s1 = g_unix_signal_add(SIGINT, cli_watch_on_signal, &w);
  guint s2 = g_unix_signal_add(SIGTERM, cli_watch_on_signal, &w);
  g_main_loop_run(w.loop);
  g_source_remove(s1);
  g_source_remove(s2);
  if (w.timeout)
    g_source_remove(w.timeout);
  g_ptr_array_unref(w.monitors);
  g_main_loop_unref(w.loop);
  return 0;
}
