/* render-label-space.c — the room taken on a map by what is placed on it
 * (reserved corners, degree labels, district names and numbers, neighbours'
 * names), indexed by a grid of cells so that a candidate box is compared
 * with the boxes near it only: a village map places thousands. */
#include "render-private.h"

#include <math.h>

void
render_map_reserved(RenderRect f, RenderRect out[3])
{
  out[0] = (RenderRect){f.x, f.y + f.h - 34, f.w * 0.28 + 56, 34};    /* scale bar */
  out[1] = (RenderRect){f.x + f.w - 40, f.y, 40, 50};                 /* north arrow */
  out[2] = (RenderRect){f.x + f.w - 190, f.y + f.h - 16, 190, 16};    /* projection */
}

/* The label space is indexed by a grid of RENDER_LABEL_CELL_PT cells, so
 * a candidate is compared with the boxes near it only. */
#define RENDER_LABEL_CELL_PT 24.0

void
render_label_space_init(RenderLabelSpace *sp, RenderRect frame)
{
  sp->boxes = g_array_new(FALSE, FALSE, sizeof(RenderBox));
  sp->frame = frame;
  sp->grid = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free,
                                   (GDestroyNotify)g_array_unref);
}

void
render_label_space_clear(RenderLabelSpace *sp)
{
  g_clear_pointer(&sp->boxes, g_array_unref);
  g_clear_pointer(&sp->grid, g_hash_table_destroy);
}

/* The grid key of the cell in row r, column c (either may be negative:
 * boxes above or left of the frame), packed without shifting a negative
 * value. */
static inline gint64
render_label_space_key(gint64 r, gint64 c)
{
  return (gint64)(((guint64)r << 32) ^ ((guint64)c & 0xffffffff));
}

/* The cells b covers: [*c0, *c1] x [*r0, *r1]. */
static void
render_label_space_cells(const RenderLabelSpace *sp, RenderBox b, gint64 *c0, gint64 *c1, gint64 *r0,
                   gint64 *r1)
{
  *c0 = (gint64)floor((b.x0 - sp->frame.x) / RENDER_LABEL_CELL_PT);
  *c1 = (gint64)floor((b.x1 - sp->frame.x) / RENDER_LABEL_CELL_PT);
  *r0 = (gint64)floor((b.y0 - sp->frame.y) / RENDER_LABEL_CELL_PT);
  *r1 = (gint64)floor((b.y1 - sp->frame.y) / RENDER_LABEL_CELL_PT);
}

gboolean
render_label_space_fits(const RenderLabelSpace *sp, RenderBox b)
{
  const RenderRect *f = &sp->frame;
  if (b.x0 < f->x + 1 || b.y0 < f->y + 1 || b.x1 > f->x + f->w - 1 || b.y1 > f->y + f->h - 1)
    return FALSE;
  gint64 c0, c1, r0, r1;
  render_label_space_cells(sp, b, &c0, &c1, &r0, &r1);
  for (gint64 r = r0; r <= r1; r++)
    for (gint64 c = c0; c <= c1; c++) {
      gint64 key = render_label_space_key(r, c);
      GArray *in = g_hash_table_lookup(sp->grid, &key);
      for (guint k = 0; in && k < in->len; k++) {
        const RenderBox *o = &g_array_index(sp->boxes, RenderBox, g_array_index(in, guint, k));
        if (!(b.x1 <= o->x0 || b.x0 >= o->x1 || b.y1 <= o->y0 || b.y0 >= o->y1))
          return FALSE;
      }
    }
  return TRUE;
}

void
render_label_space_take(RenderLabelSpace *sp, RenderBox b)
{
  guint index = sp->boxes->len;
  g_array_append_val(sp->boxes, b);
  gint64 c0, c1, r0, r1;
  render_label_space_cells(sp, b, &c0, &c1, &r0, &r1);
  for (gint64 r = r0; r <= r1; r++)
    for (gint64 c = c0; c <= c1; c++) {
      gint64 key = render_label_space_key(r, c);
      GArray *in = g_hash_table_lookup(sp->grid, &key);
      if (in == NULL) {
        in = g_array_new(FALSE, FALSE, sizeof(guint));
        g_hash_table_insert(sp->grid, g_memdup2(&key, sizeof key), in);
      }
      g_array_append_val(in, index);
    }
}
