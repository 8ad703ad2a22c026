/* test-key.c — Kemendagri codes compare equal however they are written. */
#include <geo.h>

static void
check(const char *raw, const char *want)
{
  g_autofree char *k = geo_key_normalise(raw);
  g_assert_cmpstr(k, ==, want);
}

static void
test_codes(void)
{
  check("53.71", "53.71");
  check("5371", "53.71");
  check(" 53.71 ", "53.71");
  check("53", "53");
  check("53.71.01", "53.71.01");
  check("537101", "53.71.01");
  check("5371011001", "53.71.01.1001");
  check("53.71.01.1001", "53.71.01.1001");
  check("11.1", "11.10"); /* Excel stored 11.10 as a number */
  /* Written by spreadsheets and scripts. */
  check("'5371", "53.71");  /* Excel's text marker */
  check("5371.0", "53.71"); /* a float column (pandas) */
  check("53.0", "53");
  check("5371011001.0", "53.71.01.1001");
  check("53.71.1", "53.71.01"); /* lower parts without their zero padding */
  check("53.71.01.1", "53.71.01.0001");
  check("53.7.01", "53.07.01");
  check("53.7.1", "53.07.01");
  check(" 53 . 71 ", "53.71");
}

static void
test_level(void)
{
  g_assert_cmpuint(geo_key_level("53"), ==, 1);
  g_assert_cmpuint(geo_key_level("53.71"), ==, 2);
  g_assert_cmpuint(geo_key_level("53.71.01"), ==, 3);
  g_assert_cmpuint(geo_key_level("53.71.01.1001"), ==, 4);
  g_assert_cmpuint(geo_key_level("5371"), ==, 0); /* not normalised */
  g_assert_cmpuint(geo_key_level("Kupang"), ==, 0);
  g_assert_cmpuint(geo_key_level(""), ==, 0);
  g_assert_cmpuint(geo_key_level("53.71.01.1001.5"), ==, 0);
  g_assert_cmpuint(geo_key_level(NULL), ==, 0);
}

static void
test_not_codes(void)
{
  check("Kota Kupang", "Kota Kupang");
  check("  DKI Jakarta ", "DKI Jakarta");
  check("537", "537");
  check("", "");
  check(NULL, "");
  check("'Kupang", "'Kupang");
  check("537.0", "537.0");           /* three digits are no code, as a float neither */
  check("53.5", "53.50");            /* (an Excel number: 53.50) */
  check("5.71", "5.71");             /* a province has two digits */
  check("53.71.0001", "53.71.0001"); /* a kecamatan part has two */
  check("53..71", "53..71");
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/key/codes", test_codes);
  g_test_add_func("/key/not-codes", test_not_codes);
  g_test_add_func("/key/level", test_level);
  return g_test_run();
}
