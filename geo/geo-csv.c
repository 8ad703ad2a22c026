/* geo-csv.c — CSV files as offices export them: from Excel in an
 * Indonesian locale (';' between fields, since ',' is the decimal mark),
 * from other tools with ',', tab or '|'; UTF-8 with or without a BOM, or
 * Windows-1252 from older exports; CRLF line ends; quoted fields with
 * separators, quotes and line breaks inside.
 *
 * GDAL's CSV driver guesses the separator from the first line only (a
 * report title above the header defeats it), knows no '|' and no
 * encodings, and drops the rows above the header that we must skip and
 * count.  So the bytes are read here (through GDAL's VSI, so /vsizip/ and
 * friends work), recoded when needed, and split into a GeoGrid by a small
 * RFC 4180 reader that also serves the separator detection. */
#include "geo-private.h"

#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <string.h>

/* Records looked at to detect the separator. */
#define GEO_CSV_SNIFF_RECORDS 50

/* The separators detected, in order of preference on a tie. */
static const char geo_csv_separators[] = {',', ';', '\t', '|'};

typedef struct {
  const char *data;
  gsize len;
  gsize pos;
  char sep;
  guint record; /* 1-based number of the record being read */
  guint line;   /* 1-based physical line of pos */
} GeoCsvCursor;

/* Reads one field at the cursor into `out` (cleared first).  Returns FALSE
 * for a quoted field that is never closed, with *open_line its line. */
static gboolean
geo_csv_field(GeoCsvCursor *c, GString *out, guint *open_line)
{
  g_string_truncate(out, 0);
  if (c->pos < c->len && c->data[c->pos] == '"') {
    *open_line = c->line;
    c->pos++;
    for (;;) {
      if (c->pos >= c->len)
        return FALSE;
      const char *q = memchr(c->data + c->pos, '"', c->len - c->pos);
      gsize end = q ? (gsize)(q - c->data) : c->len;
      for (gsize i = c->pos; i < end; i++)
        c->line += c->data[i] == '\n';
      g_string_append_len(out, c->data + c->pos, (gssize)(end - c->pos));
      if (q == NULL) {
        c->pos = c->len;
        return FALSE;
      }
      c->pos = end + 1;
      if (c->pos < c->len && c->data[c->pos] == '"') { /* "" is a quote */
        g_string_append_c(out, '"');
        c->pos++;
        continue;
      }
      break;
    }
  }
  /* Unquoted text, or what follows a closing quote up to the separator
   * (kept, as spreadsheets do with `"a" b`). */
  gsize start = c->pos;
  while (c->pos < c->len) {
    char ch = c->data[c->pos];
    if (ch == c->sep || ch == '\n' || ch == '\r')
      break;
    c->pos++;
  }
  g_string_append_len(out, c->data + start, (gssize)(c->pos - start));
  return TRUE;
}

/* Consumes the end of a record (a separator returns FALSE: more fields
 * follow).  Line ends are LF, CRLF or a lone CR. */
static gboolean
geo_csv_end_of_record(GeoCsvCursor *c)
{
  if (c->pos >= c->len)
    return TRUE;
  char ch = c->data[c->pos++];
  if (ch == c->sep)
    return FALSE;
  if (ch == '\r' && c->pos < c->len && c->data[c->pos] == '\n')
    c->pos++;
  c->line++;
  return TRUE;
}

/* The number of fields of each of the first records with separator `sep`,
 * and how many records hold the most common count above 1. */
static void
geo_csv_sniff_one(const char *data, gsize len, char sep, guint *best_count, guint *best_fields)
{
  GeoCsvCursor c = {data, len, 0, sep, 1, 1};
  GString *field = g_string_new(NULL);
  GHashTable *counts = g_hash_table_new(g_direct_hash, g_direct_equal);
  guint open_line;
  for (guint r = 0; r < GEO_CSV_SNIFF_RECORDS && c.pos < c.len; r++) {
    guint fields = 0;
    gboolean filled = FALSE, ok = TRUE;
    do {
      ok = geo_csv_field(&c, field, &open_line);
      fields++;
      filled = filled || field->len > 0;
    } while (ok && !geo_csv_end_of_record(&c));
    if (filled && fields > 1) {
      guint n = GPOINTER_TO_UINT(g_hash_table_lookup(counts, GUINT_TO_POINTER(fields))) + 1;
      g_hash_table_insert(counts, GUINT_TO_POINTER(fields), GUINT_TO_POINTER(n));
    }
    if (!ok)
      break;
  }
  *best_count = *best_fields = 0;
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, counts);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    guint fields = GPOINTER_TO_UINT(k), n = GPOINTER_TO_UINT(v);
    if (n > *best_count || (n == *best_count && fields > *best_fields)) {
      *best_count = n;
      *best_fields = fields;
    }
  }
  g_hash_table_destroy(counts);
  g_string_free(field, TRUE);
}

