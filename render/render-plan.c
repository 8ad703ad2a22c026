/* render-plan.c — the plan of one page: what a sheet (or the overview)
 * shows, worked out once, before anything is drawn.
 *
 * A page is made in four steps, the way cairo's paginated surface records
 * a page, replays it to analyse it and replays it again to draw
 * (cairo-paginated-private.h):
 *
 *  1. Plan (render_plan_new, here; once per page, no cairo): the map's
 *     projection (the UTM zone of the group's centre, a national Mercator
 *     for the overview) and page transform; the degree ticks on the
 *     frame (all PROJ work, so nothing fails for PROJ once drawing has
 *     begun and no file is half-written for it); the group's districts, the
 *     neighbouring districts and the context's countries projected and
 *     thinned to the page's resolution; the width of the district lines;
 *     the ranked table's order and each district's rank (the numbers on
 *     the map); the reinforcement priorities of the coverage gap rule (for
 *     the map's outlines, the table's marks, the list and the legend; per
 *     group for the overview's list); the class counts; the data-quality
 *     counts (geo returns numbers, render-quality.c writes the words).
 *     The plan is read-only from here on: drawing decides nothing about
 *     the data.
 *  2. Measure (per output, render-sheet.c): text sizes depend on the
 *     target surface's font options (PDF, PNG and SVG hint differently),
 *     so the side of a poster is fitted to its column on a recording
 *     surface that copies the target's options, and labels measure their
 *     words on the target itself.
 *  3. Draw (render-sheet.c, render-overview.c, render-map.c and the
 *     pieces they call): every draw function takes the plan, or values
 *     taken out of it.
 *  4. Write (render-output.c): one plan feeds every format of the page —
 *     PDF, PNG, SVG and the poster's tiles — each file staged in a
 *     temporary file and renamed into place only when complete.
 *
 * The counters below count the work of step 1 across threads, so a test
 * can check that a page written in three formats planned it once. */
#include "render-private.h"

#include <math.h>
#include <string.h>

static guint render_plan_n_projections, render_plan_n_orders, render_plan_n_priorities;

void
render_plan_count_order(void)
{
  g_atomic_int_inc(&render_plan_n_orders);
}

void
render_plan_count_priorities(void)
{
  g_atomic_int_inc(&render_plan_n_priorities);
}

void
render_plan_counters_get(RenderPlanCounters *out)
{
  out->projections = (guint)g_atomic_int_get(&render_plan_n_projections);
  out->table_orders = (guint)g_atomic_int_get(&render_plan_n_orders);
  out->priorities = (guint)g_atomic_int_get(&render_plan_n_priorities);
}

void
render_plan_counters_reset(void)
{
  g_atomic_int_set(&render_plan_n_projections, 0);
  g_atomic_int_set(&render_plan_n_orders, 0);
  g_atomic_int_set(&render_plan_n_priorities, 0);
}

/* Features of `s` whose bbox meets `bb`, excluding those flagged in
 * `skip` (may be NULL).  Caller frees with g_array_unref. */
static GArray *
render_plan_select(const GeoShapes *s, const double bb[4], const gboolean *skip)
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

