/* render.h — the public interface of petarawan's render library.
 *
 * render/ turns the joined, classified model from geo/ into pages with
 * cairo and pango: the briefing sheet of one group (province), the national
 * overview, and the files that hold them (one PDF per group, the atlas with
 * bookmarks, PNG).  It reads the model; it never changes it.  Errors are
 * GErrors in GEO_ERROR with GEO_ERROR_OUTPUT; nothing here exits.
 */
#pragma once

#include <cairo.h>
#include <geo.h>

G_BEGIN_DECLS

/* A4 landscape, in PDF points: the default page.  Other papers and
 * portrait pages take their sizes from a RenderPage (below). */
#define RENDER_PAGE_WIDTH 841.89
#define RENDER_PAGE_HEIGHT 595.28

typedef struct {
  double x, y, w, h;
} RenderRect;

/* ---- paper (render-page.c) ---- */

/* ISO 216 A sizes; the value is n of An. */
typedef enum {
  RENDER_PAPER_A0 = 0,
  RENDER_PAPER_A1,
  RENDER_PAPER_A2,
  RENDER_PAPER_A3,
  RENDER_PAPER_A4,
} RenderPaper;

/* The geometry of one page, from which every size on it derives.  A page
 * is drawn in layout units under cairo_scale(k): one unit is one point on
 * A4 and k points on larger paper (k = sqrt(2) per A size, 4 on A0), so
 * what is not named here (table, footer, lines, hatching) grows with the
 * paper.  The type that must read from across a hall (title, province,
 * map labels, legend) grows faster; render-page.c and the README say how
 * much and why. */
typedef struct {
  RenderPaper paper;
  gboolean portrait;
  double width, height; /* the page, PDF points */
  double k;             /* PDF points per layout unit */
  /* Layout units from here on. */
  double w, h; /* the page */
  double margin;
  double title_size, subtitle_size, index_size; /* header: title, group, index name */
  double title_y, subtitle_y, index_y, rule_y;  /* tops of the header lines, rule under it */
  double title_w, index_w;                      /* their widths (ellipsised beyond) */
  gboolean index_inline;          /* index name and date on one line under the group (portrait) */
  double footer_y;                /* top of the footer */
  double label_size, number_size; /* district names and numbers on the map */
  double neighbour_size;          /* names of neighbouring provinces and countries on the map */
  double graticule_size;          /* degree labels on the map frame */
  double logo_y, logo_h, logo_max_w; /* the logo's box in the title band (--logo) */
  double district_line, group_line;  /* district lines, the group's border */
  double block;                      /* legend, inset and key figures are drawn scaled by this */
  double resolution;                 /* map vertices closer than this are thinned away */
  double speck;                      /* map parts narrower than this are left out ... */
  double dot;                        /* ... and a district of such parts is a dot this wide */
  double border_min;                 /* parts narrower than this get no heavy group border */
  RenderRect map;                    /* the map frame */
  RenderRect
      column; /* legend, inset, key figures (landscape: right of the map, with the table below) */
  RenderRect table;     /* the ranked table: below the map in portrait; == column in landscape */
  int table_columns;    /* columns of the ranked table on continuation pages */
  double table_min_row; /* the table's rows shrink to this before it continues */
  double inset_pt;      /* the locator inset's width on paper, PDF points */
  double png_dpi;       /* default PNG resolution: 300 on A4, 300 / k above */
} RenderPage;

/* The legend's text on A4, points (render-legend.c); times block * k. */
#define RENDER_LEGEND_SIZE 7.5

/* Fills `p` for `paper` in landscape or portrait. */
void render_page_init(RenderPage *p, RenderPaper paper, gboolean portrait);
/* The corners of p->map kept free of labels for the scale bar, the north
 * arrow and the projection note, in layout units. */
void render_page_reserved(const RenderPage *p, RenderRect out[3]);
/* "A0".."A4" (any case) -> paper; FALSE for anything else. */
gboolean render_paper_parse(const char *text, RenderPaper *paper);
/* "A0".."A4". */
const char *render_paper_name(RenderPaper paper);
/* Width and height of `paper` in millimetres, portrait. */
void render_paper_mm(RenderPaper paper, double *w_mm, double *h_mm);

