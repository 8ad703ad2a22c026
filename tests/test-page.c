/* test-page.c — the page geometry model (render-page.c) and the tiling plan
 * (render-tile.c): A4 landscape is the historic sheet, every paper and
 * orientation lays out boxes that fit and do not collide, sizes grow with
 * the paper and meet the reading-distance rule, tiles cover the poster
 * with the promised overlap. */
#include <math.h>
#include <render.h>

#define MM (72 / 25.4)

/* Cap height in mm of Noto Sans (0.714 em) at `pt` points. */
static double
cap_mm(double pt)
{
  return pt * 0.714 * 25.4 / 72;
}

static void
test_a4_landscape(void)
{
  RenderPage p;
  render_page_init(&p, RENDER_PAPER_A4, FALSE);
  g_assert_cmpfloat(p.width, ==, RENDER_PAGE_WIDTH);
  g_assert_cmpfloat(p.height, ==, RENDER_PAGE_HEIGHT);
  g_assert_cmpfloat(p.k, ==, 1);
  /* The briefing sheet as it always was. */
  g_assert_cmpfloat_with_epsilon(p.map.x, 28, 1e-9);
  g_assert_cmpfloat_with_epsilon(p.map.y, 70, 1e-9);
  g_assert_cmpfloat_with_epsilon(p.map.w, 500, 1e-9);
  g_assert_cmpfloat_with_epsilon(p.map.h, 478, 1e-9);
  g_assert_cmpfloat_with_epsilon(p.column.x, 542, 1e-9);
  g_assert_cmpfloat_with_epsilon(p.footer_y, 556, 1e-9);
  g_assert_cmpfloat_with_epsilon(p.rule_y, 62, 1e-9);
  g_assert_cmpfloat(p.title_size, ==, 15);
  g_assert_cmpfloat(p.label_size, ==, 6.5);
  g_assert_cmpfloat(p.block, ==, 1);
  g_assert_cmpfloat(p.png_dpi, ==, 300);
  /* The map's context and title band as the A4 sheet drew them. */
  g_assert_cmpfloat(p.neighbour_size, ==, 7);
  g_assert_cmpfloat(p.graticule_size, ==, 5.5);
  g_assert_cmpfloat_with_epsilon(p.logo_y, 21, 1e-9);
  g_assert_cmpfloat_with_epsilon(p.logo_h, 35, 1e-9);
  g_assert_cmpfloat_with_epsilon(p.logo_max_w, 120, 1e-9);
  g_assert_cmpfloat(p.speck, ==, 0.8);
  g_assert_cmpfloat(p.dot, ==, 1.6);
  g_assert_cmpfloat(p.border_min, ==, 5);
}

static gboolean
inside(RenderRect r, double x0, double y0, double x1, double y1)
{
  return r.x >= x0 - 1e-9 && r.y >= y0 - 1e-9 && r.x + r.w <= x1 + 1e-9 && r.y + r.h <= y1 + 1e-9 &&
         r.w > 0 && r.h > 0;
}

static gboolean
apart(RenderRect a, RenderRect b)
{
  return a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
}

