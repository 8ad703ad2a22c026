/* render-private.h — drawing helpers shared by the files of render/. */
#pragma once

#include "render.h"

#include <pango/pangocairo.h>

#define RENDER_FONT "Noto Sans"
#define RENDER_MARGIN 28.0

typedef struct {
  double x, y, w, h;
} RenderRect;

typedef enum { RENDER_ALIGN_LEFT, RENDER_ALIGN_CENTER, RENDER_ALIGN_RIGHT } RenderAlign;

/* Draws `text` (pango markup when `markup`) with its top-left (or top
 * centre / top right per `align`) at (x, y), at most `max_w` wide
 * (ellipsised; 0 = unlimited).  Returns the height used. */
double render_text(cairo_t *cr, const char *text, double size, gboolean bold, double x, double y,
                   double max_w, RenderAlign align);
/* Ink-free logical size of `text` at `size`. */
void render_text_size(cairo_t *cr, const char *text, double size, gboolean bold, double *w,
                      double *h);
/* Draws text centred at (x, y) with a white halo, for map labels. */
void render_text_halo(cairo_t *cr, const char *text, double size, double x, double y);

void render_set_rgb(cairo_t *cr, GeoRgb c);
/* Sets the source for class `cls` (-1: no data): the style's colour, or
 * with --mono a grey with a texture per class. */
void render_class_source(cairo_t *cr, const RenderModel *m, int cls);
/* A diagonal hatch over `base`, for no data.  Caller destroys. */
cairo_pattern_t *render_hatch_pattern(GeoRgb base);

/* The map of one group (g != NULL) or of every feature (overview) inside
 * `frame`, projected with `proj` (NULL: chosen here).  Reports the scale it
 * drew at and the projection's name. */
typedef struct {
  double pt_per_m;
  char *proj_name;
  double centre_lon, centre_lat;
  guint unlabelled; /* districts no label could be placed for */
} RenderMapInfo;

/* Map coordinates (metres) to page points. */
typedef struct {
  double ox, oy; /* page position of the map centre */
  double cx, cy; /* map centre, metres */
  double s;      /* points per metre */
  gboolean clip; /* clip rings to `box` (page points) before drawing */
  double box[4]; /* x0, y0, x1, y1 */
} RenderMapXf;

/* Adds feature f of s to the current path with shells turned one way and
 * holes the other, for filling with CAIRO_FILL_RULE_WINDING. */
void render_map_path_feature(cairo_t *cr, const GeoShapes *s, guint f, const RenderMapXf *t);

/* Boxes inside the map frame kept free of labels for the scale bar, the
 * north arrow and the projection note (render-sheet.c draws them there). */
void render_map_reserved(RenderRect frame, RenderRect out[3]);

gboolean render_map_draw(cairo_t *cr, const RenderModel *m, const RenderGroup *g, RenderRect frame,
                         gboolean labels, RenderMapInfo *info, GError **error);
void render_map_info_clear(RenderMapInfo *info);

/* The locator inset inside `box`, the group highlighted. */
void render_inset_draw(cairo_t *cr, const RenderInset *inset, const RenderGroup *g, RenderRect box);
/* Height an inset `width` wide needs. */
double render_inset_height(const RenderInset *inset, double width);

/* Legend: title (title_w wide), then rows `w` wide: one swatch per class with range and count, no data.
 * counts has n_classes + 1 entries, the last for no data.  Returns height. */
double render_legend_draw(cairo_t *cr, const RenderModel *m, const guint *counts, double x, double y,
                          double title_w, double w);
/* Scale bar with its label at bottom-left (x, y) and a north arrow. */
void render_scalebar_draw(cairo_t *cr, double pt_per_m, double x, double y, double max_w);
void render_north_arrow_draw(cairo_t *cr, double x, double y, double size);

/* The group's features in table order (highest value first, no data
 * last, ties by key); the map numbers districts by this rank.  Caller
 * frees with g_free. */
guint *render_table_order(const RenderModel *m, const RenderGroup *g);

/* Smallest table row, in points (type about 4.8 pt): below this the
 * table continues on another page instead of shrinking. */
#define RENDER_TABLE_MIN_ROW 7.2

/* Rows first.. of the ranked table (order from render_table_order, n rows
 * in all) inside `box`, as many as fit; with `note_rest` the last line says
 * how many more there are when not all fit.  Returns the rows drawn. */
guint render_table_draw(cairo_t *cr, const RenderModel *m, const guint *order, guint first, guint n,
                        RenderRect box, gboolean note_rest);

/* Page furniture: header band, footer with page number, marking. */
void render_page_header(cairo_t *cr, const RenderModel *m, const char *subtitle);
void render_page_footer(cairo_t *cr, const RenderModel *m, int page);

/* Counts per class (and no data, last) over features idx[0..n), or every
 * feature when idx is NULL.  Caller frees with g_free. */
guint *render_sheet_counts(const RenderModel *m, const guint *idx, guint n);
/* Draws the data-quality line of features idx[0..n) (NULL: all) at y,
 * `w` wide.  Returns the height used. */
double render_sheet_quality(cairo_t *cr, const RenderModel *m, const guint *idx, guint n, double x,
                            double y, double w);

/* Integer value of a joined column for feature f, or -1 if absent/bad. */
double render_field_number(const RenderModel *m, int field, guint f);
