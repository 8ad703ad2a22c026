/* cli-figures.h — derived figures in the front end (cli-figures.c): what
 * the options ask for, and the reinforcement priorities of a build as a
 * CSV file beside the sheets. */
#pragma once

#include "cli-manifest.h"

/* The file's name in the output folder. */
#define CLI_PRIORITIES_FILE "prioritas-penebalan.csv"

/* The CSV text: one row per priority of every group of the model, in
 * group order and, within a group, in the order of the sheet's list.
 * NULL when the model has no officers or TPS.  Caller frees with g_free. */
char *cli_priorities_csv(const RenderModel *m);

/* Writes CLI_PRIORITIES_FILE into `stage` unless the copy in `dir` is up
 * to date for the manifest (or `force`), and records it in the manifest.
 * Nothing when the model has no coverage figures.  *written (may be NULL)
 * says whether it wrote the file. */
gboolean cli_priorities_write(const RenderModel *m, CliManifest *manifest, const char *dir,
                              const char *stage, gboolean force, gboolean *written,
                              GError **error);

/* Reads the personnel and workload figures the options name (--officers,
 * --personnel, --tps, --dpt) and, with --symbols, the values of the
 * circles into *symbols (`officers` the officers' total when no column has
 * that name) and their legend label into *label.  Bad cells go into the
 * join report.  On error (a named column missing) returns FALSE and sets
 * nothing.  Caller frees *figures with geo_figures_free, *symbols and
 * *label with g_free. */
gboolean cli_figures_read(const CliConfig *c, GeoJoin *join, GeoFigures **figures,
                          double **symbols, char **label, GError **error);
