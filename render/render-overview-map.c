/* render-overview-map.c — what the national overview's map adds to the
 * district fills so that it reads by group (province): the borders
 * between groups heavier than district lines; each group's number from the
 * overview's ranked table in a disc, beside the group with a leader when
 * the group is too small to hold the disc (a disc never hides a small
 * province: DKI Jakarta, DI Yogyakarta); and, when --only left groups out,
 * the chosen ones cased in black and named.
 *
 * Placement is worked out first (render_overview_marks_place) and drawn
 * after, so a test can read exactly what was placed
 * (PETARAWAN_DEBUG_PLACEMENTS). */
#include "render-private.h"

#include <math.h>
#include <string.h>

/* A group is "small" on the page when its box is narrower than this many
 * disc diameters: its disc goes beside it, and no other disc may land on
 * it. */
#define RENDER_OVERVIEW_SMALL_DISCS 2.0

/* TRUE when the layer has groups that m->groups leaves out (--only). */
static gboolean
render_overview_map_partial(const RenderModel *m)
{
  g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
  for (guint f = 0; f < m->layer->n_features; f++) {
    const char *grp = m->layer->features[f].group;
    if (grp && *grp)
      g_hash_table_add(seen, (gpointer)grp);
  }
  return g_hash_table_size(seen) > m->n_groups;
}

/* A piece of a group's outline on the page. */
typedef struct {
  double x0, y0, x1, y1;
  guint group; /* index of the group's value */
  gboolean border; /* runs along another group's outline ... */
  guint near;      /* ... this one's */
  guint feature;
  gboolean internal; /* runs along another district of its own group */
  gboolean islet;    /* of an island ring too small for a heavy line */
} RenderOverviewSeg;

/* Grid cell of a page point for the segment index, RENDER_OVERVIEW_CELL_PT
 * wide. */
#define RENDER_OVERVIEW_CELL_PT 2.0
static gint64
render_overview_map_cell(double x, double y)
{
  gint64 c = (gint64)floor(x / RENDER_OVERVIEW_CELL_PT), r = (gint64)floor(y / RENDER_OVERVIEW_CELL_PT);
  return (gint64)(((guint64)r << 32) ^ ((guint64)c & 0xffffffff));
}

static double
render_overview_map_seg_dist(const RenderOverviewSeg *s, double x, double y)
{
  double dx = s->x1 - s->x0, dy = s->y1 - s->y0, l2 = dx * dx + dy * dy;
  double u = l2 > 0 ? CLAMP(((x - s->x0) * dx + (y - s->y0) * dy) / l2, 0, 1) : 0;
  return hypot(s->x0 + u * dx - x, s->y0 + u * dy - y);
}

/* The outline of every group on the page: the edges of its districts'
 * rings that no other ring of the same group has.  Caller frees with
 * g_array_unref. */
