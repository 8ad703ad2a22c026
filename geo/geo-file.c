/* geo-file.c — reading a small text file the user names (a style, a project
 * file, a logo) without trusting what the name points at: `/dev/zero` never
 * ends and a FIFO blocks open() until a writer comes, so anything but a
 * regular file is refused before a byte is read, and reading stops at the
 * stated limit even when the file grows while it is read. */
#include "geo-private.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What a stat mode is, for messages. */
static const char *
geo_file_kind(mode_t mode)
{
  if (S_ISDIR(mode))
    return "a folder";
  if (S_ISFIFO(mode))
    return "a FIFO (named pipe)";
  if (S_ISCHR(mode))
    return "a character device";
  if (S_ISBLK(mode))
    return "a block device";
  if (S_ISSOCK(mode))
    return "a socket";
  return "not a regular file";
}

gboolean
geo_file_check_regular(const char *path, const char *what, gboolean folder_ok, GError **error)
{
  struct stat st;
  if (stat(path, &st) != 0)
    return TRUE; /* missing: whoever opens it says so */
  if (S_ISREG(st.st_mode) || (folder_ok && S_ISDIR(st.st_mode)))
    return TRUE;
  g_autofree char *shown = geo_text_printable(path, 300);
  g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
              "%s: is %s, not a regular file; give the %s as a file", shown,
              geo_file_kind(st.st_mode), what);
  return FALSE;
}

gboolean
geo_file_read(const char *path, const char *what, gsize limit, char **contents, gsize *length,
              GError **error)
{
  g_return_val_if_fail(contents != NULL, FALSE);
  *contents = NULL;
  if (length)
    *length = 0;
  g_autofree char *shown = geo_text_printable(path, 300);
  /* O_NONBLOCK: a FIFO's open() returns at once instead of waiting. */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    int e = errno;
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s: cannot read the %s: %s", shown, what,
                g_strerror(e));
    return FALSE;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "%s: is %s, not a regular file; give the %s as a file", shown,
                geo_file_kind(st.st_mode), what);
    close(fd);
    return FALSE;
  }
  if ((guint64)st.st_size > limit) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "%s: the %s is %" G_GUINT64_FORMAT " bytes; the limit is %" G_GSIZE_FORMAT " bytes",
                shown, what, (guint64)st.st_size, limit);
    close(fd);
    return FALSE;
  }
  int flags = fcntl(fd, F_GETFL);
  if (flags >= 0)
    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  /* Read at most limit + 1 bytes: one more than allowed says it grew. */
  gsize cap = (gsize)st.st_size + 1, used = 0;
  char *buf = g_malloc(cap + 1);
  for (;;) {
    if (used == cap) {
      if (cap > limit)
        break;
      cap = MIN(cap * 2, limit + 1);
      buf = g_realloc(buf, cap + 1);
    }
    ssize_t n = read(fd, buf + used, cap - used);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      int e = errno;
      g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s: cannot read the %s: %s", shown, what,
                  g_strerror(e));
      g_free(buf);
      close(fd);
      return FALSE;
    }
    if (n == 0)
      break;
    used += (gsize)n;
  }
  close(fd);
  if (used > limit) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "%s: the %s is more than %" G_GSIZE_FORMAT " bytes (the limit)", shown, what,
                limit);
    g_free(buf);
    return FALSE;
  }
  buf[used] = '\0';
  *contents = buf;
  if (length)
    *length = used;
  return TRUE;
}
