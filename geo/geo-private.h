/* geo-private.h — helpers shared between geo/ files, not part of the
 * public interface that render/ and the front end see. */
#pragma once

#include "geo.h"

/* Builds a GeoShapes incrementally: features of parts of rings. */
typedef struct {
  GArray *xy;           /* double */
  GArray *ring_point;   /* guint */
  GArray *part_ring;    /* guint */
  GArray *feature_part; /* guint */
  GArray *bbox;         /* double */
} GeoShapesBuilder;

void geo_shapes_builder_init(GeoShapesBuilder *b);
/* Appends a ring of n points (x,y pairs); drops a closing point equal to the
 * first and rings with fewer than 3 points.  `shell` starts a new part;
 * a hole whose shell was dropped is dropped too.  Returns TRUE if kept. */
gboolean geo_shapes_builder_add_ring(GeoShapesBuilder *b, const double *xy, guint n, gboolean shell,
                                     gboolean *part_open);
/* Closes the current feature (possibly with no parts). */
void geo_shapes_builder_end_feature(GeoShapesBuilder *b);
/* Caller frees with geo_shapes_free. */
GeoShapes *geo_shapes_builder_finish(GeoShapesBuilder *b);
/* Recomputes every feature's bbox from its points. */
void geo_shapes_update_bbox(GeoShapes *s);

/* Parses a style file from `length` bytes of `data` (need not be
 * NUL-terminated) as if read from `path`, which names it in messages and
 * gives its default name.  geo_style_load reads the file and calls this;
 * the fuzz target calls it directly.  Caller frees with geo_style_free. */
GeoStyle *geo_style_load_data(const char *path, const char *data, gsize length, GError **error);

/* Transforms n x,y pairs from `crs_wkt` to WGS84 lon/lat in place.
 * Sets *identity when no transformation was needed. */
gboolean geo_proj_to_lonlat(const char *crs_wkt, double *xy, guint n, GError **error);

/* Returns the name of a CRS given as WKT; caller frees with g_free. */
char *geo_proj_crs_name(const char *crs_wkt);

/* ---- limits: inputs beyond these are refused with GEO_ERROR_INPUT (exit 2)
 * instead of exhausting memory.  Documented in README.md, "Limits". */

/* Bytes in one table cell or one attribute of a boundary feature. */
#define GEO_LIMIT_CELL_BYTES (64 * 1024)
/* Columns of a table. */
#define GEO_LIMIT_COLUMNS 10000
/* Cells of a table (rows x columns): 50 million pointers are 400 MB. */
#define GEO_LIMIT_TABLE_CELLS 50000000u
/* Vertices of one boundary feature, and of a whole layer (16 bytes each:
 * 200 million are 3.2 GB of coordinates). */
#define GEO_LIMIT_FEATURE_VERTICES 5000000u
#define GEO_LIMIT_LAYER_VERTICES 200000000u
/* Longitude and latitude bounds after transformation to WGS84: a vertex
 * outside them (or NaN or infinite) is an error naming its feature. */
#define GEO_LIMIT_LON 360.0
#define GEO_LIMIT_LAT 90.0

/* ---- sources before GDAL opens them (geo-source.c) */

/* libpq timeouts added to a PG: connection string that sets none: seconds
 * to connect (a server that accepts and never answers), and per statement. */
#define GEO_PG_CONNECT_TIMEOUT_S 10
#define GEO_PG_STATEMENT_TIMEOUT_S 600

/* TRUE for a "PG:..." connection string. */
gboolean geo_source_is_pg(const char *src);
/* The string to hand GDAL for `src`: a PG: string with connect_timeout and
 * statement_timeout added when it has none; a path as it is, unless it is
 * a FIFO, device or socket (or a folder, unless folder_ok): then NULL with
 * GEO_ERROR_INPUT naming it and `what`.  Caller frees with g_free. */
char *geo_source_prepare(const char *src, const char *what, gboolean folder_ok, GError **error);
/* When *error says libpq timed out for the PG: source `src`, rewrites its
 * message to name the host and port and the timeout. */
void geo_source_explain_pg(const char *src, GError **error);

/* For a path ending in .shp with a .shx beside it: FALSE (GEO_ERROR_INPUT)
 * when an index entry points before the end of the previous record (all
 * at record 1, say).  TRUE otherwise. */
gboolean geo_shx_check(const char *shp_path, GError **error);

/* `s` (valid UTF-8) as it should be drawn: without bidirectional controls
 * (U+202A-U+202E, U+2066-U+2069, LRM, RLM, ALM), or "" when nothing in it is
 * visible (zero-width spaces...).  NULL when `s` needs no change; else *why
 * says what was done (static text).  Caller frees. */
