/* geo-key.c — Kemendagri codes compare equal however they are written.
 *
 * Codes are hierarchical: 2 digits province, 2 kab/kota, 2 kecamatan,
 * 4 desa ("53.71.01.1001").  Spreadsheets drop the dots ("5371"), keep
 * stray spaces, mark text with a leading apostrophe ("'5371"), store a
 * code as a number ("5371.0" from pandas, "11.1" for 11.10 from Excel) or
 * drop the zero padding of the lower parts ("53.71.1").  Parts are always
 * zero-padded in the standard, so each of these has one reading.
 * Anything that does not look like a code is returned trimmed, so other
 * keys still join exactly. */
#include "geo.h"

#include <string.h>

/* Canonical part lengths: province, kab/kota, kecamatan, desa. */
static const guint geo_key_part_len[] = {2, 2, 2, 4};

/* TRUE when s[0..n) is n ASCII digits. */
static gboolean
geo_key_digits(const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (!g_ascii_isdigit(s[i]))
      return FALSE;
  return n > 0;
}

/* The dotted form of an undotted code of 2, 4, 6 or 10 digits, else NULL. */
static char *
geo_key_from_digits(const char *t, size_t len)
{
  if (!geo_key_digits(t, len) || !(len == 2 || len == 4 || len == 6 || len == 10))
    return NULL;
  GString *out = g_string_new(NULL);
  size_t at = 0;
  for (guint i = 0; i < 4 && at < len; i++) {
    if (i > 0)
      g_string_append_c(out, '.');
    g_string_append_len(out, t + at, geo_key_part_len[i]);
    at += geo_key_part_len[i];
  }
  return g_string_free(out, FALSE);
}

/* The canonical form of a dotted code, else NULL.  Two parts: a one-digit
 * kab/kota part lost its trailing zero ("11.1" is 11.10: Excel stored the
 * code as a number).  Three or four parts cannot be numbers: a short lower
 * part lost its leading zeros ("53.71.1" is 53.71.01). */
static char *
geo_key_from_dotted(const char *t)
{
  g_auto(GStrv) parts = g_strsplit(t, ".", -1);
  guint n = g_strv_length(parts);
  if (n < 2 || n > 4)
    return NULL;
  GString *out = g_string_new(NULL);
  for (guint i = 0; i < n; i++) {
    char *p = g_strstrip(parts[i]);
    size_t pl = strlen(p), want = geo_key_part_len[i];
    if (!geo_key_digits(p, pl) || pl > want || (i == 0 && pl != want) ||
        (n == 2 && pl < want && pl != 1)) {
      g_string_free(out, TRUE);
      return NULL;
    }
    if (i > 0)
      g_string_append_c(out, '.');
    if (n >= 3)
      for (size_t z = pl; z < want; z++)
        g_string_append_c(out, '0');
    g_string_append(out, p);
    if (n == 2 && pl == 1)
      g_string_append_c(out, '0');
  }
  return g_string_free(out, FALSE);
}

char *
geo_key_normalise(const char *raw)
{
  if (raw == NULL)
    return g_strdup("");
  g_autofree char *t = g_strstrip(g_strdup(raw));
  /* Excel's text marker: "'5371". */
  const char *s = t[0] == '\'' ? t + 1 : t;
  size_t len = strlen(s);
  char *code = NULL;
  const char *dot = strchr(s, '.');
  if (dot == NULL) {
    code = geo_key_from_digits(s, len);
  } else if (strcmp(dot, ".0") == 0 && geo_key_digits(s, (size_t)(dot - s))) {
    /* A code stored as a floating-point number: "5371.0", "53.0". */
    code = geo_key_from_digits(s, (size_t)(dot - s));
  } else {
    code = geo_key_from_dotted(s);
  }
  return code ? code : g_steal_pointer(&t);
}

guint
geo_key_level(const char *key)
{
  if (key == NULL)
    return 0;
  g_auto(GStrv) parts = g_strsplit(key, ".", -1);
  guint n = g_strv_length(parts);
  if (n < 1 || n > 4)
    return 0;
  for (guint i = 0; i < n; i++)
    if (strlen(parts[i]) != geo_key_part_len[i] || !geo_key_digits(parts[i], strlen(parts[i])))
      return 0;
  return n;
}
