/* render-model.c — what the pages of a RenderModel are drawn from, as
 * SHA-256 hashes for the manifest of incremental builds (builder/): the
 * program and library versions, the font files, the style as resolved
 * (breaks, colours), the page texts, formats, the boundary and context
 * geometry, and for a sheet its group's districts (key, name, value,
 * class and every joined cell); the overview and atlas hash every
 * district.  The hashes live here, next to the model they hash, with a
 * table of every field of RenderModel saying how the hashes take it in
 * (render_model_fields): tests/test-model.c fails when a field is added
 * to the struct and not to the table, and when a field the table calls
 * hashed does not change the hash. */
#include "render-private.h"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <pango/pango.h>
#include <stddef.h>
#include <string.h>

#define RENDER_MODEL_FIELD(field, kind, hashed, how)                                               \
  {                                                                                                \
#field, offsetof(RenderModel, field), sizeof(((RenderModel *)0)->field), kind, hashed, how     \
  }

static const RenderModelField render_model_field_table[] = {
    RENDER_MODEL_FIELD(layer, RENDER_MODEL_FIELD_POINTER, TRUE,
                       "common: geometry and group of every feature; group/all: key and name"),
    RENDER_MODEL_FIELD(context, RENDER_MODEL_FIELD_POINTER, TRUE, "common: geometry and names"),
    RENDER_MODEL_FIELD(style, RENDER_MODEL_FIELD_POINTER, TRUE,
                       "common: name, titles, method, classes, breaks, colours, labels"),
    RENDER_MODEL_FIELD(join, RENDER_MODEL_FIELD_POINTER, TRUE,
                       "group/all: every joined cell, the data-quality line"),
    RENDER_MODEL_FIELD(values, RENDER_MODEL_FIELD_FEATURE_DOUBLES, TRUE, "group/all"),
    RENDER_MODEL_FIELD(classes, RENDER_MODEL_FIELD_FEATURE_INTS, TRUE, "group/all"),
    RENDER_MODEL_FIELD(value_field, RENDER_MODEL_FIELD_STRING, TRUE, "common"),
    RENDER_MODEL_FIELD(figures, RENDER_MODEL_FIELD_POINTER, TRUE,
                       "common: the columns and labels; their cells through the join"),
    RENDER_MODEL_FIELD(officers_per_tps, RENDER_MODEL_FIELD_DOUBLE, TRUE, "common"),
    RENDER_MODEL_FIELD(symbols, RENDER_MODEL_FIELD_POINTER, FALSE,
                       "values of a joined column (or the officers' sum of joined columns): "
                       "hashed as the join's cells; whether there are any, with symbols_label"),
    RENDER_MODEL_FIELD(symbols_label, RENDER_MODEL_FIELD_STRING, TRUE, "common, with symbols"),
    RENDER_MODEL_FIELD(texts, RENDER_MODEL_FIELD_POINTER, TRUE, "common: every text"),
    RENDER_MODEL_FIELD(groups, RENDER_MODEL_FIELD_POINTER, TRUE,
                       "group: its own code, name and features; all: every group's"),
    RENDER_MODEL_FIELD(n_groups, RENDER_MODEL_FIELD_UINT, TRUE, "all"),
    RENDER_MODEL_FIELD(inset, RENDER_MODEL_FIELD_PRESENCE, TRUE,
                       "common: whether there is one (it is made from the layer)"),
    RENDER_MODEL_FIELD(mono, RENDER_MODEL_FIELD_BOOL, TRUE, "common"),
    RENDER_MODEL_FIELD(page, RENDER_MODEL_FIELD_POINTER, TRUE,
                       "common: paper and orientation (the rest follows from them)"),
    RENDER_MODEL_FIELD(tiles, RENDER_MODEL_FIELD_BOOL, TRUE, "common"),
    RENDER_MODEL_FIELD(tile_paper, RENDER_MODEL_FIELD_INT, TRUE, "common, with tiles"),
    RENDER_MODEL_FIELD(lang, RENDER_MODEL_FIELD_INT, TRUE, "common"),
    RENDER_MODEL_FIELD(graticule, RENDER_MODEL_FIELD_BOOL, TRUE, "common"),
    RENDER_MODEL_FIELD(logo, RENDER_MODEL_FIELD_POINTER, TRUE, "common: the file's bytes"),
    RENDER_MODEL_FIELD(group_names, RENDER_MODEL_FIELD_POINTER, TRUE,
                       "common: every group's code and name"),
    RENDER_MODEL_FIELD(date, RENDER_MODEL_FIELD_INT64, FALSE,
                       "its day is on the pages as texts->generated (hashed); its time of day "
                       "is only in the PDF metadata, and a rebuild within the day keeps "
                       "what is unchanged"),
};

