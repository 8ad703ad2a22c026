/* geo-key.c — Kemendagri codes compare equal however they are written.
 *
 * Codes are hierarchical: 2 digits province, 2 kab/kota, 2 kecamatan,
 * 4 desa ("53.71.01.1001").  Spreadsheets drop the dots ("5371"), keep
 * stray spaces or write single-digit parts ("53.7"?  no: parts are always
 * zero-padded in the standard, so we only accept the canonical lengths).
 * Anything that does not look like a code is returned trimmed, so names
 * still join exactly. */
#include "geo.h"

#include <string.h>

/* Canonical part lengths: province, kab/kota, kecamatan, desa. */
static const guint geo_key_part_len[] = {2, 2, 2, 4};

char *
geo_key_normalise(const char *raw)
{
  if (raw == NULL)
    return g_strdup("");
  g_autofree char *t = g_strstrip(g_strdup(raw));
  size_t len = strlen(t);

  /* Dotted form: every part all digits with the canonical length. */
  if (strchr(t, '.') != NULL) {
    g_auto(GStrv) parts = g_strsplit(t, ".", -1);
    guint n = g_strv_length(parts);
    if (n >= 2 && n <= 4) {
      gboolean ok = TRUE;
      for (guint i = 0; i < n && ok; i++) {
        g_strstrip(parts[i]);
        size_t pl = strlen(parts[i]);
        if (pl == 0 || pl > geo_key_part_len[i])
          ok = FALSE;
        for (size_t j = 0; ok && j < pl; j++)
          if (!g_ascii_isdigit(parts[i][j]))
            ok = FALSE;
        /* A one-digit kab/kota part ("11.1") is padded: Excel drops the
         * trailing zero of 11.10 when it stores the code as a number. */
        if (ok && pl < geo_key_part_len[i] && !(i == 1 && n == 2 && pl == 1))
          ok = FALSE;
      }
      if (ok) {
        GString *out = g_string_new(parts[0]);
        for (guint i = 1; i < n; i++) {
          g_string_append_c(out, '.');
          g_string_append(out, parts[i]);
          if (i == 1 && strlen(parts[i]) == 1)
            g_string_append_c(out, '0');
        }
        return g_string_free(out, FALSE);
      }
    }
    return g_steal_pointer(&t);
  }

  /* Undotted: all digits with a canonical total length. */
  for (size_t i = 0; i < len; i++)
    if (!g_ascii_isdigit(t[i]))
      return g_steal_pointer(&t);
  if (len == 2 || len == 4 || len == 6 || len == 10) {
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
  /* A single-digit province code written as a number ("1" for "11"?) is
   * not a code: keep it as text. */
  return g_steal_pointer(&t);
}
