/* cli-build.c — `build` and `check` on the command line: hands the
 * settings to builder_run (builder/), prints what it reports (notes, the
 * join report, progress, --log-json lines) and turns the outcome into the
 * exit status of the contract: 0 fine, 1 data problems under --strict,
 * 2 bad usage or input (nothing written), 3 rendering or writing failed. */
#include "cli.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_DATA = 1, EXIT_USAGE = 2, EXIT_OUTPUT = 3 };

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

/* What the front end needs while the builder runs. */
typedef struct {
  const CliConfig *c;
  gboolean check;
  gboolean tty; /* stderr is a terminal: a progress bar */
} CliBuildView;

static void
cli_build_report(const CliBuildView *v, const BuilderEvent *ev)
{
  const CliConfig *c = v->c;
  if (ev->overview) {
    /* The overview's own inputs (--overview-boundaries): text only, after
     * the sheets' report. */
    if (c->json || c->log_json || (!v->check && c->quiet))
      return;
    g_autofree char *report = geo_join_report_text(ev->report, ev->layer);
    if (v->check)
      g_print("Overview (%s):\n%s", ev->overview, report);
    else
      g_printerr("Overview (%s):\n%s", ev->overview, report);
    return;
  }
  if (ev->nothing_to_map) {
    /* check --json prints JSON whatever happened: scripts parse it. */
    g_autofree char *report = v->check && c->json ? geo_join_report_json(ev->report, ev->layer)
                                                  : geo_join_report_text(ev->report, ev->layer);
    if (v->check)
      g_print("%s", report);
    else if (!c->quiet)
      g_printerr("%s", report);
    return;
  }
  if (v->check) {
    g_autofree char *report = c->json ? geo_join_report_json(ev->report, ev->layer)
                                      : geo_join_report_text(ev->report, ev->layer);
    g_print("%s", report);
    return;
  }
  if (!c->quiet && !c->log_json) {
    g_autofree char *report = geo_join_report_text(ev->report, ev->layer);
    g_printerr("%s", report);
  }
  if (c->log_json) {
    g_autofree char *n = g_strdup_printf("%u", ev->report->n_features);
    g_autofree char *d = g_strdup_printf("%u", ev->report->n_with_data);
    g_autofree char *summary = geo_join_report_summary(ev->report);
    gboolean problems = geo_join_report_has_problems(ev->report);
    cli_build_log(c, "report", "boundaries", c->b.boundaries, "#districts", n, "#with_data", d,
                  "?problems", problems ? "true" : "false", "summary", summary, NULL);
  }
}

static void
cli_build_on_event(const BuilderEvent *ev, gpointer data)
{
  const CliBuildView *v = data;
  const CliConfig *c = v->c;
  switch (ev->kind) {
  case BUILDER_EVENT_NOTE:
    if (c->quiet)
      break;
    if (c->log_json)
      cli_build_log(c, "note", "table", ev->source, "message", ev->message, NULL);
    else
      g_printerr("petarawan: note: %s\n", ev->message);
    break;
  case BUILDER_EVENT_REPORT: cli_build_report(v, ev); break;
  case BUILDER_EVENT_WAITING:
    if (!c->quiet)
      g_printerr("waiting for another build into %s to finish\n", ev->output);
    break;
  case BUILDER_EVENT_REDRAW:
    cli_build_log(c, "redraw", "output", ev->output, "reason", ev->reason, NULL);
    break;
  case BUILDER_EVENT_DRAWN: {
    g_autofree char *n = g_strdup_printf("%u", ev->done);
    g_autofree char *total = g_strdup_printf("%u", ev->total);
    cli_build_log(c, "drawn", "output", ev->output, "#done", n, "#total", total, NULL);
    if (c->quiet || c->log_json)
      break;
    if (v->tty) {
      /* One line, redrawn: [#########.........] 12/40 53-nusa-tenggara-timur */
      char bar[31];
      guint fill = ev->total ? 30 * ev->done / ev->total : 30;
      for (guint i = 0; i < 30; i++)
        bar[i] = i < fill ? '#' : '.';
      bar[30] = '\0';
      g_printerr("\r[%s] %u/%u %-40.40s", bar, ev->done, ev->total, ev->output);
      if (ev->done == ev->total)
        g_printerr("\n");
    } else {
      g_printerr("drew %s (%u/%u)\n", ev->output, ev->done, ev->total);
    }
    break;
  }
  }
}

/* SOURCE_DATE_EPOCH (reproducible builds): the date of the run when
 * --date is not given. */
static void
cli_build_source_date(BuilderConfig *b)
{
  const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
  if (epoch == NULL || *epoch == '\0')
    return;
  char *end = NULL;
  gint64 s = g_ascii_strtoll(epoch, &end, 10);
  if (end && *end == '\0') {
    b->epoch = s;
    b->epoch_set = TRUE;
  }
}

int
cli_build_run(CliConfig *c)
{
  gboolean check = strcmp(c->command, "check") == 0;
  cli_build_source_date(&c->b);
  CliBuildView view = {.c = c, .check = check, .tty = isatty(STDERR_FILENO)};
  BuilderResult result = {0};
  GError *error = NULL;
  if (!check)
    cli_signals_guard_begin(c->b.output);
  gboolean ran = builder_run(&c->b, check ? BUILDER_CHECK : BUILDER_BUILD, cli_build_on_event,
                             &view, &result, &error);
  cli_signals_guard_end();
  if (!ran)
    return cli_build_fail(c, error);
  int status = (c->strict && result.problems) ? EXIT_DATA : 0;
  if (!check) {
    g_autofree char *r = g_strdup_printf("%u", result.redrawn);
    g_autofree char *k = g_strdup_printf("%u", result.kept);
    g_autofree char *st = g_strdup_printf("%d", status);
    cli_build_log(c, "done", "output_dir", c->b.output, "#sheets_redrawn", r, "#sheets_unchanged",
                  k, "#status", st, NULL);
    if (!c->quiet && !c->log_json) {
      if (result.why && *result.why)
        g_printerr("redrawn: %s\n", result.why);
      g_printerr("%u sheets redrawn, %u unchanged%s; manifest.json written to %s\n", result.redrawn,
                 result.kept, result.had_manifest ? "" : " (no earlier manifest)", c->b.output);
    }
  }
  builder_result_clear(&result);
  return status;
}
