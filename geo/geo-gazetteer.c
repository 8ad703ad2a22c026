/* geo-gazetteer.c — what petarawan knows about Indonesian places besides
 * the boundaries: their other names and when they were formed.
 *
 * Names (data/alias-wilayah.csv and the user's --aliases files, columns
 * kode,nama[,keterangan]): every row is one name of the place `kode`;
 * rows with the same kode are the same place, so "DKI Jakarta",
 * "Daerah Khusus Ibukota Jakarta" and "Jakarta Raya" all join province 31.
 * The name index (geo-match.c) gives a boundary feature every name of its
 * place: the place with its code when the boundaries are keyed by codes,
 * else the only place bearing its name.
 *
 * Formations (data/pemekaran.csv, columns kode,nama,tahun,induk and
 * optionally nama_induk): the year a province or kab/kota was formed and
 * the one it was split from, so that the report can say why a table made
 * before then has no row for it. */
#include "geo-private.h"

#include <string.h>

static void
geo_gazetteer_name_free(gpointer p)
{
  GeoPlaceName *n = p;
  g_free(n->raw);
  g_free(n->base);
  g_free(n->note);
  g_free(n);
}

static void
geo_gazetteer_place_free(gpointer p)
{
  GeoPlace *pl = p;
  g_free(pl->code);
  g_ptr_array_unref(pl->names);
  g_free(pl);
}

static void
geo_gazetteer_formation_free(gpointer p)
{
  GeoFormation *f = p;
  g_free(f->code);
  g_free(f->name);
  g_free(f->parent);
  g_free(f->parent_name);
  g_free(f);
}

GeoGazetteer *
geo_gazetteer_new(void)
{
  GeoGazetteer *g = g_new0(GeoGazetteer, 1);
  g->ref = 1;
  g->places = g_ptr_array_new_with_free_func(geo_gazetteer_place_free);
  g->place_by_code = g_hash_table_new(g_str_hash, g_str_equal);
  g->by_base =
      g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
  g->formed = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, geo_gazetteer_formation_free);
  return g;
}

GeoGazetteer *
geo_gazetteer_ref(GeoGazetteer *g)
{
  if (g)
    g_atomic_int_inc(&g->ref);
  return g;
}

void
geo_gazetteer_unref(GeoGazetteer *g)
{
  if (g == NULL || !g_atomic_int_dec_and_test(&g->ref))
    return;
  g_hash_table_destroy(g->by_base);
  g_hash_table_destroy(g->place_by_code);
  g_ptr_array_unref(g->places);
  g_hash_table_destroy(g->formed);
  g_free(g);
}

/* Column `name` of `t`, or -1 after setting an error naming the file. */
static int
geo_gazetteer_column(const GeoTable *t, const char *name, const char *columns, GError **error)
{
  int c = geo_table_find_field(t, name);
  if (c < 0) {
    g_autofree char *src = geo_text_printable(t->source, 0);
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                "%s: no column '%s' (a table of place names has the columns %s)", src, name,
                columns);
  }
  return c;
}

/* The cell at row r, column c, which must not be empty. */
static const char *
geo_gazetteer_cell(const GeoTable *t, guint r, int c, GError **error)
{
  const char *v = geo_table_cell(t, r, (guint)c);
  const char *p = v;
  while (p && g_ascii_isspace(*p))
    p++;
  if (p == NULL || *p == '\0') {
    g_autofree char *src = geo_text_printable(t->source, 0);
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s row %u, field %s: empty", src, t->line[r],
                t->fields[c]);
    return NULL;
  }
  return v;
}

static GeoPlace *
geo_gazetteer_place(GeoGazetteer *g, const char *code)
{
  GeoPlace *p = g_hash_table_lookup(g->place_by_code, code);
  if (p == NULL) {
    p = g_new0(GeoPlace, 1);
    p->code = g_strdup(code);
    p->level = geo_key_level(code);
    p->names = g_ptr_array_new_with_free_func(geo_gazetteer_name_free);
    g_ptr_array_add(g->places, p);
    g_hash_table_insert(g->place_by_code, p->code, p);
  }
  return p;
}

