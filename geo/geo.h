/* geo.h — the public interface of petarawan's geo library.
 *
 * geo/ turns input files into a joined, classified map model: boundary
 * layers read with GDAL into flat coordinate arrays, tables read with GDAL
 * and joined on normalised Kemendagri codes, values classified by a style,
 * and per-sheet projected shape sets (PROJ) ready for render/.  render/ and
 * the front end include only this header.
 *
 * Conventions: every function that can fail returns FALSE or NULL and fills
 * a GError in GEO_ERROR; nothing here prints or exits.  Functions that return
 * memory say who frees it; every *_free accepts NULL.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ---------------------------------------------------------------- errors */

#define GEO_ERROR (geo_error_quark())
GQuark geo_error_quark(void);

typedef enum {
  GEO_ERROR_USAGE,  /* bad option, style or configuration (exit 2) */
  GEO_ERROR_INPUT,  /* unreadable or invalid input file (exit 2) */
  GEO_ERROR_OUTPUT, /* rendering or writing failed (exit 3) */
} GeoErrorCode;

/* Collects GDAL's last error message for `what` into a GError. */
void geo_error_set_from_gdal(GError **error, GeoErrorCode code, const char *what);

/* ------------------------------------------------------------- files */

/* Bytes of a style or project file: they are a few KiB; more is a mistake
 * (a wrong path, /dev/zero). */
#define GEO_LIMIT_SMALL_FILE_BYTES (4 * 1024 * 1024)

/* Reads the regular file `path` (`what` names it in messages: "style",
 * "logo") into *contents, NUL-terminated, *length bytes (may be NULL).
 * A FIFO, device, socket or folder is refused before anything is read, and
 * so is a file of more than `limit` bytes, even one that grows while read.
 * Returns FALSE with GEO_ERROR_USAGE.  Caller frees *contents with g_free. */
gboolean geo_file_read(const char *path, const char *what, gsize limit, char **contents,
                       gsize *length, GError **error);
/* FALSE (GEO_ERROR_INPUT) when `path` exists and is a FIFO, a device, a
 * socket, or (unless folder_ok) a folder; TRUE when it is a regular file or
 * does not exist (the opener reports that). */
gboolean geo_file_check_regular(const char *path, const char *what, gboolean folder_ok,
                                GError **error);

/* ------------------------------------------------------------ colours */

typedef struct {
  double r, g, b; /* sRGB, 0..1 */
} GeoRgb;

/* Parses "#rrggbb" (or "#rgb").  Returns FALSE on anything else. */
gboolean geo_rgb_parse(const char *text, GeoRgb *out);
/* CIE L* (D65) of an sRGB colour, 0..100. */
double geo_rgb_lightness(GeoRgb c);
/* Fills out[0..n-1] with n colours interpolated in CIE L*a*b* along the
 * anchor colours (n_anchors >= 2), first anchor to last. */
void geo_rgb_ramp(const GeoRgb *anchors, guint n_anchors, guint n, GeoRgb *out);
/* The grey, 0 (black) .. 255 (white), a black-and-white copy of the colour
 * gives: 0.30 R + 0.59 G + 0.11 B of the encoded sRGB values, the DeviceRGB
 * to grey conversion of PDF renderers (poppler's pdftoppm -gray) and of
 * PostScript printers' setrgbcolor on a grey device. */
double geo_rgb_grey(GeoRgb c);
/* The smallest difference, in those grey levels, between any two of sea,
 * land around the group, no data and the classes of a built-in style, so
 * that a photocopy keeps them apart (README, "Greyscale"). */
#define GEO_GREY_STEP_MIN 12.0

/* ------------------------------------------------------------ numbers */

/* How a piece of text writes a number, judged from the text alone:
 * WHOLE "1234" reads the same either way; PLAIN "45.23", "1,234.5",
 * "0.125"; INDONESIAN "45,23", "1.234,5", "1.234.567"; AMBIGUOUS one '.' or
 * ',' after 1-3 digits (not starting with 0) and before exactly three
 * ("1.234" is 1234 Indonesian or 1.234 plain); NONE not a number. */
typedef enum {
  GEO_NUMBER_NONE,
  GEO_NUMBER_WHOLE,
  GEO_NUMBER_PLAIN,
  GEO_NUMBER_INDONESIAN,
  GEO_NUMBER_AMBIGUOUS,
} GeoNumberShape;

GeoNumberShape geo_number_shape(const char *text);
/* Parses a number written in Indonesian ("1.234,5", "45,23") or plain
 * ("1234.5", "45.23") form; surrounding spaces ignored.  Returns FALSE for
 * anything that is not a finite number.  Each text is read as its shape
 * says; an AMBIGUOUS one ("1.234", "1,234") is read the Indonesian way
 * (1234, 1.234) when `indonesian` is TRUE, the plain way otherwise. */
