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
  double w, h;    /* the page */
  double margin;
  double title_size, subtitle_size, index_size; /* header: title, group, index name */
  double title_y, subtitle_y, index_y, rule_y;  /* tops of the header lines, rule under it */
  double title_w, index_w;                      /* their widths (ellipsised beyond) */
  gboolean index_inline; /* index name and date on one line under the group (portrait) */
  double footer_y;                              /* top of the footer */
  double label_size, number_size;               /* district names and numbers on the map */
  double neighbour_size;  /* names of neighbouring provinces and countries on the map */
  double graticule_size;  /* degree labels on the map frame */
  double logo_y, logo_h, logo_max_w; /* the logo's box in the title band (--logo) */
  double district_line, group_line;             /* district lines, the group's border */
  double block;      /* legend, inset and key figures are drawn scaled by this */
  double resolution; /* map vertices closer than this are thinned away */
  double speck;      /* map parts narrower than this are left out ... */
  double dot;        /* ... and a district of such parts is a dot this wide */
  double border_min; /* parts narrower than this get no heavy group border */
  RenderRect map;    /* the map frame */
  RenderRect column; /* legend, inset, key figures (landscape: right of the map, with the table below) */
  RenderRect table;  /* the ranked table: below the map in portrait; == column in landscape */
  int table_columns; /* columns of the ranked table on continuation pages */
  double table_min_row; /* the table's rows shrink to this before it continues */
  double inset_pt;   /* the locator inset's width on paper, PDF points */
  double png_dpi;    /* default PNG resolution: 300 on A4, 300 / k above */
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
  double step_x, step_y;  /* poster points from one tile to the next */
  double off_x, off_y;    /* poster point at the first tile's printed corner */
} RenderTiling;

/* Plans the tiling with the fewer pages of the two orientations of
 * `paper`.  FALSE (and no plan) when one tile would hold the poster. */
gboolean render_tile_plan(double poster_w, double poster_h, RenderPaper paper,
                          RenderTiling *out);
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
  const char *title;      /* "Peta Kerawanan Pemilu" */
  const char *index_name; /* "Indeks Kerawanan Pemilu (IKP) 2024" */
  const char *index_date; /* "Desember 2022" */
  const char *sources;    /* footer: data sources */
  const char *generated;  /* footer: generation date, "22 November 2026" */
  const char *marking;    /* security marking, or NULL */
  const char *organisation; /* who prepared the sheets, or NULL */
  const char *unit_name;  /* what a feature is: "kab/kota" */
  const char *group_kind; /* what a group is: "Provinsi" */
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

/* Draws the briefing sheet of group `g` starting on the current page of
 * `cr`.  On a PDF surface a ranked table too long for the sheet continues
 * on following pages (cairo_show_page between them, not after the last);
 * *pages_used (may be NULL) says how many. */
gboolean render_sheet_draw(cairo_t *cr, const RenderModel *m, const RenderGroup *g,
                           int *pages_used, GError **error);
/* Draws the national overview page. */
gboolean render_overview_draw(cairo_t *cr, const RenderModel *m, GError **error);

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

/* ---- pieces, public for tests ---- */

/* Chooses a scale bar for a map at `pt_per_m` points per metre no longer
 * than `max_pt`: a round length in km (1, 2, 5 x 10^n) and its length in
 * points.  Returns FALSE if nothing fits. */
gboolean render_scalebar_choose(double pt_per_m, double max_pt, double *km, double *len_pt);

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

G_END_DECLS
