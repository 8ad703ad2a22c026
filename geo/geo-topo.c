/* geo-topo.c — shared-border topology for simplification.
 *
 * Neighbouring districts store their common border twice, once in each
 * ring.  Simplifying every ring on its own drops different vertices on the
 * two sides and opens slivers and overlaps between them.  This file finds
 * the shared borders once per layer, the way topology-aware tools do:
 * vertices are identified by their exact coordinates; a vertex where the
 * rings that pass through it stop agreeing about their neighbours is a
 * junction; the stretch of ring between two junctions is an arc that every
 * ring through it shares.  Each arc is simplified once (Douglas-Peucker,
 * recorded as the tolerance at which each vertex goes), in a canonical
 * direction, so both sides keep exactly the same vertices at any tolerance.
 *
 * The result is one importance per point (geo_shapes_topology): keeping
 * the points whose importance is at least the tolerance gives the
 * Douglas-Peucker simplification of every arc at that tolerance.  A
 * junction stays while any arc meeting there reaches farther than the
 * tolerance (so an arc never outlives its ends, and a national map does
 * not keep every junction of every district); an island without
 * junctions goes when it is narrower than the tolerance.  Sheets at
 * different scales reuse the same importances. */
#include "geo-private.h"

#include <math.h>
#include <string.h>

/* Distinct coordinates get dense ids through an open-addressing hash on
 * the bit patterns of x and y (exact identity is what shared borders
 * have in common; -0.0 and 0.0 are folded together). */
typedef struct {
  guint *slot; /* point index + 1 of the first occurrence, 0 = empty */
  guint mask;
} GeoTopoHash;

static guint64
geo_topo_bits(double v)
{
  if (v == 0)
    v = 0; /* fold -0.0 */
  guint64 u;
  memcpy(&u, &v, sizeof u);
  return u;
}

static guint
geo_topo_hash(double x, double y)
{
  guint64 h = geo_topo_bits(x) * 0x9E3779B97F4A7C15ull;
  h ^= geo_topo_bits(y) + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 32;
  return (guint)h;
}

/* Fills vid[i] (i < n points) with the id of point i's coordinate: the
 * index of its first occurrence.  Returns FALSE only on size overflow. */
static gboolean
geo_topo_ids(const GeoShapes *s, guint *vid)
{
  guint size = 16;
  while (size < 2 * s->n_points) {
    if (size > G_MAXUINT / 4)
      return FALSE;
    size *= 2;
  }
  GeoTopoHash h = {g_new0(guint, size), size - 1};
  for (guint i = 0; i < s->n_points; i++) {
    double x = s->xy[2 * i], y = s->xy[2 * i + 1];
    guint k = geo_topo_hash(x, y) & h.mask;
    for (;;) {
      guint e = h.slot[k];
      if (e == 0) {
        h.slot[k] = i + 1;
        vid[i] = i;
        break;
      }
      if (s->xy[2 * (e - 1)] == x && s->xy[2 * (e - 1) + 1] == y) {
        vid[i] = e - 1;
        break;
      }
      k = (k + 1) & h.mask;
    }
  }
  g_free(h.slot);
  return TRUE;
}

/* Metres per degree of longitude at the latitude of `p` (local
 * equirectangular plane; 110574 m per degree of latitude). */
static double
geo_topo_kx(const double *p)
{
  return cos(p[1] * (G_PI / 180.0)) * 111320.0;
}

#define GEO_TOPO_KY 110574.0

/* Ground distance in metres from p to the segment a-b, degrees in, with
 * `kx` metres per degree of longitude there. */
static double
geo_topo_seg_dist(const double *p, const double *a, const double *b, double kx)
{
  double dx = (b[0] - a[0]) * kx, dy = (b[1] - a[1]) * GEO_TOPO_KY;
  double px = (p[0] - a[0]) * kx, py = (p[1] - a[1]) * GEO_TOPO_KY;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? (px * dx + py * dy) / len2 : 0;
  t = CLAMP(t, 0.0, 1.0);
  double ex = t * dx - px, ey = t * dy - py;
  return sqrt(ex * ex + ey * ey);
}

typedef struct {
  guint a, z;  /* positions in the arc buffer */
  float limit; /* importance cap inherited from the enclosing split */
} GeoTopoSpan;

