/* cli.h — the front end's own types: the settings of one run, gathered
 * from a project file and the command line. */
#pragma once

#include <glib.h>

typedef struct {
  char *command; /* build, check */
  char *project; /* project file, or NULL */
  char *boundaries, *layer, *key, *name, *group, *group_name, *where;
  char **tables;
  char *value, *style;
  int classes;
  char *output, *format;
  char *context, *context_layer;
  char *only;
  int jobs;
  gboolean force, strict, json, quiet, overview_only;
  double dpi;
  /* Texts. */
  char *title, *index_name, *index_date, *sources, *marking, *unit_name, *group_kind;
  gboolean sample_personnel;
} CliConfig;

void cli_config_free(CliConfig *c);
/* Parses argv after the command word; reads the project file if given and
 * lets options override it.  Every problem is reported at once. */
gboolean cli_config_parse(CliConfig *c, int argc, char **argv, GError **error);

/* Prints the options of build and check. */
void cli_options_print_help(void);

/* Runs `build` or `check`; returns the exit status of the contract. */
int cli_build_run(CliConfig *c);
