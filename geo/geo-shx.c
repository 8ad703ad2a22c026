/* geo-shx.c — a shapefile's index (.shx) checked before GDAL trusts it.
 * GDAL reads feature N at the offset the .shx gives for it; an index whose
 * entries all point at the first record makes every district the same
 * shape, silently.  Each entry must point past the previous record, so a
 * broken index is refused with what to do about it (a .shp cut short is
 * left to the reader, which names the feature where it stops). */
#include "geo-private.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static guint32
geo_shx_be32(const unsigned char *p)
{
  return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | (guint32)p[3];
}

gboolean
geo_shx_check(const char *shp_path, GError **error)
{
  gsize n = strlen(shp_path);
  if (n < 4 || g_ascii_strcasecmp(shp_path + n - 4, ".shp") != 0 ||
      g_str_has_prefix(shp_path, "/vsi"))
    return TRUE;
  g_autofree char *stem = g_strndup(shp_path, n - 4);
  g_autofree char *shx = NULL;
  const char *exts[] = {".shx", ".SHX", ".Shx"};
  for (guint i = 0; i < G_N_ELEMENTS(exts) && shx == NULL; i++) {
    char *p = g_strconcat(stem, exts[i], NULL);
    if (g_file_test(p, G_FILE_TEST_IS_REGULAR))
      shx = p;
    else
      g_free(p);
  }
  struct stat st;
  if (shx == NULL || stat(shp_path, &st) != 0 || !S_ISREG(st.st_mode))
    return TRUE; /* GDAL says what is missing */
  guint64 shp_bytes = (guint64)st.st_size;
  FILE *fp = fopen(shx, "rb");
  if (fp == NULL)
    return TRUE;
  unsigned char head[100], rec[8];
  gboolean ok = TRUE;
  g_autofree char *shown_shx = geo_text_printable(shx, 300);
  g_autofree char *shown_shp = geo_text_printable(shp_path, 300);
  if (fread(head, 1, sizeof head, fp) == sizeof head) {
    guint64 prev_end = 100; /* the .shp header */
    for (guint64 i = 0; fread(rec, 1, sizeof rec, fp) == sizeof rec; i++) {
      guint64 offset = 2 * (guint64)geo_shx_be32(rec);
      guint64 length = 2 * (guint64)geo_shx_be32(rec + 4);
      const char *wrong = NULL;
      if (offset < prev_end)
        wrong = i == 0 ? "before the first record" : "inside or before the previous record";
      if (offset + 8 + length > shp_bytes)
        break; /* a truncated .shp: reading the feature says so, naming it */
      if (wrong) {
        g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                    "%s: entry %" G_GUINT64_FORMAT " (feature %" G_GUINT64_FORMAT
                    ") points at byte %" G_GUINT64_FORMAT " of %s, %s: the index is broken "
                    "and features would be read as each other's shapes; rebuild it (delete "
                    "the .shx and run: ogrinfo --config SHAPE_RESTORE_SHX YES %s)",
                    shown_shx, i + 1, i, offset, shown_shp, wrong, shown_shp);
        ok = FALSE;
        break;
      }
      prev_end = offset + 8 + length;
    }
  }
  fclose(fp);
  return ok;
}
