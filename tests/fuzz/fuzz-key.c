/* fuzz-key.c — geo_key_normalise and geo_name_normalise on any text.
 *
 * Codes.  Checks: the result has no surrounding spaces; normalising is
 * idempotent (a key normalised twice is the same key); a result in
 * canonical dotted form (53, 53.71, 53.71.01, 53.71.01.1001) is also what
 * its undotted digits normalise to, so "53.71" and "5371" always join;
 * geo_key_level says so.
 *
 * Names.  Checks: the comparison form is valid UTF-8 of letters and digits
 * only, and normalising it again gives it back with no kind (idempotent);
 * ASCII case never matters; and for a name without a kind of its own,
 * "Kabupaten NAME", "Kab. NAME", "KOTA NAME" and "Provinsi NAME" give the
 * name's own comparison form with the kind of the prefix, so prefixes are
 * the only thing that tells Kota Kupang from Kabupaten Kupang. */
#include "fuzz.h"

#include "geo.h"

#include <string.h>

static const guint fuzz_key_part_len[] = {2, 2, 2, 4};

/* TRUE when `k` is a canonical dotted code. */
static gboolean
fuzz_key_is_code(const char *k)
{
  char **parts = g_strsplit(k, ".", -1);
  guint n = g_strv_length(parts);
  gboolean ok = n >= 1 && n <= 4;
  for (guint i = 0; ok && i < n; i++) {
    ok = strlen(parts[i]) == fuzz_key_part_len[i];
    for (const char *p = parts[i]; ok && *p; p++)
      ok = g_ascii_isdigit(*p);
  }
  g_strfreev(parts);
  return ok;
}

static void
fuzz_key_code(const char *raw)
{
  char *key = geo_key_normalise(raw);
  size_t len = strlen(key);
  FUZZ_CHECK(len == 0 || (!g_ascii_isspace(key[0]) && !g_ascii_isspace(key[len - 1])),
             "'%s' normalised with surrounding spaces: '%s'", raw, key);
  char *again = geo_key_normalise(key);
  FUZZ_CHECK(strcmp(key, again) == 0, "not idempotent: '%s' -> '%s' -> '%s'", raw, key, again);
  gboolean code = fuzz_key_is_code(key);
  FUZZ_CHECK((geo_key_level(key) > 0) == code, "geo_key_level('%s') = %u", key, geo_key_level(key));
  if (code) {
    char **parts = g_strsplit(key, ".", -1);
    char *digits = g_strjoinv("", parts);
    char *from_digits = geo_key_normalise(digits);
    FUZZ_CHECK(strcmp(from_digits, key) == 0, "'%s' -> '%s', but '%s' -> '%s'", raw, key, digits,
               from_digits);
    g_free(from_digits);
    g_free(digits);
    g_strfreev(parts);
  }
  g_free(again);
  g_free(key);
}

/* geo_name_normalise of prefix + raw is (want_base, want_kind); with
 * `adm`, want_base may also have lost a leading "adm" or "administrasi"
 * (the word that goes with the prefix: "Kabupaten Adm. X"). */
static void
fuzz_name_prefixed(const char *raw, const char *prefix, const char *want_base, gboolean adm,
                   GeoNameKind want_kind)
{
  char *text = g_strconcat(prefix, raw, NULL);
  GeoNameKind kind;
  char *base = geo_name_normalise(text, &kind);
  gboolean same = strcmp(base, want_base) == 0;
  if (!same && adm && g_str_has_suffix(want_base, base)) {
    size_t cut = strlen(want_base) - strlen(base);
    same = (cut == 3 && strncmp(want_base, "adm", 3) == 0) ||
           (cut == 12 && strncmp(want_base, "administrasi", 12) == 0);
  }
  FUZZ_CHECK(kind == want_kind && same, "'%s' -> '%s' (kind %d), want '%s' (kind %d)", text, base,
             kind, want_base, want_kind);
  g_free(base);
  g_free(text);
}

static void
fuzz_key_name(const char *raw)
{
  GeoNameKind kind;
  char *base = geo_name_normalise(raw, &kind);
  FUZZ_CHECK(g_utf8_validate(base, -1, NULL), "'%s': comparison form not UTF-8", raw);
  for (const char *p = base; *p; p = g_utf8_next_char(p))
    FUZZ_CHECK(g_unichar_isalnum(g_utf8_get_char(p)), "'%s' -> '%s': not a letter or digit at %zu",
               raw, base, (size_t)(p - base));
  GeoNameKind kind2;
  char *again = geo_name_normalise(base, &kind2);
  FUZZ_CHECK(strcmp(again, base) == 0 && kind2 == GEO_NAME_ANY,
             "not idempotent: '%s' -> '%s' -> '%s' (kind %d)", raw, base, again, kind2);
  g_free(again);

  gboolean ascii = TRUE;
  for (const char *p = raw; *p && ascii; p++)
    ascii = (guchar)*p < 0x80;
  if (ascii) {
    char *up = g_ascii_strup(raw, -1);
    char *ub = geo_name_normalise(up, &kind2);
    FUZZ_CHECK(strcmp(ub, base) == 0 && kind2 == kind, "'%s' -> '%s' but '%s' -> '%s'", raw, base,
               up, ub);
    g_free(ub);
    g_free(up);
  }

  /* A name of no kind of its own whose first word is no prefix: "zz "
   * before it only adds "zz". */
  if (kind == GEO_NAME_ANY && *base) {
    char *zz = g_strconcat("zz ", raw, NULL);
    char *zb = geo_name_normalise(zz, &kind2);
    char *want = g_strconcat("zz", base, NULL);
    if (kind2 == GEO_NAME_ANY && strcmp(zb, want) == 0) {
      fuzz_name_prefixed(raw, "Kabupaten ", base, TRUE, GEO_NAME_KABUPATEN);
      fuzz_name_prefixed(raw, "Kab. ", base, TRUE, GEO_NAME_KABUPATEN);
      fuzz_name_prefixed(raw, "KOTA ", base, TRUE, GEO_NAME_KOTA);
      fuzz_name_prefixed(raw, "Provinsi ", base, FALSE, GEO_NAME_ANY);
    }
    g_free(want);
    g_free(zb);
    g_free(zz);
  }
  g_free(base);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *raw = fuzz_string(data, size);
  fuzz_key_code(raw);
  fuzz_key_name(raw);
  g_free(raw);
  return 0;
}
