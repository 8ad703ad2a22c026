/* geo-breaks.c — class breaks for data-driven choropleth styles.
 *
 * A style with method quantile, equal or jenks has no fixed breaks: they are
 * computed from the values on the map.  This file holds the three
 * computations.  All of them take sorted, finite values and write k-1 lower
 * bounds: a value v is in class c when breaks[c-1] <= v < breaks[c], so a
 * value equal to a break belongs to the upper class.  Every break written
 * is one of the data values, strictly greater than the minimum and than the
 * previous break, so no class is ever empty for quantile and jenks and the
 * number of classes returned never exceeds the number of distinct values.
 *
 * Jenks here is Fisher's (1958) exact optimal partition, not the iterative
 * heuristic often sold under the same name: a dynamic programme over the
 * distinct values (weighted by their counts) that minimises the total
 * within-class sum of squared deviations, in O(k * m^2) time for m distinct
 * values, with prefix sums giving each class's cost in O(1).
 */
#include "geo.h"

#include <math.h>
#include <stdlib.h>

/* Number of distinct values in a sorted array. */
static guint
geo_breaks_count_distinct(const double *sorted, guint n)
{
  guint d = 0;
  for (guint i = 0; i < n; i++)
    if (i == 0 || sorted[i] != sorted[i - 1])
      d++;
  return d;
}

/* Quantile breaks.  The ideal boundary before class j is rank j*n/k; ties
 * make only the starts of runs of equal values usable as boundaries (a
 * break equal to a value takes the whole run into the upper class), so each
 * boundary goes to the run start nearest the ideal rank (the lower on a
 * tie), after the previous boundary.  The break is the value at that rank. */
guint
geo_breaks_quantile(const double *sorted, guint n, guint k, double *breaks)
{
  if (n == 0 || k == 0)
    return 0;
  if (k == 1)
    return 1;

  /* Starts of runs after the first: the only usable boundary ranks. */
  guint *starts = g_new(guint, n);
  guint n_starts = 0;
  for (guint i = 1; i < n; i++)
    if (sorted[i] != sorted[i - 1])
      starts[n_starts++] = i;

  guint made = 0; /* breaks written */
  guint next = 0; /* first candidate in starts[] still unused */
  for (guint j = 1; j < k && next < n_starts; j++) {
    gint64 ideal = (gint64)j * n; /* ideal rank, scaled by k */
    guint best = next;
    gint64 best_dist = llabs((gint64)starts[next] * k - ideal);
    for (guint s = next + 1; s < n_starts; s++) {
      gint64 dist = llabs((gint64)starts[s] * k - ideal);
      if (dist >= best_dist)
        break; /* starts are increasing: distances only grow from here */
      best = s;
      best_dist = dist;
    }
    breaks[made++] = sorted[starts[best]];
    next = best + 1;
  }
  g_free(starts);
  return made + 1;
}

/* Equal-interval breaks: the range split into k equal widths, with k
 * reduced to the number of distinct values.  Intervals holding no value are
 * kept (that is what equal intervals mean); breaks that rounding makes
 * equal to the minimum or to each other are dropped. */
guint
geo_breaks_equal(const double *sorted, guint n, guint k, double *breaks)
{
  if (n == 0 || k == 0)
    return 0;
  guint distinct = geo_breaks_count_distinct(sorted, n);
  if (k > distinct)
    k = distinct;
  if (k <= 1)
    return 1;

  double lo = sorted[0], hi = sorted[n - 1];
  guint made = 0;
  for (guint j = 1; j < k; j++) {
    double b = lo + (hi - lo) * ((double)j / (double)k);
    if (!(b > lo) || b > hi)
      continue;
    if (made > 0 && !(b > breaks[made - 1]))
      continue;
    breaks[made++] = b;
  }
  return made + 1;
}

/* Within-class sum of squared deviations of groups [i, j) from prefix sums
 * of weight, weighted value and weighted square. */
static double
geo_breaks_ssd(const double *w, const double *s1, const double *s2, guint i, guint j)
{
  double weight = w[j] - w[i];
  double sum = s1[j] - s1[i];
  double ssd = (s2[j] - s2[i]) - sum * sum / weight;
  return ssd > 0.0 ? ssd : 0.0;
}

guint
geo_breaks_jenks(const double *sorted, guint n, guint k, double *breaks)
{
  if (n == 0 || k == 0)
    return 0;
  guint m = geo_breaks_count_distinct(sorted, n);
  if (k > m)
    k = m;
  if (k <= 1)
    return 1;

  /* Distinct values with their counts.  Equal values can never be split by
   * a lower-bound break, so the partition is over these groups. */
  double *value = g_new(double, m);
  double *count = g_new(double, m);
  guint g = 0;
  double mean = 0.0;
  for (guint i = 0; i < n; i++) {
    if (i == 0 || sorted[i] != sorted[i - 1]) {
      value[g] = sorted[i];
      count[g] = 0.0;
      g++;
    }
    count[g - 1] += 1.0;
    mean += (sorted[i] - mean) / (i + 1);
  }

  /* Prefix sums over values centred on the mean, which keeps the
   * "sum of squares minus square of sum" formula from cancelling badly. */
  double *w = g_new(double, m + 1);
  double *s1 = g_new(double, m + 1);
  double *s2 = g_new(double, m + 1);
  w[0] = s1[0] = s2[0] = 0.0;
  for (guint i = 0; i < m; i++) {
    double x = value[i] - mean;
    w[i + 1] = w[i] + count[i];
    s1[i + 1] = s1[i] + count[i] * x;
    s2[i + 1] = s2[i] + count[i] * x * x;
  }

  /* cost[j]: least total SSD of the first j groups in c classes, for the
   * current c; back[c*(m+1) + j]: where the last of those c classes
   * starts. */
  double *prev = g_new(double, m + 1);
  double *cur = g_new(double, m + 1);
  guint *back = g_new0(guint, (gsize)(k + 1) * (m + 1));
  for (guint j = 1; j <= m; j++)
    prev[j] = geo_breaks_ssd(w, s1, s2, 0, j);
  for (guint c = 2; c <= k; c++) {
    /* The remaining k-c classes need at least one group each. */
    guint last = m - (k - c);
    for (guint j = c; j <= last; j++) {
      double best = INFINITY;
      guint best_i = c - 1;
      for (guint i = c - 1; i < j; i++) {
        double total = prev[i] + geo_breaks_ssd(w, s1, s2, i, j);
        if (total < best) {
          best = total;
          best_i = i;
        }
      }
      cur[j] = best;
      back[(gsize)c * (m + 1) + j] = best_i;
    }
    double *swap = prev;
    prev = cur;
    cur = swap;
  }

  /* Walk back from all m groups in k classes; each class start is a break,
   * the smallest value of its class. */
  guint j = m;
  for (guint c = k; c >= 2; c--) {
    guint i = back[(gsize)c * (m + 1) + j];
    breaks[c - 2] = value[i];
    j = i;
  }

  g_free(back);
  g_free(cur);
  g_free(prev);
  g_free(s2);
  g_free(s1);
  g_free(w);
  g_free(count);
  g_free(value);
  return k;
}
