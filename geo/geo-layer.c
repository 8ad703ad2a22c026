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
#include <cpl_vsi.h>
#include <math.h>
#include <stdarg.h>
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

/* The state of one read: the shapes being built, and which feature is
 * being read, so that every error can name it. */
typedef struct {
  GeoShapesBuilder b;
  GArray *scratch;
  const char *source; /* printable */
  const char *key_field;
  long fid;
  const char *raw_key; /* of the feature being read, or NULL */
  guint ring;          /* rings of the feature so far */
  guint64 feature_points, layer_points;
  GError **error;
  gboolean failed;
  GPtrArray *notes;   /* of the layer: names made visible */
  guint n_name_notes; /* names changed, noted or not */
  gboolean blanked;   /* the last name read had nothing visible */
} GeoLayerReader;

/* Notes about names kept per layer; the rest are counted. */
#define GEO_LAYER_MAX_NAME_NOTES 20

/* "feature 17 (KODE '53.71')", for messages.  Caller frees. */
static char *
geo_layer_feature_label(const char *key_field, long fid, const char *raw_key)
{
  if (key_field == NULL || raw_key == NULL)
    return g_strdup_printf("feature %ld", fid);
  g_autofree char *field = geo_text_printable(key_field, 100);
  g_autofree char *key = geo_text_printable(raw_key, 60);
  return g_strdup_printf("feature %ld (%s '%s')", fid, field, key);
}

G_GNUC_PRINTF(2, 3)
static void
geo_layer_reader_fail(GeoLayerReader *r, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  g_autofree char *msg = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  g_autofree char *label = geo_layer_feature_label(r->key_field, r->fid, r->raw_key);
  g_set_error(r->error, GEO_ERROR, GEO_ERROR_INPUT, "%s %s: %s", r->source, label, msg);
  r->failed = TRUE;
}

/* Adds an OGR ring (its coordinates read in one call) to the builder,
 * refusing too many vertices and coordinates that are not numbers. */
static void
geo_layer_add_ring(GeoLayerReader *r, OGRGeometryH ring, gboolean shell, gboolean *open)
{
  int n = OGR_G_GetPointCount(ring);
  r->ring++;
  if (n <= 0)
    return;
  r->feature_points += (guint)n;
  r->layer_points += (guint)n;
  if (r->feature_points > GEO_LIMIT_FEATURE_VERTICES) {
    geo_layer_reader_fail(r, "has more than %u vertices; the limit per feature is %u",
                          GEO_LIMIT_FEATURE_VERTICES, GEO_LIMIT_FEATURE_VERTICES);
    return;
  }
  if (r->layer_points > GEO_LIMIT_LAYER_VERTICES) {
    geo_layer_reader_fail(r,
                          "the layer has more than %u vertices up to here; the limit per "
                          "layer is %u",
                          GEO_LIMIT_LAYER_VERTICES, GEO_LIMIT_LAYER_VERTICES);
    return;
  }
  g_array_set_size(r->scratch, 2 * (guint)n);
  double *xy = (double *)r->scratch->data;
  OGR_G_GetPoints(ring, xy, 2 * sizeof(double), xy + 1, 2 * sizeof(double), NULL, 0);
  for (int i = 0; i < n; i++)
    if (!isfinite(xy[2 * i]) || !isfinite(xy[2 * i + 1])) {
      geo_layer_reader_fail(r, "ring %u, vertex %d is not a number (%g, %g)", r->ring, i + 1,
                            xy[2 * i], xy[2 * i + 1]);
      return;
    }
  geo_shapes_builder_add_ring(&r->b, xy, (guint)n, shell, open);
}

static void
geo_layer_add_polygon(GeoLayerReader *r, OGRGeometryH poly)
{
  gboolean open = FALSE;
  int n = OGR_G_GetGeometryCount(poly);
  for (int i = 0; i < n && !r->failed; i++)
    geo_layer_add_ring(r, OGR_G_GetGeometryRef(poly, i), i == 0, &open);
}

