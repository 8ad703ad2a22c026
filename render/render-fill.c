/* render-fill.c — what a district is filled with, and the colours around
 * it: the class colours, the no-data hatch, the --mono textures, the sea
 * and the land around the group, and the grey a black-and-white copy makes
 * of each.
 *
 * A briefing is photocopied before it is read, so every fill is also
 * measured as grey here (render_fill_grey: the mean over one tile of the
 * texture, as geo_rgb_grey converts colours), and the tests hold sea, land,
 * no data and every class of every built-in style apart by
 * GEO_GREY_STEP_MIN levels, the --mono classes by RENDER_MONO_STEP_MIN. */
#include "render-private.h"

#include <math.h>

/* The greys a copy makes of the page, light to dark, each pair at least
 * GEO_GREY_STEP_MIN (12) apart with a margin: white paper 255, sea 250,
 * land around the group 237, no data 222 (the styles' #efefef hatched),
 * then the classes from at most 207 down to about 45: the built-in
 * palettes keep their lightest class at or below 207 (README). */
const GeoRgb render_sea_colour = {0xf6 / 255.0, 0xfb / 255.0, 0xff / 255.0}; /* #f6fbff, grey 250 */
const GeoRgb render_land_colour = {0xed / 255.0, 0xed / 255.0,
                                   0xea / 255.0}; /* #ededea, grey 237 */

/* --mono: the mean grey of the lightest and the darkest class and of no
 * data (dots); classes in between evenly spaced (7 classes: 27 apart). */
#define RENDER_FILL_MONO_LIGHT 207.0
#define RENDER_FILL_MONO_DARK 45.0
#define RENDER_FILL_MONO_NODATA 222.0
/* District lines are dark grey (71) on fills at least this light, light
 * grey (235) on darker ones, where a dark line would vanish. */
#define RENDER_FILL_LINE_SWITCH 125.0

/* The patterns left (the no-data hatch and dots, on light grounds) hold
 * RENDER_FILL_CELLS x RENDER_FILL_CELLS cells a tile: poppler (and some
 * printers' RIPs) leave a hairline seam of what lies under a pattern
 * between its tiles; bigger tiles make the seams rarer. */
#define RENDER_FILL_CELLS 8

/* Strokes the ink lines of texture `kind` `width` wide over the current
 * clip: 1 diagonal lines (where x + y is a multiple of `cell`), 2
 * cross-hatch (also x - y); other kinds draw nothing.  The lines lie on
 * one grid of the page, so neighbouring districts' textures join. */
static void
render_fill_ink(cairo_t *cr, int kind, double cell, double width)
{
  if (kind != 1 && kind != 2)
    return;
  double x0, y0, x1, y1;
  cairo_clip_extents(cr, &x0, &y0, &x1, &y1);
  y0 -= width;
  y1 += width;
  for (double m = floor((x0 + y0) / cell) - 1; m <= ceil((x1 + y1) / cell) + 1; m++) {
    cairo_move_to(cr, m * cell - y0, y0);
    cairo_line_to(cr, m * cell - y1, y1);
  }
  if (kind == 2)
    for (double m = floor((x0 - y1) / cell) - 1; m <= ceil((x1 - y0) / cell) + 1; m++) {
      cairo_move_to(cr, m * cell + y0, y0);
      cairo_line_to(cr, m * cell + y1, y1);
    }
  cairo_set_line_width(cr, width);
  cairo_stroke(cr);
}

/* A repeating pattern of one recorded `tile` point tile.  Returns:
 * (transfer full) cairo_pattern_destroy. */
static cairo_pattern_t *
render_fill_tile_pattern(cairo_surface_t *rec)
{
  cairo_pattern_t *pat = cairo_pattern_create_for_surface(rec);
  cairo_pattern_set_extend(pat, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy(rec);
  return pat;
}

/* A diagonal hatch over `base`, for no data.  Returns: (transfer full)
 * cairo_pattern_destroy. */
static cairo_pattern_t *
render_fill_hatch(GeoRgb base)
{
  const double cell = 4.0, tile = cell * RENDER_FILL_CELLS;
  cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA,
                                                        &(cairo_rectangle_t){0, 0, tile, tile});
  cairo_t *cr = cairo_create(rec);
  render_set_rgb(cr, base);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, base.r * 0.55, base.g * 0.55, base.b * 0.55);
  cairo_rectangle(cr, 0, 0, tile, tile);
  cairo_clip(cr);
  render_fill_ink(cr, 1, cell, 0.45);
  cairo_destroy(cr);
  return render_fill_tile_pattern(rec);
}