/* How a poster of `poster_w` x `poster_h` points is cut into pages of a
 * smaller paper: a grid of tiles, each printing a region of the poster
 * inside a margin (where crop and registration marks go), neighbours
 * sharing an `overlap` wide strip to glue. */
typedef struct {
  RenderPaper paper;
  gboolean portrait;      /* orientation of the tile pages */
  double width, height;   /* a tile page, points */
  double margin, overlap; /* points */
  int rows, cols;
  double step_x, step_y; /* poster points from one tile to the next */
  double off_x, off_y;   /* poster point at the first tile's printed corner */
} RenderTiling;

/* Plans the tiling with the fewer pages of the two orientations of
 * `paper`.  FALSE (and no plan) when one tile would hold the poster. */
gboolean render_tile_plan(double poster_w, double poster_h, RenderPaper paper, RenderTiling *out);
/* "B2": row letter(s) and column number of tile (row, col), 0-based.
 * Caller frees. */
char *render_tile_name(int row, int col);

/* The language of the map text (render-lang.c). */
typedef enum { RENDER_LANG_ID, RENDER_LANG_EN } RenderLang;

/* "id" or "en" into *out; FALSE for anything else. */
gboolean render_lang_parse(const char *text, RenderLang *out);
/* "id" or "en".  Returns: (transfer none) */
const char *render_lang_code(RenderLang lang);
/* A fixed map text, written in the sources in Indonesian, in `lang`: the
 * catalogue's English entry, or `id_text` itself (Indonesian, or a text
 * the catalogue lacks).  Returns: (transfer none) a static string or
 * id_text. */
const char *render_tr(RenderLang lang, const char *id_text) G_GNUC_FORMAT(2);
/* A number as the language writes it: "1.234,5" (id) or "1,234.5" (en),
 * "–" when not finite.  Returns: (transfer full) g_free. */
char *render_number(RenderLang lang, double v, int decimals);
/* "22 November 2026" / "22 November 2026", "1 Mei" / "1 May".
 * Returns: (transfer full) g_free. */
char *render_date_text(RenderLang lang, int year, int month, int day);

/* One catalogue entry: the Indonesian text and its English. */
typedef struct {
  const char *id, *en;
} RenderTrEntry;
/* The whole catalogue, for tests.  Returns: (transfer none) n entries. */
const RenderTrEntry *render_tr_catalogue(guint *n);
/* The English of `id_text`, or NULL when the catalogue has none.
 * Returns: (transfer none) */
const char *render_tr_lookup(const char *id_text);

/* A logo for the title band (render-logo.c): PNG or SVG, read once per
 * build; each drawing decodes its own copy, so sheets drawn in parallel
 * share nothing mutable. */
typedef struct RenderLogo RenderLogo;
/* Reads and checks `path` (PNG by its signature, else SVG).  Errors name
 * the file.  Returns: (transfer full) free with render_logo_free. */
RenderLogo *render_logo_load(const char *path, GError **error);
void render_logo_free(RenderLogo *logo);
/* The file's bytes, for the build manifest.  Returns: (transfer none) */
GBytes *render_logo_get_bytes(const RenderLogo *logo);
/* Width and height of the logo's own size (pixels or SVG units). */
void render_logo_get_size(const RenderLogo *logo, double *w, double *h);

/* Texts printed on every page.  All borrowed. */
typedef struct {
  const char *title;         /* "Peta Kerawanan Pemilu" */
  const char *index_name;    /* "Indeks Kerawanan Pemilu (IKP) 2024" */
  const char *index_date;    /* "Desember 2022" */
  const char *sources;       /* footer: data sources */
  const char *generated;     /* footer: generation date, "22 November 2026" */
  const char *marking;       /* security marking, or NULL */
  const char *organisation;  /* who prepared the sheets, or NULL */
  const char *unit_name;     /* what a feature is: "kab/kota" */
  const char *group_kind;    /* what a group is: "Provinsi" */
  gboolean sample_personnel; /* label personnel figures as sample */
} RenderTexts;

