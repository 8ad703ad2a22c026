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

/* Parses a style file from `length` bytes of `data` (need not be
 * NUL-terminated) as if read from `path`, which names it in messages and
 * gives its default name.  geo_style_load reads the file and calls this;
 * the fuzz target calls it directly.  Caller frees with geo_style_free. */
GeoStyle *geo_style_load_data(const char *path, const char *data, gsize length, GError **error);

/* Transforms n x,y pairs from `crs_wkt` to WGS84 lon/lat in place.
 * Sets *identity when no transformation was needed. */
gboolean geo_proj_to_lonlat(const char *crs_wkt, double *xy, guint n, GError **error);

/* Returns the name of a CRS given as WKT; caller frees with g_free. */
char *geo_proj_crs_name(const char *crs_wkt);

/* ---- limits: inputs beyond these are refused with GEO_ERROR_INPUT (exit 2)
 * instead of exhausting memory.  Documented in README.md, "Limits". */

/* Bytes in one table cell or one attribute of a boundary feature. */
#define GEO_LIMIT_CELL_BYTES (64 * 1024)
/* Columns of a table. */
#define GEO_LIMIT_COLUMNS 10000
/* Cells of a table (rows x columns): 50 million pointers are 400 MB. */
#define GEO_LIMIT_TABLE_CELLS 50000000u
/* Vertices of one boundary feature, and of a whole layer (16 bytes each:
 * 200 million are 3.2 GB of coordinates). */
#define GEO_LIMIT_FEATURE_VERTICES 5000000u
#define GEO_LIMIT_LAYER_VERTICES 200000000u
/* Longitude and latitude bounds after transformation to WGS84: a vertex
 * outside them (or NaN or infinite) is an error naming its feature. */
#define GEO_LIMIT_LON 360.0
#define GEO_LIMIT_LAT 90.0

/* `s` as valid UTF-8 (bad bytes become U+FFFD), or NULL when it already is.
 * Caller frees with g_free. */
char *geo_text_repair(const char *s);
