/* fuzz-number.c — geo_number_parse (plain and Indonesian), then
 * geo_number_format_id on what it read.
 *
 * Checks beyond "does not crash": a parsed number is finite; a plain
 * decimal ("-12.5", ".5", "7.") reads in plain mode exactly as strtod reads
 * it; a well-formed Indonesian number ("1.234,5") reads in Indonesian mode
 * as its digits say; the formatted text has the Indonesian shape (optional
 * minus U+2212, dot-grouped thousands, a decimal comma and exactly the
 * digits asked for) and says the same number to within its rounding. */
#include "fuzz.h"

#include "geo.h"

#include <math.h>
#include <string.h>

/* TRUE when `s` is [+-]digits[.digits] with at least one digit. */
static gboolean
fuzz_number_is_plain(const char *s)
{
  if (*s == '+' || *s == '-')
    s++;
  guint digits = 0, dots = 0;
  for (; *s; s++) {
    if (g_ascii_isdigit(*s))
      digits++;
    else if (*s == '.' && dots == 0)
      dots++;
    else
      return FALSE;
  }
  return digits > 0;
}

/* TRUE when s[0..len) is digit groups separated by dots: the first of 1 to
 * 3 digits, every other of exactly 3 ("1", "12.345", "1.234.567"); a first
 * group starting with 0 groups nothing ("0.268" is no thousands). */
static gboolean
fuzz_number_is_grouped(const char *s, size_t len)
{
  size_t group = 0;
  gboolean first = TRUE;
  for (size_t i = 0; i < len; i++) {
    if (g_ascii_isdigit(s[i])) {
      if (++group > 3)
        return FALSE;
    } else if (s[i] == '.' && group > 0 && (first || group == 3) && !(first && s[0] == '0')) {
      first = FALSE;
      group = 0;
    } else {
      return FALSE;
    }
  }
  return group > 0 && (first || group == 3);
}

/* TRUE when `s` is [+-]d{1,3}(.ddd)*[,d+]. */
static gboolean
fuzz_number_is_indonesian(const char *s)
{
  if (*s == '+' || *s == '-')
    s++;
  const char *comma = strchr(s, ',');
  if (!fuzz_number_is_grouped(s, comma ? (size_t)(comma - s) : strlen(s)))
    return FALSE;
  if (comma == NULL)
    return TRUE;
  if (comma[1] == '\0')
    return FALSE;
  for (const char *p = comma + 1; *p; p++)
    if (!g_ascii_isdigit(*p))
      return FALSE;
  return TRUE;
}

/* strtod of `s` after dropping `thousands` and turning `decimal` into '.'. */
static double
fuzz_number_reference(const char *s, char thousands, char decimal)
{
  GString *b = g_string_new(NULL);
  for (; *s; s++) {
    if (*s == thousands)
      continue;
    g_string_append_c(b, *s == decimal ? '.' : *s);
  }
  double v = g_ascii_strtod(b->str, NULL);
  g_string_free(b, TRUE);
  return v;
}

/* Checks the shape of geo_number_format_id(v, decimals) and returns the
 * magnitude it says; *negative tells whether it starts with a minus. */
static double
fuzz_number_read_formatted(const char *s, int decimals, gboolean *negative)
{
  FUZZ_CHECK(g_utf8_validate(s, -1, NULL), "format is not UTF-8: '%s'", s);
  const char *p = s;
  *negative = g_str_has_prefix(p, "\xe2\x88\x92"); /* U+2212 MINUS SIGN */
  if (*negative)
    p += 3;
  const char *comma = strchr(p, ',');
  size_t int_len = comma ? (size_t)(comma - p) : strlen(p);
  FUZZ_CHECK(int_len > 0, "no integer digits in '%s'", s);
  FUZZ_CHECK(fuzz_number_is_grouped(p, int_len), "integer part of '%s' not grouped by dots", s);
  if (decimals > 0) {
    FUZZ_CHECK(comma != NULL, "no decimal comma in '%s' (%d decimals)", s, decimals);
    FUZZ_CHECK(strlen(comma + 1) == (size_t)decimals, "'%s' has not %d decimals", s, decimals);
    for (const char *q = comma + 1; *q; q++)
      FUZZ_CHECK(g_ascii_isdigit(*q), "bad decimals in '%s'", s);
  } else {
    FUZZ_CHECK(comma == NULL, "decimal comma in '%s' with 0 decimals", s);
  }
  return fuzz_number_reference(p, '.', ',');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *text = fuzz_string(data, size);
  gboolean missing = geo_number_is_missing(text);
  char *trimmed = g_strstrip(g_strdup(text));
  gboolean short_enough = strlen(trimmed) <= 64;

  for (int mode = 0; mode < 2; mode++) {
    double v = NAN;
    gboolean ok = geo_number_parse(text, mode, &v);
    if (short_enough && mode == 0 && fuzz_number_is_plain(trimmed)) {
      double want = g_ascii_strtod(trimmed, NULL);
      FUZZ_CHECK(ok && v == want, "plain '%s' read as %s %.17g, want %.17g", trimmed,
                 ok ? "" : "(failed)", v, want);
    }
    if (short_enough && mode == 1 && fuzz_number_is_indonesian(trimmed)) {
      double want = fuzz_number_reference(trimmed, '.', ',');
      FUZZ_CHECK(ok && v == want, "Indonesian '%s' read as %s %.17g, want %.17g", trimmed,
                 ok ? "" : "(failed)", v, want);
    }
    if (!ok)
      continue;
    FUZZ_CHECK(isfinite(v), "'%s' read as %g", text, v);
    FUZZ_CHECK(!missing, "'%s' is missing and a number", text);
    for (int d = -1; d <= 7; d++) {
      int used = CLAMP(d, 0, 6);
      char *s = geo_number_format_id(v, d);
      gboolean negative;
      double back = fuzz_number_read_formatted(s, used, &negative);
      double tol = 0.5 * pow(10, -used) * (1 + 1e-9) + fabs(v) * 1e-15;
      FUZZ_CHECK(fabs(back - fabs(v)) <= tol, "%.17g with %d decimals formatted as '%s'", v, d, s);
      FUZZ_CHECK(!negative || v < 0, "%.17g formatted with a minus: '%s'", v, s);
      FUZZ_CHECK(negative || v >= 0 || back == 0, "%.17g formatted without a minus: '%s'", v, s);
      g_free(s);
    }
  }
  g_free(trimmed);
  g_free(text);
  return 0;
}
