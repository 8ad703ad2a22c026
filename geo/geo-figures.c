/* geo-figures.c — figures derived from the personnel and workload columns:
 * per district the personnel by type, the officers (the sum of the types
 * that count as officers), polling stations (TPS) and voters (DPT); per
 * group their totals and ratios; and the coverage gap rule that turns
 * them into a list of reinforcement priorities.
 *
 * This lives in geo/ because it is arithmetic on the joined model, shared
 * by every output (sheet, table, map marks, CSV): render/ only draws what
 * is computed here.  Which columns hold what is configurable; the defaults
 * match the sample tables.  Unknown stays unknown: a district whose TPS is
 * missing or zero has no ratio (never a division by zero), and one whose
 * officer types are incomplete has no officer total, rather than a total
 * that silently counts the missing type as 0.
 */
#include "geo.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Defaults: the columns of the sample tables, with their labels. */
static const char *const geo_figures_default_officers = "personel_polri=Polri,personel_tni=TNI,"
                                                        "brimob_bko=Brimob BKO";
/* Other personnel: Linmas, and the default officer types that --officers
 * left out (types already counted as officers are skipped). */
static const char *const geo_figures_default_personnel = "personel_polri=Polri,personel_tni=TNI,"
                                                         "brimob_bko=Brimob BKO,linmas=Linmas";
static const char *const geo_figures_default_tps = "jumlah_tps";
static const char *const geo_figures_default_dpt = "jumlah_dpt";

void
geo_figures_free(GeoFigures *fig)
{
  if (fig == NULL)
    return;
  for (guint i = 0; i < fig->n_types; i++) {
    g_free(fig->types[i].field);
    g_free(fig->types[i].label);
  }
  g_free(fig->types);
  g_free(fig->officers_label);
  g_free(fig->values);
  g_free(fig->officers);
  g_free(fig->tps);
  g_free(fig->dpt);
  g_free(fig);
}

gboolean
geo_figures_has_coverage(const GeoFigures *fig)
{
  return fig != NULL && fig->n_officer_types > 0 && fig->tps_column >= 0;
}

double
geo_figures_ratio(double num, double den)
{
  if (isnan(num) || isnan(den) || den <= 0)
    return NAN;
  return num / den;
}

/* The column names of the join, for messages.  Caller frees. */
static char *
geo_figures_field_names(const GeoJoin *join)
{
  return geo_text_field_list((const char *const *)join->fields->pdata, join->fields->len, "none");
}

/* Adds the types of `list` ("FIELD[=LABEL],...") to `types`.  With
 * `required` a field missing from the join is an error; otherwise (the
 * defaults) it is skipped. */
static gboolean
geo_figures_add_types(GArray *types, const GeoJoin *join, const char *list, gboolean officer,
                      gboolean required, const char *what, GError **error)
{
  g_auto(GStrv) items = g_strsplit(list, ",", -1);
  for (guint i = 0; items[i]; i++) {
    char *item = g_strstrip(items[i]);
    if (*item == '\0')
      continue;
    char *eq = strchr(item, '=');
    char *label = NULL;
    if (eq) {
      *eq = '\0';
      label = g_strstrip(eq + 1);
      g_strstrip(item);
    }
    int col = *item ? geo_join_find_field(join, item) : -1;
    if (col < 0) {
      if (!required)
        continue;
      g_autofree char *names = geo_figures_field_names(join);
      g_autofree char *shown = geo_text_printable(item, 80);
      g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                  "%s column '%s': no such field in the tables (fields: %s)", what, shown, names);
      return FALSE;
    }
    gboolean seen = FALSE;
    for (guint k = 0; k < types->len; k++)
      if (g_array_index(types, GeoFigureType, k).column == col)
        seen = TRUE; /* named twice, or both officer and other: first wins */
    if (seen)
      continue;
    GeoFigureType t = {0};
    t.field = g_strdup(g_ptr_array_index(join->fields, col));
    t.label = g_strdup(label && *label ? label : item);
    t.column = col;
    t.officer = officer;
    g_array_append_val(types, t);
  }
  return TRUE;
}

/* The column of a single-field option: `given` must exist; the default
 * may be absent (-1). */
