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
}

static void
test_not_codes(void)
{
  check("Kota Kupang", "Kota Kupang");
  check("  DKI Jakarta ", "DKI Jakarta");
  check("537", "537");
  check("53.7.1", "53.7.1");
  check("", "");
  check(NULL, "");
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/key/codes", test_codes);
  g_test_add_func("/key/not-codes", test_not_codes);
  return g_test_run();
}
