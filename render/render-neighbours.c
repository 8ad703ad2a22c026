/* render-neighbours.c — names of what surrounds a sheet's group: the
 * neighbouring groups (provinces on a kab/kota sheet) and countries of the
 * context layer, in grey italic inside the part of each that the map
 * shows, so a reader knows what the grey land around the province is.
 *
 * A name goes where it has the most room: the visible land of one
 * neighbour is rasterised at about a point per pixel, everything already
 * placed (reserved corners, degree labels, district labels, earlier names)
 * is cut out of it, and a summed-area table finds the positions where the
 * name's box with the widest margin lies wholly on that land; of those the
 * one nearest the centre of the visible land wins.  A neighbour that shows
 * too little of itself for its name stays unnamed. */
#include "render-private.h"

#include <math.h>
#include <string.h>

#define RENDER_NEIGHBOUR_GAP 2.5 /* points kept from other labels */

typedef struct {
  const char *name;   /* borrowed from the layer or the group names */
  gboolean country;   /* countries are written in capitals */
  const GeoShapes *s; /* the projected set its features are in */
  GArray *features;   /* guint indices into s */
  guint64 visible;    /* land pixels inside the frame */
  double cx, cy;      /* their centre, pixels */
} RenderNeighbour;

static void
render_neighbour_clear(gpointer p)
{
  RenderNeighbour *n = p;
  g_array_unref(n->features);
}

/* Adds feature f of s to the neighbour called `name`, made when new. */
static void
render_neighbour_add(GArray *list, GHashTable *index, const char *name, gboolean country,
                     const GeoShapes *s, guint f)
{
  if (name == NULL || *name == '\0')
    return;
  g_autofree char *key = g_strdup_printf("%c%s", country ? 'c' : 'g', name);
  gpointer at;
  if (!g_hash_table_lookup_extended(index, key, NULL, &at)) {
    RenderNeighbour n = {name, country, s, g_array_new(FALSE, FALSE, sizeof(guint)), 0, 0, 0};
    g_array_append_val(list, n);
    at = GUINT_TO_POINTER(list->len - 1);
    g_hash_table_insert(index, g_steal_pointer(&key), at);
  }
  g_array_append_val(g_array_index(list, RenderNeighbour, GPOINTER_TO_UINT(at)).features, f);
}

/* The mask: one byte per pixel, `px` points a pixel, over the frame. */
typedef struct {
  cairo_surface_t *surface;
  int w, h, stride;
  double px;
  RenderRect frame;
} RenderMask;

/* Clears the mask and returns a context on it in page points, filling
 * without antialiasing.  Caller destroys. */