/* One sheet: a group of features (e.g. the kab/kota of one province). */
typedef struct {
  char *code;      /* "53" */
  char *name;      /* "Nusa Tenggara Timur" */
  char *slug;      /* "nusa-tenggara-timur" */
  guint *features; /* indices into the layer */
  guint n_features;
} RenderGroup;

/* The locator inset's national geometry, shared by every sheet. */
typedef struct RenderInset RenderInset;
/* Projects and thins the whole layer for an inset `width_pt` wide.
 * Caller frees with render_inset_free. */
RenderInset *render_inset_new(const GeoLayer *layer, double width_pt, GError **error);
void render_inset_free(RenderInset *inset);

/* Everything the pages are drawn from.  All borrowed. */
typedef struct {
  const GeoLayer *layer;
  const GeoLayer *context; /* countries around, or NULL */
  const GeoStyle *style;
  const GeoJoin *join;
  const double *values; /* per feature, NAN = no data */
  const int *classes;   /* per feature, -1 = no data */
  const char *value_field;
  const GeoFigures *figures; /* personnel and workload per district, or NULL */
  double officers_per_tps;   /* doctrine ratio of the coverage rule; NAN: the group's median */
  const double *symbols;     /* per feature, proportional circles (NAN: none), or NULL */
  const char *symbols_label; /* what the circles show, for their legend */
  const RenderTexts *texts;
  const RenderGroup *groups; /* every sheet, for the overview and atlas */
  guint n_groups;
  const RenderInset *inset; /* locator inset, or NULL for none */
  gboolean mono;            /* greys and textures instead of colours */
  const RenderPage *page;   /* paper and sizes, or NULL for A4 landscape */
  gboolean tiles;           /* also write <file>-tiles-<paper>.pdf ... */
  RenderPaper tile_paper;   /* ... cut into pages of this paper */
  RenderLang lang;          /* language of the map text */
  gboolean graticule;       /* degree ticks on the map frame */
  const RenderLogo *logo;   /* in the title band, or NULL */
  /* GeoFeature.group -> the group's name, for every group of the layer
   * (also those --only leaves out): names of neighbouring groups on a
   * sheet's map.  NULL: neighbours are not named. */
  GHashTable *group_names;
  gint64 date; /* of the pages and the PDF metadata: seconds since 1970, UTC */
} RenderModel;

/* m->page, or the A4 landscape page when it is NULL. */
const RenderPage *render_page_of(const RenderModel *m);

/* The plan of one page (render-plan.c): the sheet of group `g`, or the
 * national overview when g is NULL, worked out once before anything is
 * drawn and shared by every format the page is written in.  Borrows m
 * and g, which must outlive it.  Errors (PROJ) name the sheet.
 * Returns: (transfer full) free with render_plan_free, or NULL. */
typedef struct RenderPlan RenderPlan;
RenderPlan *render_plan_new(const RenderModel *m, const RenderGroup *g, GError **error);
void render_plan_free(RenderPlan *plan);

/* Draws the briefing sheet planned by `plan` starting on the current page
 * of `cr`.  On a PDF surface a ranked table too long for the sheet
 * continues on following pages (cairo_show_page between them, not after
 * the last); *pages_used (may be NULL) says how many. */
gboolean render_sheet_draw(cairo_t *cr, const RenderPlan *plan, int *pages_used, GError **error);
/* Draws the national overview page planned by `plan` (g NULL). */
gboolean render_overview_draw(cairo_t *cr, const RenderPlan *plan, GError **error);

/* Output formats, as a bit set. */
typedef enum {
  RENDER_FORMAT_PDF = 1 << 0,
  RENDER_FORMAT_PNG = 1 << 1,
  RENDER_FORMAT_SVG = 1 << 2,
} RenderFormat;

/* Writes the sheet of `g` as <dir>/<code>-<slug>.<ext> for each format in
 * `formats`; PNG at `dpi`; with m->tiles also <code>-<slug>-tiles-a4.pdf
 * (render-tile.c).  Each file is written to a temporary file in
 * `dir` and renamed into place only when complete. */
gboolean render_output_sheet(const RenderModel *m, const RenderGroup *g, const char *dir,
                             RenderFormat formats, double dpi, GError **error);
