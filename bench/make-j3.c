/* make-j3.c — the J3 stress input of issue 6: about 83,000 "villages"
 * (desa/kelurahan scale) made deterministically from the 7,285 real
 * kecamatan, with a value table for a quantile style.
 *
 * Indonesia has ~83,000 desa/kelurahan, but no village boundaries may be
 * fetched into this project, so the benchmark makes its own: every
 * kecamatan is cut into 4..19 pieces (11.5 on average, the count taken from
 * a hash of its code), like this:
 *
 *   1. the polygon is repaired (GEOS make-valid, "structure" method);
 *   2. seeds are spread over it by best-candidate sampling (8 candidates
 *      per seed, the one farthest from the seeds so far), from a PRNG seeded
 *      with the hash of the code, so pieces have similar sizes;
 *   3. the Voronoi edges of the seeds are densified (spacing = piece size /
 *      32 by default, --spacing) and bent by a smooth displacement field
 *      (two octaves of sines, amplitude 4% and 1% of the piece size, slope
 *      below 1, so bent edges do not cross each other), so cut lines wiggle
 *      like surveyed boundaries instead of running straight;
 *   4. the bent edges and the kecamatan's own boundary are noded together
 *      and polygonised; faces inside the kecamatan go to the nearest seed,
 *      and the faces of one seed are merged into one (multi)polygon.
 *
 * Neighbouring villages therefore share their boundaries vertex for vertex
 * (they come from one noded line set), and villages on a kecamatan's edge
 * follow the real kecamatan boundary.  Each village gets KODE
 * "<kecamatan>.2001", ".2002", ... (desa codes), NAMA "<kecamatan> NN",
 * KODE_PROV, KODE_KAB and KODE_KEC from its kecamatan.  The value table is
 * `kode,nilai` with nilai in [0, 100): half from the kecamatan's hash, half
 * from the village's, so neighbours correlate a little, as real indices do.
 *
 * Same input + same GEOS version give the same output; the program prints
 * the counts of villages, parts, rings and vertices it wrote.
 *
 * Usage: make-j3 [--spacing K] KECAMATAN_SRC OUT_DIR
 *   writes OUT_DIR/desa.shp (+ .shx .dbf .prj .cpg) and OUT_DIR/desa_nilai.csv
 *   through a staging folder OUT_DIR.tmp-XXXXXX renamed into place.
 *
 * Built only when asked: meson configure build -Dbench=true. */
#include <errno.h>
#include <gdal.h>
#include <geos_c.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define MAKE_J3_MIN_PIECES 4
#define MAKE_J3_PIECE_RANGE 16 /* pieces = 4 + hash % 16: 4..19, mean 11.5 */
#define MAKE_J3_CANDIDATES 8

typedef struct {
  GEOSContextHandle_t geos;
  double spacing_div; /* densify spacing = piece size / spacing_div */
  OGRLayerH out;
  FILE *csv;
  /* counts for the summary */
  guint64 villages, parts, rings, vertices, whole, skipped;
  /* self-check: the villages of a kecamatan cover it exactly (no gap, no
   * overlap), measured as |sum of village areas - kecamatan area| / area */
  double worst_cover;
  char worst_kec[32];
} MakeJ3;

static guint64
make_j3_hash(const char *s)
{
  guint64 h = 1469598103934665603ull; /* FNV-1a 64 */
  for (; *s != '\0'; s++) {
    h ^= (guchar)*s;
    h *= 1099511628211ull;
  }
  return h;
}

