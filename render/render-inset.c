/* render-inset.c — the locator inset: the whole layer as a small national
 * map with the sheet's group in dark, so a reader sees at a glance where
 * the province lies.  The national geometry is projected and thinned once
 * per build (render_inset_new) and shared read-only by every sheet. */
#include "render-private.h"

#include <math.h>

struct RenderInset {
  GeoShapes *shapes; /* every feature of the layer, national Mercator */
  double ext[4];     /* extent in metres */
};

RenderInset *
render_inset_new(const GeoLayer *layer, double width_pt, GError **error)
{
  const GeoShapes *src = layer->shapes;
  double bb[4];
  if (!geo_shapes_extent(src, NULL, src->n_features, bb)) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "locator inset: no geometry");
    return NULL;
  }
  GeoProj *proj =
      geo_proj_new("+proj=merc +lon_0=118 +datum=WGS84 +units=m +no_defs +type=crs", error);
  if (proj == NULL)
    return NULL;
  guint *all = g_new(guint, MAX(src->n_features, 1));
  for (guint i = 0; i < src->n_features; i++)
    all[i] = i;
  /* Simplify to 0.25 points at the inset's scale: finer detail is
   * invisible there.  Shared borders stay shared; where the source's
   * neighbours do not share vertices (a third of the kab/kota borders,
   * digitised 1-100 m apart) the slivers simplification opens are
   * narrower than that and the land's own-colour outline closes them. */
  double tol = 0.25 * (bb[2] - bb[0]) * 111320.0 / width_pt;
  GeoShapes *s = geo_shapes_project(src, all, src->n_features, proj, tol, GEO_VANISHED_DROP, error);
  g_free(all);
  geo_proj_free(proj);
  if (s == NULL)
    return NULL;
  RenderInset *inset = g_new0(RenderInset, 1);
  inset->shapes = s;
  geo_shapes_extent(s, NULL, s->n_features, inset->ext);
  return inset;
}

void
render_inset_free(RenderInset *inset)
{
  if (inset == NULL)
    return;
  geo_shapes_free(inset->shapes);
  g_free(inset);
}

double
render_inset_height(const RenderInset *inset, double width)
{
  double w = inset->ext[2] - inset->ext[0], h = inset->ext[3] - inset->ext[1];
  return w > 0 ? width * h / w + 6 : 0;
}

void
render_inset_draw(cairo_t *cr, const RenderInset *inset, const RenderGroup *g, RenderRect box)
{
  const GeoShapes *s = inset->shapes;
  double w = inset->ext[2] - inset->ext[0], h = inset->ext[3] - inset->ext[1];
  double sc = MIN((box.w - 6) / w, (box.h - 6) / h);
  RenderMapXf t = {box.x + box.w / 2,
                   box.y + box.h / 2,
                   (inset->ext[0] + inset->ext[2]) / 2,
                   (inset->ext[1] + inset->ext[3]) / 2,
                   sc,
                   FALSE,
                   {0},
                   0,
                   0};
  cairo_save(cr);
  cairo_rectangle(cr, box.x, box.y, box.w, box.h);
  cairo_set_source_rgb(cr, 0.933, 0.961, 0.980);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
  cairo_set_line_width(cr, 0.4);
  cairo_stroke(cr);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  gboolean *in_group = g_new0(gboolean, MAX(s->n_features, 1));
  for (guint i = 0; i < g->n_features; i++)
    in_group[g->features[i]] = TRUE;
  for (int pass = 0; pass < 2; pass++) {
    for (guint f = 0; f < s->n_features; f++)
      if (in_group[f] == (pass == 1))
        render_map_path_feature(cr, s, f, &t);
    if (pass == 0)
      cairo_set_source_rgb(cr, 0.72, 0.72, 0.70);
    else
      cairo_set_source_rgb(cr, 0.12, 0.12, 0.12);
    cairo_fill_preserve(cr);
    cairo_set_line_width(cr, 0.35);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
  }
  /* A ring around the group so a tiny province is still found. */
  double gb[4];
  if (geo_shapes_extent(s, g->features, g->n_features, gb)) {
    double x0 = gb[0], y0 = gb[1], x1 = gb[2], y1 = gb[3];
    double px0, py0, px1, py1;
    px0 = t.ox + (x0 - t.cx) * sc;
    px1 = t.ox + (x1 - t.cx) * sc;
    py0 = t.oy - (y1 - t.cy) * sc;
    py1 = t.oy - (y0 - t.cy) * sc;
    double r = MAX(px1 - px0, py1 - py0) / 2 + 3;
    cairo_arc(cr, (px0 + px1) / 2, (py0 + py1) / 2, MAX(r, 4), 0, 2 * G_PI);
    cairo_set_source_rgb(cr, 0.75, 0.1, 0.1);
    cairo_set_line_width(cr, 0.8);
    cairo_stroke(cr);
  }
  g_free(in_group);
  cairo_restore(cr);
}
