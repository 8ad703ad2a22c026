/* geo-table-numbers.c — decides, column by column, how a table writes its
 * numbers.  "1.234" is 1234 in an Indonesian spreadsheet and 1.234 in a
 * plain one; the text alone cannot say, but its column can: "45,23" or
 * "1.234,5" in the same column settle it one way, "12.5" or "0.125" the
 * other.  A column holding both kinds and an undecidable value is refused,
 * naming rows and values of each kind, rather than read half wrong.  Also
 * counts the missing values (empty, "-", "n/a") of number columns, for the
 * user to see. */
#include "geo-private.h"

/* Rows listed in a note before "...". */
#define GEO_NUMBERS_ROWS_SHOWN 5

typedef struct {
  guint count;
  guint line;        /* of the first */
  const char *value; /* the first */
} GeoShapeSeen;

typedef struct {
  GeoShapeSeen plain, indonesian, ambiguous;
  guint numbers, texts, missing;
  guint missing_lines[GEO_NUMBERS_ROWS_SHOWN];
} GeoColumnCount;

static void
geo_numbers_see(GeoShapeSeen *s, guint line, const char *value)
{
  if (s->count++ == 0) {
    s->line = line;
    s->value = value;
  }
}

static void
geo_numbers_count(const GeoTable *t, guint c, GeoColumnCount *k)
{
  for (guint r = 0; r < t->n_rows; r++) {
    const char *v = geo_table_cell(t, r, c);
    if (geo_number_is_missing(v)) {
      if (k->missing < GEO_NUMBERS_ROWS_SHOWN)
        k->missing_lines[k->missing] = t->line[r];
      k->missing++;
      continue;
    }
    switch (geo_number_shape(v)) {
    case GEO_NUMBER_NONE: k->texts++; continue;
    case GEO_NUMBER_WHOLE: break;
    case GEO_NUMBER_PLAIN: geo_numbers_see(&k->plain, t->line[r], v); break;
    case GEO_NUMBER_INDONESIAN: geo_numbers_see(&k->indonesian, t->line[r], v); break;
    case GEO_NUMBER_AMBIGUOUS: geo_numbers_see(&k->ambiguous, t->line[r], v); break;
    }
    k->numbers++;
  }
}

/* "'45,23' (row 3)": a value with its row.  Caller frees. */
static char *
geo_numbers_example(const GeoShapeSeen *s)
{
  g_autofree char *v = geo_text_printable(s->value, 40);
  if (s->count > 1)
    return g_strdup_printf("'%s' (row %u, and %u more like it)", v, s->line, s->count - 1);
  return g_strdup_printf("'%s' (row %u)", v, s->line);
}

/* "1234 (Indonesian) or 1.234 (plain)": the two readings of an AMBIGUOUS
 * value.  Caller frees. */
static char *
geo_numbers_readings(const char *value, char *as_id, char *as_plain, gsize size)
{
  double v_id = 0, v_plain = 0;
  geo_number_parse(value, TRUE, &v_id);
  geo_number_parse(value, FALSE, &v_plain);
  g_ascii_formatd(as_id, (int)size, "%.15g", v_id);
  g_ascii_formatd(as_plain, (int)size, "%.15g", v_plain);
  return g_strdup_printf("%s (Indonesian) or %s (plain)", as_id, as_plain);
}