static cairo_t *
render_neighbour_mask_begin(RenderMask *mk)
{
  cairo_t *cr = cairo_create(mk->surface);
  cairo_set_operator(cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint(cr);
  cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
  cairo_scale(cr, 1 / mk->px, 1 / mk->px);
  cairo_translate(cr, -mk->frame.x, -mk->frame.y);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  return cr;
}

/* Clears the mask and fills the land of neighbour n. */
static void
render_neighbour_rasterise(RenderMask *mk, const RenderNeighbour *n, const RenderMapXf *t)
{
  cairo_t *cr = render_neighbour_mask_begin(mk);
  for (guint i = 0; i < n->features->len; i++)
    render_map_path_feature(cr, n->s, g_array_index(n->features, guint, i), t);
  cairo_set_source_rgba(cr, 0, 0, 0, 1);
  cairo_fill(cr);
  cairo_destroy(cr);
  cairo_surface_flush(mk->surface);
}

/* Cuts every box of sp, widened by the gap, out of the mask. */
static void
render_neighbour_cut(RenderMask *mk, const RenderLabelSpace *sp)
{
  cairo_t *cr = cairo_create(mk->surface);
  cairo_scale(cr, 1 / mk->px, 1 / mk->px);
  cairo_translate(cr, -mk->frame.x, -mk->frame.y);
  cairo_set_operator(cr, CAIRO_OPERATOR_CLEAR);
  const double g = RENDER_NEIGHBOUR_GAP;
  for (guint i = 0; i < sp->boxes->len; i++) {
    const RenderBox *b = &g_array_index(sp->boxes, RenderBox, i);
    cairo_rectangle(cr, b->x0 - g, b->y0 - g, b->x1 - b->x0 + 2 * g, b->y1 - b->y0 + 2 * g);
  }
  /* And a band along the frame, which labels keep clear of. */
  const RenderRect *f = &mk->frame;
  cairo_rectangle(cr, f->x - 10, f->y - 10, f->w + 20, f->h + 20);
  cairo_rectangle(cr, f->x + f->w - g, f->y + g, -(f->w - 2 * g), f->h - 2 * g);
  cairo_fill(cr);
  cairo_destroy(cr);
  cairo_surface_flush(mk->surface);
}

/* Land pixels of the mask and their centre. */
static guint64
render_neighbour_measure(const RenderMask *mk, double *cx, double *cy)
{
  const unsigned char *d = cairo_image_surface_get_data(mk->surface);
  guint64 n = 0;
  double sx = 0, sy = 0;
  for (int y = 0; y < mk->h; y++)
    for (int x = 0; x < mk->w; x++)
      if (d[y * mk->stride + x] >= 128) {
        n++;
        sx += x + 0.5;
        sy += y + 0.5;
      }
  *cx = n ? sx / n : 0;
  *cy = n ? sy / n : 0;
  return n;
}

/* Summed-area table of land pixels: sat[(y)(w+1) + x] counts [0,x)x[0,y). */
static void
render_neighbour_sat(const RenderMask *mk, guint32 *sat)
{
  const unsigned char *d = cairo_image_surface_get_data(mk->surface);
  int W = mk->w + 1;
  memset(sat, 0, sizeof(guint32) * (gsize)W);
  for (int y = 0; y < mk->h; y++) {
    guint32 row = 0;
    sat[(gsize)(y + 1) * W] = 0;
    for (int x = 0; x < mk->w; x++) {
      row += d[y * mk->stride + x] >= 128;
      sat[(gsize)(y + 1) * W + x + 1] = sat[(gsize)y * W + x + 1] + row;
    }
  }
}

/* Finds the centre (pixels) of a bw x bh pixel box lying wholly on land,
 * nearest (cx, cy).  FALSE when none fits. */
static gboolean
render_neighbour_spot(const RenderMask *mk, const guint32 *sat, int bw, int bh, double cx,
                      double cy, double *ox, double *oy)
{
  int W = mk->w + 1;
  guint32 full = (guint32)(bw * bh);
  double best = INFINITY;
  for (int y = 0; y + bh <= mk->h; y += 2)
    for (int x = 0; x + bw <= mk->w; x += 2) {
      guint32 s = sat[(gsize)(y + bh) * W + x + bw] - sat[(gsize)y * W + x + bw] -
                  sat[(gsize)(y + bh) * W + x] + sat[(gsize)y * W + x];
      if (s != full)
        continue;
      double mx = x + bw / 2.0, my = y + bh / 2.0;
      double d = (mx - cx) * (mx - cx) + (my - cy) * (my - cy);
      if (d < best) {
        best = d;
        *ox = mx;
        *oy = my;
      }
    }
  return isfinite(best);
}

/* `text` split at the space nearest its middle, or NULL when it has
 * none.  Returns: (transfer full) g_free. */
static char *
render_neighbour_two_lines(const char *text)
{
  glong n = g_utf8_strlen(text, -1), best = -1;
  glong i = 0;
  for (const char *p = text; *p; p = g_utf8_next_char(p), i++)
    if (*p == ' ' && (best < 0 || labs(2 * i - n) < labs(2 * best - n)))
      best = i;
  if (best < 0)
    return NULL;
  char *out = g_strdup(text);
  *g_utf8_offset_to_pointer(out, best) = '\n';
  return out;
}

static int
render_neighbour_cmp(gconstpointer pa, gconstpointer pb)
{
  const RenderNeighbour *a = pa, *b = pb;
  if (a->visible != b->visible)
    return a->visible < b->visible ? 1 : -1;
  if (a->country != b->country)
    return a->country ? 1 : -1;
  return strcmp(a->name, b->name);
}

/* The sea beside country n, for its name when its land has no room: within
 * `reach` points of its land (which counts too), off every other shape of
 * `others` (the other countries, neighbouring districts, the group). */
static void
render_neighbour_rasterise_near(RenderMask *mk, const RenderNeighbour *n, const RenderMapXf *t,
                                double reach, const GeoShapes *const *others, guint n_others)
{
  cairo_t *cr = render_neighbour_mask_begin(mk);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n->features->len; i++)
    render_map_path_feature(cr, n->s, g_array_index(n->features, guint, i), t);
  cairo_set_source_rgba(cr, 0, 0, 0, 1);
  cairo_fill_preserve(cr);
  cairo_set_line_width(cr, 2 * reach);
  cairo_stroke(cr);
  cairo_set_operator(cr, CAIRO_OPERATOR_CLEAR);
  for (guint k = 0; k < n_others; k++) {
    const GeoShapes *s = others[k];
    for (guint f = 0; s && f < s->n_features; f++) {
      gboolean own = FALSE;
      for (guint i = 0; s == n->s && i < n->features->len && !own; i++)
        own = g_array_index(n->features, guint, i) == f;
      if (!own)
        render_map_path_feature(cr, s, f, t);
    }
    cairo_fill(cr);
  }
  cairo_destroy(cr);
  cairo_surface_flush(mk->surface);
}