static void
test_every_paper(void)
{
  for (int paper = RENDER_PAPER_A0; paper <= RENDER_PAPER_A4; paper++)
    for (int portrait = 0; portrait < 2; portrait++) {
      RenderPage p;
      render_page_init(&p, (RenderPaper)paper, portrait);
      double w_mm, h_mm;
      render_paper_mm(p.paper, &w_mm, &h_mm);
      /* ISO 216 sizes, in the asked orientation. */
      g_assert_cmpfloat_with_epsilon(p.width, (portrait ? w_mm : h_mm) * MM, 0.01);
      g_assert_cmpfloat_with_epsilon(p.height, (portrait ? h_mm : w_mm) * MM, 0.01);
      g_assert_cmpfloat_with_epsilon(p.k, pow(G_SQRT2, RENDER_PAPER_A4 - paper), 1e-12);
      g_assert_cmpfloat_with_epsilon(p.w * p.k, p.width, 1e-9);
      /* Boxes inside the margins, below the header, above the footer. */
      double x0 = p.margin, x1 = p.w - p.margin, y0 = p.rule_y, y1 = p.footer_y;
      g_assert_true(inside(p.map, x0, y0, x1, y1));
      g_assert_true(inside(p.column, x0, y0, x1, y1));
      g_assert_true(inside(p.table, x0, y0, x1, y1));
      g_assert_true(apart(p.map, p.column));
      g_assert_true(apart(p.map, p.table));
      if (portrait) {
        /* Map on top, legend and table side by side below it. */
        g_assert_true(apart(p.column, p.table));
        g_assert_cmpfloat(p.column.y, >, p.map.y + p.map.h);
        g_assert_cmpfloat(p.map.w, ==, p.w - 2 * p.margin);
        g_assert_cmpint(p.table_columns, ==, 2);
      } else {
        g_assert_cmpfloat(p.column.x, >, p.map.x + p.map.w);
        g_assert_cmpint(p.table_columns, ==, 3);
      }
      /* The header's lines follow each other without touching. */
      g_assert_cmpfloat(p.subtitle_y, >=, p.title_y + p.title_size * 1.2);
      if (p.index_inline) {
        g_assert_cmpfloat(p.index_y, >=, p.subtitle_y + p.subtitle_size * 1.3);
        g_assert_cmpfloat(p.rule_y, >=, p.index_y + p.index_size * 1.3);
      } else {
        g_assert_cmpfloat(p.rule_y, >=, p.subtitle_y + p.subtitle_size * 1.3);
        g_assert_cmpfloat(p.title_w + p.index_w, <=, p.w - 2 * p.margin);
      }
      /* The map keeps most of the page. */
      g_assert_cmpfloat(p.map.w * p.map.h, >, 0.4 * p.w * p.h);
      g_assert_cmpfloat(p.resolution * p.k, ==, 0.25);
      /* Islets are left out by their size on paper, like the vertices. */
      g_assert_cmpfloat_with_epsilon(p.speck * p.k, 0.8, 1e-12);
      /* The logo spans the title lines, above the index line and rule. */
      g_assert_cmpfloat(p.logo_y, <=, p.title_y);
      g_assert_cmpfloat(p.logo_y + p.logo_h, <=, (p.index_inline ? p.index_y : p.rule_y) - 1);
      g_assert_cmpfloat(p.logo_y + p.logo_h, >=, p.subtitle_y + p.subtitle_size);
      g_assert_cmpfloat_with_epsilon(p.png_dpi, round(300 / p.k), 1e-9);
    }
}

/* Sizes on paper grow with the paper; the type read from afar grows
 * faster than the page. */
static void
test_sizes_grow(void)
{
  RenderPage prev;
  render_page_init(&prev, RENDER_PAPER_A4, FALSE);
  for (int paper = RENDER_PAPER_A3; paper >= RENDER_PAPER_A0; paper--) {
    RenderPage p;
    render_page_init(&p, (RenderPaper)paper, FALSE);
    g_assert_cmpfloat(p.k, >, prev.k);
    g_assert_cmpfloat(p.title_size * p.k, >, prev.title_size * prev.k * p.k / prev.k);
    g_assert_cmpfloat(p.subtitle_size * p.k, >, prev.subtitle_size * prev.k * p.k / prev.k);
    g_assert_cmpfloat(p.label_size * p.k, >, prev.label_size * prev.k * p.k / prev.k);
    g_assert_cmpfloat(p.neighbour_size * p.k, >, prev.neighbour_size * prev.k * p.k / prev.k);
    g_assert_cmpfloat(p.neighbour_size, >, p.label_size);
    g_assert_cmpfloat(p.block, >, prev.block);
    g_assert_cmpfloat(p.district_line * p.k, >, prev.district_line * prev.k);
    prev = p;
  }
}

/* A0 reads from across a hall: caps of d / 400 for comfortable reading,
 * d / 688 (5 arc minutes) for the limit of 20/20 vision. */
static void
test_a0_distances(void)
{
  RenderPage p;
  render_page_init(&p, RENDER_PAPER_A0, FALSE);
  g_assert_cmpfloat_with_epsilon(p.title_size * p.k, 100, 1e-9);
  g_assert_cmpfloat(cap_mm(p.title_size * p.k), >=, 10000 / 400.0);   /* title: 10 m */
  g_assert_cmpfloat(cap_mm(p.subtitle_size * p.k), >=, 8000 / 400.0); /* province: 8 m */
  g_assert_cmpfloat(cap_mm(RENDER_LEGEND_SIZE * p.block * p.k), >=, 6000 / 688.0); /* legend */
  g_assert_cmpfloat(cap_mm(p.label_size * p.k), >=, 4800 / 688.0);                 /* names: ~5 m */
  g_assert_cmpfloat_with_epsilon(p.district_line * p.k, 1.4, 1e-9);
  g_assert_cmpfloat(p.png_dpi, ==, 75);
}

