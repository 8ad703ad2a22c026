/* cli-manifest.h — the hashes behind incremental builds (cli-manifest.c);
 * separate from cli.h because they need the render model. */
#pragma once

#include "cli.h"
#include "geo.h"
#include "render.h"

/* SHA-256 (hex) of what every page shares.  Caller frees. */
char *cli_manifest_hash_common(const RenderModel *m, RenderFormat formats, double dpi);
/* Of what group g's sheet is drawn from.  Caller frees. */
char *cli_manifest_hash_group(const char *common, const RenderModel *m, const RenderGroup *g);
/* Of what the overview and the atlas are drawn from.  Caller frees. */
char *cli_manifest_hash_all(const char *common, const RenderModel *m);
/* Writes <dir>/manifest.json atomically: inputs with their SHA-256, the
 * outputs and the hash each was drawn from. */
gboolean cli_manifest_write(CliManifest *m, const CliConfig *c, const GeoStyle *style,
                            const char *dir, GError **error);