gboolean geo_number_parse(const char *text, gboolean indonesian, double *out);
/* TRUE for empty cells and the usual missing markers: "", "-", "--", "n/a",
 * "N/A", "#N/A", "NA", "null". */
gboolean geo_number_is_missing(const char *text);
/* Formats v with `decimals` digits in Indonesian style (1.234,56).
 * Caller frees with g_free. */
char *geo_number_format_id(double v, int decimals);

/* Text quoted from input files, safe for a terminal and a log line:
 * valid UTF-8, control characters replaced, at most max_chars characters
 * (0: no limit).  Caller frees with g_free. */
char *geo_text_printable(const char *s, guint max_chars);
/* How many names geo_text_field_list shows before "and N more". */
#define GEO_TEXT_FIELDS_SHOWN 20
/* "KODE, NAMA, KODE_PROV": the fields an error says there are, the first
 * GEO_TEXT_FIELDS_SHOWN of `names` then "and N more", printable; `none`
 * when n is 0.  Caller frees with g_free. */
char *geo_text_field_list(const char *const *names, guint n, const char *none);

/* --------------------------------------------------------------- keys */

/* Normalises a Kemendagri code however it is written ("53.71", "5371",
 * " 53.71 ", "53.71.01", "5371011001") to its dotted form ("53.71").
 * Text that is not a code is returned trimmed and unchanged.
 * Caller frees with g_free. */
char *geo_key_normalise(const char *raw);
/* Level of a normalised key: 1 province ("53"), 2 kab/kota ("53.71"),
 * 3 kecamatan, 4 desa; 0 when it is not a canonical Kemendagri code. */
guint geo_key_level(const char *key);

/* -------------------------------------------------------------- names */

/* The kind a place name's prefix gives: "Kabupaten Kupang" and "Kota
 * Kupang" are two districts; "Kupang" could be either. */
typedef enum {
  GEO_NAME_ANY,
  GEO_NAME_KABUPATEN,
  GEO_NAME_KOTA,
} GeoNameKind;

/* Reduces a place name to the form names are compared in: letters and
 * digits only, lower case, without accents, and without its kind prefix
 * ("Kabupaten", "Kab.", "Kota", "Kota Administrasi", "Kota Adm.",
 * "Provinsi"...), which goes to *kind (may be NULL).  "Kab. Kupang" ->
 * "kupang" (KABUPATEN); "D.K.I. Jakarta" -> "dkijakarta" (ANY).
 * Returns: (transfer full) the comparison form, "" for a name without
 * letters or digits. */
char *geo_name_normalise(const char *raw, GeoNameKind *kind);
/* TRUE when names of kinds a and b can denote the same place (equal, or
 * one of them ANY). */
gboolean geo_name_kinds_agree(GeoNameKind a, GeoNameKind b);
/* "Kabupaten", "Kota" or "". */
const char *geo_name_kind_word(GeoNameKind kind);

/* A kind prefix as the boundaries write it ("Kabupaten Administrasi",
 * "Kab.", "Kota Adm.", "Provinsi"...): one table (geo-name.c) for
 * matching, map labels and table names. */
typedef struct {
  const char *written;      /* "Kabupaten Administrasi" */
  GeoNameKind kind;         /* GEO_NAME_ANY: a province's, which gives no kind */
  const char *abbreviation; /* in tables: "Kab. Adm."; NULL: as written */
  gboolean label_drops;     /* map labels leave it out ("Kupang"; "Kota Kupang" stays) */
} GeoNamePrefix;
/* The prefix `name` begins with, exactly as written and followed by a
 * space and more, or NULL; *rest (may be NULL) gets the text after it
 * (`name` when there is none).  Returns: (transfer none) a static entry. */
const GeoNamePrefix *geo_name_prefix(const char *name, const char **rest);

/* ---------------------------------------------------------- gazetteer */

/* Other names of places (historic, common, abbreviated) and when places
 * were formed: data/alias-wilayah.csv, the user's --aliases files and
 * data/pemekaran.csv.  Reference-counted; joins keep a reference. */
typedef struct GeoGazetteer GeoGazetteer;

/* A place formed by splitting another ("pemekaran"). */
typedef struct {
  char *code;        /* normalised, e.g. "93" */
  char *name;        /* "Papua Selatan" */
  int year;          /* 2022 */
  char *parent;      /* the code it was split from, "91" */
  char *parent_name; /* its name, "Papua", or NULL */
} GeoFormation;

