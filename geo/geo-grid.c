/* geo-grid.c — a table as a user laid it out: rows of text cells with the
 * row numbers they see, before anything is known about its header.
 * Spreadsheets exported by offices start with a report title, a date and a
 * blank row; this file finds the header under them, names the columns and
 * turns the rows below it into a GeoTable.  geo-csv.c and geo-sheet.c fill
 * the grid. */
#include "geo-private.h"

#include <string.h>

/* Rows looked at when searching for the header. */
#define GEO_GRID_HEADER_SEARCH 30

GeoGrid *
geo_grid_new(const char *name)
{
  GeoGrid *g = g_new0(GeoGrid, 1);
  g->name = geo_text_printable(name, 0);
  g->strings = g_string_chunk_new(64 * 1024);
  g->cells = g_ptr_array_new();
  g->rows = g_array_new(FALSE, FALSE, sizeof(GeoGridRow));
  g->notes = g_ptr_array_new_with_free_func(g_free);
  return g;
}

void
geo_grid_free(GeoGrid *g)
{
  if (g == NULL)
    return;
  g_free(g->name);
  g_string_chunk_free(g->strings);
  g_ptr_array_unref(g->cells);
  g_array_unref(g->rows);
  g_ptr_array_unref(g->notes);
  g_free(g);
}

/* TRUE when the cell holds nothing but spaces. */
static gboolean
geo_grid_is_blank(const char *s)
{
  if (s == NULL)
    return TRUE;
  while (g_ascii_isspace(*s))
    s++;
  return *s == '\0';
}

gboolean
geo_grid_add_cell(GeoGrid *g, guint line, const char *text, gsize len, GError **error)
{
  guint column = g->cells->len - (guint)g->row_start + 1;
  if (column > GEO_LIMIT_COLUMNS) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                "%s: has more than %d columns; the limit is %d (row %u)", g->name,
                GEO_LIMIT_COLUMNS, GEO_LIMIT_COLUMNS, line);
    return FALSE;
  }
  const char *kept = NULL;
  if (text != NULL && len > 0) {
    if (g_utf8_validate_len(text, len, NULL)) {
      kept = g_string_chunk_insert_len(g->strings, text, (gssize)len);
    } else {
      g_autofree char *fixed = g_utf8_make_valid(text, (gssize)len);
      kept = g_string_chunk_insert(g->strings, fixed);
    }
    /* A NUL inside a cell (a spreadsheet can hold one) ends it. */
    if (*kept == '\0')
      kept = NULL;
  }
  g_ptr_array_add(g->cells, (gpointer)kept);
  return TRUE;
}

gboolean
geo_grid_end_row(GeoGrid *g, guint line, GError **error)
{
  gboolean blank = TRUE;
  for (guint i = (guint)g->row_start; i < g->cells->len && blank; i++)
    blank = geo_grid_is_blank(g_ptr_array_index(g->cells, i));
  if (blank) {
    g_ptr_array_set_size(g->cells, (guint)g->row_start);
    return TRUE;
  }
  if (g->cells->len > GEO_LIMIT_TABLE_CELLS) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                "%s: more than %u cells (row %u); the limit is %u cells", g->name,
                GEO_LIMIT_TABLE_CELLS, line, GEO_LIMIT_TABLE_CELLS);
    return FALSE;
  }
  guint raw_n = g->cells->len - (guint)g->row_start;
  GeoGridRow r = {line, g->row_start, raw_n, raw_n};
  /* Trailing empty cells (";;;" padding) do not make a row wider. */
  while (r.n > 0 && geo_grid_is_blank(g_ptr_array_index(g->cells, r.first + r.n - 1)))
    r.n--;
  g_ptr_array_set_size(g->cells, (guint)(r.first + r.n));
  g_array_append_val(g->rows, r);
  g->width = MAX(g->width, r.n);
  g->row_start = g->cells->len;
  return TRUE;
}

static const char *
geo_grid_cell(const GeoGrid *g, const GeoGridRow *r, guint column)
{
  return column < r->n ? g_ptr_array_index(g->cells, r->first + column) : NULL;
}

static guint
geo_grid_filled(const GeoGrid *g, const GeoGridRow *r)
{
  guint n = 0;
  for (guint c = 0; c < r->n; c++)
    n += !geo_grid_is_blank(geo_grid_cell(g, r, c));
  return n;
}

