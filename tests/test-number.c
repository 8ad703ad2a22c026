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
  check("1.234", TRUE, 1234);   /* thousands in an Indonesian column */
  check("1.234", FALSE, 1.234); /* a plain decimal otherwise */
}

/* What the text alone says, and the two readings of an ambiguous one. */
static void
test_shape(void)
{
  struct {
    const char *text;
    GeoNumberShape shape;
  } cases[] = {{"1234", GEO_NUMBER_WHOLE},
               {" -12 ", GEO_NUMBER_WHOLE},
               {"45.23", GEO_NUMBER_PLAIN},
               {"0.268", GEO_NUMBER_PLAIN},
               {"1234.567", GEO_NUMBER_PLAIN},
               {"1,234.5", GEO_NUMBER_PLAIN},
               {"1,234,567", GEO_NUMBER_PLAIN},
               {".5", GEO_NUMBER_PLAIN},
               {"45,23", GEO_NUMBER_INDONESIAN},
               {"1.234,5", GEO_NUMBER_INDONESIAN},
               {"1.234.567", GEO_NUMBER_INDONESIAN},
               {"0,125", GEO_NUMBER_INDONESIAN},
               {"1234,567", GEO_NUMBER_INDONESIAN},
               {"1.234", GEO_NUMBER_AMBIGUOUS},
               {"-12,345", GEO_NUMBER_AMBIGUOUS},
               {"999.000", GEO_NUMBER_AMBIGUOUS},
               {"abc", GEO_NUMBER_NONE},
               {"1.2.3", GEO_NUMBER_NONE},
               {"-", GEO_NUMBER_NONE},
               {"", GEO_NUMBER_NONE}};
  for (guint i = 0; i < G_N_ELEMENTS(cases); i++)
    if (geo_number_shape(cases[i].text) != cases[i].shape)
      g_error("'%s': shape %d, want %d", cases[i].text, geo_number_shape(cases[i].text),
              cases[i].shape);
  check("1,234", TRUE, 1.234); /* a decimal comma when Indonesian */
  check("1,234", FALSE, 1234); /* thousands when plain */
  check("0.268", TRUE, 0.268); /* a leading 0 groups no thousands */
  check("1234.567", TRUE, 1234.567);
  check("0,125", FALSE, 0.125);
}

/* Scientific notation as Excel writes it, in both decimal styles. */
static void
test_scientific(void)
{
  check("1.5E-05", FALSE, 1.5e-5);
  check("1,5E-05", FALSE, 1.5e-5);
  check("2.5E+01", FALSE, 25);
  check("2,5E+01", TRUE, 25);
  check("-1,23E+05", TRUE, -123000);
  check(" 1e308 ", FALSE, 1e308);
  check("7E2", FALSE, 700);
  double v = NAN;
  g_assert_true(geo_number_parse("4.9E-324", FALSE, &v)); /* the smallest denormal */
  g_assert_cmpfloat(v, >, 0.0);
  g_assert_true(geo_number_parse("1.7976931348623157E+308", FALSE, &v));
  g_assert_cmpfloat(v, ==, 1.7976931348623157e308);
  g_assert_cmpint(geo_number_shape("1.5E-05"), ==, GEO_NUMBER_PLAIN);
  g_assert_cmpint(geo_number_shape("1,5E-05"), ==, GEO_NUMBER_INDONESIAN);
  g_assert_cmpint(geo_number_shape("1e308"), ==, GEO_NUMBER_WHOLE);
  const char *bad[] = {"e5",   "E+05",     "1e",    "1e+",  "1e5.5", "1E99999", "1e309",
                       "1ee5", "1.5E-05x", "1e5e5", "1,5E", "-e5",   "1.2.3e4"};
  for (guint i = 0; i < G_N_ELEMENTS(bad); i++)
    if (geo_number_parse(bad[i], FALSE, &v) || geo_number_parse(bad[i], TRUE, &v))
      g_error("'%s' read as %g", bad[i], v);
}

static void
test_bad(void)
{
  double v;
  const char *bad[] = {"",    "abc", "12a", "1.2.3,4,5", "1,23,4.5", "nan",
                       "inf", "-",   "--5", "1e999",     "12,34,56", "1.23.456"};
  for (guint i = 0; i < G_N_ELEMENTS(bad); i++)
    g_assert_false(geo_number_parse(bad[i], FALSE, &v));
  g_assert_true(geo_number_is_missing(""));
  g_assert_true(geo_number_is_missing(" - "));
  g_assert_true(geo_number_is_missing("N/A"));
  g_assert_true(geo_number_is_missing("#N/A"));
  g_assert_false(geo_number_is_missing("0"));
}

static void
test_format(void)
{
  struct {
    double v;
    int d;
    const char *want;
  } cases[] = {{13.47, 2, "13,47"},     {1234567.891, 2, "1.234.567,89"},
               {49.33, 2, "49,33"},     {0, 0, "0"},
               {1000, 0, "1.000"},      {-0.001, 2, "0,00"},
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
  g_test_add_func("/number/shape", test_shape);
  g_test_add_func("/number/bad", test_bad);
  g_test_add_func("/number/scientific", test_scientific);
  g_test_add_func("/number/format", test_format);
  return g_test_run();
}
