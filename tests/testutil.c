/* testutil.c — helpers shared by the test programs: where the shared data
 * and styles are, temporary folders and fixture files. */
#include "testutil.h"

#include <builder.h>
#include <json-glib/json-glib.h>

#include <glib/gstdio.h>

char *
testutil_shared(const char *rel)
{
  const char *root = g_getenv("SHARED_DATA");
  char *path = g_build_filename(root ? root : "../shared/data", rel, NULL);
  if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
    g_autofree char *msg = g_strdup_printf("shared data not found (%s): skipped", path);
    g_test_skip(msg);
    g_free(path);
    return NULL;
  }
  return path;
}

const char *
testutil_styles_dir(void)
{
  const char *d = g_getenv("PETARAWAN_STYLES");
  return d ? d : "styles";
}

char *
testutil_tmpdir(void)
{
  GError *err = NULL;
  char *dir = g_dir_make_tmp("petarawan-test-XXXXXX", &err);
  g_assert_no_error(err);
  return dir;
}

char *
testutil_write(const char *dir, const char *name, const char *text)
{
  char *path = g_build_filename(dir, name, NULL);
  GError *err = NULL;
  g_file_set_contents(path, text, -1, &err);
  g_assert_no_error(err);
  return path;
}

GeoTable *
testutil_table_read_options(const char *text, const GeoTableOptions *defaults, GError **error)
{
  GeoTableSpec spec;
  if (!builder_table_spec_parse(text, defaults, &spec, error))
    return NULL;
  GeoTable *t = geo_table_read_spec(&spec, error);
  geo_table_spec_clear(&spec);
  return t;
}

GeoTable *
testutil_table_read(const char *text, GError **error)
{
  return testutil_table_read_options(text, NULL, error);
}

char *
testutil_json_query(const char *json, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) doc = json_from_string(json, &error);
  g_assert_no_error(error);
  g_autoptr(JsonNode) found = json_path_query(path, doc, &error);
  g_assert_no_error(error);
  return json_to_string(found, FALSE);
}