/* Douglas-Peucker over arc[0..n) (point indices), first and last kept:
 * imp[arc[i]] = the tolerance at which point arc[i] would be dropped,
 * made monotone (never above the split that introduced it). */
static void
geo_topo_dp(const GeoShapes *s, const guint *arc, guint n, float *imp, GArray *stack)
{
  g_array_set_size(stack, 0);
  if (n < 3)
    return;
  GeoTopoSpan top = {0, n - 1, INFINITY};
  g_array_append_val(stack, top);
  while (stack->len > 0) {
    GeoTopoSpan sp = g_array_index(stack, GeoTopoSpan, stack->len - 1);
    g_array_set_size(stack, stack->len - 1);
    if (sp.z - sp.a < 2)
      continue;
    const double *pa = &s->xy[2 * arc[sp.a]], *pz = &s->xy[2 * arc[sp.z]];
    double kx = geo_topo_kx(pa), best = -1;
    guint at = sp.a + 1;
    for (guint i = sp.a + 1; i < sp.z; i++) {
      double d = geo_topo_seg_dist(&s->xy[2 * arc[i]], pa, pz, kx);
      if (d > best) {
        best = d;
        at = i;
      }
    }
    float v = MIN((float)best, sp.limit);
    imp[arc[at]] = v;
    GeoTopoSpan left = {sp.a, at, v}, right = {at, sp.z, v};
    g_array_append_val(stack, left);
    g_array_append_val(stack, right);
  }
}

/* The arc buffer holds ring positions start..start+len (wrapping) in the
 * ring's own order; put it in the canonical direction, shared by every
 * ring that holds the same arc. */
static void
geo_topo_canonical(guint *arc, guint n, const guint *vid)
{
  if (n < 2)
    return;
  guint f = vid[arc[0]], l = vid[arc[n - 1]];
  gboolean flip = f > l;
  if (f == l && n > 2)
    flip = vid[arc[1]] > vid[arc[n - 2]];
  if (!flip)
    return;
  for (guint i = 0, j = n - 1; i < j; i++, j--) {
    guint t = arc[i];
    arc[i] = arc[j];
    arc[j] = t;
  }
}