/* Returns: (transfer full) an empty gazetteer; free with
 * geo_gazetteer_unref. */
GeoGazetteer *geo_gazetteer_new(void);
/* Returns: (transfer full) g with one more reference; NULL for NULL. */
GeoGazetteer *geo_gazetteer_ref(GeoGazetteer *g);
void geo_gazetteer_unref(GeoGazetteer *g);
/* Adds one name of the place `code` (rows with the same code are the same
 * place; any identifier works, a Kemendagri code also gives the level). */
void geo_gazetteer_add_name(GeoGazetteer *g, const char *code, const char *name, const char *note);
/* Adds every row of a table with columns kode,nama[,keterangan] (any
 * format geo_table_read opens).  An empty code or name is an error naming
 * the file and row. */
gboolean geo_gazetteer_add_names(GeoGazetteer *g, const char *path, GError **error);
/* Adds (or replaces) the formation of `code`; parent_name may be NULL. */
void geo_gazetteer_add_formation(GeoGazetteer *g, const char *code, const char *name, int year,
                                 const char *parent, const char *parent_name);
/* Adds every row of a table with columns kode,nama,tahun,induk[,nama_induk]. */
gboolean geo_gazetteer_add_formations(GeoGazetteer *g, const char *path, GError **error);
/* The formation of `code` (normalised), or NULL. */
const GeoFormation *geo_gazetteer_formation(const GeoGazetteer *g, const char *code);
/* The first name given for `code`, or NULL. */
const char *geo_gazetteer_name(const GeoGazetteer *g, const char *code);
/* Codes of the places at `level` (0: any) one of whose names is `name`.
 * Returns: (transfer full) NULL-terminated, g_strfreev. */
char **geo_gazetteer_lookup(const GeoGazetteer *g, const char *name, guint level);

/* ----------------------------------------------------------- geometry */

/* A set of polygon features as flat arrays (liblwgeom-style point arrays).
 * Feature f owns parts feature_part[f] .. feature_part[f+1]-1; part p owns
 * rings part_ring[p] .. part_ring[p+1]-1, the first being the shell; ring r
 * owns points ring_point[r] .. ring_point[r+1]-1 in xy (x,y pairs).
 * Rings are stored open (the closing point is dropped). */
typedef struct {
  double *xy;
  guint n_points;
  guint *ring_point; /* n_rings + 1 */
  guint n_rings;
  guint *part_ring; /* n_parts + 1 */
  guint n_parts;
  guint *feature_part; /* n_features + 1 */
  guint n_features;
  double *bbox; /* 4 per feature: minx, miny, maxx, maxy */
  /* Per point, the simplification tolerance (ground metres) up to which
   * it is kept; per ring, whether it shares a vertex with another ring
   * (a district in a mosaic, not an island).  Both from
   * geo_shapes_topology; NULL when not computed. */
  float *importance;
  guint8 *ring_touch;
} GeoShapes;

void geo_shapes_free(GeoShapes *shapes);
/* Union of the bounding boxes of features idx[0..n) (every feature
 * 0..n-1 when idx is NULL) into out (minx, miny, maxx, maxy).  Returns
 * FALSE when none of them has geometry. */
gboolean geo_shapes_extent(const GeoShapes *s, const guint *idx, guint n, double out[4]);
/* Signed area of ring r (shoelace; positive = counter-clockwise). */
double geo_shapes_ring_area(const GeoShapes *s, guint r);
/* Area of part p: |shell| - sum |holes|. */
double geo_shapes_part_area(const GeoShapes *s, guint p);
/* Index of the largest part of feature f. */
guint geo_shapes_main_part(const GeoShapes *s, guint f);

/* A good interior point of part p: the pole of inaccessibility (the point
 * farthest from the part's edges), found to within `precision` map units.
 * Returns its distance to the nearest edge. */
double geo_shapes_pole(const GeoShapes *s, guint p, double precision, double *x, double *y);

/* ------------------------------------------------------------- layers */

typedef struct {
  const char *key;     /* normalised key ("53.71"), owned by the layer */
  const char *raw_key; /* as stored in the source */
  const char *name;
  const char *group;      /* normalised group value, "" when no group field */
  const char *group_name; /* the group's name from group_name_field, or "" */
  long fid;               /* feature id in the source, for messages */
} GeoFeature;

/* A feature of a boundary layer that has nothing to draw and was left out
 * (no geometry, an empty one, not a polygon, no ring of 3 points). */
