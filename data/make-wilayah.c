/* make-wilayah.c — writes the demo's boundaries (data/wilayah.gpkg) from
 * the real ones in ../shared/data/batas, generalised with petarawan's own
 * shared-border simplification (geo-topo.c), so the GeoPackage is small
 * enough to commit and neighbours still share exactly the same border
 * points: the demo draws from it what a user's own boundaries would give.
 *
 *   make-wilayah OUT.gpkg LAYER=SRC:TOLERANCE[:GROUP_FIELD] ...
 *
 *   e.g. make-wilayah data/wilayah.gpkg \
 *          provinsi=../shared/data/batas/provinsi.shp:1000 \
 *          kabkota=../shared/data/batas/kabkota.shp:0.25pt:KODE_PROV
 *
 * Each LAYER gets the features of SRC (fields KODE, NAMA, and GROUP_FIELD
 * when given) with their geometry simplified to TOLERANCE (a point goes
 * when the line moves by less than that without it), in EPSG:4326,
 * ordered by KODE.  TOLERANCE is ground metres, or with `pt` points on the
 * A4 sheet of the feature's group (GROUP_FIELD): each province's kab/kota
 * are simplified for the scale their own sheet is drawn at (Papua's
 * coarser than DKI Jakarta's), and islets the sheet would leave out as
 * specks (narrower than 0.8 pt) are not written.  A point on a border between groups keeps
 * the finer of their tolerances, so shared borders stay shared.  Nothing vanishes: a district smaller than
 * the tolerance keeps a box of its largest part.  The file is written
 * beside OUT as OUT.tmp.gpkg and moved into place when complete; the same
 * inputs give the same bytes (the GeoPackage timestamps are pinned).
 * Exit status 0, 1 on bad input or a failed write (message on stderr). */
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "geo.h"

typedef struct {
  char *name, *source, *group_field;
  double tolerance;
  gboolean points; /* tolerance in points of the group's A4 sheet */
} WilayahLayer;

/* The A4 landscape sheet's map frame (render-page.c), points, and the air
 * render-map.c leaves around the group. */
#define WILAYAH_FRAME_W 500.0
#define WILAYAH_FRAME_H 478.0
#define WILAYAH_AIR 1.08
/* Islands narrower than this on their A4 sheet are specks the sheet
 * leaves out (the page's `speck`, render-page.c): not shipped. */
#define WILAYAH_SPECK_PT 0.8

/* Parses LAYER=SRC:TOLERANCE[:GROUP_FIELD]; SRC may hold no ':'. */
static gboolean
wilayah_parse(const char *arg, WilayahLayer *out, GError **error)
{
  const char *eq = strchr(arg, '=');
  g_auto(GStrv) parts = eq ? g_strsplit(eq + 1, ":", 3) : NULL;
  char *end = NULL;
  double tol = parts && parts[0] && parts[1] ? g_ascii_strtod(parts[1], &end) : -1;
  gboolean points = end && strcmp(end, "pt") == 0;
  if (eq == NULL || eq == arg || parts[0] == NULL || parts[1] == NULL || end == parts[1] ||
      (*end != '\0' && !points) || !(tol >= 0) || (points && (parts[2] == NULL || !*parts[2]))) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "'%s': want LAYER=SRC:TOLERANCE[:GROUP_FIELD], TOLERANCE metres >= 0, or "
                "points with 'pt' and a GROUP_FIELD",
                arg);
    return FALSE;
  }
  out->points = points;
  out->name = g_strndup(arg, (gsize)(eq - arg));
  out->source = g_strdup(parts[0]);
  out->tolerance = tol;
  out->group_field = parts[2] && *parts[2] ? g_strdup(parts[2]) : NULL;
  return TRUE;
}

static int
wilayah_cmp_key(gconstpointer a, gconstpointer b, gpointer layer)
{
  const GeoLayer *l = layer;
  guint fa = *(const guint *)a, fb = *(const guint *)b;
  int c = g_strcmp0(l->features[fa].key, l->features[fb].key);
  return c ? c : (fa > fb) - (fa < fb);
}

