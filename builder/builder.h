/* builder.h — the build as a library: from the settings of one run to the
 * files in the output folder.  Reads the inputs (geo/), joins and
 * classifies them, groups the districts into sheets, has render/ draw the
 * sheets in parallel into a staging folder and moves them into place all
 * at once, with the manifest that makes the next build incremental.
 *
 * Used by the command line (cli/), by tests and fuzzers, and by a server
 * that calls it in-process, repeatedly, on its main loop: nothing here
 * keeps global state, exits or prints.  What a front end shows (notes,
 * the join report, progress) arrives through a callback; failures come
 * back as GErrors in GEO_ERROR (GEO_ERROR_OUTPUT: rendering or writing
 * failed, earlier outputs untouched; anything else: bad settings or input,
 * nothing written). */
#pragma once

#include <glib.h>

#include "geo.h"
#include "render.h"

G_BEGIN_DECLS

/* Sheets drawn in parallel, at most (one thread each). */
#define BUILDER_MAX_JOBS 256

/* The settings of one run.  Strings are owned (builder_config_clear frees
 * them); a zero-initialised struct is valid: every field has a default.
 * The names are the long option names of the command line and the keys
 * of a project file, and messages name them that way ("--value: ..."). */
typedef struct {
  char *boundaries, *layer, *key, *name, *group, *group_name, *where;
  char **tables;                                  /* SRC[:KEYFIELD][#OPTION=VALUE,...] */
  char *separator, *sheet, *header_row, *numbers; /* defaults for every table */
  char *match, *table_group; /* how tables join: auto|code|name; their province column */
  char **aliases;            /* more place names (kode,nama) besides data/alias-wilayah.csv */
  char *value, *style;
  int classes;
  char *output, *format;
  char *paper, *orientation, *tile; /* page: A0..A4, landscape|portrait, A4|A3 tiles */
  /* NULL: data/negara.gpkg (layer negara) for a build; "none": no countries. */
  char *context, *context_layer, *context_name;
  /* The national overview from other inputs (builder-overview.c), or NULL:
   * the sheets'.  --key and --name name the fields of its boundaries too. */
  char *overview_boundaries, *overview_layer, *overview_value, *overview_style;
  char *overview_index_name, *overview_index_date, *overview_unit_name;
  char **overview_tables; /* SRC[:KEYFIELD][#OPTION=VALUE,...] */
  char *only;
  int jobs; /* sheets drawn at once; 0: one per core; at most BUILDER_MAX_JOBS */
  gboolean force, overview_only, mono;
  double dpi;
  /* Texts. */
  char *title, *index_name, *index_date, *sources, *marking, *unit_name, *group_kind;
  char *organisation;
  char *date;         /* YYYY-MM-DD on the sheets and in PDF metadata, or NULL: */
  gint64 epoch;       /* ... this time (seconds since 1970, UTC) when epoch_set, */
  gboolean epoch_set; /* ... else the time of the run */
  char *lang, *logo;
  gboolean graticule;
  gboolean sample_personnel;
  /* Derived figures (geo-figures.c): personnel columns, doctrine ratio,
   * proportional circles. */
  char *officers, *personnel, *tps, *dpt, *symbols;
  double officers_per_tps;
} BuilderConfig;

/* Frees the strings of `c` (not `c`) and zeroes them. */
void builder_config_clear(BuilderConfig *c);

/* What a run is for: draw and write, or only read, join and report. */
typedef enum { BUILDER_BUILD, BUILDER_CHECK } BuilderMode;

/* What a front end may want to show while a run goes on. */
typedef enum {
  BUILDER_EVENT_NOTE, /* a reader's decision: source (a table, the boundaries, the output folder), message */
  BUILDER_EVENT_REPORT,  /* the join report: report, layer; nothing_to_map */
  BUILDER_EVENT_WAITING, /* another build holds the output folder: output */
  BUILDER_EVENT_REDRAW,  /* an output will be drawn: output, reason */
  BUILDER_EVENT_DRAWN,   /* an output was drawn: output, done of total */
} BuilderEventKind;

