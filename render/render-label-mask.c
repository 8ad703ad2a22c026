/* render-label-mask.c — where the group's land lies on the map, as a
 * coarse raster (one cell per layout point), so that a name that does not
 * fit inside its district can be put where it covers no district of the
 * group: in the sea, or on the grey land around. */
#include "render-private.h"

RenderLabelMask *
render_label_mask_new(const GeoShapes *gs, const RenderMapXf *t, RenderRect frame)
{
  RenderLabelMask *mask = g_new0(RenderLabelMask, 1);
  mask->frame = frame;
  mask->w = (int)frame.w + 1;
  mask->h = (int)frame.h + 1;
  mask->surface = cairo_image_surface_create(CAIRO_FORMAT_A8, mask->w, mask->h);
  cairo_t *cr = cairo_create(mask->surface);
  cairo_translate(cr, -frame.x, -frame.y);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  /* No specks dropped: an islet is land a name must not cover either. */
  RenderMapXf all = *t;
  all.speck = 0;
  for (guint f = 0; f < gs->n_features; f++)
    render_map_path_feature(cr, gs, f, &all);
  cairo_set_source_rgba(cr, 0, 0, 0, 1);
  cairo_fill(cr);
  cairo_destroy(cr);
  cairo_surface_flush(mask->surface);
  return mask;
}

void
render_label_mask_free(RenderLabelMask *mask)
{
  if (mask == NULL)
    return;
  cairo_surface_destroy(mask->surface);
  g_free(mask);
}

double
render_label_mask_land(const RenderLabelMask *mask, RenderBox b)
{
  const unsigned char *data = cairo_image_surface_get_data(mask->surface);
  int stride = cairo_image_surface_get_stride(mask->surface);
  int x0 = (int)(b.x0 - mask->frame.x), x1 = (int)(b.x1 - mask->frame.x);
  int y0 = (int)(b.y0 - mask->frame.y), y1 = (int)(b.y1 - mask->frame.y);
  x0 = CLAMP(x0, 0, mask->w - 1);
  x1 = CLAMP(x1, 0, mask->w - 1);
  y0 = CLAMP(y0, 0, mask->h - 1);
  y1 = CLAMP(y1, 0, mask->h - 1);
  guint land = 0, all = 0;
  for (int y = y0; y <= y1; y++)
    for (int x = x0; x <= x1; x++) {
      all++;
      land += data[(gsize)y * stride + x] > 127;
    }
  return all ? (double)land / all : 1;
}
