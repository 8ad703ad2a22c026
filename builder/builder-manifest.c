/* builder-manifest.c — what was built from what, so that a rebuild redraws only
 * what changed.  Every output file gets a SHA-256 of exactly what it is
 * drawn from (render_model_hash_*, render/render-model.c).
 * manifest.json in the output folder records these hashes next to the
 * inputs' own SHA-256; the next build reads it back and skips an output
 * whose hash is unchanged and whose file is still there.  The manifest is
 * written last, atomically.  A lock keeps two builds into one folder from
 * interleaving (flock on the folder itself). */
#include "builder-private.h"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct BuilderManifest {
  GHashTable *previous; /* file -> hash, from the last manifest */
  GHashTable *current;  /* file -> hash, this build */
  GMutex lock;
};

BuilderManifest *
builder_manifest_load(const char *dir, gboolean *had_one, char **note)
{
  BuilderManifest *m = g_new0(BuilderManifest, 1);
  m->previous = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  m->current = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init(&m->lock);
  /* Size, nesting and kind of file checked first (builder-manifest-read.c). */
  *had_one = builder_manifest_read_hashes(dir, m->previous, note);
  return m;
}

void
builder_manifest_free(BuilderManifest *m)
{
  if (m == NULL)
    return;
  g_hash_table_unref(m->previous);
  g_hash_table_unref(m->current);
  g_mutex_clear(&m->lock);
  g_free(m);
}

const char *
builder_manifest_check(BuilderManifest *m, const char *dir, const char *file, const char *hash)
{
  const char *old = g_hash_table_lookup(m->previous, file);
  if (old == NULL)
    return "new";
  if (strcmp(old, hash) != 0)
    return "changed";
  g_autofree char *path = g_build_filename(dir, file, NULL);
  if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
    return "missing";
  return NULL;
}

void
builder_manifest_set(BuilderManifest *m, const char *file, const char *hash)
{
  g_mutex_lock(&m->lock);
  g_hash_table_insert(m->current, g_strdup(file), g_strdup(hash));
  g_mutex_unlock(&m->lock);
}

/* ---- writing ---- */

static void
builder_manifest_input(JsonBuilder *b, const char *role, const char *path)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;
  json_builder_begin_object(b);
  json_builder_set_member_name(b, "role");
  json_builder_add_string_value(b, role);
  json_builder_set_member_name(b, "source");
  json_builder_add_string_value(b, path);
  json_builder_set_member_name(b, "sha256");
  if (g_file_get_contents(path, &bytes, &len, NULL)) {
    g_autofree char *sum =
        g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, len);
    json_builder_add_string_value(b, sum);
    json_builder_set_member_name(b, "bytes");
    json_builder_add_int_value(b, (gint64)len);
  } else {
    json_builder_add_null_value(b); /* not a plain file (PG:, /vsizip/...) */
  }
  json_builder_end_object(b);
}

