/* cli-options.c — command-line options for `build` and `check`, and the
 * option table they share with project files (cli-project.c): the command
 * line overrides the project.  All problems are reported in one go. */
#include "cli-options.h"

#include "geo.h"

#include <string.h>

void
cli_config_free(CliConfig *c)
{
  g_clear_pointer(&c->command, g_free);
  g_clear_pointer(&c->project, g_free);
  builder_config_clear(&c->b);
}

/* The values a whole-number option accepts: --classes as many as a style
 * may have, -j from one sheet at a time to far more threads than cores. */
static void
cli_options_int_range(const char *name, gint64 *min, gint64 *max)
{
  if (strcmp(name, "classes") == 0) {
    *min = GEO_STYLE_MIN_CLASSES;
    *max = GEO_STYLE_MAX_CLASSES;
  } else if (strcmp(name, "jobs") == 0) {
    *min = 1;
    *max = BUILDER_MAX_JOBS;
  } else {
    *min = 0;
    *max = 100000;
  }
}

/* O: a setting of the build; F: one of the front end's own. */
#define O(field) G_STRUCT_OFFSET(CliConfig, b.field)
#define F(field) G_STRUCT_OFFSET(CliConfig, field)
static const CliOption cli_options[] = {
    {"boundaries", 'b', CLI_PATH, O(boundaries), "Boundary layer: any GDAL vector source", "SRC"},
    {"layer", 0, CLI_STR, O(layer), "Layer of the boundary source (default: the first)", "L"},
    {"key", 'k', CLI_STR, O(key), "Field holding the district code", "FIELD"},
    {"name", 'n', CLI_STR, O(name), "Field holding the district name", "FIELD"},
    {"group", 'g', CLI_STR, O(group), "Field grouping districts into sheets (e.g. KODE_PROV)",
     "FIELD"},
    {"group-name", 0, CLI_STR, O(group_name),
     "Field holding the group's name (default: province names from data/provinsi.csv)", "FIELD"},
    {"where", 0, CLI_STR, O(where), "Attribute filter on the boundaries (OGR SQL)", "EXPR"},
    {"table", 't', CLI_PATHS, O(tables),
     "Table to join: SRC[:KEYFIELD][#OPTION=VALUE,...] (repeatable; options below)", "SRC[:KEY]"},
    {"separator", 0, CLI_TABLE, O(separator),
     "CSV separator: comma, semicolon, tab, pipe (default: detected)", "SEP"},
    {"sheet", 0, CLI_TABLE, O(sheet),
     "Sheet of XLSX/ODS tables, layer of GeoPackage/PostGIS ones: name or number (default: the first)",
     "NAME|N"},
    {"header-row", 0, CLI_TABLE, O(header_row),
     "Row of the header in CSV/XLSX/ODS tables (default: detected under any title rows)", "N"},
    {"numbers", 0, CLI_TABLE, O(numbers),
     "Numbers in text cells: indonesian (1.234,5), plain (1,234.5) (default: per column)",
     "FORMAT"},
    {"match", 0, CLI_STR, O(match),
     "How tables join the boundaries: code (Kemendagri codes against --key), name (names "
     "against --name) or auto (default: per table, whichever matches more rows)",
     "auto|code|name"},
    {"table-group", 0, CLI_STR, O(table_group),
     "Table column with each row's province (code or name): names are matched within it "
     "(default: a column named provinsi, kode_prov...)",
     "FIELD"},
    {"aliases", 0, CLI_PATHS, O(aliases),
     "More names of places, a table kode,nama[,keterangan] (repeatable; adds to "
     "data/alias-wilayah.csv)",
     "FILE"},
    {"value", 'v', CLI_STR, O(value), "Field to classify and map", "FIELD"},
    {"style", 's', CLI_STR, O(style), "Built-in style name or style file", "NAME|FILE"},
    {"classes", 'c', CLI_INT, O(classes), "Number of classes for quantile/equal/jenks", "N"},
    {"context", 0, CLI_PATH, O(context),
     "Countries or areas drawn as grey land around the map (default: data/negara.gpkg, "
     "Natural Earth; none: no countries)",
     "SRC|none"},
    {"context-layer", 0, CLI_STR, O(context_layer), "Layer of the context source", "L"},
    {"context-name", 0, CLI_STR, O(context_name),
     "Field naming the context areas on the map (default NAMA, NAME in English, when present)",
     "FIELD"},
    {"overview-boundaries", 0, CLI_PATH, O(overview_boundaries),
     "Boundaries of the national overview when they are not the sheets' (e.g. provinces; "
     "--key and --name as for the sheets)",
     "SRC"},
    {"overview-layer", 0, CLI_STR, O(overview_layer), "Layer of the overview's boundaries", "L"},
    {"overview-table", 0, CLI_PATHS, O(overview_tables),
     "Table joined to the overview's boundaries (repeatable)", "SRC[:KEY]"},
    {"overview-value", 0, CLI_STR, O(overview_value), "Field the overview maps (default: --value)",
     "FIELD"},
    {"overview-style", 0, CLI_STR, O(overview_style), "Style of the overview (default: --style)",
     "NAME|FILE"},
    {"overview-index-name", 0, CLI_STR, O(overview_index_name),
     "Index name on the overview (default: its style's title)", "TEXT"},
    {"overview-index-date", 0, CLI_STR, O(overview_index_date),
     "Index date on the overview (default: --index-date)", "TEXT"},
    {"overview-unit-name", 0, CLI_STR, O(overview_unit_name),
     "What an overview feature is called (default Provinsi)", "TEXT"},
    {"output", 'o', CLI_PATH, O(output), "Output folder", "DIR"},
    {"format", 'f', CLI_STR, O(format), "Formats to write: pdf,png,svg (default pdf)", "LIST"},
    {"dpi", 0, CLI_DOUBLE, O(dpi), "PNG resolution (default 300 on A4, 75 on A0: 300/enlargement)",
     "DPI"},
    {"paper", 0, CLI_STR, O(paper), "Paper of every page: A4 (default) to A0 for posters",
     "A0|A1|A2|A3|A4"},
    {"orientation", 0, CLI_STR, O(orientation), "Page orientation (default landscape)",
     "landscape|portrait"},
    {"tile", 0, CLI_STR, O(tile),
     "Also cut each poster into pages of this paper: <name>-tiles-a4.pdf", "A4|A3"},
    {"mono", 0, CLI_BOOL, O(mono),
     "Greys and textures instead of colours, for black-and-white photocopies", NULL},
    {"jobs", 'j', CLI_INT, O(jobs), "Sheets drawn in parallel (default: number of cores)", "N"},
    {"only", 0, CLI_STR, O(only), "Only these groups (codes, comma-separated)", "GROUPS"},
    {"overview-only", 0, CLI_BOOL, O(overview_only),
     "Write only the national overview (00-nasional), no sheets or atlas", NULL},
    {"force", 0, CLI_BOOL, O(force), "Redraw everything", NULL},
    {"strict", 0, CLI_BOOL, F(strict), "Exit 1 when the data has problems", NULL},
    {"json", 0, CLI_BOOL, F(json), "check: print the report as JSON", NULL},
    {"quiet", 'q', CLI_BOOL, F(quiet), "Print only errors", NULL},
    {"log-json", 0, CLI_BOOL, F(log_json),
     "Print progress and results as JSON lines on standard output, for scripts", NULL},
    {"title", 0, CLI_STR, O(title), "Sheet title", "TEXT"},
    {"organisation", 0, CLI_STR, O(organisation), "Who prepared the sheets (footer)", "TEXT"},
    {"date", 0, CLI_STR, O(date),
     "Date on the sheets and in PDF metadata (default: SOURCE_DATE_EPOCH, else today)",
     "YYYY-MM-DD"},
    {"index-name", 0, CLI_STR, O(index_name), "Index name shown on the sheet", "TEXT"},
    {"index-date", 0, CLI_STR, O(index_date), "Index date shown on the sheet", "TEXT"},
    {"sources", 0, CLI_STR, O(sources), "Data sources for the footer", "TEXT"},
    {"marking", 0, CLI_STR, O(marking), "Security marking, e.g. TERBATAS", "TEXT"},
    {"unit-name", 0, CLI_STR, O(unit_name), "What a district is called (default kab/kota)", "TEXT"},
    {"group-kind", 0, CLI_STR, O(group_kind), "What a group is called (default Provinsi)", "TEXT"},
    {"sample-personnel", 0, CLI_BOOL, O(sample_personnel), "Label personnel figures as sample",
     NULL},
    /* Derived figures and the coverage rule (geo-figures.c). */
    {"officers", 0, CLI_STR, O(officers),
     "Personnel columns summed as officers (default personel_polri,personel_tni,brimob_bko)",
     "FIELD[=LABEL],..."},
    {"personnel", 0, CLI_STR, O(personnel),
     "Personnel columns shown by type, not counted as officers (default linmas and the "
     "default officer columns not given to --officers)",
     "FIELD[=LABEL],..."},
    {"tps", 0, CLI_STR, O(tps), "Column of polling stations (default jumlah_tps)", "FIELD"},
    {"dpt", 0, CLI_STR, O(dpt), "Column of registered voters (default jumlah_dpt)", "FIELD"},
    {"officers-per-tps", 0, CLI_DOUBLE, O(officers_per_tps),
     "Doctrine: top-class districts below this are reinforcement priorities (default: the "
     "style's [coverage] officers-per-tps, else the province median)",
     "N"},
    {"symbols", 0, CLI_STR, O(symbols),
     "Proportional circles of a count column, or 'officers', over the map", "FIELD"},
    {"lang", 0, CLI_STR, O(lang), "Language of the map text: id (default) or en", "id|en"},
    {"graticule", 0, CLI_BOOL, O(graticule), "Degree ticks with labels on the map frame", NULL},
    {"logo", 0, CLI_PATH, O(logo), "Logo for the title band: a PNG or SVG file", "FILE"},
};
#undef O
#undef F

