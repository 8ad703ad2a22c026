/* cli-options.h — the option table of build and check, shared by the
 * command-line parser (cli-options.c) and the project-file reader
 * (cli-project.c). */
#pragma once

#include "cli.h"

/* CLI_TABLE: a table-reading option, checked by geo_table_options_set and
 * kept as text for builder/. */
typedef enum { CLI_STR, CLI_PATH, CLI_PATHS, CLI_INT, CLI_BOOL, CLI_DOUBLE, CLI_TABLE } CliKind;

typedef struct {
  const char *name;
  char short_name;
  CliKind kind;
  gsize offset;
  const char *help;
  const char *arg;
} CliOption;

/* O: a setting of the build; F: one of the front end's own. */
/* The option of that long name, or NULL. */
const CliOption *cli_options_find(const char *name);
/* Stores `value` (from a project file in `base_dir`, or the command line
 * when base_dir is NULL) into the field of `opt`; a problem is appended
 * to `problems` as a line starting with `where`. */
gboolean cli_options_set(CliConfig *c, const CliOption *opt, const char *value,
                         const char *base_dir, GString *problems, const char *where);
/* Reads the project file's [petarawan] group into `c`. */
gboolean cli_options_read_project(CliConfig *c, const char *path, GString *problems);
