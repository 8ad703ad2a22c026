/* render-plan.h — the plan of one page (a group's sheet or the national
 * overview): everything the page shows, worked out before any cairo call
 * and read-only while drawing (render-plan.c says how it is used). */
#pragma once

#include "render.h"

/* Map coordinates (metres) to page points. */
typedef struct {
  double ox, oy; /* page position of the map centre */
  double cx, cy; /* map centre, metres */
  double s;      /* points per metre */
  gboolean clip; /* clip rings to `box` (page points) before drawing */
  double box[4]; /* x0, y0, x1, y1 */
  /* Parts narrower than `speck` points are left out; a district made only
   * of such parts becomes a dot `dot` points wide (0: draw everything). */
  double speck, dot;
} RenderMapXf;

struct RenderPlan {
  const RenderModel *m; /* borrowed */
  const RenderGroup *g; /* borrowed; NULL for the overview */
  RenderRect frame;     /* the map frame, layout units */

  /* The districts drawn: g's features, or every feature of the layer. */
  const guint *sel; /* borrowed from g, or `all` */
  guint n_sel;
  guint *all;

  /* Projection and page transform.  The PROJ object itself is gone once
   * the plan is built: drawing projects nothing. */
  char *proj_name; /* for the note on the map */
  double centre_lon, centre_lat;
  RenderMapXf xf; /* map metres to page points */
  double vis[4];  /* the visible lon/lat box, generously */
  /* Degree ticks on the frame (with m->graticule; else NULL), `tick_step`
   * degrees apart. */
  GArray *ticks;
  double tick_step;

  /* Projected, thinned shapes: the group's (feature i is sel[i]), the
   * neighbouring districts (layer features nsel) and the context layer's
   * countries (csel); ns/cs may be NULL. */
  GeoShapes *gs, *ns, *cs;
  GArray *nsel, *csel;  /* guint, or NULL */
  double district_line; /* width of the district lines (0: fills only) */

  /* The ranked table (sheets): layer features in table order, and the
   * 1-based rank of each feature of g (rank[i] for g->features[i]). */
  guint *order;
  guint *rank;

  /* Reinforcement priorities (sheets, with coverage figures): the rule's
   * result, and flags per feature of g (NULL when there is none) and per
   * layer feature (NULL likewise). */
  GeoPriorities *priorities;
  gboolean *priority_flags;
  gboolean *priority_of;
  /* The overview's list of groups: priorities per group of m->groups. */
  guint *group_priorities;

  /* Districts per class, no data last (n_classes + 1). */
  guint *counts;
  /* What the data-quality line says. */
  GeoQuality quality;
};

/* The rank of layer feature f in the sheet's table, 1-based; 0 when f is
 * not on the sheet. */
guint render_plan_rank_of(const RenderPlan *plan, guint f);

/* Counted by the compute functions (render_table_order,
 * render_figures_priorities) for render_plan_counters_get. */
void render_plan_count_order(void);
void render_plan_count_priorities(void);