/* Why a feature with geometry `g`, of which `polys` polygons were found,
 * has nothing to draw: "has no geometry", "is a Point, not a polygon"...
 * Caller frees. */
static char *
geo_layer_skip_reason(OGRGeometryH g, guint polys)
{
  if (g == NULL)
    return g_strdup("has no geometry");
  const char *type = OGRGeometryTypeToName(OGR_G_GetGeometryType(g));
  if (OGR_G_IsEmpty(g))
    return g_strdup_printf("has an empty geometry (%s EMPTY)", type);
  if (polys == 0)
    return g_strdup_printf("is a %s, not a polygon", type);
  return g_strdup_printf("is a %s without area (no ring of 3 distinct points)", type);
}

/* Adds every polygon found in `g`; returns the number of polygons. */
static guint
geo_layer_add_geometry(GeoLayerReader *r, OGRGeometryH g)
{
  if (g == NULL || r->failed)
    return 0;
  OGRwkbGeometryType t = wkbFlatten(OGR_G_GetGeometryType(g));
  switch (t) {
  case wkbPolygon:
  case wkbTriangle: geo_layer_add_polygon(r, g); return 1;
  case wkbCurvePolygon:
  case wkbMultiSurface:
  case wkbCompoundCurve: {
    OGRGeometryH lin = OGR_G_GetLinearGeometry(g, 0, NULL);
    guint k = geo_layer_add_geometry(r, lin);
    OGR_G_DestroyGeometry(lin);
    return k;
  }
  case wkbMultiPolygon:
  case wkbGeometryCollection:
  case wkbPolyhedralSurface:
  case wkbTIN: {
    guint k = 0;
    int n = OGR_G_GetGeometryCount(g);
    for (int i = 0; i < n && !r->failed; i++)
      k += geo_layer_add_geometry(r, OGR_G_GetGeometryRef(g, i));
    return k;
  }
  default: return 0;
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
  int n = OGR_FD_GetFieldCount(defn);
  g_autoptr(GPtrArray) names = g_ptr_array_new(); /* borrowed from defn */
  for (int k = 0; k < n; k++)
    g_ptr_array_add(names, (gpointer)OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, k)));
  g_autofree char *pnames =
      geo_text_field_list((const char *const *)names->pdata, names->len, "none");
  g_autofree char *pname = geo_text_printable(name, 200);
  g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s: no field '%s' for the %s (fields: %s)",
              source, pname, role, pnames);
  return -1;
}

/* geo_layer_field for the field of `role` ("key") that the caller calls
 * `option` ("--key", may be NULL): messages say "the key (--key)". */
static int
geo_layer_field_role(OGRFeatureDefnH defn, const char *name, const char *source, const char *role,
                     const char *option, GError **error)
{
  g_autofree char *named = option ? g_strdup_printf("%s (%s)", role, option) : g_strdup(role);
  return geo_layer_field(defn, name, source, named, error);
}

/* A layer without any field cannot give keys: says why when it can. */
static gboolean
geo_layer_check_has_fields(GDALDatasetH ds, OGRLayerH lyr, const char *source, GError **error)
{
  if (OGR_FD_GetFieldCount(OGR_L_GetLayerDefn(lyr)) > 0)
    return TRUE;
  const char *driver = GDALGetDriverShortName(GDALGetDatasetDriver(ds));
  const char *path = GDALGetDescription(ds);
  if (g_strcmp0(driver, "ESRI Shapefile") == 0 && path && strlen(path) > 4 &&
      g_ascii_strcasecmp(path + strlen(path) - 4, ".shp") == 0) {
    g_autofree char *stem = g_strndup(path, strlen(path) - 4);
    g_autofree char *dbf = g_strconcat(stem, ".dbf", NULL);
    g_autofree char *DBF = g_strconcat(stem, ".DBF", NULL);
    VSIStatBufL st;
    if (VSIStatL(dbf, &st) != 0 && VSIStatL(DBF, &st) != 0) {
      g_autofree char *pdbf = geo_text_printable(dbf, 0);
      g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                  "%s: the shapefile has no attribute table: %s is missing", source, pdbf);
      return FALSE;
    }
  }
  if (OGR_L_GetFeatureCount(lyr, TRUE) == 0) {
    g_autofree char *lname = geo_text_printable(OGR_L_GetName(lyr), 200);
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s: layer '%s' is empty (no features)", source,
                lname);
    return FALSE;
  }
  return TRUE;
}