/* The index in g->rows of the header: row `header_row` when given, else
 * the first of the top rows filled across most of the table's width (a
 * title or a date fills one or two cells) that is not only numbers. */
static gboolean
geo_grid_find_header(const GeoGrid *g, guint header_row, guint *index, GError **error)
{
  if (header_row > 0) {
    for (guint i = 0; i < g->rows->len; i++) {
      const GeoGridRow *r = &g_array_index(g->rows, GeoGridRow, i);
      if (r->line == header_row) {
        *index = i;
        return TRUE;
      }
      if (r->line > header_row)
        break;
    }
    const GeoGridRow *last = &g_array_index(g->rows, GeoGridRow, g->rows->len - 1);
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s: header-row %u: row %u is %s", g->name,
                header_row, header_row,
                header_row > last->line ? "past the end of the table" : "empty");
    return FALSE;
  }
  guint n = MIN(g->rows->len, GEO_GRID_HEADER_SEARCH);
  guint width = 0;
  for (guint i = 0; i < n; i++)
    width = MAX(width, geo_grid_filled(g, &g_array_index(g->rows, GeoGridRow, i)));
  guint need = MAX(MIN(width, 3), (width * 3 + 4) / 5);
  for (guint i = 0; i < n; i++) {
    const GeoGridRow *r = &g_array_index(g->rows, GeoGridRow, i);
    if (geo_grid_filled(g, r) < need)
      continue;
    gboolean text = FALSE;
    for (guint c = 0; c < r->n && !text; c++) {
      const char *v = geo_grid_cell(g, r, c);
      text = !geo_grid_is_blank(v) && geo_number_shape(v) == GEO_NUMBER_NONE &&
             !geo_number_is_missing(v);
    }
    if (!text) {
      g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                  "%s: no header row: row %u, the first filled across the table, holds only "
                  "numbers; a table needs a row naming its columns (or give header-row=N)",
                  g->name, r->line);
      return FALSE;
    }
    *index = i;
    return TRUE;
  }
  g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s: no header row found", g->name);
  return FALSE;
}

/* A column name: the header cell with runs of spaces and line breaks made
 * one space (wrapped headers), or FieldN for an empty one. */
static char *
geo_grid_column_name(const char *cell, guint column)
{
  if (geo_grid_is_blank(cell))
    return g_strdup_printf("Field%u", column + 1);
  GString *s = g_string_new(NULL);
  gboolean space = FALSE;
  for (const char *p = cell; *p; p++) {
    if (g_ascii_isspace(*p)) {
      space = s->len > 0;
      continue;
    }
    if (space)
      g_string_append_c(s, ' ');
    space = FALSE;
    g_string_append_c(s, *p);
  }
  return g_string_free(s, FALSE);
}