static gboolean
geo_figures_find_one(const GeoJoin *join, const char *given, const char *fallback, const char *what,
                     int *out, GError **error)
{
  const char *name = given ? given : fallback;
  g_autofree char *trimmed = g_strstrip(g_strdup(name));
  *out = *trimmed ? geo_join_find_field(join, trimmed) : -1;
  if (*out < 0 && given != NULL && *trimmed) {
    g_autofree char *names = geo_figures_field_names(join);
    g_autofree char *shown = geo_text_printable(trimmed, 80);
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "%s column '%s': no such field in the tables (fields: %s)", what, shown, names);
    return FALSE;
  }
  return TRUE;
}

/* TRUE when the report already names this cell as a bad value (a column
 * used both as the mapped value and as a figure is reported once). */
static gboolean
geo_figures_bad_known(const GeoJoin *join, guint f, const char *field)
{
  const GPtrArray *bad = join->report->bad_values;
  for (guint i = 0; i < bad->len; i++) {
    const GeoBadValue *b = g_ptr_array_index(bad, i);
    if (b->feature == f && strcmp(b->field, field) == 0)
      return TRUE;
  }
  return FALSE;
}

double *
geo_figures_column(GeoJoin *join, int column)
{
  double *v = g_new(double, MAX(join->n_features, 1));
  const char *field = column >= 0 ? g_ptr_array_index(join->fields, column) : NULL;
  for (guint f = 0; f < join->n_features; f++) {
    v[f] = NAN;
    const char *text = column >= 0 ? geo_join_get(join, f, column) : NULL;
    if (text == NULL || geo_number_is_missing(text))
      continue;
    /* Counts are whole numbers: "1.234" is Indonesian thousands. */
    double d;
    if (geo_number_parse(text, TRUE, &d))
      v[f] = d;
    else if (!geo_figures_bad_known(join, f, field))
      geo_join_add_bad_value(join, f, column, text);
  }
  return v;
}

GeoFigures *
geo_figures_new(GeoJoin *join, const GeoFiguresSpec *spec, GError **error)
{
  GeoFiguresSpec none = {0};
  if (spec == NULL)
    spec = &none;
  GArray *types = g_array_new(FALSE, TRUE, sizeof(GeoFigureType));
  GeoFigures *fig = g_new0(GeoFigures, 1);
  fig->tps_column = fig->dpt_column = -1;
  gboolean ok =
      geo_figures_add_types(types, join,
                            spec->officers ? spec->officers : geo_figures_default_officers, TRUE,
                            spec->officers != NULL, "officers", error) &&
      geo_figures_add_types(types, join,
                            spec->personnel ? spec->personnel : geo_figures_default_personnel,
                            FALSE, spec->personnel != NULL, "personnel", error) &&
      geo_figures_find_one(join, spec->tps, geo_figures_default_tps, "TPS", &fig->tps_column,
                           error) &&
      geo_figures_find_one(join, spec->dpt, geo_figures_default_dpt, "DPT", &fig->dpt_column,
                           error);
  fig->n_types = types->len;
  fig->types = (GeoFigureType *)g_array_free(types, FALSE);
  if (!ok) {
    geo_figures_free(fig);
    return NULL;
  }

  guint n = join->n_features;
  fig->n_features = n;
  fig->values = g_new(double, MAX((gsize)n * fig->n_types, 1));
  fig->officers = g_new(double, MAX(n, 1));
  GString *label = g_string_new(NULL);
  for (guint t = 0; t < fig->n_types; t++) {
    if (fig->types[t].officer) {
      fig->n_officer_types++;
      g_string_append_printf(label, "%s%s", label->len ? " + " : "", fig->types[t].label);
    }
    double *col = geo_figures_column(join, fig->types[t].column);
    for (guint f = 0; f < n; f++)
      fig->values[(gsize)f * fig->n_types + t] = col[f];
    g_free(col);
  }
  fig->officers_label = g_string_free(label, FALSE);
  for (guint f = 0; f < n; f++) {
    double sum = fig->n_officer_types > 0 ? 0 : NAN;
    for (guint t = 0; t < fig->n_types; t++)
      if (fig->types[t].officer)
        sum += fig->values[(gsize)f * fig->n_types + t]; /* NAN stays NAN */
    fig->officers[f] = sum;
  }
  fig->tps = geo_figures_column(join, fig->tps_column);
  fig->dpt = geo_figures_column(join, fig->dpt_column);
  return fig;
}

static int
geo_figures_cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