const RenderModelField *
render_model_fields(guint *n)
{
  *n = G_N_ELEMENTS(render_model_field_table);
  return render_model_field_table;
}

static void
render_model_hash_str(GChecksum *c, const char *s)
{
  /* Length-prefixed, so "ab"+"c" and "a"+"bc" differ. */
  guint32 n = s ? (guint32)strlen(s) : 0xffffffffu;
  g_checksum_update(c, (const guchar *)&n, sizeof n);
  if (s)
    g_checksum_update(c, (const guchar *)s, n);
}

static void
render_model_hash_num(GChecksum *c, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  render_model_hash_str(c, g_ascii_dtostr(buf, sizeof buf, v));
}

static void
render_model_hash_shapes(GChecksum *c, const GeoShapes *s)
{
  if (s == NULL) {
    render_model_hash_str(c, NULL);
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
render_model_hash_fonts(GChecksum *c)
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
      render_model_hash_str(c, (const char *)file);
      if (g_stat((const char *)file, &st) == 0) {
        render_model_hash_num(c, (double)st.st_size);
        render_model_hash_num(c, (double)st.st_mtime);
      }
    }
    if (match)
      FcPatternDestroy(match);
    FcPatternDestroy(pat);
  }
}

char *
render_model_hash_common(const RenderModel *m, RenderFormat formats, double dpi)
{
  GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
  render_model_hash_str(c, "petarawan " PETARAWAN_VERSION);
  render_model_hash_str(c, cairo_version_string());
  render_model_hash_str(c, pango_version_string());
  render_model_hash_fonts(c);
  const GeoStyle *st = m->style;
  render_model_hash_str(c, st->name);
  render_model_hash_str(c, st->title);
  render_model_hash_num(c, st->method);
  render_model_hash_num(c, st->n_classes);
  render_model_hash_num(c, st->decimals);
  if (st->method != GEO_METHOD_FIXED && st->method != GEO_METHOD_CATEGORICAL) {
    /* Data-driven legends print the data's range; fixed ones do not. */
    render_model_hash_num(c, st->data_min);
    render_model_hash_num(c, st->data_max);
  }
  for (guint i = 0; i < st->n_classes; i++) {
    if (i + 1 < st->n_classes && st->breaks)
      render_model_hash_num(c, st->breaks[i]);
    render_model_hash_num(c, st->colours[i].r);
    render_model_hash_num(c, st->colours[i].g);
    render_model_hash_num(c, st->colours[i].b);
    render_model_hash_str(c, st->labels ? st->labels[i] : NULL);
    render_model_hash_str(c, st->labels_en ? st->labels_en[i] : NULL);
    render_model_hash_str(c, st->categories ? st->categories[i] : NULL);
  }
  render_model_hash_num(c, st->nodata.r);
  render_model_hash_num(c, st->nodata.g);
  render_model_hash_num(c, st->nodata.b);
  const RenderTexts *t = m->texts;
  const char *texts[] = {t->title,   t->index_name,   t->index_date, t->sources,    t->generated,
                         t->marking, t->organisation, t->unit_name,  t->group_kind, m->value_field};
  for (guint i = 0; i < G_N_ELEMENTS(texts); i++)
    render_model_hash_str(c, texts[i]);
  render_model_hash_num(c, t->sample_personnel);
  render_model_hash_num(c, formats);
  render_model_hash_num(c, dpi);
  render_model_hash_num(c, m->inset != NULL);
  render_model_hash_num(c, m->mono);
  const RenderPage *page = render_page_of(m);
  render_model_hash_num(c, page->paper);
  render_model_hash_num(c, page->portrait);
  render_model_hash_num(c, m->tiles ? (int)m->tile_paper : -1);
  /* Derived figures: which columns, the doctrine, the circles. */
  const GeoFigures *fig = m->figures;
  for (guint i = 0; fig && i < fig->n_types; i++) {
    render_model_hash_str(c, fig->types[i].field);
    render_model_hash_str(c, fig->types[i].label);
    render_model_hash_num(c, fig->types[i].officer);
  }
  render_model_hash_num(c, fig ? fig->tps_column : -2);
  render_model_hash_num(c, fig ? fig->dpt_column : -2);
  render_model_hash_num(c, m->officers_per_tps);
  render_model_hash_str(c, m->symbols ? m->symbols_label : NULL);
  render_model_hash_str(c, st->title_en);
  render_model_hash_str(c, render_lang_code(m->lang));
  render_model_hash_num(c, m->graticule);
  if (m->logo) {
    gsize n;
    const guchar *data = g_bytes_get_data(render_logo_get_bytes(m->logo), &n);
    render_model_hash_num(c, (double)n);
    g_checksum_update(c, data, n);
  } else {
    render_model_hash_str(c, NULL);
  }
  render_model_hash_shapes(c, m->layer->shapes);
  render_model_hash_shapes(c, m->context ? m->context->shapes : NULL);
  /* Neighbours are named on the sheets: every group's name and every
   * context area's name. */
  for (guint f = 0; m->context && f < m->context->n_features; f++)
    render_model_hash_str(c, m->context->features[f].name);
  if (m->group_names) {
    GList *keys = g_list_sort(g_hash_table_get_keys(m->group_names), (GCompareFunc)strcmp);
    for (GList *l = keys; l; l = l->next) {
      render_model_hash_str(c, l->data);
      render_model_hash_str(c, g_hash_table_lookup(m->group_names, l->data));
    }
    g_list_free(keys);
  }
  for (guint f = 0; f < m->layer->n_features; f++)
    render_model_hash_str(c, m->layer->features[f].group);
  char *hex = g_strdup(g_checksum_get_string(c));
  g_checksum_free(c);
  return hex;
}