/* Text of field i of `feat` ("" when unset), valid UTF-8 and not longer
 * than the limit; NULL with an error otherwise.  `drawn`: a name for the
 * map, made visible (geo_text_visible) with a note. */
static const char *
geo_layer_text(GeoLayer *layer, OGRFeatureH feat, int i, gboolean drawn, GeoLayerReader *r)
{
  const char *v = OGR_F_IsFieldSetAndNotNull(feat, i) ? OGR_F_GetFieldAsString(feat, i) : "";
  size_t len = strlen(v);
  if (len > GEO_LIMIT_CELL_BYTES) {
    OGRFieldDefnH fd = OGR_FD_GetFieldDefn(OGR_F_GetDefnRef(feat), i);
    g_autofree char *field = geo_text_printable(OGR_Fld_GetNameRef(fd), 100);
    g_autofree char *start = geo_text_printable(v, 20);
    geo_layer_reader_fail(
        r, "field %s: the text ('%s') is %" G_GSIZE_FORMAT " bytes long; the limit is %d bytes",
        field, start, (gsize)len, GEO_LIMIT_CELL_BYTES);
    return NULL;
  }
  g_autofree char *fixed = geo_text_repair(v);
  const char *text = fixed ? fixed : v;
  const char *why = NULL;
  g_autofree char *visible = drawn ? geo_text_visible(text, &why) : NULL;
  if (visible != NULL) {
    if (r->n_name_notes++ < GEO_LAYER_MAX_NAME_NOTES) {
      OGRFieldDefnH fd = OGR_FD_GetFieldDefn(OGR_F_GetDefnRef(feat), i);
      g_autofree char *field = geo_text_printable(OGR_Fld_GetNameRef(fd), 100);
      g_autofree char *label = geo_layer_feature_label(r->key_field, r->fid, r->raw_key);
      g_autofree char *shown = geo_text_printable(visible, 80);
      g_ptr_array_add(r->notes, g_strdup_printf("%s %s, field %s: the text %s: '%s'", r->source,
                                                label, field, why, shown));
    }
    text = visible;
    r->blanked = *visible == '\0';
  }
  return g_string_chunk_insert_const(layer->strings, text);
}

/* Names a NUL byte in the .dbf cut short (geo-dbf.c) end in "…" on the
 * map, with a note naming the feature and field. */
static void
geo_layer_mark_cut_names(GeoLayer *layer, const char *path, const char *field, const char *source,
                         GPtrArray *notes)
{
  g_autoptr(GArray) cut = geo_dbf_cut_records(path, field);
  guint noted = 0;
  for (guint i = 0, f = 0; i < cut->len; i++) {
    long fid = g_array_index(cut, long, i);
    while (f < layer->n_features && layer->features[f].fid < fid)
      f++;
    if (f == layer->n_features || layer->features[f].fid != fid)
      continue;
    GeoFeature *ft = &layer->features[f];
    g_autofree char *marked = g_strconcat(ft->name, "…", NULL);
    if (noted++ < GEO_LAYER_MAX_NAME_NOTES) {
      g_autofree char *shown_field = geo_text_printable(field, 100);
      g_autofree char *shown = geo_text_printable(ft->name, 80);
      g_autofree char *key = ft->raw_key ? geo_text_printable(ft->raw_key, 60) : NULL;
      g_ptr_array_add(notes, g_strdup_printf("%s feature %ld%s%s%s, field %s: the text holds a NUL "
                                             "byte after '%s', which cuts it there; drawn as '%s'",
                                             source, fid, key ? " (key '" : "", key ? key : "",
                                             key ? "')" : "", shown_field, shown, marked));
    }
    ft->name = g_string_chunk_insert_const(layer->strings, marked);
  }
}