typedef struct {
  long fid;            /* feature id in the source */
  const char *key;     /* normalised key, "" without --key; owned by the layer */
  const char *raw_key; /* as stored, or NULL without --key */
  const char *why;     /* "has no geometry", ...; owned by the layer */
} GeoSkippedFeature;

typedef struct {
  char *source;     /* as given by the user */
  char *layer_name; /* the layer actually read */
  char *crs_name;   /* the source CRS as its name, e.g. "WGS 84" */
  GeoFeature *features;
  guint n_features;
  GeoShapes *shapes; /* in WGS84 longitude/latitude */
  GStringChunk *strings;
  guint n_skipped_empty;      /* features without polygon geometry: */
  GeoSkippedFeature *skipped; /* n_skipped_empty of them, in source order */
  char **notes;               /* NULL-terminated: names changed to draw them (bidi controls...) */
} GeoLayer;

typedef struct {
  const char *source;     /* any GDAL vector source */
  const char *layer;      /* NULL: the first layer */
  const char *key_field;  /* NULL: no key (context layers) */
  const char *name_field; /* NULL: no names */
  const char *group_field;
  const char *where;            /* optional attribute filter (OGR SQL) */
  const char *group_name_field; /* NULL: groups have no name field */
  gboolean name_optional;       /* a name_field the layer lacks means no names */
  /* What the caller calls the fields, for messages ("--key": "no field
   * 'X' for the key (--key)"); NULL: the role alone ("for the key"). */
  const char *key_option, *name_option, *group_option, *group_name_option;
  const char *where_option; /* what the caller calls `where` ("--where"), or NULL */
} GeoLayerSpec;

/* Reads every polygon of the layer, transformed to WGS84 lon/lat with PROJ
 * (without its topology: geo_shapes_topology, when it will be drawn).
 * Caller frees with geo_layer_free. */
GeoLayer *geo_layer_read(const GeoLayerSpec *spec, GError **error);
void geo_layer_free(GeoLayer *layer);
/* Index of the feature with normalised key `key`, or -1. */
int geo_layer_find(const GeoLayer *layer, const char *key);

/* ------------------------------------------------------------- tables */

/* How the numbers in a table's text cells are written. */
typedef enum {
  GEO_NUMBERS_AUTO,       /* decided per column from its values */
  GEO_NUMBERS_INDONESIAN, /* "1.234,5": "1.234" is 1234 */
  GEO_NUMBERS_PLAIN,      /* "1,234.5": "1.234" is 1.234 */
} GeoNumberFormat;

/* How to read a table.  All zero: detect everything. */
typedef struct {
  char separator;          /* CSV: ',', ';', '\t' or '|'; 0 detects it */
  char *sheet;             /* XLSX/ODS sheet, or layer of a GeoPackage or
                            * PostGIS source: a name or a number from 1;
                            * NULL: the first */
  guint header_row;        /* CSV/XLSX/ODS: the header's row number; 0
                            * detects it (title rows above it are skipped) */
  GeoNumberFormat numbers; /* numbers in text cells; AUTO: per column */
} GeoTableOptions;

/* Sets the option called `name` ("separator", "sheet", "header-row",
 * "numbers") from `value` as a user writes it ("semicolon" or ";", "Rekap"
 * or "2", "3", "indonesian").  The error names the option and the value. */
gboolean geo_table_options_set(GeoTableOptions *o, const char *name, const char *value,
                               GError **error);
/* Frees what the options own (the sheet) and zeroes them. */
void geo_table_options_clear(GeoTableOptions *o);

typedef struct {
  char *source;
  char *key_field;
  char **fields; /* column names, NULL-terminated */
  guint n_fields;
  guint n_rows;
  char **cells;   /* n_rows * n_fields, row-major; NULL for empty */
  guint *line;    /* n_rows: the row number a user sees (header is 1) */
  int key_column; /* index of key_field in fields */
  GStringChunk *strings;
  /* n_fields: how each column's AMBIGUOUS numbers ("1.234") read:
   * GEO_NUMBERS_INDONESIAN or GEO_NUMBERS_PLAIN, decided per column. */
  GeoNumberFormat *number_format;
  /* What the reader decided that the user should know, one line each
   * (encoding, header row, number formats, missing values); NULL-terminated,
   * never NULL. */
  char **notes;
} GeoTable;

/* What to read as a table, as layers have GeoLayerSpec.  The front end
 * parses a user's "SRC[:KEYFIELD][#NAME=VALUE,...]" into it
 * (builder_table_spec_parse).  Owned: geo_table_spec_clear frees it. */