/* Stores `value` (from a project file in `base_dir`, or the command line
 * when base_dir is NULL) into the field of `opt`. */
gboolean
cli_options_set(CliConfig *c, const CliOption *opt, const char *value, const char *base_dir,
                GString *problems, const char *where)
{
  gpointer field = G_STRUCT_MEMBER_P(c, opt->offset);
  switch (opt->kind) {
  case CLI_STR:
  case CLI_PATH: {
    /* Texts end up on the map and in PDF metadata, which need UTF-8;
     * paths are whatever bytes the file system uses. */
    if (opt->kind == CLI_STR && !g_utf8_validate(value, -1, NULL)) {
      g_autofree char *shown = g_utf8_make_valid(value, -1);
      g_string_append_printf(problems, "%s: %s: '%s' is not valid UTF-8 text\n", where, opt->name,
                             shown);
      return FALSE;
    }
    char **s = field;
    g_free(*s);
    *s = (opt->kind == CLI_PATH && base_dir && !g_path_is_absolute(value) &&
          !g_str_has_prefix(value, "/vsi") && !strstr(value, ":"))
             ? g_build_filename(base_dir, value, NULL)
             : g_strdup(value);
    return TRUE;
  }
  case CLI_PATHS: {
    char ***v = field;
    g_auto(GStrv) items = g_strsplit(value, base_dir ? ";" : "\x01", -1);
    GStrvBuilder *b = g_strv_builder_new();
    if (*v)
      g_strv_builder_addv(b, (const char **)*v);
    for (guint i = 0; items[i]; i++) {
      char *item = g_strstrip(items[i]);
      if (*item == '\0')
        continue;
      if (base_dir && !g_path_is_absolute(item) && !g_str_has_prefix(item, "/vsi") &&
          !g_str_has_prefix(item, "PG:")) {
        g_autofree char *full = g_build_filename(base_dir, item, NULL);
        g_strv_builder_add(b, full);
      } else
        g_strv_builder_add(b, item);
    }
    g_strfreev(*v);
    *v = g_strv_builder_end(b);
    g_strv_builder_unref(b);
    return TRUE;
  }
  case CLI_TABLE: {
    GeoTableOptions scratch = {0};
    GError *e = NULL;
    gboolean ok = geo_table_options_set(&scratch, opt->name, value, &e);
    geo_table_options_clear(&scratch);
    if (!ok) {
      g_string_append_printf(problems, "%s: %s\n", where, e->message);
      g_error_free(e);
      return FALSE;
    }
    char **s = field;
    g_free(*s);
    *s = g_strdup(value);
    return TRUE;
  }
  case CLI_INT: {
    gint64 n, min, max;
    cli_options_int_range(opt->name, &min, &max);
    g_autofree char *shown = geo_text_printable(value, 60);
    if (!g_ascii_string_to_signed(value, 10, G_MININT64, G_MAXINT64, &n, NULL)) {
      g_string_append_printf(problems,
                             "%s: %s: '%s' is not a whole number (give one from %" G_GINT64_FORMAT
                             " to %" G_GINT64_FORMAT ")\n",
                             where, opt->name, shown, min, max);
      return FALSE;
    }
    if (n < min || n > max) {
      g_string_append_printf(
          problems,
          "%s: %s: %s is out of range: give a whole number from %" G_GINT64_FORMAT
          " to %" G_GINT64_FORMAT "\n",
          where, opt->name, shown, min, max);
      return FALSE;
    }
    *(int *)field = (int)n;
    return TRUE;
  }
  case CLI_DOUBLE: {
    double d;
    if (!geo_number_parse(value, FALSE, &d) || d <= 0) {
      g_autofree char *shown = geo_text_printable(value, 60);
      g_string_append_printf(problems, "%s: %s: '%s' is not a positive number\n", where, opt->name,
                             shown);
      return FALSE;
    }
    *(double *)field = d;
    return TRUE;
  }
  case CLI_BOOL: {
    if (base_dir == NULL) {
      *(gboolean *)field = TRUE;
      return TRUE;
    }
    if (g_ascii_strcasecmp(value, "true") == 0 || strcmp(value, "1") == 0 ||
        g_ascii_strcasecmp(value, "yes") == 0)
      *(gboolean *)field = TRUE;
    else if (g_ascii_strcasecmp(value, "false") == 0 || strcmp(value, "0") == 0 ||
             g_ascii_strcasecmp(value, "no") == 0)
      *(gboolean *)field = FALSE;
    else {
      g_autofree char *shown = geo_text_printable(value, 60);
      g_string_append_printf(problems, "%s: %s: '%s' is not true or false\n", where, opt->name,
                             shown);
      return FALSE;
    }
    return TRUE;
  }
  }
  return FALSE;
}

