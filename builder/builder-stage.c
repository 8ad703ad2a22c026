/* builder-stage.c — the staging folder and the all-or-nothing commit.
 *
 * A build writes every file into a hidden folder ".petarawan-XXXXXX"
 * inside the output folder and moves them into place only when all of
 * them (and the manifest) were written: a build that fails half-way (a
 * full disk, a drawing error) leaves the earlier outputs exactly as they
 * were and no partial files.  The commit itself is undone when one of its
 * renames fails: each file it replaces is first linked into the staging
 * folder, and on a failure the files already moved are put back (or
 * removed when they are new), so the folder holds the old set or the new
 * one, never a mixture. */
#include "builder-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

char *
builder_stage_create(const char *out, GError **error)
{
  char *tmpl = g_build_filename(out, ".petarawan-XXXXXX", NULL);
  if (g_mkdtemp_full(tmpl, 0755) == NULL) {
    int e = errno;
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: cannot create a folder in %s: %s", tmpl,
                out, g_strerror(e));
    g_free(tmpl);
    return NULL;
  }
  return tmpl;
}

void
builder_stage_name_output(GError *error, const char *stage, const char *out)
{
  g_auto(GStrv) parts = g_strsplit(error->message, stage, -1);
  char *joined = g_strjoinv(out, parts);
  g_free(error->message);
  error->message = joined;
}

void
builder_stage_remove(const char *stage)
{
  GDir *dir = g_dir_open(stage, 0, NULL);
  const char *name;
  while (dir && (name = g_dir_read_name(dir)) != NULL) {
    g_autofree char *path = g_build_filename(stage, name, NULL);
    g_unlink(path);
  }
  if (dir)
    g_dir_close(dir);
  g_rmdir(stage);
}

static int
builder_stage_cmp(gconstpointer a, gconstpointer b)
{
  /* The manifest last: it says what was built, once it was. */
  const char *x = *(char *const *)a, *y = *(char *const *)b;
  gboolean mx = strcmp(x, "manifest.json") == 0, my = strcmp(y, "manifest.json") == 0;
  if (mx != my)
    return mx ? 1 : -1;
  return strcmp(x, y);
}

/* What a commit knows about the file a staged file replaces. */
typedef enum {
  BUILDER_STAGE_NEW,    /* none was there */
  BUILDER_STAGE_LINKED, /* linked to .old-<name> in the stage */
  BUILDER_STAGE_LOST,   /* one was there and could not be linked */
} BuilderStageOld;

/* Puts back the first `n` files moved from the stage: the old file from
 * its link in the stage, or none when the file is new.  (An old file that
 * could not be linked cannot be put back; the new one stays.) */
static void
builder_stage_undo(const char *stage, const char *out, GPtrArray *names,
                   const BuilderStageOld *kept, guint n)
{
  for (guint i = n; i-- > 0;) {
    const char *name = g_ptr_array_index(names, i);
    g_autofree char *to = g_build_filename(out, name, NULL);
    if (kept[i] == BUILDER_STAGE_LINKED) {
      g_autofree char *old_name = g_strconcat(".old-", name, NULL);
      g_autofree char *old = g_build_filename(stage, old_name, NULL);
      g_rename(old, to);
    } else if (kept[i] == BUILDER_STAGE_NEW) {
      g_unlink(to);
    }
  }
}

gboolean
builder_stage_commit(const char *stage, const char *out, GError **error)
{
  GError *err = NULL;
  GDir *dir = g_dir_open(stage, 0, &err);
  if (dir == NULL) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: %s", stage, err->message);
    g_error_free(err);
    return FALSE;
  }
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  const char *name;
  while ((name = g_dir_read_name(dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add(names, g_strdup(name));
  g_dir_close(dir);
  g_ptr_array_sort(names, builder_stage_cmp);
  BuilderStageOld *kept = g_new0(BuilderStageOld, names->len + 1);
  gboolean ok = TRUE;
  guint i;
  for (i = 0; ok && i < names->len; i++) {
    const char *n = g_ptr_array_index(names, i);
    g_autofree char *from = g_build_filename(stage, n, NULL);
    g_autofree char *to = g_build_filename(out, n, NULL);
    g_autofree char *old_name = g_strconcat(".old-", n, NULL);
    g_autofree char *old = g_build_filename(stage, old_name, NULL);
    /* The file this one replaces, kept for an undo (a hard link: the
     * stage is inside the output folder). */
    if (link(to, old) == 0)
      kept[i] = BUILDER_STAGE_LINKED;
    else
      kept[i] = errno == ENOENT ? BUILDER_STAGE_NEW : BUILDER_STAGE_LOST;
    if (g_rename(from, to) != 0) {
      int e = errno;
      g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: cannot move into place: %s", to,
                  g_strerror(e));
      ok = FALSE;
    }
  }
  if (!ok)
    builder_stage_undo(stage, out, names, kept, i - 1);
  g_free(kept);
  g_ptr_array_unref(names);
  /* The renames reach the disk with the folder. */
  int fd = open(out, O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    fsync(fd);
    close(fd);
  }
  return ok;
}
