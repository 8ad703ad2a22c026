/* render-map.c — the map frame: sea, countries and neighbouring districts
 * in grey, the group's districts filled by class, outlines, the group's
 * border heavier than district lines, reinforcement priorities outlined,
 * proportional circles when asked for, and district names where they fit.
 *
 * Geometry is projected per map (the UTM zone of the group's centre, or a
 * national Mercator for the overview) and thinned to the page's resolution
 * by the page's plan (render-plan.c), before anything is drawn.  Fills use the non-zero winding rule with shells turned
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
/* Sea and land: render_sea_colour, render_land_colour (render-fill.c). */
static const GeoRgb render_map_land_line = {0.62, 0.62, 0.62}; /* coast and borders */
static const GeoRgb render_map_line = {0.28, 0.28, 0.28};

/* Draws every feature of `s` as grey land with light borders `line` wide:
 * countries around and neighbouring districts. */
static void
render_map_grey(cairo_t *cr, const GeoShapes *s, const RenderMapXf *t, double line)
{
  for (guint f = 0; f < s->n_features; f++)
    render_map_path_feature(cr, s, f, t);
  render_set_rgb(cr, render_land_colour);
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

void
render_map_draw(cairo_t *cr, const RenderPlan *plan, gboolean labels, guint *unlabelled)
{
  const RenderModel *m = plan->m;
  const RenderGroup *g = plan->g;
  const RenderRect frame = plan->frame;
  const RenderMapXf *tp = &plan->xf;
  const GeoShapes *gs = plan->gs, *ns = plan->ns, *cs = plan->cs;
  const guint *sel = plan->sel;
  cairo_path_t *borders = NULL; /* international borders (render-borders.c) */

  cairo_save(cr);
  cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
  cairo_clip(cr);
  render_set_rgb(cr, render_sea_colour);
  cairo_paint(cr);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);

  /* Context: countries around, then neighbouring districts, in grey. */
  if (cs)
    render_map_grey(cr, cs, tp, 0.5);
  if (g) {
    const GeoShapes *ours[2] = {gs, ns};
    borders =
        render_borders_underlay(cr, cs, ours, 2, frame, tp, 2 * render_page_of(m)->group_line);
    render_map_grey(cr, ns, tp, 0.4);

    /* The group's border: a heavy stroke whose inner half the fills cover,
     * along the edges no two of its districts share (the outline) where
     * they run along a neighbouring district's land (render-borders.c):
     * the coast, and islands, keep only their district line; a heavy ring
     * round an islet would print as a dark blot. */
    const GeoShapes *near[1] = {ns};
    RenderLandMask *land = render_land_mask_new(frame, near, 1, tp, render_page_of(m)->group_line);
    render_map_path_outline(cr, gs, NULL, 0, tp, render_page_of(m)->border_min, land);
    render_land_mask_free(land);
    render_set_rgb(cr, render_map_line);
    cairo_set_line_width(cr, render_page_of(m)->group_line);
    cairo_stroke(cr);
  } else {
    const GeoShapes *ours[1] = {gs};
    borders =
        render_borders_underlay(cr, cs, ours, 1, frame, tp, 2 * render_page_of(m)->group_line);
  }

  /* District lines as wide as the plan says (render-plan.c). */
  double line = plan->district_line;

  /* Fills, one path per class, then no data hatched. */
  const GeoStyle *st = m->style;
  for (int c = -1; c < (int)st->n_classes; c++) {
    gboolean any = FALSE;
    for (guint f = 0; f < gs->n_features; f++) {
      if (m->classes[sel[f]] != c)
        continue;
      render_map_path_feature(cr, gs, f, tp);
      any = TRUE;
    }
    if (!any)
      continue;
    if (render_debug_ids()) {
      /* Test drawing mode: each district in its own colour, then the
       * class's path again for its lines. */
      cairo_new_path(cr);
      for (guint f = 0; f < gs->n_features; f++) {
        if (m->classes[sel[f]] != c)
          continue;
        render_map_path_feature(cr, gs, f, tp);
        render_feature_fill(cr, m, sel[f], FALSE);
      }
      for (guint f = 0; f < gs->n_features && line > 0; f++)
        if (m->classes[sel[f]] == c)
          render_map_path_feature(cr, gs, f, tp);
      if (line <= 0)
        continue;
    } else if (line <= 0) {
      render_class_fill(cr, m, c, FALSE);
      continue;
    } else {
      render_class_fill(cr, m, c, TRUE);
    }
    /* District lines with the class's own path, in a grey that shows on
     * its fill (light on the dark classes, cased on --mono textures): a
     * border between two classes is stroked twice, the darker class's
     * line on top. */
    render_fill_stroke_line(cr, m->style, m->mono, c, line);
  }

  /* International borders over the fills: between countries, and where
   * a country meets the districts drawn. */
  render_borders_symbol(cr, g_steal_pointer(&borders), render_page_of(m)->group_line * 0.45);

  /* Reinforcement priorities outlined, then proportional circles, under
   * the labels. */
  if (g)
    render_figures_outline(cr, gs, plan->priority_flags, tp);
  /* The overview by group: borders between groups over the district
   * lines. */
  if (g == NULL)
    render_overview_borders_draw(cr, m, gs, tp);
  if (m->symbols)
    render_symbols_draw(cr, m, gs, sel, tp, render_symbols_radius_max(g != NULL, plan->n_sel),
                        render_symbols_max(m, sel, plan->n_sel));

  /* What sits on the map, each kind avoiding the ones before: the
   * reserved corners, degree ticks, countries' names (sheets), district
   * labels, neighbours' names. */
  RenderLabelSpace sp;
  render_label_space_init(&sp, frame);
  RenderRect res[3];
  render_map_reserved(frame, res);
  for (guint k = 0; k < 3; k++)
    render_label_space_take(
        &sp, (RenderBox){res[k].x, res[k].y, res[k].x + res[k].w, res[k].y + res[k].h});
  render_graticule_draw(cr, m, plan->ticks, plan->tick_step, frame, &sp);
  const guint *nsel = plan->nsel ? (const guint *)plan->nsel->data : NULL;
  const guint *csel = plan->csel ? (const guint *)plan->csel->data : NULL;
  /* On a sheet the countries are named before the districts: a district
   * name may go into the sea (with a leader), a country's only beside its
   * land (Singapore, a speck off Batam, has no other place). */
  if (labels && g)
    render_neighbours_draw(cr, m, ns, nsel, cs, csel, gs, tp, &sp, TRUE);
  if (labels && g) {
    guint lost = render_map_labels(cr, m, g, gs, plan->rank, plan->priority_flags, tp, &sp);
    if (unlabelled)
      *unlabelled = lost;
  }
  GArray *marks = g == NULL ? render_overview_marks_place(cr, plan, &sp) : NULL;
  if (labels || g == NULL)
    render_neighbours_draw(cr, m, ns, nsel, cs, csel, gs, tp, &sp, FALSE);
  if (g == NULL)
    render_neighbours_draw(cr, m, ns, nsel, cs, csel, gs, tp, &sp, TRUE);
  if (marks)
    render_overview_marks_draw(cr, m, marks);
  render_overview_marks_free(marks);
  render_label_space_clear(&sp);
  cairo_restore(cr);
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  cairo_set_line_width(cr, 0.6);
  cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
  cairo_stroke(cr);
}
