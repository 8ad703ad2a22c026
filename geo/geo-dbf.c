/* geo-dbf.c — NUL bytes inside a shapefile's text attributes.  GDAL hands
 * a DBF field over as a C string, so "Aceh\0Selatan" silently arrives as
 * "Aceh": the district is named wrong on the map with nothing said.  The
 * raw records are read once for the fields that are drawn, and every
 * record whose text goes on after a NUL (not NUL padding) is listed. */
#include "geo-private.h"

#include <stdio.h>
#include <string.h>

static guint
geo_dbf_le16(const unsigned char *p)
{
  return (guint)p[0] | (guint)p[1] << 8;
}

GArray *
geo_dbf_cut_records(const char *shp_path, const char *field)
{
  GArray *cut = g_array_new(FALSE, FALSE, sizeof(long));
  gsize n = strlen(shp_path);
  if (field == NULL || n < 4 || g_ascii_strcasecmp(shp_path + n - 4, ".shp") != 0 ||
      g_str_has_prefix(shp_path, "/vsi"))
    return cut;
  g_autofree char *stem = g_strndup(shp_path, n - 4);
  g_autofree char *dbf = g_strconcat(stem, ".dbf", NULL);
  FILE *fp = fopen(dbf, "rb");
  if (fp == NULL) {
    g_free(dbf);
    dbf = g_strconcat(stem, ".DBF", NULL);
    fp = fopen(dbf, "rb");
  }
  if (fp == NULL)
    return cut;
  unsigned char head[32], desc[32];
  guint offset = 1, width = 0;
  gboolean found = FALSE;
  if (fread(head, 1, 32, fp) == 32) {
    guint n_fields = 0;
    while (fread(desc, 1, 32, fp) == 32 && desc[0] != 0x0D && n_fields++ < 10000) {
      char name[12] = {0};
      memcpy(name, desc, 11);
      if (!found && g_ascii_strcasecmp(name, field) == 0 && desc[11] == 'C') {
        found = TRUE;
        width = desc[16];
      } else if (!found) {
        offset += desc[16];
      }
    }
  }
  guint32 n_records = (guint32)head[4] | (guint32)head[5] << 8 | (guint32)head[6] << 16 |
                      (guint32)head[7] << 24;
  guint header_len = geo_dbf_le16(head + 8), record_len = geo_dbf_le16(head + 10);
  if (found && width > 0 && record_len >= offset + width && fseek(fp, header_len, SEEK_SET) == 0) {
    unsigned char *rec = g_malloc(record_len);
    for (guint32 r = 0; r < n_records && fread(rec, 1, record_len, fp) == record_len; r++) {
      const unsigned char *v = rec + offset, *nul = memchr(v, 0, width);
      if (nul == NULL)
        continue;
      for (const unsigned char *q = nul; q < v + width; q++)
        if (*q != 0 && *q != ' ') {
          long fid = (long)r;
          g_array_append_val(cut, fid);
          break;
        }
    }
    g_free(rec);
  }
  fclose(fp);
  return cut;
}