static GArray *
render_overview_map_outlines(const RenderModel *m, const GeoShapes *gs, const RenderMapXf *t)
{
  GArray *segs = g_array_new(FALSE, FALSE, sizeof(RenderOverviewSeg));
  g_autoptr(GHashTable) group_id = g_hash_table_new(g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
  for (guint f = 0; f < gs->n_features; f++) {
    const char *grp = m->layer->features[f].group;
    gpointer id;
    if (!g_hash_table_lookup_extended(group_id, grp, NULL, &id)) {
      id = GUINT_TO_POINTER(members->len);
      g_hash_table_insert(group_id, (gpointer)grp, id);
      g_ptr_array_add(members, g_array_new(FALSE, FALSE, sizeof(guint)));
    }
    g_array_append_val(g_ptr_array_index(members, GPOINTER_TO_UINT(id)), f);
  }
  const double min_pt = render_page_of(m)->border_min;
  for (guint gi = 0; gi < members->len; gi++) {
    const GArray *fs = g_ptr_array_index(members, gi);
    GHashTable *count = g_hash_table_new_full(render_edge_hash, render_edge_equal, g_free, NULL);
    /* The group's edges in the order met, with their feature and whether
     * their ring is an islet. */
    GArray *edges = g_array_new(FALSE, FALSE, sizeof(RenderEdge));
    GArray *info = g_array_new(FALSE, FALSE, sizeof(RenderOverviewSeg));
    for (guint k = 0; k < fs->len; k++) {
      guint f = g_array_index(fs, guint, k);
      for (guint p = gs->feature_part[f]; p < gs->feature_part[f + 1]; p++)
        for (guint r = gs->part_ring[p]; r < gs->part_ring[p + 1]; r++) {
          gboolean island = gs->ring_touch == NULL || !gs->ring_touch[r];
          double w = 0, h = 0, cx, cy;
          if (island)
            render_map_ring_size(gs, r, t, &w, &h, &cx, &cy);
          RenderOverviewSeg in = {.group = gi, .feature = f, .islet = island && MAX(w, h) < min_pt};
          guint a = gs->ring_point[r], z = gs->ring_point[r + 1];
          for (guint i = a; i < z; i++) {
            RenderEdge e =
                render_edge_make(&gs->xy[2 * i], &gs->xy[2 * (i + 1 == z ? a : i + 1)]);
            if (g_hash_table_contains(count, &e)) {
              g_hash_table_insert(count, g_memdup2(&e, sizeof e), GUINT_TO_POINTER(2));
            } else {
              g_hash_table_insert(count, g_memdup2(&e, sizeof e), GUINT_TO_POINTER(1));
              g_array_append_val(edges, e);
              g_array_append_val(info, in);
            }
          }
        }
    }
    for (guint k = 0; k < edges->len; k++) {
      const RenderEdge *e = &g_array_index(edges, RenderEdge, k);
      if (GPOINTER_TO_UINT(g_hash_table_lookup(count, e)) != 1)
        continue;
      RenderOverviewSeg sg = g_array_index(info, RenderOverviewSeg, k);
      render_map_xf(t, e->a[0], e->a[1], &sg.x0, &sg.y0);
      render_map_xf(t, e->b[0], e->b[1], &sg.x1, &sg.y1);
      g_array_append_val(segs, sg);
    }
    g_array_unref(info);
    g_array_unref(edges);
    g_hash_table_destroy(count);
  }
  return segs;
}

/* Marks the outline segments that run along another group's outline
 * (within `eps` points): the land borders between groups.  Borders in the
 * source are not always digitised identically on both sides (a third of
 * the kab/kota borders lie 1-100 m apart), so nearness, not identity,
 * decides; coasts have no other group near them and stay unmarked. */
static void
render_overview_map_mark_borders(GArray *segs, double eps)
{
  g_autoptr(GHashTable) grid = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free,
                                                     (GDestroyNotify)g_array_unref);
  for (guint i = 0; i < segs->len; i++) {
    const RenderOverviewSeg *s = &g_array_index(segs, RenderOverviewSeg, i);
    double x0 = MIN(s->x0, s->x1), x1 = MAX(s->x0, s->x1);
    double y0 = MIN(s->y0, s->y1), y1 = MAX(s->y0, s->y1);
    for (double y = floor(y0 / RENDER_OVERVIEW_CELL_PT); y <= floor(y1 / RENDER_OVERVIEW_CELL_PT); y++)
      for (double x = floor(x0 / RENDER_OVERVIEW_CELL_PT); x <= floor(x1 / RENDER_OVERVIEW_CELL_PT);
           x++) {
        gint64 key = render_overview_map_cell(x * RENDER_OVERVIEW_CELL_PT,
                                              y * RENDER_OVERVIEW_CELL_PT);
        GArray *in = g_hash_table_lookup(grid, &key);
        if (in == NULL) {
          in = g_array_new(FALSE, FALSE, sizeof(guint));
          g_hash_table_insert(grid, g_memdup2(&key, sizeof key), in);
        }
        g_array_append_val(in, i);
      }
  }
  for (guint i = 0; i < segs->len; i++) {
    RenderOverviewSeg *s = &g_array_index(segs, RenderOverviewSeg, i);
    double mx = (s->x0 + s->x1) / 2, my = (s->y0 + s->y1) / 2;
    for (int dy = -1; dy <= 1 && !s->border; dy++)
      for (int dx = -1; dx <= 1 && !s->border; dx++) {
        gint64 key = render_overview_map_cell(mx + dx * RENDER_OVERVIEW_CELL_PT,
                                              my + dy * RENDER_OVERVIEW_CELL_PT);
        GArray *in = g_hash_table_lookup(grid, &key);
        for (guint k = 0; in && k < in->len && !s->border; k++) {
          const RenderOverviewSeg *o = &g_array_index(segs, RenderOverviewSeg, g_array_index(in, guint, k));
          if (o->feature == s->feature || render_overview_map_seg_dist(o, mx, my) > eps)
            continue;
          if (o->group != s->group) {
            s->border = TRUE;
            s->near = o->group;
          } else {
            s->internal = TRUE; /* unless it is a border too (wins) */
          }
        }
      }
  }
}