typedef struct {
  char *source;    /* CSV, XLSX, ODS, DBF, GeoPackage, PostGIS, anything GDAL reads */
  char *key_field; /* NULL: the first column is the key */
  GeoTableOptions options;
} GeoTableSpec;
void geo_table_spec_clear(GeoTableSpec *spec);
/* TRUE when `name` is a reading option ("separator", "sheet", "layer",
 * "header-row", "numbers"). */
gboolean geo_table_options_is_name(const char *name);
/* Reads the table `spec` names.  Every cell is kept as text.  Caller
 * frees with geo_table_free. */
GeoTable *geo_table_read_spec(const GeoTableSpec *spec, GError **error);
void geo_table_free(GeoTable *table);
/* `source` as messages and reports name it: a PostgreSQL password
 * replaced by "***", made printable.  Caller frees with g_free. */
char *geo_table_display_name(const char *source);
/* Column index of `field` (exact, then case-insensitive), or -1. */
int geo_table_find_field(const GeoTable *table, const char *field);
const char *geo_table_cell(const GeoTable *t, guint row, guint column);

/* --------------------------------------------------------------- join */

typedef struct {
  guint line;
  char *raw_key;
  char *note; /* why it matched nothing, when known, or NULL */
} GeoRowRef;

typedef struct {
  char *key;
  guint first_line;
  guint line;
  guint feature; /* the feature both rows (or features) are for */
} GeoDuplicate;

/* A name that fits more than one feature: not joined, never guessed. */
typedef struct {
  guint line;
  char *raw_key;
  GArray *candidates; /* guint feature indices */
} GeoAmbiguous;

typedef struct {
  char *source; /* table file */
  guint line;   /* row number in it */
  guint feature;
  char *field;
  char *raw;
  gboolean of_value; /* in the mapped value's account (geo-classify.c), not a figure's */
} GeoBadValue;

typedef struct {
  char *source;
  char *key_field;
  guint n_rows;
  guint n_matched;
  GPtrArray *unmatched;  /* GeoRowRef */
  GPtrArray *duplicates; /* GeoDuplicate */
  gboolean by_name;      /* keys were names, matched to the boundaries' names */
  char *group_field;     /* by name: the column names were matched within, or NULL */
  GPtrArray *ambiguous;  /* GeoAmbiguous */
} GeoTableReport;

typedef struct {
  char *boundaries;
  guint n_features;
  guint n_with_data;       /* features with a usable value */
  GArray *without_data;    /* guint feature indices without a row or value */
  GPtrArray *dup_features; /* GeoDuplicate: repeated keys in the boundaries */
  GPtrArray *tables;       /* GeoTableReport */
  char *value_field;
  GPtrArray *bad_values; /* GeoBadValue: the value's (the first n_value_bad), then the figures' */
  guint n_value_bad;
  guint n_missing_values;
  int value_table;         /* the table value_field comes from, or -1 */
  GeoGazetteer *gazetteer; /* a reference, or NULL: says why districts have no data */
  char *group_option;      /* GeoJoinOptions.group_option, or NULL */
} GeoJoinReport;

/* Joined attributes: for each feature, the cells of its matching row in
 * each table (first table wins for a column name seen twice). */
typedef struct {
  guint n_features;
  GPtrArray *fields;    /* char*: column names in table order */
  GPtrArray *cells;     /* per field: const char ** [n_features], NULL if none */
  GArray *field_table;  /* guint per field: the table it came from */
  GArray *field_format; /* GeoNumberFormat per field, as its table decided */
  GPtrArray *row_lines; /* per table: guint [n_features], row number or 0 */
  GPtrArray *sources;   /* per table: its source name */
  GeoJoinReport *report;
} GeoJoin;

/* How tables are matched to the boundaries. */
typedef enum {
  GEO_MATCH_AUTO, /* per table: by name when more rows match by name than by code */
  GEO_MATCH_CODE, /* the key column against the boundaries' key (normalised codes) */
  GEO_MATCH_NAME, /* the key column against the boundaries' names */
} GeoMatch;

typedef struct {
  GeoMatch match;
  const char *name_field;   /* the boundaries' name field (for messages); NULL: no names */
  const char *group_field;  /* column of a table giving each row's group (province),
                            * to match names within it; NULL: a column named provinsi,
                            * kode_prov... when there is one */
  GeoGazetteer *gazetteer;  /* other names and formations, or NULL */
  const char *group_option; /* what the caller calls group_field, for messages and the
                             * report ("--table-group"), or NULL */
} GeoJoinOptions;

/* Joins `tables` to `layer` by normalised key.  Never fails on data
 * problems: those go into the report.  Caller frees with geo_join_free. */
