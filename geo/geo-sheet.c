/* geo-sheet.c — one sheet of an XLSX or ODS workbook as a grid of text
 * cells.  GDAL's spreadsheet drivers read the workbook; we ask them not to
 * guess a header (the header may sit under a report title, which
 * geo-grid.c finds) and to hand every cell over as text, so that numbers
 * typed as text in an Indonesian locale ("1.234,5") are judged with the
 * rest of their column.  GDAL numbers the features of a sheet by its row
 * numbers, which are the ones reported. */
#include "geo-private.h"

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_api.h>
#include <string.h>

static const char *const geo_sheet_config[] = {
    "OGR_XLSX_HEADERS", "DISABLE", "OGR_XLSX_FIELD_TYPES", "STRING",
    "OGR_ODS_HEADERS",  "DISABLE", "OGR_ODS_FIELD_TYPES",  "STRING",
};

static void
geo_sheet_configure(gboolean on)
{
  for (guint i = 0; i < G_N_ELEMENTS(geo_sheet_config); i += 2)
    CPLSetThreadLocalConfigOption(geo_sheet_config[i], on ? geo_sheet_config[i + 1] : NULL);
}

static gboolean
geo_sheet_fill(GeoGrid *g, OGRLayerH lyr, GError **error)
{
  int nf = OGR_FD_GetFieldCount(OGR_L_GetLayerDefn(lyr));
  if (nf > GEO_LIMIT_COLUMNS) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_INPUT, "%s: has more than %d columns; the limit is %d",
                g->name, GEO_LIMIT_COLUMNS, GEO_LIMIT_COLUMNS);
    return FALSE;
  }
  OGRFeatureH feat;
  guint line = 0;
  gboolean ok = TRUE;
  OGR_L_ResetReading(lyr);
  CPLErrorReset();
  while (ok && (feat = OGR_L_GetNextFeature(lyr)) != NULL) {
    GIntBig fid = OGR_F_GetFID(feat);
    line = (fid > (GIntBig)line && fid <= G_MAXUINT) ? (guint)fid : line + 1;
    for (int i = 0; ok && i < nf; i++) {
      const char *v = OGR_F_IsFieldSetAndNotNull(feat, i) ? OGR_F_GetFieldAsString(feat, i) : NULL;
      ok = geo_grid_add_cell(g, line, v, v ? strlen(v) : 0, error);
    }
    if (ok)
      ok = geo_grid_end_row(g, line, error);
    OGR_F_Destroy(feat);
  }
  if (ok && CPLGetLastErrorType() >= CE_Failure) {
    g_autofree char *what = g_strdup_printf("%s: reading failed after row %u", g->name, line);
    geo_error_set_from_gdal(error, GEO_ERROR_INPUT, what);
    ok = FALSE;
  }
  return ok;
}

GeoGrid *
geo_sheet_read(const char *src, const char *sheet, GError **error)
{
  GeoGrid *g = geo_grid_new(src);
  geo_sheet_configure(TRUE);
  CPLErrorReset();
  GDALDatasetH ds = GDALOpenEx(src, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
  gboolean ok = ds != NULL;
  if (!ok) {
    g_autofree char *what = g_strdup_printf("%s: cannot open as a spreadsheet", g->name);
    geo_error_set_from_gdal(error, GEO_ERROR_INPUT, what);
  }
  OGRLayerH lyr = NULL;
  if (ok) {
    lyr = geo_table_pick_layer(ds, g->name, sheet, "sheet", error);
    ok = lyr != NULL;
  }
  if (ok && sheet != NULL) {
    /* Messages name the sheet read. */
    g_autofree char *shown = geo_text_printable(OGR_L_GetName(lyr), 60);
    g_autofree char *named = g_strdup_printf("%s (sheet %s)", g->name, shown);
    g_free(g->name);
    g->name = g_steal_pointer(&named);
  }
  if (ok)
    ok = geo_sheet_fill(g, lyr, error);
  if (ds != NULL)
    GDALClose(ds);
  geo_sheet_configure(FALSE);
  if (!ok) {
    geo_grid_free(g);
    return NULL;
  }
  return g;
}