/* Writes the overview alone (<dir>/00-nasional.<ext>). */
gboolean render_output_overview(const RenderModel *m, const char *dir, RenderFormat formats,
                                double dpi, GError **error);
/* One document of the atlas: a PDF already written (the overview or a
 * sheet), its group code (NULL for the overview), its name for the
 * contents and bookmarks, and the page label used when code is NULL. */
typedef struct {
  const char *path;
  const char *code;
  const char *name;
  const char *label;
} RenderAtlasEntry;

/* Writes <dir>/atlas.pdf from the pages of entries[0..n) as they are,
 * behind contents pages with a link per entry, with one bookmark per
 * entry and page labels ("53", "33 (2)"). */
gboolean render_output_atlas(const RenderModel *m, const RenderAtlasEntry *entries, guint n,
                             const char *dir, GError **error);

/* ---- render-model.c: what a model's pages are drawn from ---- */

/* SHA-256 (hex) of what every page of `m` shares, written in `formats`
 * (PNG at `dpi`).  Caller frees with g_free. */
char *render_model_hash_common(const RenderModel *m, RenderFormat formats, double dpi);
/* Of what group g's sheet is drawn from, given the common hash.  Caller
 * frees with g_free. */
char *render_model_hash_group(const char *common, const RenderModel *m, const RenderGroup *g);
/* Of what the overview and the atlas are drawn from.  Caller frees with
 * g_free. */
char *render_model_hash_all(const char *common, const RenderModel *m);

/* How a field of RenderModel is held, for tests that change it. */
typedef enum {
  RENDER_MODEL_FIELD_POINTER,  /* an object: changed through its own fields */
  RENDER_MODEL_FIELD_PRESENCE, /* an object hashed as there or not */
  RENDER_MODEL_FIELD_BOOL,
  RENDER_MODEL_FIELD_INT, /* int or enum */
  RENDER_MODEL_FIELD_UINT,
  RENDER_MODEL_FIELD_INT64,
  RENDER_MODEL_FIELD_DOUBLE,
  RENDER_MODEL_FIELD_STRING,          /* const char * */
  RENDER_MODEL_FIELD_FEATURE_DOUBLES, /* const double *, one per feature */
  RENDER_MODEL_FIELD_FEATURE_INTS,    /* const int *, one per feature */
} RenderModelFieldKind;

/* One field of RenderModel and how the hashes above take it in. */
typedef struct {
  const char *name;
  gsize offset, size;
  RenderModelFieldKind kind;
  gboolean hashed; /* FALSE: `how` says why it need not be */
  const char *how;
} RenderModelField;

/* Every field of RenderModel, in the struct's order.  Returns: (transfer
 * none) n entries. */
const RenderModelField *render_model_fields(guint *n);

/* ---- pieces, public for tests ---- */

/* Chooses a scale bar for a map at `pt_per_m` points per metre no longer
 * than `max_pt`: a round length in km (1, 2, 5 x 10^n) and its length in
 * points.  Returns FALSE if nothing fits. */
gboolean render_scalebar_choose(double pt_per_m, double max_pt, double *km, double *len_pt);

/* A scale-bar tick's label: `km` with as many decimals as show it exactly
 * ("2,5", "0,25", "1.000"; "2.5" in English).  Returns: (transfer full)
 * g_free. */
char *render_scalebar_label(RenderLang lang, double km);

/* Reference values for the legend of proportional circles whose largest
 * value is `max`: up to 3 round values, largest first: the largest round
 * value (1, 1,5, 2, 2,5, 3, 4, 5, 6, 8 x 10^k) at most `max`, then the
 * round values (1, 2, 2,5, 5 x 10^k) nearest to a quarter and a sixteenth
 * of it, kept while smaller than the one before and with a radius at
 * least a fifth of the largest's; when max >= 1 only whole numbers.
 * Returns how many (0 when max <= 0 or not finite). */
guint render_symbols_references(double max, double out[3]);

/* The legend text of class i ("13,47 – < 49,33"; "13.47 – < 49.33" in
 * English).  Returns: (transfer full) g_free. */
