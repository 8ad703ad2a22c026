/* geo-private.h — helpers shared between geo/ files, not part of the
 * public interface that render/ and the front end see. */
#pragma once

#include "geo.h"

/* Builds a GeoShapes incrementally: features of parts of rings. */
typedef struct {
  GArray *xy;           /* double */
  GArray *ring_point;   /* guint */
  GArray *part_ring;    /* guint */
  GArray *feature_part; /* guint */
  GArray *bbox;         /* double */
} GeoShapesBuilder;

void geo_shapes_builder_init(GeoShapesBuilder *b);
/* Appends a ring of n points (x,y pairs); drops a closing point equal to the
 * first and rings with fewer than 3 points.  `shell` starts a new part;
 * a hole whose shell was dropped is dropped too.  Returns TRUE if kept. */
gboolean geo_shapes_builder_add_ring(GeoShapesBuilder *b, const double *xy, guint n, gboolean shell,
                                     gboolean *part_open);
/* Closes the current feature (possibly with no parts). */
void geo_shapes_builder_end_feature(GeoShapesBuilder *b);
/* Caller frees with geo_shapes_free. */
GeoShapes *geo_shapes_builder_finish(GeoShapesBuilder *b);
/* Recomputes every feature's bbox from its points. */
void geo_shapes_update_bbox(GeoShapes *s);

/* Transforms n x,y pairs from `crs_wkt` to WGS84 lon/lat in place.
 * Sets *identity when no transformation was needed. */
gboolean geo_proj_to_lonlat(const char *crs_wkt, double *xy, guint n, GError **error);

/* Returns the name of a CRS given as WKT; caller frees with g_free. */
char *geo_proj_crs_name(const char *crs_wkt);
