/* render-labels.c — district labels on a sheet's map: each district's name
 * at its pole of inaccessibility where it fits, else its rank in the table
 * in a white disc, at the pole or on rings around it with a leader line. */
#include "render-private.h"

#include <math.h>
#include <string.h>

/* Sheets with more districts than this get no leader lines to numbers
 * placed away from their district: a cloud of leaders reads as noise. */
#define RENDER_MAP_MAX_LEADERS 150

/* "Kabupaten Kupang" -> "Kupang"; "Kota Administrasi Jakarta Timur" ->
 * "Jakarta Timur"; "Kota Kupang" stays.  Caller frees. */
static char *
render_map_label_text(const char *name)
{
  static const char *drop[] = {"Kabupaten Administrasi ", "Kabupaten ", "Kab. ",
                               "Kota Administrasi ", "Kota Adm. "};
  for (guint i = 0; i < G_N_ELEMENTS(drop); i++)
    if (g_str_has_prefix(name, drop[i]))
      return g_strdup(name + strlen(drop[i]));
  return g_strdup(name);
}

typedef struct {
  guint feature; /* index in the projected set */
  double x, y, d; /* pole in page points and its clearance */
} RenderLabelCandidate;

static int
render_map_cmp_candidate(gconstpointer a, gconstpointer b)
{
  const RenderLabelCandidate *ca = a, *cb = b;
  if (ca->d != cb->d)
    return ca->d < cb->d ? 1 : -1;
  return ca->feature < cb->feature ? -1 : ca->feature > cb->feature;
}

/* Draws a district number in a small white disc, centred at (x, y). */
static void
render_map_number(cairo_t *cr, const char *text, double size, double x, double y)
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

/* Every district of the sheet gets a label on its main part: its name at
 * the pole of inaccessibility when the name fits there without touching
 * another label, else its number in the ranked table — at the pole, or
 * nearby with a short leader line when the pole is crowded.  Labels never
 * overlap each other, what `sp` holds already (the reserved corners,
 * graticule labels) or the frame's edge; they are added to `sp`.  Returns
 * the number of districts that could not be labelled (0 in practice;
 * counted so that nothing is lost silently). */
guint
render_map_labels(cairo_t *cr, const RenderModel *m, const RenderGroup *g, const GeoShapes *gs,
                  const RenderMapXf *t, RenderLabelSpace *sp)
{
  /* Sizes grow faster than the page on posters (render-page.c). */
  const double size = render_page_of(m)->label_size, nsize = render_page_of(m)->number_size;
  GArray *cand = g_array_new(FALSE, FALSE, sizeof(RenderLabelCandidate));
  for (guint i = 0; i < gs->n_features; i++) {
    if (gs->feature_part[i] == gs->feature_part[i + 1])
      continue; /* vanished at this scale: numbered below from its bbox */
    guint p = geo_shapes_main_part(gs, i);
    double x, y;
    double d = geo_shapes_pole(gs, p, 0.5 / t->s, &x, &y);
    RenderLabelCandidate c = {i, 0, 0, d * t->s};
    render_map_xf(t, x, y, &c.x, &c.y);
    g_array_append_val(cand, c);
  }
  g_array_sort(cand, render_map_cmp_candidate);

  /* Rank of each feature of the set, as numbered in the table. */
  guint *order = render_table_order(m, g);
  guint *rank = g_new0(guint, MAX(g->n_features, 1));
  g_autoptr(GHashTable) pos = g_hash_table_new(g_direct_hash, g_direct_equal);
  for (guint i = 0; i < g->n_features; i++)
    g_hash_table_insert(pos, GUINT_TO_POINTER(g->features[i]), GUINT_TO_POINTER(i + 1));
  for (guint r = 0; r < g->n_features; r++) {
    guint i = GPOINTER_TO_UINT(g_hash_table_lookup(pos, GUINT_TO_POINTER(order[r])));
    if (i > 0)
      rank[i - 1] = r + 1;
  }
  g_free(order);

  gboolean *done = g_new0(gboolean, MAX(gs->n_features, 1));

  /* Pass 1: names, most room first. */
  for (guint i = 0; i < cand->len; i++) {
    const RenderLabelCandidate *c = &g_array_index(cand, RenderLabelCandidate, i);
    g_autofree char *text = render_map_label_text(m->layer->features[g->features[c->feature]].name);
    double w, h;
    render_text_size(cr, text, size, FALSE, &w, &h);
    /* The name may reach past the inscribed circle a little, not far. */
    if (w / 2 > c->d * 1.6 + 4 || h / 2 > c->d + 2)
      continue;
    RenderBox b = {c->x - w / 2 - 1, c->y - h / 2, c->x + w / 2 + 1, c->y + h / 2};
    if (!render_label_space_fits(sp, b))
      continue;
    render_label_space_take(sp, b);
    render_text_halo(cr, text, size, c->x, c->y);
    done[c->feature] = TRUE;
  }

  /* Pass 2: numbers for the rest, at the pole or on rings around it. */
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
    gboolean crowded = cand->len > RENDER_MAP_MAX_LEADERS;
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
        RenderBox b = {x - r0, y - r0, x + r0, y + r0};
        if (!render_label_space_fits(sp, b))
          continue;
        render_label_space_take(sp, b);
        if (dist > 0) {
          /* Leader from the district to the edge of the disc. */
          cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
          cairo_set_line_width(cr, 0.4);
          cairo_new_path(cr);
          cairo_arc(cr, c->x, c->y, 0.9, 0, 2 * G_PI);
          cairo_fill(cr);
          cairo_move_to(cr, c->x, c->y);
          cairo_line_to(cr, x - (r0 - 1.2) * cos(a), y - (r0 - 1.2) * sin(a));
          cairo_stroke(cr);
        }
        render_map_number(cr, num, nsize, x, y);
        placed = TRUE;
      }
    }
    if (!placed)
      lost++;
  }
  g_free(done);
  g_free(rank);
  g_array_unref(cand);
  return lost;
}