/* The map: projection, transform, projected shapes, line width. */
static gboolean
render_plan_map(RenderPlan *plan, GError **error)
{
  const RenderModel *m = plan->m;
  const RenderGroup *g = plan->g;
  const RenderPage *P = render_page_of(m);
  const RenderRect frame = plan->frame;
  const GeoShapes *src = m->layer->shapes;
  double bb[4];
  if (!geo_shapes_extent(src, plan->sel, plan->n_sel, bb)) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "nothing to draw: no geometry");
    return FALSE;
  }
  double clon = (bb[0] + bb[2]) / 2, clat = (bb[1] + bb[3]) / 2;
  GeoProj *proj =
      g ? geo_proj_new_utm(clon, clat, error)
        : geo_proj_new("+proj=merc +lon_0=118 +datum=WGS84 +units=m +no_defs +type=crs", error);
  if (proj == NULL)
    return FALSE;
  gboolean ok = FALSE;
  g_atomic_int_inc(&render_plan_n_projections);

  /* Estimate the scale from the lon/lat box to thin at page resolution. */
  double wm = (bb[2] - bb[0]) * 111320.0 * cos(clat * G_PI / 180), hm = (bb[3] - bb[1]) * 110574.0;
  double est = MIN(frame.w / MAX(wm, 1), frame.h / MAX(hm, 1));
  double tol = P->resolution / est;
  plan->gs = geo_shapes_project(src, plan->sel, plan->n_sel, proj, tol,
                                g ? GEO_VANISHED_KEEP : GEO_VANISHED_KEEP_ISLANDS, error);
  if (plan->gs == NULL)
    goto out;

  /* Exact extent and the page transform, with a little air around. */
  double ext[4];
  geo_shapes_extent(plan->gs, NULL, plan->gs->n_features, ext);
  RenderMapXf *t = &plan->xf;
  *t = (RenderMapXf){.speck = P->speck, .dot = P->dot};
  t->cx = (ext[0] + ext[2]) / 2;
  t->cy = (ext[1] + ext[3]) / 2;
  t->s =
      MIN(frame.w / MAX((ext[2] - ext[0]) * 1.08, 1), frame.h / MAX((ext[3] - ext[1]) * 1.08, 1));
  t->ox = frame.x + frame.w / 2;
  t->oy = frame.y + frame.h / 2;
  /* Clip a little outside the frame so no clipped edge shows in strokes. */
  t->clip = TRUE;
  t->box[0] = frame.x - 4;
  t->box[1] = frame.y - 4;
  t->box[2] = frame.x + frame.w + 4;
  t->box[3] = frame.y + frame.h + 4;
  plan->proj_name = g ? g_strdup(geo_proj_get_name(proj))
                      : g_strdup(render_tr(m->lang, "Mercator WGS 84, meridian tengah 118° BT"));
  plan->centre_lon = clon;
  plan->centre_lat = clat;

  /* The visible lon/lat box, generously, for neighbours and context. */
  double vis_w = frame.w / t->s, vis_h = frame.h / t->s;
  double grow_lon = MAX(0, vis_w - (ext[2] - ext[0])) / 2 / (111320.0 * cos(clat * G_PI / 180));
  double grow_lat = MAX(0, vis_h - (ext[3] - ext[1])) / 2 / 110574.0;
  plan->vis[0] = bb[0] - grow_lon * 1.2 - 0.2;
  plan->vis[1] = bb[1] - grow_lat * 1.2 - 0.2;
  plan->vis[2] = bb[2] + grow_lon * 1.2 + 0.2;
  plan->vis[3] = bb[3] + grow_lat * 1.2 + 0.2;

  /* Countries around, then neighbouring districts. */
  if (m->context) {
    plan->csel = render_plan_select(m->context->shapes, plan->vis, NULL);
    plan->cs = geo_shapes_project(m->context->shapes, (guint *)plan->csel->data, plan->csel->len,
                                  proj, tol, GEO_VANISHED_DROP, error);
    if (plan->cs == NULL)
      goto out;
  }
  if (g) {
    gboolean *in_group = g_new0(gboolean, MAX(src->n_features, 1));
    for (guint i = 0; i < g->n_features; i++)
      in_group[g->features[i]] = TRUE;
    plan->nsel = render_plan_select(src, plan->vis, in_group);
    g_free(in_group);
    plan->ns = geo_shapes_project(src, (guint *)plan->nsel->data, plan->nsel->len, proj, tol,
                                  GEO_VANISHED_DROP, error);
    if (plan->ns == NULL)
      goto out;
  }
  if (m->graticule) {
    plan->ticks = render_graticule_plan(proj, t, frame, plan->vis, &plan->tick_step, error);
    if (plan->ticks == NULL)
      goto out;
  }

  /* District lines as wide as the districts allow: where the typical
   * district is only a few points across (kecamatan or villages on a
   * national map, villages on a province sheet) full-width lines would
   * darken the whole map, so they thin, and below RENDER_MAP_NO_LINES_PT
   * the classes are drawn as fills only. */
  double line = g ? P->district_line : 0.15;
  double typical = render_map_typical_size(plan->gs, t);
  if (typical < RENDER_MAP_NO_LINES_PT)
    line = 0;
  else if (typical < RENDER_MAP_THIN_LINES_PT)
    line = MIN(line, 0.1);
  plan->district_line = line;
  ok = TRUE;
out:
  geo_proj_free(proj);
  return ok;
}