/* splitmix64: small, fast, and the same everywhere. */
static guint64
make_j3_next(guint64 *state)
{
  guint64 z = (*state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

static double
make_j3_uniform(guint64 *state)
{
  return (make_j3_next(state) >> 11) * (1.0 / 9007199254740992.0);
}

/* GEOS notices about invalid input are expected (the polygon is repaired,
 * and a failed operation falls back to the whole kecamatan), so they are
 * not printed. */
static void
make_j3_geos_message(const char *message, void *data)
{
  (void)message;
  (void)data;
}

/* Returns: (transfer full) the polygonal part of @g made valid, or NULL when
 * nothing polygonal is left. */
static GEOSGeometry *
make_j3_valid_polygons(MakeJ3 *m, const GEOSGeometry *g)
{
  GEOSMakeValidParams *p = GEOSMakeValidParams_create_r(m->geos);
  GEOSMakeValidParams_setMethod_r(m->geos, p, GEOS_MAKE_VALID_STRUCTURE);
  GEOSMakeValidParams_setKeepCollapsed_r(m->geos, p, 0);
  GEOSGeometry *v = GEOSMakeValidWithParams_r(m->geos, g, p);
  GEOSMakeValidParams_destroy_r(m->geos, p);
  if (v == NULL)
    return NULL;
  if (GEOSGeomTypeId_r(m->geos, v) == GEOS_GEOMETRYCOLLECTION) {
    /* keep the polygons of a mixed result */
    int n = GEOSGetNumGeometries_r(m->geos, v);
    GPtrArray *polys = g_ptr_array_new();
    for (int i = 0; i < n; i++) {
      const GEOSGeometry *part = GEOSGetGeometryN_r(m->geos, v, i);
      int t = GEOSGeomTypeId_r(m->geos, part);
      if (t == GEOS_POLYGON)
        g_ptr_array_add(polys, GEOSGeom_clone_r(m->geos, part));
      else if (t == GEOS_MULTIPOLYGON)
        for (int j = 0; j < GEOSGetNumGeometries_r(m->geos, part); j++)
          g_ptr_array_add(polys, GEOSGeom_clone_r(m->geos, GEOSGetGeometryN_r(m->geos, part, j)));
    }
    GEOSGeom_destroy_r(m->geos, v);
    v = GEOSGeom_createCollection_r(m->geos, GEOS_MULTIPOLYGON, (GEOSGeometry **)polys->pdata,
                                    polys->len);
    g_ptr_array_free(polys, TRUE);
  }
  double area = 0;
  if (v == NULL || GEOSArea_r(m->geos, v, &area) == 0 || !(area > 0)) {
    if (v)
      GEOSGeom_destroy_r(m->geos, v);
    return NULL;
  }
  return v;
}

/* Best-candidate seeds inside @poly.  Candidates are drawn in the bounding
 * box of one polygon part chosen with probability proportional to its area,
 * so kecamatan of scattered islands get seeds too.  Returns: (transfer full)
 * array of 2*n doubles (x, y); *n_out is how many were placed (fewer than
 * @n only for slivers). */
static double *
make_j3_seeds(MakeJ3 *m, const GEOSGeometry *poly, guint n, guint64 seed, guint *n_out)
{
  int np = GEOSGetNumGeometries_r(m->geos, poly);
  double *box = g_new(double, 4 * (gsize)np); /* x0 y0 x1 y1 per part */
  double *cum = g_new(double, np);            /* cumulative area */
  double total = 0;
  for (int i = 0; i < np; i++) {
    const GEOSGeometry *part = GEOSGetGeometryN_r(m->geos, poly, i);
    double a = 0;
    GEOSArea_r(m->geos, part, &a);
    total += a;
    cum[i] = total;
    GEOSGeom_getXMin_r(m->geos, part, &box[4 * i]);
    GEOSGeom_getYMin_r(m->geos, part, &box[4 * i + 1]);
    GEOSGeom_getXMax_r(m->geos, part, &box[4 * i + 2]);
    GEOSGeom_getYMax_r(m->geos, part, &box[4 * i + 3]);
  }
  const GEOSPreparedGeometry *prep = GEOSPrepare_r(m->geos, poly);
  double *xy = g_new(double, 2 * n);
  guint have = 0;
  guint64 state = seed;
  for (guint i = 0; i < n; i++) {
    double best_d = -1, bx = 0, by = 0;
    guint found = 0;
    for (guint tries = 0; found < MAKE_J3_CANDIDATES && tries < 400; tries++) {
      double r = make_j3_uniform(&state) * total;
      int k = 0;
      while (k < np - 1 && cum[k] < r)
        k++;
      const double *b = &box[4 * k];
      double x = b[0] + make_j3_uniform(&state) * (b[2] - b[0]);
      double y = b[1] + make_j3_uniform(&state) * (b[3] - b[1]);
      GEOSGeometry *pt = GEOSGeom_createPointFromXY_r(m->geos, x, y);
      char inside = GEOSPreparedContains_r(m->geos, prep, pt);
      GEOSGeom_destroy_r(m->geos, pt);
      if (inside != 1)
        continue;
      found++;
      double d = G_MAXDOUBLE;
      for (guint s = 0; s < have; s++) {
        double dx = x - xy[2 * s], dy = y - xy[2 * s + 1];
        d = MIN(d, dx * dx + dy * dy);
      }
      if (d > best_d) {
        best_d = d;
        bx = x;
        by = y;
      }
    }
    if (found == 0)
      break;
    xy[2 * have] = bx;
    xy[2 * have + 1] = by;
    have++;
  }
  GEOSPreparedGeom_destroy_r(m->geos, prep);
  g_free(box);
  g_free(cum);
  *n_out = have;
  return xy;
}

/* The displacement field: two octaves of sines with wavelengths 0.6 and
 * 0.17 piece sizes and amplitudes 0.04 and 0.01 piece sizes; its slope
 * stays below 1, so it maps the plane one-to-one and bent edges keep from
 * crossing. */
static void
make_j3_bend(double size, const double phase[6], double *x, double *y)
{
  const double a1 = 0.04 * size, k1 = 2 * G_PI / (0.6 * size);
  const double a2 = 0.01 * size, k2 = 2 * G_PI / (0.17 * size);
  double px = *x, py = *y;
  *x = px + a1 * sin(k1 * py + phase[0]) * cos(0.7 * k1 * px + phase[1]) +
       a2 * sin(k2 * (px + py) + phase[2]);
  *y = py + a1 * sin(k1 * px + phase[3]) * cos(0.7 * k1 * py + phase[4]) +
       a2 * sin(k2 * (px - py) + phase[5]);
}

/* Returns: (transfer full) the Voronoi edges of the seeds, densified and
 * bent, as a GEOS geometry collection of line strings; NULL on a GEOS
 * failure. */
static GEOSGeometry *
make_j3_cut_lines(MakeJ3 *m, const GEOSGeometry *poly, const double *xy, guint n, double size,
                  const double phase[6])
{
  GEOSGeometry **pts = g_new(GEOSGeometry *, n);
  for (guint i = 0; i < n; i++)
    pts[i] = GEOSGeom_createPointFromXY_r(m->geos, xy[2 * i], xy[2 * i + 1]);
  GEOSGeometry *mp = GEOSGeom_createCollection_r(m->geos, GEOS_MULTIPOINT, pts, n);
  g_free(pts);
  GEOSGeometry *env = GEOSEnvelope_r(m->geos, poly);
  GEOSGeometry *edges = GEOSVoronoiDiagram_r(m->geos, mp, env, 0, 1);
  GEOSGeom_destroy_r(m->geos, env);
  GEOSGeom_destroy_r(m->geos, mp);
  if (edges == NULL)
    return NULL;
  GEOSGeometry *dense = GEOSDensify_r(m->geos, edges, size / m->spacing_div);
  GEOSGeom_destroy_r(m->geos, edges);
  if (dense == NULL)
    return NULL;
  int ne = GEOSGetNumGeometries_r(m->geos, dense);
  GEOSGeometry **lines = g_new(GEOSGeometry *, ne);
  for (int i = 0; i < ne; i++) {
    const GEOSGeometry *l = GEOSGetGeometryN_r(m->geos, dense, i);
    const GEOSCoordSequence *cs = GEOSGeom_getCoordSeq_r(m->geos, l);
    unsigned int np = 0;
    GEOSCoordSeq_getSize_r(m->geos, cs, &np);
    double *buf = g_new(double, 2 * (gsize)np);
    GEOSCoordSeq_copyToBuffer_r(m->geos, cs, buf, 0, 0);
    for (unsigned int k = 0; k < np; k++)
      make_j3_bend(size, phase, &buf[2 * k], &buf[2 * k + 1]);
    GEOSCoordSequence *ns = GEOSCoordSeq_copyFromBuffer_r(m->geos, buf, np, 0, 0);
    g_free(buf);
    lines[i] = GEOSGeom_createLineString_r(m->geos, ns);
  }
  GEOSGeom_destroy_r(m->geos, dense);
  GEOSGeometry *out = GEOSGeom_createCollection_r(m->geos, GEOS_MULTILINESTRING, lines, ne);
  g_free(lines);
  return out;
}

/* Counts parts, rings and vertices of a polygonal geometry into @m. */
static void
make_j3_count(MakeJ3 *m, OGRGeometryH g)
{
  int np = OGR_G_GetGeometryCount(g);
  for (int i = 0; i < np; i++) {
    OGRGeometryH p = OGR_G_GetGeometryRef(g, i);
    int nr = OGR_G_GetGeometryCount(p);
    m->parts++;
    m->rings += nr;
    for (int r = 0; r < nr; r++)
      m->vertices += OGR_G_GetPointCount(OGR_G_GetGeometryRef(p, r));
  }
}

/* Writes one village (takes nothing: @g stays the caller's).  Returns FALSE
 * when OGR refuses the feature (message printed). */
static gboolean
make_j3_write(MakeJ3 *m, const GEOSGeometry *g, const char *kode, const char *nama,
              const char *prov, const char *kab, const char *kec, double nilai)
{
  size_t len = 0;
  unsigned char *wkb = GEOSGeomToWKB_buf_r(m->geos, g, &len);
  OGRGeometryH og = NULL;
  if (wkb == NULL || OGR_G_CreateFromWkbEx(wkb, NULL, &og, len) != OGRERR_NONE) {
    GEOSFree_r(m->geos, wkb);
    g_printerr("make-j3: village %s: geometry not convertible\n", kode);
    return FALSE;
  }
  GEOSFree_r(m->geos, wkb);
  og = OGR_G_ForceToMultiPolygon(og);
  OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(m->out));
  OGR_F_SetFieldString(f, 0, kode);
  OGR_F_SetFieldString(f, 1, nama);
  OGR_F_SetFieldString(f, 2, prov);
  OGR_F_SetFieldString(f, 3, kab);
  OGR_F_SetFieldString(f, 4, kec);
  make_j3_count(m, og);
  OGR_F_SetGeometryDirectly(f, og);
  OGRErr err = OGR_L_CreateFeature(m->out, f);
  OGR_F_Destroy(f);
  if (err != OGRERR_NONE) {
    g_printerr("make-j3: village %s: %s\n", kode, CPLGetLastErrorMsg());
    return FALSE;
  }
  fprintf(m->csv, "%s,%.2f\n", kode, nilai);
  m->villages++;
  return TRUE;
}

static double
make_j3_value(guint64 kec_hash, const char *kode)
{
  return 0.5 * (kec_hash % 10000) / 100.0 + 0.5 * (make_j3_hash(kode) % 10000) / 100.0;
}

/* Cuts one kecamatan into villages and writes them.  Returns FALSE only
 * when writing failed. */
static gboolean
make_j3_kecamatan(MakeJ3 *m, OGRFeatureH f, int i_kode, int i_nama, int i_prov, int i_kab)
{
  const char *kec = OGR_F_GetFieldAsString(f, i_kode);
  const char *nama = OGR_F_GetFieldAsString(f, i_nama);
  const char *prov = OGR_F_GetFieldAsString(f, i_prov);
  const char *kab = OGR_F_GetFieldAsString(f, i_kab);
  OGRGeometryH og = OGR_F_GetGeometryRef(f);
  if (og == NULL || OGR_G_IsEmpty(og)) {
    g_printerr("make-j3: kecamatan %s has no geometry; left out\n", kec);
    m->skipped++;
    return TRUE;
  }
  /* GEOS refuses unclosed rings (kecamatan 81.05.16 has one): close them */
  OGRGeometryH closed = OGR_G_Clone(og);
  OGR_G_CloseRings(closed);
  size_t wkb_len = OGR_G_WkbSizeEx(closed);
  unsigned char *wkb = g_malloc(wkb_len);
  OGR_G_ExportToWkb(closed, wkbNDR, wkb);
  OGR_G_DestroyGeometry(closed);
  GEOSGeometry *raw = GEOSGeomFromWKB_buf_r(m->geos, wkb, wkb_len);
  g_free(wkb);
  GEOSGeometry *poly = raw ? make_j3_valid_polygons(m, raw) : NULL;
  if (raw)
    GEOSGeom_destroy_r(m->geos, raw);
  if (poly == NULL) {
    g_printerr("make-j3: kecamatan %s: no polygon left after repair; left out\n", kec);
    m->skipped++;
    return TRUE;
  }

  guint64 h = make_j3_hash(kec);
  guint want = MAKE_J3_MIN_PIECES + h % MAKE_J3_PIECE_RANGE;
  guint n = 0;
  double *xy = make_j3_seeds(m, poly, want, h, &n);
  double area = 0;
  GEOSArea_r(m->geos, poly, &area);
  double size = sqrt(area / MAX(n, 1));
  double phase[6];
  guint64 st = h ^ 0x5bd1e995u;
  for (int k = 0; k < 6; k++)
    phase[k] = 2 * G_PI * make_j3_uniform(&st);

  GPtrArray *faces = NULL; /* GEOSGeometry*, owned by @coll below */
  GEOSGeometry *coll = NULL;
  if (n >= 2) {
    GEOSGeometry *cuts = make_j3_cut_lines(m, poly, xy, n, size, phase);
    GEOSGeometry *boundary = GEOSBoundary_r(m->geos, poly);
    if (cuts != NULL && boundary != NULL) {
      GEOSGeometry *both[2] = {cuts, boundary};
      GEOSGeometry *all = GEOSGeom_createCollection_r(m->geos, GEOS_GEOMETRYCOLLECTION, both, 2);
      cuts = boundary = NULL; /* owned by all */
      GEOSGeometry *noded = GEOSUnaryUnion_r(m->geos, all);
      GEOSGeom_destroy_r(m->geos, all);
      if (noded != NULL) {
        const GEOSGeometry *in[1] = {noded};
        coll = GEOSPolygonize_r(m->geos, in, 1);
        GEOSGeom_destroy_r(m->geos, noded);
      }
    }
    if (cuts)
      GEOSGeom_destroy_r(m->geos, cuts);
    if (boundary)
      GEOSGeom_destroy_r(m->geos, boundary);
  }

  /* faces of each seed */
  GPtrArray **own = g_new0(GPtrArray *, MAX(n, 1));
  guint n_faces = 0;
  if (coll != NULL) {
    const GEOSPreparedGeometry *prep = GEOSPrepare_r(m->geos, poly);
    int nf = GEOSGetNumGeometries_r(m->geos, coll);
    faces = g_ptr_array_new();
    for (int i = 0; i < nf; i++) {
      const GEOSGeometry *face = GEOSGetGeometryN_r(m->geos, coll, i);
      GEOSGeometry *pos = GEOSPointOnSurface_r(m->geos, face);
      if (pos == NULL)
        continue;
      char inside = GEOSPreparedContains_r(m->geos, prep, pos);
      double px = 0, py = 0;
      GEOSGeomGetX_r(m->geos, pos, &px);
      GEOSGeomGetY_r(m->geos, pos, &py);
      GEOSGeom_destroy_r(m->geos, pos);
      if (inside != 1)
        continue;
      guint best = 0;
      double bd = G_MAXDOUBLE;
      for (guint k = 0; k < n; k++) {
        double dx = px - xy[2 * k], dy = py - xy[2 * k + 1];
        if (dx * dx + dy * dy < bd) {
          bd = dx * dx + dy * dy;
          best = k;
        }
      }
      if (own[best] == NULL)
        own[best] = g_ptr_array_new();
      g_ptr_array_add(own[best], (gpointer)face);
      n_faces++;
    }
    GEOSPreparedGeom_destroy_r(m->geos, prep);
  }

  gboolean ok = TRUE;
  guint number = 0;
  double covered = 0;
  if (n_faces == 0) {
    /* a sliver or a GEOS failure: the kecamatan stays one village */
    char *kode = g_strdup_printf("%s.2001", kec);
    char *vn = g_strdup_printf("%s 01", nama);
    ok = make_j3_write(m, poly, kode, vn, prov, kab, kec, make_j3_value(h, kode));
    g_printerr("make-j3: kecamatan %s (%u seeds) kept whole\n", kec, n);
    m->whole++;
    g_free(kode);
    g_free(vn);
  }
  for (guint k = 0; k < n && n_faces > 0 && ok; k++) {
    if (own[k] == NULL)
      continue;
    GEOSGeometry *village;
    if (own[k]->len == 1) {
      village = GEOSGeom_clone_r(m->geos, own[k]->pdata[0]);
    } else {
      GEOSGeometry **parts = g_new(GEOSGeometry *, own[k]->len);
      for (guint j = 0; j < own[k]->len; j++)
        parts[j] = GEOSGeom_clone_r(m->geos, own[k]->pdata[j]);
      GEOSGeometry *c =
          GEOSGeom_createCollection_r(m->geos, GEOS_GEOMETRYCOLLECTION, parts, own[k]->len);
      g_free(parts);
      village = GEOSUnaryUnion_r(m->geos, c);
      GEOSGeom_destroy_r(m->geos, c);
    }
    if (village == NULL)
      continue;
    double va = 0;
    GEOSArea_r(m->geos, village, &va);
    covered += va;
    number++;
    char *kode = g_strdup_printf("%s.%04u", kec, 2000 + number);
    char *vn = g_strdup_printf("%s %02u", nama, number);
    ok = make_j3_write(m, village, kode, vn, prov, kab, kec, make_j3_value(h, kode));
    g_free(kode);
    g_free(vn);
    GEOSGeom_destroy_r(m->geos, village);
  }
  if (n_faces > 0) {
    double miss = fabs(covered - area) / area;
    if (miss > m->worst_cover) {
      m->worst_cover = miss;
      g_strlcpy(m->worst_kec, kec, sizeof m->worst_kec);
    }
  }
  for (guint k = 0; k < MAX(n, 1); k++)
    if (own[k])
      g_ptr_array_free(own[k], TRUE);
  g_free(own);
  if (faces)
    g_ptr_array_free(faces, TRUE);
  if (coll)
    GEOSGeom_destroy_r(m->geos, coll);
  GEOSGeom_destroy_r(m->geos, poly);
  g_free(xy);
  return ok;
}

static int
make_j3_field(OGRFeatureDefnH d, const char *name, const char *src)
{
  int i = OGR_FD_GetFieldIndex(d, name);
  if (i < 0)
    g_printerr("make-j3: %s has no field %s (need KODE, NAMA, KODE_PROV, KODE_KAB)\n", src, name);
  return i;
}

int
main(int argc, char **argv)
{
  double spacing = 32;
  GOptionEntry entries[] = {
      {"spacing", 0, 0, G_OPTION_ARG_DOUBLE, &spacing,
       "Densify cut lines to piece size / K (default 32)", "K"},
      {NULL},
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new(
      "KECAMATAN_SRC OUT_DIR — cut every kecamatan into villages (issue 6, J3)");
  g_option_context_add_main_entries(ctx, entries, NULL);
  g_autoptr(GError) error = NULL;
  if (!g_option_context_parse(ctx, &argc, &argv, &error) || argc != 3 || spacing < 1) {
    g_printerr("make-j3: %s\nusage: make-j3 [--spacing K] KECAMATAN_SRC OUT_DIR\n",
               error ? error->message : "need KECAMATAN_SRC and OUT_DIR (K >= 1)");
    return 2;
  }
  const char *src = argv[1], *outdir = argv[2];

  GDALAllRegister();
  GDALDatasetH in = GDALOpenEx(src, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
  if (in == NULL) {
    g_printerr("make-j3: cannot open %s: %s\n", src, CPLGetLastErrorMsg());
    return 2;
  }
  OGRLayerH lin = GDALDatasetGetLayer(in, 0);
  OGRFeatureDefnH din = OGR_L_GetLayerDefn(lin);
  int i_kode = make_j3_field(din, "KODE", src), i_nama = make_j3_field(din, "NAMA", src);
  int i_prov = make_j3_field(din, "KODE_PROV", src), i_kab = make_j3_field(din, "KODE_KAB", src);
  if (i_kode < 0 || i_nama < 0 || i_prov < 0 || i_kab < 0) {
    GDALClose(in);
    return 2;
  }

  g_autofree char *parent = g_path_get_dirname(outdir);
  g_autofree char *base = g_path_get_basename(outdir);
  g_autofree char *tmpl = g_strdup_printf("%s/.%s.tmp-XXXXXX", parent, base);
  if (g_mkdir_with_parents(parent, 0755) != 0 || g_mkdtemp(tmpl) == NULL ||
      g_chmod(tmpl, 0755) != 0) {
    g_printerr("make-j3: cannot create a staging folder beside %s: %s\n", outdir,
               g_strerror(errno));
    GDALClose(in);
    return 2;
  }
  g_autofree char *shp = g_build_filename(tmpl, "desa.shp", NULL);
  g_autofree char *csv = g_build_filename(tmpl, "desa_nilai.csv", NULL);

  GDALDriverH drv = GDALGetDriverByName("ESRI Shapefile");
  GDALDatasetH out = GDALCreate(drv, shp, 0, 0, 0, GDT_Unknown, NULL);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(NULL);
  OSRImportFromEPSG(srs, 4326);
  OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
  const char *lco[] = {"ENCODING=UTF-8", NULL};
  MakeJ3 m = {0};
  m.spacing_div = spacing;
  m.out = out ? GDALDatasetCreateLayer(out, "desa", srs, wkbMultiPolygon, (char **)lco) : NULL;
  OSRDestroySpatialReference(srs);
  m.csv = g_fopen(csv, "w");
  if (m.out == NULL || m.csv == NULL) {
    g_printerr("make-j3: cannot write into %s: %s\n", tmpl, CPLGetLastErrorMsg());
    return 2;
  }
  const struct {
    const char *name;
    int width;
  } fields[] = {{"KODE", 13}, {"NAMA", 80}, {"KODE_PROV", 2}, {"KODE_KAB", 5}, {"KODE_KEC", 8}};
  for (guint i = 0; i < G_N_ELEMENTS(fields); i++) {
    OGRFieldDefnH fd = OGR_Fld_Create(fields[i].name, OFTString);
    OGR_Fld_SetWidth(fd, fields[i].width);
    OGR_L_CreateField(m.out, fd, TRUE);
    OGR_Fld_Destroy(fd);
  }
  fprintf(m.csv, "kode,nilai\n");

  m.geos = GEOS_init_r();
  GEOSContext_setNoticeMessageHandler_r(m.geos, make_j3_geos_message, NULL);
  GEOSContext_setErrorMessageHandler_r(m.geos, make_j3_geos_message, NULL);

  gboolean ok = TRUE;
  guint64 n_kec = 0;
  OGRFeatureH f;
  OGR_L_ResetReading(lin);
  while (ok && (f = OGR_L_GetNextFeature(lin)) != NULL) {
    ok = make_j3_kecamatan(&m, f, i_kode, i_nama, i_prov, i_kab);
    OGR_F_Destroy(f);
    n_kec++;
  }
  GEOS_finish_r(m.geos);
  GDALClose(in);
  if (fclose(m.csv) != 0)
    ok = FALSE;
  CPLErrorReset();
  GDALClose(out); /* void in GDAL 3.6: the error state tells */
  if (CPLGetLastErrorType() >= CE_Failure)
    ok = FALSE;
  /* the counts, also kept beside the data for bench/run.sh's report */
  g_autofree char *summary = g_strdup_printf(
      "%" G_GUINT64_FORMAT " kecamatan -> %" G_GUINT64_FORMAT " villages, %" G_GUINT64_FORMAT
      " parts, %" G_GUINT64_FORMAT " rings, %" G_GUINT64_FORMAT
      " vertices (%.1f per village); %" G_GUINT64_FORMAT " kecamatan kept whole, %" G_GUINT64_FORMAT
      " left out; cut lines densified"
      " to piece size / %g; villages cover their kecamatan to a relative area difference of %.1e"
      " at worst (%s)",
      n_kec, m.villages, m.parts, m.rings, m.vertices,
      m.villages ? (double)m.vertices / m.villages : 0.0, m.whole, m.skipped, spacing,
      m.worst_cover, m.worst_kec[0] ? m.worst_kec : "-");
  g_autofree char *txt = g_build_filename(tmpl, "make-j3.txt", NULL);
  g_autofree char *line = g_strconcat(summary, "\n", NULL);
  if (ok && !g_file_set_contents(txt, line, -1, &error)) {
    g_printerr("make-j3: %s\n", error->message);
    ok = FALSE;
  }
  if (!ok) {
    g_printerr("make-j3: writing %s failed; staging folder %s left for inspection\n", outdir, tmpl);
    return 3;
  }

  /* move into place: an old OUT_DIR goes aside first, then is removed */
  g_autofree char *old = g_strdup_printf("%s.old-%d", outdir, (int)getpid());
  gboolean had_old = g_file_test(outdir, G_FILE_TEST_IS_DIR);
  if ((had_old && g_rename(outdir, old) != 0) || g_rename(tmpl, outdir) != 0) {
    g_printerr("make-j3: cannot move %s to %s: %s\n", tmpl, outdir, g_strerror(errno));
    return 3;
  }
  if (had_old) {
    GDir *d = g_dir_open(old, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d)) != NULL) {
      g_autofree char *p = g_build_filename(old, name, NULL);
      g_unlink(p);
    }
    if (d)
      g_dir_close(d);
    g_rmdir(old);
  }
  printf("make-j3: %s\nmake-j3: wrote %s/desa.shp, desa_nilai.csv and make-j3.txt\n", summary,
         outdir);
  return 0;
}
