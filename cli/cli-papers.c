/* cli-papers.c — `petarawan papers`: the page sizes --paper and
 * --orientation give, and the sizes of type and lines on each, so a user
 * sees before printing what an A0 will look like.  `--json` adds every
 * box of the page in PDF points, for scripts and for the label test
 * (tests/check-labels.py), which must know where the map frame is. */
#include "cli.h"

#include "render.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

static void
cli_papers_rect(JsonBuilder *b, const char *name, RenderRect r, double k)
{
  if (name)
    json_builder_set_member_name(b, name);
  json_builder_begin_array(b);
  json_builder_add_double_value(b, r.x * k);
  json_builder_add_double_value(b, r.y * k);
  json_builder_add_double_value(b, r.w * k);
  json_builder_add_double_value(b, r.h * k);
  json_builder_end_array(b);
}

static void
cli_papers_num(JsonBuilder *b, const char *name, double v)
{
  json_builder_set_member_name(b, name);
  json_builder_add_double_value(b, round(v * 100) / 100);
}

static void
cli_papers_json(void)
{
  g_autoptr(JsonBuilder) b = json_builder_new();
  json_builder_begin_array(b);
  for (int paper = RENDER_PAPER_A4; paper >= RENDER_PAPER_A0; paper--)
    for (int portrait = 0; portrait < 2; portrait++) {
      RenderPage p;
      render_page_init(&p, (RenderPaper)paper, portrait);
      double k = p.k;
      json_builder_begin_object(b);
      json_builder_set_member_name(b, "paper");
      json_builder_add_string_value(b, render_paper_name(p.paper));
      json_builder_set_member_name(b, "orientation");
      json_builder_add_string_value(b, portrait ? "portrait" : "landscape");
      cli_papers_num(b, "width_pt", p.width);
      cli_papers_num(b, "height_pt", p.height);
      cli_papers_num(b, "scale", k);
      cli_papers_num(b, "png_dpi", p.png_dpi);
      json_builder_set_member_name(b, "sizes_pt");
      json_builder_begin_object(b);
      cli_papers_num(b, "title", p.title_size * k);
      cli_papers_num(b, "group", p.subtitle_size * k);
      cli_papers_num(b, "index", p.index_size * k);
      cli_papers_num(b, "label", p.label_size * k);
      cli_papers_num(b, "number", p.number_size * k);
      cli_papers_num(b, "neighbour", p.neighbour_size * k);
      cli_papers_num(b, "graticule", p.graticule_size * k);
      cli_papers_num(b, "legend", RENDER_LEGEND_SIZE * p.block * k);
      cli_papers_num(b, "district_line", p.district_line * k);
      cli_papers_num(b, "group_line", p.group_line * k);
      json_builder_end_object(b);
      cli_papers_num(b, "footer_y_pt", p.footer_y * k);
      cli_papers_rect(b, "map", p.map, k);
      cli_papers_rect(b, "column", p.column, k);
      cli_papers_rect(b, "table", p.table, k);
      RenderRect res[3];
      render_page_reserved(&p, res);
      json_builder_set_member_name(b, "map_reserved");
      json_builder_begin_array(b);
      for (int i = 0; i < 3; i++)
        cli_papers_rect(b, NULL, res[i], k);
      json_builder_end_array(b);
      json_builder_end_object(b);
    }
  json_builder_end_array(b);
  g_autoptr(JsonGenerator) gen = json_generator_new();
  g_autoptr(JsonNode) root = json_builder_get_root(b);
  json_generator_set_root(gen, root);
  json_generator_set_pretty(gen, TRUE);
  g_autofree char *text = json_generator_to_data(gen, NULL);
  g_print("%s\n", text);
}

int
cli_papers_run(int argc, char **argv)
{
  gboolean json = FALSE;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--json") == 0) {
      json = TRUE;
    } else {
      g_autofree char *shown = g_utf8_make_valid(argv[i], -1);
      g_printerr("petarawan: error: papers: unknown option '%s' (--json)\n", shown);
      return 2;
    }
  }
  if (json) {
    cli_papers_json();
    return 0;
  }
  g_print("Sizes in points on paper (1 pt = 0.353 mm); caps of Noto Sans are 0.25 mm per pt.\n"
          "Everything not listed (table, footer, symbols) is the A4 sheet times the scale.\n\n");
  g_print(
      "paper  mm          scale  title  group  labels  legend  district/border line  PNG dpi\n");
  for (int paper = RENDER_PAPER_A4; paper >= RENDER_PAPER_A0; paper--) {
    RenderPage p;
    render_page_init(&p, (RenderPaper)paper, FALSE);
    double w_mm, h_mm, k = p.k;
    render_paper_mm(p.paper, &w_mm, &h_mm);
    g_print("%-6s %4.0f x %-4.0f  %5.2f  %5.1f  %5.1f  %6.1f  %6.1f  %6.2f / %-13.2f %4.0f\n",
            render_paper_name(p.paper), w_mm, h_mm, k, p.title_size * k, p.subtitle_size * k,
            p.label_size * k, RENDER_LEGEND_SIZE * p.block * k, p.district_line * k,
            p.group_line * k, p.png_dpi);
  }
  g_print("\n--orientation landscape (default) puts the legend and table right of the map,\n"
          "portrait puts the map on top and the legend and table below it.\n");
  return 0;
}
