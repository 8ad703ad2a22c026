/* render-labels.c — district labels on a sheet's map: each district's name
 * at its pole of inaccessibility where it fits, else in the sea (or on the
 * grey land around the group) joined to its district by a leader, else its
 * rank in the table in a white disc, at the pole when the district keeps
 * enough of its colour around it, or beside it with a leader line.
 *
 * Every district's class colour stays visible: a square at the pole of
 * each district (its core) is kept free of every other label, and a
 * district too small to show its colour under its own lines (Kota
 * Mojokerto on the Jawa Timur sheet) gets a patch in its class colour with
 * a dark edge at its pole, its label beside it on a leader. */
#include "render-private.h"

#include <math.h>
#include <string.h>

/* Sheets with more districts than this get no leader lines to numbers
 * placed away from their district: a cloud of leaders reads as noise. */
#define RENDER_MAP_MAX_LEADERS 150

/* Half the side of the square kept free of other labels at each
 * district's pole (layout points): 36 pt², 4.5 mm² on A4. */
#define RENDER_LABELS_CORE 3.0
/* Half the side of a patch, the class-coloured square standing for a
 * district too small to show its colour (inside: about 4 mm² on A4). */
#define RENDER_LABELS_PATCH 3.2
/* Gap between a number disc and any other label, so that "27" and
 * "Madiun" never read as one label. */
#define RENDER_LABELS_GAP 1.8
/* What a district must keep visible of its area, less its lines, under
 * its own label (pt², 10 mm² on A4), to carry it over its core. */
#define RENDER_LABELS_OWN_MIN 80.0
/* A district whose clearance, less its lines, is under this (layout
 * points), and whose area less its lines is under RENDER_LABELS_PATCH_AREA
 * pt², shows its colour through a patch. */
#define RENDER_LABELS_PATCH_CLEARANCE 4.3
#define RENDER_LABELS_PATCH_AREA 64.0
/* The most of a name's box that may lie over other districts. */
#define RENDER_LABELS_SPILL 0.2
/* Smaller names a poster tries, layout points (A4's 6.5 is 26 pt on A0;
 * these are 22.4 and 19.2 pt, 6.8 mm high: read from 3 m). */
#define RENDER_LABELS_POSTER_SIZE 5.6
#define RENDER_LABELS_POSTER_SIZE_MIN 4.8

/* "Kabupaten Kupang" -> "Kupang"; "Kota Administrasi Jakarta Timur" ->
 * "Jakarta Timur"; "Kota Kupang" stays.  With `keep_kab` (a Kota of the
 * same name is on the sheet) "Kabupaten Madiun" -> "Kab. Madiun".  Caller
 * frees. */
static char *
render_labels_text(const char *name, gboolean keep_kab)
{
  const char *rest;
  const GeoNamePrefix *p = geo_name_prefix(name, &rest);
  if (p == NULL || !p->label_drops)
    return g_strdup(name);
  if (keep_kab && p->kind == GEO_NAME_KABUPATEN)
    return g_strconcat("Kab. ", rest, NULL);
  return g_strdup(rest);
}

/* The name without its Kabupaten/Kota prefix (the one prefix table,
 * geo-name.c), case folded, for comparing a Kota with a Kabupaten.
 * Caller frees. */
static char *
render_labels_base(const char *name)
{
  const char *rest;
  const GeoNamePrefix *p = geo_name_prefix(name, &rest);
  return g_utf8_casefold(p && p->kind != GEO_NAME_ANY ? rest : name, -1);
}

typedef struct {
  guint feature;  /* index in the projected set */
  double x, y, d; /* pole in page points and its clearance */
  double keep;    /* the clearance left inside its lines and outlines */
  double net;     /* its area less what its lines and outlines cover, pt² */
  gboolean patch; /* shown by a patch: too small for its colour to show */
} RenderLabelCandidate;

