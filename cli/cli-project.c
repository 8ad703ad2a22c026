/* cli-project.c — project files: a key file whose [petarawan] keys are
 * the long option names of build and check; relative paths in it are
 * relative to the file; messages name the file and line. */
#include "cli-options.h"

#include "geo.h"

#include <string.h>

/* The line (1-based) where `key` is set in section `group` of the file's
 * text, for messages; 0 when not found.  GKeyFile keeps no line numbers. */
static guint
cli_options_line_of(char **lines, const char *group, const char *key)
{
  gboolean in_group = FALSE;
  for (guint i = 0; lines[i]; i++) {
    const char *l = lines[i];
    while (g_ascii_isspace(*l))
      l++;
    if (*l == '[') {
      const char *end = strchr(l, ']');
      in_group = end && (size_t)(end - l - 1) == strlen(group) &&
                 strncmp(l + 1, group, end - l - 1) == 0;
      continue;
    }
    size_t n = strlen(key);
    if (in_group && strncmp(l, key, n) == 0) {
      const char *r = l + n;
      while (*r == ' ' || *r == '\t')
        r++;
      if (*r == '=')
        return i + 1;
    }
  }
  return 0;
}

/* Reads the project file's [petarawan] group. */
gboolean
cli_options_read_project(CliConfig *c, const char *path, GString *problems)
{
  g_autoptr(GKeyFile) kf = g_key_file_new();
  g_autoptr(GError) err = NULL;
  g_autofree char *text = NULL;
  if (!geo_file_read(path, "project file", GEO_LIMIT_SMALL_FILE_BYTES, &text, NULL, &err)) {
    g_string_append_printf(problems, "%s\n", err->message);
    return FALSE;
  }
  if (!g_key_file_load_from_data(kf, text, (gsize)-1, G_KEY_FILE_NONE, &err)) {
    g_autofree char *msg = geo_text_printable(err->message, 200);
    g_string_append_printf(problems, "%s: cannot read project file: %s\n", path, msg);
    return FALSE;
  }
  g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
  g_autofree char *base = g_path_get_dirname(path);
  g_auto(GStrv) groups = g_key_file_get_groups(kf, NULL);
  for (guint gi = 0; groups[gi]; gi++) {
    if (strcmp(groups[gi], "petarawan") != 0) {
      g_autofree char *shown = geo_text_printable(groups[gi], 60);
      g_string_append_printf(problems, "%s: unknown section [%s] (expected [petarawan])\n", path,
                             shown);
      continue;
    }
    g_auto(GStrv) keys = g_key_file_get_keys(kf, groups[gi], NULL, NULL);
    for (guint k = 0; keys[k]; k++) {
      const CliOption *opt = cli_options_find(keys[k]);
      guint line = cli_options_line_of(lines, groups[gi], keys[k]);
      g_autofree char *at = line ? g_strdup_printf("%s:%u", path, line) : g_strdup(path);
      if (opt == NULL) {
        g_autofree char *shown = geo_text_printable(keys[k], 60);
        g_string_append_printf(problems, "%s: unknown key '%s'\n", at, shown);
        continue;
      }
      g_autofree char *value = g_key_file_get_string(kf, groups[gi], keys[k], NULL);
      cli_options_set(c, opt, value ? value : "", base, problems, at);
    }
  }
  return TRUE;
}