const CliOption *
cli_options_find(const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS(cli_options); i++)
    if (strcmp(cli_options[i].name, name) == 0)
      return &cli_options[i];
  return NULL;
}

gboolean
cli_config_parse(CliConfig *c, int argc, char **argv, GError **error)
{
  GString *problems = g_string_new(NULL);
  /* First pass: the project file, a positional argument. */
  for (int i = 1; i < argc; i++) {
    if (argv[i][0] == '-') {
      const char *n = argv[i] + (argv[i][1] == '-' ? 2 : 1);
      const char *eq = strchr(n, '=');
      g_autofree char *name = eq ? g_strndup(n, (gsize)(eq - n)) : g_strdup(n);
      const CliOption *opt = NULL;
      if (argv[i][1] == '-')
        opt = cli_options_find(name);
      else
        for (guint k = 0; k < G_N_ELEMENTS(cli_options); k++)
          if (name[0] && cli_options[k].short_name == name[0] && name[1] == '\0')
            opt = &cli_options[k];
      if (opt && opt->kind != CLI_BOOL && !eq)
        i++; /* skip its value */
      continue;
    }
    if (c->project) {
      g_string_append_printf(problems, "more than one project file: '%s' and '%s'\n", c->project,
                             argv[i]);
      continue;
    }
    c->project = g_strdup(argv[i]);
  }
  if (c->project)
    cli_options_read_project(c, c->project, problems);

  /* Second pass: options override the project. */
  for (int i = 1; i < argc; i++) {
    if (argv[i][0] != '-' || argv[i][1] == '\0')
      continue;
    gboolean is_long = argv[i][1] == '-';
    const char *n = argv[i] + (is_long ? 2 : 1);
    const char *eq = is_long ? strchr(n, '=') : NULL;
    g_autofree char *name = eq ? g_strndup(n, (gsize)(eq - n)) : g_strdup(n);
    const CliOption *opt = NULL;
    if (is_long)
      opt = cli_options_find(name);
    else if (strlen(name) == 1)
      for (guint k = 0; k < G_N_ELEMENTS(cli_options); k++)
        if (cli_options[k].short_name == name[0])
          opt = &cli_options[k];
    if (opt == NULL) {
      g_autofree char *shown = geo_text_printable(argv[i], 60);
      g_string_append_printf(problems, "unknown option '%s'\n", shown);
      continue;
    }
    const char *value = NULL;
    if (opt->kind != CLI_BOOL) {
      if (eq)
        value = eq + 1;
      else if (i + 1 < argc)
        value = argv[++i];
      else {
        g_string_append_printf(problems, "option --%s needs a value (%s)\n", opt->name, opt->arg);
        continue;
      }
    } else if (eq) {
      g_string_append_printf(problems, "option --%s takes no value\n", opt->name);
      continue;
    }
    cli_options_set(c, opt, value ? value : "", NULL, problems, "command line");
  }
  if (problems->len > 0) {
    g_strchomp(problems->str);
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s", problems->str);
    g_string_free(problems, TRUE);
    return FALSE;
  }
  g_string_free(problems, TRUE);
  return TRUE;
}

void
cli_options_print_help(void)
{
  g_print("Options of build and check:\n");
  for (guint i = 0; i < G_N_ELEMENTS(cli_options); i++) {
    const CliOption *o = &cli_options[i];
    g_autofree char *flag = o->short_name ? g_strdup_printf("-%c, --%s", o->short_name, o->name)
                                          : g_strdup_printf("    --%s", o->name);
    g_autofree char *full = o->arg ? g_strdup_printf("%s %s", flag, o->arg) : g_strdup(flag);
    g_print("  %-32s %s\n", full, o->help);
  }
}
