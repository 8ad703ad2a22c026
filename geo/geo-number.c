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
         g_ascii_strcasecmp(t, "na") == 0 || g_ascii_strcasecmp(t, "null") == 0;
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

gboolean
geo_number_parse(const char *text, gboolean indonesian, double *out)
{
  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace(*text))
    text++;
  size_t len = strlen(text);
  while (len > 0 && g_ascii_isspace(text[len - 1]))
    len--;
  if (len == 0 || len > 64)
    return FALSE;

  char buf[80];
  size_t n = 0;
  const char *s = text;
  if (*s == '-' || *s == '+') {
    buf[n++] = *s++;
    len--;
  }
  if (len == 0)
    return FALSE;

  const char *comma = memchr(s, ',', len);
  const char *dot = memchr(s, '.', len);
  const char *last_comma = comma ? g_strrstr_len(s, len, ",") : NULL;
  const char *last_dot = dot ? g_strrstr_len(s, len, ".") : NULL;
  char thousands = 0, decimal = '.';

  if (comma && dot) {
    /* Both present: the later one is the decimal mark. */
    if (last_comma > last_dot) {
      thousands = '.';
      decimal = ',';
    } else {
      thousands = ',';
      decimal = '.';
    }
  } else if (comma) {
    if (comma != last_comma) { /* "1,234,567" */
      thousands = ',';
      decimal = 0;
    } else {
      decimal = ',';
    }
  } else if (dot) {
    if (dot != last_dot) { /* "1.234.567" */
      thousands = '.';
      decimal = 0;
    } else if (indonesian && (size_t)(s + len - dot - 1) == 3 && dot > s) {
      thousands = '.';
      decimal = 0;
    }
  }

  size_t int_len = len;
  const char *dec_mark = decimal ? memchr(s, decimal, len) : NULL;
  if (decimal == ',' && last_comma)
    dec_mark = last_comma;
  if (decimal == '.' && last_dot)
    dec_mark = last_dot;
  if (dec_mark)
    int_len = (size_t)(dec_mark - s);

  if (thousands) {
    if (!geo_number_is_grouped(s, int_len, thousands))
      return FALSE;
  }
  for (size_t i = 0; i < int_len; i++) {
    if (s[i] == thousands)
      continue;
    if (!g_ascii_isdigit(s[i]))
      return FALSE;
    buf[n++] = s[i];
  }
  if (int_len == 0)
    buf[n++] = '0';
  if (dec_mark) {
    buf[n++] = '.';
    size_t frac = 0;
    for (const char *p = dec_mark + 1; p < s + len; p++, frac++) {
      if (!g_ascii_isdigit(*p))
        return FALSE;
      buf[n++] = *p;
    }
    if (frac == 0 && int_len == 0)
      return FALSE;
  }
  buf[n] = '\0';
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
  g_ascii_formatd(plain, sizeof plain, decimals == 0 ? "%.0f" : (const char *[]){"%.0f", "%.1f", "%.2f", "%.3f", "%.4f", "%.5f", "%.6f"}[decimals], v);
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
