/* fuzz-table.c — tables as users hand them over: the input written to a
 * .csv file and read with geo_table_read_spec: encoding (UTF-8, BOM,
 * Windows-1252), separator detection, quotes, title rows above the header,
 * per-column number formats, limits.
 *
 * Checks: a refused file gets a message that names it, is valid UTF-8 and
 * holds no control characters (GDAL's messages quote the file's bytes);
 * a table read has a header and rows, its key column among its fields,
 * every field name and cell valid UTF-8 and within the cell limit,
 * ascending row numbers, a number format decided for every column (plain
 * or Indonesian), and notes that name the file, are valid UTF-8 and hold
 * no control characters.
 * (The reader itself is geo-csv.c and geo-grid.c, around GDAL's VSI.) */
#include "fuzz.h"

#include "geo-private.h"

#include <cpl_error.h>
#include <string.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static gboolean quiet;
  if (!quiet) {
    CPLSetErrorHandler(CPLQuietErrorHandler);
    quiet = TRUE;
  }
  const char *path = fuzz_write_temp("fuzz.csv", data, size);
  GError *err = NULL;
  GeoTable *t = geo_table_read_spec(&(GeoTableSpec){.source = (char *)path}, &err);
  if (t == NULL) {
    FUZZ_CHECK(err != NULL, "refused without a message");
    FUZZ_CHECK(strstr(err->message, "fuzz.csv") != NULL, "message without the file: %s",
               err->message);
    FUZZ_CHECK(g_utf8_validate(err->message, -1, NULL), "message not UTF-8: %s", err->message);
    for (const char *p = err->message; *p; p++)
      FUZZ_CHECK((guchar)*p >= 0x20 && *p != 0x7f, "control character 0x%02x in the message: %s",
                 (guchar)*p, err->message);
    g_error_free(err);
    return 0;
  }
  FUZZ_CHECK(err == NULL, "read with a message: %s", err->message);
  FUZZ_CHECK(t->n_fields > 0 && t->n_rows > 0, "%u fields, %u rows", t->n_fields, t->n_rows);
  FUZZ_CHECK(t->key_column >= 0 && (guint)t->key_column < t->n_fields, "key column %d of %u",
             t->key_column, t->n_fields);
  FUZZ_CHECK(strcmp(t->key_field, t->fields[t->key_column]) == 0, "key field");
  for (guint i = 0; i < t->n_fields; i++) {
    FUZZ_CHECK(g_utf8_validate(t->fields[i], -1, NULL), "field %u not UTF-8", i);
    FUZZ_CHECK(geo_table_find_field(t, t->fields[i]) >= 0, "field %u not found", i);
  }
  for (guint i = 0; i < t->n_fields; i++)
    FUZZ_CHECK(t->number_format[i] == GEO_NUMBERS_PLAIN ||
                   t->number_format[i] == GEO_NUMBERS_INDONESIAN,
               "column %u: number format %d", i, (int)t->number_format[i]);
  for (guint i = 0; t->notes[i]; i++) {
    const char *n = t->notes[i];
    FUZZ_CHECK(strstr(n, "fuzz.csv") != NULL, "note without the file: %s", n);
    FUZZ_CHECK(g_utf8_validate(n, -1, NULL), "note not UTF-8: %s", n);
    for (const char *p = n; *p; p++)
      FUZZ_CHECK((guchar)*p >= 0x20 && *p != 0x7f, "control character 0x%02x in a note: %s",
                 (guchar)*p, n);
  }
  for (guint r = 0; r < t->n_rows; r++) {
    FUZZ_CHECK(r == 0 || t->line[r] > t->line[r - 1], "row numbers not ascending at %u", r);
    for (guint c = 0; c < t->n_fields; c++) {
      const char *v = geo_table_cell(t, r, c);
      FUZZ_CHECK(v == NULL || (v[0] != '\0' && g_utf8_validate(v, -1, NULL) &&
                               strlen(v) <= GEO_LIMIT_CELL_BYTES),
                 "cell %u,%u", r, c);
    }
  }
  geo_table_free(t);
  return 0;
}