/* Feature i of s as an OGR MultiPolygon.  Caller destroys. */
static OGRGeometryH
wilayah_geometry(const GeoShapes *s, guint i)
{
  OGRGeometryH multi = OGR_G_CreateGeometry(wkbMultiPolygon);
  for (guint p = s->feature_part[i]; p < s->feature_part[i + 1]; p++) {
    OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
    for (guint r = s->part_ring[p]; r < s->part_ring[p + 1]; r++) {
      OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
      guint a = s->ring_point[r], z = s->ring_point[r + 1];
      for (guint k = a; k <= z; k++) {
        guint q = k == z ? a : k; /* rings are stored open: close them */
        OGR_G_AddPoint_2D(ring, s->xy[2 * q], s->xy[2 * q + 1]);
      }
      OGR_G_AddGeometryDirectly(poly, ring);
    }
    OGR_G_AddGeometryDirectly(multi, poly);
  }
  return multi;
}

/* Metres per point of the A4 sheet of each group (bounding box in lon/lat
 * turned into ground metres at its middle latitude). */
static GHashTable *
wilayah_group_scales(const GeoLayer *layer)
{
  GHashTable *box = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
  for (guint f = 0; f < layer->n_features; f++) {
    const double *b = &layer->shapes->bbox[4 * f];
    if (isnan(b[0]))
      continue;
    double *g = g_hash_table_lookup(box, layer->features[f].group);
    if (g == NULL) {
      g = g_new(double, 4);
      memcpy(g, b, sizeof(double) * 4);
      g_hash_table_insert(box, (gpointer)layer->features[f].group, g);
    }
    g[0] = MIN(g[0], b[0]);
    g[1] = MIN(g[1], b[1]);
    g[2] = MAX(g[2], b[2]);
    g[3] = MAX(g[3], b[3]);
  }
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, box);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    double *g = v;
    double w = (g[2] - g[0]) * 111320.0 * cos((g[1] + g[3]) / 2 * G_PI / 180);
    double h = (g[3] - g[1]) * 110574.0;
    g[0] = MAX(w / WILAYAH_FRAME_W, h / WILAYAH_FRAME_H) * WILAYAH_AIR; /* m per pt */
  }
  return box;
}

static guint
wilayah_point_hash(gconstpointer p)
{
  const double *xy = p;
  return g_double_hash(&xy[0]) * 31u ^ g_double_hash(&xy[1]);
}

static gboolean
wilayah_point_equal(gconstpointer a, gconstpointer b)
{
  const double *p = a, *q = b;
  return p[0] == q[0] && p[1] == q[1];
}

