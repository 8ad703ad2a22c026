/* render-private.h — drawing helpers shared by the files of render/. */
#pragma once

#include "render.h"
#include "render-plan.h"

#include <pango/pangocairo.h>
#include <stdio.h>

#define RENDER_FONT "Noto Sans"
#define RENDER_MARGIN 28.0

typedef enum { RENDER_ALIGN_LEFT, RENDER_ALIGN_CENTER, RENDER_ALIGN_RIGHT } RenderAlign;

/* Draws `text` (pango markup when `markup`) with its top-left (or top
 * centre / top right per `align`) at (x, y), at most `max_w` wide (0 =
 * unlimited): never cut, a text too wide is set smaller, down to 80 %,
 * then wrapped.  Returns the height used. */
double render_text(cairo_t *cr, const char *text, double size, gboolean bold, double x, double y,
                   double max_w, RenderAlign align);
/* A pango layout of `text` in the sheet's font.  Returns: (transfer full)
 * g_object_unref. */
PangoLayout *render_text_layout_new(cairo_t *cr, const char *text, double size, gboolean bold,
                                    gboolean italic);
/* Ink-free logical size of `text` at `size`. */
void render_text_size(cairo_t *cr, const char *text, double size, gboolean bold, double *w,
                      double *h);
/* Draws text centred at (x, y) with a white halo, for map labels. */
void render_text_halo(cairo_t *cr, const char *text, double size, double x, double y);

void render_set_rgb(cairo_t *cr, GeoRgb c);
/* Fills the current path (kept when `preserve`) as class `cls` (-1: no
 * data) of the map: the style's colour, or with --mono a grey with a
 * texture per class (render_fill_path). */
void render_class_fill(cairo_t *cr, const RenderModel *m, int cls, gboolean preserve);
/* Fills the current path (kept when `preserve`) as model feature
 * `feature` on the map: its class's fill (render_class_fill), or its own
 * colour in the test drawing mode (render-debug.c). */
void render_feature_fill(cairo_t *cr, const RenderModel *m, guint feature, gboolean preserve);
/* TRUE in the hidden test drawing mode (PETARAWAN_DEBUG_IDS=1). */
gboolean render_debug_ids(void);

/* Map coordinates (metres) to page points. */
static inline void
render_map_xf(const RenderMapXf *t, double x, double y, double *px, double *py)
{
  *px = t->ox + (x - t->cx) * t->s;
  *py = t->oy - (y - t->cy) * t->s;
}

/* Typical district sizes (layout points) below which district lines thin
 * to a hairline, and below which they are left out. */
#define RENDER_MAP_THIN_LINES_PT 8.0
#define RENDER_MAP_NO_LINES_PT 3.0

/* Width and height of ring r on the page, in points, and its box's centre. */
void render_map_ring_size(const GeoShapes *s, guint r, const RenderMapXf *t, double *w, double *h,
                          double *cx, double *cy);
typedef struct RenderLandMask RenderLandMask; /* render-borders.c */
/* Adds the outline of features idx[0..n) of `s` (NULL: all) to the path as
 * open lines along the edges no two of its rings share; islets narrower
 * than `min_pt` on the page are left out (render-map-path.c).  With
 * `land`, only the pieces lying on its land (a land border, not the
 * coast). */
void render_map_path_outline(cairo_t *cr, const GeoShapes *s, const guint *idx, guint n,
                             const RenderMapXf *t, double min_pt, const RenderLandMask *land);
/* The median size of the features of `s` on the page, in points. */
double render_map_typical_size(const GeoShapes *s, const RenderMapXf *t);

/* An edge between two points (map units), the same whichever way it is
 * walked: keys of the hash tables that find shared borders. */
typedef struct {
  double a[2], b[2];
} RenderEdge;
RenderEdge render_edge_make(const double *p, const double *q);
guint render_edge_hash(gconstpointer k);
gboolean render_edge_equal(gconstpointer x, gconstpointer y);
/* Orders edges by their coordinates (for output that repeats). */
int render_edge_cmp(gconstpointer x, gconstpointer y);

/* Adds feature f of s to the current path with shells turned one way and
 * holes the other, for filling with CAIRO_FILL_RULE_WINDING (specks left
 * out or made a dot as t->speck and t->dot say). */
