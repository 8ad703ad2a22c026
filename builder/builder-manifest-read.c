/* builder-manifest-read.c — reading the previous build's manifest.json back,
 * without trusting it: the file sits in a folder anyone may write to, and
 * json-glib recurses once per nesting level (a manifest nested 10^6 deep
 * overflowed the stack and crashed every build into that folder).  Its
 * size and nesting are checked before it is parsed; a manifest that fails
 * any check is treated as absent: everything is redrawn, with a note. */
#include "builder.h"

#include "geo.h"

#include <json-glib/json-glib.h>
#include <string.h>

gboolean
builder_manifest_text_check(const char *text, gsize len, char **why)
{
  guint depth = 0;
  gboolean in_string = FALSE;
  for (gsize i = 0; i < len; i++) {
    char ch = text[i];
    if (in_string) {
      if (ch == '\\')
        i++;
      else if (ch == '"')
        in_string = FALSE;
      continue;
    }
    if (ch == '"')
      in_string = TRUE;
    else if (ch == '{' || ch == '[') {
      if (++depth > BUILDER_MANIFEST_MAX_DEPTH) {
        *why = g_strdup_printf("is nested more than %d levels deep", BUILDER_MANIFEST_MAX_DEPTH);
        return FALSE;
      }
    } else if (ch == '}' || ch == ']') {
      if (depth > 0)
        depth--;
    } else if (ch == '\0') {
      *why = g_strdup_printf("holds a NUL byte at byte %" G_GSIZE_FORMAT, i);
      return FALSE;
    }
  }
  return TRUE;
}

gboolean
builder_manifest_parse_hashes(const char *text, gsize len, GHashTable *into, char **why)
{
  *why = NULL;
  if (!builder_manifest_text_check(text, len, why))
    return FALSE;
  g_autoptr(JsonParser) parser = json_parser_new();
  g_autoptr(GError) err = NULL;
  if (!json_parser_load_from_data(parser, text, (gssize)len, &err)) {
    g_autofree char *msg = geo_text_printable(err->message, 200);
    *why = g_strdup_printf("is not JSON (%s)", msg);
    return FALSE;
  }
  JsonNode *root = json_parser_get_root(parser);
  JsonObject *obj = root && JSON_NODE_HOLDS_OBJECT(root) ? json_node_get_object(root) : NULL;
  JsonNode *hn = obj ? json_object_get_member(obj, "output_hashes") : NULL;
  if (hn == NULL || !JSON_NODE_HOLDS_OBJECT(hn)) {
    *why = g_strdup("has no output_hashes object");
    return FALSE;
  }
  JsonObject *hashes = json_node_get_object(hn);
  GList *members = json_object_get_members(hashes);
  for (GList *l = members; l; l = l->next) {
    JsonNode *n = json_object_get_member(hashes, l->data);
    if (JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_STRING)
      g_hash_table_insert(into, g_strdup(l->data), g_strdup(json_node_get_string(n)));
  }
  g_list_free(members);
  return TRUE;
}

gboolean
builder_manifest_read_hashes(const char *dir, GHashTable *into, char **note)
{
  *note = NULL;
  g_autofree char *path = g_build_filename(dir, "manifest.json", NULL);
  if (!g_file_test(path, G_FILE_TEST_EXISTS) && !g_file_test(path, G_FILE_TEST_IS_SYMLINK))
    return FALSE; /* none yet: a first build */
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr(GError) err = NULL;
  g_autofree char *why = NULL;
  gboolean ok = geo_file_read(path, "manifest", BUILDER_MANIFEST_MAX_BYTES, &text, &len, &err);
  if (!ok)
    why = g_strdup(err->message);
  else
    ok = builder_manifest_parse_hashes(text, len, into, &why);
  if (!ok) {
    g_hash_table_remove_all(into);
    g_autofree char *shown = geo_text_printable(path, 300);
    /* geo_file_read's message names the file already. */
    *note = err ? g_strdup_printf("%s; treated as absent, everything is redrawn", why)
                : g_strdup_printf("%s %s; treated as absent, everything is redrawn", shown, why);
  }
  return ok;
}
