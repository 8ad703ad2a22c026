/* builder-figures.c — the build's part of the derived figures: turning
 * the settings into a GeoFigures and circle values, and
 * prioritas-penebalan.csv, the reinforcement priorities of every sheet of
 * a build in one machine-readable file for planners who take the list
 * into a spreadsheet or an operations order.  The rule and the figures are
 * geo/geo-figures.c's, the same the sheets print; the CSV goes through the
 * staging folder like every other output, and is rewritten only when it
 * changed. */
#include "builder-private.h"

#include <errno.h>
#include <math.h>
#include <string.h>

gboolean
builder_figures_read(const BuilderConfig *c, RenderLang lang, GeoJoin *join, GeoFigures **figures,
                     double **symbols, char **label, GError **error)
{
  GeoFiguresSpec spec = {c->officers, c->personnel, c->tps, c->dpt};
  GeoFigures *fig = geo_figures_new(join, &spec, error);
  if (fig == NULL)
    return FALSE;
  double *values = NULL;
  char *text = NULL;
  if (c->symbols) {
    int col = geo_join_find_field(join, c->symbols);
    if (col >= 0) {
      values = geo_figures_column(join, col);
      text = g_strdup(g_ptr_array_index(join->fields, col));
      /* A personnel type is better named by its label. */
      for (guint t = 0; t < fig->n_types; t++)
        if (fig->types[t].column == col) {
          g_free(text);
          text = g_strdup_printf(render_tr(lang, "personel %s"), fig->types[t].label);
        }
      if (col == fig->tps_column) {
        g_free(text);
        text = g_strdup(render_tr(lang, "jumlah TPS"));
      } else if (col == fig->dpt_column) {
        g_free(text);
        text = g_strdup(render_tr(lang, "jumlah pemilih (DPT)"));
      }
    } else if (g_ascii_strcasecmp(c->symbols, "officers") == 0 && fig->n_officer_types > 0) {
      values = g_memdup2(fig->officers, sizeof(double) * MAX(fig->n_features, 1));
      text = g_strdup_printf(render_tr(lang, "personel (%s)"), fig->officers_label);
    } else {
      GString *names = g_string_new(NULL);
      for (guint i = 0; i < join->fields->len && i < 20; i++)
        g_string_append_printf(names, "%s%s", i ? ", " : "",
                               (char *)g_ptr_array_index(join->fields, i));
      g_autofree char *shown = geo_text_printable(c->symbols, 80);
      g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                  "--symbols: no field '%s' in the tables (fields: %s%s)", shown,
                  names->len ? names->str : "none", fig->n_officer_types ? ", or officers" : "");
      g_string_free(names, TRUE);
      geo_figures_free(fig);
      return FALSE;
    }
  }
  *figures = fig;
  *symbols = values;
  *label = text;
  return TRUE;
}

/* Appends a CSV field, quoted when it needs to be. */
static void
builder_priorities_field(GString *s, const char *text, gboolean last)
{
  const char *t = text ? text : "";
  if (strpbrk(t, ",\"\r\n")) {
    g_string_append_c(s, '"');
    for (const char *p = t; *p; p++) {
      if (*p == '"')
        g_string_append_c(s, '"');
      g_string_append_c(s, *p);
    }
    g_string_append_c(s, '"');
  } else {
    g_string_append(s, t);
  }
  g_string_append_c(s, last ? '\n' : ',');
}

/* A number with `decimals` digits and a '.' point, or "" when unknown. */
static void
builder_priorities_number(GString *s, double v, int decimals)
{
  if (!isfinite(v)) {
    g_string_append_c(s, ',');
    return;
  }
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *fmt = g_strdup_printf("%%.%df", decimals);
  g_string_append(s, g_ascii_formatd(buf, sizeof buf, fmt, v));
  g_string_append_c(s, ',');
}

char *
builder_priorities_csv(const RenderModel *m)
{
  const GeoStyle *st = m->style;
  if (!geo_figures_has_coverage(m->figures) || st->n_classes == 0)
    return NULL;
  const GeoFigures *fig = m->figures;
  GString *s = g_string_new("kode_kelompok,nama_kelompok,kode,nama,skor,kelas,personel,tps,"
                            "personel_per_tps,ambang,dasar,kekurangan\n");
  int top = (int)st->n_classes - 1;
  const char *top_label = st->labels ? st->labels[top] : NULL;
  g_autofree char *top_text = top_label ? g_strdup(top_label) : g_strdup_printf("%d", top + 1);
  for (guint i = 0; i < m->n_groups; i++) {
    const RenderGroup *g = &m->groups[i];
    GeoPriorities *pr = geo_figures_priorities(fig, m->classes, top, g->features, g->n_features,
                                               m->officers_per_tps);
    for (guint k = 0; k < pr->items->len; k++) {
      const GeoPriority *it = &g_array_index(pr->items, GeoPriority, k);
      const GeoFeature *ft = &m->layer->features[it->feature];
      builder_priorities_field(s, g->code, FALSE);
      builder_priorities_field(s, g->name, FALSE);
      builder_priorities_field(s, ft->key, FALSE);
      builder_priorities_field(s, ft->name, FALSE);
      builder_priorities_number(s, m->values[it->feature], MAX(st->decimals, 0));
      builder_priorities_field(s, top_text, FALSE);
      builder_priorities_number(s, fig->officers[it->feature], 0);
      builder_priorities_number(s, fig->tps[it->feature], 0);
      builder_priorities_number(s, it->officers_per_tps, 4);
      builder_priorities_number(s, pr->threshold, 4);
      builder_priorities_field(s, pr->doctrine ? "doktrin" : "median", FALSE);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      builder_priorities_field(s, g_ascii_formatd(buf, sizeof buf, "%.0f", it->shortfall), TRUE);
    }
    geo_priorities_free(pr);
  }
  return g_string_free(s, FALSE);
}

gboolean
builder_priorities_write(const RenderModel *m, BuilderManifest *manifest, const char *dir,
                         const char *stage, gboolean force, GError **error)
{
  g_autofree char *csv = builder_priorities_csv(m);
  if (csv == NULL)
    return TRUE;
  /* The file is its own hash: rewritten only when its text changes. */
  g_autofree char *hash = g_compute_checksum_for_string(G_CHECKSUM_SHA256, csv, -1);
  if (force || builder_manifest_check(manifest, dir, BUILDER_PRIORITIES_FILE, hash) != NULL) {
    g_autofree char *path = g_build_filename(stage, BUILDER_PRIORITIES_FILE, NULL);
    GError *err = NULL;
    if (!g_file_set_contents(path, csv, -1, &err)) {
      g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: %s", path, err->message);
      g_error_free(err);
      return FALSE;
    }
  }
  builder_manifest_set(manifest, BUILDER_PRIORITIES_FILE, hash);
  return TRUE;
}
