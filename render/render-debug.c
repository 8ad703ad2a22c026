/* render-debug.c — the hidden test drawing mode PETARAWAN_DEBUG_IDS=1:
 * every district is filled with a colour of its own that encodes its
 * feature index, under the real overlays (lines, outlines, labels, discs,
 * leaders, names, scale bar...), so that a test can rasterise the PDF
 * with poppler and count how much of each district the reader still sees
 * (tests/check-visible.py).  Undocumented: not for users. */
#include "render-private.h"

gboolean
render_debug_ids(void)
{
  return g_strcmp0(g_getenv("PETARAWAN_DEBUG_IDS"), "1") == 0;
}

/* Feature i as 8-bit RGB: red 1 + i mod 250, green 1 + i / 250 mod 250,
 * blue 123 (check-visible.py decodes the same way). */
static void
render_debug_id_source(cairo_t *cr, guint feature)
{
  cairo_set_source_rgb(cr, (1 + feature % 250) / 255.0, (1 + feature / 250 % 250) / 255.0,
                       123 / 255.0);
}

void
render_feature_fill(cairo_t *cr, const RenderModel *m, guint feature, gboolean preserve)
{
  if (!render_debug_ids()) {
    render_class_fill(cr, m, m->classes[feature], preserve);
    return;
  }
  render_debug_id_source(cr, feature);
  if (preserve)
    cairo_fill_preserve(cr);
  else
    cairo_fill(cr);
}
