/* builder-config.c — the settings of a run, checked before any input is
 * read: what is missing, formats, paper and tiles, PNG resolution,
 * language, how tables match, the date.  Every problem is collected and
 * reported at once, so the user fixes them all in one go. */
#include "builder-private.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void
builder_config_clear(BuilderConfig *c)
{
  char **strs[] = {&c->boundaries,
                   &c->layer,
                   &c->key,
                   &c->name,
                   &c->group,
                   &c->group_name,
                   &c->where,
                   &c->value,
                   &c->style,
                   &c->output,
                   &c->format,
                   &c->paper,
                   &c->orientation,
                   &c->tile,
                   &c->context,
                   &c->context_layer,
                   &c->only,
                   &c->title,
                   &c->index_name,
                   &c->index_date,
                   &c->sources,
                   &c->marking,
                   &c->unit_name,
                   &c->group_kind,
                   &c->organisation,
                   &c->date,
                   &c->separator,
                   &c->sheet,
                   &c->header_row,
                   &c->numbers,
                   &c->officers,
                   &c->personnel,
                   &c->tps,
                   &c->dpt,
                   &c->symbols,
                   &c->context_name,
                   &c->lang,
                   &c->logo,
                   &c->match,
                   &c->table_group,
                   &c->overview_boundaries,
                   &c->overview_layer,
                   &c->overview_value,
                   &c->overview_style,
                   &c->overview_index_name,
                   &c->overview_index_date,
                   &c->overview_unit_name};
  for (guint i = 0; i < G_N_ELEMENTS(strs); i++)
    g_clear_pointer(strs[i], g_free);
  g_clear_pointer(&c->tables, g_strfreev);
  g_clear_pointer(&c->aliases, g_strfreev);
  g_clear_pointer(&c->overview_tables, g_strfreev);
}

void
builder_result_clear(BuilderResult *r)
{
  g_clear_pointer(&r->why, g_free);
}

/* Appends one problem (a line) to `problems`. */
static void G_GNUC_PRINTF(2, 3) builder_config_problem(GString *problems, const char *format, ...)
{
  if (problems->len)
    g_string_append_c(problems, '\n');
  va_list ap;
  va_start(ap, format);
  g_string_append_vprintf(problems, format, ap);
  va_end(ap);
}

static void
builder_config_formats(const char *text, BuilderSettings *s, GString *problems)
{
  RenderFormat f = 0;
  g_auto(GStrv) items = g_strsplit(text ? text : "pdf", ",", -1);
  for (guint i = 0; items[i]; i++) {
    char *it = g_strstrip(items[i]);
    if (g_ascii_strcasecmp(it, "pdf") == 0)
      f |= RENDER_FORMAT_PDF;
    else if (g_ascii_strcasecmp(it, "png") == 0)
      f |= RENDER_FORMAT_PNG;
    else if (g_ascii_strcasecmp(it, "svg") == 0)
      f |= RENDER_FORMAT_SVG;
    else if (*it) {
      g_autofree char *shown = geo_text_printable(it, 60);
      builder_config_problem(problems, "--format: unknown format '%s' (pdf, png, svg)", shown);
      return;
    }
  }
  if (f == 0)
    builder_config_problem(problems, "--format: no format given");
  s->formats = f;
}

/* The page from --paper and --orientation, the tiles from --tile and the
 * PNG resolution from --dpi (default 300 on A4, 300/k on a poster: the
 * same pixels as an A4 at 300 dpi, which is what a screen or phone
 * needs). */