/* The sheet's table order, ranks and priorities. */
static void
render_plan_table(RenderPlan *plan)
{
  const RenderModel *m = plan->m;
  const RenderGroup *g = plan->g;
  guint n_layer = m->layer->n_features;
  plan->order = render_table_order(m, g);
  guint *rank_of = g_new0(guint, MAX(n_layer, 1));
  for (guint r = 0; r < g->n_features; r++)
    rank_of[plan->order[r]] = r + 1;
  plan->rank = g_new0(guint, MAX(g->n_features, 1));
  for (guint i = 0; i < g->n_features; i++)
    plan->rank[i] = rank_of[g->features[i]];
  g_free(rank_of);

  plan->priorities = render_figures_priorities(m, g);
  GeoPriorities *pr = plan->priorities;
  if (pr && pr->items->len > 0) {
    plan->priority_of = g_new0(gboolean, MAX(n_layer, 1));
    for (guint k = 0; k < pr->items->len; k++)
      plan->priority_of[g_array_index(pr->items, GeoPriority, k).feature] = TRUE;
    plan->priority_flags = g_new0(gboolean, MAX(g->n_features, 1));
    for (guint i = 0; i < g->n_features; i++)
      plan->priority_flags[i] = plan->priority_of[g->features[i]];
  }
}

guint
render_plan_rank_of(const RenderPlan *plan, guint f)
{
  const RenderGroup *g = plan->g;
  if (g == NULL || plan->rank == NULL)
    return 0;
  /* Ranks are per feature of g: find f among them. */
  for (guint i = 0; i < g->n_features; i++)
    if (g->features[i] == f)
      return plan->rank[i];
  return 0;
}

RenderPlan *
render_plan_new(const RenderModel *m, const RenderGroup *g, GError **error)
{
  const RenderPage *P = render_page_of(m);
  RenderPlan *plan = g_new0(RenderPlan, 1);
  plan->m = m;
  plan->g = g;
  /* The overview's landscape map is wider than a sheet's (render-overview.c). */
  plan->frame = P->map;
  if (g == NULL && !P->portrait)
    plan->frame.w += 60;
  guint n_layer = m->layer->n_features;
  if (g) {
    plan->sel = g->features;
    plan->n_sel = g->n_features;
  } else {
    plan->all = g_new(guint, MAX(n_layer, 1));
    for (guint i = 0; i < n_layer; i++)
      plan->all[i] = i;
    plan->sel = plan->all;
    plan->n_sel = n_layer;
  }
  if (!render_plan_map(plan, error)) {
    if (g)
      g_prefix_error(error, "sheet %s %s: ", g->code, g->name);
    else
      g_prefix_error(error, "overview: ");
    render_plan_free(plan);
    return NULL;
  }

  /* Class counts and the data-quality counts: the sheet's districts, or
   * the whole layer (which also counts unmatched table rows). */
  plan->counts = g_new0(guint, m->style->n_classes + 1);
  for (guint i = 0; i < plan->n_sel; i++) {
    int c = m->classes[plan->sel[i]];
    plan->counts[c < 0 ? m->style->n_classes : (guint)c]++;
  }
  geo_join_quality_count(m->join->report, m->layer, g ? g->features : NULL, g ? g->n_features : 0,
                         &plan->quality);

  if (g) {
    render_plan_table(plan);
  } else {
    plan->group_priorities = g_new0(guint, MAX(m->n_groups, 1));
    for (guint i = 0; i < m->n_groups; i++) {
      GeoPriorities *pr = render_figures_priorities(m, &m->groups[i]);
      plan->group_priorities[i] = pr ? pr->items->len : 0;
      geo_priorities_free(pr);
    }
  }
  return plan;
}

void
render_plan_free(RenderPlan *plan)
{
  if (plan == NULL)
    return;
  g_free(plan->all);
  if (plan->ticks)
    g_array_unref(plan->ticks);
  g_free(plan->proj_name);
  geo_shapes_free(plan->gs);
  geo_shapes_free(plan->ns);
  geo_shapes_free(plan->cs);
  if (plan->nsel)
    g_array_unref(plan->nsel);
  if (plan->csel)
    g_array_unref(plan->csel);
  g_free(plan->order);
  g_free(plan->rank);
  geo_priorities_free(plan->priorities);
  g_free(plan->priority_flags);
  g_free(plan->priority_of);
  g_free(plan->group_priorities);
  g_free(plan->counts);
  g_free(plan);
}