char *geo_text_visible(const char *s, const char **why);

/* For a .shp path: the record numbers (= feature ids, from 0) whose text
 * field `field` in the .dbf holds a NUL byte followed by more text, which
 * GDAL cuts at the NUL.  Empty otherwise.  Caller frees with g_array_unref. */
GArray *geo_dbf_cut_records(const char *shp_path, const char *field);

/* `s` as valid UTF-8 (bad bytes become U+FFFD), or NULL when it already is.
 * Caller frees with g_free. */
char *geo_text_repair(const char *s);

/* ---- tables read as a grid of text cells (CSV, XLSX, ODS) before the
 * header is known: geo-grid.c builds and interprets it, geo-csv.c and
 * geo-sheet.c fill it. */

/* Bytes of a CSV file read into memory. */
#define GEO_LIMIT_CSV_BYTES (1024 * 1024 * 1024)

typedef struct {
  guint line;  /* row number a user sees (1 = the first) */
  gsize first; /* index of its first cell in GeoGrid.cells */
  guint n;     /* cells in this row, without trailing empty ones */
  guint raw_n; /* cells in this row as written */
} GeoGridRow;

typedef struct {
  char *name; /* the file, printable, for messages */
  GStringChunk *strings;
  GPtrArray *cells;      /* const char *, NULL for empty, row after row */
  GArray *rows;          /* GeoGridRow; rows with only empty cells are left out */
  guint width;           /* cells in the widest row */
  gboolean strict_width; /* CSV: a row wider than its header is an error */
  GPtrArray *notes;      /* char *: what the reader decided */
  GeoNumberFormat hint;  /* what the file's locale suggests for numbers */
  gsize row_start;       /* first cell of the row being added */
} GeoGrid;

/* A new empty grid for the file `name` (as given).  Caller frees with
 * geo_grid_free. */
GeoGrid *geo_grid_new(const char *name);
void geo_grid_free(GeoGrid *g);
/* Adds a cell of `len` bytes (len 0 or text NULL: empty) to the row being
 * built; made valid UTF-8.  Fails past the column limit, naming row
 * `line`.  (Long cells are refused by geo_grid_to_table, which knows the
 * column names.) */
gboolean geo_grid_add_cell(GeoGrid *g, guint line, const char *text, gsize len, GError **error);
/* Ends the row being built as row `line`; a row of empty cells is dropped.
 * Fails past the table's cell limit. */
gboolean geo_grid_end_row(GeoGrid *g, guint line, GError **error);
/* Finds the header (row `header_row`, or detected when 0), names the
 * columns and keeps the rows below it as data.  Caller frees with
 * geo_table_free. */
GeoTable *geo_grid_to_table(GeoGrid *g, const char *source, guint header_row, GError **error);

/* Reads the CSV `src` (any GDAL path) into a grid: UTF-8 with or without
 * BOM, else Windows-1252; separator `separator`, or detected when 0;
 * quoted fields and CRLF.  Caller frees with geo_grid_free. */
GeoGrid *geo_csv_read(const char *src, char separator, GError **error);
/* Reads a sheet of the spreadsheet `src` (XLSX, ODS) into a grid, every
 * cell as text, with the sheet's own row numbers.  `sheet` as in
 * GeoTableOptions.  Caller frees with geo_grid_free. */
GeoGrid *geo_sheet_read(const char *src, const char *sheet, GError **error);
/* The layer of `ds` called or numbered `which` (NULL: the first), or NULL
 * with an error that lists the layers.  `what` says "sheet" or "layer". */
void *geo_table_pick_layer(void *ds, const char *name, const char *which, const char *what,
                           GError **error);

/* Decides each column's number format (t->number_format) from its cells:
 * `forced` when not AUTO; PLAIN for columns GDAL typed as numbers (`typed`,
 * n_fields flags, or NULL); else from the values, with `hint` (the file's
 * locale) and the table's other columns settling columns of AMBIGUOUS
 * values only.  A column that mixes Indonesian and plain numbers and has
 * ambiguous values is an error naming the file, the column, and a row and
 * value of each kind.  Notes go to `notes`. */
gboolean geo_table_decide_numbers(GeoTable *t, const char *name, GeoNumberFormat forced,
                                  const gboolean *typed, GeoNumberFormat hint, GPtrArray *notes,
                                  GError **error);
/* ---- gazetteer internals, shared by geo-gazetteer.c and geo-match.c ---- */

typedef struct GeoPlace GeoPlace;

/* One name of a place, as written and as compared. */
typedef struct {
  GeoPlace *place;
  char *raw;
  GeoNameKind kind;
  char *base; /* geo_name_normalise form */
  char *note;
} GeoPlaceName;

