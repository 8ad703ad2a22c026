/* test-style.c — style files: loading, validation messages, resolving
 * data-driven breaks and classifying values.
 *
 * The class boundaries of the official IKP styles decide which district a
 * briefing calls "Tinggi", so the exact-on-the-break cases are pinned here,
 * along with the promise that a broken style file reports all its problems
 * in one go.
 */
#include "geo.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

static const char *const test_style_builtin[] = {
    "equal", "ikp-kabkota", "ikp-provinsi", "ipkp", "jenks", "quantile",
};

static const char *
test_style_dir(void)
{
  const char *dir = g_getenv("PETARAWAN_STYLES");
  if (dir == NULL || !g_file_test(dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return dir;
}

#define TEST_STYLE_DIR_OR_SKIP(dir)                                                                \
  const char *dir = test_style_dir();                                                              \
  if (dir == NULL) {                                                                               \
    g_test_skip("PETARAWAN_STYLES not set");                                                       \
    return;                                                                                        \
  }

static GeoStyle *
test_style_load(const char *name)
{
  GError *error = NULL;
  GeoStyle *st = geo_style_load(name, test_style_dir(), &error);
  g_assert_no_error(error);
  g_assert_nonnull(st);
  return st;
}

/* Writes `text` to a new temporary directory as `file`; returns its path.
 * Caller frees with g_free and removes file and directory. */
static char *
test_style_write(const char *file, const char *text, char **dir_out)
{
  GError *error = NULL;
  char *dir = g_dir_make_tmp("petarawan-style-XXXXXX", &error);
  g_assert_no_error(error);
  char *path = g_build_filename(dir, file, NULL);
  g_assert_true(g_file_set_contents(path, text, -1, &error));
  g_assert_no_error(error);
  *dir_out = dir;
  return path;
}

static void
test_style_unlink(char *path, char *dir)
{
  g_unlink(path);
  g_rmdir(dir);
  g_free(path);
  g_free(dir);
}

/* Loads a style from text, expecting failure; returns the message.
 * Caller frees with g_free. */
static char *
test_style_bad(const char *text)
{
  char *dir;
  char *path = test_style_write("bad.style", text, &dir);
  GError *error = NULL;
  GeoStyle *st = geo_style_load(path, NULL, &error);
  g_assert_null(st);
  g_assert_error(error, GEO_ERROR, GEO_ERROR_USAGE);
  g_assert_nonnull(strstr(error->message, path));
  char *msg = g_strdup(error->message);
  g_test_message("%s", msg);
  g_error_free(error);
  test_style_unlink(path, dir);
  return msg;
}

static void
test_style_assert_has(const char *msg, const char *part)
{
  if (strstr(msg, part) == NULL)
    g_error("expected '%s' in:\n%s", part, msg);
}

static void
test_list(void)
{
  TEST_STYLE_DIR_OR_SKIP(dir);
  char **paths = geo_style_list(dir);
  g_assert_cmpuint(g_strv_length(paths), ==, G_N_ELEMENTS(test_style_builtin));
  for (guint i = 0; paths[i] != NULL; i++) {
    char *base = g_path_get_basename(paths[i]);
    char *want = g_strconcat(test_style_builtin[i], ".style", NULL);
    g_assert_cmpstr(base, ==, want);
    g_assert_true(g_file_test(paths[i], G_FILE_TEST_IS_REGULAR));
    g_free(want);
    g_free(base);
  }
  g_strfreev(paths);

  /* No directory: an empty list, not NULL. */
  paths = geo_style_list("/nonexistent/petarawan/styles");
  g_assert_nonnull(paths);
  g_assert_null(paths[0]);
  g_strfreev(paths);
}

static void
test_load_builtin(void)
{
  TEST_STYLE_DIR_OR_SKIP(dir);
  for (gsize i = 0; i < G_N_ELEMENTS(test_style_builtin); i++) {
    GeoStyle *st = test_style_load(test_style_builtin[i]);
    g_assert_cmpstr(st->name, ==, test_style_builtin[i]);
    g_assert_nonnull(st->path);
    g_assert_true(g_str_has_suffix(st->path, ".style"));
    g_assert_nonnull(st->title);
    g_assert_cmpstr(st->title, !=, "");
    g_assert_nonnull(st->description);
    g_assert_cmpstr(st->description, !=, "");
    g_assert_cmpuint(st->n_classes, >=, 2);
    g_assert_nonnull(st->colours);
    g_assert_cmpint(st->decimals, >=, 0);
    g_assert_true(isnan(st->data_min));
    switch (st->method) {
    case GEO_METHOD_FIXED:
      g_assert_nonnull(st->breaks);
      g_assert_nonnull(st->labels);
      g_assert_cmpuint(g_strv_length(st->labels), ==, st->n_classes);
      break;
    case GEO_METHOD_CATEGORICAL:
      g_assert_nonnull(st->categories);
      g_assert_cmpuint(g_strv_length(st->categories), ==, st->n_classes);
      g_assert_cmpuint(g_strv_length(st->labels), ==, st->n_classes);
      break;
    case GEO_METHOD_QUANTILE:
    case GEO_METHOD_EQUAL:
    case GEO_METHOD_JENKS:
      g_assert_cmpuint(st->n_classes, ==, 5);
      g_assert_cmpuint(st->n_ramp, >=, 2);
      g_assert_null(st->labels);
      /* Not resolved yet: nothing is classified. */
      g_assert_cmpint(geo_style_classify(st, 1.0, NULL), ==, -1);
      break;
    }
    geo_style_free(st);
  }

  /* Loading by path works without a styles directory. */
  char *path = g_build_filename(dir, "ikp-kabkota.style", NULL);
  GError *error = NULL;
  GeoStyle *st = geo_style_load(path, NULL, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(st->name, ==, "ikp-kabkota");
  g_assert_cmpstr(st->path, ==, path);
  geo_style_free(st);
  g_free(path);

  geo_style_free(NULL);
}

static void
test_ikp_kabkota(void)
{
  TEST_STYLE_DIR_OR_SKIP(dir);
  GeoStyle *st = test_style_load("ikp-kabkota");
  g_assert_cmpint(st->method, ==, GEO_METHOD_FIXED);
  g_assert_cmpuint(st->n_classes, ==, 3);
  g_assert_cmpfloat(st->breaks[0], ==, 13.47);
  g_assert_cmpfloat(st->breaks[1], ==, 49.33);
  g_assert_cmpstr(st->labels[0], ==, "Rendah");
  g_assert_cmpstr(st->labels[1], ==, "Sedang");
  g_assert_cmpstr(st->labels[2], ==, "Tinggi");

  g_assert_cmpint(geo_style_classify(st, 0.0, NULL), ==, 0);
  g_assert_cmpint(geo_style_classify(st, 13.469999, NULL), ==, 0);
  g_assert_cmpint(geo_style_classify(st, 13.47, NULL), ==, 1);
  g_assert_cmpint(geo_style_classify(st, 30.0, NULL), ==, 1);
  g_assert_cmpint(geo_style_classify(st, 49.329999, NULL), ==, 1);
  g_assert_cmpint(geo_style_classify(st, 49.33, NULL), ==, 2);
  g_assert_cmpint(geo_style_classify(st, 100.0, NULL), ==, 2);
  g_assert_cmpint(geo_style_classify(st, -5.0, NULL), ==, 0);
  g_assert_cmpint(geo_style_classify(st, NAN, NULL), ==, -1);
  /* Numeric styles ignore the text. */
  g_assert_cmpint(geo_style_classify(st, NAN, "60"), ==, -1);

  /* Resolving a fixed style only records the data range. */
  const double values[] = {5.0, NAN, 60.0, 20.0};
  GError *error = NULL;
  g_assert_true(geo_style_resolve(st, values, 4, 7, &error));
  g_assert_no_error(error);
  g_assert_cmpuint(st->n_classes, ==, 3);
  g_assert_cmpfloat(st->breaks[0], ==, 13.47);
  g_assert_cmpfloat(st->data_min, ==, 5.0);
  g_assert_cmpfloat(st->data_max, ==, 60.0);
  geo_style_free(st);
}

static void
test_ikp_provinsi(void)
{
  TEST_STYLE_DIR_OR_SKIP(dir);
  GeoStyle *st = test_style_load("ikp-provinsi");
  g_assert_cmpuint(st->n_classes, ==, 3);
  g_assert_cmpint(geo_style_classify(st, 21.699999, NULL), ==, 0);
  g_assert_cmpint(geo_style_classify(st, 21.7, NULL), ==, 1);
  g_assert_cmpint(geo_style_classify(st, 68.499999, NULL), ==, 1);
  g_assert_cmpint(geo_style_classify(st, 68.5, NULL), ==, 2);
  g_assert_cmpint(geo_style_classify(st, NAN, NULL), ==, -1);
  g_assert_cmpstr(st->labels[2], ==, "Tinggi");
  geo_style_free(st);
}

static void
test_ipkp(void)
{
  TEST_STYLE_DIR_OR_SKIP(dir);
  GeoStyle *st = test_style_load("ipkp");
  g_assert_cmpint(st->method, ==, GEO_METHOD_CATEGORICAL);
  g_assert_cmpuint(st->n_classes, ==, 3);
  g_assert_cmpstr(st->labels[2], ==, "Sangat Rawan");

  g_assert_cmpint(geo_style_classify(st, NAN, "Kurang Rawan"), ==, 0);
  g_assert_cmpint(geo_style_classify(st, NAN, "Rawan"), ==, 1);
  g_assert_cmpint(geo_style_classify(st, NAN, "Sangat Rawan"), ==, 2);
  g_assert_cmpint(geo_style_classify(st, NAN, "sangat  rawan"), ==, 2);
  g_assert_cmpint(geo_style_classify(st, NAN, "  SANGAT\tRAWAN  "), ==, 2);
  g_assert_cmpint(geo_style_classify(st, NAN, "kurang rawan"), ==, 0);
  g_assert_cmpint(geo_style_classify(st, NAN, "rawan\u00a0"), ==, 1); /* no-break space */
  g_assert_cmpint(geo_style_classify(st, NAN, "Tidak"), ==, -1);
  g_assert_cmpint(geo_style_classify(st, NAN, "Rawan sekali"), ==, -1);
  g_assert_cmpint(geo_style_classify(st, NAN, "SangatRawan"), ==, -1);
  g_assert_cmpint(geo_style_classify(st, NAN, ""), ==, -1);
  g_assert_cmpint(geo_style_classify(st, NAN, NULL), ==, -1);
  g_assert_cmpint(geo_style_classify(st, 2.0, NULL), ==, -1);
  g_assert_cmpint(geo_style_classify(st, NAN, "\xff\xfe"), ==, -1); /* not UTF-8 */

  /* Resolving a categorical style is a no-op that succeeds. */
  GError *error = NULL;
  g_assert_true(geo_style_resolve(st, NULL, 0, 0, &error));
  g_assert_no_error(error);
  g_assert_cmpuint(st->n_classes, ==, 3);
  geo_style_free(st);
}

/* One bad file with an unknown key, a bad colour and descending breaks:
 * one error naming all three, each on its own line with its line number. */
static void
test_bad_file_all_errors(void)
{
  char *msg = test_style_bad("# broken on purpose\n"
                             "[style]\n"
                             "name=rusak\n"
                             "method=fixed\n"
                             "breaks=49.33;13.47\n"
                             "labels=Rendah;Sedang;Tinggi\n"
                             "colours=#f7dc6f;#12zz45;#9e1f1c\n"
                             "warna=#ffffff\n"
                             "nodata=#bdbdbd\n");
  test_style_assert_has(msg, "'warna'");
  test_style_assert_has(msg, "unknown key");
  test_style_assert_has(msg, "#12zz45");
  test_style_assert_has(msg, "ascend");
  test_style_assert_has(msg, ":5: key 'breaks'");
  test_style_assert_has(msg, ":7: key 'colours'");
  test_style_assert_has(msg, ":8: key 'warna'");
  char **lines = g_strsplit(msg, "\n", -1);
  g_assert_cmpuint(g_strv_length(lines), ==, 3);
  g_strfreev(lines);
  g_free(msg);
}

static void
test_bad_file_other_errors(void)
{
  /* Counts that do not match the classes. */
  char *msg = test_style_bad("[style]\n"
                             "method=fixed\n"
                             "breaks=10;20\n"
                             "labels=Rendah;Tinggi\n"
                             "colours=#ffffff;#888888;#444444;#000000\n");
  test_style_assert_has(msg, "2 labels for 3 classes");
  test_style_assert_has(msg, "4 colours for 3 classes");
  g_free(msg);

  /* Unknown method, bad numbers. */
  msg = test_style_bad("[style]\n"
                       "method=natural\n"
                       "decimals=dua\n"
                       "nodata=grey\n");
  test_style_assert_has(msg, "unknown method 'natural'");
  test_style_assert_has(msg, "key 'decimals'");
  test_style_assert_has(msg, "'dua'");
  test_style_assert_has(msg, "key 'nodata'");
  g_free(msg);

  /* Breaks that are not numbers; a comma decimal. */
  msg = test_style_bad("[style]\n"
                       "method=fixed\n"
                       "breaks=13,47;abc\n"
                       "colours=#fff;#000;#888\n");
  test_style_assert_has(msg, "'13,47' is not a number");
  g_free(msg);

  /* Data-driven: classes out of range, labels and colours not allowed,
   * ramp missing. */
  msg = test_style_bad("[style]\n"
                       "method=jenks\n"
                       "classes=40\n"
                       "labels=a;b;c;d;e\n"
                       "colours=#fff;#000\n");
  test_style_assert_has(msg, "key 'classes'");
  test_style_assert_has(msg, "key 'labels'");
  test_style_assert_has(msg, "key 'colours'");
  test_style_assert_has(msg, "key 'ramp': missing");
  g_free(msg);

  /* Keys of another method; a one-colour ramp. */
  msg = test_style_bad("[style]\n"
                       "method=categorical\n"
                       "categories=Rawan;RAWAN\n"
                       "breaks=1\n"
                       "ramp=#ffffff\n");
  test_style_assert_has(msg, "key 'breaks': only used with method=fixed");
  test_style_assert_has(msg, "the same as item 1");
  test_style_assert_has(msg, "at least 2");
  g_free(msg);

  /* No [style] group, and a key given twice. */
  msg = test_style_bad("[gaya]\nmethod=fixed\n");
  test_style_assert_has(msg, "no [style] group");
  g_free(msg);
  msg = test_style_bad("[style]\nmethod=fixed\nbreaks=1\nbreaks=2\nramp=#fff;#000\n");
  test_style_assert_has(msg, ":4: key 'breaks': given twice (first on line 3)");
  g_free(msg);

  /* Not a key file at all. */
  msg = test_style_bad("this is not a style\n");
  g_free(msg);

  /* A missing file. */
  GError *error = NULL;
  g_assert_null(geo_style_load("/nonexistent/x.style", NULL, &error));
  g_assert_error(error, GEO_ERROR, GEO_ERROR_USAGE);
  g_clear_error(&error);
}

/* A good hand-written style with a ramp for fixed classes. */
static void
test_custom_file(void)
{
  char *dir;
  char *path = test_style_write("tiga.style",
                                "[style]\n"
                                "title = Tiga kelas\n"
                                "method = fixed\n"
                                "breaks = 1 ; 2\n"
                                "ramp = #ffffff;#000000\n"
                                "decimals = 0\n",
                                &dir);
  GError *error = NULL;
  GeoStyle *st = geo_style_load(path, NULL, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(st->name, ==, "tiga");
  g_assert_cmpstr(st->title, ==, "Tiga kelas");
  g_assert_cmpuint(st->n_classes, ==, 3);
  g_assert_null(st->labels);
  g_assert_cmpint(st->decimals, ==, 0);
  g_assert_cmpfloat_with_epsilon(geo_rgb_lightness(st->colours[1]), 50.0, 1e-6);
  g_assert_cmpint(geo_style_classify(st, 2.0, NULL), ==, 2);
  geo_style_free(st);
  test_style_unlink(path, dir);

  /* Saved by a Windows editor: byte order mark and CRLF line ends. */
  path = test_style_write("windows.style",
                          "\xef\xbb\xbf[style]\r\n"
                          "method=categorical\r\n"
                          "categories=Aman;Rawan\r\n"
                          "colours=#ffffff;#000000\r\n",
                          &dir);
  st = geo_style_load(path, NULL, &error);
  g_assert_no_error(error);
  g_assert_cmpuint(st->n_classes, ==, 2);
  g_assert_cmpint(geo_style_classify(st, NAN, "RAWAN"), ==, 1);
  geo_style_free(st);
  test_style_unlink(path, dir);
}

/* The optional [coverage] group: the doctrine ratio of the coverage gap
 * rule (geo-figures.c), checked like the rest. */
static void
test_coverage(void)
{
  /* Built-in styles set none. */
  GeoStyle *st = test_style_load("ikp-kabkota");
  g_assert_true(isnan(st->officers_per_tps));
  geo_style_free(st);

  char *dir;
  char *path = test_style_write("doktrin.style",
                                "[style]\n"
                                "method=fixed\n"
                                "breaks=1;2\n"
                                "ramp=#ffffff;#000000\n"
                                "\n"
                                "[coverage]\n"
                                "officers-per-tps = 2.5\n",
                                &dir);
  GError *error = NULL;
  st = geo_style_load(path, NULL, &error);
  g_assert_no_error(error);
  g_assert_cmpfloat(st->officers_per_tps, ==, 2.5);
  geo_style_free(st);
  test_style_unlink(path, dir);

  /* Not a positive number, with its line; an unknown key; twice. */
  char *msg = test_style_bad("[style]\n"
                             "method=fixed\n"
                             "breaks=1\n"
                             "ramp=#fff;#000\n"
                             "[coverage]\n"
                             "officers-per-tps=2,5\n"
                             "personel=polri\n");
  test_style_assert_has(msg,
                        ":6: [coverage] key 'officers-per-tps': '2,5' is not a positive number");
  test_style_assert_has(msg, ":7: [coverage] key 'personel': unknown key");
  g_free(msg);
  msg = test_style_bad("[style]\nmethod=fixed\nbreaks=1\nramp=#fff;#000\n"
                       "[coverage]\nofficers-per-tps=0\n");
  test_style_assert_has(msg, "'0' is not a positive number");
  g_free(msg);
  msg = test_style_bad("[style]\nmethod=fixed\nbreaks=1\nramp=#fff;#000\n"
                       "[coverage]\nofficers-per-tps=2\nofficers-per-tps=3\n");
  test_style_assert_has(msg,
                        ":7: [coverage] key 'officers-per-tps': given twice (first on line 6)");
  g_free(msg);
  /* Other groups are still refused. */
  msg = test_style_bad("[style]\nmethod=fixed\nbreaks=1\nramp=#fff;#000\n[cakupan]\nx=1\n");
  test_style_assert_has(msg, "unknown group [cakupan]");
  g_free(msg);
}

static void
test_unknown_name(void)
{
  TEST_STYLE_DIR_OR_SKIP(dir);
  GError *error = NULL;
  GeoStyle *st = geo_style_load("tidak-ada", dir, &error);
  g_assert_null(st);
  g_assert_error(error, GEO_ERROR, GEO_ERROR_USAGE);
  test_style_assert_has(error->message, "tidak-ada");
  for (gsize i = 0; i < G_N_ELEMENTS(test_style_builtin); i++)
    test_style_assert_has(error->message, test_style_builtin[i]);
  g_clear_error(&error);

  st = geo_style_load("ikp-kabkota", "/nonexistent/petarawan", &error);
  g_assert_null(st);
  g_assert_error(error, GEO_ERROR, GEO_ERROR_USAGE);
  g_clear_error(&error);
}

static void
test_resolve_quantile(void)
{
  TEST_STYLE_DIR_OR_SKIP(dir);
  double values[101];
  for (guint i = 0; i < 100; i++)
    values[i] = 100 - i; /* unsorted on purpose */
  values[100] = NAN;

  GeoStyle *st = test_style_load("quantile");
  GError *error = NULL;
  g_assert_true(geo_style_resolve(st, values, 101, 4, &error)); /* --classes 4 */
  g_assert_no_error(error);
  g_assert_cmpuint(st->n_classes, ==, 4);
  g_assert_cmpfloat(st->breaks[0], ==, 26.0);
  g_assert_cmpfloat(st->breaks[1], ==, 51.0);
  g_assert_cmpfloat(st->breaks[2], ==, 76.0);
  g_assert_cmpfloat(st->data_min, ==, 1.0);
  g_assert_cmpfloat(st->data_max, ==, 100.0);
  g_assert_cmpmem(&st->colours[0], sizeof(GeoRgb), &st->ramp[0], sizeof(GeoRgb));
  g_assert_cmpmem(&st->colours[3], sizeof(GeoRgb), &st->ramp[st->n_ramp - 1], sizeof(GeoRgb));
  g_assert_cmpint(geo_style_classify(st, 25.0, NULL), ==, 0);
  g_assert_cmpint(geo_style_classify(st, 26.0, NULL), ==, 1);
  g_assert_cmpint(geo_style_classify(st, 100.0, NULL), ==, 3);
  g_assert_cmpint(geo_style_classify(st, NAN, NULL), ==, -1);
  guint count[4] = {0};
  for (guint i = 0; i < 100; i++)
    count[geo_style_classify(st, values[i], NULL)]++;
  for (guint c = 0; c < 4; c++)
    g_assert_cmpuint(count[c], ==, 25);
  geo_style_free(st);

  /* 0 classes: the style's default of 5. */
  st = test_style_load("quantile");
  g_assert_true(geo_style_resolve(st, values, 101, 0, &error));
  g_assert_cmpuint(st->n_classes, ==, 5);
  g_assert_cmpfloat(st->breaks[0], ==, 21.0);
  geo_style_free(st);
}

static void
test_resolve_jenks(void)
{
  TEST_STYLE_DIR_OR_SKIP(dir);
  const double values[] = {41, 1, 20, 2, 3, NAN, 10, 11, 12, 21, 22, 40, INFINITY};
  guint n = G_N_ELEMENTS(values);
  GeoStyle *st = test_style_load("jenks");
  GError *error = NULL;
  g_assert_true(geo_style_resolve(st, values, n, 4, &error));
  g_assert_no_error(error);
  g_assert_cmpuint(st->n_classes, ==, 4);
  g_assert_cmpfloat(st->breaks[0], ==, 10.0);
  g_assert_cmpfloat(st->breaks[1], ==, 20.0);
  g_assert_cmpfloat(st->breaks[2], ==, 40.0);
  g_assert_cmpfloat(st->data_min, ==, 1.0);
  g_assert_cmpfloat(st->data_max, ==, 41.0);
  g_assert_cmpint(geo_style_classify(st, 12.0, NULL), ==, 1);
  g_assert_cmpint(geo_style_classify(st, 40.0, NULL), ==, 3);
  g_assert_cmpint(geo_style_classify(st, INFINITY, NULL), ==, -1);

  /* Resolving again with another count replaces breaks and palette. */
  g_assert_true(geo_style_resolve(st, values, n, 2, &error));
  g_assert_cmpuint(st->n_classes, ==, 2);
  g_assert_cmpfloat(st->breaks[0], ==, 40.0); /* SSD 548.5 beats 584.3 for a break at 20 */
  geo_style_free(st);

  /* Fewer distinct values than classes: two classes, ramp ends. */
  const double two[] = {3, 3, 3, 7, 7};
  st = test_style_load("jenks");
  g_assert_true(geo_style_resolve(st, two, 5, 0, &error));
  g_assert_cmpuint(st->n_classes, ==, 2);
  g_assert_cmpfloat(st->breaks[0], ==, 7.0);
  g_assert_cmpmem(&st->colours[1], sizeof(GeoRgb), &st->ramp[st->n_ramp - 1], sizeof(GeoRgb));
  geo_style_free(st);

  /* One distinct value: one class, every value in it. */
  const double one[] = {5, 5, NAN};
  st = test_style_load("jenks");
  g_assert_true(geo_style_resolve(st, one, 3, 0, &error));
  g_assert_cmpuint(st->n_classes, ==, 1);
  g_assert_cmpint(geo_style_classify(st, 5.0, NULL), ==, 0);
  g_assert_cmpint(geo_style_classify(st, NAN, NULL), ==, -1);
  geo_style_free(st);
}

static void
test_resolve_equal(void)
{
  TEST_STYLE_DIR_OR_SKIP(dir);
  double values[11];
  for (guint i = 0; i <= 10; i++)
    values[i] = i * 10.0;
  GeoStyle *st = test_style_load("equal");
  GError *error = NULL;
  g_assert_true(geo_style_resolve(st, values, 11, 0, &error));
  g_assert_no_error(error);
  g_assert_cmpuint(st->n_classes, ==, 5);
  g_assert_cmpfloat_with_epsilon(st->breaks[0], 20.0, 1e-9);
  g_assert_cmpfloat_with_epsilon(st->breaks[3], 80.0, 1e-9);
  geo_style_free(st);
}

static void
test_resolve_errors(void)
{
  TEST_STYLE_DIR_OR_SKIP(dir);
  GeoStyle *st = test_style_load("jenks");
  const double none[] = {NAN, NAN};
  GError *error = NULL;
  g_assert_false(geo_style_resolve(st, none, 2, 0, &error));
  g_assert_error(error, GEO_ERROR, GEO_ERROR_INPUT);
  g_clear_error(&error);
  g_assert_false(geo_style_resolve(st, NULL, 0, 3, &error));
  g_assert_error(error, GEO_ERROR, GEO_ERROR_INPUT);
  g_clear_error(&error);

  const double some[] = {1, 2, 3};
  g_assert_false(geo_style_resolve(st, some, 3, 1, &error));
  g_assert_error(error, GEO_ERROR, GEO_ERROR_USAGE);
  g_clear_error(&error);
  g_assert_false(geo_style_resolve(st, some, 3, 99, &error));
  g_assert_error(error, GEO_ERROR, GEO_ERROR_USAGE);
  g_clear_error(&error);
  geo_style_free(st);

  /* Fixed styles check nothing, not even the presence of values. */
  st = test_style_load("ikp-kabkota");
  g_assert_true(geo_style_resolve(st, none, 2, 0, &error));
  g_assert_no_error(error);
  g_assert_true(isnan(st->data_min));
  geo_style_free(st);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/style/list", test_list);
  g_test_add_func("/style/load-builtin", test_load_builtin);
  g_test_add_func("/style/ikp-kabkota", test_ikp_kabkota);
  g_test_add_func("/style/ikp-provinsi", test_ikp_provinsi);
  g_test_add_func("/style/ipkp", test_ipkp);
  g_test_add_func("/style/bad-file-all-errors", test_bad_file_all_errors);
  g_test_add_func("/style/bad-file-other-errors", test_bad_file_other_errors);
  g_test_add_func("/style/custom-file", test_custom_file);
  g_test_add_func("/style/coverage", test_coverage);
  g_test_add_func("/style/unknown-name", test_unknown_name);
  g_test_add_func("/style/resolve-quantile", test_resolve_quantile);
  g_test_add_func("/style/resolve-jenks", test_resolve_jenks);
  g_test_add_func("/style/resolve-equal", test_resolve_equal);
  g_test_add_func("/style/resolve-errors", test_resolve_errors);
  return g_test_run();
}
