/* geo-layer.c — reads a boundary layer from any GDAL vector source into
 * flat coordinate arrays (converted from OGR once, here, at the edge), with
 * each feature's normalised key, name and group, in WGS84 lon/lat.
 *
 * Invalid polygons are kept as they are; the renderer fills each part with
 * the non-zero winding rule after orienting shells and holes, which fills
 * self-intersecting and nested rings the way their author meant. */
#include "geo-private.h"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <string.h>

static void
geo_layer_init_gdal(void)
{
  static gsize once = 0;
  if (g_once_init_enter(&once)) {
    GDALAllRegister();
    CPLSetErrorHandler(CPLQuietErrorHandler);
    g_once_init_leave(&once, 1);
  }
}

/* Adds an OGR ring (its coordinates read in one call) to the builder. */
static void
geo_layer_add_ring(GeoShapesBuilder *b, OGRGeometryH ring, gboolean shell, gboolean *open,
                   GArray *scratch)
{
  int n = OGR_G_GetPointCount(ring);
  if (n <= 0)
    return;
  g_array_set_size(scratch, 2 * (guint)n);
  double *xy = (double *)scratch->data;
  OGR_G_GetPoints(ring, xy, 2 * sizeof(double), xy + 1, 2 * sizeof(double), NULL, 0);
  geo_shapes_builder_add_ring(b, xy, (guint)n, shell, open);
}

static void
geo_layer_add_polygon(GeoShapesBuilder *b, OGRGeometryH poly, GArray *scratch)
{
  gboolean open = FALSE;
  int n = OGR_G_GetGeometryCount(poly);
  for (int i = 0; i < n; i++)
    geo_layer_add_ring(b, OGR_G_GetGeometryRef(poly, i), i == 0, &open, scratch);
}

/* Adds every polygon found in `g`; returns the number of polygons. */
static guint
geo_layer_add_geometry(GeoShapesBuilder *b, OGRGeometryH g, GArray *scratch)
{
  if (g == NULL)
    return 0;
  OGRwkbGeometryType t = wkbFlatten(OGR_G_GetGeometryType(g));
  switch (t) {
  case wkbPolygon:
  case wkbTriangle:
    geo_layer_add_polygon(b, g, scratch);
    return 1;
  case wkbCurvePolygon:
  case wkbMultiSurface:
  case wkbCompoundCurve: {
    OGRGeometryH lin = OGR_G_GetLinearGeometry(g, 0, NULL);
    guint k = geo_layer_add_geometry(b, lin, scratch);
    OGR_G_DestroyGeometry(lin);
    return k;
  }
  case wkbMultiPolygon:
  case wkbGeometryCollection:
  case wkbPolyhedralSurface:
  case wkbTIN: {
    guint k = 0;
    int n = OGR_G_GetGeometryCount(g);
    for (int i = 0; i < n; i++)
      k += geo_layer_add_geometry(b, OGR_G_GetGeometryRef(g, i), scratch);
    return k;
  }
  default:
    return 0;
  }
}

/* Field index of `name` in `defn`, or an error listing the fields. */
static int
geo_layer_field(OGRFeatureDefnH defn, const char *name, const char *source, const char *role,
                GError **error)
{
  int i = OGR_FD_GetFieldIndex(defn, name);
  if (i >= 0)
    return i;
  GString *names = g_string_new(NULL);
  for (int k = 0; k < OGR_FD_GetFieldCount(defn); k++)
    g_string_append_printf(names, "%s%s", k ? ", " : "",
                           OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, k)));
  g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
              "%s: no field '%s' for the %s (fields: %s)", source, name, role, names->str);
  g_string_free(names, TRUE);
  return -1;
}