GeoJoin *geo_join_run(const GeoLayer *layer, GeoTable **tables, guint n_tables);
/* The same with options (NULL: as geo_join_run).  Fails (NULL, usage
 * error) only when asked to match by name without names, or for a
 * group_field a table matched by name does not have.
 * Returns: (transfer full) free with geo_join_free. */
GeoJoin *geo_join_run_full(const GeoLayer *layer, GeoTable **tables, guint n_tables,
                           const GeoJoinOptions *options, GError **error);
void geo_join_free(GeoJoin *join);
/* Column index in join->fields, or -1. */
int geo_join_find_field(const GeoJoin *join, const char *field);
/* Text of `field` for feature f, or NULL. */
const char *geo_join_get(const GeoJoin *join, guint f, int field);
/* Numeric values of `field` per feature (NAN when missing or bad).  With
 * `report_bad` `field` becomes the mapped value: the report's account of
 * the value (its field and table, the districts with and without data,
 * its bad and missing cells) is replaced by this field's; the figures'
 * bad cells stay.  Caller frees with g_free. */
double *geo_join_numbers(GeoJoin *join, const char *field, gboolean report_bad);
/* Records `raw`, the cell of column `field` for feature f, as a figure's
 * bad value in the report, with the table and row it came from. */
void geo_join_add_bad_value(GeoJoin *join, guint f, int field, const char *raw);
/* TRUE when the report holds anything `--strict` treats as a failure. */
gboolean geo_join_report_has_problems(const GeoJoinReport *r);
/* The join report as text (human) or JSON.  Caller frees with g_free. */
char *geo_join_report_text(const GeoJoinReport *r, const GeoLayer *layer);
char *geo_join_report_json(const GeoJoinReport *r, const GeoLayer *layer);
/* One line for the end of a build: the counts of every kind of problem.
 * Returns: (transfer full). */
char *geo_join_report_summary(const GeoJoinReport *r);
/* What the data-quality line of a sheet says, as counts, for features
 * idx[0..n) (NULL: the whole layer, which also counts table rows that
 * matched nothing).  geo returns the numbers; render writes the words
 * (render_quality_text: "Kualitas data: 2 kab/kota tanpa data; 1 nilai
 * tidak valid"). */
typedef struct {
  guint features;       /* districts the line is about */
  guint without;        /* of them without data */
  guint formed;         /* of those, formed after the boundaries' vintage */
  int year_lo, year_hi; /* the years they were formed (0: none) */
  guint bad;            /* bad values */
  guint ambiguous;      /* ambiguous names that could be one of them */
  guint duplicates;     /* duplicate features or table rows */
  guint unmatched;      /* table rows that matched no district (whole layer only) */
} GeoQuality;
/* Fills `out` for features idx[0..n) (NULL: the whole layer). */
void geo_join_quality_count(const GeoJoinReport *r, const GeoLayer *layer, const guint *idx,
                            guint n, GeoQuality *out);
/* TRUE when the line has nothing to report. */
gboolean geo_quality_is_complete(const GeoQuality *q);

/* ------------------------------------------------------------ styles */

typedef enum {
  GEO_METHOD_FIXED,
  GEO_METHOD_CATEGORICAL,
  GEO_METHOD_QUANTILE,
  GEO_METHOD_EQUAL,
  GEO_METHOD_JENKS,
} GeoMethod;

typedef struct {
  char *name;        /* "ikp-kabkota" */
  char *path;        /* file it was read from */
  char *title;       /* legend title, e.g. "Indeks Kerawanan Pemilu" */
  char *description; /* one line for `petarawan styles` */
  GeoMethod method;
  guint n_classes;
  double *breaks;    /* n_classes-1 ascending lower bounds of classes 1..n-1 */
  char **labels;     /* n_classes names ("Rendah"), or NULL */
  char *title_en;    /* English legend title (key title[en]), or NULL */
  char **labels_en;  /* English class names (labels[en]), or NULL */
  char **categories; /* categorical: text matched per class */
  GeoRgb *colours;   /* n_classes */
  GeoRgb *ramp;      /* anchors for data-driven palettes */
  guint n_ramp;
  GeoRgb nodata;
  int decimals;              /* digits in legend ranges */
  double data_min, data_max; /* filled by geo_style_resolve */
  double officers_per_tps;   /* [coverage] officers-per-tps, NAN when not set */
} GeoStyle;

/* Loads a built-in style by name from `styles_dir`, or a style file by path.
 * Every problem in the file is reported at once.  Caller frees with
 * geo_style_free. */
