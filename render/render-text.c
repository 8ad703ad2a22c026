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