/* The separator that splits the most of the first records into the same
 * number (above one) of fields, quotes respected; ties go to more fields,
 * then to the order ',' ';' tab '|'.  ',' when nothing splits. */
static char
geo_csv_sniff(const char *data, gsize len)
{
  char best = ',';
  guint best_count = 0, best_fields = 0;
  for (guint i = 0; i < G_N_ELEMENTS(geo_csv_separators); i++) {
    guint count, fields;
    geo_csv_sniff_one(data, len, geo_csv_separators[i], &count, &fields);
    if (count > best_count || (count == best_count && count > 0 && fields > best_fields)) {
      best = geo_csv_separators[i];
      best_count = count;
      best_fields = fields;
    }
  }
  return best;
}

/* A CSV is text: binary bytes in the first 64 KiB (NUL, control
 * characters) mean something else was given.  UTF-16 is refused with
 * the way out. */
static gboolean
geo_csv_check_text(const char *name, const guchar *buf, gsize len, GError **error)
{
  if (len >= 2 && ((buf[0] == 0xff && buf[1] == 0xfe) || (buf[0] == 0xfe && buf[1] == 0xff))) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                "%s: is UTF-16 text; save it as \"CSV UTF-8\" (or as XLSX)", name);
    return FALSE;
  }
  gsize n = MIN(len, 64 * 1024);
  gsize controls = 0, first = n, line_of_first = 0, line = 1;
  gboolean nul = FALSE;
  for (gsize i = 0; i < n; i++) {
    guchar c = buf[i];
    if (c == '\n')
      line++;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) {
      controls++;
      nul = nul || c == 0;
      if (first == n) {
        first = i;
        line_of_first = line;
      }
    }
  }
  if (nul || (controls >= 8 && controls * 100 > n)) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                "%s: is not a text table: binary byte 0x%02x at offset %" G_GSIZE_FORMAT
                " (line %" G_GSIZE_FORMAT "); a CSV must be text",
                name, buf[first], first, line_of_first);
    return FALSE;
  }
  return TRUE;
}

/* Line (1-based) of byte offset `at`. */
static gsize
geo_csv_line_of(const char *data, gsize at)
{
  gsize line = 1;
  for (gsize i = 0; i < at; i++)
    line += data[i] == '\n';
  return line;
}

/* Makes the text UTF-8.  Valid UTF-8 stays.  Otherwise, when the bytes
 * that are not UTF-8 outnumber the well-formed multi-byte UTF-8 sequences,
 * the file is Windows-1252 (what Excel writes as "CSV" on a Windows set to
 * Indonesian or English) and is recoded; else it is UTF-8 with damaged
 * bytes, which become U+FFFD cell by cell.  Returns the text to read,
 * *owned set when it is new memory. */
static const char *
geo_csv_recode(GeoGrid *g, const char *data, gsize len, gsize *out_len, char **owned,
               GError **error)
{
  *owned = NULL;
  *out_len = len;
  const char *end = NULL;
  if (g_utf8_validate_len(data, len, &end))
    return data;
  gsize first_bad = (gsize)(end - data);
  gsize bad = 0, multi = 0;
  for (const char *p = data; p < data + len;) {
    if ((guchar)*p < 0x80) {
      p++;
      continue;
    }
    gunichar ch = g_utf8_get_char_validated(p, data + len - p);
    if (ch == (gunichar)-1 || ch == (gunichar)-2) {
      bad++;
      p++;
    } else {
      multi++;
      p = g_utf8_next_char(p);
    }
  }
  gsize line = geo_csv_line_of(data, first_bad);
  if (multi >= bad) {
    g_ptr_array_add(g->notes, g_strdup_printf("%s: %" G_GSIZE_FORMAT " bytes are not UTF-8 "
                                              "(the first, 0x%02x, on line %" G_GSIZE_FORMAT
                                              "); each is read as U+FFFD",
                                              g->name, bad, (guchar)data[first_bad], line));
    return data;
  }
  GError *conv = NULL;
  gsize read = 0, written = 0;
  char *utf8 = g_convert(data, (gssize)len, "UTF-8", "WINDOWS-1252", &read, &written, &conv);
  if (utf8 == NULL) {
    gsize at = MIN(read, len - 1);
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                "%s: is neither UTF-8 nor Windows-1252 text: byte 0x%02x on line %" G_GSIZE_FORMAT
                "; save it as \"CSV UTF-8\"",
                g->name, (guchar)data[at], geo_csv_line_of(data, at));
    g_clear_error(&conv);
    return NULL;
  }
  g_ptr_array_add(g->notes, g_strdup_printf("%s: not UTF-8 (byte 0x%02x on line %" G_GSIZE_FORMAT
                                            "): read as Windows-1252 (CP1252)",
                                            g->name, (guchar)data[first_bad], line));
  *owned = utf8;
  *out_len = written;
  return utf8;
}

