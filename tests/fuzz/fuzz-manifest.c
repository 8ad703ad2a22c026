/* fuzz-manifest.c — the previous build's manifest.json read back
 * (builder_manifest_read_hashes, cli/builder-manifest-read.c) from a file written
 * from the input into an otherwise empty folder.
 *
 * Checks beyond "does not crash" (a manifest nested 10^6 deep once
 * overflowed the stack): a manifest that is used gives no note and only
 * string hashes; one that is refused gives a note and no hashes at all (a
 * half-read manifest could skip a sheet that changed); whatever the depth
 * check accepts is nested at most BUILDER_MANIFEST_MAX_DEPTH deep. */
#include "fuzz.h"

#include "builder.h"

#include <string.h>

/* Deepest nesting of brackets outside strings, as a JSON reader sees it. */
static guint
fuzz_manifest_depth(const uint8_t *d, size_t n)
{
  guint depth = 0, deepest = 0;
  gboolean str = FALSE;
  for (size_t i = 0; i < n; i++) {
    if (str) {
      if (d[i] == '\\')
        i++;
      else if (d[i] == '"')
        str = FALSE;
    } else if (d[i] == '"') {
      str = TRUE;
    } else if (d[i] == '{' || d[i] == '[') {
      deepest = MAX(deepest, ++depth);
    } else if ((d[i] == '}' || d[i] == ']') && depth > 0) {
      depth--;
    }
  }
  return deepest;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *path = fuzz_write_temp("manifest.json", data, size);
  g_autofree char *dir = g_path_get_dirname(path);
  GHashTable *h = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  char *note = NULL;
  gboolean used = builder_manifest_read_hashes(dir, h, &note);
  if (used) {
    FUZZ_CHECK(note == NULL, "used with a note: %s", note);
    FUZZ_CHECK(fuzz_manifest_depth(data, size) <= BUILDER_MANIFEST_MAX_DEPTH,
               "a manifest nested %u deep was parsed", fuzz_manifest_depth(data, size));
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, h);
    while (g_hash_table_iter_next(&it, &k, &v))
      FUZZ_CHECK(k != NULL && v != NULL, "a hash without a file or value");
  } else {
    FUZZ_CHECK(note != NULL && note[0] != '\0', "refused without a note");
    FUZZ_CHECK(g_utf8_validate(note, -1, NULL), "the note is not UTF-8");
    FUZZ_CHECK(g_hash_table_size(h) == 0, "refused but %u hashes kept", g_hash_table_size(h));
  }
  g_free(note);
  g_hash_table_unref(h);
  return 0;
}