GeoTable *
geo_grid_to_table(GeoGrid *g, const char *source, guint header_row, GError **error)
{
  if (g->rows->len == 0) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s: is empty: no header, no rows", g->name);
    return NULL;
  }
  guint hi;
  if (!geo_grid_find_header(g, header_row, &hi, error))
    return NULL;
  const GeoGridRow *head = &g_array_index(g->rows, GeoGridRow, hi);
  if (hi > 0) {
    const GeoGridRow *first = &g_array_index(g->rows, GeoGridRow, 0);
    const char *title = NULL;
    for (guint c = 0; c < first->n && title == NULL; c++)
      if (!geo_grid_is_blank(geo_grid_cell(g, first, c)))
        title = geo_grid_cell(g, first, c);
    g_autofree char *shown = geo_text_printable(title, 40);
    g_ptr_array_add(g->notes,
                    g_strdup_printf("%s: header on row %u; rows %u-%u above it skipped "
                                    "(from '%s')",
                                    g->name, head->line, first->line, head->line - 1, shown));
  }

  /* Columns: the header's, and in a spreadsheet any wider data; columns
   * empty from the header down are left out. */
  guint width = g->strict_width ? head->raw_n : g->width;
  gboolean *used = g_new0(gboolean, MAX(width, 1));
  for (guint i = hi; i < g->rows->len; i++) {
    const GeoGridRow *r = &g_array_index(g->rows, GeoGridRow, i);
    if (r->n > width) {
      const char *extra = geo_grid_cell(g, r, width);
      g_autofree char *shown = geo_text_printable(extra, 40);
      g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                  "%s row %u: %u cells, but the header (row %u) names %u columns; "
                  "'%s' has no column (an unquoted separator inside a value?)",
                  g->name, r->line, r->n, head->line, width, shown);
      g_free(used);
      return NULL;
    }
    for (guint c = 0; c < r->n; c++)
      used[c] = used[c] || !geo_grid_is_blank(geo_grid_cell(g, r, c));
  }
  GArray *columns = g_array_new(FALSE, FALSE, sizeof(guint));
  for (guint c = 0; c < width; c++)
    if (used[c])
      g_array_append_val(columns, c);
  g_free(used);

  for (guint i = 0; i < columns->len; i++) {
    const char *v = geo_grid_cell(g, head, g_array_index(columns, guint, i));
    if (v != NULL && strlen(v) > GEO_LIMIT_CELL_BYTES) {
      g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                  "%s: the name of column %u (row %u) is %" G_GSIZE_FORMAT
                  " bytes long; the limit is %d bytes",
                  g->name, g_array_index(columns, guint, i) + 1, head->line, strlen(v),
                  GEO_LIMIT_CELL_BYTES);
      g_array_unref(columns);
      return NULL;
    }
  }
  GeoTable *t = g_new0(GeoTable, 1);
  t->source = g_strdup(source);
  t->n_fields = columns->len;
  t->fields = g_new0(char *, t->n_fields + 1);
  GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < t->n_fields; i++) {
    guint c = g_array_index(columns, guint, i);
    char *name = geo_grid_column_name(geo_grid_cell(g, head, c), c);
    char *lower = g_utf8_strdown(name, -1);
    /* Two columns of one name: the later one is told apart, and said. */
    for (guint k = 2; g_hash_table_contains(seen, lower); k++) {
      char *cand = g_strdup_printf("%s_%u", name, k);
      char *cand_lower = g_utf8_strdown(cand, -1);
      if (!g_hash_table_contains(seen, cand_lower)) {
        g_autofree char *shown = geo_text_printable(name, 60);
        g_autofree char *shown_cand = geo_text_printable(cand, 60);
        g_ptr_array_add(g->notes, g_strdup_printf("%s: two columns are called '%s'; the one in "
                                                  "column %u is called '%s'",
                                                  g->name, shown, c + 1, shown_cand));
        g_free(name);
        g_free(lower);
        name = cand;
        lower = cand_lower;
        break;
      }
      g_free(cand);
      g_free(cand_lower);
    }
    g_hash_table_add(seen, lower);
    t->fields[i] = name;
  }
  g_hash_table_destroy(seen);

  guint n_rows = g->rows->len - hi - 1;
  t->n_rows = n_rows;
  t->cells = g_new0(char *, MAX((gsize)n_rows * t->n_fields, 1));
  t->line = g_new0(guint, MAX(n_rows, 1));
  for (guint i = 0; i < n_rows; i++) {
    const GeoGridRow *r = &g_array_index(g->rows, GeoGridRow, hi + 1 + i);
    t->line[i] = r->line;
    for (guint k = 0; k < t->n_fields; k++) {
      const char *v = geo_grid_cell(g, r, g_array_index(columns, guint, k));
      gsize len = v ? strlen(v) : 0;
      if (len > GEO_LIMIT_CELL_BYTES) {
        g_autofree char *start = geo_text_printable(v, 20);
        g_autofree char *field = geo_text_printable(t->fields[k], 200);
        g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                    "%s row %u, field %s: the cell ('%s') is %" G_GSIZE_FORMAT
                    " bytes long; the limit is %d bytes",
                    g->name, r->line, field, start, len, GEO_LIMIT_CELL_BYTES);
        g_array_unref(columns);
        t->strings = NULL; /* still the grid's */
        geo_table_free(t);
        return NULL;
      }
      t->cells[(gsize)i * t->n_fields + k] = (char *)v;
    }
  }
  g_array_unref(columns);
  /* The cells stay in the grid's chunk: the table takes it over. */
  t->strings = g->strings;
  g->strings = g_string_chunk_new(64);
  if (n_rows == 0) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s: has no rows, only a header (row %u)",
                g->name, head->line);
    geo_table_free(t);
    return NULL;
  }
  return t;
}
