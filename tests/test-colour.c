/* test-colour.c — colour parsing, CIE lightness, Lab ramps and the
 * greyscale-safety of every built-in style's palette.
 *
 * The palettes are a promise to readers who print the briefing in black and
 * white: classes must step down in lightness, and no-data must never pass
 * for a class.  These tests keep that promise checked as styles change.
 * The Lab conversion used for checking is written independently here, so
 * the library is not only checked against itself.  Greys are what poppler's
 * pdftoppm -gray (and a photocopier) make of a colour; tests/greys.sh
 * measures the same steps on rasterised sheets.
 */
#include "geo.h"
#include "render.h"

#include <math.h>
#include <string.h>

typedef struct {
  double l, a, b;
} TestLab;

static double
test_colour_linear(double c)
{
  return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double
test_colour_f(double t)
{
  const double e = 216.0 / 24389.0, kappa = 24389.0 / 27.0;
  return t > e ? cbrt(t) : (kappa * t + 16.0) / 116.0;
}

/* sRGB to CIE Lab, D65 reference white (0.95047, 1, 1.08883). */
static TestLab
test_colour_lab(GeoRgb c)
{
  double r = test_colour_linear(c.r), g = test_colour_linear(c.g), b = test_colour_linear(c.b);
  double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
  double fx = test_colour_f(x), fy = test_colour_f(y), fz = test_colour_f(z);
  TestLab lab = {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
  return lab;
}

static double
test_colour_delta_e(GeoRgb p, GeoRgb q)
{
  TestLab a = test_colour_lab(p), b = test_colour_lab(q);
  return sqrt((a.l - b.l) * (a.l - b.l) + (a.a - b.a) * (a.a - b.a) + (a.b - b.b) * (a.b - b.b));
}

static GeoRgb
test_colour_rgb(const char *text)
{
  GeoRgb c = {0, 0, 0};
  g_assert_true(geo_rgb_parse(text, &c));
  return c;
}

static void
test_parse_good(void)
{
  GeoRgb c;
  g_assert_true(geo_rgb_parse("#ffffff", &c));
  g_assert_cmpfloat(c.r, ==, 1.0);
  g_assert_cmpfloat(c.g, ==, 1.0);
  g_assert_cmpfloat(c.b, ==, 1.0);

  g_assert_true(geo_rgb_parse("#000000", &c));
  g_assert_cmpfloat(c.r + c.g + c.b, ==, 0.0);

  g_assert_true(geo_rgb_parse("#ff8000", &c));
  g_assert_cmpfloat_with_epsilon(c.r, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon(c.g, 128.0 / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon(c.b, 0.0, 1e-12);

  /* Mixed case hex. */
  g_assert_true(geo_rgb_parse("#AbCdEf", &c));
  g_assert_cmpfloat_with_epsilon(c.r, 0xab / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon(c.g, 0xcd / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon(c.b, 0xef / 255.0, 1e-12);

  /* "#rgb" doubles each digit: #f80 is #ff8800. */
  g_assert_true(geo_rgb_parse("#f80", &c));
  g_assert_cmpfloat_with_epsilon(c.r, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon(c.g, 0x88 / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon(c.b, 0.0, 1e-12);

  /* out may be NULL: just validation. */
  g_assert_true(geo_rgb_parse("#123", NULL));
}

static void
test_parse_bad(void)
{
  const char *bad[] = {
      "",        "#",       "#f",      "#ff",        "#ffff",    "#fffff",    "#fffffff", "ffffff",
      "fff",     "#12zz45", "#ggg",    " #ffffff",   "#ffffff ", "#fff\n",    "##fff",    "red",
      "#-12345", "#+12345", "#0x1234", "rgb(0,0,0)", "#12 345",  "#ffffff00",
  };
  for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
    GeoRgb c = {0.25, 0.5, 0.75};
    if (geo_rgb_parse(bad[i], &c))
      g_error("accepted bad colour '%s'", bad[i]);
    /* A failed parse leaves the output alone. */
    g_assert_cmpfloat(c.r, ==, 0.25);
  }
  g_assert_false(geo_rgb_parse(NULL, NULL));
}

static void
test_lightness(void)
{
  g_assert_cmpfloat_with_epsilon(geo_rgb_lightness(test_colour_rgb("#ffffff")), 100.0, 1e-6);
  g_assert_cmpfloat_with_epsilon(geo_rgb_lightness(test_colour_rgb("#000000")), 0.0, 1e-9);
  /* Middle grey: #777777 is L* 50.03. */
  g_assert_cmpfloat_with_epsilon(geo_rgb_lightness(test_colour_rgb("#777777")), 50.03, 0.02);
  /* The sRGB primaries' well-known L*. */
  g_assert_cmpfloat_with_epsilon(geo_rgb_lightness(test_colour_rgb("#ff0000")), 53.24, 0.01);
  g_assert_cmpfloat_with_epsilon(geo_rgb_lightness(test_colour_rgb("#00ff00")), 87.73, 0.01);
  g_assert_cmpfloat_with_epsilon(geo_rgb_lightness(test_colour_rgb("#0000ff")), 32.30, 0.01);
  /* Near black uses the linear segments of both the sRGB curve and
   * CIE f(): (1/255)/12.92 * 903.3 = 0.274.  A plain 2.2 gamma would give
   * about 0.0045. */
  g_assert_cmpfloat_with_epsilon(geo_rgb_lightness(test_colour_rgb("#010101")), 0.2742, 0.001);
  /* Agrees with the independent conversion (textbook white point, so
   * within 1e-4) on assorted colours. */
  const char *some[] = {"#f7dc6f", "#ea8230", "#9e1f1c", "#123456", "#abcdef", "#808000"};
  for (gsize i = 0; i < G_N_ELEMENTS(some); i++) {
    GeoRgb c = test_colour_rgb(some[i]);
    g_assert_cmpfloat_with_epsilon(geo_rgb_lightness(c), test_colour_lab(c).l, 1e-4);
  }
}

static void
test_ramp_endpoints(void)
{
  GeoRgb anchors[3] = {test_colour_rgb("#fdf2ae"), test_colour_rgb("#e4701f"),
                       test_colour_rgb("#6e1010")};
  for (guint n = 2; n <= 9; n++) {
    GeoRgb out[9];
    geo_rgb_ramp(anchors, 3, n, out);
    g_assert_cmpmem(&out[0], sizeof(GeoRgb), &anchors[0], sizeof(GeoRgb));
    g_assert_cmpmem(&out[n - 1], sizeof(GeoRgb), &anchors[2], sizeof(GeoRgb));
    /* Anchors of falling L* give a ramp of falling L*. */
    for (guint i = 1; i < n; i++)
      g_assert_cmpfloat(geo_rgb_lightness(out[i]), <, geo_rgb_lightness(out[i - 1]));
    /* Odd n lands on the middle anchor. */
    if (n % 2 == 1)
      g_assert_cmpmem(&out[n / 2], sizeof(GeoRgb), &anchors[1], sizeof(GeoRgb));
  }

  /* Evenly spaced in Lab: between black and white, L* steps are equal. */
  GeoRgb bw[2] = {test_colour_rgb("#000000"), test_colour_rgb("#ffffff")};
  GeoRgb grey[5];
  geo_rgb_ramp(bw, 2, 5, grey);
  for (guint i = 0; i < 5; i++) {
    TestLab lab = test_colour_lab(grey[i]);
    g_assert_cmpfloat_with_epsilon(geo_rgb_lightness(grey[i]), 25.0 * i, 1e-6);
    g_assert_cmpfloat_with_epsilon(lab.a, 0.0, 1e-4);
    g_assert_cmpfloat_with_epsilon(lab.b, 0.0, 1e-4);
    g_assert_cmpfloat_with_epsilon(grey[i].r, grey[i].g, 1e-9);
    g_assert_cmpfloat_with_epsilon(grey[i].g, grey[i].b, 1e-9);
  }

  /* n == 1 gives the middle of the ramp. */
  GeoRgb one;
  geo_rgb_ramp(bw, 2, 1, &one);
  g_assert_cmpfloat_with_epsilon(geo_rgb_lightness(one), 50.0, 1e-6);
  geo_rgb_ramp(anchors, 3, 1, &one);
  g_assert_cmpmem(&one, sizeof(GeoRgb), &anchors[1], sizeof(GeoRgb));

  /* n == 0 writes nothing. */
  geo_rgb_ramp(anchors, 3, 0, NULL);
}

/* Blue to yellow passes outside sRGB in Lab; the result must stay in
 * gamut and keep the interpolated lightness (chroma is what gives way). */
static void
test_ramp_gamut(void)
{
  GeoRgb anchors[2] = {test_colour_rgb("#0000ff"), test_colour_rgb("#ffff00")};
  GeoRgb out[11];
  geo_rgb_ramp(anchors, 2, 11, out);
  double l0 = geo_rgb_lightness(anchors[0]), l1 = geo_rgb_lightness(anchors[1]);
  for (guint i = 0; i < 11; i++) {
    g_assert_cmpfloat(out[i].r, >=, 0.0);
    g_assert_cmpfloat(out[i].r, <=, 1.0);
    g_assert_cmpfloat(out[i].g, >=, 0.0);
    g_assert_cmpfloat(out[i].g, <=, 1.0);
    g_assert_cmpfloat(out[i].b, >=, 0.0);
    g_assert_cmpfloat(out[i].b, <=, 1.0);
    double want = l0 + (l1 - l0) * i / 10.0;
    g_assert_cmpfloat_with_epsilon(geo_rgb_lightness(out[i]), want, 0.05);
  }
}

static const char *
test_colour_styles_dir(void)
{
  const char *dir = g_getenv("PETARAWAN_STYLES");
  if (dir == NULL || !g_file_test(dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return dir;
}

/* Every built-in palette: class L* falls by >= 12 per step, and no-data is
 * a neutral grey clearly apart from every class. */
static void
test_style_palettes(void)
{
  const char *dir = test_colour_styles_dir();
  if (dir == NULL) {
    g_test_skip("PETARAWAN_STYLES not set");
    return;
  }
  char **paths = geo_style_list(dir);
  g_assert_cmpuint(g_strv_length(paths), >=, 6);
  for (guint p = 0; paths[p] != NULL; p++) {
    GError *error = NULL;
    GeoStyle *st = geo_style_load(paths[p], NULL, &error);
    g_assert_no_error(error);
    g_assert_nonnull(st);
    g_test_message("%s: %u classes", st->name, st->n_classes);
    g_assert_cmpuint(st->n_classes, >=, 2);
    g_assert_nonnull(st->colours);

    for (guint i = 1; i < st->n_classes; i++) {
      double up = geo_rgb_lightness(st->colours[i - 1]);
      double down = geo_rgb_lightness(st->colours[i]);
      if (up - down < 12.0)
        g_error("%s: class %u L*=%.1f, class %u L*=%.1f: step under 12", st->name, i - 1, up, i,
                down);
    }

    TestLab nd = test_colour_lab(st->nodata);
    g_assert_cmpfloat(fabs(nd.a), <, 1.0);
    g_assert_cmpfloat(fabs(nd.b), <, 1.0);
    for (guint i = 0; i < st->n_classes; i++) {
      double de = test_colour_delta_e(st->nodata, st->colours[i]);
      if (de < 25.0)
        g_error("%s: no-data is only dE %.1f from class %u", st->name, de, i);
      /* Apart in greyscale too, even before the hatching. */
      double dl = fabs(nd.l - geo_rgb_lightness(st->colours[i]));
      if (dl < 6.0)
        g_error("%s: no-data is only %.1f L* from class %u", st->name, dl, i);
    }

    /* Data-driven palettes: the default count after a resolve too. */
    if (st->ramp != NULL && st->method != GEO_METHOD_FIXED &&
        st->method != GEO_METHOD_CATEGORICAL) {
      double values[40];
      for (guint i = 0; i < G_N_ELEMENTS(values); i++)
        values[i] = i * i;
      g_assert_true(geo_style_resolve(st, values, G_N_ELEMENTS(values), 0, &error));
      g_assert_no_error(error);
      g_assert_cmpuint(st->n_classes, ==, 5);
      for (guint i = 1; i < st->n_classes; i++)
        g_assert_cmpfloat(geo_rgb_lightness(st->colours[i - 1]) - geo_rgb_lightness(st->colours[i]),
                          >=, 12.0);
    }
    geo_style_free(st);
  }
  g_strfreev(paths);
}

/* Colour-vision deficiency: a colour as a dichromat sees it, by the
 * full-severity simulation matrices of Machado, Oliveira and Fernandes
 * (2009, IEEE TVCG 15(6)), applied to linear RGB. */
static GeoRgb
test_colour_simulate(GeoRgb c, const double mat[9])
{
  double in[3] = {c.r, c.g, c.b}, lin[3], out[3];
  for (int i = 0; i < 3; i++)
    lin[i] = in[i] <= 0.04045 ? in[i] / 12.92 : pow((in[i] + 0.055) / 1.055, 2.4);
  for (int i = 0; i < 3; i++) {
    double v = mat[3 * i] * lin[0] + mat[3 * i + 1] * lin[1] + mat[3 * i + 2] * lin[2];
    v = CLAMP(v, 0.0, 1.0);
    out[i] = v <= 0.0031308 ? 12.92 * v : 1.055 * pow(v, 1 / 2.4) - 0.055;
  }
  return (GeoRgb){out[0], out[1], out[2]};
}

/* Adjacent classes of every built-in style stay apart for protanopes,
 * deuteranopes and tritanopes: at least 10 L* and a clear dE. */
static void
test_colour_blind(void)
{
  static const struct {
    const char *name;
    double m[9];
  } cvd[] = {
      {"protanopia",
       {0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116,
        1.051998}},
      {"deuteranopia",
       {0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.011820, 0.042940,
        0.968881}},
      {"tritanopia",
       {1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367,
        0.303900}},
  };
  const char *dir = test_colour_styles_dir();
  if (dir == NULL) {
    g_test_skip("PETARAWAN_STYLES not set");
    return;
  }
  /* The matrices keep grey grey: a sanity check on the transcription. */
  for (guint k = 0; k < G_N_ELEMENTS(cvd); k++) {
    GeoRgb g = test_colour_simulate((GeoRgb){0.5, 0.5, 0.5}, cvd[k].m);
    g_assert_cmpfloat(fabs(g.r - 0.5) + fabs(g.g - 0.5) + fabs(g.b - 0.5), <, 0.01);
  }
  char **paths = geo_style_list(dir);
  for (guint p = 0; paths[p] != NULL; p++) {
    GError *error = NULL;
    GeoStyle *st = geo_style_load(paths[p], NULL, &error);
    g_assert_no_error(error);
    if (st->ramp != NULL && st->method != GEO_METHOD_FIXED &&
        st->method != GEO_METHOD_CATEGORICAL) {
      double values[40];
      for (guint i = 0; i < G_N_ELEMENTS(values); i++)
        values[i] = i;
      g_assert_true(geo_style_resolve(st, values, G_N_ELEMENTS(values), 0, &error));
    }
    for (guint k = 0; k < G_N_ELEMENTS(cvd); k++) {
      for (guint i = 1; i < st->n_classes; i++) {
        GeoRgb a = test_colour_simulate(st->colours[i - 1], cvd[k].m);
        GeoRgb b = test_colour_simulate(st->colours[i], cvd[k].m);
        double dl = geo_rgb_lightness(a) - geo_rgb_lightness(b);
        double de = test_colour_delta_e(a, b);
        g_test_message("%s, %s: classes %u/%u dL* %.1f dE %.1f", st->name, cvd[k].name, i - 1, i,
                       dl, de);
        if (dl < 10.0 || de < 15.0)
          g_error("%s under %s: classes %u and %u only dL* %.1f, dE %.1f apart", st->name,
                  cvd[k].name, i - 1, i, dl, de);
      }
    }
    geo_style_free(st);
  }
  g_strfreev(paths);
}

/* The grey of a colour is poppler's DeviceRGB to grey: these are the
 * values pdftoppm -gray printed for these colours filled in a PDF. */
static void
test_grey_formula(void)
{
  static const struct {
    const char *rgb;
    int poppler;
  } seen[] = {
      {"#fdf2ae", 238}, {"#f0c94e", 199}, {"#e4e4e1", 228}, {"#eef5fa", 243},
      {"#9e1f1c", 69},  {"#0000ff", 28},  {"#ff0000", 77},  {"#00ff00", 150},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(seen); i++) {
    double g = geo_rgb_grey(test_colour_rgb(seen[i].rgb));
    if (fabs(g - seen[i].poppler) > 0.5)
      g_error("%s: grey %.2f, poppler gives %d", seen[i].rgb, g, seen[i].poppler);
  }
  g_assert_cmpfloat_with_epsilon(geo_rgb_grey(test_colour_rgb("#ffffff")), 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon(geo_rgb_grey(test_colour_rgb("#000000")), 0.0, 1e-9);
  /* A plain fill's grey is its colour's; a texture's lies between its
   * ground and its ink. */
  GeoStyle st = {0};
  GeoRgb colours[2] = {test_colour_rgb("#f0c94e"), test_colour_rgb("#9e1f1c")};
  st.n_classes = 2;
  st.colours = colours;
  st.nodata = test_colour_rgb("#ffffff");
  g_assert_cmpfloat_with_epsilon(render_fill_grey(&st, FALSE, 0), 199.17, 0.01);
  double hatch = render_fill_grey(&st, FALSE, -1);
  g_assert_cmpfloat(hatch, <, 250.0);
  g_assert_cmpfloat(hatch, >, 0.55 * 255);
}

/* One palette as a photocopy sees it: sea, land, no data and every class,
 * all apart by `min` (classes also darker and darker by `class_min`), and
 * the district lines drawn on each fill well apart from it. */
static guint
test_colour_check_greys(const GeoStyle *st, gboolean mono, double min, double class_min)
{
  guint n = st->n_classes, bad = 0;
  g_autofree double *grey = g_new(double, n + 3);
  char **what = g_new0(char *, n + 4); /* NULL-terminated */
  grey[0] = geo_rgb_grey(render_sea_colour);
  what[0] = g_strdup("sea");
  grey[1] = geo_rgb_grey(render_land_colour);
  what[1] = g_strdup("land");
  grey[2] = render_fill_grey(st, mono, -1);
  what[2] = g_strdup("no data");
  for (guint i = 0; i < n; i++) {
    grey[3 + i] = render_fill_grey(st, mono, (int)i);
    what[3 + i] = g_strdup_printf("class %u", i + 1);
  }
  GString *line = g_string_new(NULL);
  for (guint i = 0; i < n + 3; i++)
    g_string_append_printf(line, " %s %.1f", what[i], grey[i]);
  g_test_message("%s%s, %u classes:%s", st->name, mono ? " --mono" : "", n, line->str);
  g_string_free(line, TRUE);
  for (guint i = 0; i < n + 3; i++)
    for (guint j = i + 1; j < n + 3; j++)
      if (fabs(grey[i] - grey[j]) < min) {
        g_printerr("%s%s, %u classes: %s (grey %.1f) and %s (grey %.1f) are under %.0f apart\n",
                   st->name, mono ? " --mono" : "", n, what[i], grey[i], what[j], grey[j], min);
        bad++;
      }
  for (guint i = 1; i < n; i++)
    if (grey[2 + i] - grey[3 + i] < class_min) {
      g_printerr("%s%s, %u classes: class %u (grey %.1f) is not %.0f darker than class %u "
                 "(grey %.1f)\n",
                 st->name, mono ? " --mono" : "", n, i + 1, grey[3 + i], class_min, i, grey[2 + i]);
      bad++;
    }
  /* District lines differ from every fill they are drawn on by 50 levels
   * (a constant dark grey, 71, was 27 from the darkest ramp class). */
  for (int c = -1; c < (int)n; c++) {
    double line_grey = geo_rgb_grey(render_fill_line(st, mono, c));
    if (fabs(line_grey - grey[3 + c]) < 50.0) {
      g_printerr("%s%s, %u classes: district line grey %.1f on %s (grey %.1f)\n", st->name,
                 mono ? " --mono" : "", n, line_grey, what[3 + c], grey[3 + c]);
      bad++;
    }
  }
  g_strfreev(what);
  return bad;
}

/* Every built-in style, data-driven ones at 3 to 7 classes, in colour
 * (photocopied) and with --mono. */
static void
test_grey_steps(gconstpointer data)
{
  gboolean mono = GPOINTER_TO_INT(data);
  const char *dir = test_colour_styles_dir();
  if (dir == NULL) {
    g_test_skip("PETARAWAN_STYLES not set");
    return;
  }
  char **paths = geo_style_list(dir);
  guint bad = 0, checked = 0;
  for (guint p = 0; paths[p] != NULL; p++) {
    for (guint n = 3; n <= 7; n++) {
      GError *error = NULL;
      GeoStyle *st = geo_style_load(paths[p], NULL, &error);
      g_assert_no_error(error);
      gboolean data_driven = st->ramp != NULL && st->method != GEO_METHOD_FIXED &&
                             st->method != GEO_METHOD_CATEGORICAL;
      if (!data_driven && n > 3) {
        geo_style_free(st);
        break;
      }
      if (data_driven) {
        double values[40];
        for (guint i = 0; i < G_N_ELEMENTS(values); i++)
          values[i] = i;
        g_assert_true(geo_style_resolve(st, values, G_N_ELEMENTS(values), n, &error));
        g_assert_no_error(error);
        g_assert_cmpuint(st->n_classes, ==, n);
      }
      bad += test_colour_check_greys(st, mono, GEO_GREY_STEP_MIN,
                                     mono ? RENDER_MONO_STEP_MIN : GEO_GREY_STEP_MIN);
      checked++;
      geo_style_free(st);
    }
  }
  g_strfreev(paths);
  g_assert_cmpuint(checked, >=, 18);
  if (bad > 0)
    g_error("%u grey steps too small (see above)", bad);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/colour/parse-good", test_parse_good);
  g_test_add_func("/colour/parse-bad", test_parse_bad);
  g_test_add_func("/colour/lightness", test_lightness);
  g_test_add_func("/colour/ramp-endpoints", test_ramp_endpoints);
  g_test_add_func("/colour/ramp-gamut", test_ramp_gamut);
  g_test_add_func("/colour/style-palettes", test_style_palettes);
  g_test_add_func("/colour/colour-blind", test_colour_blind);
  g_test_add_func("/colour/grey-formula", test_grey_formula);
  g_test_add_data_func("/colour/grey-steps", GINT_TO_POINTER(FALSE), test_grey_steps);
  g_test_add_data_func("/colour/mono-steps", GINT_TO_POINTER(TRUE), test_grey_steps);
  return g_test_run();
}
