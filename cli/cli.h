/* cli.h — the front end's own types: the settings of one run, gathered
 * from a project file and the command line (the build's own settings are
 * builder/builder.h's BuilderConfig). */
#pragma once

#include <glib.h>

#include "builder.h"

typedef struct {
  char *command;                          /* build, check */
  char *project;                          /* project file, or NULL */
  gboolean strict, json, quiet, log_json; /* what the front end prints and returns */
  BuilderConfig b;                        /* everything else: the build's settings */
} CliConfig;

void cli_config_free(CliConfig *c);
/* Parses argv after the command word; reads the project file if given and
 * lets options override it.  Every problem is reported at once. */
gboolean cli_config_parse(CliConfig *c, int argc, char **argv, GError **error);

/* Prints the options of build and check. */
void cli_options_print_help(void);

/* `watch`: builds, then rebuilds on every change of an input until
 * SIGINT/SIGTERM; argv as for build (argv[0] is the command word). */
int cli_watch_run(int argc, char **argv);

/* `papers [--json]`: the page sizes and the type and lines on each
 * (cli-papers.c); argv[0] is the command word.  Returns the exit status. */
int cli_papers_run(int argc, char **argv);

/* Runs `build` or `check` (builder_run) and prints what it says; returns
 * the exit status of the contract. */
int cli_build_run(CliConfig *c);

/* cli-signals.c: from begin to end, SIGINT and SIGTERM remove this
 * process's staging folders in `output` and then end the process with the
 * signal.  Call begin before the build starts threads.  Does nothing when
 * the signals already have a handler. */
void cli_signals_guard_begin(const char *output);
void cli_signals_guard_end(void);
