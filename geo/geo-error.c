/* geo-error.c — petarawan's error domain, and turning GDAL's error state
 * into GErrors so that GDAL's messages reach the user with our context. */
#include "geo-private.h"

#include <cpl_error.h>

/* The quark's name is the macro's argument as written: clang-format would
 * space it as a subtraction and so rename the domain. */
/* clang-format off */
G_DEFINE_QUARK(petarawan-geo-error-quark, geo_error)
/* clang-format on */

void
geo_error_set_from_gdal(GError **error, GeoErrorCode code, const char *what)
{
  const char *msg = CPLGetLastErrorMsg();
  if (msg != NULL && *msg != '\0') {
    /* GDAL's message may quote bytes of the input ("Unexpected token: \xf9"):
     * made valid UTF-8 without control characters, like the rest of ours. */
    char *shown = geo_text_printable(msg, 0);
    g_set_error(error, GEO_ERROR, code, "%s: %s", what, shown);
    g_free(shown);
  } else
    g_set_error(error, GEO_ERROR, code, "%s", what);
  CPLErrorReset();
}