/* The share of the area that `kind`'s ink (render_fill_ink, lines
 * `width` wide, `size` point cells) covers, measured on one cell at 32
 * pixels a point. */
static double
render_fill_ink_share(int kind, double size, double width)
{
  const double scale = 32.0;
  int px = (int)lround(size * scale);
  cairo_surface_t *mask = cairo_image_surface_create(CAIRO_FORMAT_A8, px, px);
  cairo_t *cr = cairo_create(mask);
  cairo_scale(cr, scale, scale);
  cairo_rectangle(cr, 0, 0, size, size);
  cairo_clip(cr);
  render_fill_ink(cr, kind, size, width);
  cairo_destroy(cr);
  cairo_surface_flush(mask);
  const unsigned char *data = cairo_image_surface_get_data(mask);
  int stride = cairo_image_surface_get_stride(mask);
  double sum = 0;
  for (int y = 0; y < px; y++)
    for (int x = 0; x < px; x++)
      sum += data[(gsize)y * stride + x];
  cairo_surface_destroy(mask);
  return sum / (255.0 * px * px);
}

/* Fills the current path (kept when `preserve`) with a --mono texture of
 * `size` point cells whose mean grey is `mean` (0 black .. 1 white):
 * black ink of `kind` (0 none, 1 diagonal lines, 2 cross-hatch) over the
 * ground grey that gives that mean.  All ink is black: white lines on a
 * dark ground read as halos and light district lines, and lighten the
 * mean they are meant to darken.  The lines are drawn, clipped to the
 * path, not tiled as a pattern: poppler and some printers leave a hairline
 * seam between a pattern's tiles, which printed a light grid over the dark
 * classes and lightened them by up to 17 grey levels. */
static void
render_fill_texture(cairo_t *cr, double mean, int kind, double size, gboolean preserve)
{
  double width = kind == 2 ? 0.4 : 0.5;
  double share = kind == 0 ? 0.0 : render_fill_ink_share(kind, size, width);
  double ground = CLAMP(mean / (1.0 - share), 0.0, 1.0);
  cairo_path_t *path = preserve && kind != 0 ? cairo_copy_path(cr) : NULL;
  cairo_set_source_rgb(cr, ground, ground, ground);
  if (kind == 0) {
    if (preserve)
      cairo_fill_preserve(cr);
    else
      cairo_fill(cr);
    return;
  }
  cairo_save(cr);
  cairo_fill_preserve(cr);
  cairo_clip(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  render_fill_ink(cr, kind, size, width);
  cairo_restore(cr);
  if (path != NULL) {
    cairo_new_path(cr);
    cairo_append_path(cr, path);
    cairo_path_destroy(path);
  }
}

/* --mono no data: black dots on white, as grey as `mean` on average,
 * unlike any class's lines.  Returns: (transfer full)
 * cairo_pattern_destroy. */
static cairo_pattern_t *
render_fill_dots(double mean, double size)
{
  double tile = size * RENDER_FILL_CELLS;
  cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA,
                                                        &(cairo_rectangle_t){0, 0, tile, tile});
  cairo_t *cr = cairo_create(rec);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  double r = sqrt((1.0 - mean) * size * size / G_PI);
  for (int i = 0; i < RENDER_FILL_CELLS; i++)
    for (int j = 0; j < RENDER_FILL_CELLS; j++) {
      cairo_new_sub_path(cr);
      cairo_arc(cr, (i + 0.5) * size, (j + 0.5) * size, r, 0, 2 * G_PI);
    }
  cairo_fill(cr);
  cairo_destroy(cr);
  return render_fill_tile_pattern(rec);
}