GeoStyle *geo_style_load(const char *name_or_path, const char *styles_dir, GError **error);
void geo_style_free(GeoStyle *style);
/* Lists built-in styles: NULL-terminated array of paths; g_strfreev. */
char **geo_style_list(const char *styles_dir);
/* For data-driven methods computes the breaks over `values` (NaN skipped)
 * with `n_classes` classes (0: the style's), and the palette. */
/* The class counts a style may have (a style file's classes=, --classes). */
#define GEO_STYLE_MIN_CLASSES 2
#define GEO_STYLE_MAX_CLASSES 20
gboolean geo_style_resolve(GeoStyle *style, const double *values, guint n, guint n_classes,
                           GError **error);
/* Class of a value (numeric methods) or text (categorical): 0..n-1, or -1
 * for no data. */
int geo_style_classify(const GeoStyle *style, double value, const char *text);

/* Classifies `field` with `style` (resolving a data-driven style's
 * breaks into `n_classes` classes, 0: the style's count) into per-feature
 * *values (NAN: none) and *classes (-1: none), and makes it the report's
 * value account as geo_join_numbers does, in either order with the
 * figures (geo_figures_new).  Fails for a field the tables do not have
 * (GEO_ERROR_USAGE), when no district has a usable value (GEO_ERROR_INPUT,
 * naming the table, field and first bad value; the report says why), or
 * when the breaks cannot be resolved (the message starts with the
 * field).  Caller frees *values and *classes with g_free. */
gboolean geo_join_classify(GeoJoin *join, GeoStyle *style, const char *field, guint n_classes,
                           double **values, int **classes, GError **error);

/* Break computations over sorted, finite values.  `breaks` receives k-1
 * lower bounds of classes 1..k-1.  Return the number of classes actually
 * made (fewer when there are fewer distinct values). */
guint geo_breaks_quantile(const double *sorted, guint n, guint k, double *breaks);
guint geo_breaks_equal(const double *sorted, guint n, guint k, double *breaks);
/* Fisher's exact optimal partition (Jenks natural breaks). */
guint geo_breaks_jenks(const double *sorted, guint n, guint k, double *breaks);

/* ---------------------------------------------------- derived figures */

/* Personnel and workload per district (geo-figures.c): the joined columns
 * holding personnel by type (Polri, TNI, Brimob BKO, Linmas...), polling
 * stations (TPS) and registered voters (DPT), read as counts ("1.234" is
 * 1234), the officers of each district (the sum of the officer types),
 * group totals and ratios, and the coverage gap rule that lists
 * reinforcement priorities. */

typedef struct {
  char *field;      /* column name in the join */
  char *label;      /* "Polri" */
  int column;       /* index in the join's fields */
  gboolean officer; /* summed into the officers */
} GeoFigureType;

typedef struct {
  GeoFigureType *types; /* officer types first, then the others */
  guint n_types;
  guint n_officer_types;
  char *officers_label;       /* "Polri + TNI + Brimob BKO" */
  int tps_column, dpt_column; /* -1 when absent */
  guint n_features;
  double *values;    /* n_features * n_types, NAN when missing or bad */
  double *officers;  /* per feature: NAN when any officer type is missing */
  double *tps, *dpt; /* per feature, NAN when missing (or no column) */
} GeoFigures;

/* Which columns to use.  Lists are "FIELD[=LABEL],..."; NULL takes the
 * defaults, keeping those present in the join: officers
 * personel_polri, personel_tni, brimob_bko; other personnel linmas and
 * those of the three not among the officers; TPS jumlah_tps; DPT
 * jumlah_dpt.  A column named explicitly must exist; one named twice
 * counts once, as an officer if it is one. */
typedef struct {
  const char *officers;
  const char *personnel; /* types shown but not counted as officers */
  const char *tps;
  const char *dpt;
} GeoFiguresSpec;

/* Reads the figures of every feature from the join.  Cells that are not
 * numbers are added to the join report as bad values (once per feature
 * and column).  Caller frees with geo_figures_free. */
GeoFigures *geo_figures_new(GeoJoin *join, const GeoFiguresSpec *spec, GError **error);
void geo_figures_free(GeoFigures *fig);
/* TRUE when officers and TPS are both known columns: ratios and the
 * coverage rule can be computed. */
gboolean geo_figures_has_coverage(const GeoFigures *fig);
/* num / den, or NAN when either is unknown or den <= 0. */
double geo_figures_ratio(double num, double den);
/* Column `column` of the join read as counts per feature (NAN missing);
 * bad cells go to the report as by geo_figures_new.  Caller frees with
 * g_free. */
double *geo_figures_column(GeoJoin *join, int column);