void
geo_gazetteer_add_name(GeoGazetteer *g, const char *code, const char *name, const char *note)
{
  g_autofree char *key = geo_key_normalise(code);
  GeoPlace *p = geo_gazetteer_place(g, key);
  GeoNameKind kind;
  g_autofree char *base = geo_name_normalise(name, &kind);
  if (*base == '\0')
    return;
  for (guint i = 0; i < p->names->len; i++) {
    const GeoPlaceName *n = g_ptr_array_index(p->names, i);
    if (n->kind == kind && strcmp(n->base, base) == 0)
      return;
  }
  GeoPlaceName *n = g_new0(GeoPlaceName, 1);
  n->place = p;
  n->raw = g_strdup(name);
  n->kind = kind;
  n->base = g_steal_pointer(&base);
  n->note = note && *note ? g_strdup(note) : NULL;
  g_ptr_array_add(p->names, n);
  GPtrArray *list = g_hash_table_lookup(g->by_base, n->base);
  if (list == NULL) {
    list = g_ptr_array_new();
    g_hash_table_insert(g->by_base, g_strdup(n->base), list);
  }
  g_ptr_array_add(list, n);
}

gboolean
geo_gazetteer_add_names(GeoGazetteer *g, const char *path, GError **error)
{
  GeoTable *t = geo_table_read_spec(&(GeoTableSpec){.source = (char *)path}, error);
  if (t == NULL)
    return FALSE;
  const char *columns = "kode,nama[,keterangan]";
  int kc = geo_gazetteer_column(t, "kode", columns, error);
  int nc = kc >= 0 ? geo_gazetteer_column(t, "nama", columns, error) : -1;
  int note_c = geo_table_find_field(t, "keterangan");
  gboolean ok = kc >= 0 && nc >= 0;
  for (guint r = 0; ok && r < t->n_rows; r++) {
    const char *code = geo_gazetteer_cell(t, r, kc, error);
    const char *name = code ? geo_gazetteer_cell(t, r, nc, error) : NULL;
    if (name == NULL) {
      ok = FALSE;
      break;
    }
    GeoNameKind kind;
    g_autofree char *base = geo_name_normalise(name, &kind);
    if (*base == '\0') {
      g_autofree char *src = geo_text_printable(t->source, 0);
      g_autofree char *shown = geo_text_printable(name, 60);
      g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                  "%s row %u, field %s: '%s' has no letters or digits", src, t->line[r],
                  t->fields[nc], shown);
      ok = FALSE;
      break;
    }
    geo_gazetteer_add_name(g, code, name, note_c >= 0 ? geo_table_cell(t, r, (guint)note_c) : NULL);
  }
  geo_table_free(t);
  return ok;
}

void
geo_gazetteer_add_formation(GeoGazetteer *g, const char *code, const char *name, int year,
                            const char *parent, const char *parent_name)
{
  GeoFormation *f = g_new0(GeoFormation, 1);
  f->code = geo_key_normalise(code);
  f->name = g_strdup(name ? name : "");
  f->year = year;
  f->parent = geo_key_normalise(parent);
  f->parent_name = parent_name && *parent_name ? g_strdup(parent_name) : NULL;
  g_hash_table_replace(g->formed, f->code, f);
}

gboolean
geo_gazetteer_add_formations(GeoGazetteer *g, const char *path, GError **error)
{
  GeoTable *t = geo_table_read_spec(&(GeoTableSpec){.source = (char *)path}, error);
  if (t == NULL)
    return FALSE;
  const char *columns = "kode,nama,tahun,induk";
  int kc = geo_gazetteer_column(t, "kode", columns, error);
  int nc = kc >= 0 ? geo_gazetteer_column(t, "nama", columns, error) : -1;
  int yc = nc >= 0 ? geo_gazetteer_column(t, "tahun", columns, error) : -1;
  int pc = yc >= 0 ? geo_gazetteer_column(t, "induk", columns, error) : -1;
  int pnc = geo_table_find_field(t, "nama_induk");
  gboolean ok = pc >= 0;
  for (guint r = 0; ok && r < t->n_rows; r++) {
    const char *code = geo_gazetteer_cell(t, r, kc, error);
    const char *name = code ? geo_gazetteer_cell(t, r, nc, error) : NULL;
    const char *year = name ? geo_gazetteer_cell(t, r, yc, error) : NULL;
    const char *parent = year ? geo_gazetteer_cell(t, r, pc, error) : NULL;
    guint64 y = 0;
    if (parent == NULL) {
      ok = FALSE;
    } else if (!g_ascii_string_to_unsigned(year, 10, 1900, 2100, &y, NULL)) {
      g_autofree char *src = geo_text_printable(t->source, 0);
      g_autofree char *shown = geo_text_printable(year, 60);
      g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s row %u, field %s: '%s' is not a year", src,
                  t->line[r], t->fields[yc], shown);
      ok = FALSE;
    }
    if (!ok)
      break;
    geo_gazetteer_add_formation(g, code, name, (int)y, parent,
                                pnc >= 0 ? geo_table_cell(t, r, (guint)pnc) : NULL);
  }
  geo_table_free(t);
  return ok;
}

