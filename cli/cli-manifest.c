/* cli-manifest.c — what was built from what, so that a rebuild redraws only
 * what changed.  Every output file gets a SHA-256 of exactly what it is
 * drawn from: the program and library versions, the font files, the style
 * as resolved (breaks, colours), the page texts, formats, the boundary and
 * context geometry, and for a sheet its group's districts (key, name,
 * value, class and every joined cell); the overview and atlas hash every
 * district.
 * manifest.json in the output folder records these hashes next to the
 * inputs' own SHA-256; the next build reads it back and skips an output
 * whose hash is unchanged and whose file is still there.  The manifest is
 * written last, atomically.  A lock keeps two builds into one folder from
 * interleaving (flock on the folder itself). */
#include "cli-manifest.h"

#include "config.h"

#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <pango/pango.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

struct CliManifest {
  GHashTable *previous; /* file -> hash, from the last manifest */
  GHashTable *current;  /* file -> hash, this build */
  GMutex lock;
};

CliManifest *
cli_manifest_load(const char *dir, gboolean *had_one, char **note)
{
  CliManifest *m = g_new0(CliManifest, 1);
  m->previous = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  m->current = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init(&m->lock);
  *had_one = cli_manifest_read_hashes(dir, m->previous, note);
  return m;
}

void
cli_manifest_free(CliManifest *m)
{
  if (m == NULL)
    return;
  g_hash_table_unref(m->previous);
  g_hash_table_unref(m->current);
  g_mutex_clear(&m->lock);
  g_free(m);
}

/* ---- hashing ---- */

static void
cli_manifest_str(GChecksum *c, const char *s)
{
  /* Length-prefixed, so "ab"+"c" and "a"+"bc" differ. */
  guint32 n = s ? (guint32)strlen(s) : 0xffffffffu;
  g_checksum_update(c, (const guchar *)&n, sizeof n);
  if (s)
    g_checksum_update(c, (const guchar *)s, n);
}

static void
cli_manifest_num(GChecksum *c, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  cli_manifest_str(c, g_ascii_dtostr(buf, sizeof buf, v));
}

static void
cli_manifest_shapes(GChecksum *c, const GeoShapes *s)
{
  if (s == NULL) {
    cli_manifest_str(c, NULL);
    return;
  }
  g_checksum_update(c, (const guchar *)s->xy, sizeof(double) * 2 * s->n_points);
  g_checksum_update(c, (const guchar *)s->ring_point, sizeof(guint) * (s->n_rings + 1));
  g_checksum_update(c, (const guchar *)s->part_ring, sizeof(guint) * (s->n_parts + 1));
  g_checksum_update(c, (const guchar *)s->feature_part, sizeof(guint) * (s->n_features + 1));
}

/* The font files the pages are set in (as fontconfig resolves the map's
 * family, regular and bold): path, size and modification time, so that a
 * font update redraws everything. */
static void
cli_manifest_fonts(GChecksum *c)
{
  const char *styles[] = {":weight=80", ":weight=200", ":weight=80:slant=100"};
  for (guint i = 0; i < G_N_ELEMENTS(styles); i++) {
    g_autofree char *name = g_strconcat("Noto Sans", styles[i], NULL);
    FcPattern *pat = FcNameParse((const FcChar8 *)name);
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *match = FcFontMatch(NULL, pat, &res);
    FcChar8 *file = NULL;
    if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
      GStatBuf st;
      cli_manifest_str(c, (const char *)file);
      if (g_stat((const char *)file, &st) == 0) {
        cli_manifest_num(c, (double)st.st_size);
        cli_manifest_num(c, (double)st.st_mtime);
      }
    }
    if (match)
      FcPatternDestroy(match);
    FcPatternDestroy(pat);
  }
}

