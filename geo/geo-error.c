/* geo-error.c — petarawan's error domain, and turning GDAL's error state
 * into GErrors so that GDAL's messages reach the user with our context. */
#include "geo.h"

#include <cpl_error.h>

G_DEFINE_QUARK(petarawan-geo-error-quark, geo_error)

void
geo_error_set_from_gdal(GError **error, GeoErrorCode code, const char *what)
{
  const char *msg = CPLGetLastErrorMsg();
  if (msg != NULL && *msg != '\0')
    g_set_error(error, GEO_ERROR, code, "%s: %s", what, msg);
  else
    g_set_error(error, GEO_ERROR, code, "%s", what);
  CPLErrorReset();
}
