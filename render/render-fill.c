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

const GeoRgb render_sea_colour = {0.933, 0.961, 0.980}; /* #eef5fa, L* 96 */
const GeoRgb render_land_colour = {0.894, 0.894, 0.882}; /* #e4e4e1, L* 90 */

cairo_pattern_t *
render_hatch_pattern(GeoRgb base)
{
  const double tile = 4.0;
  cairo_surface_t *rec = cairo_recording_surface_create(
      CAIRO_CONTENT_COLOR_ALPHA, &(cairo_rectangle_t){0, 0, tile, tile});
  cairo_t *cr = cairo_create(rec);
  render_set_rgb(cr, base);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, base.r * 0.55, base.g * 0.55, base.b * 0.55);
  cairo_set_line_width(cr, 0.45);
  /* One diagonal per tile, drawn three times so corners join seamlessly. */
  for (int k = -1; k <= 1; k++) {
    cairo_move_to(cr, k * tile, tile);
    cairo_line_to(cr, k * tile + tile, 0);
  }
  cairo_stroke(cr);
  cairo_destroy(cr);
  cairo_pattern_t *pat = cairo_pattern_create_for_surface(rec);
  cairo_pattern_set_extend(pat, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy(rec);
  return pat;
}

/* A tile of `size` points: grey `level` (0 black .. 1 white) with the
 * texture of `kind`: 0 none, 1 diagonal lines, 2 cross-hatch, 3 dots.
 * Returns: (transfer full) cairo_pattern_destroy. */
static cairo_pattern_t *
render_fill_texture(double level, int kind, double size)
{
  cairo_surface_t *rec = cairo_recording_surface_create(
      CAIRO_CONTENT_COLOR_ALPHA, &(cairo_rectangle_t){0, 0, size, size});
  cairo_t *cr = cairo_create(rec);
  cairo_set_source_rgb(cr, level, level, level);
  cairo_paint(cr);
  double ink = level > 0.45 ? 0.0 : 1.0; /* dark lines on light, light on dark */
  cairo_set_source_rgb(cr, ink, ink, ink);
  cairo_set_line_width(cr, 0.5);
  if (kind == 1 || kind == 2) {
    for (int k = -1; k <= 1; k++) {
      cairo_move_to(cr, k * size, size);
      cairo_line_to(cr, k * size + size, 0);
    }
  }
  if (kind == 2) {
    for (int k = -1; k <= 1; k++) {
      cairo_move_to(cr, k * size, 0);
      cairo_line_to(cr, k * size + size, size);
    }
  }
  cairo_stroke(cr);
  if (kind == 3) {
    cairo_arc(cr, size / 2, size / 2, 0.55, 0, 2 * G_PI);
    cairo_fill(cr);
  }
  cairo_destroy(cr);
  cairo_pattern_t *pat = cairo_pattern_create_for_surface(rec);
  cairo_pattern_set_extend(pat, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy(rec);
  return pat;
}

cairo_pattern_t *
render_fill_pattern(const GeoStyle *st, gboolean mono, int cls)
{
  if (!mono) {
    if (cls >= 0)
      return cairo_pattern_create_rgb(st->colours[cls].r, st->colours[cls].g,
                                      st->colours[cls].b);
    return render_hatch_pattern(st->nodata);
  }
  /* --mono, for photocopies: classes differ in grey and in texture
   * (plain, lines, cross-hatch, alternating as the grey darkens); no data
   * is white with dots, unlike any class. */
  if (cls < 0)
    return render_fill_texture(1.0, 3, 3.5);
  guint n = MAX(st->n_classes, 2);
  double level = 0.97 - 0.72 * cls / (double)(n - 1);
  int kind = cls == 0 ? 0 : (cls % 2 == 1 ? 1 : 2);
  return render_fill_texture(level, kind, 3.5);
}

void
render_class_source(cairo_t *cr, const RenderModel *m, int cls)
{
  cairo_pattern_t *pat = render_fill_pattern(m->style, m->mono, cls);
  cairo_set_source(cr, pat);
  cairo_pattern_destroy(pat);
}

double
render_fill_grey(const GeoStyle *st, gboolean mono, int cls)
{
  cairo_pattern_t *pat = render_fill_pattern(st, mono, cls);
  double r, g, b, a;
  if (cairo_pattern_get_rgba(pat, &r, &g, &b, &a) == CAIRO_STATUS_SUCCESS) {
    cairo_pattern_destroy(pat);
    return geo_rgb_grey((GeoRgb){r, g, b});
  }
  /* A texture: its tile painted at 32 pixels a point over white, each
   * pixel's grey averaged (the conversion is linear, so the mean grey of
   * the pixels is the grey of their mean colour). */
  cairo_surface_t *rec = NULL;
  cairo_rectangle_t ext = {0, 0, 1, 1};
  if (cairo_pattern_get_surface(pat, &rec) == CAIRO_STATUS_SUCCESS)
    cairo_recording_surface_get_extents(rec, &ext);
  const double scale = 32.0;
  int w = (int)lround(ext.width * scale), h = (int)lround(ext.height * scale);
  cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, MAX(w, 1), MAX(h, 1));
  cairo_t *cr = cairo_create(img);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  cairo_translate(cr, -ext.x, -ext.y);
  cairo_set_source(cr, pat);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_flush(img);
  const unsigned char *data = cairo_image_surface_get_data(img);
  int stride = cairo_image_surface_get_stride(img);
  double sum = 0;
  for (int y = 0; y < h; y++) {
    const guint32 *row = (const guint32 *)(data + (gsize)y * stride);
    for (int x = 0; x < w; x++) {
      guint32 p = row[x];
      sum += 0.30 * ((p >> 16) & 0xff) + 0.59 * ((p >> 8) & 0xff) + 0.11 * (p & 0xff);
    }
  }
  cairo_surface_destroy(img);
  cairo_pattern_destroy(pat);
  return w > 0 && h > 0 ? sum / ((double)w * h) : 255.0;
}