void render_map_path_feature(cairo_t *cr, const GeoShapes *s, guint f, const RenderMapXf *t);

/* ---- render-borders.c: land borders, decided on the page ---- */
/* The land of every feature of sets[0..n) (NULL entries skipped),
 * rasterised over `frame` and grown by `reach` points.
 * Caller frees with render_land_mask_free. */
RenderLandMask *render_land_mask_new(RenderRect frame, const GeoShapes *const *sets, guint n_sets,
                                     const RenderMapXf *t, double reach);
void render_land_mask_free(RenderLandMask *mk);
/* Whether page point (x, y) lies on the mask's land (FALSE off the frame). */
gboolean render_land_mask_covers(const RenderLandMask *mk, double x, double y);
/* Adds the pieces of the page segment (x0,y0)-(x1,y1) that lie on the
 * mask's land to the path; *open says whether the current point ends a
 * run that the next piece continues (updated). */
void render_land_mask_segment(cairo_t *cr, const RenderLandMask *mk, double x0, double y0,
                              double x1, double y1, gboolean *open);
/* The international borders: edges two of the countries `cs` share, and
 * the outer edges of the districts ours[0..n) (the group and its
 * neighbours; NULL entries skipped) that run within `reach` points of a
 * country's land.  Strokes them 2 reach wide in the land's grey (drawn
 * before the districts: it closes the sea between a coarse country and
 * the districts) and returns them for render_borders_symbol; NULL without
 * countries.  The current path is cleared. */
cairo_path_t *render_borders_underlay(cairo_t *cr, const GeoShapes *cs,
                                      const GeoShapes *const *ours, guint n_ours, RenderRect frame,
                                      const RenderMapXf *t, double reach);
/* Strokes `path` (taken: destroyed here; NULL: nothing) with the border
 * symbol: dashes 1.4 width wide on a 2.2 width white casing. */
void render_borders_symbol(cairo_t *cr, cairo_path_t *path, double width);

/* Boxes inside the map frame kept free of labels for the scale bar, the
 * north arrow and the projection note (render-sheet.c draws them there). */
void render_map_reserved(RenderRect frame, RenderRect out[3]);

/* What is placed on a map so far, so that nothing overlaps: the reserved
 * corners, graticule labels, district labels, neighbours' names, in that
 * order (each later kind avoids the earlier ones). */
typedef struct {
  double x0, y0, x1, y1;
} RenderBox;
typedef struct {
  GArray *boxes;    /* RenderBox, page points, in the order taken */
  RenderRect frame; /* everything stays inside */
  GHashTable *grid; /* cell -> GArray of box indices (a village map has thousands) */
} RenderLabelSpace;
void render_label_space_init(RenderLabelSpace *sp, RenderRect frame);
void render_label_space_clear(RenderLabelSpace *sp);
/* TRUE when `b` lies inside the frame (1 pt in) and meets no box. */
gboolean render_label_space_fits(const RenderLabelSpace *sp, RenderBox b);
/* The same, ignoring the box taken `skip`-th (G_MAXUINT: none). */
gboolean render_label_space_fits_except(const RenderLabelSpace *sp, RenderBox b, guint skip);
void render_label_space_take(RenderLabelSpace *sp, RenderBox b);

/* Which of the group's districts shows where inside a map frame, one
 * cell per layout point (render-label-mask.c). */
typedef struct {
  guint32 *owner; /* w x h: feature index + 1 of the district drawn on top, 0 none */
  RenderRect frame;
  int w, h;
} RenderLabelMask;
/* The mask of the features of `gs` (model features sel[i]) drawn with `t`
 * inside `frame`, in the order render_map_draw fills them.  Caller frees
 * with render_label_mask_free. */
RenderLabelMask *render_label_mask_new(const RenderModel *m, const GeoShapes *gs, const guint *sel,
                                       const RenderMapXf *t, RenderRect frame);
void render_label_mask_free(RenderLabelMask *mask);
/* The feature index + 1 drawn on top at page point (x, y), 0 for none. */
guint render_label_mask_owner(const RenderLabelMask *mask, double x, double y);
/* The share (0..1) of box `b` that lies on the group's land; 1 outside
 * the frame. */