char *
cli_manifest_hash_common(const RenderModel *m, RenderFormat formats, double dpi)
{
  GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
  cli_manifest_str(c, "petarawan " PETARAWAN_VERSION);
  cli_manifest_str(c, cairo_version_string());
  cli_manifest_str(c, pango_version_string());
  cli_manifest_fonts(c);
  const GeoStyle *st = m->style;
  cli_manifest_str(c, st->name);
  cli_manifest_str(c, st->title);
  cli_manifest_num(c, st->method);
  cli_manifest_num(c, st->n_classes);
  cli_manifest_num(c, st->decimals);
  if (st->method != GEO_METHOD_FIXED && st->method != GEO_METHOD_CATEGORICAL) {
    /* Data-driven legends print the data's range; fixed ones do not. */
    cli_manifest_num(c, st->data_min);
    cli_manifest_num(c, st->data_max);
  }
  for (guint i = 0; i < st->n_classes; i++) {
    if (i + 1 < st->n_classes && st->breaks)
      cli_manifest_num(c, st->breaks[i]);
    cli_manifest_num(c, st->colours[i].r);
    cli_manifest_num(c, st->colours[i].g);
    cli_manifest_num(c, st->colours[i].b);
    cli_manifest_str(c, st->labels ? st->labels[i] : NULL);
    cli_manifest_str(c, st->labels_en ? st->labels_en[i] : NULL);
    cli_manifest_str(c, st->categories ? st->categories[i] : NULL);
  }
  cli_manifest_num(c, st->nodata.r);
  cli_manifest_num(c, st->nodata.g);
  cli_manifest_num(c, st->nodata.b);
  const RenderTexts *t = m->texts;
  const char *texts[] = {t->title,     t->index_name, t->index_date,   t->sources,
                         t->generated, t->marking,    t->organisation, t->unit_name,
                         t->group_kind, m->value_field};
  for (guint i = 0; i < G_N_ELEMENTS(texts); i++)
    cli_manifest_str(c, texts[i]);
  cli_manifest_num(c, t->sample_personnel);
  cli_manifest_num(c, formats);
  cli_manifest_num(c, dpi);
  cli_manifest_num(c, m->inset != NULL);
  cli_manifest_num(c, m->mono);
  const RenderPage *page = render_page_of(m);
  cli_manifest_num(c, page->paper);
  cli_manifest_num(c, page->portrait);
  cli_manifest_num(c, m->tiles ? (int)m->tile_paper : -1);
  /* Derived figures: which columns, the doctrine, the circles. */
  const GeoFigures *fig = m->figures;
  for (guint i = 0; fig && i < fig->n_types; i++) {
    cli_manifest_str(c, fig->types[i].field);
    cli_manifest_str(c, fig->types[i].label);
    cli_manifest_num(c, fig->types[i].officer);
  }
  cli_manifest_num(c, fig ? fig->tps_column : -2);
  cli_manifest_num(c, fig ? fig->dpt_column : -2);
  cli_manifest_num(c, m->officers_per_tps);
  cli_manifest_str(c, m->symbols ? m->symbols_label : NULL);
  cli_manifest_str(c, st->title_en);
  cli_manifest_str(c, render_lang_code(m->lang));
  cli_manifest_num(c, m->graticule);
  if (m->logo) {
    gsize n;
    const guchar *data = g_bytes_get_data(render_logo_get_bytes(m->logo), &n);
    cli_manifest_num(c, (double)n);
    g_checksum_update(c, data, n);
  } else {
    cli_manifest_str(c, NULL);
  }
  cli_manifest_shapes(c, m->layer->shapes);
  cli_manifest_shapes(c, m->context ? m->context->shapes : NULL);
  /* Neighbours are named on the sheets: every group's name and every
   * context area's name. */
  for (guint f = 0; m->context && f < m->context->n_features; f++)
    cli_manifest_str(c, m->context->features[f].name);
  if (m->group_names) {
    GList *keys = g_list_sort(g_hash_table_get_keys(m->group_names), (GCompareFunc)strcmp);
    for (GList *l = keys; l; l = l->next) {
      cli_manifest_str(c, l->data);
      cli_manifest_str(c, g_hash_table_lookup(m->group_names, l->data));
    }
    g_list_free(keys);
  }
  for (guint f = 0; f < m->layer->n_features; f++)
    cli_manifest_str(c, m->layer->features[f].group);
  char *hex = g_strdup(g_checksum_get_string(c));
  g_checksum_free(c);
  return hex;
}

/* Adds feature f's key, name, value, class and joined cells. */
static void
cli_manifest_feature(GChecksum *c, const RenderModel *m, guint f)
{
  const GeoFeature *ft = &m->layer->features[f];
  cli_manifest_str(c, ft->key);
  cli_manifest_str(c, ft->name);
  cli_manifest_num(c, m->values[f]);
  cli_manifest_num(c, m->classes[f]);
  for (guint i = 0; i < m->join->fields->len; i++)
    cli_manifest_str(c, geo_join_get(m->join, f, (int)i));
}

char *
cli_manifest_hash_group(const char *common, const RenderModel *m, const RenderGroup *g)
{
  GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
  cli_manifest_str(c, common);
  cli_manifest_str(c, g->code);
  cli_manifest_str(c, g->name);
  for (guint i = 0; i < g->n_features; i++)
    cli_manifest_feature(c, m, g->features[i]);
  /* The data-quality line also counts what no district's cells show
   * (ambiguous names, duplicate rows). */
  char *quality = geo_join_quality_text(m->join->report, m->layer, g->features, g->n_features,
                                        m->texts->unit_name, NULL);
  cli_manifest_str(c, quality);
  g_free(quality);
  char *hex = g_strdup(g_checksum_get_string(c));
  g_checksum_free(c);
  return hex;
}