char *render_legend_range(const GeoStyle *style, guint i, RenderLang lang);

/* "Nusa Tenggara Timur" -> "nusa-tenggara-timur"; never empty, never
 * contains '/' or starts with '.'.  Caller frees with g_free. */
char *render_slug(const char *name);

/* `date` (seconds since 1970, UTC) as the PDF metadata and the manifest
 * give it: "2026-01-01T00:00:00".  Caller frees with g_free. */
char *render_output_date_iso(gint64 date);

/* The one function that names output files: the sheet of `g`, or the
 * overview (00-nasional) when `g` is NULL, as `kind` "pdf", "png", "svg"
 * ("<code>-<slug>.pdf"), "tiles" ("<code>-<slug>-tiles-a4.pdf", in m's
 * tile paper), or NULL for the base name alone ("<code>-<slug>"; `m` may
 * then be NULL).  Caller frees with g_free. */
char *render_output_file_name(const RenderModel *m, const RenderGroup *g, const char *kind);
/* Every file the sheet of `g` (NULL: the overview) is written as for
 * `formats`: pdf, png, svg, then the tiles when m->tiles.  Caller frees
 * with g_strfreev. */
char **render_output_file_names(const RenderModel *m, const RenderGroup *g, RenderFormat formats);

/* The data-quality line of counts `q` in `lang`, `unit` naming a district
 * ("kab/kota"; NULL: "wilayah"): "Kualitas data: 2 kab/kota tanpa data;
 * 1 nilai tidak valid", or "Kualitas data: lengkap, 22 kab/kota berdata"
 * with *complete (may be NULL) TRUE.  Returns: (transfer full) g_free. */
char *render_quality_text(RenderLang lang, const GeoQuality *q, const char *unit,
                          gboolean *complete);
/* The same line in Indonesian straight from the report, for features
 * idx[0..n) (NULL: the whole layer): what the manifest hashes and tests
 * read.  Returns: (transfer full) g_free. */
char *render_quality_text_for(const GeoJoinReport *r, const GeoLayer *layer, const guint *idx,
                              guint n, const char *unit, gboolean *complete);

/* How often the work of a page's plan ran since the last reset, over
 * every thread: choosing a map's projection and page transform, sorting a
 * sheet's ranked table, running the coverage gap rule for a group
 * (render-plan.c).  For tests: a sheet written in any number of formats
 * counts one of each. */
typedef struct {
  guint projections, table_orders, priorities;
} RenderPlanCounters;
void render_plan_counters_get(RenderPlanCounters *out);
void render_plan_counters_reset(void);

/* ------------------------------------------------------------ fills */

/* The sea and the land around the group (countries, neighbouring
 * districts), chosen with the palettes' greys (render-fill.c). */
extern const GeoRgb render_sea_colour;
extern const GeoRgb render_land_colour;
/* Each --mono class is darker than the one below by at least this many
 * grey levels (mean over its texture tile). */
#define RENDER_MONO_STEP_MIN 15.0

/* Fills the current path (kept when `preserve`) as class `cls` (-1: no
 * data) of `style`: its colour, the no-data hatch, or with `mono` a grey
 * texture. */
void render_fill_path(cairo_t *cr, const GeoStyle *style, gboolean mono, int cls,
                      gboolean preserve);
/* The grey (0..255, geo_rgb_grey) a black-and-white copy makes of that
 * fill: the mean over one tile of a texture. */
double render_fill_grey(const GeoStyle *style, gboolean mono, int cls);
/* The mean grey (0..255) of --mono class `cls` (-1: no data) of
 * `n_classes`. */
double render_fill_mono_mean(guint n_classes, int cls);
/* The colour of district lines drawn on class `cls`'s fill: dark on light
 * fills, light on dark ones, so they stay visible on every class. */
GeoRgb render_fill_line(const GeoStyle *style, gboolean mono, int cls);
/* Strokes (and clears) the current path as district lines `width` wide on
 * class `cls`'s fill: in render_fill_line's grey, and on a --mono texture
 * over a white casing. */
void render_fill_stroke_line(cairo_t *cr, const GeoStyle *style, gboolean mono, int cls,
                             double width);

G_END_DECLS
