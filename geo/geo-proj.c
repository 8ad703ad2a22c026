/* geo-proj.c — every coordinate operation goes through PROJ: source CRS to
 * WGS84 lon/lat when a layer is read, and lon/lat to the map projection of
 * each sheet (the UTM zone of its centre, or a national projection).
 * Whole arrays are transformed with one proj_trans_generic call. */
#include "geo-private.h"

#include <math.h>
#include <proj.h>

struct GeoProj {
  PJ_CONTEXT *ctx;
  PJ *pj;
  char *name;
};

static void
geo_proj_set_error(GError **error, PJ_CONTEXT *ctx, const char *what)
{
  int err = proj_context_errno(ctx);
  g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s: %s", what,
              err ? proj_context_errno_string(ctx, err) : "PROJ could not create it");
}

/* Creates a normalised (x=east, y=north) transform from `from` to `to`. */
static PJ *
geo_proj_create(PJ_CONTEXT *ctx, const char *from, const char *to, GError **error)
{
  PJ *raw = proj_create_crs_to_crs(ctx, from, to, NULL);
  if (raw == NULL) {
    g_autofree char *what = g_strdup_printf("cannot transform from %.60s to %.60s", from, to);
    geo_proj_set_error(error, ctx, what);
    return NULL;
  }
  PJ *norm = proj_normalize_for_visualization(ctx, raw);
  proj_destroy(raw);
  if (norm == NULL)
    geo_proj_set_error(error, ctx, "cannot normalise axis order");
  return norm;
}

GeoProj *
geo_proj_new(const char *crs, GError **error)
{
  PJ_CONTEXT *ctx = proj_context_create();
  PJ *pj = geo_proj_create(ctx, "EPSG:4326", crs, error);
  if (pj == NULL) {
    proj_context_destroy(ctx);
    return NULL;
  }
  GeoProj *p = g_new0(GeoProj, 1);
  p->ctx = ctx;
  p->pj = pj;
  PJ *target = proj_get_target_crs(ctx, pj);
  const char *name = target ? proj_get_name(target) : NULL;
  p->name = g_strdup(name ? name : crs);
  proj_destroy(target);
  return p;
}

GeoProj *
geo_proj_new_utm(double lon, double lat, GError **error)
{
  int zone = (int)floor((lon + 180.0) / 6.0) + 1;
  zone = CLAMP(zone, 1, 60);
  g_autofree char *code = g_strdup_printf("EPSG:%d", (lat < 0 ? 32700 : 32600) + zone);
  return geo_proj_new(code, error);
}

void
geo_proj_free(GeoProj *p)
{
  if (p == NULL)
    return;
  proj_destroy(p->pj);
  proj_context_destroy(p->ctx);
  g_free(p->name);
  g_free(p);
}

const char *
geo_proj_get_name(const GeoProj *p)
{
  return p->name;
}

gboolean
geo_proj_forward(GeoProj *p, double *xy, guint n, GError **error)
{
  if (n == 0)
    return TRUE;
  proj_errno_reset(p->pj);
  size_t done = proj_trans_generic(p->pj, PJ_FWD, xy, 2 * sizeof(double), n, xy + 1,
                                   2 * sizeof(double), n, NULL, 0, 0, NULL, 0, 0);
  if (done != n) {
    geo_proj_set_error(error, p->ctx, "projecting coordinates failed");
    return FALSE;
  }
  for (guint i = 0; i < 2 * n; i++) {
    if (!isfinite(xy[i])) {
      g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT,
                  "projecting coordinates to %s gave an infinite value at point %u", p->name,
                  i / 2);
      return FALSE;
    }
  }
  return TRUE;
}

double
geo_proj_scale_factor(GeoProj *p, double lon, double lat)
{
  /* proj_factors takes the projected CRS itself (its base is geographic,
   * input in radians, longitude first). */
  PJ *target = proj_get_target_crs(p->ctx, p->pj);
  if (target == NULL)
    return NAN;
  PJ_COORD c = proj_coord(proj_torad(lon), proj_torad(lat), 0, 0);
  PJ_FACTORS f = proj_factors(target, c);
  double k = proj_errno(target) == 0 ? sqrt(f.meridional_scale * f.parallel_scale) : NAN;
  proj_destroy(target);
  return k;
}

gboolean
geo_proj_to_lonlat(const char *crs_wkt, double *xy, guint n, GError **error)
{
  PJ_CONTEXT *ctx = proj_context_create();
  gboolean ok = FALSE;
  PJ *src = proj_create(ctx, crs_wkt);
  PJ *wgs = proj_create(ctx, "EPSG:4326");
  PJ *pj = NULL;
  if (src == NULL || wgs == NULL) {
    geo_proj_set_error(error, ctx, "cannot read the source coordinate system");
    goto out;
  }
  if (proj_is_equivalent_to(src, wgs, PJ_COMP_EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS)) {
    ok = TRUE;
    goto out;
  }
  pj = proj_create_crs_to_crs_from_pj(ctx, src, wgs, NULL, NULL);
  PJ *norm = pj ? proj_normalize_for_visualization(ctx, pj) : NULL;
  proj_destroy(pj);
  pj = norm;
  if (pj == NULL) {
    geo_proj_set_error(error, ctx, "cannot transform the source coordinate system to WGS 84");
    goto out;
  }
  size_t done = proj_trans_generic(pj, PJ_FWD, xy, 2 * sizeof(double), n, xy + 1,
                                   2 * sizeof(double), n, NULL, 0, 0, NULL, 0, 0);
  if (done != n) {
    geo_proj_set_error(error, ctx, "transforming coordinates to WGS 84 failed");
    goto out;
  }
  ok = TRUE;
out:
  proj_destroy(pj);
  proj_destroy(src);
  proj_destroy(wgs);
  proj_context_destroy(ctx);
  return ok;
}

char *
geo_proj_crs_name(const char *crs_wkt)
{
  PJ_CONTEXT *ctx = proj_context_create();
  PJ *crs = proj_create(ctx, crs_wkt);
  const char *name = crs ? proj_get_name(crs) : NULL;
  char *out = g_strdup(name ? name : "unknown");
  proj_destroy(crs);
  proj_context_destroy(ctx);
  return out;
}
