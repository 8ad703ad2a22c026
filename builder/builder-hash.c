/* builder-hash.c — what each output is drawn from, as a SHA-256: the
 * program and library versions, the font files, the style as resolved
 * (breaks, colours), the page texts, formats, the boundary and context
 * geometry, and for a sheet its group's districts (key, name, value,
 * class and every joined cell); the overview and atlas hash every
 * district.  builder-manifest.c records these hashes; an output whose
 * hash is unchanged is not drawn again. */
#include "builder-private.h"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <pango/pango.h>
#include <string.h>

static void
builder_hash_str(GChecksum *c, const char *s)
{
  /* Length-prefixed, so "ab"+"c" and "a"+"bc" differ. */
  guint32 n = s ? (guint32)strlen(s) : 0xffffffffu;
  g_checksum_update(c, (const guchar *)&n, sizeof n);
  if (s)
    g_checksum_update(c, (const guchar *)s, n);
}

static void
builder_hash_num(GChecksum *c, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  builder_hash_str(c, g_ascii_dtostr(buf, sizeof buf, v));
}

static void
builder_hash_shapes(GChecksum *c, const GeoShapes *s)
{
  if (s == NULL) {
    builder_hash_str(c, NULL);
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
builder_hash_fonts(GChecksum *c)
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
      builder_hash_str(c, (const char *)file);
      if (g_stat((const char *)file, &st) == 0) {
        builder_hash_num(c, (double)st.st_size);
        builder_hash_num(c, (double)st.st_mtime);
      }
    }
    if (match)
      FcPatternDestroy(match);
    FcPatternDestroy(pat);
  }
}

char *
builder_hash_common(const RenderModel *m, RenderFormat formats, double dpi)
{
  GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
  builder_hash_str(c, "petarawan " PETARAWAN_VERSION);
  builder_hash_str(c, cairo_version_string());
  builder_hash_str(c, pango_version_string());
  builder_hash_fonts(c);
  const GeoStyle *st = m->style;
  builder_hash_str(c, st->name);
  builder_hash_str(c, st->title);
  builder_hash_num(c, st->method);
  builder_hash_num(c, st->n_classes);
  builder_hash_num(c, st->decimals);
  if (st->method != GEO_METHOD_FIXED && st->method != GEO_METHOD_CATEGORICAL) {
    /* Data-driven legends print the data's range; fixed ones do not. */
    builder_hash_num(c, st->data_min);
    builder_hash_num(c, st->data_max);
  }
  for (guint i = 0; i < st->n_classes; i++) {
    if (i + 1 < st->n_classes && st->breaks)
      builder_hash_num(c, st->breaks[i]);
    builder_hash_num(c, st->colours[i].r);
    builder_hash_num(c, st->colours[i].g);
    builder_hash_num(c, st->colours[i].b);
    builder_hash_str(c, st->labels ? st->labels[i] : NULL);
    builder_hash_str(c, st->labels_en ? st->labels_en[i] : NULL);
    builder_hash_str(c, st->categories ? st->categories[i] : NULL);
  }
  builder_hash_num(c, st->nodata.r);
  builder_hash_num(c, st->nodata.g);
  builder_hash_num(c, st->nodata.b);
  const RenderTexts *t = m->texts;
  const char *texts[] = {t->title,     t->index_name, t->index_date,   t->sources,
                         t->generated, t->marking,    t->organisation, t->unit_name,
                         t->group_kind, m->value_field};
  for (guint i = 0; i < G_N_ELEMENTS(texts); i++)
    builder_hash_str(c, texts[i]);
  builder_hash_num(c, t->sample_personnel);
  builder_hash_num(c, formats);
  builder_hash_num(c, dpi);
  builder_hash_num(c, m->inset != NULL);
  builder_hash_num(c, m->mono);
  const RenderPage *page = render_page_of(m);
  builder_hash_num(c, page->paper);
  builder_hash_num(c, page->portrait);
  builder_hash_num(c, m->tiles ? (int)m->tile_paper : -1);
  /* Derived figures: which columns, the doctrine, the circles. */
  const GeoFigures *fig = m->figures;
  for (guint i = 0; fig && i < fig->n_types; i++) {
    builder_hash_str(c, fig->types[i].field);
    builder_hash_str(c, fig->types[i].label);
    builder_hash_num(c, fig->types[i].officer);
  }
  builder_hash_num(c, fig ? fig->tps_column : -2);
  builder_hash_num(c, fig ? fig->dpt_column : -2);
  builder_hash_num(c, m->officers_per_tps);
  builder_hash_str(c, m->symbols ? m->symbols_label : NULL);
  builder_hash_str(c, st->title_en);
  builder_hash_str(c, render_lang_code(m->lang));
  builder_hash_num(c, m->graticule);
  if (m->logo) {
    gsize n;
    const guchar *data = g_bytes_get_data(render_logo_get_bytes(m->logo), &n);
    builder_hash_num(c, (double)n);
    g_checksum_update(c, data, n);
  } else {
    builder_hash_str(c, NULL);
  }
  builder_hash_shapes(c, m->layer->shapes);
  builder_hash_shapes(c, m->context ? m->context->shapes : NULL);
  /* Neighbours are named on the sheets: every group's name and every
   * context area's name. */
  for (guint f = 0; m->context && f < m->context->n_features; f++)
    builder_hash_str(c, m->context->features[f].name);
  if (m->group_names) {
    GList *keys = g_list_sort(g_hash_table_get_keys(m->group_names), (GCompareFunc)strcmp);
    for (GList *l = keys; l; l = l->next) {
      builder_hash_str(c, l->data);
      builder_hash_str(c, g_hash_table_lookup(m->group_names, l->data));
    }
    g_list_free(keys);
  }
  for (guint f = 0; f < m->layer->n_features; f++)
    builder_hash_str(c, m->layer->features[f].group);
  char *hex = g_strdup(g_checksum_get_string(c));
  g_checksum_free(c);
  return hex;
}