/* Adds segments to a new path, consecutive ones joined: without `chosen`
 * the borders between groups; with it the outline of the chosen groups
 * (group values), less islets and lines inside a group. */
static void
render_overview_map_path_segs(cairo_t *cr, const RenderModel *m, const GArray *segs,
                              GHashTable *chosen)
{
  double last[2] = {NAN, NAN};
  cairo_new_path(cr);
  for (guint i = 0; i < segs->len; i++) {
    const RenderOverviewSeg *s = &g_array_index(segs, RenderOverviewSeg, i);
    gboolean want = chosen == NULL
                        ? s->border
                        : !(s->internal && !s->border) && !s->islet &&
                              g_hash_table_contains(chosen, m->layer->features[s->feature].group);
    if (!want)
      continue;
    if (!(s->x0 == last[0] && s->y0 == last[1]))
      cairo_move_to(cr, s->x0, s->y0);
    cairo_line_to(cr, s->x1, s->y1);
    last[0] = s->x1;
    last[1] = s->y1;
  }
}

void
render_overview_borders_draw(cairo_t *cr, const RenderModel *m, const GeoShapes *gs,
                             const RenderMapXf *t)
{
  const RenderPage *P0 = render_page_of(m);
  GArray *segs = render_overview_map_outlines(m, gs, t);
  /* Two sides simplified apart can each move by the page's resolution. */
  render_overview_map_mark_borders(segs, 2 * P0->resolution + 0.1);
  /* Both sides of a border are drawn: where the source digitised them
   * apart the two lie within eps, under the one line. */
  const RenderPage *P = P0;
  render_overview_map_path_segs(cr, m, segs, NULL);
  cairo_set_source_rgb(cr, 0.12, 0.12, 0.12);
  cairo_set_line_width(cr, P->group_line * 0.45);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke(cr);

  /* --only: the chosen groups cased, white under black, along their
   * outline (coasts too: that is what is being pointed at), leaving out
   * islets (they would print as blots). */
  if (render_overview_map_partial(m)) {
    g_autoptr(GHashTable) chosen = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < m->n_groups; i++)
      if (m->groups[i].n_features > 0)
        g_hash_table_add(chosen, (gpointer)m->layer->features[m->groups[i].features[0]].group);
    for (int pass = 0; pass < 2; pass++) {
      render_overview_map_path_segs(cr, m, segs, chosen);
      cairo_set_source_rgb(cr, pass ? 0 : 1, pass ? 0 : 1, pass ? 0 : 1);
      cairo_set_line_width(cr, P->group_line * (pass ? 0.5 : 1.1));
      cairo_stroke(cr);
    }
  }
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  g_array_unref(segs);
}

void
render_overview_marks_free(GArray *marks)
{
  if (marks == NULL)
    return;
  for (guint i = 0; i < marks->len; i++)
    g_free(g_array_index(marks, RenderOverviewMark, i).name);
  g_array_unref(marks);
}

/* The anchor of group gi: the pole of the largest part of its districts
 * on the page, with its clearance (points) and the group's page box. */
