/* testutil.h — small helpers shared by the test programs. */
#pragma once

#include <glib.h>

/* Path of `rel` inside ../shared/data, or NULL after marking the test
 * skipped with a message when the shared data is absent.  Caller frees. */
char *testutil_shared(const char *rel);
/* The built-in styles folder. */
const char *testutil_styles_dir(void);
/* A fresh temporary folder for this test; caller frees (the folder stays). */
char *testutil_tmpdir(void);
/* Writes `text` to <dir>/<name> and returns the path; caller frees. */
char *testutil_write(const char *dir, const char *name, const char *text);

#include <geo.h>

/* Reads the table of a user's text "SRC[:KEYFIELD][#NAME=VALUE,...]" as
 * petarawan does (builder_table_spec_parse, then geo_table_read_spec),
 * with `defaults` (may be NULL).  Caller frees with geo_table_free. */
GeoTable *testutil_table_read_options(const char *text, const GeoTableOptions *defaults,
                                      GError **error);
/* testutil_table_read_options with everything detected. */
GeoTable *testutil_table_read(const char *text, GError **error);
/* What JSONPath `path` finds in the document `json`, as compact JSON: the
 * array of its matches ('[34]', '[{"row":3,"key":"99.99"}]').  Fails the
 * test when `json` does not parse.  Caller frees. */
char *testutil_json_query(const char *json, const char *path);
