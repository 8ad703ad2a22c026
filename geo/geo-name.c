/* geo-name.c — place names compare equal however they are written.
 *
 * Tables keyed only by name write the same kab/kota as "Kab. Kupang",
 * "KABUPATEN KUPANG" or "Kupang, Kab."; the same province as "Prov. DKI
 * Jakarta" or "D.K.I. Jakarta".  A name is reduced to two things:
 *
 *  - its kind, from a prefix (or a suffix after a comma or in brackets):
 *    Kabupaten/Kab./Kab (also "Kabupaten Administrasi", "Kab. Adm."),
 *    Kota/Kota Administrasi/Kota Adm./Kotamadya/Kodya, or none.  The kind
 *    is part of the identity: Kota Kupang and Kabupaten Kupang are two
 *    districts.  "Provinsi"/"Prov." is dropped and gives no kind;
 *  - its comparison form: letters and digits only, lower case, accents
 *    dropped, "Kep." before a name read as Kepulauan.  Case, spacing
 *    and punctuation never matter: "Bangka-Belitung" = "Bangka Belitung"
 *    = "BANGKABELITUNG".
 *
 * Whether two names denote the same place, and what to do with a bare
 * "Kupang" that could be either, is the join's business (geo-join.c). */
#include "geo.h"

#include <string.h>

typedef struct {
  char *text;
  gboolean bracketed; /* follows a comma or an opening bracket */
} GeoNameToken;

/* Splits `raw` into lower-case, accent-free runs of letters and digits. */
static GArray *
geo_name_tokens(const char *raw)
{
  g_autofree char *valid = g_utf8_make_valid(raw ? raw : "", -1);
  char *again = g_utf8_normalize(valid, -1, G_NORMALIZE_NFKD);
  /* Lower case, then decompose what that yields, until nothing changes
   * (a lower-case letter can have a compatibility decomposition of its
   * own), so that the form of a form is itself. */
  for (guint round = 0; again && round < 4; round++) {
    GString *low = g_string_new(NULL);
    for (const char *p = again; *p; p = g_utf8_next_char(p))
      g_string_append_unichar(low, g_unichar_tolower(g_utf8_get_char(p)));
    char *next = g_utf8_normalize(low->str, -1, G_NORMALIZE_NFKD);
    g_string_free(low, TRUE);
    gboolean same = next && strcmp(next, again) == 0;
    g_free(again);
    again = next;
    if (same)
      break;
  }
  GArray *tokens = g_array_new(FALSE, FALSE, sizeof(GeoNameToken));
  GString *cur = g_string_new(NULL);
  gboolean bracket = FALSE;
  for (const char *p = again ? again : ""; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (g_unichar_ismark(c))
      continue;
    if (g_unichar_isalnum(c)) {
      g_string_append_unichar(cur, c);
      continue;
    }
    if (cur->len > 0) {
      GeoNameToken t = {g_strdup(cur->str), bracket};
      g_array_append_val(tokens, t);
      g_string_truncate(cur, 0);
      bracket = FALSE;
    }
    if (c == ',' || c == '(' || c == '[')
      bracket = TRUE;
  }
  if (cur->len > 0) {
    GeoNameToken t = {g_strdup(cur->str), bracket};
    g_array_append_val(tokens, t);
  }
  g_string_free(cur, TRUE);
  g_free(again);
  return tokens;
}

static void
geo_name_tokens_free(GArray *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    g_free(g_array_index(tokens, GeoNameToken, i).text);
  g_array_free(tokens, TRUE);
}

/* The kind prefixes of place names as they are written, longest first:
 * the one table that matching (below), map labels and table names read.
 * Matching compares words, case and full stops aside: an entry's first
 * word is a kind word ("kab"), its second an administrative one ("adm");
 * a province's prefix (GEO_NAME_ANY) is dropped and gives no kind. */
static const GeoNamePrefix geo_name_prefixes[] = {
    /* written                kind                abbreviation label drops */
    {"Kabupaten Administrasi", GEO_NAME_KABUPATEN, "Kab. Adm.", TRUE},
    {"Kab. Adm.", GEO_NAME_KABUPATEN, "Kab. Adm.", TRUE},
    {"Kabupaten", GEO_NAME_KABUPATEN, "Kab.", TRUE},
    {"Kab.", GEO_NAME_KABUPATEN, "Kab.", TRUE},
    {"Kab", GEO_NAME_KABUPATEN, "Kab.", TRUE},
    {"Kota Administrasi", GEO_NAME_KOTA, "Kota Adm.", TRUE},
    {"Kota Adm.", GEO_NAME_KOTA, "Kota Adm.", TRUE},
    {"Kotamadya", GEO_NAME_KOTA, NULL, FALSE},
    {"Kodya", GEO_NAME_KOTA, NULL, FALSE},
    {"Kotip", GEO_NAME_KOTA, NULL, FALSE}, /* kota administratif, before 1999 */
    {"Kota", GEO_NAME_KOTA, NULL, FALSE},
    {"Provinsi", GEO_NAME_ANY, NULL, FALSE},
    {"Propinsi", GEO_NAME_ANY, NULL, FALSE},
    {"Prov.", GEO_NAME_ANY, NULL, FALSE},
    {"Prov", GEO_NAME_ANY, NULL, FALSE},
};