static int
render_labels_cmp_candidate(gconstpointer a, gconstpointer b)
{
  const RenderLabelCandidate *ca = a, *cb = b;
  if (ca->d != cb->d)
    return ca->d < cb->d ? 1 : -1;
  return ca->feature < cb->feature ? -1 : ca->feature > cb->feature;
}

/* Area (pt²) and perimeter (pt) of feature f of `s` on the page. */
static void
render_labels_measure(const GeoShapes *s, guint f, double scale, double *area, double *perimeter)
{
  *area = 0;
  *perimeter = 0;
  for (guint p = s->feature_part[f]; p < s->feature_part[f + 1]; p++) {
    *area += geo_shapes_part_area(s, p) * scale * scale;
    for (guint r = s->part_ring[p]; r < s->part_ring[p + 1]; r++) {
      guint a = s->ring_point[r], n = s->ring_point[r + 1] - a;
      for (guint k = 0; k < n; k++) {
        const double *p0 = &s->xy[2 * (a + k)], *p1 = &s->xy[2 * (a + (k + 1) % n)];
        *perimeter += hypot(p1[0] - p0[0], p1[1] - p0[1]) * scale;
      }
    }
  }
}

static double
render_labels_overlap(RenderBox a, RenderBox b)
{
  double w = MIN(a.x1, b.x1) - MAX(a.x0, b.x0), h = MIN(a.y1, b.y1) - MAX(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/* The box kept free at c's pole: its patch with the gap, or its core. */
static RenderBox
render_labels_core(const RenderLabelCandidate *c)
{
  double h = c->patch ? RENDER_LABELS_PATCH + RENDER_LABELS_GAP : RENDER_LABELS_CORE;
  return (RenderBox){c->x - h, c->y - h, c->x + h, c->y + h};
}

/* Whether c's own label may take box b: b meets no label placed so far
 * (`sp`) and no other district's core (`cores`, the core of candidate i
 * taken i-th); where it covers c's own core, c keeps at least
 * RENDER_LABELS_OWN_MIN of the square inscribed in its clearance.  A
 * patch is never covered. */
static gboolean
render_labels_fits(const RenderLabelSpace *sp, const RenderLabelSpace *cores, guint index,
                   const RenderLabelCandidate *c, RenderBox b)
{
  if (!render_label_space_fits(sp, b) || !render_label_space_fits_except(cores, b, index))
    return FALSE;
  RenderBox core = render_labels_core(c);
  if (render_labels_overlap(b, core) <= 0)
    return TRUE;
  if (c->patch)
    return FALSE;
  return c->net - (b.x1 - b.x0) * (b.y1 - b.y0) >= RENDER_LABELS_OWN_MIN;
}

/* Draws a district number in a small white disc, centred at (x, y). */
static void
render_labels_number(cairo_t *cr, const char *text, double size, double x, double y)
{
  double w, h;
  render_text_size(cr, text, size, TRUE, &w, &h);
  cairo_save(cr);
  cairo_new_path(cr);
  cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
  cairo_arc(cr, x, y, MAX(w, h * 0.8) / 2 + 0.8, 0, 2 * G_PI);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
  cairo_set_line_width(cr, 0.4);
  cairo_stroke(cr);
  render_text(cr, text, size, TRUE, x, y - h / 2, 0, RENDER_ALIGN_CENTER);
  cairo_restore(cr);
}

/* A leader from district c to (x, y), where its label is: from a dot at
 * the pole, or from the edge of its patch. */
static void
render_labels_leader(cairo_t *cr, const RenderLabelCandidate *c, double x, double y)
{
  double dx = x - c->x, dy = y - c->y, len = hypot(dx, dy);
  if (len <= 0)
    return;
  double x0 = c->x, y0 = c->y;
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
  cairo_set_line_width(cr, 0.4);
  cairo_new_path(cr);
  if (c->patch) {
    /* Where the ray towards the label leaves the patch's square. */
    double f = RENDER_LABELS_PATCH / MAX(fabs(dx), fabs(dy));
    x0 += dx * f;
    y0 += dy * f;
  } else {
    cairo_arc(cr, c->x, c->y, 0.9, 0, 2 * G_PI);
    cairo_fill(cr);
  }
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x, y);
  cairo_stroke(cr);
  cairo_restore(cr);
}

/* The patch of district c (model feature `feature`): a square in its
 * class colour with a dark edge at its pole. */
static void
render_labels_patch(cairo_t *cr, const RenderModel *m, guint feature, const RenderLabelCandidate *c)
{
  cairo_save(cr);
  cairo_new_path(cr);
  cairo_rectangle(cr, c->x - RENDER_LABELS_PATCH, c->y - RENDER_LABELS_PATCH,
                  2 * RENDER_LABELS_PATCH, 2 * RENDER_LABELS_PATCH);
  render_feature_fill(cr, m, feature, TRUE);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  cairo_set_line_width(cr, 0.5);
  cairo_stroke(cr);
  cairo_restore(cr);
}

/* Tries to put c's name, w x h, beside the district where it covers no
 * land of the group, joined to it by a leader at most `rings` steps of
 * 5 pt long; returns TRUE when drawn. */
static gboolean
render_labels_name_outside(cairo_t *cr, const RenderLabelMask *mask, RenderLabelSpace *sp,
                           const RenderLabelSpace *cores, guint index,
                           const RenderLabelCandidate *c, const char *text, double size, double w,
                           double h, int rings)
{
  for (int ring = 0; ring < rings; ring++) {
    double dist = RENDER_LABELS_PATCH + 4.5 + ring * 5.0;
    for (int k = 0; k < 16; k++) {
      double a = -G_PI / 4 + k * 2 * G_PI / 16, ca = cos(a), sa = sin(a);
      double x = c->x + ca * (dist + w / 2 * fabs(ca)), y = c->y + sa * (dist + h / 2 * fabs(sa));
      RenderBox b = {x - w / 2 - 1, y - h / 2, x + w / 2 + 1, y + h / 2};
      if (!render_labels_fits(sp, cores, index, c, b) || render_label_mask_land(mask, b) > 0.04)
        continue;
      render_label_space_take(sp, b);
      /* The leader ends at the nearest point of the name's box. */
      render_labels_leader(cr, c, CLAMP(c->x, b.x0, b.x1), CLAMP(c->y, b.y0, b.y1));
      render_text_halo(cr, text, size, x, y);
      return TRUE;
    }
  }
  return FALSE;
}

/* Every district of the sheet gets a label on its main part: its name at
 * the pole of inaccessibility when the name fits there without touching
 * another label, else its name beside it in the sea on a leader, else its
 * number in the ranked table — at the pole, or nearby with a short leader
 * line when the pole is crowded or too small to show the district's
 * colour around the disc.  Labels never overlap each other, another
 * district's core or patch, what `sp` holds already (the reserved
 * corners, graticule labels) or the frame's edge; they are added to `sp`,
 * and so are the cores and patches.  Returns the number of districts that
 * could not be labelled (0 in practice; counted so that nothing is lost
 * silently). */
guint
render_map_labels(cairo_t *cr, const RenderModel *m, const RenderGroup *g, const GeoShapes *gs,
                  const guint *rank, const gboolean *priority, const RenderMapXf *t,
                  RenderLabelSpace *sp)
{
  /* Sizes grow faster than the page on posters (render-page.c). */
  const RenderPage *page = render_page_of(m);
  const double size = page->label_size, nsize = page->number_size;
  /* What shows where (not on crowded sheets: see the numbers below). */
  guint n_drawn = 0;
  for (guint i = 0; i < gs->n_features; i++)
    n_drawn += gs->feature_part[i] != gs->feature_part[i + 1];
  gboolean crowded = n_drawn > RENDER_MAP_MAX_LEADERS;
  RenderLabelMask *mask = crowded ? NULL : render_label_mask_new(m, gs, g->features, t, sp->frame);
  GArray *cand = g_array_new(FALSE, FALSE, sizeof(RenderLabelCandidate));
  for (guint i = 0; i < gs->n_features; i++) {
    if (gs->feature_part[i] == gs->feature_part[i + 1])
      continue; /* vanished at this scale: numbered below from its bbox */
    guint p = geo_shapes_main_part(gs, i);
    double x, y;
    double d = geo_shapes_pole(gs, p, 0.5 / t->s, &x, &y);
    RenderLabelCandidate c = {i, 0, 0, d * t->s, 0, 0, FALSE};
    render_map_xf(t, x, y, &c.x, &c.y);
    /* A pole under another district (overlapping source polygons) moves
     * to the middle of what shows of this one. */
    double mx, my, md;
    if (mask && render_label_mask_owner(mask, c.x, c.y) != i + 1 &&
        render_label_mask_pole(mask, i, &mx, &my, &md)) {
      c.x = mx;
      c.y = my;
      c.d = md;
    }
    /* What its own lines take inside it: half the district line, the
     * white casing of a priority outline, half a printer's dot. */
    double eat = page->district_line / 2 + (priority && priority[i] ? 1.9 : 0) + 0.5;
    double area, perimeter;
    render_labels_measure(gs, i, t->s, &area, &perimeter);
    c.keep = c.d - eat;
    c.net = area - perimeter * eat;
    c.patch = c.keep < RENDER_LABELS_PATCH_CLEARANCE && c.net < RENDER_LABELS_PATCH_AREA;
    g_array_append_val(cand, c);
  }
  g_array_sort(cand, render_labels_cmp_candidate);

  /* Cores and patches, candidate i's taken i-th; patches drawn now, under
   * every label (a crowded sheet has neither: see the numbers below). */
  RenderLabelSpace cores;
  render_label_space_init(&cores, sp->frame);
  for (guint i = 0; i < cand->len; i++) {
    RenderLabelCandidate *c = &g_array_index(cand, RenderLabelCandidate, i);
    if (crowded)
      c->patch = FALSE;
    render_label_space_take(&cores, crowded ? (RenderBox){0, 0, 0, 0} : render_labels_core(c));
    if (c->patch)
      render_labels_patch(cr, m, g->features[c->feature], c);
  }

  /* Names of Kota: a Kabupaten of the same name keeps "Kab.". */
  g_autoptr(GHashTable) kota = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < g->n_features; i++) {
    const char *name = m->layer->features[g->features[i]].name;
    if (name && g_str_has_prefix(name, "Kota "))
      g_hash_table_add(kota, render_labels_base(name));
  }
  char **texts = g_new0(char *, MAX(gs->n_features, 1) + 1);
  for (guint i = 0; i < gs->n_features; i++) {
    const char *name = m->layer->features[g->features[i]].name;
    g_autofree char *base = render_labels_base(name ? name : "");
    gboolean keep_kab = !g_str_has_prefix(name ? name : "", "Kota ") &&
                        g_hash_table_contains(kota, base);
    texts[i] = render_labels_text(name ? name : "", keep_kab);
  }

  gboolean *done = g_new0(gboolean, MAX(gs->n_features, 1));

  /* Name sizes to try: the page's; on a poster, whose names are larger
   * than the A4 sheet's enlarged, also smaller ones down to A4's enlarged
   * to the poster's map (its frame is up to a quarter smaller in layout
   * units), so that a poster names at least the districts the A4 sheet
   * names. */
  double sizes[3] = {size, RENDER_LABELS_POSTER_SIZE, RENDER_LABELS_POSTER_SIZE_MIN};
  guint n_sizes = page->k > 1.01 && size > RENDER_LABELS_POSTER_SIZE ? 3 : 1;

  /* Pass 1: names at the pole, most room first. */
  for (guint s = 0; s < n_sizes; s++)
    for (guint i = 0; i < cand->len; i++) {
      const RenderLabelCandidate *c = &g_array_index(cand, RenderLabelCandidate, i);
      if (c->patch || done[c->feature])
        continue;
      const char *text = texts[c->feature];
      double w, h;
      render_text_size(cr, text, sizes[s], FALSE, &w, &h);
      /* The name may reach past the inscribed circle a little, not far. */
      if (w / 2 > c->d * 1.6 + 4 || h / 2 > c->d + 2)
        continue;
      RenderBox b = {c->x - w / 2 - 1, c->y - h / 2, c->x + w / 2 + 1, c->y + h / 2};
      if (!render_labels_fits(sp, &cores, i, c, b))
        continue;
      /* Mostly inside: a name running far onto its neighbour reads as
       * the neighbour's ("Trenggalek" onto Tulungagung). */
      if (mask && render_label_mask_other(mask, b, c->feature) > RENDER_LABELS_SPILL)
        continue;
      render_label_space_take(sp, b);
      render_text_halo(cr, text, sizes[s], c->x, c->y);
      done[c->feature] = TRUE;
    }

  /* Pass 2: names that did not fit inside, in the sea on a leader. */
  for (guint s = 0; s < n_sizes && !crowded; s++)
    for (guint i = 0; i < cand->len; i++) {
      const RenderLabelCandidate *c = &g_array_index(cand, RenderLabelCandidate, i);
      if (done[c->feature])
        continue;
      double w, h;
      render_text_size(cr, texts[c->feature], sizes[s], FALSE, &w, &h);
      done[c->feature] = render_labels_name_outside(cr, mask, sp, &cores, i, c, texts[c->feature],
                                                    sizes[s], w, h, s == 0 ? 4 : 6);
    }
  render_label_mask_free(mask);

  /* Pass 3: numbers for the rest, at the pole or on rings around it. */
  guint lost = 0;
  for (guint i = 0; i < cand->len; i++) {
    const RenderLabelCandidate *c = &g_array_index(cand, RenderLabelCandidate, i);
    if (done[c->feature])
      continue;
    g_autofree char *num = g_strdup_printf("%u", rank[c->feature]);
    double w, h;
    render_text_size(cr, num, nsize, TRUE, &w, &h);
    double r0 = MAX(w, h * 0.8) / 2 + 1.2;
    gboolean placed = FALSE;
    /* A crowded sheet (villages) numbers only districts that hold their
     * disc: numbers spilling over their neighbours, or on leaders, would
     * hide the map; the rest are in the table and counted on the map. */
    if (crowded && c->d < r0 * 0.8) {
      lost++;
      continue;
    }
    int rings = crowded ? 0 : 10;
    for (int ring = 0; ring <= rings && !placed; ring++) {
      double dist = ring == 0 ? 0 : 5 + ring * 5.0;
      int steps = ring == 0 ? 1 : 16;
      for (int k = 0; k < steps && !placed; k++) {
        double a = -G_PI / 4 + k * 2 * G_PI / steps;
        double x = c->x + dist * cos(a), y = c->y + dist * sin(a);
        /* The gap keeps a disc off every other label. */
        double r = r0 + RENDER_LABELS_GAP;
        RenderBox b = {x - r, y - r, x + r, y + r};
        if (!render_labels_fits(sp, &cores, i, c, b))
          continue;
        render_label_space_take(sp, b);
        if (dist > 0)
          render_labels_leader(cr, c, x - (r0 - 1.2) * cos(a), y - (r0 - 1.2) * sin(a));
        render_labels_number(cr, num, nsize, x, y);
        placed = TRUE;
      }
    }
    if (!placed)
      lost++;
  }

  /* What comes next (neighbours' names) keeps off the cores and patches. */
  for (guint i = 0; i < cores.boxes->len; i++)
    render_label_space_take(sp, g_array_index(cores.boxes, RenderBox, i));
  render_label_space_clear(&cores);
  g_strfreev(texts);
  g_free(done);
  g_array_unref(cand);
  return lost;
}