const GeoFormation *
geo_gazetteer_formation(const GeoGazetteer *g, const char *code)
{
  return g ? g_hash_table_lookup(g->formed, code) : NULL;
}

GPtrArray *
geo_gazetteer_places_named(const GeoGazetteer *g, GeoNameKind kind, const char *base, guint level)
{
  GPtrArray *out = g_ptr_array_new();
  GPtrArray *list = g ? g_hash_table_lookup(g->by_base, base) : NULL;
  for (guint i = 0; list && i < list->len; i++) {
    const GeoPlaceName *n = g_ptr_array_index(list, i);
    if (!geo_name_kinds_agree(n->kind, kind))
      continue;
    if (level > 0 && n->place->level > 0 && n->place->level != level)
      continue;
    gboolean seen = FALSE;
    for (guint k = 0; k < out->len && !seen; k++)
      seen = g_ptr_array_index(out, k) == n->place;
    if (!seen)
      g_ptr_array_add(out, n->place);
  }
  return out;
}

char **
geo_gazetteer_lookup(const GeoGazetteer *g, const char *name, guint level)
{
  GeoNameKind kind;
  g_autofree char *base = geo_name_normalise(name, &kind);
  GPtrArray *places = geo_gazetteer_places_named(g, kind, base, level);
  GStrvBuilder *b = g_strv_builder_new();
  for (guint i = 0; i < places->len; i++)
    g_strv_builder_add(b, ((GeoPlace *)g_ptr_array_index(places, i))->code);
  g_ptr_array_unref(places);
  char **out = g_strv_builder_end(b);
  g_strv_builder_unref(b);
  return out;
}

const char *
geo_gazetteer_name(const GeoGazetteer *g, const char *code)
{
  const GeoPlace *p = g ? g_hash_table_lookup(g->place_by_code, code) : NULL;
  if (p && p->names->len > 0)
    return ((GeoPlaceName *)g_ptr_array_index(p->names, 0))->raw;
  const GeoFormation *f = geo_gazetteer_formation(g, code);
  if (f)
    return f->name;
  /* A parent named by a formation. */
  GHashTableIter it;
  gpointer v;
  g_hash_table_iter_init(&it, g ? g->formed : NULL);
  while (g && g_hash_table_iter_next(&it, NULL, &v)) {
    const GeoFormation *pf = v;
    if (pf->parent_name && strcmp(pf->parent, code) == 0)
      return pf->parent_name;
  }
  return NULL;
}

static int
geo_gazetteer_cmp_formation(gconstpointer a, gconstpointer b)
{
  const GeoFormation *x = *(GeoFormation *const *)a, *y = *(GeoFormation *const *)b;
  return strcmp(x->code, y->code);
}

GPtrArray *
geo_gazetteer_children(const GeoGazetteer *g, const char *code)
{
  GPtrArray *out = g_ptr_array_new();
  if (g == NULL)
    return out;
  GHashTableIter it;
  gpointer v;
  g_hash_table_iter_init(&it, g->formed);
  while (g_hash_table_iter_next(&it, NULL, &v))
    if (strcmp(((GeoFormation *)v)->parent, code) == 0)
      g_ptr_array_add(out, v);
  g_ptr_array_sort(out, geo_gazetteer_cmp_formation);
  return out;
}