static void
test_paper_parse(void)
{
  RenderPaper p;
  const char *good[] = {"A0", "a1", "A2", "a3", "A4"};
  const char *names[] = {"A0", "A1", "A2", "A3", "A4"};
  for (guint i = 0; i < G_N_ELEMENTS(good); i++) {
    g_assert_true(render_paper_parse(good[i], &p));
    g_assert_cmpint(p, ==, (int)i);
    g_assert_cmpstr(render_paper_name(p), ==, names[i]);
  }
  const char *bad[] = {"A5", "B4", "", "A", "A10", "A-1", "letter", "4"};
  for (guint i = 0; i < G_N_ELEMENTS(bad); i++)
    g_assert_false(render_paper_parse(bad[i], &p));
  g_assert_false(render_paper_parse(NULL, &p));
}

/* Checks the invariants of a plan for a poster of pw x ph points. */
static void
check_plan(const RenderTiling *t, double pw, double ph)
{
  double iw = t->width - 2 * t->margin, ih = t->height - 2 * t->margin;
  g_assert_cmpfloat_with_epsilon(t->overlap, 10 * MM, 1e-9);
  g_assert_cmpfloat_with_epsilon(t->step_x, iw - t->overlap, 1e-9);
  g_assert_cmpfloat_with_epsilon(t->step_y, ih - t->overlap, 1e-9);
  /* The grid covers the poster, with no tile too many, centred. */
  double gw = t->cols * t->step_x + t->overlap, gh = t->rows * t->step_y + t->overlap;
  g_assert_cmpfloat(gw, >=, pw);
  g_assert_cmpfloat(gh, >=, ph);
  g_assert_cmpfloat(gw - t->step_x, <, pw);
  g_assert_cmpfloat(gh - t->step_y, <, ph);
  g_assert_cmpfloat_with_epsilon(t->off_x, -(gw - pw) / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon(t->off_y, -(gh - ph) / 2, 1e-9);
}

static void
test_tile_plan(void)
{
  RenderPage a0, a2, a1p;
  render_page_init(&a0, RENDER_PAPER_A0, FALSE);
  render_page_init(&a2, RENDER_PAPER_A2, FALSE);
  render_page_init(&a1p, RENDER_PAPER_A1, TRUE);
  RenderTiling t;
  /* A0 landscape on A4: 5 x 5 landscape pages (4 x 7 portrait would be 28). */
  g_assert_true(render_tile_plan(a0.width, a0.height, RENDER_PAPER_A4, &t));
  g_assert_cmpint(t.rows, ==, 5);
  g_assert_cmpint(t.cols, ==, 5);
  g_assert_false(t.portrait);
  g_assert_cmpfloat_with_epsilon(t.width, 297 * MM, 1e-9);
  check_plan(&t, a0.width, a0.height);
  /* A0 on A3: 3 rows of 5 portrait pages. */
  g_assert_true(render_tile_plan(a0.width, a0.height, RENDER_PAPER_A3, &t));
  g_assert_cmpint(t.rows * t.cols, ==, 15);
  g_assert_true(t.portrait);
  check_plan(&t, a0.width, a0.height);
  /* A2 landscape on A4: 2 x 4 portrait pages (3 x 3 landscape is 9). */
  g_assert_true(render_tile_plan(a2.width, a2.height, RENDER_PAPER_A4, &t));
  g_assert_cmpint(t.rows, ==, 2);
  g_assert_cmpint(t.cols, ==, 4);
  g_assert_true(t.portrait);
  check_plan(&t, a2.width, a2.height);
  g_assert_true(render_tile_plan(a1p.width, a1p.height, RENDER_PAPER_A4, &t));
  check_plan(&t, a1p.width, a1p.height);
  /* What one page holds is not tiled. */
  g_assert_false(render_tile_plan(100, 100, RENDER_PAPER_A4, &t));
}

static void
test_tile_names(void)
{
  struct {
    int row, col;
    const char *name;
  } c[] = {{0, 0, "A1"},  {1, 1, "B2"},   {4, 6, "E7"},
           {25, 0, "Z1"}, {26, 2, "AA3"}, {27, 9, "AB10"}};
  for (guint i = 0; i < G_N_ELEMENTS(c); i++) {
    g_autofree char *n = render_tile_name(c[i].row, c[i].col);
    g_assert_cmpstr(n, ==, c[i].name);
  }
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/page/a4-landscape", test_a4_landscape);
  g_test_add_func("/page/every-paper", test_every_paper);
  g_test_add_func("/page/sizes-grow", test_sizes_grow);
  g_test_add_func("/page/a0-distances", test_a0_distances);
  g_test_add_func("/page/paper-parse", test_paper_parse);
  g_test_add_func("/page/tile-plan", test_tile_plan);
  g_test_add_func("/page/tile-names", test_tile_names);
  return g_test_run();
}