char *
cli_manifest_hash_all(const char *common, const RenderModel *m)
{
  GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
  cli_manifest_str(c, common);
  for (guint i = 0; i < m->n_groups; i++) {
    cli_manifest_str(c, m->groups[i].code);
    cli_manifest_str(c, m->groups[i].name);
    for (guint k = 0; k < m->groups[i].n_features; k++)
      cli_manifest_feature(c, m, m->groups[i].features[k]);
    char *quality =
        geo_join_quality_text(m->join->report, m->layer, m->groups[i].features,
                              m->groups[i].n_features, m->texts->unit_name, NULL);
    cli_manifest_str(c, quality);
    g_free(quality);
  }
  char *quality =
      geo_join_quality_text(m->join->report, m->layer, NULL, 0, m->texts->unit_name, NULL);
  cli_manifest_str(c, quality);
  g_free(quality);
  char *hex = g_strdup(g_checksum_get_string(c));
  g_checksum_free(c);
  return hex;
}

const char *
cli_manifest_check(CliManifest *m, const char *dir, const char *file, const char *hash)
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
cli_manifest_set(CliManifest *m, const char *file, const char *hash)
{
  g_mutex_lock(&m->lock);
  g_hash_table_insert(m->current, g_strdup(file), g_strdup(hash));
  g_mutex_unlock(&m->lock);
}

/* ---- writing ---- */

static void
cli_manifest_input(JsonBuilder *b, const char *role, const char *path)
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
    g_autofree char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, len);
    json_builder_add_string_value(b, sum);
    json_builder_set_member_name(b, "bytes");
    json_builder_add_int_value(b, (gint64)len);
  } else {
    json_builder_add_null_value(b); /* not a plain file (PG:, /vsizip/...) */
  }
  json_builder_end_object(b);
}

static int
cli_manifest_cmp(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

gboolean
cli_manifest_write(CliManifest *m, const CliConfig *c, const GeoStyle *style, const char *dir,
                   GError **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new();
  json_builder_begin_object(b);
  json_builder_set_member_name(b, "program");
  json_builder_add_string_value(b, "petarawan " PETARAWAN_VERSION);
  g_autofree char *date = render_output_date_iso();
  json_builder_set_member_name(b, "date");
  json_builder_add_string_value(b, date);
  json_builder_set_member_name(b, "style");
  json_builder_add_string_value(b, style->name);
  json_builder_set_member_name(b, "value");
  json_builder_add_string_value(b, c->value);
  json_builder_set_member_name(b, "inputs");
  json_builder_begin_array(b);
  cli_manifest_input(b, "boundaries", c->boundaries);
  for (guint i = 0; c->tables && c->tables[i]; i++) {
    g_autofree char *src = geo_table_source(c->tables[i]);
    cli_manifest_input(b, "table", src);
  }
  if (c->context)
    cli_manifest_input(b, "context", c->context);
  if (c->logo)
    cli_manifest_input(b, "logo", c->logo);
  for (guint i = 0; c->aliases && c->aliases[i]; i++)
    cli_manifest_input(b, "aliases", c->aliases[i]);
  cli_manifest_input(b, "style", style->path);
  json_builder_end_array(b);
  /* Outputs in a stable order, with the hash each was drawn from. */
  GPtrArray *files = g_ptr_array_new();
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init(&it, m->current);
  while (g_hash_table_iter_next(&it, &k, NULL))
    g_ptr_array_add(files, k);
  g_ptr_array_sort(files, cli_manifest_cmp);
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
cli_manifest_lock(const char *dir, gboolean quiet, GError **error)
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
    if (!quiet)
      g_printerr("waiting for another build into %s to finish\n", dir);
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
cli_manifest_clean_temps(const char *dir)
{
  /* Temporary files are ".<name>.XXXXXX" (render-output.c) inside
   * staging folders ".petarawan-XXXXXX" (cli-build.c); a build that was
   * killed leaves them behind.  Under the lock none is in use. */
  GDir *d = g_dir_open(dir, 0, NULL);
  if (d == NULL)
    return;
  const char *name;
  while ((name = g_dir_read_name(d)) != NULL) {
    size_t len = strlen(name);
    if (g_str_has_prefix(name, ".petarawan-") && len == strlen(".petarawan-XXXXXX")) {
      /* A staging folder (cli-build.c) of a build that was killed. */
      g_autofree char *stage = g_build_filename(dir, name, NULL);
      cli_build_stage_remove(stage);
      continue;
    }
    if (name[0] != '.' || len < 12 || name[len - 7] != '.')
      continue;
    if (!(strstr(name, ".pdf.") || strstr(name, ".png.") || strstr(name, ".svg.")))
      continue;
    g_autofree char *path = g_build_filename(dir, name, NULL);
    g_unlink(path);
  }
  g_dir_close(d);
}

void
cli_manifest_unlock(int fd)
{
  if (fd >= 0)
    close(fd); /* releases the flock; the file stays for the next build */
}
