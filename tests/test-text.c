/* test-text.c — text quoted from input files (geo-text.c): made
 * printable, cut to a length, and the list of fields an error gives. */
#include "testutil.h"

#include <geo.h>

static void
test_printable(void)
{
  g_autofree char *ctl = geo_text_printable("a\nb\x1b[31mc\x7f", 0);
  g_assert_cmpstr(ctl, ==, "a b [31mc ");
  g_autofree char *bad = geo_text_printable("ab\xff", 0);
  g_assert_cmpstr(bad, ==, "ab\xef\xbf\xbd");
  g_autofree char *cut = geo_text_printable("Kabupaten Kupang", 8);
  g_assert_cmpstr(cut, ==, "Kabup...");
  g_autofree char *null = geo_text_printable(NULL, 0);
  g_assert_cmpstr(null, ==, "");
}

static void
test_field_list(void)
{
  const char *few[] = {"KODE", "NAMA", "KODE\nPROV"};
  g_autofree char *a = geo_text_field_list(few, 3, "none");
  g_assert_cmpstr(a, ==, "KODE, NAMA, KODE PROV");
  g_autofree char *none = geo_text_field_list(NULL, 0, "none: give --table");
  g_assert_cmpstr(none, ==, "none: give --table");
  const char *many[GEO_TEXT_FIELDS_SHOWN + 3];
  char names[GEO_TEXT_FIELDS_SHOWN + 3][8];
  for (guint i = 0; i < G_N_ELEMENTS(many); i++) {
    g_snprintf(names[i], sizeof names[i], "f%u", i + 1);
    many[i] = names[i];
  }
  g_autofree char *b = geo_text_field_list(many, G_N_ELEMENTS(many), "none");
  g_assert_true(g_str_has_prefix(b, "f1, f2, "));
  g_assert_true(g_str_has_suffix(b, ", f20 and 3 more"));
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/text/printable", test_printable);
  g_test_add_func("/text/field-list", test_field_list);
  return g_test_run();
}
