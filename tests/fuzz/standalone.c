/* standalone.c — runs a fuzz target over its seed corpus without
 * libFuzzer, as a TAP test: `fuzz-style DIR|FILE...` feeds every file
 * (folders one level deep, in name order) to LLVMFuzzerTestOneInput once
 * and prints one "ok" line per file.  A crash, a sanitizer report or a
 * failed check aborts the program, which the test harness counts as a
 * failure; the "# file" comment before each input names the culprit. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
standalone_compare(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds `path`, or the regular files in it when it is a folder. */
static void
standalone_collect(GPtrArray *files, const char *path)
{
  if (!g_file_test(path, G_FILE_TEST_IS_DIR)) {
    g_ptr_array_add(files, g_strdup(path));
    return;
  }
  GError *err = NULL;
  GDir *dir = g_dir_open(path, 0, &err);
  if (dir == NULL) {
    printf("Bail out! %s\n", err->message);
    exit(1);
  }
  guint first = files->len;
  const char *entry;
  while ((entry = g_dir_read_name(dir)) != NULL) {
    char *file = g_build_filename(path, entry, NULL);
    if (g_file_test(file, G_FILE_TEST_IS_REGULAR))
      g_ptr_array_add(files, file);
    else
      g_free(file);
  }
  g_dir_close(dir);
  qsort(files->pdata + first, files->len - first, sizeof(char *), standalone_compare);
}

int
main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "usage: %s CORPUS-DIR|FILE...\n", argv[0]);
    return 2;
  }
  GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
  for (int i = 1; i < argc; i++)
    standalone_collect(files, argv[i]);
  if (files->len == 0) {
    printf("Bail out! no inputs in the corpus\n");
    return 1;
  }
  printf("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++) {
    const char *file = g_ptr_array_index(files, i);
    char *data = NULL;
    gsize size = 0;
    GError *err = NULL;
    if (!g_file_get_contents(file, &data, &size, &err)) {
      printf("not ok %u - %s: %s\n", i + 1, file, err->message);
      g_error_free(err);
      continue;
    }
    printf("# %s\n", file);
    fflush(stdout);
    /* An exact-size copy, so that reads past the end are caught (never
     * NULL, as with libFuzzer). */
    uint8_t *copy = g_malloc(MAX(size, 1));
    memcpy(copy, data, size);
    LLVMFuzzerTestOneInput(copy, size);
    g_free(copy);
    g_free(data);
    printf("ok %u - %s\n", i + 1, file);
  }
  g_ptr_array_unref(files);
  return 0;
}