/* An event; every pointer is borrowed for the duration of the callback. */
typedef struct {
  BuilderEventKind kind;
  const char *source;          /* NOTE: the table */
  const char *message;         /* NOTE */
  const char *output;          /* REDRAW, DRAWN: "53-nusa-tenggara-timur"; WAITING: the folder */
  const char *reason;          /* REDRAW: "new", "changed", "missing" or "--force" */
  guint done, total;           /* DRAWN */
  const GeoJoinReport *report; /* REPORT */
  const GeoLayer *layer;       /* REPORT: the boundaries the report counts */
  const char *overview;        /* REPORT: the overview's boundaries when the report is
                                * about the overview's own inputs, else NULL */
  gboolean nothing_to_map;     /* REPORT: no district has a value; the run fails next */
} BuilderEvent;

/* Called for every event, in order.  DRAWN events come from the drawing
 * threads, one at a time (the builder holds a lock around the call); a
 * server hands them to its main loop itself. */
typedef void (*BuilderEventFunc)(const BuilderEvent *event, gpointer user_data);

/* What a finished run says. */
typedef struct {
  gboolean problems;     /* the data had problems (--strict turns them into failures) */
  guint redrawn, kept;   /* sheets drawn, sheets up to date */
  gboolean had_manifest; /* an earlier manifest.json was there */
  char *why;             /* "53-nusa-tenggara-timur (changed), ..." or "" */
} BuilderResult;

/* Frees the strings of `r` (not `r`). */
void builder_result_clear(BuilderResult *r);

/* Checks every setting that can be checked without reading an input, and
 * reports every problem at once (one line each, in one GError). */
gboolean builder_config_check(const BuilderConfig *c, BuilderMode mode, GError **error);

/* Runs a build or a check.  `events` (may be NULL) sees what happens;
 * `result` (may be NULL) is filled on success; free it with
 * builder_result_clear. */
gboolean builder_run(const BuilderConfig *c, BuilderMode mode, BuilderEventFunc events,
                     gpointer user_data, BuilderResult *result, GError **error);

/* Parses a user's table "SRC[:KEYFIELD][#NAME=VALUE,...]": without
 * KEYFIELD the first column is the key; options after '#' (the names of
 * geo_table_options_set, separated by ',') override `defaults` (NULL: all
 * detected).  A trailing "#..." is options only when its names are known
 * and the whole text is not a file; ":NAME" a key field when NAME looks
 * like a field name and the whole text is not a file.  The error names
 * the table and the option.  Clear *spec with geo_table_spec_clear. */
gboolean builder_table_spec_parse(const char *text, const GeoTableOptions *defaults,
                                  GeoTableSpec *spec, GError **error);
/* The source part of a table text, split exactly as
 * builder_table_spec_parse splits it.  Caller frees with g_free. */
char *builder_table_spec_source(const char *text);

/* ---- pieces, public for tests ---- */

/* The sheets of a layer: its features grouped by their group value
 * (layer->features[].group), sorted by code; the names from
 * the group-name field when `use_group_name`, else from `province`
 * (code -> name; may be NULL), else the code.  Every group's file name
 * (render_output_base) must be distinct and not the overview's: else NULL
 * and an error naming `source` and `field`.  `names` (may be NULL)
 * receives every group's code -> name.  Caller frees with
 * builder_groups_free. */
GArray *builder_groups_new(const GeoLayer *layer, gboolean use_group_name, GHashTable *province,
                           RenderLang lang, const char *source, const char *field,
                           GHashTable *names, GError **error);
void builder_groups_free(GArray *groups);
/* Keeps only the groups whose code is in the comma-separated `only`
 * (codes normalised as keys).  Returns how many are left. */
guint builder_groups_keep(GArray *groups, const char *only);
/* A group code safe as part of a file name: letters, digits, '.', '-';
 * never empty.  Caller frees with g_free. */
char *builder_groups_safe_code(const char *code);

