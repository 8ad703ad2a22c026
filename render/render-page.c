/* render-page.c — the page geometry model: paper size and orientation in,
 * every size and box of a page out.  The briefing sheet, the overview and
 * the atlas are laid out from a RenderPage only, so A4 landscape (the
 * briefing sheet), A4 portrait and A3–A0 posters share one drawing code.
 *
 * A page is drawn in layout units under cairo_scale(k), k = sqrt(2) per A
 * size above A4 (4 on A0): a poster is first the A4 sheet enlarged, so the
 * table, footer, line widths, hatching and symbols grow with the paper and
 * the layout keeps its proportions.  On top of that, the type read from a
 * distance grows faster, chosen by reading distance (README, "Posters"):
 *
 *   legible cap height = distance / 690 (5 arc minutes, 20/20 vision),
 *   comfortable        = distance / 400 (2.5 mm per metre, the legibility
 *                        of sign lettering);
 *   Noto Sans caps are 0.714 em, so a size of S points has caps of
 *   0.252 * S mm.
 *
 * On A0 the title (100 pt, caps 25 mm) reads comfortably from 10 m, the
 * province name (80 pt) from 8 m, the legend (36 pt) from 3.6 m and to
 * 6 m, district names (28 pt, caps 7 mm) to 4.9 m; the table (29 pt) and
 * footer (25 pt) are for reading in front of the poster.  Larger names
 * would read further but fit fewer districts: of the 514 kab/kota on the
 * 38 A0 sheets 305 are named at 32 pt, 332 at 28 pt (345 on A4); the
 * others carry their table number.  Between A4 and A0 each size is
 * interpolated geometrically (A2 is the geometric mean). */
#include "render-private.h"

#include <math.h>
#include <string.h>

/* A size on A4 and on A0, PDF points. */
typedef struct {
  double a4, a0;
} RenderPageSize;

static const RenderPageSize render_page_title = {15, 100};
static const RenderPageSize render_page_subtitle = {11, 80};
static const RenderPageSize render_page_index = {8.5, 40};
static const RenderPageSize render_page_label = {6.5, 28};
static const RenderPageSize render_page_number = {5.8, 26};
/* Neighbours' names in grey italic are read with the district names. */
static const RenderPageSize render_page_neighbour = {7.0, 30};
/* Legend text is 7.5 pt on A4; 36 pt on A0 is 1.2 times the enlargement. */
static const RenderPageSize render_page_block = {1.0, 1.2};

/* Layout units (points on A4). */
#define RENDER_PAGE_SIDE_W 271.89         /* the column beside the map, landscape */
#define RENDER_PAGE_SIDE_W_PORTRAIT 212.0 /* the legend column below the map */
#define RENDER_PAGE_GAP 14.0              /* between map and column */
#define RENDER_PAGE_INSET_W 104.0         /* the locator inset, before `block` */
/* The table's smallest row on paper, PDF points, for posters: its type of
 * 9 pt (caps 2.2 mm) reads comfortably from 0.9 m, in front of the poster.
 * A poster's table shrinks to it rather than continue on a second A0. */
#define RENDER_PAGE_POSTER_ROW_PT 13.5
/* Most rows a sheet's table must hold on one page: 38 (Jawa Timur, the
 * most kab/kota of a province). */
#define RENDER_PAGE_ROWS 38

void
render_paper_mm(RenderPaper paper, double *w_mm, double *h_mm)
{
  /* ISO 216: rounded to whole millimetres at each halving. */
  static const double mm[][2] = {{841, 1189}, {594, 841}, {420, 594}, {297, 420}, {210, 297}};
  int i = CLAMP((int)paper, 0, 4);
  *w_mm = mm[i][0];
  *h_mm = mm[i][1];
}

const char *
render_paper_name(RenderPaper paper)
{
  static const char *names[] = {"A0", "A1", "A2", "A3", "A4"};
  return names[CLAMP((int)paper, 0, 4)];
}

gboolean
render_paper_parse(const char *text, RenderPaper *paper)
{
  if (text == NULL || strlen(text) != 2 || g_ascii_toupper(text[0]) != 'A' || text[1] < '0' ||
      text[1] > '4')
    return FALSE;
  *paper = (RenderPaper)(text[1] - '0');
  return TRUE;
}

/* `s` on this page, in layout units: interpolated geometrically between
 * A4 and A0 by f (0 on A4, 1 on A0), then divided by the enlargement. */
static double
render_page_size(RenderPageSize s, double f, double k)
{
  return s.a4 * pow(s.a0 / s.a4, f) / k;
}