void
render_neighbours_draw(cairo_t *cr, const RenderModel *m, const GeoShapes *ns, const guint *nsel,
                       const GeoShapes *cs, const guint *csel, const GeoShapes *gs,
                       const RenderMapXf *t, RenderLabelSpace *sp, gboolean countries)
{
  GArray *list = g_array_new(FALSE, FALSE, sizeof(RenderNeighbour));
  g_array_set_clear_func(list, render_neighbour_clear);
  GHashTable *index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; !countries && ns && nsel && m->group_names && i < ns->n_features; i++) {
    const char *group = m->layer->features[nsel[i]].group;
    render_neighbour_add(list, index, g_hash_table_lookup(m->group_names, group), FALSE, ns, i);
  }
  for (guint i = 0; countries && cs && csel && m->context && i < cs->n_features; i++)
    render_neighbour_add(list, index, m->context->features[csel[i]].name, TRUE, cs, i);
  g_hash_table_destroy(index);
  if (list->len == 0) {
    g_array_unref(list);
    return;
  }

  RenderMask mk;
  mk.frame = sp->frame;
  mk.px = MAX(1.0, sp->frame.w / 700.0);
  mk.w = (int)ceil(sp->frame.w / mk.px);
  mk.h = (int)ceil(sp->frame.h / mk.px);
  mk.surface = cairo_image_surface_create(CAIRO_FORMAT_A8, mk.w, mk.h);
  mk.stride = cairo_image_surface_get_stride(mk.surface);
  if (cairo_surface_status(mk.surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(mk.surface);
    g_array_unref(list);
    return; /* no memory for the mask: the map goes without these names */
  }
  guint32 *sat = g_new(guint32, (gsize)(mk.w + 1) * (mk.h + 1));

  /* Largest visible neighbour first: it gets the best spot. */
  for (guint i = 0; i < list->len; i++) {
    RenderNeighbour *n = &g_array_index(list, RenderNeighbour, i);
    render_neighbour_rasterise(&mk, n, t);
    n->visible = render_neighbour_measure(&mk, &n->cx, &n->cy);
  }
  g_array_sort(list, render_neighbour_cmp);

  const double margins[] = {12, 8, 5, 3, 1.5, 0.5};
  /* Read with the district names: larger than the page on a poster. */
  const double fs = render_page_of(m)->neighbour_size;
  for (guint i = 0; i < list->len; i++) {
    RenderNeighbour *n = &g_array_index(list, RenderNeighbour, i);
    if (n->visible == 0)
      continue;
    g_autofree char *text = n->country ? g_utf8_strup(n->name, -1) : g_strdup(n->name);
    render_neighbour_rasterise(&mk, n, t);
    render_neighbour_cut(&mk, sp);
    render_neighbour_sat(&mk, sat);
    /* On one line if it fits anywhere, else on two ("Kalimantan" over
     * "Barat") in a narrow strip.  What must fit is the ink of the
     * letters, a point around it kept. */
    g_autofree char *two = render_neighbour_two_lines(text);
    PangoLayout *layout = NULL;
    PangoRectangle ink = {0};
    double ox = 0, oy = 0, iw = 0, ih = 0;
    gboolean found = FALSE, at_sea = FALSE;
    /* A country that shows too little land for its name is named in the
     * sea beside it (third and fourth tries), else beside it off the
     * group's own districts (a strip of country at the frame's edge
     * beyond a neighbouring province): never left unnamed. */
    for (int attempt = 1; attempt <= (n->country ? 6 : 2) && !found; attempt++) {
      int lines = attempt % 2 ? 1 : 2;
      if (lines == 2 && two == NULL)
        continue;
      if (attempt == 3 || attempt == 5) {
        const GeoShapes *others[3] = {cs, gs, attempt == 3 ? ns : NULL};
        render_neighbour_rasterise_near(&mk, n, t, 4 * fs, others, 3);
        render_neighbour_cut(&mk, sp);
        render_neighbour_sat(&mk, sat);
        n->visible = render_neighbour_measure(&mk, &n->cx, &n->cy) + 1;
        if (n->visible <= 1) {
          attempt++; /* nothing free here: the next kind of place */
          continue;
        }
        at_sea = attempt == 3;
      }
      g_clear_object(&layout);
      layout = render_text_layout_new(cr, lines == 1 ? text : two, fs, FALSE, TRUE);
      pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
      pango_layout_get_extents(layout, &ink, NULL);
      iw = (double)ink.width / PANGO_SCALE + 2;
      ih = (double)ink.height / PANGO_SCALE + 2;
      if (iw * ih / (mk.px * mk.px) > n->visible)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS(margins) && !found; k++) {
        int bw = (int)ceil((iw + 2 * margins[k]) / mk.px);
        int bh = (int)ceil((ih + 2 * margins[k]) / mk.px);
        found = render_neighbour_spot(&mk, sat, bw, bh, n->cx, n->cy, &ox, &oy);
      }
    }
    if (found) {
      /* (ox, oy) is the centre of the ink box; the layout's origin is
       * where its ink starts, less the ink's own offset. */
      double cx = sp->frame.x + ox * mk.px, cy = sp->frame.y + oy * mk.px;
      RenderBox b = {cx - iw / 2, cy - ih / 2, cx + iw / 2, cy + ih / 2};
      double x = b.x0 + 1 - (double)ink.x / PANGO_SCALE, y = b.y0 + 1 - (double)ink.y / PANGO_SCALE;
      if (render_label_space_fits(sp, b)) {
        render_label_space_take(sp, b);
        /* The whole line's box too (ascent to descent, as a reader of
         * the text sees it): a country is named before the districts,
         * whose names must keep off all of it. */
        PangoRectangle logical;
        pango_layout_get_extents(layout, NULL, &logical);
        double lx = x + (double)logical.x / PANGO_SCALE, ly = y + (double)logical.y / PANGO_SCALE;
        render_label_space_take(sp, (RenderBox){lx, ly, lx + (double)logical.width / PANGO_SCALE,
                                                ly + (double)logical.height / PANGO_SCALE});
        cairo_save(cr);
        /* A halo in the land's own grey keeps the name clear of the
         * neighbour's inner borders. */
        cairo_move_to(cr, x, y);
        pango_cairo_layout_path(cr, layout);
        if (at_sea)
          render_set_rgb(cr, render_sea_colour);
        else
          render_set_rgb(cr, render_land_colour);
        cairo_set_line_width(cr, 1.6);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
        cairo_move_to(cr, x, y);
        cairo_set_source_rgb(cr, 0.40, 0.40, 0.40);
        pango_cairo_show_layout(cr, layout);
        cairo_restore(cr);
      }
    }
    g_clear_object(&layout);
  }
  g_free(sat);
  cairo_surface_destroy(mk.surface);
  g_array_unref(list);
}
