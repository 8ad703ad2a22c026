/* fuzz-util.c — helpers shared by the fuzz targets (see fuzz.h). */
#include "fuzz.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
fuzz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "%s:%d: check failed: %s: ", file, line, cond);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  fflush(stderr);
  abort();
}

char *
fuzz_string(const uint8_t *data, size_t size)
{
  if (size == 0)
    return g_strdup("");
  const uint8_t *nul = memchr(data, '\0', size);
  return g_strndup((const char *)data, nul ? (size_t)(nul - data) : size);
}

static char *fuzz_util_dir;
static char *fuzz_util_path;

static void
fuzz_util_cleanup(void)
{
  if (fuzz_util_path != NULL)
    g_unlink(fuzz_util_path);
  if (fuzz_util_dir != NULL)
    g_rmdir(fuzz_util_dir);
  g_clear_pointer(&fuzz_util_path, g_free);
  g_clear_pointer(&fuzz_util_dir, g_free);
}

const char *
fuzz_write_temp(const char *name, const uint8_t *data, size_t size)
{
  if (fuzz_util_dir == NULL) {
    GError *err = NULL;
    fuzz_util_dir = g_dir_make_tmp("petarawan-fuzz-XXXXXX", &err);
    if (fuzz_util_dir == NULL) {
      fprintf(stderr, "fuzz: cannot make a temporary folder: %s\n", err->message);
      abort();
    }
    atexit(fuzz_util_cleanup);
  }
  if (fuzz_util_path != NULL && !g_str_has_suffix(fuzz_util_path, name)) {
    g_unlink(fuzz_util_path);
    g_clear_pointer(&fuzz_util_path, g_free);
  }
  if (fuzz_util_path == NULL)
    fuzz_util_path = g_build_filename(fuzz_util_dir, name, NULL);
  FILE *fp = fopen(fuzz_util_path, "wb");
  if (fp == NULL || (size > 0 && fwrite(data, 1, size, fp) != size) || fclose(fp) != 0) {
    fprintf(stderr, "fuzz: cannot write %s\n", fuzz_util_path);
    abort();
  }
  return fuzz_util_path;
}
