/* geo-text-visible.c — names as they will look on the map.  A right-to-left
 * override (U+202E) in a district name draws it reversed; a name of only
 * zero-width spaces is a blank row in the table.  Such text is made plain:
 * bidirectional controls are removed, and a name left with nothing visible
 * reads as empty (geo-layer.c shows the code instead), each with a note. */
#include "geo-private.h"

/* Explicit bidirectional formatting: embeddings, overrides, isolates and
 * marks (Unicode UAX #9, section 2). */
static gboolean
geo_text_visible_is_bidi(gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
         c == 0x200F || c == 0x061C;
}

/* Characters that draw nothing: spaces, zero-width characters, the soft
 * hyphen, word joiners, variation selectors, the BOM. */
static gboolean
geo_text_visible_is_invisible(gunichar c)
{
  return g_unichar_isspace(c) || (c >= 0x200B && c <= 0x200D) || (c >= 0x2060 && c <= 0x2064) ||
         c == 0xFEFF || c == 0x00AD || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x180E || c == 0x034F ||
         (c >= 0xE0100 && c <= 0xE01EF);
}

char *
geo_text_visible(const char *s, const char **why)
{
  *why = NULL;
  if (s == NULL || !g_utf8_validate(s, -1, NULL))
    return NULL;
  gboolean bidi = FALSE, visible = FALSE;
  for (const char *p = s; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (geo_text_visible_is_bidi(c))
      bidi = TRUE;
    else if (!geo_text_visible_is_invisible(c))
      visible = TRUE;
  }
  if (!visible && *s != '\0') {
    gboolean only_spaces = TRUE;
    for (const char *p = s; *p; p++)
      only_spaces = only_spaces && g_ascii_isspace(*p);
    if (!only_spaces) {
      *why = "has no visible character (only zero-width or formatting characters); read as "
             "empty (the district's code is shown instead)";
      return g_strdup("");
    }
  }
  if (!bidi)
    return NULL;
  GString *out = g_string_new(NULL);
  for (const char *p = s; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (!geo_text_visible_is_bidi(c))
      g_string_append_unichar(out, c);
  }
  *why = "holds bidirectional control characters (such as U+202E, which draws text "
         "reversed); they were removed";
  return g_string_free(out, FALSE);
}
