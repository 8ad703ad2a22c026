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

/* ---------------------------------------------------------- gazetteer */

/* Other names of places (historic, common, abbreviated) and when places
 * were formed: data/alias-wilayah.csv, the user's --aliases files and
 * data/pemekaran.csv.  Reference-counted; joins keep a reference. */
typedef struct GeoGazetteer GeoGazetteer;

/* A place formed by splitting another ("pemekaran"). */
typedef struct {
  char *code;   /* normalised, e.g. "93" */
  char *name;   /* "Papua Selatan" */
  int year;     /* 2022 */
  char *parent; /* the code it was split from, "91" */
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
  const char *group; /* normalised group value, "" when no group field */
  const char *group_name; /* the group's name from group_name_field, or "" */
  long fid;          /* feature id in the source, for messages */
} GeoFeature;

typedef struct {
  char *source;     /* as given by the user */
  char *layer_name; /* the layer actually read */
  char *crs_name;   /* the source CRS as its name, e.g. "WGS 84" */
  GeoFeature *features;
  guint n_features;
  GeoShapes *shapes; /* in WGS84 longitude/latitude */
  GStringChunk *strings;
  guint n_skipped_empty; /* features without polygon geometry */
} GeoLayer;

typedef struct {
  const char *source;     /* any GDAL vector source */
  const char *layer;      /* NULL: the first layer */
  const char *key_field;  /* NULL: no key (context layers) */
  const char *name_field; /* NULL: no names */
  const char *group_field;
  const char *where; /* optional attribute filter (OGR SQL) */
  const char *group_name_field; /* NULL: groups have no name field */
  gboolean name_optional; /* a name_field the layer lacks means no names */
  const char *name_option; /* the option naming name_field, for messages
                            * (NULL: "--name") */
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

/* Opens `spec` = "SRC[:KEYFIELD][#NAME=VALUE,...]" (CSV, XLSX, ODS, DBF,
 * GeoPackage, PostGIS, anything GDAL reads).  Without KEYFIELD the first
 * column is the key.  Options after '#' (the names of
 * geo_table_options_set, separated by ',') override `defaults` (NULL: all
 * detected).  Every cell is kept as text.  Caller frees with
 * geo_table_free. */
GeoTable *geo_table_read_options(const char *spec, const GeoTableOptions *defaults,
                                 GError **error);
/* geo_table_read_options with everything detected. */
GeoTable *geo_table_read(const char *spec, GError **error);
void geo_table_free(GeoTable *table);
/* The source part of a spec, split exactly as geo_table_read splits it.
 * Caller frees with g_free. */
char *geo_table_source(const char *spec);
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
  GPtrArray *bad_values; /* GeoBadValue in the value field */
  guint n_missing_values;
  int value_table;          /* the table value_field comes from, or -1 */
  GeoGazetteer *gazetteer;  /* a reference, or NULL: says why districts have no data */
} GeoJoinReport;

/* Joined attributes: for each feature, the cells of its matching row in
 * each table (first table wins for a column name seen twice). */
typedef struct {
  guint n_features;
  GPtrArray *fields; /* char*: column names in table order */
  GPtrArray *cells;  /* per field: const char ** [n_features], NULL if none */
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
  const char *name_field;  /* the boundaries' name field (for messages); NULL: no names */
  const char *group_field; /* column of a table giving each row's group (province),
                            * to match names within it; NULL: a column named provinsi,
                            * kode_prov... when there is one */
  GeoGazetteer *gazetteer; /* other names and formations, or NULL */
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
/* Numeric values of `field` per feature (NAN when missing or bad); bad
 * values and missing counts are added to the report when `report_bad`.
 * Caller frees with g_free. */
double *geo_join_numbers(GeoJoin *join, const char *field, gboolean report_bad);
/* Starts the report's account of `field` as the mapped value: clears
 * what an earlier call recorded and notes the field and its table.
 * geo_join_numbers calls it; a caller classifying text itself calls it
 * and then fills without_data, n_with_data and bad values.  Returns the
 * field's index, or -1. */
int geo_join_begin_value(GeoJoin *join, const char *field);
/* Records `raw`, the cell of column `field` for feature f, as a bad value
 * in the report, with the table and row it came from. */
void geo_join_add_bad_value(GeoJoin *join, guint f, int field, const char *raw);
/* TRUE when the report holds anything `--strict` treats as a failure. */
gboolean geo_join_report_has_problems(const GeoJoinReport *r);
/* The join report as text (human) or JSON.  Caller frees with g_free. */
char *geo_join_report_text(const GeoJoinReport *r, const GeoLayer *layer);
char *geo_join_report_json(const GeoJoinReport *r, const GeoLayer *layer);
/* One line for the end of a build: the counts of every kind of problem.
 * Returns: (transfer full). */
char *geo_join_report_summary(const GeoJoinReport *r);
/* The data-quality line of a sheet, in Indonesian, for features
 * idx[0..n) (NULL: the whole layer, which also counts table rows that
 * matched nothing), e.g. "Kualitas data: 2 kab/kota tanpa data; 1 nilai
 * tidak valid".  `unit` names a feature ("kab/kota").
 * Returns: (transfer full). */
/* The words of that line, printf formats with exactly these conversions,
 * so a map in another language can supply its own. */
typedef struct {
  const char *title;        /* "Kualitas data: " */
  const char *without;      /* "%u %s tanpa data": count, unit */
  const char *formed_one;   /* " (%u dibentuk %d)": count, year */
  const char *formed_range; /* " (%u dibentuk %d–%d)": count, years */
  const char *bad;          /* "%u nilai tidak valid" */
  const char *ambiguous;    /* "%u nama ambigu" */
  const char *duplicates;   /* "%u baris ganda" */
  const char *unmatched;    /* "%u baris tabel tidak cocok" */
  const char *complete;     /* "lengkap, %u %s berdata": count, unit */
  /* When the only districts without data were formed after the table
   * was made: an explanation, not a problem.  "lengkap untuk %u %s":
   * count with data, unit (left out when none has data); "%u %s dibentuk
   * %d, sesudah data ini: belum dinilai": count formed, unit, year.
   * NULL: counted as without data. */
  const char *complete_for;
  const char *formed_only;
} GeoQualityWords;
/* geo_join_quality_text in `words` (NULL: Indonesian).
 * Returns: (transfer full). */
char *geo_join_quality_text_in(const GeoJoinReport *r, const GeoLayer *layer, const guint *idx,
                               guint n, const char *unit, const GeoQualityWords *words,
                               gboolean *complete);
char *geo_join_quality_text(const GeoJoinReport *r, const GeoLayer *layer, const guint *idx,
                            guint n, const char *unit, gboolean *complete);

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
  int decimals;      /* digits in legend ranges */
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
gboolean geo_style_resolve(GeoStyle *style, const double *values, guint n, guint n_classes,
                           GError **error);
/* Class of a value (numeric methods) or text (categorical): 0..n-1, or -1
 * for no data. */
int geo_style_classify(const GeoStyle *style, double value, const char *text);

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
  char *officers_label; /* "Polri + TNI + Brimob BKO" */
  int tps_column, dpt_column; /* -1 when absent */
  guint n_features;
  double *values;   /* n_features * n_types, NAN when missing or bad */
  double *officers; /* per feature: NAN when any officer type is missing */
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
  double *types;        /* per type: sum over the features where known */
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
