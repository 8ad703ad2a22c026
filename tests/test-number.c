/* test-number.c — numbers as Indonesian and plain spreadsheets write them. */
#include <geo.h>
#include <math.h>

static void
check(const char *text, gboolean id, double want)
{
  double v = NAN;
  g_assert_true(geo_number_parse(text, id, &v));
  g_assert_cmpfloat_with_epsilon(v, want, 1e-9);
}

static void
test_plain(void)
{
  check("45.23", FALSE, 45.23);
  check(" 13.47 ", FALSE, 13.47);
  check("-2.5", FALSE, -2.5);
  check("100", FALSE, 100);
  check("1,234.5", FALSE, 1234.5);
  check("1,234,567", FALSE, 1234567);
  check(".5", FALSE, 0.5);
}

static void
test_indonesian(void)
{
  check("45,23", FALSE, 45.23);
  check("1.234,5", FALSE, 1234.5);
  check("1.234.567", FALSE, 1234567);
  check("1.234", TRUE, 1234);  /* thousands in an Indonesian column */
  check("1.234", FALSE, 1.234); /* a plain decimal otherwise */
}

static void
test_bad(void)
{
  double v;
  const char *bad[] = {"", "abc", "12a", "1.2.3,4,5", "1,23,4.5", "nan", "inf", "-", "--5",
                       "1e999", "12,34,56", "1.23.456"};
  for (guint i = 0; i < G_N_ELEMENTS(bad); i++)
    g_assert_false(geo_number_parse(bad[i], FALSE, &v));
  g_assert_true(geo_number_is_missing(""));
  g_assert_true(geo_number_is_missing(" - "));
  g_assert_true(geo_number_is_missing("N/A"));
  g_assert_false(geo_number_is_missing("0"));
}

static void
test_format(void)
{
  struct {
    double v;
    int d;
    const char *want;
  } cases[] = {{13.47, 2, "13,47"}, {1234567.891, 2, "1.234.567,89"}, {49.33, 2, "49,33"},
               {0, 0, "0"},        {1000, 0, "1.000"},                {-0.001, 2, "0,00"},
               {-1500.5, 1, "−1.500,5"}};
  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autofree char *s = geo_number_format_id(cases[i].v, cases[i].d);
    g_assert_cmpstr(s, ==, cases[i].want);
  }
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/number/plain", test_plain);
  g_test_add_func("/number/indonesian", test_indonesian);
  g_test_add_func("/number/bad", test_bad);
  g_test_add_func("/number/format", test_format);
  return g_test_run();
}
