/* render-text.c — text with pango: page text, cells set smaller (never cut) and map
 * labels with a halo.  Text stays text in the PDF (searchable, and
 * pdftotext can check label placement). */
#include "render-private.h"

#include <math.h>

/* Each cairo_t keeps one PangoContext (as user data), brought up to date
 * with the cairo_t's matrix and font options before each layout: making a
 * context per text (pango_cairo_create_layout) cost a fifth of a village
 * sheet's time, with thousands of labels and table cells. */
static const cairo_user_data_key_t render_text_context_key;

static PangoContext *
render_text_context(cairo_t *cr)
{
  PangoContext *ctx = cairo_get_user_data(cr, &render_text_context_key);
  if (ctx == NULL) {
    ctx = pango_cairo_create_context(cr);
    /* Glyphs where the font puts them: pango's default rounds each
     * position to a whole unit of user space, which spaces small type
     * unevenly on A4 ("Perso nel") and badly on posters, drawn in units
     * of k points. */
    pango_context_set_round_glyph_positions(ctx, FALSE);
    if (cairo_set_user_data(cr, &render_text_context_key, ctx, g_object_unref) !=
        CAIRO_STATUS_SUCCESS) {
      g_object_unref(ctx);
      ctx = pango_cairo_create_context(cr);
      pango_context_set_round_glyph_positions(ctx, FALSE);
      return ctx; /* the caller's layout holds the only reference */
    }
    g_object_ref(ctx); /* for the caller, as below */
  } else {
    pango_cairo_update_context(cr, ctx);
    g_object_ref(ctx);
  }
  return ctx;
}

PangoLayout *
render_text_layout_new(cairo_t *cr, const char *text, double size, gboolean bold, gboolean italic)
{
  PangoContext *ctx = render_text_context(cr);
  PangoLayout *layout = pango_layout_new(ctx);
  g_object_unref(ctx);
  PangoFontDescription *fd = pango_font_description_new();
  pango_font_description_set_family(fd, RENDER_FONT);
  pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  if (italic)
    pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
  pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
  pango_layout_set_font_description(layout, fd);
  pango_font_description_free(fd);
  pango_layout_set_text(layout, text, -1);
  return layout;
}

static PangoLayout *
render_text_layout(cairo_t *cr, const char *text, double size, gboolean bold)
{
  return render_text_layout_new(cr, text, size, bold, FALSE);
}

/* How far text may narrow to fit its box before it wraps. */
#define RENDER_TEXT_SHRINK 0.8

double
render_text(cairo_t *cr, const char *text, double size, gboolean bold, double x, double y,
            double max_w, RenderAlign align)
{
  PangoLayout *layout = render_text_layout(cr, text, size, bold);
  if (max_w > 0) {
    /* Text is never cut: too wide for its box, it narrows to at most
     * RENDER_TEXT_SHRINK of its size, and what still does not fit wraps
     * onto more lines (the height returned says how many). */
    int nw, nh;
    pango_layout_get_size(layout, &nw, &nh);
    double natural = (double)nw / PANGO_SCALE;
    if (natural > max_w) {
      double fit = MAX(size * max_w / natural * 0.999, size * RENDER_TEXT_SHRINK);
      g_object_unref(layout);
      layout = render_text_layout(cr, text, fit, bold);
      pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    }
    /* Pango aligns within the box; the box sits per `align` at x. */
    pango_layout_set_width(layout, (int)(max_w * PANGO_SCALE));
    pango_layout_set_alignment(layout, align == RENDER_ALIGN_RIGHT    ? PANGO_ALIGN_RIGHT
                                       : align == RENDER_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                                                      : PANGO_ALIGN_LEFT);
  }
  int w, h;
  pango_layout_get_size(layout, &w, &h);
  double tw = max_w > 0 ? max_w : (double)w / PANGO_SCALE, th = (double)h / PANGO_SCALE;
  double dx = 0;
  if (align == RENDER_ALIGN_CENTER)
    dx = -tw / 2;
  else if (align == RENDER_ALIGN_RIGHT)
    dx = -tw;
  cairo_move_to(cr, x + dx, y);
  pango_cairo_show_layout(cr, layout);
  g_object_unref(layout);
  return th;
}

void
render_text_size(cairo_t *cr, const char *text, double size, gboolean bold, double *w, double *h)
{
  PangoLayout *layout = render_text_layout(cr, text, size, bold);
  int iw, ih;
  pango_layout_get_size(layout, &iw, &ih);
  *w = (double)iw / PANGO_SCALE;
  *h = (double)ih / PANGO_SCALE;
  g_object_unref(layout);
}

void
render_text_halo(cairo_t *cr, const char *text, double size, double x, double y)
{
  PangoLayout *layout = render_text_layout(cr, text, size, FALSE);
  int iw, ih;
  pango_layout_get_size(layout, &iw, &ih);
  double w = (double)iw / PANGO_SCALE, h = (double)ih / PANGO_SCALE;
  cairo_save(cr);
  cairo_move_to(cr, x - w / 2, y - h / 2);
  pango_cairo_layout_path(cr, layout);
  cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
  cairo_set_line_width(cr, size * 0.28);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  cairo_move_to(cr, x - w / 2, y - h / 2);
  pango_cairo_show_layout(cr, layout);
  cairo_restore(cr);
  g_object_unref(layout);
}

void
render_set_rgb(cairo_t *cr, GeoRgb c)
{
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

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
 * texture of `kind`: 0 none, 1 diagonal lines, 2 cross-hatch, 3 dots. */
static cairo_pattern_t *
render_texture(double level, int kind, double size)
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

void
render_class_source(cairo_t *cr, const RenderModel *m, int cls)
{
  const GeoStyle *st = m->style;
  if (!m->mono) {
    if (cls >= 0) {
      render_set_rgb(cr, st->colours[cls]);
    } else {
      cairo_pattern_t *hatch = render_hatch_pattern(st->nodata);
      cairo_set_source(cr, hatch);
      cairo_pattern_destroy(hatch);
    }
    return;
  }
  /* --mono, for photocopies: classes differ in grey and in texture
   * (plain, lines, cross-hatch, alternating as the grey darkens); no data
   * is white with dots, unlike any class. */
  cairo_pattern_t *pat;
  if (cls < 0) {
    pat = render_texture(1.0, 3, 3.5);
  } else {
    guint n = MAX(st->n_classes, 2);
    double level = 0.97 - 0.72 * cls / (double)(n - 1);
    int kind = cls == 0 ? 0 : (cls % 2 == 1 ? 1 : 2);
    pat = render_texture(level, kind, 3.5);
  }
  cairo_set_source(cr, pat);
  cairo_pattern_destroy(pat);
}
