/* render-map.c — the map frame: sea, countries and neighbouring districts
 * in grey, the group's districts filled by class, outlines, the group's
 * border heavier than district lines, reinforcement priorities outlined,
 * proportional circles when asked for, and district names where they fit.
 *
 * Geometry is projected per map (the UTM zone of the group's centre, or a
 * national Mercator for the overview) and thinned to the page's resolution
 * before drawing.  Fills use the non-zero winding rule with shells turned
 * one way and holes the other, collected into one path per class: nested
 * shells, self-intersecting rings and islands in lakes all fill as their
 * author meant, whatever ring order or orientation the source had.
 *
 * This file draws the frame in order; paths and clipping are in
 * render-map-path.c, the room labels take in render-label-space.c, the
 * district labels in render-labels.c. */
#include "render-private.h"

#include <math.h>
#include <string.h>

/* Colours of the map frame. */
static const GeoRgb render_map_sea = {0.933, 0.961, 0.980}; /* #eef5fa, L* 96 */
const GeoRgb render_map_land_colour = {0.894, 0.894, 0.882}; /* #e4e4e1, L* 90 */
static const GeoRgb render_map_land_line = {0.62, 0.62, 0.62}; /* coast and borders */
static const GeoRgb render_map_line = {0.28, 0.28, 0.28};

/* Draws every feature of `s` as grey land with light borders `line` wide:
 * countries around and neighbouring districts. */
static void
render_map_grey(cairo_t *cr, const GeoShapes *s, const RenderMapXf *t, double line)
{
  for (guint f = 0; f < s->n_features; f++)
    render_map_path_feature(cr, s, f, t);
  render_set_rgb(cr, render_map_land_colour);
  /* Tiny neighbours (villages) get no lines: they would grey the land. */
  double typical = render_map_typical_size(s, t);
  if (typical < RENDER_MAP_NO_LINES_PT) {
    cairo_fill(cr);
    return;
  }
  if (typical < RENDER_MAP_THIN_LINES_PT)
    line = MIN(line, 0.1);
  cairo_fill_preserve(cr);
  render_set_rgb(cr, render_map_land_line);
  cairo_set_line_width(cr, line);
  cairo_stroke(cr);
}

/* Features of `s` whose bbox meets `bb`, excluding those flagged in
 * `skip` (may be NULL).  Caller frees with g_array_unref. */
static GArray *
render_map_select(const GeoShapes *s, const double bb[4], const gboolean *skip)
{
  GArray *out = g_array_new(FALSE, FALSE, sizeof(guint));
  for (guint f = 0; f < s->n_features; f++) {
    const double *b = &s->bbox[4 * f];
    if ((skip && skip[f]) || isnan(b[0]))
      continue;
    if (b[2] < bb[0] || b[0] > bb[2] || b[3] < bb[1] || b[1] > bb[3])
      continue;
    g_array_append_val(out, f);
  }
  return out;
}

void
render_map_info_clear(RenderMapInfo *info)
{
  g_clear_pointer(&info->proj_name, g_free);
}