/* Every vertex, now in lon/lat, must be a finite point on the globe: a
 * wrong CRS or a broken geometry would otherwise be drawn across the page.
 * `assumed`: the layer declares no CRS and was taken as lon/lat. */
static gboolean
geo_layer_check_lonlat(const GeoLayer *layer, const GeoLayerSpec *spec, const char *source,
                       gboolean assumed, GError **error)
{
  const GeoShapes *s = layer->shapes;
  for (guint f = 0; f < s->n_features; f++) {
    guint a = s->ring_point[s->part_ring[s->feature_part[f]]];
    guint z = s->ring_point[s->part_ring[s->feature_part[f + 1]]];
    for (guint i = a; i < z; i++) {
      double x = s->xy[2 * i], y = s->xy[2 * i + 1];
      if (isfinite(x) && isfinite(y) && fabs(x) <= GEO_LIMIT_LON && fabs(y) <= GEO_LIMIT_LAT)
        continue;
      const GeoFeature *feat = &layer->features[f];
      g_autofree char *label = geo_layer_feature_label(spec->key_field, feat->fid,
                                                       spec->key_field ? feat->raw_key : NULL);
      g_autofree char *lname = geo_text_printable(layer->layer_name, 200);
      if (assumed)
        g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                    "%s: layer '%s' declares no coordinate system and %s has a vertex at "
                    "(%g, %g), which is not longitude/latitude; add a .prj file",
                    source, lname, label, x, y);
      else
        g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                    "%s %s: a vertex lies off the globe at longitude %g, latitude %g "
                    "(converted from %s; |lon| must be <= %g and |lat| <= %g): a wrong "
                    "coordinate system or a broken geometry; leave the feature out with %s",
                    source, label, x, y, layer->crs_name, GEO_LIMIT_LON, GEO_LIMIT_LAT,
                    spec->where_option ? spec->where_option : "an attribute filter");
      return FALSE;
    }
  }
  return TRUE;
}

