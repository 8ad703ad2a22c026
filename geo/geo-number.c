/* geo-number.c — reading numbers the way Indonesian spreadsheets write them
 * ("1.234,5", "45,23") as well as plainly ("1234.5"), and writing them back
 * in Indonesian style for map text.  Locale-independent by construction. */
#include "geo.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

gboolean
geo_number_is_missing(const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace(*text))
    text++;
  if (*text == '\0')
    return TRUE;
  g_autofree char *t = g_strstrip(g_strdup(text));
  return strcmp(t, "-") == 0 || strcmp(t, "--") == 0 || g_ascii_strcasecmp(t, "n/a") == 0 ||
         g_ascii_strcasecmp(t, "#n/a") == 0 || g_ascii_strcasecmp(t, "na") == 0 ||
         g_ascii_strcasecmp(t, "null") == 0;
}

/* TRUE when s[0..len) is digits grouped by `sep` in threes ("1.234.567"). */
static gboolean
geo_number_is_grouped(const char *s, size_t len, char sep)
{
  size_t i = 0, group = 0;
  gboolean seen_sep = FALSE;
  for (i = 0; i < len; i++) {
    if (g_ascii_isdigit(s[i])) {
      group++;
    } else if (s[i] == sep) {
      if (group == 0 || (seen_sep && group != 3) || (!seen_sep && group > 3))
        return FALSE;
      seen_sep = TRUE;
      group = 0;
    } else {
      return FALSE;
    }
  }
  return !seen_sep || group == 3;
}

/* The text of a number without surrounding spaces and sign: *s, *len.
 * FALSE when nothing (or more than 64 bytes) is left. */
static gboolean
geo_number_trim(const char *text, const char **s, size_t *len, char *sign)
{
  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace(*text))
    text++;
  size_t n = strlen(text);
  while (n > 0 && g_ascii_isspace(text[n - 1]))
    n--;
  *sign = 0;
  if (n > 0 && (*text == '-' || *text == '+')) {
    *sign = *text++;
    n--;
  }
  if (n == 0 || n > 64)
    return FALSE;
  *s = text;
  *len = n;
  return TRUE;
}

/* Reads the shape of s[0..len) (no sign, no spaces): which character
 * groups thousands and which marks decimals (0 for none).  An ambiguous
 * shape (one '.' or ',' followed by exactly three digits after one to three
 * digits that do not start with 0: "1.234", "12,345") sets *sep to that
 * character and leaves the choice to the caller. */
static GeoNumberShape
geo_number_scan(const char *s, size_t len, char *thousands, char *decimal, char *sep)
{
  const char *first_comma = memchr(s, ',', len), *first_dot = memchr(s, '.', len);
  const char *last_comma = first_comma ? g_strrstr_len(s, (gssize)len, ",") : NULL;
  const char *last_dot = first_dot ? g_strrstr_len(s, (gssize)len, ".") : NULL;
  *thousands = *decimal = *sep = 0;
  GeoNumberShape shape;
  if (!first_comma && !first_dot) {
    shape = GEO_NUMBER_WHOLE;
  } else if (first_comma && first_dot) {
    /* Both: the later one is the decimal mark, and there is one of it. */
    if (last_comma > last_dot) {
      if (first_comma != last_comma)
        return GEO_NUMBER_NONE;
      *thousands = '.';
      *decimal = ',';
      shape = GEO_NUMBER_INDONESIAN;
    } else {
      if (first_dot != last_dot)
        return GEO_NUMBER_NONE;
      *thousands = ',';
      *decimal = '.';
      shape = GEO_NUMBER_PLAIN;
    }
  } else {
    char c = first_comma ? ',' : '.';
    const char *first = first_comma ? first_comma : first_dot;
    const char *last = first_comma ? last_comma : last_dot;
    gboolean is_comma = c == ',';
    if (first != last) { /* "1.234.567", "1,234,567": grouping only */
      *thousands = c;
      shape = is_comma ? GEO_NUMBER_PLAIN : GEO_NUMBER_INDONESIAN;
    } else {
      size_t before = (size_t)(first - s), after = len - before - 1;
      if (after == 3 && before >= 1 && before <= 3 && s[0] != '0') {
        *sep = c;
        shape = GEO_NUMBER_AMBIGUOUS;
      } else {
        *decimal = c;
        shape = is_comma ? GEO_NUMBER_INDONESIAN : GEO_NUMBER_PLAIN;
      }
    }
  }
  /* The digits must fit the shape. */
  const char *dec = NULL;
  if (*decimal)
    dec = *decimal == ',' ? last_comma : last_dot;
  size_t int_len = dec ? (size_t)(dec - s) : len;
  if (*sep) {
    for (size_t i = 0; i < len; i++)
      if (!g_ascii_isdigit(s[i]) && s[i] != *sep)
        return GEO_NUMBER_NONE;
    return shape;
  }
  if (*thousands) {
    if (int_len == 0 || !geo_number_is_grouped(s, int_len, *thousands))
      return GEO_NUMBER_NONE;
  } else {
    for (size_t i = 0; i < int_len; i++)
      if (!g_ascii_isdigit(s[i]))
        return GEO_NUMBER_NONE;
  }
  if (dec) {
    size_t frac = 0;
    for (const char *p = dec + 1; p < s + len; p++, frac++)
      if (!g_ascii_isdigit(*p))
        return GEO_NUMBER_NONE;
    if (frac == 0 && int_len == 0)
      return GEO_NUMBER_NONE;
  }
  return shape;
}