gboolean
render_map_draw(cairo_t *cr, const RenderModel *m, const RenderGroup *g, RenderRect frame,
                gboolean labels, RenderMapInfo *info, GError **error)
{
  const GeoShapes *src = m->layer->shapes;
  guint n_sel = g ? g->n_features : src->n_features;
  guint *sel = g ? g->features : NULL;
  g_autofree guint *all = NULL;
  if (sel == NULL) {
    all = g_new(guint, MAX(n_sel, 1));
    for (guint i = 0; i < n_sel; i++)
      all[i] = i;
    sel = all;
  }
  double bb[4];
  if (!geo_shapes_extent(src, sel, n_sel, bb)) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "nothing to draw: no geometry");
    return FALSE;
  }
  double clon = (bb[0] + bb[2]) / 2, clat = (bb[1] + bb[3]) / 2;
  GeoProj *proj = g ? geo_proj_new_utm(clon, clat, error)
                    : geo_proj_new("+proj=merc +lon_0=118 +datum=WGS84 +units=m +no_defs +type=crs",
                                   error);
  if (proj == NULL)
    return FALSE;

  /* Estimate the scale from the lon/lat box to thin at page resolution. */
  double wm = (bb[2] - bb[0]) * 111320.0 * cos(clat * G_PI / 180), hm = (bb[3] - bb[1]) * 110574.0;
  double est = MIN(frame.w / MAX(wm, 1), frame.h / MAX(hm, 1));
  double tol = render_page_of(m)->resolution / est;

  gboolean ok = FALSE;
  GeoShapes *gs = geo_shapes_project(src, sel, n_sel, proj, tol,
                                     g ? GEO_VANISHED_KEEP : GEO_VANISHED_KEEP_ISLANDS, error);
  GeoShapes *ns = NULL, *cs = NULL;
  cairo_path_t *borders = NULL; /* international borders (render-borders.c) */
  GArray *nsel = NULL, *csel = NULL;
  gboolean *in_group = NULL;
  if (gs == NULL)
    goto out;

  /* Exact extent and the page transform, with a little air around. */
  double ext[4];
  geo_shapes_extent(gs, NULL, gs->n_features, ext);
  RenderMapXf t = {.speck = render_page_of(m)->speck, .dot = render_page_of(m)->dot};
  t.cx = (ext[0] + ext[2]) / 2;
  t.cy = (ext[1] + ext[3]) / 2;
  t.s = MIN(frame.w / MAX((ext[2] - ext[0]) * 1.08, 1), frame.h / MAX((ext[3] - ext[1]) * 1.08, 1));
  t.ox = frame.x + frame.w / 2;
  t.oy = frame.y + frame.h / 2;
  /* Clip a little outside the frame so no clipped edge shows in strokes. */
  t.clip = TRUE;
  t.box[0] = frame.x - 4;
  t.box[1] = frame.y - 4;
  t.box[2] = frame.x + frame.w + 4;
  t.box[3] = frame.y + frame.h + 4;
  info->pt_per_m = t.s;
  info->proj_name = g ? g_strdup(geo_proj_get_name(proj))
                      : g_strdup(render_tr(m->lang, "Mercator WGS 84, meridian tengah 118° BT"));
  info->centre_lon = clon;
  info->centre_lat = clat;

  /* The visible lon/lat box, generously, for neighbours and context. */
  double vis_w = frame.w / t.s, vis_h = frame.h / t.s;
  double grow_lon = MAX(0, vis_w - (ext[2] - ext[0])) / 2 / (111320.0 * cos(clat * G_PI / 180));
  double grow_lat = MAX(0, vis_h - (ext[3] - ext[1])) / 2 / 110574.0;
  double vis[4] = {bb[0] - grow_lon * 1.2 - 0.2, bb[1] - grow_lat * 1.2 - 0.2,
                   bb[2] + grow_lon * 1.2 + 0.2, bb[3] + grow_lat * 1.2 + 0.2};

  cairo_save(cr);
  cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
  cairo_clip(cr);
  render_set_rgb(cr, render_map_sea);
  cairo_paint(cr);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);

  /* Context: countries around, then neighbouring districts, in grey. */
  if (m->context) {
    csel = render_map_select(m->context->shapes, vis, NULL);
    cs = geo_shapes_project(m->context->shapes, (guint *)csel->data, csel->len, proj, tol,
                            GEO_VANISHED_DROP, error);
    if (cs == NULL)
      goto unclip;
    render_map_grey(cr, cs, &t, 0.5);
  }
  if (g) {
    in_group = g_new0(gboolean, src->n_features);
    for (guint i = 0; i < g->n_features; i++)
      in_group[g->features[i]] = TRUE;
    nsel = render_map_select(src, vis, in_group);
    ns = geo_shapes_project(src, (guint *)nsel->data, nsel->len, proj, tol, GEO_VANISHED_DROP,
                            error);
    if (ns == NULL)
      goto unclip;
    const GeoShapes *ours[2] = {gs, ns};
    borders = render_borders_underlay(cr, cs, ours, 2, frame, &t, 2 * render_page_of(m)->group_line);
    render_map_grey(cr, ns, &t, 0.4);

    /* The group's border: a heavy stroke whose inner half the fills cover,
     * along the edges no two of its districts share (the outline) where
     * they run along a neighbouring district's land (render-borders.c):
     * the coast, and islands, keep only their district line; a heavy ring
     * round an islet would print as a dark blot. */
    const GeoShapes *near[1] = {ns};
    RenderLandMask *land = render_land_mask_new(frame, near, 1, &t, render_page_of(m)->group_line);
    render_map_path_outline(cr, gs, NULL, 0, &t, render_page_of(m)->border_min, land);
    render_land_mask_free(land);
    render_set_rgb(cr, render_map_line);
    cairo_set_line_width(cr, render_page_of(m)->group_line);
    cairo_stroke(cr);
  } else {
    const GeoShapes *ours[1] = {gs};
    borders = render_borders_underlay(cr, cs, ours, 1, frame, &t, 2 * render_page_of(m)->group_line);
  }

  /* District lines as wide as the districts allow: where the typical
   * district is only a few points across (kecamatan or villages on a
   * national map, villages on a province sheet) full-width lines would
   * darken the whole map, so they thin, and below RENDER_MAP_NO_LINES_PT
   * the classes are drawn as fills only. */
  double line = g ? render_page_of(m)->district_line : 0.15;
  double typical = render_map_typical_size(gs, &t);
  if (typical < RENDER_MAP_NO_LINES_PT)
    line = 0;
  else if (typical < RENDER_MAP_THIN_LINES_PT)
    line = MIN(line, 0.1);
  info->district_line = line;

  /* Fills, one path per class, then no data hatched. */
  const GeoStyle *st = m->style;
  for (int c = -1; c < (int)st->n_classes; c++) {
    gboolean any = FALSE;
    for (guint f = 0; f < gs->n_features; f++) {
      if (m->classes[sel[f]] != c)
        continue;
      render_map_path_feature(cr, gs, f, &t);
      any = TRUE;
    }
    if (!any)
      continue;
    render_class_source(cr, m, c);
    if (line <= 0) {
      cairo_fill(cr);
      continue;
    }
    cairo_fill_preserve(cr);
    /* District lines with the class's own path: each shared border is
     * stroked twice when its two sides differ, identically. */
    render_set_rgb(cr, render_map_line);
    cairo_set_line_width(cr, line);
    cairo_stroke(cr);
  }


  /* International borders over the fills: between countries, and where
   * a country meets the districts drawn. */
  render_borders_symbol(cr, g_steal_pointer(&borders), render_page_of(m)->group_line * 0.45);

  /* Reinforcement priorities outlined, then proportional circles, under
   * the labels. */
  if (g) {
    gboolean *flags = render_figures_priority_flags(m, g);
    render_figures_outline(cr, gs, flags, &t);
    g_free(flags);
  }
  /* The overview by group: borders between groups over the district
   * lines. */
  if (g == NULL)
    render_overview_borders_draw(cr, m, gs, &t);
  if (m->symbols)
    render_symbols_draw(cr, m, gs, sel, &t, render_symbols_radius_max(g != NULL, n_sel),
                        render_symbols_max(m, sel, n_sel));

  /* What sits on the map, each kind avoiding the ones before: the
   * reserved corners, degree ticks, district labels, neighbours' names. */
  RenderLabelSpace sp;
  render_label_space_init(&sp, frame);
  RenderRect res[3];
  render_map_reserved(frame, res);
  for (guint k = 0; k < 3; k++)
    render_label_space_take(&sp, (RenderBox){res[k].x, res[k].y, res[k].x + res[k].w,
                                             res[k].y + res[k].h});
  if (m->graticule && !render_graticule_draw(cr, m, proj, &t, frame, vis, &sp, error)) {
    render_label_space_clear(&sp);
    goto unclip;
  }
  if (labels && g)
    info->unlabelled = render_map_labels(cr, m, g, gs, &t, &sp);
  GArray *marks = g == NULL ? render_overview_marks_place(cr, m, gs, &t, &sp) : NULL;
  if (labels || g == NULL)
    render_neighbours_draw(cr, m, ns, nsel ? (const guint *)nsel->data : NULL, cs,
                           csel ? (const guint *)csel->data : NULL, gs, &t, &sp);
  if (marks)
    render_overview_marks_draw(cr, m, marks);
  render_overview_marks_free(marks);
  render_label_space_clear(&sp);
  ok = TRUE;

unclip:
  cairo_restore(cr);
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  cairo_set_line_width(cr, 0.6);
  cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
  cairo_stroke(cr);
out:
  if (nsel)
    g_array_unref(nsel);
  if (csel)
    g_array_unref(csel);
  g_free(in_group);
  geo_shapes_free(gs);
  geo_shapes_free(ns);
  geo_shapes_free(cs);
  if (borders)
    cairo_path_destroy(borders);
  geo_proj_free(proj);
  return ok;
}
