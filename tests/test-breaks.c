/* test-breaks.c — quantile, equal-interval and Fisher-Jenks class breaks.
 *
 * Jenks is checked two ways: against published examples whose optimal
 * classes are documented, and against an exhaustive search over every
 * partition of small seeded random datasets, so "optimal" is proven on the
 * cases we can afford to enumerate rather than assumed.
 */
#include "geo.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Class of v under lower-bound breaks. */
static guint
test_breaks_class(const double *breaks, guint n_breaks, double v)
{
  guint c = 0;
  while (c < n_breaks && breaks[c] <= v)
    c++;
  return c;
}

/* Total within-class SSD of sorted[0..n-1] split by lower-bound breaks. */
static double
test_breaks_total_ssd(const double *sorted, guint n, const double *breaks, guint n_classes)
{
  double total = 0.0;
  guint i = 0;
  for (guint c = 0; c < n_classes; c++) {
    guint start = i;
    double sum = 0.0;
    while (i < n && test_breaks_class(breaks, n_classes - 1, sorted[i]) == c)
      sum += sorted[i++];
    if (i == start)
      continue;
    double mean = sum / (i - start);
    for (guint j = start; j < i; j++)
      total += (sorted[j] - mean) * (sorted[j] - mean);
  }
  g_assert_cmpuint(i, ==, n);
  return total;
}

/* Checks the breaks are a valid result: strictly ascending data values
 * above the minimum, every class non-empty. */
static void
test_breaks_check_valid(const double *sorted, guint n, const double *breaks, guint made)
{
  g_assert_cmpuint(made, >=, 1);
  for (guint b = 0; b + 1 < made; b++) {
    g_assert_cmpfloat(breaks[b], >, sorted[0]);
    if (b > 0)
      g_assert_cmpfloat(breaks[b], >, breaks[b - 1]);
    gboolean is_value = FALSE;
    for (guint i = 0; i < n; i++)
      is_value = is_value || sorted[i] == breaks[b];
    g_assert_true(is_value);
  }
  guint *count = g_new0(guint, made);
  for (guint i = 0; i < n; i++)
    count[test_breaks_class(breaks, made - 1, sorted[i])]++;
  for (guint c = 0; c < made; c++)
    g_assert_cmpuint(count[c], >, 0);
  g_free(count);
}

static guint
test_breaks_distinct(const double *sorted, guint n)
{
  guint d = 0;
  for (guint i = 0; i < n; i++)
    if (i == 0 || sorted[i] != sorted[i - 1])
      d++;
  return d;
}

/* Exhaustive search: the least SSD over every choice of `left` more cut
 * ranks from cuts[from..], where a cut rank is the start of a class. */
static double
test_breaks_brute(const double *sorted, guint n, const guint *cuts, guint n_cuts, guint from,
                  guint left, double *chosen, guint depth)
{
  if (left == 0)
    return test_breaks_total_ssd(sorted, n, chosen, depth + 1);
  double best = INFINITY;
  for (guint c = from; c + left <= n_cuts; c++) {
    chosen[depth] = sorted[cuts[c]];
    double v = test_breaks_brute(sorted, n, cuts, n_cuts, c + 1, left - 1, chosen, depth + 1);
    if (v < best)
      best = v;
  }
  return best;
}

static double
test_breaks_optimum(const double *sorted, guint n, guint k)
{
  guint *cuts = g_new(guint, n);
  guint n_cuts = 0;
  for (guint i = 1; i < n; i++)
    if (sorted[i] != sorted[i - 1])
      cuts[n_cuts++] = i;
  double chosen[16];
  g_assert_cmpuint(k, <=, G_N_ELEMENTS(chosen));
  double best = test_breaks_brute(sorted, n, cuts, n_cuts, 0, k - 1, chosen, 0);
  g_free(cuts);
  return best;
}