/* Totals over a group of features. */
typedef struct {
  guint n_features;
  double *types;             /* per type: sum over the features where known */
  double officers, tps, dpt; /* sums over the features where known */
  guint n_without_officers, n_without_tps, n_without_dpt;
  /* Ratios over the features where both figures are known; NAN when the
   * denominator sums to 0 (no division by zero). */
  double officers_per_tps, tps_per_officer, voters_per_officer;
  /* Median of the features' officers per TPS (mean of the middle two for
   * an even count); NAN when no feature has one. */
  double median_officers_per_tps;
} GeoFiguresTotals;

/* Totals over features idx[0..n).  Caller frees with
 * geo_figures_totals_free. */
GeoFiguresTotals *geo_figures_totals(const GeoFigures *fig, const guint *idx, guint n);
void geo_figures_totals_free(GeoFiguresTotals *t);

typedef struct {
  guint feature;
  double officers_per_tps;
  double shortfall; /* officers to add to reach the threshold (>= 1) */
} GeoPriority;

typedef struct {
  gboolean doctrine; /* threshold from the doctrine ratio, not the median */
  double threshold;  /* officers per TPS; NAN when the median is unknown */
  GArray *items;     /* GeoPriority, lowest officers per TPS first */
  guint n_top;       /* features in the top class */
  guint n_unjudged;  /* of them, without officers per TPS */
} GeoPriorities;

/* The coverage gap rule over features idx[0..n): a feature in class
 * `top_class` whose officers per TPS is strictly below `doctrine` (when
 * finite and > 0) or else below the median of the group's features is a
 * reinforcement priority; a feature exactly at the threshold is not.
 * Features whose officers per TPS is unknown (no TPS, zero TPS, an officer
 * type missing) are counted in n_unjudged, never listed.  Items are in
 * rising officers per TPS, ties in feature order.  Caller frees with
 * geo_priorities_free. */
GeoPriorities *geo_figures_priorities(const GeoFigures *fig, const int *classes, int top_class,
                                      const guint *idx, guint n, double doctrine);
void geo_priorities_free(GeoPriorities *p);

/* ------------------------------------------------------- projections */

typedef struct GeoProj GeoProj;

/* A transform from WGS84 lon/lat to `crs` (any PROJ definition).
 * Each GeoProj has its own PROJ context: use one per thread.
 * Caller frees with geo_proj_free. */
GeoProj *geo_proj_new(const char *crs, GError **error);
/* The UTM zone (WGS84) containing (lon, lat). */
GeoProj *geo_proj_new_utm(double lon, double lat, GError **error);
void geo_proj_free(GeoProj *proj);
/* Human-readable name, e.g. "WGS 84 / UTM zone 51S". */
const char *geo_proj_get_name(const GeoProj *proj);
/* Transforms n lon/lat pairs in place with one PROJ call. */
gboolean geo_proj_forward(GeoProj *proj, double *xy, guint n, GError **error);
/* Point scale factor of the projection at (lon, lat) (1 = true scale). */
double geo_proj_scale_factor(GeoProj *proj, double lon, double lat);

/* Shared-border topology of `s` (lon/lat), stored in s->importance and
 * s->ring_touch (replacing earlier ones): for every point, the tolerance
 * in ground metres up to which a Douglas-Peucker simplification of its arc
 * keeps it (junctions, where borders meet, while one of their arcs
 * reaches farther; islands while they are wider).  Each border shared by
 * two rings is one arc simplified once, so keeping the points whose
 * importance is >= a tolerance leaves no gap or overlap between
 * neighbours. */
void geo_shapes_topology(GeoShapes *s);

/* What geo_shapes_project does with a feature whose every part is
 * narrower than the tolerance: nothing is left of it (its neighbours close
 * over it, an islet goes); only islands (parts sharing no vertex with
 * another ring) keep a box of their main part, so they can show as a dot;
 * or every such feature keeps one (a sheet's own districts, which must all
 * be labelled). */
typedef enum {
  GEO_VANISHED_DROP,
  GEO_VANISHED_KEEP_ISLANDS,
  GEO_VANISHED_KEEP,
} GeoVanished;

/* Projects features idx[0..n-1] of `src` (lon/lat) with `proj`,
 * simplified to `tolerance` (map units, taken as ground metres): with
 * src->importance, the points whose importance reaches it (borders stay
 * shared); without, the vertices at least that far from the last kept one.
 * Returns a new set whose feature i is src feature idx[i].
 * Caller frees with geo_shapes_free. */
GeoShapes *geo_shapes_project(const GeoShapes *src, const guint *idx, guint n, GeoProj *proj,
                              double tolerance, GeoVanished vanished, GError **error);

G_END_DECLS