/* Splits the text into the grid's rows. */
static gboolean
geo_csv_split(GeoGrid *g, const char *data, gsize len, char sep, GError **error)
{
  GeoCsvCursor c = {data, len, 0, sep, 1, 1};
  GString *field = g_string_new(NULL);
  gboolean ok = TRUE;
  while (ok && c.pos < c.len) {
    guint record = c.record, open_line = 0;
    gboolean end = FALSE;
    while (ok && !end) {
      if (!geo_csv_field(&c, field, &open_line)) {
        g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                    "%s row %u: a quoted field opened on line %u is never closed", g->name, record,
                    open_line);
        ok = FALSE;
        break;
      }
      ok = geo_grid_add_cell(g, record, field->str, field->len, error);
      end = geo_csv_end_of_record(&c);
    }
    if (ok)
      ok = geo_grid_end_row(g, record, error);
    c.record++;
  }
  g_string_free(field, TRUE);
  return ok;
}

GeoGrid *
geo_csv_read(const char *src, char separator, GError **error)
{
  GeoGrid *g = geo_grid_new(src);
  g->strict_width = TRUE;
  VSIStatBufL st;
  if (VSIStatL(src, &st) == 0 && st.st_size > GEO_LIMIT_CSV_BYTES) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                "%s: is %" G_GINT64_FORMAT " bytes; the limit for a CSV is %d bytes", g->name,
                (gint64)st.st_size, GEO_LIMIT_CSV_BYTES);
    geo_grid_free(g);
    return NULL;
  }
  GByte *bytes = NULL;
  vsi_l_offset size = 0;
  CPLErrorReset();
  CPLPushErrorHandler(CPLQuietErrorHandler); /* its message goes into ours */
  int ingested = VSIIngestFile(NULL, src, &bytes, &size, GEO_LIMIT_CSV_BYTES);
  CPLPopErrorHandler();
  if (!ingested) {
    g_autofree char *what = g_strdup_printf("%s: cannot open as a table", g->name);
    geo_error_set_from_gdal(error, GEO_ERROR_INPUT, what);
    geo_grid_free(g);
    return NULL;
  }
  const char *data = (const char *)bytes;
  gsize len = (gsize)size;
  char *recoded = NULL;
  gboolean ok = geo_csv_check_text(g->name, bytes, len, error);
  if (ok && len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
    data += 3;
    len -= 3;
  }
  if (ok) {
    data = geo_csv_recode(g, data, len, &len, &recoded, error);
    ok = data != NULL;
  }
  if (ok) {
    char sep = separator ? separator : geo_csv_sniff(data, len);
    /* Excel in an Indonesian (or any decimal-comma) locale writes ';'. */
    g->hint = sep == ';' ? GEO_NUMBERS_INDONESIAN : GEO_NUMBERS_AUTO;
    ok = geo_csv_split(g, data, len, sep, error);
    if (ok && separator == 0 && g->width == 1 && len > 0) {
      /* One column: say which separator was tried, in case it is wrong. */
      g_ptr_array_add(g->notes, g_strdup_printf("%s: one column only (no ',', ';', tab or '|' "
                                                "splits its rows)",
                                                g->name));
    }
  }
  g_free(recoded);
  VSIFree(bytes);
  if (!ok) {
    geo_grid_free(g);
    return NULL;
  }
  return g;
}