/* Scientific notation as Excel writes it ("1.5E-05", "2,5E+01", "1e308"):
 * splits off an exponent [eE][+-]digits (at most 4 digits) into exp[] as
 * "e-05" and shortens *len to the mantissa.  FALSE when there is an 'e' but
 * no such exponent, or nothing before it. */
static gboolean
geo_number_split_exponent(const char *s, size_t *len, char exp[8])
{
  exp[0] = '\0';
  const char *e = memchr(s, 'e', *len);
  if (e == NULL)
    e = memchr(s, 'E', *len);
  if (e == NULL)
    return TRUE;
  size_t mlen = (size_t)(e - s), i = mlen + 1, n = 0;
  if (mlen == 0)
    return FALSE;
  exp[n++] = 'e';
  if (i < *len && (s[i] == '+' || s[i] == '-'))
    exp[n++] = s[i++];
  size_t digits = 0;
  for (; i < *len; i++, digits++) {
    if (!g_ascii_isdigit(s[i]) || digits == 4)
      return FALSE;
    exp[n++] = s[i];
  }
  if (digits == 0)
    return FALSE;
  exp[n] = '\0';
  *len = mlen;
  return TRUE;
}

GeoNumberShape
geo_number_shape(const char *text)
{
  const char *s;
  size_t len;
  char sign, thousands, decimal, sep, exp[8];
  if (!geo_number_trim(text, &s, &len, &sign) || !geo_number_split_exponent(s, &len, exp))
    return GEO_NUMBER_NONE;
  return geo_number_scan(s, len, &thousands, &decimal, &sep);
}

gboolean
geo_number_parse(const char *text, gboolean indonesian, double *out)
{
  const char *s;
  size_t len;
  char sign, thousands, decimal, sep, exp[8];
  if (!geo_number_trim(text, &s, &len, &sign) || !geo_number_split_exponent(s, &len, exp))
    return FALSE;
  GeoNumberShape shape = geo_number_scan(s, len, &thousands, &decimal, &sep);
  if (shape == GEO_NUMBER_NONE)
    return FALSE;
  if (shape == GEO_NUMBER_AMBIGUOUS) {
    /* "1.234": thousands when Indonesian, a decimal otherwise; "1,234":
     * a decimal when Indonesian, thousands otherwise. */
    gboolean is_thousands = (sep == '.') == (indonesian != FALSE);
    if (is_thousands)
      thousands = sep;
    else
      decimal = sep;
  }
  char buf[80];
  size_t n = 0;
  if (sign)
    buf[n++] = sign;
  gboolean any_int = FALSE;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (c == thousands)
      continue;
    if (c == decimal) {
      if (!any_int)
        buf[n++] = '0';
      buf[n++] = '.';
      any_int = TRUE;
      continue;
    }
    buf[n++] = c;
    any_int = TRUE;
  }
  buf[n] = '\0';
  g_strlcat(buf, exp, sizeof buf); /* n <= 65, exp at most 7 */
  char *end = NULL;
  double v = g_ascii_strtod(buf, &end);
  if (end == buf || *end != '\0' || !isfinite(v))
    return FALSE;
  *out = v;
  return TRUE;
}

char *
geo_number_format_id(double v, int decimals)
{
  if (!isfinite(v))
    return g_strdup("–");
  if (decimals < 0)
    decimals = 0;
  if (decimals > 6)
    decimals = 6;
  /* Room for any finite double: DBL_MAX has 309 integer digits, plus a
   * sign, the point and 6 decimals.  (A 64-byte buffer cut numbers of 10^62
   * and more to fewer digits: a wrong value, silently.) */
  char plain[320];
  g_ascii_formatd(plain, sizeof plain,
                  decimals == 0 ? "%.0f"
                                : (const char *[]){"%.0f", "%.1f", "%.2f", "%.3f", "%.4f", "%.5f",
                                                   "%.6f"}[decimals],
                  v);
  GString *out = g_string_new(NULL);
  const char *p = plain;
  if (*p == '-') {
    /* "-0,00" reads oddly: drop the sign when everything rounds to zero. */
    gboolean all_zero = TRUE;
    for (const char *q = p + 1; *q; q++)
      if (*q >= '1' && *q <= '9')
        all_zero = FALSE;
    if (!all_zero)
      g_string_append(out, "−");
    p++;
  }
  const char *dot = strchr(p, '.');
  size_t int_len = dot ? (size_t)(dot - p) : strlen(p);
  for (size_t i = 0; i < int_len; i++) {
    if (i > 0 && (int_len - i) % 3 == 0)
      g_string_append_c(out, '.');
    g_string_append_c(out, p[i]);
  }
  if (dot) {
    g_string_append_c(out, ',');
    g_string_append(out, dot + 1);
  }
  return g_string_free(out, FALSE);
}