static int
builder_manifest_cmp(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

gboolean
builder_manifest_write(BuilderManifest *m, const BuilderConfig *c, const GeoStyle *style,
                       const char *date, const char *dir, GError **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new();
  json_builder_begin_object(b);
  json_builder_set_member_name(b, "program");
  json_builder_add_string_value(b, "petarawan " PETARAWAN_VERSION);
  json_builder_set_member_name(b, "date");
  json_builder_add_string_value(b, date);
  json_builder_set_member_name(b, "style");
  json_builder_add_string_value(b, style->name);
  json_builder_set_member_name(b, "value");
  json_builder_add_string_value(b, c->value);
  json_builder_set_member_name(b, "inputs");
  json_builder_begin_array(b);
  builder_manifest_input(b, "boundaries", c->boundaries);
  for (guint i = 0; c->tables && c->tables[i]; i++) {
    g_autofree char *src = builder_table_spec_source(c->tables[i]);
    builder_manifest_input(b, "table", src);
  }
  if (c->context)
    builder_manifest_input(b, "context", c->context);
  if (c->logo)
    builder_manifest_input(b, "logo", c->logo);
  for (guint i = 0; c->aliases && c->aliases[i]; i++)
    builder_manifest_input(b, "aliases", c->aliases[i]);
  builder_manifest_input(b, "style", style->path);
  json_builder_end_array(b);
  /* Outputs in a stable order, with the hash each was drawn from. */
  GPtrArray *files = g_ptr_array_new();
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init(&it, m->current);
  while (g_hash_table_iter_next(&it, &k, NULL))
    g_ptr_array_add(files, k);
  g_ptr_array_sort(files, builder_manifest_cmp);
  json_builder_set_member_name(b, "outputs");
  json_builder_begin_array(b);
  for (guint i = 0; i < files->len; i++)
    json_builder_add_string_value(b, g_ptr_array_index(files, i));
  json_builder_end_array(b);
  json_builder_set_member_name(b, "output_hashes");
  json_builder_begin_object(b);
  for (guint i = 0; i < files->len; i++) {
    json_builder_set_member_name(b, g_ptr_array_index(files, i));
    json_builder_add_string_value(b, g_hash_table_lookup(m->current, g_ptr_array_index(files, i)));
  }
  json_builder_end_object(b);
  json_builder_end_object(b);
  g_ptr_array_unref(files);

  g_autoptr(JsonGenerator) gen = json_generator_new();
  g_autoptr(JsonNode) root = json_builder_get_root(b);
  json_generator_set_root(gen, root);
  json_generator_set_pretty(gen, TRUE);
  g_autofree char *text = json_generator_to_data(gen, NULL);
  g_autofree char *path = g_build_filename(dir, "manifest.json", NULL);
  GError *err = NULL;
  /* Written to a temporary file and renamed into place. */
  if (!g_file_set_contents(path, text, -1, &err)) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: %s", path, err->message);
    g_error_free(err);
    return FALSE;
  }
  return TRUE;
}

/* ---- the folder lock ---- */

int
builder_manifest_lock(const char *dir, BuilderEventFunc events, gpointer user_data, GError **error)
{
  /* The lock is on the output folder itself, so no lock file is left. */
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: cannot open the output folder: %s", dir,
                g_strerror(e));
    return -1;
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    BuilderEvent ev = {.kind = BUILDER_EVENT_WAITING, .output = dir};
    builder_emit(events, user_data, &ev);
    if (flock(fd, LOCK_EX) != 0) {
      int e = errno;
      g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: cannot lock: %s", dir, g_strerror(e));
      close(fd);
      return -1;
    }
  }
  return fd;
}

void
builder_manifest_clean_temps(const char *dir)
{
  /* Temporary files are ".<name>.XXXXXX" (render-output.c) inside
   * staging folders ".petarawan-XXXXXX" (builder-stage.c); a build that was
   * killed leaves them behind.  Under the lock none is in use. */
  GDir *d = g_dir_open(dir, 0, NULL);
  if (d == NULL)
    return;
  int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) {
    g_dir_close(d);
    return;
  }
  const char *name;
  while ((name = g_dir_read_name(d)) != NULL) {
    size_t len = strlen(name);
    if (g_str_has_prefix(name, ".petarawan-") && len == strlen(".petarawan-XXXXXX"))
      continue; /* staging folders: builder_stage_sweep below */
    if (name[0] != '.' || len < 12 || name[len - 7] != '.')
      continue;
    if (!(strstr(name, ".pdf.") || strstr(name, ".png.") || strstr(name, ".svg.")))
      continue;
    /* Only a regular file of ours, never what a link points at. */
    struct stat st;
    if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
        st.st_uid == geteuid())
      unlinkat(dfd, name, 0);
  }
  g_dir_close(d);
  close(dfd);
  /* Staging folders (builder-stage.c) of builds that were killed. */
  builder_stage_sweep(dir, 0);
}

void
builder_manifest_unlock(int fd)
{
  if (fd >= 0)
    close(fd); /* releases the flock; the file stays for the next build */
}