double render_label_mask_land(const RenderLabelMask *mask, RenderBox b);
/* The share (0..1) of box `b` over another district of the group than
 * `feature`. */
double render_label_mask_other(const RenderLabelMask *mask, RenderBox b, guint feature);
/* The point of feature `feature` farthest inside what shows of it, and
 * that distance (points).  FALSE when none of it shows. */
gboolean render_label_mask_pole(const RenderLabelMask *mask, guint feature, double *x, double *y,
                                double *d);

/* Degree ticks on the frame (render-graticule.c).  A tick is where a
 * meridian (top and bottom edges) or a parallel (left and right) crosses
 * the frame. */
typedef enum {
  RENDER_SIDE_TOP,
  RENDER_SIDE_RIGHT,
  RENDER_SIDE_BOTTOM,
  RENDER_SIDE_LEFT
} RenderSide;
typedef struct {
  RenderSide side;
  double pos;   /* page x (top, bottom) or y (left, right) on the edge */
  double value; /* longitude (top, bottom) or latitude (left, right), degrees */
} RenderTick;
/* The ticks every `step` degrees of the map drawn with `proj` and `t` in
 * `frame`, searching meridians and parallels over `lonlat` (lon0, lat0,
 * lon1, lat1; must cover the frame).  Sorted by side, then position.
 * Returns: (transfer full) GArray of RenderTick, or NULL on a PROJ error. */
GArray *render_graticule_ticks(GeoProj *proj, const RenderMapXf *t, RenderRect frame,
                               const double lonlat[4], double step, GError **error);
/* The interval (1′ to 10°) that puts at most 6 ticks on every side and as
 * many as that allows, or 0 when even 10° gives more. */
double render_graticule_step(GeoProj *proj, const RenderMapXf *t, RenderRect frame,
                             const double lonlat[4]);
/* "8°LS", "122°BT", "6°30′LS", "0°" (id); "8°S", "122°E" (en).  `step`
 * says whether minutes are needed.  Returns: (transfer full) g_free. */
char *render_graticule_label(RenderLang lang, double value, gboolean is_lon, double step);
/* The ticks of the map drawn with `proj` and `t` in `frame` whose context
 * covers `lonlat`, at the interval render_graticule_step picks (*step; no
 * ticks when even 10° gives too many): what the page's plan keeps.
 * Returns: (transfer full) GArray of RenderTick, or NULL on a PROJ error. */
GArray *render_graticule_plan(GeoProj *proj, const RenderMapXf *t, RenderRect frame,
                              const double lonlat[4], double *step, GError **error);
/* Draws `ticks` (step apart) and their labels inside the frame, taking
 * the labels' room in `sp`. */
void render_graticule_draw(cairo_t *cr, const RenderModel *m, const GArray *ticks, double step,
                           RenderRect frame, RenderLabelSpace *sp);

/* Names of what lies around the sheet's group (render-neighbours.c):
 * neighbouring groups (from the layer's features `nsel` projected as `ns`)
 * and countries (the context layer's `csel`, projected as `cs`), each in
 * the largest free spot of its visible part, in grey italic; a country
 * whose visible part is too small for its name is named in the sea beside
 * it, off the group's districts `gs`.  Any of the shape sets may be NULL. */
void render_neighbours_draw(cairo_t *cr, const RenderModel *m, const GeoShapes *ns,
                            const guint *nsel, const GeoShapes *cs, const guint *csel,
                            const GeoShapes *gs, const RenderMapXf *t, RenderLabelSpace *sp,
                            gboolean countries);

/* Draws the logo with its top-left at (x, y), `height` high (less when
 * `max_w` is reached), aspect kept.  Returns the width drawn (0 without
 * a logo). */
double render_logo_draw(cairo_t *cr, const RenderLogo *logo, double x, double y, double height,
                        double max_w);

/* The style's legend title and the name of class i in the model's
 * language (render-lang.c).  Returns: (transfer none); the label may be
 * NULL. */
const char *render_style_title(const RenderModel *m);
const char *render_style_label(const RenderModel *m, guint i);

/* Labels every district of group g drawn as `gs` with `t` (render-labels.c),
 * numbering them by `rank` (1-based, rank[i] for feature i of gs), with
 * `priority` (may be NULL) flagging reinforcement priorities, taking
 * their room in `sp`.  Returns the number that could not be placed. */
