/* fuzz.h — what every fuzz target shares.
 *
 * Each fuzz-<target>.c defines LLVMFuzzerTestOneInput and is linked either
 * with libFuzzer (-Dfuzzing=true, clang) or with standalone.c, which runs
 * it over the seed corpus as a TAP test.  A target returns 0; a crash, a
 * sanitizer report or a failed FUZZ_CHECK (abort) is a finding. */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts with a message when an invariant of the code under test fails. */
#define FUZZ_CHECK(cond, ...)                                                                      \
  do {                                                                                             \
    if (!(cond))                                                                                   \
      fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);                                           \
  } while (0)

G_GNUC_NORETURN G_GNUC_PRINTF(4, 5) void fuzz_fail(const char *file, int line, const char *cond,
                                                   const char *fmt, ...);

/* The input as a NUL-terminated string (cut at its first NUL byte).
 * Caller frees with g_free. */
char *fuzz_string(const uint8_t *data, size_t size);

/* Writes the input to `name` in a temporary folder made once per process
 * (removed at exit) and returns the file's path, owned by the helper and
 * valid until the next call. */
const char *fuzz_write_temp(const char *name, const uint8_t *data, size_t size);