struct GeoPlace {
  char *code;       /* normalised kode: a Kemendagri code or any identifier */
  guint level;      /* geo_key_level of code, 0 when not a code */
  GPtrArray *names; /* GeoPlaceName, the first as given first */
};

struct GeoGazetteer {
  gint ref;
  GPtrArray *places;         /* GeoPlace, owned */
  GHashTable *place_by_code; /* code -> GeoPlace */
  GHashTable *by_base;       /* base -> GPtrArray of GeoPlaceName */
  GHashTable *formed;        /* code -> GeoFormation, owned */
};

/* The places with a name of comparison form `base` whose kind agrees with
 * `kind`, at `level` (0: any; places whose code is not a code always).
 * Returns: (transfer container) GPtrArray of GeoPlace. */
GPtrArray *geo_gazetteer_places_named(const GeoGazetteer *g, GeoNameKind kind, const char *base,
                                      guint level);

/* The formations whose parent is `code`, by code.
 * Returns: (transfer container) GPtrArray of GeoFormation. */
GPtrArray *geo_gazetteer_children(const GeoGazetteer *g, const char *code);

/* ---- geo-match.c: matching table rows to boundary features by name ---- */

typedef struct GeoNameIndex GeoNameIndex;

/* Indexes the names of `layer`'s features, with every other name the
 * gazetteer (may be NULL) knows for them.  Caller frees with
 * geo_name_index_free. */
GeoNameIndex *geo_name_index_new(const GeoLayer *layer, const GeoGazetteer *gazetteer);
void geo_name_index_free(GeoNameIndex *ix);

typedef enum { GEO_NAME_NONE, GEO_NAME_ONE, GEO_NAME_AMBIGUOUS } GeoNameMatch;

/* Matches the name `raw`, among features whose group is one of `groups`
 * (NULL-terminated; NULL: any group).  GEO_NAME_ONE sets *feature;
 * GEO_NAME_AMBIGUOUS fills `candidates` (guint features, by feature
 * order); GEO_NAME_NONE may set *note (transfer full) to say why. */
GeoNameMatch geo_name_index_match(const GeoNameIndex *ix, const char *raw, char **groups,
                                  guint *feature, GArray *candidates, char **note);
/* The groups of the layer that `raw` (a code or a name of a group) names.
 * Returns: (transfer none) NULL-terminated array, owned by the index,
 * empty when none. */
char **geo_name_index_groups(GeoNameIndex *ix, const char *raw);
/* TRUE when the layer's groups are Kemendagri codes or have names, so
 * that a table's province column can be read against them. */
gboolean geo_name_index_has_groups(const GeoNameIndex *ix);

/* ---- geo-vintage.c: why features have no data ---- */

/* A feature without data that did not exist, or had another code, when
 * an older table was made. */
typedef struct {
  guint feature;
  const GeoFormation *formed; /* owned by the gazetteer */
  gboolean of_province;       /* its province was formed (its code changed) */
} GeoFormed;

/* The features of r->without_data the gazetteer knows were formed (or
 * whose province was formed), in without_data order.  *edition (may be
 * NULL) receives the number of units the value's table was made for when
 * its matched rows equal the boundaries' features that existed before
 * the earliest of those formations (34 provinces for a table from before
 * 2022), else 0.  Returns: (transfer full) GArray of GeoFormed, empty
 * without a gazetteer. */
GArray *geo_vintage_explain(const GeoJoinReport *r, const GeoLayer *layer, guint *edition);
/* "provinces" / "kab/kota" / "districts", by the level of `key`. */
const char *geo_vintage_units(const char *key, gboolean plural);

/* ---- geo-join.c and geo-classify.c: the value's account ---- */

/* TRUE when most cells of a column that have both are written 1,5 rather
 * than 1.5. */
gboolean geo_join_column_is_indonesian(const char **cells, guint n);
/* Starts the report's account of `field` as the mapped value: drops the
 * earlier value's account (not the figures' bad cells).  Returns the
 * field's index, or -1.  Finish with geo_join_value_end. */
int geo_join_value_begin(GeoJoin *join, const char *field);
/* Feature f of the value: without data (`raw`, when not NULL, a bad
 * cell; `missing`: an empty cell), or with data. */
void geo_join_value_add(GeoJoin *join, guint f, int field, gboolean with_data, const char *raw,
                        gboolean missing);
/* Frees a GeoBadValue (the free function of report->bad_values). */
void geo_join_bad_value_free(gpointer bad);
/* Puts the value's bad cells before the figures' and drops a figure's
 * report of a cell the value reports. */
void geo_join_value_end(GeoJoin *join);
