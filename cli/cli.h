/* cli.h — the front end's own types: the settings of one run, gathered
 * from a project file and the command line. */
#pragma once

#include <glib.h>

typedef struct {
  char *command; /* build, check */
  char *project; /* project file, or NULL */
  char *boundaries, *layer, *key, *name, *group, *group_name, *where;
  char **tables;
  char *separator, *sheet, *header_row, *numbers; /* defaults for every table */
  char *match, *table_group; /* how tables join: auto|code|name; their province column */
  char **aliases;            /* more place names (kode,nama) besides data/alias-wilayah.csv */
  char *value, *style;
  int classes;
  char *output, *format;
  char *paper, *orientation, *tile; /* page: A0..A4, landscape|portrait, A4|A3 tiles */
  char *context, *context_layer, *context_name;
  /* The overview from other inputs (cli-overview.c), or NULL: the sheets'. */
  char *overview_boundaries, *overview_layer, *overview_value, *overview_style;
  char *overview_index_name, *overview_index_date, *overview_unit_name;
  char **overview_tables;
  char *only;
  int jobs;
  gboolean force, strict, json, quiet, overview_only, log_json, mono;
  double dpi;
  /* Texts. */
  char *title, *index_name, *index_date, *sources, *marking, *unit_name, *group_kind;
  char *organisation, *date;
  char *lang, *logo;
  gboolean graticule;
  gboolean sample_personnel;
  /* Derived figures (geo-figures.c): personnel columns, doctrine ratio,
   * proportional circles. */
  char *officers, *personnel, *tps, *dpt, *symbols;
  double officers_per_tps;
} CliConfig;

void cli_config_free(CliConfig *c);
/* Parses argv after the command word; reads the project file if given and
 * lets options override it.  Every problem is reported at once. */
gboolean cli_config_parse(CliConfig *c, int argc, char **argv, GError **error);

/* Prints the options of build and check. */
void cli_options_print_help(void);

/* ---- cli-manifest.c: incremental builds ---- */
typedef struct CliManifest CliManifest;
/* Reads <dir>/manifest.json if there is one.  Caller frees. */
CliManifest *cli_manifest_load(const char *dir, gboolean *had_one);
void cli_manifest_free(CliManifest *m);
/* NULL when `file` in `dir` is up to date for `hash`, else why not:
 * "new", "changed" or "missing". */
const char *cli_manifest_check(CliManifest *m, const char *dir, const char *file, const char *hash);
/* Records the hash `file` was (or is still) drawn from.  Thread-safe. */
void cli_manifest_set(CliManifest *m, const char *file, const char *hash);
/* Takes the output folder's lock, waiting for another build; returns the
 * descriptor to pass to cli_manifest_unlock, or -1. */
int cli_manifest_lock(const char *dir, gboolean quiet, GError **error);
void cli_manifest_unlock(int fd);
/* Removes a staging folder ".petarawan-XXXXXX" and the files in it. */
void cli_build_stage_remove(const char *stage);
/* Removes temporary files and staging folders a killed build left in
 * `dir` (hold the lock). */
void cli_manifest_clean_temps(const char *dir);

/* `watch`: builds, then rebuilds on every change of an input until
 * SIGINT/SIGTERM; argv as for build (argv[0] is the command word). */
int cli_watch_run(int argc, char **argv);

/* `papers [--json]`: the page sizes and the type and lines on each
 * (cli-papers.c); argv[0] is the command word.  Returns the exit status. */
int cli_papers_run(int argc, char **argv);

/* Runs `build` or `check`; returns the exit status of the contract. */
int cli_build_run(CliConfig *c);
