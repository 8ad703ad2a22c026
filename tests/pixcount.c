/* pixcount.c — the colour histogram of a PNG (a poppler raster of a
 * sheet) inside a box, for tests that count what the reader sees: one
 * line "RRGGBB COUNT" per colour present, most frequent first.
 *   pixcount IMAGE.png [X0 Y0 X1 Y1]   (pixels; default the whole image)
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

int
main(int argc, char **argv)
{
  if (argc != 2 && argc != 6) {
    fprintf(stderr, "usage: pixcount IMAGE.png [X0 Y0 X1 Y1]\n");
    return 2;
  }
  cairo_surface_t *s = cairo_image_surface_create_from_png(argv[1]);
  if (cairo_surface_status(s)) {
    fprintf(stderr, "pixcount: cannot read %s\n", argv[1]);
    return 2;
  }
  int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
  int x0 = 0, y0 = 0, x1 = w, y1 = h;
  if (argc == 6) {
    x0 = CLAMP(atoi(argv[2]), 0, w);
    y0 = CLAMP(atoi(argv[3]), 0, h);
    x1 = CLAMP(atoi(argv[4]), x0, w);
    y1 = CLAMP(atoi(argv[5]), y0, h);
  }
  cairo_surface_flush(s);
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
  cairo_surface_destroy(s);
  return 0;
}