GeoFiguresTotals *
geo_figures_totals(const GeoFigures *fig, const guint *idx, guint n)
{
  GeoFiguresTotals *t = g_new0(GeoFiguresTotals, 1);
  t->n_features = n;
  t->types = g_new0(double, MAX(fig->n_types, 1));
  double *ratios = g_new(double, MAX(n, 1));
  guint n_ratios = 0;
  /* Paired sums: only features where both sides of a ratio are known. */
  double off_tps = 0, tps_off = 0, off_dpt = 0, dpt_off = 0;
  for (guint i = 0; i < n; i++) {
    guint f = idx ? idx[i] : i;
    for (guint k = 0; k < fig->n_types; k++) {
      double v = fig->values[(gsize)f * fig->n_types + k];
      if (!isnan(v))
        t->types[k] += v;
    }
    double o = fig->officers[f], p = fig->tps[f], d = fig->dpt[f];
    if (isnan(o))
      t->n_without_officers++;
    else
      t->officers += o;
    if (isnan(p))
      t->n_without_tps++;
    else
      t->tps += p;
    if (isnan(d))
      t->n_without_dpt++;
    else
      t->dpt += d;
    if (!isnan(o) && !isnan(p)) {
      off_tps += o;
      tps_off += p;
    }
    if (!isnan(o) && !isnan(d)) {
      off_dpt += o;
      dpt_off += d;
    }
    double r = geo_figures_ratio(o, p);
    if (!isnan(r))
      ratios[n_ratios++] = r;
  }
  t->officers_per_tps = geo_figures_ratio(off_tps, tps_off);
  t->tps_per_officer = geo_figures_ratio(tps_off, off_tps);
  t->voters_per_officer = geo_figures_ratio(dpt_off, off_dpt);
  t->median_officers_per_tps = NAN;
  if (n_ratios > 0) {
    qsort(ratios, n_ratios, sizeof(double), geo_figures_cmp_double);
    t->median_officers_per_tps =
        n_ratios % 2 ? ratios[n_ratios / 2] : (ratios[n_ratios / 2 - 1] + ratios[n_ratios / 2]) / 2;
  }
  g_free(ratios);
  return t;
}

void
geo_figures_totals_free(GeoFiguresTotals *t)
{
  if (t == NULL)
    return;
  g_free(t->types);
  g_free(t);
}

static int
geo_figures_cmp_priority(const void *a, const void *b)
{
  const GeoPriority *x = a, *y = b;
  if (x->officers_per_tps != y->officers_per_tps)
    return x->officers_per_tps < y->officers_per_tps ? -1 : 1;
  return (x->feature > y->feature) - (x->feature < y->feature);
}

GeoPriorities *
geo_figures_priorities(const GeoFigures *fig, const int *classes, int top_class, const guint *idx,
                       guint n, double doctrine)
{
  GeoPriorities *p = g_new0(GeoPriorities, 1);
  p->items = g_array_new(FALSE, FALSE, sizeof(GeoPriority));
  p->threshold = NAN;
  if (!geo_figures_has_coverage(fig) || top_class < 0)
    return p;
  p->doctrine = isfinite(doctrine) && doctrine > 0;
  if (p->doctrine) {
    p->threshold = doctrine;
  } else {
    GeoFiguresTotals *t = geo_figures_totals(fig, idx, n);
    p->threshold = t->median_officers_per_tps;
    geo_figures_totals_free(t);
  }
  for (guint i = 0; i < n; i++) {
    guint f = idx ? idx[i] : i;
    if (classes[f] != top_class)
      continue;
    p->n_top++;
    double r = geo_figures_ratio(fig->officers[f], fig->tps[f]);
    if (isnan(r)) {
      p->n_unjudged++;
      continue;
    }
    if (isnan(p->threshold) || !(r < p->threshold))
      continue;
    GeoPriority it = {f, r, 0};
    /* The officers that bring the district up to the threshold; at least
     * one, since it is below.  A tiny tolerance keeps 2 x 150 = 300 from
     * asking for a 301st officer through rounding. */
    it.shortfall = MAX(1, ceil(p->threshold * fig->tps[f] - fig->officers[f] - 1e-9));
    g_array_append_val(p->items, it);
  }
  g_array_sort(p->items, geo_figures_cmp_priority);
  return p;
}

void
geo_priorities_free(GeoPriorities *p)
{
  if (p == NULL)
    return;
  g_array_unref(p->items);
  g_free(p);
}