/* The staging folder: a build writes every file into a hidden folder
 * ".petarawan-XXXXXX" inside the output folder and moves them into place
 * only when all of them (and the manifest) were written. */
/* Returns the new folder's path; caller frees with g_free. */
char *builder_stage_create(const char *out, GError **error);
/* Moves every file of `stage` into `out`, manifest.json last. */
gboolean builder_stage_commit(const char *stage, const char *out, GError **error);
/* Removes `stage` and the files in it, when it is a staging folder of
 * ours (builder-stage.c: never through a link, only with our marker). */
void builder_stage_remove(const char *stage);
/* The marker file in every staging folder: "petarawan <pid>\n". */
#define BUILDER_STAGE_MARKER ".petarawan-stage"
/* Removes the staging folder `name` in the folder `dfd` if it is ours;
 * TRUE when it was. */
gboolean builder_stage_remove_at(int dfd, const char *name);
/* Removes the staging folders in `out` that this program made: all of
 * them (pid 0; hold the folder's lock), or those of process `pid` (a
 * build stopped by a signal).  Returns how many. */
guint builder_stage_sweep(const char *out, long pid);
/* Rewrites paths in `error`'s message from the staging folder to `out`. */
void builder_stage_name_output(GError *error, const char *stage, const char *out);

/* ---- the manifest: what was built from what ---- */
typedef struct BuilderManifest BuilderManifest;
/* Reads <dir>/manifest.json if there is one; *note (caller frees) says why
 * one that is there cannot be used (then everything is redrawn).  Caller
 * frees with builder_manifest_free. */
BuilderManifest *builder_manifest_load(const char *dir, gboolean *had_one, char **note);

/* builder-manifest-read.c: the previous manifest, read without trust.  A
 * manifest.json larger than this, or nested deeper, is not parsed. */
#define BUILDER_MANIFEST_MAX_BYTES (256 * 1024 * 1024)
#define BUILDER_MANIFEST_MAX_DEPTH 32
/* FALSE with *why (caller frees) when text[0..len) is nested more than
 * BUILDER_MANIFEST_MAX_DEPTH deep or holds a NUL byte: checked before
 * parsing, as the JSON parser recurses per level. */
gboolean builder_manifest_text_check(const char *text, gsize len, char **why);
/* Parses a manifest's output_hashes (file -> hash) into `into` (string
 * keys and values, freed by the table).  FALSE with *why (caller frees)
 * when it is not a manifest. */
gboolean builder_manifest_parse_hashes(const char *text, gsize len, GHashTable *into, char **why);
/* Reads <dir>/manifest.json's hashes into `into`.  FALSE when there is
 * none, or, with *note (caller frees) saying why, when it cannot be used. */
gboolean builder_manifest_read_hashes(const char *dir, GHashTable *into, char **note);
void builder_manifest_free(BuilderManifest *m);
/* NULL when `file` in `dir` is up to date for `hash`, else why not:
 * "new", "changed" or "missing". */
const char *builder_manifest_check(BuilderManifest *m, const char *dir, const char *file,
                                   const char *hash);
/* Records the hash `file` was (or is still) drawn from.  Thread-safe. */
void builder_manifest_set(BuilderManifest *m, const char *file, const char *hash);
/* Writes <dir>/manifest.json atomically: the program, `date`
 * (render_output_date_iso), the inputs of `c` with their SHA-256, the
 * style, the outputs and the hash each was drawn from. */
gboolean builder_manifest_write(BuilderManifest *m, const BuilderConfig *c, const GeoStyle *style,
                                const char *date, const char *dir, GError **error);
/* Takes the output folder's lock, waiting for another build (after a
 * WAITING event); returns the descriptor for builder_manifest_unlock, or
 * -1 with an error. */
int builder_manifest_lock(const char *dir, BuilderEventFunc events, gpointer user_data,
                          GError **error);
void builder_manifest_unlock(int fd);
/* Removes temporary files and staging folders a killed build left in
 * `dir` (hold the lock). */
void builder_manifest_clean_temps(const char *dir);

G_END_DECLS
