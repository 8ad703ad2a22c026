/* fuzz-key.c — geo_key_normalise on any text.
 *
 * Checks: the result has no surrounding spaces; normalising is idempotent
 * (a key normalised twice is the same key); a result in canonical dotted
 * form (53, 53.71, 53.71.01, 53.71.01.1001) is also what its undotted
 * digits normalise to, so "53.71" and "5371" always join. */
#include "fuzz.h"

#include "geo.h"

#include <string.h>

static const guint fuzz_key_part_len[] = {2, 2, 2, 4};

/* TRUE when `k` is a canonical dotted code. */
static gboolean fuzz_key_is_code(const char *k)
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *raw = fuzz_string(data, size);
  char *key = geo_key_normalise(raw);
  size_t len = strlen(key);
  FUZZ_CHECK(len == 0 || (!g_ascii_isspace(key[0]) && !g_ascii_isspace(key[len - 1])),
             "'%s' normalised with surrounding spaces: '%s'", raw, key);
  char *again = geo_key_normalise(key);
  FUZZ_CHECK(strcmp(key, again) == 0, "not idempotent: '%s' -> '%s' -> '%s'", raw, key, again);
  if (fuzz_key_is_code(key)) {
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
  g_free(raw);
  return 0;
}