guint render_map_labels(cairo_t *cr, const RenderModel *m, const RenderGroup *g,
                        const GeoShapes *gs, const guint *rank, const gboolean *priority,
                        const RenderMapXf *t, RenderLabelSpace *sp);

/* The overview's map by group (render-overview-map.c).  A mark is a
 * group's number disc (page points) with its anchor on the group, and its
 * name when --only left other groups out. */
typedef struct {
  guint group, rank;        /* index in m->groups; row in the overview's table */
  double ax, ay, clearance; /* anchor: pole of the group's largest part */
  RenderBox box;            /* the group's box on the page */
  gboolean small;           /* too small to hold its disc: disc beside it */
  double x, y, r;           /* the disc */
  gboolean placed, leader;
  char *name; /* NULL: not named */
  double name_x, name_y;
  gboolean name_placed;
} RenderOverviewMark;
/* Borders between groups, heavier than district lines; with --only the
 * chosen groups cased. */
void render_overview_borders_draw(cairo_t *cr, const RenderModel *m, const GeoShapes *gs,
                                  const RenderMapXf *t);
/* Places every group's mark in `sp` (plan: the overview's).  Returns: (transfer full) free with render_overview_marks_free. */
GArray *render_overview_marks_place(cairo_t *cr, const RenderPlan *plan, RenderLabelSpace *sp);
void render_overview_marks_draw(cairo_t *cr, const RenderModel *m, const GArray *marks);
void render_overview_marks_free(GArray *marks);
/* The row of each group (index in m->groups) in the overview's ranked
 * table, from 1.  Returns: (transfer full) g_free. */
guint *render_overview_ranks(const RenderPlan *plan);

/* Draws the map of `plan` in its frame (render-map.c): sea, grey land
 * around, fills, lines, priorities, circles, degree ticks and, with
 * `labels`, district and neighbour names.  *unlabelled (may be NULL) gets
 * the number of districts no label could be placed for.  Nothing here
 * can fail: all PROJ work is in the plan. */
void render_map_draw(cairo_t *cr, const RenderPlan *plan, gboolean labels, guint *unlabelled);

/* The locator inset inside `box`, the group highlighted. */
void render_inset_draw(cairo_t *cr, const RenderInset *inset, const RenderGroup *g, RenderRect box);
/* Height an inset `width` wide needs. */
double render_inset_height(const RenderInset *inset, double width);

/* Legend: title (title_w wide), then rows `w` wide: one swatch per class with range and count, no data.
 * counts (the plan's) has n_classes + 1 entries, the last for no data.  Returns height. */
double render_legend_draw(cairo_t *cr, const RenderModel *m, const guint *counts, double x,
                          double y, double title_w, double w);
/* Scale bar with its label at bottom-left (x, y) and a north arrow. */
void render_scalebar_draw(cairo_t *cr, double pt_per_m, double x, double y, double max_w,
                          RenderLang lang);
void render_north_arrow_draw(cairo_t *cr, double x, double y, double size, RenderLang lang);

/* The group's features in table order (highest value first, no data
 * last, ties by key); the map numbers districts by this rank.  Called
 * once per sheet, by its plan.  Caller frees with g_free. */
guint *render_table_order(const RenderModel *m, const RenderGroup *g);

/* "Kabupaten X" -> "Kab. X", "Kota Administrasi X" -> "Kota Adm. X", for
 * tables.  Caller frees with g_free. */
char *render_table_name(const char *name);

/* Smallest table row on A4, in points (type 5.9 pt): below this the
 * table continues on another page instead of shrinking.  Posters have
 * their own (RenderPage.table_min_row). */
#define RENDER_TABLE_MIN_ROW 7.2

/* Rows first.. of the plan's ranked table inside `box`, as many as fit;
 * with `note_rest` the last line says how many more there are when not
 * all fit.  Returns the rows drawn. */
guint render_table_draw(cairo_t *cr, const RenderPlan *plan, guint first, RenderRect box,
                        gboolean note_rest);

/* Page furniture: header band, footer with page number, marking. */
void render_page_header(cairo_t *cr, const RenderModel *m, const char *subtitle);
/* The footer: sources, who made it and when, and `mark` at the right
 * ("Lembar 53", "Lembar 33 (2)", "Ikhtisar"). */