static void
builder_config_page(const BuilderConfig *c, BuilderSettings *s, GString *problems)
{
  RenderPaper paper = RENDER_PAPER_A4;
  gboolean good = TRUE;
  if (c->paper && !render_paper_parse(c->paper, &paper)) {
    g_autofree char *shown = geo_text_printable(c->paper, 60);
    builder_config_problem(problems, "--paper: unknown paper '%s' (A0, A1, A2, A3, A4)", shown);
    good = FALSE;
  }
  gboolean portrait = FALSE;
  if (c->orientation && g_ascii_strcasecmp(c->orientation, "portrait") == 0)
    portrait = TRUE;
  else if (c->orientation && g_ascii_strcasecmp(c->orientation, "landscape") != 0) {
    g_autofree char *shown = geo_text_printable(c->orientation, 60);
    builder_config_problem(problems, "--orientation: '%s' is neither landscape nor portrait",
                           shown);
  }
  render_page_init(&s->page, paper, portrait);
  if (c->tile) {
    RenderPaper tile;
    if (!render_paper_parse(c->tile, &tile) || tile < RENDER_PAPER_A3) {
      g_autofree char *shown = geo_text_printable(c->tile, 60);
      builder_config_problem(problems, "--tile: '%s' is not a tile paper (A4, A3)", shown);
    } else if (good && tile <= paper) {
      builder_config_problem(
          problems, "--tile %s: the pages are %s already; tiles need a larger --paper (A0 to %s)",
          render_paper_name(tile), render_paper_name(paper),
          render_paper_name((RenderPaper)(tile - 1)));
    } else {
      s->tiles = TRUE;
      s->tile_paper = tile;
    }
  }
  s->dpi = c->dpi > 0 ? c->dpi : s->page.png_dpi;
  /* cairo's images stop at 32767 pixels a side. */
  double px = MAX(s->page.width, s->page.height) * s->dpi / 72;
  if ((s->formats & RENDER_FORMAT_PNG) && good && px > 32767)
    builder_config_problem(problems,
                           "--dpi %g: a PNG of an %s page would be %.0f pixels long, more than "
                           "32767; at most --dpi %d",
                           s->dpi, render_paper_name(paper), px,
                           (int)floor(32767 * 72 / MAX(s->page.width, s->page.height)));
}

/* --date YYYY-MM-DD (midnight UTC), else the epoch given, else now. */
static void
builder_config_date(const BuilderConfig *c, BuilderSettings *s, GString *problems)
{
  if (c->date) {
    int y, mo, d;
    char tail;
    GDateTime *dt = NULL;
    if (sscanf(c->date, "%4d-%2d-%2d%c", &y, &mo, &d, &tail) == 3)
      dt = g_date_time_new_utc(y, mo, d, 0, 0, 0);
    if (dt == NULL) {
      g_autofree char *shown = geo_text_printable(c->date, 60);
      builder_config_problem(problems, "--date: '%s' is not a date (YYYY-MM-DD)", shown);
      return;
    }
    s->date = g_date_time_to_unix(dt);
    g_date_time_unref(dt);
  } else if (c->epoch_set) {
    s->date = c->epoch;
  } else {
    s->date = g_get_real_time() / G_USEC_PER_SEC;
  }
}

