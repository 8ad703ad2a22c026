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
 * one, never a mixture.  Before the first rename every target is checked:
 * one that is a folder, or that cannot be linked (immutable, say), fails
 * the commit with nothing moved.
 *
 * A staging folder holds a marker file (BUILDER_STAGE_MARKER: "petarawan
 * <pid>") written when it is made.  Removal — of this build's stage or of
 * one a killed build left — works relative to the output folder's
 * descriptor, never follows a symbolic link, and removes only a real
 * folder of ours (our user, with the marker) and only the regular files
 * and links directly in it: a link named like a stage that points at
 * someone's documents is left alone. */
#include "builder-private.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
  g_autofree char *marker = g_build_filename(tmpl, BUILDER_STAGE_MARKER, NULL);
  g_autofree char *text = g_strdup_printf("petarawan %ld\n", (long)getpid());
  GError *err = NULL;
  if (!g_file_set_contents(marker, text, -1, &err)) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: %s", marker, err->message);
    g_error_free(err);
    g_rmdir(tmpl);
    g_free(tmpl);
    return NULL;
  }
  return tmpl;
}

/* TRUE when `name` in the folder `dfd` is a staging folder this program
 * made: a real folder (not a link), of our user, holding the marker as a
 * regular file.  *pid gets the pid in the marker (0 when unreadable). */
static gboolean
builder_stage_is_ours(int dfd, const char *name, long *pid)
{
  struct stat st;
  *pid = 0;
  if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode) ||
      st.st_uid != geteuid())
    return FALSE;
  int sfd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (sfd < 0)
    return FALSE;
  gboolean ours = FALSE;
  int mfd = openat(sfd, BUILDER_STAGE_MARKER, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  struct stat ms;
  if (mfd >= 0 && fstat(mfd, &ms) == 0 && S_ISREG(ms.st_mode) && ms.st_uid == geteuid()) {
    char buf[64] = {0};
    ssize_t n = read(mfd, buf, sizeof buf - 1);
    if (n > 10 && strncmp(buf, "petarawan ", 10) == 0) {
      ours = TRUE;
      *pid = strtol(buf + 10, NULL, 10);
    }
  }
  if (mfd >= 0)
    close(mfd);
  close(sfd);
  return ours;
}

gboolean
builder_stage_remove_at(int dfd, const char *name)
{
  long pid;
  if (!builder_stage_is_ours(dfd, name, &pid))
    return FALSE;
  int sfd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (sfd < 0)
    return FALSE;
  /* Files a drawing thread creates meanwhile (a signal's cleanup) go on
   * the next pass, until the folder itself is gone (then none can be
   * made in it); at most a second. */
  for (int pass = 0; pass < 100; pass++) {
    if (pass > 0)
      g_usleep(10000);
    /* A new open file description each pass: a dup() would share the
     * position, and a second pass would read nothing. */
    int dup_fd = openat(sfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
    if (d == NULL) {
      if (dup_fd >= 0)
        close(dup_fd);
      break;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
      if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
          strcmp(e->d_name, BUILDER_STAGE_MARKER) == 0)
        continue;
      struct stat st;
      /* Files and links only (unlinkat removes a link, not its target);
       * a folder inside is not ours. */
      if (fstatat(sfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(st.st_mode))
        unlinkat(sfd, e->d_name, 0);
    }
    closedir(d);
    unlinkat(sfd, BUILDER_STAGE_MARKER, 0);
    if (unlinkat(dfd, name, AT_REMOVEDIR) == 0 || errno != ENOTEMPTY)
      break;
  }
  close(sfd);
  return TRUE;
}

guint
builder_stage_sweep(const char *out, long pid)
{
  int dfd = open(out, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0)
    return 0;
  guint removed = 0;
  int dup_fd = openat(dfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR *d = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  struct dirent *e;
  while (d && (e = readdir(d)) != NULL)
    if (g_str_has_prefix(e->d_name, ".petarawan-") &&
        strlen(e->d_name) == strlen(".petarawan-XXXXXX"))
      g_ptr_array_add(names, g_strdup(e->d_name));
  if (d)
    closedir(d);
  else if (dup_fd >= 0)
    close(dup_fd);
  for (guint i = 0; i < names->len; i++) {
    long owner;
    const char *name = g_ptr_array_index(names, i);
    if (builder_stage_is_ours(dfd, name, &owner) && (pid == 0 || owner == pid) &&
        builder_stage_remove_at(dfd, name))
      removed++;
  }
  g_ptr_array_unref(names);
  close(dfd);
  return removed;
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
  g_autofree char *parent = g_path_get_dirname(stage);
  g_autofree char *name = g_path_get_basename(stage);
  int dfd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0)
    return;
  builder_stage_remove_at(dfd, name);
  close(dfd);
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
  /* First every target: the file each replaces is linked into the stage
   * for an undo (a hard link: the stage is inside the output folder); one
   * that is a folder or cannot be linked (immutable, another file system)
   * stops the commit before anything moved. */
  for (i = 0; ok && i < names->len; i++) {
    const char *n = g_ptr_array_index(names, i);
    g_autofree char *to = g_build_filename(out, n, NULL);
    g_autofree char *old_name = g_strconcat(".old-", n, NULL);
    g_autofree char *old = g_build_filename(stage, old_name, NULL);
    struct stat st;
    if (lstat(to, &st) != 0 && errno == ENOENT) {
      kept[i] = BUILDER_STAGE_NEW;
    } else if (lstat(to, &st) == 0 && S_ISDIR(st.st_mode)) {
      g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT,
                  "%s: cannot be replaced: it is a folder; nothing was changed", to);
      ok = FALSE;
    } else if (link(to, old) == 0) {
      kept[i] = BUILDER_STAGE_LINKED;
    } else {
      int e = errno;
      g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT,
                  "%s: cannot be replaced (%s); nothing was changed", to, g_strerror(e));
      ok = FALSE;
    }
  }
  guint moved = 0; /* renames done */
  for (; ok && moved < names->len; moved++) {
    const char *n = g_ptr_array_index(names, moved);
    g_autofree char *from = g_build_filename(stage, n, NULL);
    g_autofree char *to = g_build_filename(out, n, NULL);
    if (g_rename(from, to) != 0) {
      int e = errno;
      g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT,
                  "%s: cannot move into place: %s; the files moved before it were put back", to,
                  g_strerror(e));
      ok = FALSE;
      break;
    }
  }
  if (!ok)
    builder_stage_undo(stage, out, names, kept, moved);
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