void render_page_footer(cairo_t *cr, const RenderModel *m, const char *mark);

/* A file being written: a temporary file in its final folder, renamed
 * into place by render_file_close only when complete (render-output.c). */
typedef struct {
  char *final_path;
  char *tmp_path;
  FILE *fp;
  int error; /* first errno seen */
} RenderFile;

gboolean render_file_open(RenderFile *rf, const char *dir, const char *name, GError **error);
/* A cairo write function: closure is the RenderFile. */
cairo_status_t render_file_write(void *closure, const unsigned char *data, unsigned int len);
/* Finishes the file: when `ok` (and every write succeeded) fsyncs and
 * renames it into place, else removes it; a write failure sets `error`. */
gboolean render_file_close(RenderFile *rf, gboolean ok, GError **error);

/* Draws the plan's data-quality line at y, `w` wide.  Returns the height
 * used. */
double render_sheet_quality(cairo_t *cr, const RenderPlan *plan, double x, double y, double w);

/* ---- render-figures.c: key figures and reinforcement priorities ---- */

/* The coverage gap rule for group g (geo_figures_priorities with the top
 * class and the doctrine of the model), or NULL when the model has no
 * officers or TPS.  Called by the plans only: once per sheet, once per
 * group on the overview.  Caller frees with geo_priorities_free. */
GeoPriorities *render_figures_priorities(const RenderModel *m, const RenderGroup *g);
/* The mark of a priority in the table and the legend: a small black
 * triangle with a white edge, centred at (x, y), `size` high. */
void render_figures_mark(cairo_t *cr, double x, double y, double size);
/* Outlines the features of `s` flagged in `flags` as priorities: a heavy
 * black line on a white casing, legible on every class colour, in grey and
 * with --mono. */
void render_figures_outline(cairo_t *cr, const GeoShapes *s, const gboolean *flags,
                            const RenderMapXf *t);
/* Legend rows under the class legend: the priority outline with its count
 * (when the model has coverage figures) and the proportional circles
 * (when it has symbols).  Returns the height used. */
double render_figures_legend_draw(cairo_t *cr, const RenderModel *m, const RenderGroup *g,
                                  const GeoPriorities *pr, double x, double y, double w);
/* The key figures (districts, top class, mean score; personnel by type,
 * TPS, DPT and their ratios) and the list of reinforcement priorities of
 * the plan's sheet.  Returns the height used. */
double render_figures_draw(cairo_t *cr, const RenderPlan *plan, double x, double y, double w);

/* ---- render-symbols.c: proportional circles ---- */

/* Radius of the largest circle on a map of n districts: smaller the more
 * districts share the frame, so that they do not bury the map (on a sheet
 * 13 pt for a province's kab/kota, 4 pt for hundreds of kecamatan; on the
 * overview 9 pt for provinces, 3,5 pt for 514 kab/kota). */
double render_symbols_radius_max(gboolean sheet, guint n);
/* Largest symbol value over features idx[0..n) (all when idx is NULL);
 * 0 when none is positive. */
double render_symbols_max(const RenderModel *m, const guint *idx, guint n);
/* Circles over the features of `s` (feature i is model feature sel[i]) at
 * the pole of each one's largest part, area proportional to the value,
 * the largest `r_max` for value `v_max`; largest drawn first. */
void render_symbols_draw(cairo_t *cr, const RenderModel *m, const GeoShapes *s, const guint *sel,
                         const RenderMapXf *t, double r_max, double v_max);
/* The circles' legend: title, then nested reference circles with their
 * values.  Returns the height used (0 without symbols). */
double render_symbols_legend_draw(cairo_t *cr, const RenderModel *m, double v_max, double r_max,
                                  double x, double y, double w);

/* Draws the tiles of `poster` (a surface of pw x ph points, replayed into
 * every tile) onto `cr`, whose pages are tiling t's paper: an index page,
 * then one page per tile, cairo_show_page between them, not after the
 * last.  `title` names the poster on every page; the fixed text is in
 * `lang`. */
gboolean render_tile_draw(cairo_t *cr, cairo_surface_t *poster, double pw, double ph,
                          const RenderTiling *t, const char *title, RenderLang lang);