gboolean
builder_config_resolve(const BuilderConfig *c, BuilderMode mode, BuilderSettings *s, GError **error)
{
  memset(s, 0, sizeof *s);
  GString *problems = g_string_new(NULL);
  GString *missing = g_string_new(NULL);
  if (!c->boundaries)
    g_string_append(missing, " --boundaries");
  if (!c->key)
    g_string_append(missing, " --key");
  if (!c->value)
    g_string_append(missing, " --value");
  if (mode == BUILDER_BUILD && !c->output)
    g_string_append(missing, " --output");
  if (missing->len)
    builder_config_problem(problems, "%s needs%s (see petarawan --help)",
                           mode == BUILDER_CHECK ? "check" : "build", missing->str);
  g_string_free(missing, TRUE);
  builder_config_formats(c->format, s, problems);
  builder_config_page(c, s, problems);
  s->lang = RENDER_LANG_ID;
  if (c->lang && !render_lang_parse(c->lang, &s->lang)) {
    g_autofree char *shown = geo_text_printable(c->lang, 60);
    builder_config_problem(problems, "--lang: '%s' is not a language of the map text (id or en)",
                           shown);
  }
  s->match = GEO_MATCH_AUTO;
  if (c->match == NULL || g_ascii_strcasecmp(c->match, "auto") == 0)
    s->match = GEO_MATCH_AUTO;
  else if (g_ascii_strcasecmp(c->match, "code") == 0)
    s->match = GEO_MATCH_CODE;
  else if (g_ascii_strcasecmp(c->match, "name") == 0)
    s->match = GEO_MATCH_NAME;
  else {
    g_autofree char *shown = geo_text_printable(c->match, 60);
    builder_config_problem(problems, "--match: '%s' is not auto, code or name", shown);
  }
  if (s->match == GEO_MATCH_NAME && !c->name)
    builder_config_problem(problems,
                           "--match name: give the boundaries' name field with --name FIELD");
  builder_config_date(c, s, problems);
  /* Every table's spec and options, before any table is read. */
  GeoTableOptions defaults;
  builder_table_defaults(c, &defaults, problems);
  s->n_tables = c->tables ? g_strv_length(c->tables) : 0;
  s->tables = g_new0(GeoTableSpec, MAX(s->n_tables, 1));
  for (guint i = 0; i < s->n_tables; i++) {
    GError *e = NULL;
    if (!builder_table_spec_parse(c->tables[i], &defaults, &s->tables[i], &e)) {
      builder_config_problem(problems, "%s", e->message);
      g_error_free(e);
    }
  }
  /* The overview's own inputs: its options need its boundaries. */
  s->n_overview_tables = c->overview_tables ? g_strv_length(c->overview_tables) : 0;
  s->overview_tables = g_new0(GeoTableSpec, MAX(s->n_overview_tables, 1));
  for (guint i = 0; i < s->n_overview_tables; i++) {
    GError *e = NULL;
    if (!builder_table_spec_parse(c->overview_tables[i], &defaults, &s->overview_tables[i], &e)) {
      builder_config_problem(problems, "--overview-table: %s", e->message);
      g_error_free(e);
    }
  }
  if (c->overview_boundaries == NULL) {
    const struct {
      const char *name;
      gboolean given;
    } needs[] = {{"--overview-layer", c->overview_layer != NULL},
                 {"--overview-table", s->n_overview_tables > 0},
                 {"--overview-value", c->overview_value != NULL},
                 {"--overview-style", c->overview_style != NULL},
                 {"--overview-index-name", c->overview_index_name != NULL},
                 {"--overview-index-date", c->overview_index_date != NULL},
                 {"--overview-unit-name", c->overview_unit_name != NULL}};
    for (guint i = 0; i < G_N_ELEMENTS(needs); i++)
      if (needs[i].given)
        builder_config_problem(problems, "%s needs --overview-boundaries SRC", needs[i].name);
  }
  geo_table_options_clear(&defaults);
  if (problems->len) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s", problems->str);
    g_string_free(problems, TRUE);
    return FALSE;
  }
  g_string_free(problems, TRUE);
  return TRUE;
}

void
builder_settings_clear(BuilderSettings *s)
{
  for (guint i = 0; s->tables && i < s->n_tables; i++)
    geo_table_spec_clear(&s->tables[i]);
  g_clear_pointer(&s->tables, g_free);
  s->n_tables = 0;
  for (guint i = 0; s->overview_tables && i < s->n_overview_tables; i++)
    geo_table_spec_clear(&s->overview_tables[i]);
  g_clear_pointer(&s->overview_tables, g_free);
  s->n_overview_tables = 0;
}

gboolean
builder_config_check(const BuilderConfig *c, BuilderMode mode, GError **error)
{
  BuilderSettings s;
  gboolean ok = builder_config_resolve(c, mode, &s, error);
  builder_settings_clear(&s);
  return ok;
}