void
render_page_init(RenderPage *p, RenderPaper paper, gboolean portrait)
{
  memset(p, 0, sizeof *p);
  paper = CLAMP(paper, RENDER_PAPER_A0, RENDER_PAPER_A4);
  int steps = RENDER_PAPER_A4 - paper; /* A sizes above A4 */
  double f = steps / 4.0;
  double w_mm, h_mm;
  render_paper_mm(paper, &w_mm, &h_mm);
  p->paper = paper;
  p->portrait = portrait;
  /* Points to 1/100, as PDF page sizes are usually given (A4: 595.28). */
  p->width = round((portrait ? w_mm : h_mm) * 7200 / 25.4) / 100;
  p->height = round((portrait ? h_mm : w_mm) * 7200 / 25.4) / 100;
  p->k = pow(G_SQRT2, steps);
  p->w = p->width / p->k;
  p->h = p->height / p->k;
  /* A4 landscape gives exactly the briefing sheet's historic layout:
   * margin 28, title at 22, rule at 62, map 500 x 478 at (28, 70). */
  p->margin = RENDER_MARGIN;
  p->title_size = render_page_size(render_page_title, f, p->k);
  p->subtitle_size = render_page_size(render_page_subtitle, f, p->k);
  p->index_size = render_page_size(render_page_index, f, p->k);
  p->label_size = render_page_size(render_page_label, f, p->k);
  p->number_size = render_page_size(render_page_number, f, p->k);
  p->neighbour_size = render_page_size(render_page_neighbour, f, p->k);
  /* Degree labels are read in front of the map, like the scale bar and
   * the projection note: the A4 size, enlarged. */
  p->graticule_size = 5.5;
  p->block = render_page_block.a4 * pow(render_page_block.a0 / render_page_block.a4, f);
  p->title_y = 22;
  p->subtitle_y = p->title_y + p->title_size * 4 / 3;
  double content_w = p->w - 2 * p->margin;
  if (!portrait) {
    /* The title and group on the left, index name and date on the right. */
    p->rule_y = p->subtitle_y + p->subtitle_size * 20 / 11;
    p->index_y = p->title_y + 4;
    p->title_w = content_w * 0.598;
    p->index_w = content_w * 0.369;
  } else {
    /* Too narrow for both: title and group over the full width, then
     * index name and date on one line. */
    p->index_inline = TRUE;
    p->index_y = p->subtitle_y + p->subtitle_size * 1.5;
    p->rule_y = p->index_y + p->index_size * 1.53 + 6;
    p->title_w = content_w;
    p->index_w = content_w;
  }
  /* The logo spans the title lines (the title and group), 35 high and
   * at most 120 wide on A4, from just above the title. */
  p->logo_y = p->title_y - 1;
  p->logo_h = (portrait ? p->index_y - 4 : p->rule_y - 6) - p->logo_y;
  p->logo_max_w = p->logo_h * 120 / 35;
  p->footer_y = p->h - 39.28;
  /* Lines are the A4 sheet's, enlarged: 1.4 and 6.4 pt on A0. */
  p->district_line = 0.35;
  p->group_line = 1.6;
  p->png_dpi = round(300 / p->k);
  /* Map vertices are kept a quarter point of paper apart. */
  p->resolution = 0.25 / p->k;
  /* Islets under 0.8 pt of paper print as dirt and are left out (a
   * poster, being larger, keeps more of them); a district of nothing but
   * such islets is a dot as wide as the A4 sheet's, enlarged like the
   * lines, and islets narrower than 5 units get no heavy group border,
   * which is enlarged too. */
  p->speck = 0.8 / p->k;
  p->dot = 1.6;
  p->border_min = 5.0;
  p->inset_pt = RENDER_PAGE_INSET_W * p->block * p->k;

  p->table_min_row = MIN(RENDER_TABLE_MIN_ROW, RENDER_PAGE_POSTER_ROW_PT / p->k);

  double top = p->rule_y + 8, bottom = p->footer_y - 8;
  double side_w = RENDER_PAGE_SIDE_W;
  if (!portrait) {
    double map_w = content_w - RENDER_PAGE_GAP - side_w;
    p->map = (RenderRect){p->margin, top, map_w, bottom - top};
    p->column = (RenderRect){p->margin + map_w + RENDER_PAGE_GAP, top, side_w, bottom - top};
    p->table = p->column;
    p->table_columns = 3;
  } else {
    /* Map on top over the full width; below it the legend column on the
     * left (the inset below the legend) and the ranked table on the right,
     * as wide as can be: it is the table that runs out of width. */
    side_w = RENDER_PAGE_SIDE_W_PORTRAIT * p->block;
    /* At least room for the table's 38 rows at their smallest. */
    double band = MAX(4 + p->table_min_row * (RENDER_PAGE_ROWS + 1.3) + 3, 0.4 * (bottom - top));
    double map_h = bottom - top - band - 10;
    p->map = (RenderRect){p->margin, top, content_w, map_h};
    double y = top + map_h + 10;
    p->column = (RenderRect){p->margin, y, side_w, band};
    p->table = (RenderRect){p->margin + side_w + RENDER_PAGE_GAP, y,
                            content_w - side_w - RENDER_PAGE_GAP, band};
    p->table_columns = 2;
  }
}

void
render_page_reserved(const RenderPage *p, RenderRect out[3])
{
  render_map_reserved(p->map, out);
}

const RenderPage *
render_page_of(const RenderModel *m)
{
  static RenderPage a4;
  static gsize once = 0;
  if (m->page)
    return m->page;
  if (g_once_init_enter(&once)) {
    render_page_init(&a4, RENDER_PAPER_A4, FALSE);
    g_once_init_leave(&once, 1);
  }
  return &a4;
}