GeoLayer *
geo_layer_read(const GeoLayerSpec *spec, GError **error)
{
  geo_layer_init_gdal();
  GDALDatasetH ds = GDALOpenEx(spec->source, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
  if (ds == NULL) {
    g_autofree char *what = g_strdup_printf("%s: cannot open as a vector source", spec->source);
    geo_error_set_from_gdal(error, GEO_ERROR_INPUT, what);
    return NULL;
  }
  GeoLayer *layer = NULL;
  OGRLayerH lyr = spec->layer ? GDALDatasetGetLayerByName(ds, spec->layer)
                              : GDALDatasetGetLayer(ds, 0);
  if (lyr == NULL) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s: no layer '%s'", spec->source,
                spec->layer ? spec->layer : "(first)");
    goto out;
  }
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(lyr);
  int key_i = -1, name_i = -1, group_i = -1;
  if (spec->key_field &&
      (key_i = geo_layer_field(defn, spec->key_field, spec->source, "key (--key)", error)) < 0)
    goto out;
  if (spec->name_field &&
      (name_i = geo_layer_field(defn, spec->name_field, spec->source, "name (--name)", error)) < 0)
    goto out;
  if (spec->group_field &&
      (group_i = geo_layer_field(defn, spec->group_field, spec->source, "group (--group)",
                                 error)) < 0)
    goto out;
  if (spec->where && OGR_L_SetAttributeFilter(lyr, spec->where) != OGRERR_NONE) {
    g_autofree char *what = g_strdup_printf("%s: bad filter '%s'", spec->source, spec->where);
    geo_error_set_from_gdal(error, GEO_ERROR_USAGE, what);
    goto out;
  }

  layer = g_new0(GeoLayer, 1);
  layer->source = g_strdup(spec->source);
  layer->layer_name = g_strdup(OGR_L_GetName(lyr));
  layer->strings = g_string_chunk_new(4096);
  GArray *features = g_array_new(FALSE, TRUE, sizeof(GeoFeature));
  GArray *scratch = g_array_new(FALSE, FALSE, sizeof(double));
  GeoShapesBuilder b;
  geo_shapes_builder_init(&b);

  OGR_L_ResetReading(lyr);
  OGRFeatureH feat;
  while ((feat = OGR_L_GetNextFeature(lyr)) != NULL) {
    OGRGeometryH g = OGR_F_GetGeometryRef(feat);
    guint parts_before = b.part_ring->len;
    guint polys = geo_layer_add_geometry(&b, g, scratch);
    if (polys == 0 || b.part_ring->len == parts_before) {
      layer->n_skipped_empty++;
      OGR_F_Destroy(feat);
      continue;
    }
    geo_shapes_builder_end_feature(&b);
    GeoFeature f = {0};
    f.fid = (long)OGR_F_GetFID(feat);
    if (key_i >= 0) {
      const char *raw = OGR_F_IsFieldSetAndNotNull(feat, key_i) ? OGR_F_GetFieldAsString(feat, key_i) : "";
      g_autofree char *norm = geo_key_normalise(raw);
      f.raw_key = g_string_chunk_insert_const(layer->strings, raw);
      f.key = g_string_chunk_insert_const(layer->strings, norm);
    } else {
      f.raw_key = f.key = "";
    }
    f.name = name_i >= 0 ? g_string_chunk_insert_const(layer->strings,
                                                       OGR_F_GetFieldAsString(feat, name_i))
                         : f.key;
    if (group_i >= 0) {
      g_autofree char *gnorm = geo_key_normalise(OGR_F_GetFieldAsString(feat, group_i));
      f.group = g_string_chunk_insert_const(layer->strings, gnorm);
    } else {
      f.group = "";
    }
    g_array_append_val(features, f);
    OGR_F_Destroy(feat);
  }
  g_array_free(scratch, TRUE);
  layer->shapes = geo_shapes_builder_finish(&b);
  layer->n_features = features->len;
  layer->features = (GeoFeature *)g_array_free(features, FALSE);

  if (CPLGetLastErrorType() >= CE_Failure) {
    g_autofree char *what = g_strdup_printf("%s: reading layer '%s' failed", spec->source,
                                            layer->layer_name);
    geo_error_set_from_gdal(error, GEO_ERROR_INPUT, what);
    geo_layer_free(layer);
    layer = NULL;
    goto out;
  }
  if (layer->n_features == 0) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s: layer '%s' has no polygon features",
                spec->source, layer->layer_name);
    geo_layer_free(layer);
    layer = NULL;
    goto out;
  }

  /* Coordinates to WGS84 lon/lat. */
  OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(lyr);
  if (srs != NULL) {
    char *wkt = NULL;
    const char *opts[] = {"FORMAT=WKT2_2018", NULL};
    OSRExportToWktEx(srs, &wkt, opts);
    layer->crs_name = geo_proj_crs_name(wkt);
    gboolean ok = geo_proj_to_lonlat(wkt, layer->shapes->xy, layer->shapes->n_points, error);
    CPLFree(wkt);
    if (!ok) {
      g_prefix_error(error, "%s: ", spec->source);
      geo_layer_free(layer);
      layer = NULL;
      goto out;
    }
    geo_shapes_update_bbox(layer->shapes);
  } else {
    /* No CRS declared: accept it as lon/lat only if it looks like it. */
    const GeoShapes *s = layer->shapes;
    for (guint i = 0; i < s->n_points; i++) {
      double x = s->xy[2 * i], y = s->xy[2 * i + 1];
      if (x < -180 || x > 360 || y < -90 || y > 90) {
        g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                    "%s: layer '%s' declares no coordinate system and its coordinates "
                    "(e.g. %.1f, %.1f) are not longitude/latitude; add a .prj file",
                    spec->source, layer->layer_name, x, y);
        geo_layer_free(layer);
        layer = NULL;
        goto out;
      }
    }
    layer->crs_name = g_strdup("WGS 84 (assumed: no CRS declared)");
  }

out:
  GDALClose(ds);
  return layer;
}

void
geo_layer_free(GeoLayer *layer)
{
  if (layer == NULL)
    return;
  g_free(layer->source);
  g_free(layer->layer_name);
  g_free(layer->crs_name);
  g_free(layer->features);
  geo_shapes_free(layer->shapes);
  if (layer->strings)
    g_string_chunk_free(layer->strings);
  g_free(layer);
}

int
geo_layer_find(const GeoLayer *layer, const char *key)
{
  for (guint i = 0; i < layer->n_features; i++)
    if (strcmp(layer->features[i].key, key) == 0)
      return (int)i;
  return -1;
}