/* The larger side of ring r's bounding box, ground metres. */
static double
wilayah_ring_size_m(const GeoShapes *s, guint r)
{
  double bb[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
  for (guint q = s->ring_point[r]; q < s->ring_point[r + 1]; q++) {
    bb[0] = MIN(bb[0], s->xy[2 * q]);
    bb[1] = MIN(bb[1], s->xy[2 * q + 1]);
    bb[2] = MAX(bb[2], s->xy[2 * q]);
    bb[3] = MAX(bb[3], s->xy[2 * q + 1]);
  }
  return MAX((bb[2] - bb[0]) * 111320.0 * cos((bb[1] + bb[3]) / 2 * G_PI / 180),
             (bb[3] - bb[1]) * 110574.0);
}

/* Features order[0..n) of the layer simplified with the topology's
 * importances, each point kept when its importance reaches the finest
 * tolerance (`pt` points on the sheet) of the groups whose features have
 * it; parts left with under 3 points go, a feature left with none keeps
 * its largest part's box.  Caller frees with geo_shapes_free. */
static GeoShapes *
wilayah_simplify_per_group(const GeoLayer *layer, const guint *order, double pt)
{
  const GeoShapes *src = layer->shapes;
  GHashTable *scale = wilayah_group_scales(layer);
  GHashTable *tol = g_hash_table_new(wilayah_point_hash, wilayah_point_equal);
  float *ftol = g_new(float, MAX(layer->n_features, 1));
  for (guint f = 0; f < layer->n_features; f++) {
    const double *g = g_hash_table_lookup(scale, layer->features[f].group);
    ftol[f] = g ? (float)(g[0] * pt) : 0;
    guint a = src->ring_point[src->part_ring[src->feature_part[f]]];
    guint z = src->ring_point[src->part_ring[src->feature_part[f + 1]]];
    for (guint i = a; i < z; i++) {
      gpointer old = g_hash_table_lookup(tol, &src->xy[2 * i]);
      float t = ftol[f];
      if (old == NULL || t < *(float *)old)
        g_hash_table_replace(tol, (gpointer)&src->xy[2 * i], &ftol[f]);
    }
  }
  GeoShapes *s = g_new0(GeoShapes, 1);
  s->xy = g_new(double, 2 * (gsize)MAX(src->n_points, 1) + 8 * (gsize)layer->n_features);
  s->ring_point = g_new(guint, src->n_rings + layer->n_features + 1);
  s->part_ring = g_new(guint, src->n_parts + layer->n_features + 1);
  s->feature_part = g_new(guint, layer->n_features + 1);
  s->bbox = g_new(double, 4 * (gsize)MAX(layer->n_features, 1));
  s->n_features = layer->n_features;
  guint pt_n = 0, rg = 0, pa = 0;
  s->ring_point[0] = s->part_ring[0] = s->feature_part[0] = 0;
  for (guint i = 0; i < layer->n_features; i++) {
    guint f = order[i];
    for (guint p = src->feature_part[f]; p < src->feature_part[f + 1]; p++) {
      guint first = rg;
      for (guint r = src->part_ring[p]; r < src->part_ring[p + 1]; r++) {
        if (r == src->part_ring[p] && !src->ring_touch[r] &&
            wilayah_ring_size_m(src, r) < WILAYAH_SPECK_PT * ftol[f] / pt)
          break; /* an islet the sheet leaves out as a speck (render-map-path.c) */
        guint start = pt_n;
        for (guint q = src->ring_point[r]; q < src->ring_point[r + 1]; q++) {
          const float *t = g_hash_table_lookup(tol, &src->xy[2 * q]);
          if (src->importance[q] >= *t) {
            s->xy[2 * pt_n] = src->xy[2 * q];
            s->xy[2 * pt_n + 1] = src->xy[2 * q + 1];
            pt_n++;
          }
        }
        if (pt_n - start < 3) {
          pt_n = start;
          if (r == src->part_ring[p])
            break; /* the shell went: the part goes with its holes */
          continue;
        }
        s->ring_point[++rg] = pt_n;
      }
      if (rg > first)
        s->part_ring[++pa] = rg;
    }
    if (pa == s->feature_part[i] && src->feature_part[f] < src->feature_part[f + 1]) {
      /* Nothing left at this scale: the box of its largest part. */
      guint r = src->part_ring[geo_shapes_main_part(src, f)];
      double bb[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
      for (guint q = src->ring_point[r]; q < src->ring_point[r + 1]; q++) {
        bb[0] = MIN(bb[0], src->xy[2 * q]);
        bb[1] = MIN(bb[1], src->xy[2 * q + 1]);
        bb[2] = MAX(bb[2], src->xy[2 * q]);
        bb[3] = MAX(bb[3], src->xy[2 * q + 1]);
      }
      double box[8] = {bb[0], bb[1], bb[2], bb[1], bb[2], bb[3], bb[0], bb[3]};
      memcpy(s->xy + 2 * pt_n, box, sizeof box);
      pt_n += 4;
      s->ring_point[++rg] = pt_n;
      s->part_ring[++pa] = rg;
    }
    s->feature_part[i + 1] = pa;
  }
  s->n_points = pt_n;
  s->n_rings = rg;
  s->n_parts = pa;
  g_hash_table_destroy(tol);
  g_hash_table_destroy(scale);
  g_free(ftol);
  return s;
}

/* Reads, simplifies and writes one layer into ds. */
static gboolean
wilayah_layer_write(GDALDatasetH ds, const WilayahLayer *wl, GError **error)
{
  GeoLayerSpec spec = {.source = wl->source,
                       .key_field = "KODE",
                       .name_field = "NAMA",
                       .group_field = wl->group_field};
  GeoLayer *layer = geo_layer_read(&spec, error);
  if (layer == NULL)
    return FALSE;
  geo_shapes_topology(layer->shapes);
  guint *order = g_new(guint, MAX(layer->n_features, 1));
  for (guint f = 0; f < layer->n_features; f++)
    order[f] = f;
  g_qsort_with_data(order, (gint)layer->n_features, sizeof(guint), wilayah_cmp_key, layer);
  GeoShapes *s = wl->points ? wilayah_simplify_per_group(layer, order, wl->tolerance)
                            : geo_shapes_project(layer->shapes, order, layer->n_features, NULL,
                                                 wl->tolerance, GEO_VANISHED_KEEP, error);
  gboolean ok = s != NULL;
  OGRSpatialReferenceH srs = OSRNewSpatialReference(NULL);
  OSRImportFromEPSG(srs, 4326);
  OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
  char *options[] = {"FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=NO", NULL};
  OGRLayerH out = ok ? GDALDatasetCreateLayer(ds, wl->name, srs, wkbMultiPolygon, options) : NULL;
  OSRDestroySpatialReference(srs);
  if (ok && out == NULL) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "cannot create layer %s: %s", wl->name,
                CPLGetLastErrorMsg());
    ok = FALSE;
  }
  const char *fields[] = {"KODE", "NAMA", wl->group_field};
  for (guint k = 0; ok && k < G_N_ELEMENTS(fields) && fields[k]; k++) {
    OGRFieldDefnH fd = OGR_Fld_Create(fields[k], OFTString);
    ok = OGR_L_CreateField(out, fd, TRUE) == OGRERR_NONE;
    OGR_Fld_Destroy(fd);
  }
  if (ok && OGR_L_StartTransaction(out) != OGRERR_NONE)
    ok = FALSE;
  guint n_points = 0;
  for (guint i = 0; ok && i < layer->n_features; i++) {
    const GeoFeature *gf = &layer->features[order[i]];
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(out));
    OGR_F_SetFieldString(f, 0, gf->raw_key);
    OGR_F_SetFieldString(f, 1, gf->name ? gf->name : "");
    if (wl->group_field)
      OGR_F_SetFieldString(f, 2, gf->group);
    OGR_F_SetGeometryDirectly(f, wilayah_geometry(s, i));
    ok = OGR_L_CreateFeature(out, f) == OGRERR_NONE;
    OGR_F_Destroy(f);
  }
  if (ok)
    ok = OGR_L_CommitTransaction(out) == OGRERR_NONE;
  if (!ok && error && *error == NULL)
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "writing layer %s: %s", wl->name,
                CPLGetLastErrorMsg());
  if (ok) {
    n_points = s->n_points;
    g_print("make-wilayah: %s: %u features from %s, %u of %u points kept at %g %s\n", wl->name,
            layer->n_features, wl->source, n_points, layer->shapes->n_points, wl->tolerance,
            wl->points ? "pt of each group's A4 sheet" : "m");
  }
  geo_shapes_free(s);
  g_free(order);
  geo_layer_free(layer);
  return ok;
}

