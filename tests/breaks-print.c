/* breaks-print.c — prints the class breaks a style makes from a list of
 * values, as golden text for tests/golden.sh (tests/breaks/<case>/).
 *
 *   breaks-print STYLE CLASSES VALUES
 *
 * STYLE is a built-in style name (PETARAWAN_STYLES) or a style file,
 * CLASSES the class count asked for (0: the style's own), VALUES a file
 * with one value per line: '#' starts a comment, an empty line or NA is a
 * missing value.  The output gives the breaks and, per class, its range,
 * how many values fall in it and the smallest and largest of them, so a
 * change in the classification shows as a reviewed diff.  Exit status 2
 * and a message naming the file, line and text on a value that is not a
 * number; 2 when the style cannot be loaded or resolved.
 */
#include "geo.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads the values of `path` into a new array (NAN for missing ones).
 * Returns: (transfer full) GArray of double, or NULL with `error` set. */
static GArray *
breaks_print_read(const char *path, GError **error)
{
  g_autofree char *text = NULL;
  if (!g_file_get_contents(path, &text, NULL, error))
    return NULL;
  g_autoptr(GArray) values = g_array_new(FALSE, FALSE, sizeof(double));
  g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
  for (guint i = 0; lines[i]; i++) {
    char *hash = strchr(lines[i], '#');
    if (hash)
      *hash = '\0';
    char *v = g_strstrip(lines[i]);
    double d = NAN;
    if (*v == '\0' && (hash || lines[i + 1] == NULL))
      continue; /* a comment line, or the end of the file */
    if (*v != '\0' && g_ascii_strcasecmp(v, "NA") != 0) {
      char *end = NULL;
      d = g_ascii_strtod(v, &end);
      if (end == v || *end != '\0' || !isfinite(d)) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s line %u: '%s' is not a number",
                    path, i + 1, v);
        return NULL;
      }
    }
    g_array_append_val(values, d);
  }
  return g_steal_pointer(&values);
}

int
main(int argc, char **argv)
{
  if (argc != 4) {
    fprintf(stderr, "usage: breaks-print STYLE CLASSES VALUES\n");
    return 2;
  }
  g_autoptr(GError) error = NULL;
  char *end = NULL;
  guint64 k = g_ascii_strtoull(argv[2], &end, 10);
  if (end == argv[2] || *end != '\0' || k > 100) {
    fprintf(stderr, "breaks-print: CLASSES '%s' is not a class count\n", argv[2]);
    return 2;
  }
  g_autoptr(GArray) values = breaks_print_read(argv[3], &error);
  if (values == NULL) {
    fprintf(stderr, "breaks-print: %s\n", error->message);
    return 2;
  }
  GeoStyle *style = geo_style_load(argv[1], g_getenv("PETARAWAN_STYLES"), &error);
  if (style == NULL ||
      !geo_style_resolve(style, (double *)values->data, values->len, (guint)k, &error)) {
    fprintf(stderr, "breaks-print: %s\n", error->message);
    geo_style_free(style);
    return 2;
  }

  const double *v = (const double *)values->data;
  guint n_missing = 0;
  for (guint i = 0; i < values->len; i++)
    n_missing += !isfinite(v[i]);
  static const char *const methods[] = {"fixed", "categorical", "quantile", "equal", "jenks"};
  printf("style %s, method %s, %" G_GUINT64_FORMAT " classes asked for, %u made\n", style->name,
         methods[style->method], k, style->n_classes);
  printf("values: %u, missing %u, min %.15g, max %.15g\n", values->len - n_missing, n_missing,
         style->data_min, style->data_max);
  printf("breaks:");
  for (guint c = 0; c + 1 < style->n_classes; c++)
    printf(" %.15g", style->breaks[c]);
  printf("\n");
  for (guint c = 0; c < style->n_classes; c++) {
    guint count = 0;
    double lo = INFINITY, hi = -INFINITY;
    for (guint i = 0; i < values->len; i++) {
      if (!isfinite(v[i]) || geo_style_classify(style, v[i], NULL) != (int)c)
        continue;
      count++;
      lo = MIN(lo, v[i]);
      hi = MAX(hi, v[i]);
    }
    printf("class %u", c + 1);
    if (style->labels)
      printf(" %s", style->labels[c]);
    if (c == 0)
      printf(" [-inf, ");
    else
      printf(" [%.15g, ", style->breaks[c - 1]);
    if (c + 1 == style->n_classes)
      printf("inf)");
    else
      printf("%.15g)", style->breaks[c]);
    if (count)
      printf(": %u value%s, %.15g to %.15g\n", count, count == 1 ? "" : "s", lo, hi);
    else
      printf(": no values\n");
  }
  geo_style_free(style);
  return 0;
}