void
geo_shapes_topology(GeoShapes *s)
{
  guint n = s->n_points;
  float *imp = g_new(float, MAX(n, 1));
  g_free(s->importance);
  g_free(s->ring_touch);
  s->importance = imp;
  s->ring_touch = g_new0(guint8, MAX(s->n_rings, 1));
  g_autofree guint *vid = g_new(guint, MAX(n, 1));
  if (!geo_topo_ids(s, vid)) {
    for (guint i = 0; i < n; i++)
      imp[i] = INFINITY;
    return;
  }

  /* Per distinct coordinate (indexed by its id): the unordered pair of
   * neighbour ids seen first, and whether a later pass disagreed. */
  g_autofree guint *nb_lo = g_new(guint, MAX(n, 1));
  g_autofree guint *nb_hi = g_new(guint, MAX(n, 1));
  g_autofree guint8 *state = g_new0(guint8, MAX(n, 1)); /* 0 unseen, 1 seen, 2 junction */
  for (guint r = 0; r < s->n_rings; r++) {
    guint a = s->ring_point[r], z = s->ring_point[r + 1], len = z - a;
    for (guint i = a; i < z; i++) {
      guint prev = vid[i == a ? z - 1 : i - 1], next = vid[i + 1 == z ? a : i + 1];
      guint lo = MIN(prev, next), hi = MAX(prev, next), v = vid[i];
      if (len < 3)
        state[v] = 2;
      else if (state[v] == 0) {
        state[v] = 1;
        nb_lo[v] = lo;
        nb_hi[v] = hi;
      } else if (state[v] == 1 && (nb_lo[v] != lo || nb_hi[v] != hi))
        state[v] = 2;
    }
  }

  /* A ring touches another when one of its coordinates occurs in another
   * ring too (ids are first occurrences: seen in an earlier ring, or seen
   * first here and again later). */
  g_autofree guint *first_ring = g_new(guint, MAX(n, 1));
  g_autofree guint8 *multi = g_new0(guint8, MAX(n, 1));
  for (guint r = 0; r < s->n_rings; r++)
    for (guint i = s->ring_point[r]; i < s->ring_point[r + 1]; i++) {
      guint v = vid[i];
      if (v == i)
        first_ring[v] = r;
      else if (first_ring[v] != r)
        multi[v] = 1;
    }
  for (guint r = 0; r < s->n_rings; r++)
    for (guint i = s->ring_point[r]; i < s->ring_point[r + 1] && !s->ring_touch[r]; i++)
      s->ring_touch[r] = multi[vid[i]];

  /* Interior points get their importance from the Douglas-Peucker pass
   * over their arc, computed once per arc and copied to every occurrence
   * through the coordinate id; junctions from the arcs that meet there. */
  float *by_id = g_new(float, MAX(n, 1));
  for (guint i = 0; i < n; i++)
    by_id[i] = NAN;
  g_autoptr(GArray) arc = g_array_new(FALSE, FALSE, sizeof(guint));
  g_autoptr(GArray) stack = g_array_new(FALSE, FALSE, sizeof(GeoTopoSpan));
  for (guint r = 0; r < s->n_rings; r++) {
    guint a = s->ring_point[r], z = s->ring_point[r + 1], len = z - a;
    if (len == 0)
      continue;
    /* Start at a junction; a ring without one (an island, or a ring
     * shared whole, like an enclave and its hole) starts at its smallest
     * coordinate id so every copy of it splits the same way. */
    guint start = G_MAXUINT;
    for (guint i = a; i < z; i++)
      if (state[vid[i]] == 2) {
        start = i;
        break;
      }
    gboolean loop = start == G_MAXUINT;
    if (loop) {
      start = a;
      for (guint i = a + 1; i < z; i++)
        if (vid[i] < vid[start])
          start = i;
    }
    guint pos = start - a;
    guint done = 0;
    while (done < len) {
      /* Collect the arc from this junction to the next (or round). */
      g_array_set_size(arc, 0);
      guint first = a + pos;
      g_array_append_val(arc, first);
      guint k = 1;
      for (; k <= len; k++) {
        guint i = a + (pos + k) % len;
        g_array_append_val(arc, i);
        if (state[vid[i]] == 2 || (loop && i == first))
          break;
      }
      if (k > len)
        k = len;
      guint *pts = (guint *)arc->data;
      guint m = arc->len;
      const double *p0 = &s->xy[2 * pts[0]];
      if (loop) {
        /* A closed loop without junctions: its start and the point
         * farthest from it stay while the loop is wider than the
         * tolerance; below that the whole ring goes. */
        if (isnan(by_id[vid[pts[1]]])) {
          geo_topo_canonical(pts, m, vid);
          guint far = 1;
          double best = -1, kx = geo_topo_kx(p0);
          for (guint j = 1; j + 1 < m; j++) {
            double d = geo_topo_seg_dist(&s->xy[2 * pts[j]], p0, p0, kx);
            if (d > best) {
              best = d;
              far = j;
            }
          }
          imp[pts[far]] = (float)best;
          by_id[vid[pts[0]]] = (float)best;
          geo_topo_dp(s, pts, far + 1, imp, stack);
          geo_topo_dp(s, pts + far, m - far, imp, stack);
          for (guint j = 1; j + 1 < m; j++)
            by_id[vid[pts[j]]] = MIN(imp[pts[j]], (float)best);
        }
      } else {
        /* The arc's reach from its first end bounds every interior
         * importance; each end junction stays while one of its arcs
         * reaches that far, so an arc never outlives its ends. */
        double reach = 0, kx = geo_topo_kx(p0);
        for (guint j = 1; j < m; j++)
          reach = MAX(reach, geo_topo_seg_dist(&s->xy[2 * pts[j]], p0, p0, kx));
        for (guint e = 0; e < 2; e++) {
          guint v = vid[pts[e ? m - 1 : 0]];
          if (isnan(by_id[v]) || by_id[v] < (float)reach)
            by_id[v] = (float)reach;
        }
        if (m > 2 && isnan(by_id[vid[pts[1]]])) {
          geo_topo_canonical(pts, m, vid);
          geo_topo_dp(s, pts, m, imp, stack);
          for (guint j = 1; j + 1 < m; j++)
            by_id[vid[pts[j]]] = MIN(imp[pts[j]], (float)reach);
        }
      }
      pos = (pos + k) % len;
      done += k;
    }
  }
  for (guint i = 0; i < n; i++) {
    float v = by_id[vid[i]];
    imp[i] = isnan(v) ? INFINITY : v;
  }
  g_free(by_id);
}