int
main(int argc, char **argv)
{
  if (argc < 3) {
    g_printerr("usage: make-wilayah OUT.gpkg LAYER=SRC:TOLERANCE[:GROUP_FIELD] ...\n");
    return 1;
  }
  GError *error = NULL;
  WilayahLayer *layers = g_new0(WilayahLayer, argc);
  int n = 0;
  for (int i = 2; i < argc; i++)
    if (!wilayah_parse(argv[i], &layers[n++], &error))
      break;
  GDALAllRegister();
  /* Pinned timestamps: the same inputs give the same bytes. */
  CPLSetConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z");
  g_autofree char *tmp = g_strdup_printf("%s.tmp.gpkg", argv[1]);
  GDALDatasetH ds = NULL;
  if (error == NULL) {
    g_unlink(tmp);
    GDALDriverH drv = GDALGetDriverByName("GPKG");
    ds = drv ? GDALCreate(drv, tmp, 0, 0, 0, GDT_Unknown, NULL) : NULL;
    if (ds == NULL)
      g_set_error(&error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: cannot create: %s", tmp,
                  CPLGetLastErrorMsg());
  }
  for (int i = 0; error == NULL && i < n; i++)
    wilayah_layer_write(ds, &layers[i], &error);
  if (ds)
    GDALClose(ds);
  if (error == NULL && g_rename(tmp, argv[1]) != 0)
    g_set_error(&error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: cannot move into place", argv[1]);
  for (int i = 0; i < n; i++) {
    g_free(layers[i].name);
    g_free(layers[i].source);
    g_free(layers[i].group_field);
  }
  g_free(layers);
  if (error) {
    g_unlink(tmp);
    g_printerr("make-wilayah: error: %s\n", error->message);
    g_error_free(error);
    return 1;
  }
  return 0;
}