double
render_fill_mono_mean(guint n_classes, int cls)
{
  if (cls < 0)
    return RENDER_FILL_MONO_NODATA;
  guint n = MAX(n_classes, 2);
  return RENDER_FILL_MONO_LIGHT -
         (RENDER_FILL_MONO_LIGHT - RENDER_FILL_MONO_DARK) * cls / (double)(n - 1);
}

void
render_fill_path(cairo_t *cr, const GeoStyle *st, gboolean mono, int cls, gboolean preserve)
{
  cairo_pattern_t *pat = NULL;
  if (!mono) {
    pat = cls >= 0
              ? cairo_pattern_create_rgb(st->colours[cls].r, st->colours[cls].g, st->colours[cls].b)
              : render_fill_hatch(st->nodata);
  } else if (cls < 0) {
    /* --mono no data: dots on white, lighter than any class.  Tiled: a
     * seam shows only the white of the page or the sea beneath. */
    pat = render_fill_dots(render_fill_mono_mean(st->n_classes, -1) / 255.0, 3.5);
  }
  if (pat != NULL) {
    cairo_set_source(cr, pat);
    cairo_pattern_destroy(pat);
    if (preserve)
      cairo_fill_preserve(cr);
    else
      cairo_fill(cr);
    return;
  }
  /* --mono classes differ in grey, evenly spaced from light to dark by
   * their mean, and in texture: plain, then lines and cross-hatch in
   * turn. */
  int kind = cls == 0 ? 0 : (cls % 2 == 1 ? 1 : 2);
  render_fill_texture(cr, render_fill_mono_mean(st->n_classes, cls) / 255.0, kind, 3.5, preserve);
}

void
render_class_fill(cairo_t *cr, const RenderModel *m, int cls, gboolean preserve)
{
  render_fill_path(cr, m->style, m->mono, cls, preserve);
}

GeoRgb
render_fill_line(const GeoStyle *st, gboolean mono, int cls)
{
  static const GeoRgb dark = {0.28, 0.28, 0.28}, light = {0.92, 0.92, 0.92};
  return render_fill_grey(st, mono, cls) >= RENDER_FILL_LINE_SWITCH ? dark : light;
}

void
render_fill_stroke_line(cairo_t *cr, const GeoStyle *st, gboolean mono, int cls, double width)
{
  /* A --mono texture's own black lines hide a plain district line of any
   * grey: the line gets a white casing that interrupts the texture. */
  if (mono && cls > 0) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, width * 3.2);
    cairo_stroke_preserve(cr);
  }
  render_set_rgb(cr, render_fill_line(st, mono, cls));
  cairo_set_line_width(cr, width);
  cairo_stroke(cr);
}

double
render_fill_grey(const GeoStyle *st, gboolean mono, int cls)
{
  if (!mono && cls >= 0)
    return geo_rgb_grey(st->colours[cls]);
  /* Drawn as the map draws it, on a square of 8 texture tiles (28 pt, 7
   * hatch tiles of 4 pt) at 16 pixels a point over white, each pixel's
   * grey averaged (the conversion is linear, so the mean grey of the
   * pixels is the grey of their mean colour). */
  const double side = 28.0, scale = 16.0;
  int px = (int)lround(side * scale);
  cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, px, px);
  cairo_t *cr = cairo_create(img);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  cairo_rectangle(cr, 0, 0, side, side);
  render_fill_path(cr, st, mono, cls, FALSE);
  cairo_destroy(cr);
  cairo_surface_flush(img);
  const unsigned char *data = cairo_image_surface_get_data(img);
  int stride = cairo_image_surface_get_stride(img);
  double sum = 0;
  for (int y = 0; y < px; y++) {
    const guint32 *row = (const guint32 *)(data + (gsize)y * stride);
    for (int x = 0; x < px; x++) {
      guint32 p = row[x];
      sum += 0.30 * ((p >> 16) & 0xff) + 0.59 * ((p >> 8) & 0xff) + 0.11 * (p & 0xff);
    }
  }
  cairo_surface_destroy(img);
  return sum / ((double)px * px);
}