GeoLayer *
geo_layer_read(const GeoLayerSpec *spec, GError **error)
{
  geo_layer_init_gdal();
  g_autofree char *source = geo_text_printable(spec->source, 0);
  g_autofree char *lname = NULL;             /* the layer's name, printable */
  g_autofree char *first_skipped_why = NULL; /* of the first feature left out */
  /* A FIFO or a device is refused before GDAL opens it (open() on a FIFO
   * blocks); a folder of shapefiles is a source; PG: gets its timeouts. */
  g_autofree char *opened = geo_source_prepare(spec->source, "boundaries", TRUE, error);
  if (opened == NULL || !geo_shx_check(opened, error))
    return NULL;
  CPLErrorReset();
  GDALDatasetH ds = GDALOpenEx(opened, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
  if (ds == NULL) {
    g_autofree char *what = g_strdup_printf("%s: cannot open as a vector source", source);
    geo_error_set_from_gdal(error, GEO_ERROR_INPUT, what);
    geo_source_explain_pg(opened, error);
    return NULL;
  }
  GeoLayer *layer = NULL;
  OGRLayerH lyr = spec->layer ? GDALDatasetGetLayerByName(ds, spec->layer)
                              : GDALDatasetGetLayer(ds, 0);
  if (lyr == NULL) {
    g_autofree char *wanted = geo_text_printable(spec->layer ? spec->layer : "(first)", 200);
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s: no layer '%s'", source, wanted);
    goto out;
  }
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(lyr);
  int key_i = -1, name_i = -1, group_i = -1, group_name_i = -1;
  if ((spec->key_field || (spec->name_field && !spec->name_optional) || spec->group_field ||
       spec->group_name_field) &&
      !geo_layer_check_has_fields(ds, lyr, source, error))
    goto out;
  if (spec->key_field && (key_i = geo_layer_field_role(defn, spec->key_field, source, "key",
                                                       spec->key_option, error)) < 0)
    goto out;
  if (spec->name_field && spec->name_optional)
    name_i = OGR_FD_GetFieldIndex(defn, spec->name_field);
  else if (spec->name_field &&
           (name_i = geo_layer_field_role(defn, spec->name_field, source, "name", spec->name_option,
                                          error)) < 0)
    goto out;
  if (spec->group_field && (group_i = geo_layer_field_role(defn, spec->group_field, source, "group",
                                                           spec->group_option, error)) < 0)
    goto out;
  if (spec->group_name_field &&
      (group_name_i = geo_layer_field_role(defn, spec->group_name_field, source, "group name",
                                           spec->group_name_option, error)) < 0)
    goto out;
  if (spec->where && OGR_L_SetAttributeFilter(lyr, spec->where) != OGRERR_NONE) {
    g_autofree char *where = geo_text_printable(spec->where, 200);
    g_autofree char *what = g_strdup_printf("%s: bad filter '%s'", source, where);
    geo_error_set_from_gdal(error, GEO_ERROR_USAGE, what);
    goto out;
  }

  layer = g_new0(GeoLayer, 1);
  layer->source = g_strdup(spec->source);
  char *lname_fixed = geo_text_repair(OGR_L_GetName(lyr));
  layer->layer_name = lname_fixed ? lname_fixed : g_strdup(OGR_L_GetName(lyr));
  layer->strings = g_string_chunk_new(4096);
  GArray *features = g_array_new(FALSE, TRUE, sizeof(GeoFeature));
  GeoLayerReader r = {
      .scratch = g_array_new(FALSE, FALSE, sizeof(double)),
      .source = source,
      .key_field = spec->key_field,
      .error = error,
      .notes = g_ptr_array_new_with_free_func(g_free),
  };
  geo_shapes_builder_init(&r.b);
  long first_skipped = -1;
  GArray *skipped = g_array_new(FALSE, TRUE, sizeof(GeoSkippedFeature));
  long n_read = 0, last_fid = -1;

  OGR_L_ResetReading(lyr);
  while (!r.failed) {
    /* GDAL reports a feature it could not read (a truncated .shp, broken
     * WKT) through its error state: look at it after each one. */
    CPLErrorReset();
    OGRFeatureH feat = OGR_L_GetNextFeature(lyr);
    if (feat == NULL)
      break;
    GeoFeature f = {0};
    f.fid = (long)OGR_F_GetFID(feat);
    if (f.fid == OGRNullFID)
      f.fid = n_read;
    n_read++;
    r.fid = last_fid = f.fid;
    r.raw_key = NULL;
    r.ring = 0;
    r.feature_points = 0;
    if (key_i >= 0) {
      r.raw_key = OGR_F_IsFieldSetAndNotNull(feat, key_i) ? OGR_F_GetFieldAsString(feat, key_i)
                                                          : "";
      if ((f.raw_key = geo_layer_text(layer, feat, key_i, FALSE, &r)) == NULL) {
        OGR_F_Destroy(feat);
        break;
      }
      r.raw_key = f.raw_key;
    }
    if (CPLGetLastErrorType() >= CE_Failure) {
      g_autofree char *label = geo_layer_feature_label(spec->key_field, f.fid, r.raw_key);
      g_autofree char *what = g_strdup_printf("%s %s: cannot be read", source, label);
      geo_error_set_from_gdal(error, GEO_ERROR_INPUT, what);
      r.failed = TRUE;
      OGR_F_Destroy(feat);
      break;
    }
    OGRGeometryH g = OGR_F_GetGeometryRef(feat);
    guint parts_before = r.b.part_ring->len;
    guint polys = geo_layer_add_geometry(&r, g);
    if (r.failed) {
      OGR_F_Destroy(feat);
      break;
    }
    if (polys == 0 || r.b.part_ring->len == parts_before) {
      if (first_skipped < 0) {
        first_skipped = f.fid;
        first_skipped_why = geo_layer_skip_reason(g, polys);
      }
      GeoSkippedFeature sk = {f.fid, "", NULL, NULL};
      if (key_i >= 0) {
        g_autofree char *norm = geo_key_normalise(f.raw_key);
        sk.key = g_string_chunk_insert_const(layer->strings, norm);
        sk.raw_key = f.raw_key;
      }
      g_autofree char *why = geo_layer_skip_reason(g, polys);
      sk.why = g_string_chunk_insert_const(layer->strings, why);
      g_array_append_val(skipped, sk);
      layer->n_skipped_empty++;
      OGR_F_Destroy(feat);
      continue;
    }
    geo_shapes_builder_end_feature(&r.b);
    if (key_i >= 0) {
      g_autofree char *norm = geo_key_normalise(f.raw_key);
      f.key = g_string_chunk_insert_const(layer->strings, norm);
    } else {
      f.raw_key = f.key = "";
    }
    f.name = f.key;
    r.blanked = FALSE;
    if (name_i >= 0 && (f.name = geo_layer_text(layer, feat, name_i, TRUE, &r)) == NULL) {
      OGR_F_Destroy(feat);
      break;
    }
    if (r.blanked && key_i >= 0)
      f.name = f.raw_key; /* a blank row or label says less than the code */
    f.group = "";
    if (group_i >= 0) {
      const char *graw = geo_layer_text(layer, feat, group_i, FALSE, &r);
      if (graw == NULL) {
        OGR_F_Destroy(feat);
        break;
      }
      g_autofree char *gnorm = geo_key_normalise(graw);
      f.group = g_string_chunk_insert_const(layer->strings, gnorm);
    }
    f.group_name = "";
    if (group_name_i >= 0 &&
        (f.group_name = geo_layer_text(layer, feat, group_name_i, TRUE, &r)) == NULL) {
      OGR_F_Destroy(feat);
      break;
    }
    g_array_append_val(features, f);
    OGR_F_Destroy(feat);
  }
  g_array_free(r.scratch, TRUE);
  layer->shapes = geo_shapes_builder_finish(&r.b);
  layer->n_features = features->len;
  layer->features = (GeoFeature *)g_array_free(features, FALSE);
  layer->skipped = (GeoSkippedFeature *)g_array_free(skipped, FALSE);
  if (!r.failed && name_i >= 0)
    geo_layer_mark_cut_names(layer, opened, spec->name_field, source, r.notes);
  if (r.n_name_notes > GEO_LAYER_MAX_NAME_NOTES)
    g_ptr_array_add(r.notes, g_strdup_printf("%s: %u more names made visible the same way", source,
                                             r.n_name_notes - GEO_LAYER_MAX_NAME_NOTES));
  g_ptr_array_add(r.notes, NULL);
  layer->notes = (char **)g_ptr_array_free(r.notes, FALSE);

  if (r.failed) {
    geo_layer_free(layer);
    layer = NULL;
    goto out;
  }
  lname = geo_text_printable(layer->layer_name, 200);
  if (CPLGetLastErrorType() >= CE_Failure) {
    g_autofree char *what =
        n_read
            ? g_strdup_printf("%s: reading layer '%s' failed after feature %ld (%ld read)", source,
                              lname, last_fid, n_read)
            : g_strdup_printf("%s: reading layer '%s' failed at its first feature", source, lname);
    geo_error_set_from_gdal(error, GEO_ERROR_INPUT, what);
    geo_layer_free(layer);
    layer = NULL;
    goto out;
  }
  if (layer->n_features == 0) {
    if (n_read == 0)
      g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s: layer '%s' is empty (no features)",
                  source, lname);
    else
      g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                  "%s: layer '%s' has no polygon features: none of its %ld features has "
                  "a polygon to draw (feature %ld %s)",
                  source, lname, n_read, first_skipped, first_skipped_why);
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
      g_prefix_error(error, "%s: ", source);
      geo_layer_free(layer);
      layer = NULL;
      goto out;
    }
    geo_shapes_update_bbox(layer->shapes);
  } else {
    layer->crs_name = g_strdup("WGS 84 (assumed: no CRS declared)");
  }
  if (!geo_layer_check_lonlat(layer, spec, source, srs == NULL, error)) {
    geo_layer_free(layer);
    layer = NULL;
    goto out;
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
  g_free(layer->skipped);
  g_strfreev(layer->notes);
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
