/* render-label-mask.c — which district shows where on the map, as a
 * coarse raster (one cell per layout point) drawn in the order the fills
 * are, so that labels know what the reader will see: a name that does not
 * fit inside its district goes where it covers no district of the group
 * (the sea, or the grey land around), and a district whose pole lies under
 * another district (overlapping source polygons: Kabupaten Sorong under
 * Tambrauw) is labelled where it shows. */
#include "render-private.h"

#include <math.h>

RenderLabelMask *
render_label_mask_new(const RenderModel *m, const GeoShapes *gs, const guint *sel,
                      const RenderMapXf *t, RenderRect frame)
{
  RenderLabelMask *mask = g_new0(RenderLabelMask, 1);
  mask->frame = frame;
  mask->w = (int)frame.w + 1;
  mask->h = (int)frame.h + 1;
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, mask->w, mask->h);
  cairo_t *cr = cairo_create(s);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_paint(cr);
  cairo_translate(cr, -frame.x, -frame.y);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  /* No specks dropped: an islet is land a name must not cover either. */
  RenderMapXf all = *t;
  all.speck = 0;
  /* Class by class, as render-map.c fills; each feature its index + 1. */
  for (int c = -1; c < (int)m->style->n_classes; c++)
    for (guint f = 0; f < gs->n_features; f++) {
      if (m->classes[sel[f]] != c)
        continue;
      guint v = f + 1;
      cairo_new_path(cr);
      render_map_path_feature(cr, gs, f, &all);
      cairo_set_source_rgb(cr, (v >> 16 & 255) / 255.0, (v >> 8 & 255) / 255.0, (v & 255) / 255.0);
      cairo_fill(cr);
    }
  cairo_destroy(cr);
  cairo_surface_flush(s);
  const unsigned char *data = cairo_image_surface_get_data(s);
  int stride = cairo_image_surface_get_stride(s);
  mask->owner = g_new(guint32, (gsize)mask->w * mask->h);
  for (int y = 0; y < mask->h; y++) {
    const guint32 *row = (const guint32 *)(data + (gsize)y * stride);
    for (int x = 0; x < mask->w; x++)
      mask->owner[(gsize)y * mask->w + x] = row[x] & 0xffffff;
  }
  cairo_surface_destroy(s);
  return mask;
}

void
render_label_mask_free(RenderLabelMask *mask)
{
  if (mask == NULL)
    return;
  g_free(mask->owner);
  g_free(mask);
}

guint
render_label_mask_owner(const RenderLabelMask *mask, double x, double y)
{
  int cx = (int)floor(x - mask->frame.x), cy = (int)floor(y - mask->frame.y);
  if (cx < 0 || cy < 0 || cx >= mask->w || cy >= mask->h)
    return 0;
  return mask->owner[(gsize)cy * mask->w + cx];
}

/* The share of box b's cells that show a district other than `skip` (an
 * owner value; 0 skips none), 1 for a box outside the mask. */
static double
render_label_mask_share(const RenderLabelMask *mask, RenderBox b, guint32 skip)
{
  int x0 = (int)(b.x0 - mask->frame.x), x1 = (int)(b.x1 - mask->frame.x);
  int y0 = (int)(b.y0 - mask->frame.y), y1 = (int)(b.y1 - mask->frame.y);
  x0 = CLAMP(x0, 0, mask->w - 1);
  x1 = CLAMP(x1, 0, mask->w - 1);
  y0 = CLAMP(y0, 0, mask->h - 1);
  y1 = CLAMP(y1, 0, mask->h - 1);
  guint hit = 0, all = 0;
  for (int y = y0; y <= y1; y++)
    for (int x = x0; x <= x1; x++) {
      guint32 o = mask->owner[(gsize)y * mask->w + x];
      all++;
      hit += o != 0 && o != skip;
    }
  return all ? (double)hit / all : 1;
}

double
render_label_mask_land(const RenderLabelMask *mask, RenderBox b)
{
  return render_label_mask_share(mask, b, 0);
}

gboolean
render_label_mask_pole(const RenderLabelMask *mask, guint feature, double *x, double *y, double *d)
{
  /* Chamfer distance (3-4) from every cell of the feature to the nearest
   * cell that is not, two passes; the farthest cell is the pole. */
  guint32 want = feature + 1;
  int w = mask->w, h = mask->h;
  g_autofree guint *dist = g_new(guint, (gsize)w * h);
  const guint far = G_MAXUINT / 2;
  for (gsize i = 0; i < (gsize)w * h; i++)
    dist[i] = mask->owner[i] == want ? far : 0;
  for (int cy = 0; cy < h; cy++)
    for (int cx = 0; cx < w; cx++) {
      guint *p = &dist[(gsize)cy * w + cx];
      if (*p == 0)
        continue;
      guint best = *p;
      best = MIN(best, cx > 0 ? p[-1] + 3 : 3);
      best = MIN(best, cy > 0 ? p[-w] + 3 : 3);
      best = MIN(best, cx > 0 && cy > 0 ? p[-w - 1] + 4 : 4);
      best = MIN(best, cx < w - 1 && cy > 0 ? p[-w + 1] + 4 : 4);
      *p = best;
    }
  guint top = 0;
  int bx = -1, by = -1;
  for (int cy = h - 1; cy >= 0; cy--)
    for (int cx = w - 1; cx >= 0; cx--) {
      guint *p = &dist[(gsize)cy * w + cx];
      if (*p == 0)
        continue;
      guint best = *p;
      best = MIN(best, cx < w - 1 ? p[1] + 3 : 3);
      best = MIN(best, cy < h - 1 ? p[w] + 3 : 3);
      best = MIN(best, cx < w - 1 && cy < h - 1 ? p[w + 1] + 4 : 4);
      best = MIN(best, cx > 0 && cy < h - 1 ? p[w - 1] + 4 : 4);
      *p = best;
      if (best > top || (best == top && (cy < by || (cy == by && cx < bx)))) {
        top = best;
        bx = cx;
        by = cy;
      }
    }
  if (bx < 0)
    return FALSE;
  *x = mask->frame.x + bx + 0.5;
  *y = mask->frame.y + by + 0.5;
  *d = top / 3.0 - 0.5;
  return TRUE;
}

double
render_label_mask_other(const RenderLabelMask *mask, RenderBox b, guint feature)
{
  return render_label_mask_share(mask, b, feature + 1);
}
