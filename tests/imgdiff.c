/* imgdiff.c — compares a rendered PNG with its reference, cairo-test style:
 * counts pixels whose largest channel difference exceeds `max_channel`,
 * passes when that count is at most `max_pixels`, and on failure writes
 * <out>.diff.png with the differing pixels in red.
 *   imgdiff REFERENCE.png OUTPUT.png MAX_CHANNEL MAX_PIXELS
 * Exit: 0 same within tolerance, 1 different, 2 unreadable. */
#include <cairo.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char **argv)
{
  if (argc != 5) {
    fprintf(stderr, "usage: imgdiff REFERENCE.png OUTPUT.png MAX_CHANNEL MAX_PIXELS\n");
    return 2;
  }
  cairo_surface_t *a = cairo_image_surface_create_from_png(argv[1]);
  cairo_surface_t *b = cairo_image_surface_create_from_png(argv[2]);
  if (cairo_surface_status(a) || cairo_surface_status(b)) {
    fprintf(stderr, "imgdiff: cannot read %s\n", cairo_surface_status(a) ? argv[1] : argv[2]);
    return 2;
  }
  int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
  if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b)) {
    fprintf(stderr, "imgdiff: sizes differ: %dx%d vs %dx%d\n", w, h,
            cairo_image_surface_get_width(b), cairo_image_surface_get_height(b));
    return 1;
  }
  int max_channel = atoi(argv[3]);
  long max_pixels = atol(argv[4]);
  cairo_surface_t *diff = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_surface_flush(a);
  cairo_surface_flush(b);
  const unsigned char *da = cairo_image_surface_get_data(a), *db = cairo_image_surface_get_data(b);
  unsigned char *dd = cairo_image_surface_get_data(diff);
  int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
  int sd = cairo_image_surface_get_stride(diff);
  long changed = 0;
  int largest = 0;
  for (int y = 0; y < h; y++) {
    const guint32 *pa = (const guint32 *)(da + y * sa), *pb = (const guint32 *)(db + y * sb);
    guint32 *pd = (guint32 *)(dd + y * sd);
    for (int x = 0; x < w; x++) {
      int m = 0;
      for (int c = 0; c < 24; c += 8) {
        int d = abs((int)((pa[x] >> c) & 0xff) - (int)((pb[x] >> c) & 0xff));
        if (d > m)
          m = d;
      }
      if (m > largest)
        largest = m;
      if (m > max_channel) {
        changed++;
        pd[x] = 0xff0000;
      } else {
        /* Faded reference, so the red stands out. */
        guint32 g = (((pa[x] >> 8) & 0xff) / 4) + 192;
        pd[x] = (g << 16) | (g << 8) | g;
      }
    }
  }
  cairo_surface_mark_dirty(diff);
  printf("%ld pixels differ by more than %d (largest channel difference %d); allowed %ld\n",
         changed, max_channel, largest, max_pixels);
  int status = changed <= max_pixels ? 0 : 1;
  if (status) {
    g_autofree char *path = g_strconcat(argv[2], ".diff.png", NULL);
    cairo_surface_write_to_png(diff, path);
    printf("wrote %s\n", path);
  }
  cairo_surface_destroy(diff);
  cairo_surface_destroy(a);
  cairo_surface_destroy(b);
  return status;
}
