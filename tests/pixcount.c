/* pixcount.c — the colour histogram of a PNG (a poppler raster of a
 * sheet) inside a box, for tests that count what the reader sees: one
 * line "RRGGBB COUNT" per colour present, most frequent first.
 *   pixcount IMAGE.png [X0 Y0 X1 Y1]   (pixels; default the whole image)
 *   pixcount IMAGE.png -               (one box "X0 Y0 X1 Y1" a line on
 *                                       stdin; each histogram ends "end")
 * Exit: 0, or 2 when the image cannot be read. */
#include <cairo.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  guint32 rgb;
  guint count;
} PixcountEntry;

static int
pixcount_cmp(gconstpointer a, gconstpointer b)
{
  const PixcountEntry *x = a, *y = b;
  if (x->count != y->count)
    return x->count < y->count ? 1 : -1;
  return x->rgb < y->rgb ? -1 : x->rgb > y->rgb;
}

/* Prints the histogram of [x0, x1) x [y0, y1) of `s`, clamped to it. */
static void
pixcount_box(cairo_surface_t *s, int x0, int y0, int x1, int y1)
{
  int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
  x0 = CLAMP(x0, 0, w);
  y0 = CLAMP(y0, 0, h);
  x1 = CLAMP(x1, x0, w);
  y1 = CLAMP(y1, y0, h);
  const unsigned char *data = cairo_image_surface_get_data(s);
  int stride = cairo_image_surface_get_stride(s);
  GHashTable *counts = g_hash_table_new(g_direct_hash, g_direct_equal);
  for (int y = y0; y < y1; y++) {
    const guint32 *row = (const guint32 *)(data + (gsize)y * stride);
    for (int x = x0; x < x1; x++) {
      gpointer key = GUINT_TO_POINTER((row[x] & 0xffffff) + 1); /* never NULL */
      g_hash_table_insert(counts, key,
                          GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(counts, key)) + 1));
    }
  }
  GArray *out = g_array_new(FALSE, FALSE, sizeof(PixcountEntry));
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, counts);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    PixcountEntry e = {GPOINTER_TO_UINT(k) - 1, GPOINTER_TO_UINT(v)};
    g_array_append_val(out, e);
  }
  g_array_sort(out, pixcount_cmp);
  for (guint i = 0; i < out->len; i++) {
    const PixcountEntry *e = &g_array_index(out, PixcountEntry, i);
    printf("%06x %u\n", e->rgb, e->count);
  }
  g_array_unref(out);
  g_hash_table_destroy(counts);
}

int
main(int argc, char **argv)
{
  if (argc != 2 && argc != 3 && argc != 6) {
    fprintf(stderr, "usage: pixcount IMAGE.png [X0 Y0 X1 Y1 | -]\n");
    return 2;
  }
  cairo_surface_t *s = cairo_image_surface_create_from_png(argv[1]);
  if (cairo_surface_status(s)) {
    fprintf(stderr, "pixcount: cannot read %s\n", argv[1]);
    return 2;
  }
  cairo_surface_flush(s);
  int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
  if (argc == 3) {
    int x0, y0, x1, y1;
    while (scanf("%d %d %d %d", &x0, &y0, &x1, &y1) == 4) {
      pixcount_box(s, x0, y0, x1, y1);
      printf("end\n");
    }
  } else if (argc == 6) {
    pixcount_box(s, atoi(argv[2]), atoi(argv[3]), atoi(argv[4]), atoi(argv[5]));
  } else {
    pixcount_box(s, 0, 0, w, h);
  }
  cairo_surface_destroy(s);
  return 0;
}