static int
test_breaks_cmp(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* simple-statistics documents jenks([1, 2, 4, 5, 7, 9, 10, 20], 3) as
 * [1, 7, 20, 20]: classes {1,2,4,5} {7,9,10} {20}, i.e. lower bounds 7 and
 * 20.  Its ckmeans (Wang & Song's optimal k-means, the same objective)
 * documents [-1, 2, -1, 2, 4, 5, 6, -1, 2, -1] in 3 clusters as
 * [-1 x4] [2 x3] [4, 5, 6]. */
static void
test_jenks_published(void)
{
  const double a[] = {1, 2, 4, 5, 7, 9, 10, 20};
  double breaks[8];
  g_assert_cmpuint(geo_breaks_jenks(a, 8, 3, breaks), ==, 3);
  g_assert_cmpfloat(breaks[0], ==, 7.0);
  g_assert_cmpfloat(breaks[1], ==, 20.0);
  /* SSD 10 + 14/3 + 0, and nothing beats it. */
  g_assert_cmpfloat_with_epsilon(test_breaks_total_ssd(a, 8, breaks, 3), 10.0 + 14.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon(test_breaks_optimum(a, 8, 3), 10.0 + 14.0 / 3.0, 1e-9);

  const double b[] = {-1, -1, -1, -1, 2, 2, 2, 4, 5, 6};
  g_assert_cmpuint(geo_breaks_jenks(b, 10, 3, breaks), ==, 3);
  g_assert_cmpfloat(breaks[0], ==, 2.0);
  g_assert_cmpfloat(breaks[1], ==, 4.0);
  g_assert_cmpfloat_with_epsilon(test_breaks_total_ssd(b, 10, breaks, 3),
                                 test_breaks_optimum(b, 10, 3), 1e-9);
}

/* Fisher-Jenks against exhaustive search on seeded random data: continuous
 * values, tied small integers, and values with a large offset. */
static void
test_jenks_brute_force(void)
{
  GRand *rand = g_rand_new_with_seed(20240214);
  guint checked = 0;
  for (guint trial = 0; trial < 120; trial++) {
    guint n = 1 + trial % 13;
    double v[16], breaks[16];
    for (guint i = 0; i < n; i++) {
      switch (trial % 3) {
      case 0: v[i] = g_rand_double_range(rand, -50.0, 150.0); break;
      case 1:
        v[i] = g_rand_int_range(rand, 0, 6); /* many ties */
        break;
      default: v[i] = 1e7 + g_rand_double_range(rand, 0.0, 1.0); break;
      }
    }
    qsort(v, n, sizeof(double), test_breaks_cmp);
    guint distinct = test_breaks_distinct(v, n);
    for (guint k = 1; k <= 7; k++) {
      guint made = geo_breaks_jenks(v, n, k, breaks);
      g_assert_cmpuint(made, ==, MIN(k, distinct));
      test_breaks_check_valid(v, n, breaks, made);
      double got = test_breaks_total_ssd(v, n, breaks, made);
      double best = test_breaks_optimum(v, n, made);
      double tol = 1e-9 * (1.0 + fabs(best)) + 1e-9;
      if (got > best + tol)
        g_error("trial %u, n=%u k=%u: jenks SSD %.12g but optimum %.12g", trial, n, k, got, best);
      checked++;
    }
  }
  g_rand_free(rand);
  g_test_message("%u datasets x k checked against exhaustive search", checked);
}

/* Fewer distinct values than classes, all equal, n=0, k=1. */
static void
test_jenks_edges(void)
{
  double breaks[8];
  const double few[] = {1, 1, 5, 5, 9};
  g_assert_cmpuint(geo_breaks_jenks(few, 5, 5, breaks), ==, 3);
  g_assert_cmpfloat(breaks[0], ==, 5.0);
  g_assert_cmpfloat(breaks[1], ==, 9.0);

  const double same[] = {4, 4, 4, 4};
  g_assert_cmpuint(geo_breaks_jenks(same, 4, 3, breaks), ==, 1);
  g_assert_cmpuint(geo_breaks_jenks(same, 4, 1, breaks), ==, 1);
  g_assert_cmpuint(geo_breaks_jenks(NULL, 0, 3, breaks), ==, 0);
  g_assert_cmpuint(geo_breaks_jenks(few, 5, 1, breaks), ==, 1);

  /* Two clear groups. */
  const double two[] = {1, 1.1, 1.2, 50, 50.5};
  g_assert_cmpuint(geo_breaks_jenks(two, 5, 2, breaks), ==, 2);
  g_assert_cmpfloat(breaks[0], ==, 50.0);

  /* A few hundred values (a national kab/kota map) stays exact and quick. */
  GRand *rand = g_rand_new_with_seed(514);
  double *big = g_new(double, 514);
  for (guint i = 0; i < 514; i++)
    big[i] = 100.0 * pow(g_rand_double(rand), 2.0);
  qsort(big, 514, sizeof(double), test_breaks_cmp);
  g_assert_cmpuint(geo_breaks_jenks(big, 514, 7, breaks), ==, 7);
  test_breaks_check_valid(big, 514, breaks, 7);
  g_free(big);
  g_rand_free(rand);
}

static void
test_quantile(void)
{
  double breaks[8];
  const double ten[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

  /* Ideal ranks 2, 4, 6, 8: two values per class. */
  g_assert_cmpuint(geo_breaks_quantile(ten, 10, 5, breaks), ==, 5);
  const double want5[] = {3, 5, 7, 9};
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat(breaks[i], ==, want5[i]);

  /* Ideal ranks 2.5, 5, 7.5: halves go to the lower rank: 2, 3, 2, 3. */
  g_assert_cmpuint(geo_breaks_quantile(ten, 10, 4, breaks), ==, 4);
  g_assert_cmpfloat(breaks[0], ==, 3.0);
  g_assert_cmpfloat(breaks[1], ==, 6.0);
  g_assert_cmpfloat(breaks[2], ==, 8.0);

  /* Quartiles of 1..100 split at 26, 51, 76: 25 values each. */
  double hundred[100];
  for (guint i = 0; i < 100; i++)
    hundred[i] = i + 1;
  g_assert_cmpuint(geo_breaks_quantile(hundred, 100, 4, breaks), ==, 4);
  g_assert_cmpfloat(breaks[0], ==, 26.0);
  g_assert_cmpfloat(breaks[1], ==, 51.0);
  g_assert_cmpfloat(breaks[2], ==, 76.0);

  g_assert_cmpuint(geo_breaks_quantile(ten, 10, 1, breaks), ==, 1);
  g_assert_cmpuint(geo_breaks_quantile(NULL, 0, 4, breaks), ==, 0);
}

static void
test_quantile_ties(void)
{
  double breaks[8];

  /* The value at rank 5 is the minimum; splitting there would leave class
   * 0 empty, so the boundary moves to the end of the run: 7 and 3. */
  const double low[] = {1, 1, 1, 1, 1, 1, 1, 2, 3, 4};
  g_assert_cmpuint(geo_breaks_quantile(low, 10, 2, breaks), ==, 2);
  g_assert_cmpfloat(breaks[0], ==, 2.0);

  /* A long run in the middle: 1 | 2 x8 | 3. */
  const double mid[] = {1, 2, 2, 2, 2, 2, 2, 2, 2, 3};
  g_assert_cmpuint(geo_breaks_quantile(mid, 10, 3, breaks), ==, 3);
  g_assert_cmpfloat(breaks[0], ==, 2.0);
  g_assert_cmpfloat(breaks[1], ==, 3.0);

  /* The run of 3s straddles the median: 5 | 3 beats 2 | 6. */
  const double run[] = {1, 2, 3, 3, 3, 4, 5, 6};
  g_assert_cmpuint(geo_breaks_quantile(run, 8, 2, breaks), ==, 2);
  g_assert_cmpfloat(breaks[0], ==, 4.0);

  /* 2 | 6 and 6 | 2 are equally far from 4 | 4: the lower rank wins, and
   * the tied 3s stay together in the upper class. */
  const double tie[] = {1, 2, 3, 3, 3, 3, 4, 5};
  g_assert_cmpuint(geo_breaks_quantile(tie, 8, 2, breaks), ==, 2);
  g_assert_cmpfloat(breaks[0], ==, 3.0);
  g_assert_cmpuint(test_breaks_class(breaks, 1, 3.0), ==, 1);

  /* Fewer distinct values than classes: three classes at most. */
  const double few[] = {1, 1, 2, 2, 3, 3};
  guint made = geo_breaks_quantile(few, 6, 5, breaks);
  g_assert_cmpuint(made, ==, 3);
  g_assert_cmpfloat(breaks[0], ==, 2.0);
  g_assert_cmpfloat(breaks[1], ==, 3.0);

  const double same[] = {7, 7, 7};
  g_assert_cmpuint(geo_breaks_quantile(same, 3, 4, breaks), ==, 1);

  /* Random tied data: always valid, never more classes than values. */
  GRand *rand = g_rand_new_with_seed(7);
  for (guint trial = 0; trial < 200; trial++) {
    guint n = 1 + g_rand_int_range(rand, 0, 30);
    double v[32], b[16];
    for (guint i = 0; i < n; i++)
      v[i] = g_rand_int_range(rand, 0, 8);
    qsort(v, n, sizeof(double), test_breaks_cmp);
    guint k = 1 + g_rand_int_range(rand, 0, 9);
    made = geo_breaks_quantile(v, n, k, b);
    g_assert_cmpuint(made, <=, MIN(k, test_breaks_distinct(v, n)));
    test_breaks_check_valid(v, n, b, made);
  }
  g_rand_free(rand);
}

static void
test_equal(void)
{
  double breaks[8];
  double v[11];
  for (guint i = 0; i <= 10; i++)
    v[i] = i;
  g_assert_cmpuint(geo_breaks_equal(v, 11, 5, breaks), ==, 5);
  const double want[] = {2, 4, 6, 8};
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat_with_epsilon(breaks[i], want[i], 1e-12);
  /* A value on a break is in the upper class. */
  g_assert_cmpuint(test_breaks_class(breaks, 4, 4.0), ==, 2);

  /* Negative range. */
  const double neg[] = {-30, -10, 0, 15, 30};
  g_assert_cmpuint(geo_breaks_equal(neg, 5, 3, breaks), ==, 3);
  g_assert_cmpfloat_with_epsilon(breaks[0], -10.0, 1e-12);
  g_assert_cmpfloat_with_epsilon(breaks[1], 10.0, 1e-12);

  /* Two distinct values: two classes at most, split in the middle. */
  const double two[] = {0, 0, 0, 10};
  g_assert_cmpuint(geo_breaks_equal(two, 4, 5, breaks), ==, 2);
  g_assert_cmpfloat_with_epsilon(breaks[0], 5.0, 1e-12);

  /* Empty intervals are part of the method and are kept. */
  const double gap[] = {0, 1, 10};
  g_assert_cmpuint(geo_breaks_equal(gap, 3, 3, breaks), ==, 3);

  const double same[] = {2.5, 2.5};
  g_assert_cmpuint(geo_breaks_equal(same, 2, 4, breaks), ==, 1);
  g_assert_cmpuint(geo_breaks_equal(v, 11, 1, breaks), ==, 1);
  g_assert_cmpuint(geo_breaks_equal(NULL, 0, 4, breaks), ==, 0);

  /* A range so small that rounding would merge breaks. */
  const double tiny[] = {1.0, nextafter(1.0, 2.0), nextafter(nextafter(1.0, 2.0), 2.0)};
  guint made = geo_breaks_equal(tiny, 3, 3, breaks);
  g_assert_cmpuint(made, >=, 1);
  g_assert_cmpuint(made, <=, 3);
  for (guint i = 0; i + 1 < made; i++) {
    g_assert_cmpfloat(breaks[i], >, tiny[0]);
    if (i > 0)
      g_assert_cmpfloat(breaks[i], >, breaks[i - 1]);
  }
}

/* Values at the ends of what a double holds: every method gives finite,
 * ascending breaks that are data values (or, for equal intervals, inside
 * the range), and equal values give one class. */
static void
test_extremes(void)
{
  double breaks[8];
  const double huge[] = {-1.7976931348623157e308, -1e308, 0, 1e308, 1.7976931348623157e308};
  const double denormal[] = {0, 4.9406564584124654e-324, 1e-320, 2.2250738585072014e-308, 1e-300};
  const double *sets[] = {huge, denormal};
  for (guint s = 0; s < G_N_ELEMENTS(sets); s++) {
    const double *v = sets[s];
    guint made = geo_breaks_quantile(v, 5, 4, breaks);
    g_assert_cmpuint(made, ==, 4);
    test_breaks_check_valid(v, 5, breaks, made);
    made = geo_breaks_jenks(v, 5, 4, breaks);
    g_assert_cmpuint(made, >=, 2);
    test_breaks_check_valid(v, 5, breaks, made);
    made = geo_breaks_equal(v, 5, 4, breaks);
    g_assert_cmpuint(made, >=, 1);
    for (guint i = 0; i + 1 < made; i++) {
      g_assert_true(isfinite(breaks[i]));
      g_assert_cmpfloat(breaks[i], >, v[0]);
      g_assert_cmpfloat(breaks[i], <=, v[4]);
      if (i > 0)
        g_assert_cmpfloat(breaks[i], >, breaks[i - 1]);
    }
  }
  const double equal[] = {1e308, 1e308, 1e308};
  g_assert_cmpuint(geo_breaks_quantile(equal, 3, 5, breaks), ==, 1);
  g_assert_cmpuint(geo_breaks_jenks(equal, 3, 5, breaks), ==, 1);
  g_assert_cmpuint(geo_breaks_equal(equal, 3, 5, breaks), ==, 1);
  const double tiny_equal[] = {4.9406564584124654e-324, 4.9406564584124654e-324};
  g_assert_cmpuint(geo_breaks_equal(tiny_equal, 2, 3, breaks), ==, 1);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/breaks/jenks-published", test_jenks_published);
  g_test_add_func("/breaks/jenks-brute-force", test_jenks_brute_force);
  g_test_add_func("/breaks/jenks-edges", test_jenks_edges);
  g_test_add_func("/breaks/quantile", test_quantile);
  g_test_add_func("/breaks/quantile-ties", test_quantile_ties);
  g_test_add_func("/breaks/equal", test_equal);
  g_test_add_func("/breaks/extremes", test_extremes);
  return g_test_run();
}
