/* cli-overview.h — the national overview from its own inputs
 * (cli-overview.c). */
#pragma once

#include "cli.h"
#include "geo.h"
#include "render.h"

typedef struct CliOverview CliOverview;
/* Reads, joins and classifies --overview-boundaries and --overview-table
 * into a model sharing `sheets`' page and texts (borrowed: keep `sheets`
 * and its texts alive).  NULL with an error naming the input.
 * Caller frees with cli_overview_free. */
CliOverview *cli_overview_new(const CliConfig *c, const RenderModel *sheets,
                              GeoGazetteer *gazetteer, const char *styles_dir, GError **error);
void cli_overview_free(CliOverview *o);
/* Borrowed from o. */
const RenderModel *cli_overview_model(const CliOverview *o);
/* The overview's join report, text.  Borrowed from o. */
const char *cli_overview_report(const CliOverview *o);

