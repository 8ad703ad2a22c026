/* test-scalebar.c — the scale bar's length is true to the map's scale. */
#include <math.h>
#include <render.h>

/* Points per metre of ground at 1:denominator. */
static double
pt_per_m(double denominator)
{
  return 72.0 / 0.0254 / denominator;
}

static void
test_known_scale(void)
{
  double km, len;
  /* 1:1 000 000, at most 150 pt (52.9 km): a 50 km bar, 141.73 pt. */
  g_assert_true(render_scalebar_choose(pt_per_m(1e6), 150, &km, &len));
  g_assert_cmpfloat(km, ==, 50);
  g_assert_cmpfloat_with_epsilon(len, 50000 * 72 / 0.0254 / 1e6, 1e-9);
  /* 1:4 000 000, at most 140 pt (197.6 km): 100 km. */
  g_assert_true(render_scalebar_choose(pt_per_m(4e6), 140, &km, &len));
  g_assert_cmpfloat(km, ==, 100);
  /* 1:250 000, at most 60 pt (5.29 km): 5 km. */
  g_assert_true(render_scalebar_choose(pt_per_m(2.5e5), 60, &km, &len));
  g_assert_cmpfloat(km, ==, 5);
  /* 1:50 000, at most 50 pt (0.88 km): 0.5 km. */
  g_assert_true(render_scalebar_choose(pt_per_m(5e4), 50, &km, &len));
  g_assert_cmpfloat_with_epsilon(km, 0.5, 1e-12);
  g_assert_cmpfloat(len, <=, 50);
}

static void
test_degenerate(void)
{
  double km, len;
  g_assert_false(render_scalebar_choose(0, 100, &km, &len));
  g_assert_false(render_scalebar_choose(NAN, 100, &km, &len));
  g_assert_false(render_scalebar_choose(1, 0, &km, &len));
}

/* Tick labels show their values exactly: the middle of a 5 km bar is
 * 2,5, not 2 (issue 12: distances read off it were 20% short). */
static void
test_tick_labels(void)
{
  struct {
    double km;
    const char *id, *en;
  } c[] = {{2.5, "2,5", "2.5"},    {5, "5", "5"},
           {0.25, "0,25", "0.25"}, {0.5, "0,5", "0.5"},
           {25, "25", "25"},       {1000, "1.000", "1,000"},
           {0.05, "0,05", "0.05"}, {0.025, "0,025", "0.025"},
           {250, "250", "250"}};
  for (guint i = 0; i < G_N_ELEMENTS(c); i++) {
    g_autofree char *id = render_scalebar_label(RENDER_LANG_ID, c[i].km);
    g_autofree char *en = render_scalebar_label(RENDER_LANG_EN, c[i].km);
    g_assert_cmpstr(id, ==, c[i].id);
    g_assert_cmpstr(en, ==, c[i].en);
  }
  /* Every bar the chooser can pick, at scales from a village to the
   * nation: its half reads back as exactly half. */
  for (double den = 5e3; den < 5e7; den *= 1.37) {
    double km, len;
    g_assert_true(render_scalebar_choose(pt_per_m(den), 120, &km, &len));
    g_autofree char *half = render_scalebar_label(RENDER_LANG_EN, km / 2);
    g_autofree char *plain = g_strdup(half);
    char *w = plain;
    for (const char *r = half; *r; r++)
      if (*r != ',')
        *w++ = *r;
    *w = 0;
    g_assert_cmpfloat_with_epsilon(g_ascii_strtod(plain, NULL), km / 2, 1e-9 * km);
  }
}

static void
test_slug(void)
{
  struct {
    const char *in, *out;
  } c[] = {{"Nusa Tenggara Timur", "nusa-tenggara-timur"},
           {"DKI Jakarta", "dki-jakarta"},
           {"../../x", "x"},
           {"a/b", "a-b"},
           {"", "tanpa-nama"},
           {"Kepulauan Bangka Belitung", "kepulauan-bangka-belitung"}};
  for (guint i = 0; i < G_N_ELEMENTS(c); i++) {
    g_autofree char *s = render_slug(c[i].in);
    g_assert_cmpstr(s, ==, c[i].out);
  }
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/scalebar/known-scale", test_known_scale);
  g_test_add_func("/scalebar/degenerate", test_degenerate);
  g_test_add_func("/scalebar/tick-labels", test_tick_labels);
  g_test_add_func("/scalebar/slug", test_slug);
  return g_test_run();
}