static gboolean
render_overview_map_anchor(const RenderModel *m, const GeoShapes *gs, const RenderMapXf *t,
                           guint gi, RenderOverviewMark *mk)
{
  const RenderGroup *g = &m->groups[gi];
  double best = -1;
  guint best_part = 0;
  double bb[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
  for (guint k = 0; k < g->n_features; k++) {
    guint f = g->features[k];
    if (gs->feature_part[f] == gs->feature_part[f + 1])
      continue;
    const double *b = &gs->bbox[4 * f];
    bb[0] = MIN(bb[0], b[0]);
    bb[1] = MIN(bb[1], b[1]);
    bb[2] = MAX(bb[2], b[2]);
    bb[3] = MAX(bb[3], b[3]);
    guint p = geo_shapes_main_part(gs, f);
    double a = fabs(geo_shapes_ring_area(gs, gs->part_ring[p]));
    if (a > best) {
      best = a;
      best_part = p;
    }
  }
  if (best < 0)
    return FALSE;
  double x, y;
  double d = geo_shapes_pole(gs, best_part, 0.5 / t->s, &x, &y);
  render_map_xf(t, x, y, &mk->ax, &mk->ay);
  mk->clearance = d * t->s;
  double x0, y0, x1, y1;
  render_map_xf(t, bb[0], bb[3], &x0, &y0);
  render_map_xf(t, bb[2], bb[1], &x1, &y1);
  mk->box = (RenderBox){x0, y0, x1, y1};
  return TRUE;
}

/* TRUE when page point (x, y) lies on a feature of gs (even-odd over each
 * feature's rings: shells and their holes). */
static gboolean
render_overview_map_on_land(const GeoShapes *gs, const RenderMapXf *t, double x, double y)
{
  double mx = t->cx + (x - t->ox) / t->s, my = t->cy - (y - t->oy) / t->s;
  for (guint f = 0; f < gs->n_features; f++) {
    const double *b = &gs->bbox[4 * f];
    if (isnan(b[0]) || mx < b[0] || mx > b[2] || my < b[1] || my > b[3])
      continue;
    gboolean in = FALSE;
    for (guint r = gs->part_ring[gs->feature_part[f]]; r < gs->part_ring[gs->feature_part[f + 1]]; r++)
      for (guint i = gs->ring_point[r], j = gs->ring_point[r + 1] - 1; i < gs->ring_point[r + 1];
           j = i++) {
        const double *p = &gs->xy[2 * i], *q = &gs->xy[2 * j];
        if ((p[1] > my) != (q[1] > my) && mx < (q[0] - p[0]) * (my - p[1]) / (q[1] - p[1]) + p[0])
          in = !in;
      }
    if (in)
      return TRUE;
  }
  return FALSE;
}

/* TRUE when no point of a 3 x 3 grid over box b lies on land. */
static gboolean
render_overview_map_box_at_sea(const GeoShapes *gs, const RenderMapXf *t, RenderBox b)
{
  for (int i = 0; i < 3; i++)
    for (int k = 0; k < 3; k++)
      if (render_overview_map_on_land(gs, t, b.x0 + (b.x1 - b.x0) * i / 2,
                                      b.y0 + (b.y1 - b.y0) * k / 2))
        return FALSE;
  return TRUE;
}

static gboolean
render_overview_map_box_meets(RenderBox a, RenderBox b)
{
  return !(a.x1 <= b.x0 || a.x0 >= b.x1 || a.y1 <= b.y0 || a.y0 >= b.y1);
}

GArray *
render_overview_marks_place(cairo_t *cr, const RenderModel *m, const GeoShapes *gs,
                            const RenderMapXf *t, RenderLabelSpace *sp)
{
  GArray *marks = g_array_new(FALSE, TRUE, sizeof(RenderOverviewMark));
  if (m->n_groups == 0)
    return marks;
  const RenderPage *P = render_page_of(m);
  const double nsize = P->number_size, lsize = P->label_size;
  gboolean named = render_overview_map_partial(m);
  guint *rank = render_overview_ranks(m);
  for (guint i = 0; i < m->n_groups; i++) {
    RenderOverviewMark mk = {.group = i, .rank = rank[i]};
    if (!render_overview_map_anchor(m, gs, t, i, &mk))
      continue;
    g_autofree char *num = g_strdup_printf("%u", mk.rank);
    double w, h;
    render_text_size(cr, num, nsize, TRUE, &w, &h);
    mk.r = MAX(w, h * 0.8) / 2 + 0.8;
    if (named)
      mk.name = g_strdup(m->groups[i].name);
    g_array_append_val(marks, mk);
  }
  g_free(rank);

  /* Small groups are protected first: no other disc lands on them. */
  RenderLabelSpace guard;
  render_label_space_init(&guard, sp->frame);
  for (guint i = 0; i < marks->len; i++) {
    RenderOverviewMark *mk = &g_array_index(marks, RenderOverviewMark, i);
    double bw = mk->box.x1 - mk->box.x0, bh = mk->box.y1 - mk->box.y0;
    mk->small = MAX(bw, bh) < RENDER_OVERVIEW_SMALL_DISCS * 2 * mk->r;
    if (mk->small)
      render_label_space_take(&guard, mk->box);
  }
  for (guint i = 0; i < marks->len; i++) {
    RenderOverviewMark *mk = &g_array_index(marks, RenderOverviewMark, i);
    double r = mk->r + 0.6;
    double nw = 0, nh = 0;
    if (mk->name)
      render_text_size(cr, mk->name, lsize, FALSE, &nw, &nh);
    /* The disc may sit on its group when the group's largest part holds
     * it with room to spare; otherwise beside it, on rings outward.  A
     * name goes beside its disc, over the sea, never over land (it would
     * hide districts); a name that finds no room leaves the disc alone. */
    for (int want_name = mk->name != NULL; want_name >= 0 && !mk->placed; want_name--) {
      gboolean inside_ok = !mk->small && mk->clearance >= r * 1.3;
      for (int ring = inside_ok ? 0 : 1; ring <= (want_name ? 20 : 14) && !mk->placed; ring++) {
        double dist = ring == 0 ? 0 : r + 2 + ring * 3.0;
        int steps = ring == 0 ? 1 : 24;
        for (int k = 0; k < steps && !mk->placed; k++) {
          double a = -G_PI / 4 + k * 2 * G_PI / steps;
          double x = mk->ax + dist * cos(a), y = mk->ay + dist * sin(a);
          RenderBox b = {x - r, y - r, x + r, y + r};
          if (!render_label_space_fits(sp, b))
            continue;
          /* Never on a small group: its own (the disc would hide it) or
           * another's. */
          gboolean hides = FALSE;
          for (guint j = 0; j < marks->len && !hides; j++) {
            const RenderOverviewMark *o = &g_array_index(marks, RenderOverviewMark, j);
            hides = o->small && render_overview_map_box_meets(b, o->box);
          }
          if (hides)
            continue;
          RenderBox nb = {0};
          if (want_name) {
            /* Right of the disc, else left. */
            gboolean ok = FALSE;
            for (int side = 0; side < 2 && !ok; side++) {
              double cx = side == 0 ? x + r + 1.5 + nw / 2 : x - r - 1.5 - nw / 2;
              nb = (RenderBox){cx - nw / 2 - 1, y - nh / 2, cx + nw / 2 + 1, y + nh / 2};
              ok = render_label_space_fits(sp, nb) && render_overview_map_box_at_sea(gs, t, nb);
              if (ok) {
                mk->name_x = cx;
                mk->name_y = y;
              }
            }
            if (!ok)
              continue;
          }
          mk->x = x;
          mk->y = y;
          mk->leader = dist > 0;
          mk->placed = TRUE;
          render_label_space_take(sp, b);
          if (want_name) {
            render_label_space_take(sp, nb);
            mk->name_placed = TRUE;
          }
        }
      }
    }
  }
  render_label_space_clear(&guard);
  return marks;
}

void
render_overview_marks_draw(cairo_t *cr, const RenderModel *m, const GArray *marks)
{
  const RenderPage *P = render_page_of(m);
  for (guint i = 0; i < marks->len; i++) {
    const RenderOverviewMark *mk = &g_array_index(marks, RenderOverviewMark, i);
    if (!mk->placed)
      continue;
    cairo_save(cr);
    if (mk->leader) {
      double dx = mk->x - mk->ax, dy = mk->y - mk->ay, len = hypot(dx, dy);
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      cairo_new_path(cr);
      cairo_arc(cr, mk->ax, mk->ay, 0.9, 0, 2 * G_PI);
      cairo_fill(cr);
      cairo_set_line_width(cr, 0.5);
      cairo_move_to(cr, mk->ax, mk->ay);
      cairo_line_to(cr, mk->x - dx / len * mk->r, mk->y - dy / len * mk->r);
      cairo_stroke(cr);
    }
    g_autofree char *num = g_strdup_printf("%u", mk->rank);
    double w, h;
    render_text_size(cr, num, P->number_size, TRUE, &w, &h);
    cairo_new_path(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_arc(cr, mk->x, mk->y, mk->r, 0, 2 * G_PI);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);
    render_text(cr, num, P->number_size, TRUE, mk->x, mk->y - h / 2, 0, RENDER_ALIGN_CENTER);
    if (mk->name_placed)
      render_text_halo(cr, mk->name, P->label_size, mk->name_x, mk->name_y);
    cairo_restore(cr);
  }
  /* For tests: what was placed, in page points (see tests/overview.sh). */
  const char *dbg = g_getenv("PETARAWAN_DEBUG_PLACEMENTS");
  if (dbg && *dbg) {
    FILE *out = fopen(dbg, "a");
    if (out == NULL)
      return;
    for (guint i = 0; i < marks->len; i++) {
      const RenderOverviewMark *mk = &g_array_index(marks, RenderOverviewMark, i);
      fprintf(out, "overview-mark %s rank=%u placed=%d disc=%.2f,%.2f r=%.2f anchor=%.2f,%.2f "
                   "box=%.2f,%.2f,%.2f,%.2f small=%d leader=%d name=%d\n",
              m->groups[mk->group].code, mk->rank, mk->placed, mk->x, mk->y, mk->r, mk->ax, mk->ay,
              mk->box.x0, mk->box.y0, mk->box.x1, mk->box.y1, mk->small, mk->leader,
              mk->name_placed);
    }
    fclose(out);
  }
}