/* Adds feature f's key, name, value, class and joined cells. */
static void
render_model_hash_feature(GChecksum *c, const RenderModel *m, guint f)
{
  const GeoFeature *ft = &m->layer->features[f];
  render_model_hash_str(c, ft->key);
  render_model_hash_str(c, ft->name);
  render_model_hash_num(c, m->values[f]);
  render_model_hash_num(c, m->classes[f]);
  for (guint i = 0; i < m->join->fields->len; i++)
    render_model_hash_str(c, geo_join_get(m->join, f, (int)i));
}

char *
render_model_hash_group(const char *common, const RenderModel *m, const RenderGroup *g)
{
  GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
  render_model_hash_str(c, common);
  render_model_hash_str(c, g->code);
  render_model_hash_str(c, g->name);
  for (guint i = 0; i < g->n_features; i++)
    render_model_hash_feature(c, m, g->features[i]);
  /* The data-quality line also counts what no district's cells show
   * (ambiguous names, duplicate rows). */
  char *quality = render_quality_text_for(m->join->report, m->layer, g->features, g->n_features,
                                          m->texts->unit_name, NULL);
  render_model_hash_str(c, quality);
  g_free(quality);
  char *hex = g_strdup(g_checksum_get_string(c));
  g_checksum_free(c);
  return hex;
}

char *
render_model_hash_all(const char *common, const RenderModel *m)
{
  GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
  render_model_hash_str(c, common);
  for (guint i = 0; i < m->n_groups; i++) {
    render_model_hash_str(c, m->groups[i].code);
    render_model_hash_str(c, m->groups[i].name);
    for (guint k = 0; k < m->groups[i].n_features; k++)
      render_model_hash_feature(c, m, m->groups[i].features[k]);
    char *quality = render_quality_text_for(m->join->report, m->layer, m->groups[i].features,
                                            m->groups[i].n_features, m->texts->unit_name, NULL);
    render_model_hash_str(c, quality);
    g_free(quality);
  }
  char *quality =
      render_quality_text_for(m->join->report, m->layer, NULL, 0, m->texts->unit_name, NULL);
  render_model_hash_str(c, quality);
  g_free(quality);
  char *hex = g_strdup(g_checksum_get_string(c));
  g_checksum_free(c);
  return hex;
}