gboolean
geo_table_decide_numbers(GeoTable *t, const char *name, GeoNumberFormat forced,
                         const gboolean *typed, GeoNumberFormat hint, GPtrArray *notes,
                         GError **error)
{
  t->number_format = g_new0(GeoNumberFormat, MAX(t->n_fields, 1));
  GeoColumnCount *counts = g_new0(GeoColumnCount, MAX(t->n_fields, 1));
  GString *conflicts = g_string_new(NULL);
  guint n_id = 0, n_plain = 0;
  for (guint c = 0; c < t->n_fields; c++) {
    GeoColumnCount *k = &counts[c];
    geo_numbers_count(t, c, k);
    g_autofree char *field = geo_text_printable(t->fields[c], 60);
    if (typed != NULL && typed[c]) {
      /* GDAL formats numbers stored as numbers plainly. */
      t->number_format[c] = GEO_NUMBERS_PLAIN;
    } else if (forced != GEO_NUMBERS_AUTO) {
      t->number_format[c] = forced;
    } else if (k->indonesian.count > 0 && k->plain.count > 0) {
      g_autofree char *id = geo_numbers_example(&k->indonesian);
      g_autofree char *plain = geo_numbers_example(&k->plain);
      if (k->ambiguous.count > 0) {
        g_autofree char *amb = geo_numbers_example(&k->ambiguous);
        char as_id[G_ASCII_DTOSTR_BUF_SIZE], as_plain[G_ASCII_DTOSTR_BUF_SIZE];
        g_autofree char *readings =
            geo_numbers_readings(k->ambiguous.value, as_id, as_plain, sizeof as_id);
        g_string_append_printf(conflicts,
                               "%s%s, column %s: mixes Indonesian numbers %s with plain ones %s, "
                               "so %s could be %s",
                               conflicts->len ? "; " : "", name, field, id, plain, amb, readings);
      } else {
        g_ptr_array_add(notes, g_strdup_printf("%s, column %s: mixes Indonesian numbers %s with "
                                               "plain ones %s; each is read as written",
                                               name, field, id, plain));
      }
      t->number_format[c] = GEO_NUMBERS_PLAIN;
    } else if (k->indonesian.count > 0) {
      t->number_format[c] = GEO_NUMBERS_INDONESIAN;
      n_id += (int)c != t->key_column;
    } else if (k->plain.count > 0) {
      t->number_format[c] = GEO_NUMBERS_PLAIN;
      n_plain += (int)c != t->key_column;
    }
  }
  if (conflicts->len > 0) {
    g_string_append(conflicts, "; write each column one way, or give the table option "
                               "numbers=indonesian or numbers=plain");
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s", conflicts->str);
    g_string_free(conflicts, TRUE);
    g_free(counts);
    return FALSE;
  }
  g_string_free(conflicts, TRUE);

  /* Columns without a telling value follow the file's locale (a ';'
   * CSV comes from a decimal-comma Excel), then the other columns of the
   * table (not its key: codes look like plain decimals); else they are
   * read as Indonesian.  The user is told unless the locale said it. */
  GeoNumberFormat table = n_id > 0 && n_plain == 0   ? GEO_NUMBERS_INDONESIAN
                          : n_plain > 0 && n_id == 0 ? GEO_NUMBERS_PLAIN
                                                     : GEO_NUMBERS_AUTO;
  GString *missing = g_string_new(NULL);
  for (guint c = 0; c < t->n_fields; c++) {
    GeoColumnCount *k = &counts[c];
    g_autofree char *field = geo_text_printable(t->fields[c], 60);
    if (t->number_format[c] == GEO_NUMBERS_AUTO) {
      GeoNumberFormat f = hint != GEO_NUMBERS_AUTO    ? hint
                          : table != GEO_NUMBERS_AUTO ? table
                                                      : GEO_NUMBERS_INDONESIAN;
      t->number_format[c] = f;
      if (hint == GEO_NUMBERS_AUTO && k->ambiguous.count > 0) {
        g_autofree char *amb = geo_numbers_example(&k->ambiguous);
        gboolean id = f == GEO_NUMBERS_INDONESIAN;
        char s_id[G_ASCII_DTOSTR_BUF_SIZE], s_plain[G_ASCII_DTOSTR_BUF_SIZE];
        g_autofree char *readings =
            geo_numbers_readings(k->ambiguous.value, s_id, s_plain, sizeof s_id);
        g_ptr_array_add(
            notes, g_strdup_printf("%s, column %s: %s could be %s; read as %s, %s; give "
                                   "numbers=%s if that is wrong",
                                   name, field, amb, readings, id ? s_id : s_plain,
                                   table != GEO_NUMBERS_AUTO ? "like the table's other columns"
                                                             : "as nothing in the table says which",
                                   id ? "plain" : "indonesian"));
      }
    }
    gboolean number_column = (typed != NULL && typed[c]) ||
                             (k->numbers > 0 && k->numbers >= k->texts);
    if (number_column && k->missing > 0 && (int)c != t->key_column) {
      g_string_append_printf(missing, "%s%s %u (row%s", missing->len ? ", " : "", field, k->missing,
                             k->missing > 1 ? "s" : "");
      for (guint i = 0; i < MIN(k->missing, GEO_NUMBERS_ROWS_SHOWN); i++)
        g_string_append_printf(missing, "%s %u", i ? "," : "", k->missing_lines[i]);
      g_string_append(missing, k->missing > GEO_NUMBERS_ROWS_SHOWN ? ", ...)" : ")");
    }
  }
  if (missing->len > 0)
    g_ptr_array_add(
        notes, g_strdup_printf("%s: missing values (empty, '-', 'n/a'): %s", name, missing->str));
  g_string_free(missing, TRUE);
  g_free(counts);
  return TRUE;
}