/* Adds feature f's key, name, value, class and joined cells. */
static void
builder_hash_feature(GChecksum *c, const RenderModel *m, guint f)
{
  const GeoFeature *ft = &m->layer->features[f];
  builder_hash_str(c, ft->key);
  builder_hash_str(c, ft->name);
  builder_hash_num(c, m->values[f]);
  builder_hash_num(c, m->classes[f]);
  for (guint i = 0; i < m->join->fields->len; i++)
    builder_hash_str(c, geo_join_get(m->join, f, (int)i));
}

char *
builder_hash_group(const char *common, const RenderModel *m, const RenderGroup *g)
{
  GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
  builder_hash_str(c, common);
  builder_hash_str(c, g->code);
  builder_hash_str(c, g->name);
  for (guint i = 0; i < g->n_features; i++)
    builder_hash_feature(c, m, g->features[i]);
  /* The data-quality line also counts what no district's cells show
   * (ambiguous names, duplicate rows). */
  char *quality = geo_join_quality_text(m->join->report, m->layer, g->features, g->n_features,
                                        m->texts->unit_name, NULL);
  builder_hash_str(c, quality);
  g_free(quality);
  char *hex = g_strdup(g_checksum_get_string(c));
  g_checksum_free(c);
  return hex;
}

char *
builder_hash_all(const char *common, const RenderModel *m)
{
  GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
  builder_hash_str(c, common);
  for (guint i = 0; i < m->n_groups; i++) {
    builder_hash_str(c, m->groups[i].code);
    builder_hash_str(c, m->groups[i].name);
    for (guint k = 0; k < m->groups[i].n_features; k++)
      builder_hash_feature(c, m, m->groups[i].features[k]);
    char *quality =
        geo_join_quality_text(m->join->report, m->layer, m->groups[i].features,
                              m->groups[i].n_features, m->texts->unit_name, NULL);
    builder_hash_str(c, quality);
    g_free(quality);
  }
  char *quality =
      geo_join_quality_text(m->join->report, m->layer, NULL, 0, m->texts->unit_name, NULL);
  builder_hash_str(c, quality);
  g_free(quality);
  char *hex = g_strdup(g_checksum_get_string(c));
  g_checksum_free(c);
  return hex;
}

