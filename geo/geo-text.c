/* geo-text.c — text quoted from input files made safe to print: valid
 * UTF-8, no control characters, cut to a length.  Everything a message or
 * a report quotes from the data (keys, names, file and field names) can
 * be any bytes; a newline or an escape sequence would otherwise add lines
 * to a report or reach the terminal of whoever runs petarawan.  Used by
 * geo's reports and errors, render and the front end alike; and the one
 * list of field names that an error about a missing field gives. */
#include "geo-private.h"

char *
geo_text_repair(const char *s)
{
  if (s == NULL || g_utf8_validate(s, -1, NULL))
    return NULL;
  return g_utf8_make_valid(s, -1);
}

char *
geo_text_printable(const char *s, guint max_chars)
{
  char *valid = g_utf8_make_valid(s ? s : "", -1);
  for (char *p = valid; *p; p++)
    if ((guchar)*p < 0x20 || (guchar)*p == 0x7f)
      *p = ' ';
  if (max_chars > 3 && g_utf8_strlen(valid, -1) > (glong)max_chars) {
    char *cut = g_utf8_substring(valid, 0, max_chars - 3);
    g_free(valid);
    valid = g_strconcat(cut, "...", NULL);
    g_free(cut);
  }
  return valid;
}

char *
geo_text_field_list(const char *const *names, guint n, const char *none)
{
  if (n == 0)
    return g_strdup(none);
  GString *list = g_string_new(NULL);
  for (guint i = 0; i < n && i < GEO_TEXT_FIELDS_SHOWN; i++)
    g_string_append_printf(list, "%s%s", i ? ", " : "", names[i] ? names[i] : "");
  if (n > GEO_TEXT_FIELDS_SHOWN)
    g_string_append_printf(list, " and %u more", n - GEO_TEXT_FIELDS_SHOWN);
  char *shown = geo_text_printable(list->str, 2000);
  g_string_free(list, TRUE);
  return shown;
}