/* TRUE when word `index` (0 or 1) of `written` is `token` (lower case,
 * letters and digits), case and full stops aside. */
static gboolean
geo_name_prefix_word_is(const char *written, guint index, const char *token)
{
  const char *w = written;
  for (guint i = 0; i < index && w; i++) {
    w = strchr(w, ' ');
    w = w ? w + 1 : NULL;
  }
  if (w == NULL)
    return FALSE;
  gsize len = strcspn(w, " .");
  return strlen(token) == len && g_ascii_strncasecmp(w, token, len) == 0;
}

/* The kind a word gives, or -1 for a word that is not a kind. */
static int
geo_name_word_kind(const char *token)
{
  for (guint i = 0; i < G_N_ELEMENTS(geo_name_prefixes); i++)
    if (geo_name_prefixes[i].kind != GEO_NAME_ANY &&
        geo_name_prefix_word_is(geo_name_prefixes[i].written, 0, token))
      return (int)geo_name_prefixes[i].kind;
  return -1;
}

/* "administrasi", "adm": the second word of a kind prefix. */
static gboolean
geo_name_word_is_adm(const char *token)
{
  for (guint i = 0; i < G_N_ELEMENTS(geo_name_prefixes); i++)
    if (geo_name_prefix_word_is(geo_name_prefixes[i].written, 1, token))
      return TRUE;
  return FALSE;
}

/* "provinsi", "prov": a prefix that gives no kind. */
static gboolean
geo_name_word_is_province(const char *token)
{
  for (guint i = 0; i < G_N_ELEMENTS(geo_name_prefixes); i++)
    if (geo_name_prefixes[i].kind == GEO_NAME_ANY &&
        geo_name_prefix_word_is(geo_name_prefixes[i].written, 0, token))
      return TRUE;
  return FALSE;
}

const GeoNamePrefix *
geo_name_prefix(const char *name, const char **rest)
{
  for (guint i = 0; name && i < G_N_ELEMENTS(geo_name_prefixes); i++) {
    const char *w = geo_name_prefixes[i].written;
    gsize len = strlen(w);
    if (strncmp(name, w, len) == 0 && name[len] == ' ' && name[len + 1] != '\0') {
      if (rest)
        *rest = name + len + 1;
      return &geo_name_prefixes[i];
    }
  }
  if (rest)
    *rest = name;
  return NULL;
}

char *
geo_name_normalise(const char *raw, GeoNameKind *kind_out)
{
  GArray *tokens = geo_name_tokens(raw);
  guint first = 0, end = tokens->len;
  GeoNameKind kind = GEO_NAME_ANY;
#define TOK(i) (g_array_index(tokens, GeoNameToken, (i)).text)

  /* A kind after a comma or in brackets at the end: "Kupang, Kab.",
   * "Jakarta Pusat (Kota Adm.)". */
  for (guint i = 1; i < end; i++) {
    if (!g_array_index(tokens, GeoNameToken, i).bracketed)
      continue;
    int k = geo_name_word_kind(TOK(i));
    gboolean only_kind = k >= 0;
    for (guint j = i + 1; only_kind && j < end; j++)
      only_kind = geo_name_word_is_adm(TOK(j));
    if (only_kind) {
      kind = (GeoNameKind)k;
      end = i;
      break;
    }
  }
  /* Prefixes, never consuming the whole name ("Kota" alone is a name). */
  if (kind == GEO_NAME_ANY && end - first >= 2) {
    int k = geo_name_word_kind(TOK(first));
    if (k >= 0) {
      kind = (GeoNameKind)k;
      first++;
      if (end - first >= 2 && geo_name_word_is_adm(TOK(first)))
        first++;
    } else if (geo_name_word_is_province(TOK(first))) {
      first++;
    }
  }
  GString *out = g_string_new(NULL);
  /* "Kep." before a name is Kepulauan ("Kep. Riau"); a name that is
   * only "Kep" stays as written. */
  for (guint i = first; i < end; i++)
    g_string_append(out, i + 1 < end && strcmp(TOK(i), "kep") == 0 ? "kepulauan" : TOK(i));
#undef TOK
  geo_name_tokens_free(tokens);
  if (kind_out)
    *kind_out = kind;
  return g_string_free(out, FALSE);
}

gboolean
geo_name_kinds_agree(GeoNameKind a, GeoNameKind b)
{
  return a == GEO_NAME_ANY || b == GEO_NAME_ANY || a == b;
}

const char *
geo_name_kind_word(GeoNameKind kind)
{
  switch (kind) {
  case GEO_NAME_KABUPATEN: return "Kabupaten";
  case GEO_NAME_KOTA: return "Kota";
  default: return "";
  }
}
