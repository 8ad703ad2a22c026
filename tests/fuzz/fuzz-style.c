/* fuzz-style.c — style files (geo_style_load_data, the parser behind
 * geo_style_load), then resolving and classifying with what was loaded.
 *
 * Checks: a refused file gets a message that names the file, is valid
 * UTF-8 and holds no control characters but line ends (one per problem); a loaded style is consistent (breaks strictly ascending, one
 * colour per class, one label per class, category count = class count);
 * classes grow with the value; each category text classifies as its own
 * class; data-driven styles resolve over values taken from the input and
 * then obey the same rules. */
#include "fuzz.h"

#include "geo-private.h"

#include <math.h>
#include <string.h>

#define FUZZ_STYLE_PATH "fuzz.style"

static gboolean
fuzz_style_is_data_driven(const GeoStyle *st)
{
  return st->method == GEO_METHOD_QUANTILE || st->method == GEO_METHOD_EQUAL ||
         st->method == GEO_METHOD_JENKS;
}

/* Checks the class structure and that classify is monotonic.  Data-driven
 * styles have no breaks until resolved, and no class for any value. */
static void
fuzz_style_check(const GeoStyle *st, gboolean resolved)
{
  FUZZ_CHECK(st->name != NULL && st->title != NULL && st->description != NULL, "missing texts");
  FUZZ_CHECK(g_utf8_validate(st->title, -1, NULL), "title not UTF-8");
  guint n = st->n_classes;
  if (n == 0)
    return;
  FUZZ_CHECK(st->colours != NULL, "%u classes without colours", n);
  if (st->labels != NULL)
    FUZZ_CHECK(g_strv_length(st->labels) == n, "%u labels for %u classes",
               g_strv_length(st->labels), n);
  if (st->method == GEO_METHOD_CATEGORICAL) {
    FUZZ_CHECK(st->categories != NULL && g_strv_length(st->categories) == n,
               "categories do not match %u classes", n);
    for (guint i = 0; i < n; i++) {
      int c = geo_style_classify(st, NAN, st->categories[i]);
      FUZZ_CHECK(c == (int)i, "category %u '%s' classified as %d", i, st->categories[i], c);
    }
    FUZZ_CHECK(geo_style_classify(st, 1.0, NULL) == -1, "no text but a class");
    return;
  }
  if (fuzz_style_is_data_driven(st) && !resolved) {
    FUZZ_CHECK(st->breaks == NULL, "breaks before resolving");
    FUZZ_CHECK(geo_style_classify(st, 1.0, NULL) == -1, "a class before resolving");
    return;
  }
  if (n > 1) {
    FUZZ_CHECK(st->breaks != NULL, "%u classes without breaks", n);
    for (guint i = 0; i < n - 1; i++) {
      FUZZ_CHECK(isfinite(st->breaks[i]), "break %u is %g", i, st->breaks[i]);
      FUZZ_CHECK(i == 0 || st->breaks[i] > st->breaks[i - 1], "breaks %u and %u not ascending",
                 i - 1, i);
      /* A value on a break belongs to the upper class. */
      int c = geo_style_classify(st, st->breaks[i], NULL);
      FUZZ_CHECK(c == (int)i + 1, "break %u (%.17g) classified as %d", i, st->breaks[i], c);
    }
  }
  FUZZ_CHECK(geo_style_classify(st, NAN, "x") == -1, "NaN has a class");
  FUZZ_CHECK(geo_style_classify(st, INFINITY, NULL) == -1, "infinity has a class");
  const double probes[] = {-1e300, -1, 0, 13.47, 21.7, 49.33, 68.5, 100, 1e300};
  int last = 0;
  for (guint i = 0; i < G_N_ELEMENTS(probes); i++) {
    int c = geo_style_classify(st, probes[i], NULL);
    FUZZ_CHECK(c >= last && c < (int)n, "%g classified as %d (%u classes, previous %d)", probes[i],
               c, n, last);
    last = c;
  }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  GError *err = NULL;
  GeoStyle *st = geo_style_load_data(FUZZ_STYLE_PATH, (const char *)data, size, &err);
  if (st == NULL) {
    FUZZ_CHECK(err != NULL, "refused without a message");
    FUZZ_CHECK(g_str_has_prefix(err->message, FUZZ_STYLE_PATH), "message without the file: %s",
               err->message);
    FUZZ_CHECK(g_utf8_validate(err->message, -1, NULL), "message not UTF-8: %s", err->message);
    for (const char *p = err->message; *p; p++)
      FUZZ_CHECK(*p == '\n' || ((guchar)*p >= 0x20 && *p != 0x7f),
                 "control character 0x%02x in the message: %s", (guchar)*p, err->message);
    g_error_free(err);
    return 0;
  }
  FUZZ_CHECK(err == NULL, "loaded with a message: %s", err->message);
  fuzz_style_check(st, FALSE);

  /* Resolve over up to 64 values made from the input's bytes, with the
   * style's class count and with one from the input. */
  guint nv = (guint)MIN(size, 64);
  double *values = g_new(double, MAX(nv, 1));
  for (guint i = 0; i < nv; i++)
    values[i] = (i % 7 == 6) ? NAN : (double)data[i] * (i % 2 ? 0.5 : 1.0) - 20;
  guint k = size > 0 ? data[size - 1] % 24 : 0;
  for (int pass = 0; pass < 2; pass++) {
    GError *rerr = NULL;
    if (geo_style_resolve(st, values, nv, pass ? k : 0, &rerr)) {
      FUZZ_CHECK(rerr == NULL, "resolved with a message");
      fuzz_style_check(st, TRUE);
    } else {
      FUZZ_CHECK(rerr != NULL, "not resolved, without a message");
      g_error_free(rerr);
    }
  }
  g_free(values);
  geo_style_free(st);
  return 0;
}
