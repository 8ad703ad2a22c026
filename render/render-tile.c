/* render-tile.c — a poster cut into pages an office printer takes (--tile
 * A4|A3): an index page with the whole poster, the grid and how to put it
 * together, then one page per tile.
 *
 * A tile prints its region of the poster inside a 12 mm margin, which
 * holds the crop marks, the registration marks (⊕) and the tile's name
 * ("B2": row B, column 2) with a small diagram of the grid.  Neighbours
 * share a 10 mm strip: the left and top edges of a tile are cut at the
 * crop marks and laid over the tile before it up to its ⊕ marks, the
 * shared strip under the glue.  The poster is drawn once into a recording
 * surface and replayed into every tile with a translation and a clip, so
 * the tiles stay vector (text stays text) and the same bytes as the
 * poster. */
#include "render-private.h"

#include <cairo-pdf.h>
#include <math.h>

#define RENDER_TILE_MM (72 / 25.4)
#define RENDER_TILE_MARGIN (12 * RENDER_TILE_MM)
#define RENDER_TILE_OVERLAP (10 * RENDER_TILE_MM)

/* Tiles needed along a poster side `len` with tiles printing `inner`. */
static int
render_tile_count(double len, double inner)
{
  if (len <= inner)
    return 1;
  return (int)ceil((len - RENDER_TILE_OVERLAP) / (inner - RENDER_TILE_OVERLAP) - 1e-9);
}

gboolean
render_tile_plan(double poster_w, double poster_h, RenderPaper paper, RenderTiling *out)
{
  double w_mm, h_mm;
  render_paper_mm(paper, &w_mm, &h_mm);
  RenderTiling best = {0};
  for (int portrait = 1; portrait >= 0; portrait--) {
    RenderTiling t = {.paper = paper, .portrait = portrait};
    t.width = (portrait ? w_mm : h_mm) * RENDER_TILE_MM;
    t.height = (portrait ? h_mm : w_mm) * RENDER_TILE_MM;
    t.margin = RENDER_TILE_MARGIN;
    t.overlap = RENDER_TILE_OVERLAP;
    double iw = t.width - 2 * t.margin, ih = t.height - 2 * t.margin;
    t.cols = render_tile_count(poster_w, iw);
    t.rows = render_tile_count(poster_h, ih);
    t.step_x = iw - t.overlap;
    t.step_y = ih - t.overlap;
    /* The grid covers a little more than the poster: centre it. */
    t.off_x = -(t.cols * t.step_x + t.overlap - poster_w) / 2;
    t.off_y = -(t.rows * t.step_y + t.overlap - poster_h) / 2;
    if (best.rows == 0 || t.rows * t.cols < best.rows * best.cols)
      best = t;
  }
  if (best.rows * best.cols <= 1)
    return FALSE;
  *out = best;
  return TRUE;
}

/* Row letters: A..Z, then AA, AB ... as spreadsheets do.  Caller frees. */
static char *
render_tile_row(int row)
{
  char letters[8];
  int n = 0, r = row + 1;
  while (r > 0 && n < (int)sizeof letters - 1) {
    letters[n++] = (char)('A' + (r - 1) % 26);
    r = (r - 1) / 26;
  }
  GString *s = g_string_new(NULL);
  while (n > 0)
    g_string_append_c(s, letters[--n]);
  return g_string_free(s, FALSE);
}

char *
render_tile_name(int row, int col)
{
  g_autofree char *r = render_tile_row(row);
  return g_strdup_printf("%s%d", r, col + 1);
}

/* A registration mark: a circle with a cross, centred at (x, y). */
static void
render_tile_target(cairo_t *cr, double x, double y)
{
  const double r = 2.2 * RENDER_TILE_MM;
  cairo_new_path(cr);
  cairo_arc(cr, x, y, r * 0.6, 0, 2 * G_PI);
  cairo_move_to(cr, x - r, y);
  cairo_line_to(cr, x + r, y);
  cairo_move_to(cr, x, y - r);
  cairo_line_to(cr, x, y + r);
  cairo_stroke(cr);
}

/* The grid of `t` in `box`, tile (row, col) filled; row < 0: none. */
static void
render_tile_diagram(cairo_t *cr, const RenderTiling *t, RenderRect box, int row, int col)
{
  double cell = MIN(box.w / t->cols, box.h / t->rows);
  double x0 = box.x + (box.w - cell * t->cols) / 2, y0 = box.y + (box.h - cell * t->rows) / 2;
  cairo_set_line_width(cr, 0.4);
  for (int r = 0; r < t->rows; r++)
    for (int c = 0; c < t->cols; c++) {
      cairo_rectangle(cr, x0 + c * cell, y0 + r * cell, cell, cell);
      if (r == row && c == col)
        cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
      else
        cairo_set_source_rgb(cr, 1, 1, 1);
      cairo_fill_preserve(cr);
      cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
      cairo_stroke(cr);
    }
}

/* The index page: the poster small with the grid on it, and how to print
 * and assemble the tiles. */
static void
render_tile_index(cairo_t *cr, cairo_surface_t *poster, double pw, double ph, const RenderTiling *t,
                  const char *title, RenderLang lang)
{
  const double m = t->margin;
  double w = t->width - 2 * m;
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  double y = m;
  y += render_text(cr, title, 13, TRUE, m, y, w, RENDER_ALIGN_LEFT) + 2;
  g_autofree char *what = g_strdup_printf(
      render_tr(
          lang,
          "Poster %.0f × %.0f mm pada %d halaman %s (%d baris × %d kolom), tumpang tindih %.0f mm"),
      pw / RENDER_TILE_MM, ph / RENDER_TILE_MM, t->rows * t->cols, render_paper_name(t->paper),
      t->rows, t->cols, t->overlap / RENDER_TILE_MM);
  y += render_text(cr, what, 9, FALSE, m, y, w, RENDER_ALIGN_LEFT) + 4;
  const char *steps[] = {
      /* One literal each: tests/test-lang.c finds them in the catalogue. */
      render_tr(
          lang,
          "1. Cetak pada skala 100% (ukuran sebenarnya, bukan \"sesuaikan dengan halaman\"); garis ukur di bawah harus 100 mm."),
      render_tr(
          lang,
          "2. Potong tepi kiri dan atas setiap halaman pada tanda potong, kecuali kolom 1 dan baris A."),
      render_tr(
          lang,
          "3. Tempelkan tiap halaman di atas halaman di kiri dan di atasnya: tepi potong tepat pada tanda ⊕, jalur tumpang tindih di bawahnya diberi lem."),
  };
  for (guint i = 0; i < G_N_ELEMENTS(steps); i++)
    y += render_text(cr, steps[i], 8, FALSE, m, y, w, RENDER_ALIGN_LEFT);
  /* The 100 mm check bar. */
  y += 6;
  cairo_set_line_width(cr, 0.8);
  cairo_move_to(cr, m, y);
  cairo_line_to(cr, m, y + 6);
  cairo_move_to(cr, m, y + 3);
  cairo_line_to(cr, m + 100 * RENDER_TILE_MM, y + 3);
  cairo_move_to(cr, m + 100 * RENDER_TILE_MM, y);
  cairo_line_to(cr, m + 100 * RENDER_TILE_MM, y + 6);
  cairo_stroke(cr);
  render_text(cr, "100 mm", 7, FALSE, m + 100 * RENDER_TILE_MM + 4, y - 1, 0, RENDER_ALIGN_LEFT);
  y += 14;

  /* The poster and the grid, as large as the rest of the page allows. */
  double bh = t->height - m - y;
  double gw = t->cols * t->step_x + t->overlap, gh = t->rows * t->step_y + t->overlap;
  double s = MIN(w / gw, bh / gh);
  double ox = m + (w - gw * s) / 2, oy = y + (bh - gh * s) / 2;
  cairo_save(cr);
  cairo_translate(cr, ox - t->off_x * s, oy - t->off_y * s);
  cairo_scale(cr, s, s);
  cairo_rectangle(cr, 0, 0, pw, ph);
  cairo_clip(cr);
  cairo_set_source_surface(cr, poster, 0, 0);
  cairo_paint(cr);
  cairo_restore(cr);
  cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
  cairo_set_line_width(cr, 0.5);
  cairo_rectangle(cr, ox - t->off_x * s, oy - t->off_y * s, pw * s, ph * s);
  cairo_stroke(cr);
  /* Each tile's name in the top left corner of the region it adds. */
  double fs = CLAMP(MIN(t->step_x, t->step_y) * s * 0.12, 6, 12);
  for (int r = 0; r < t->rows; r++)
    for (int c = 0; c < t->cols; c++) {
      double x = ox + c * t->step_x * s, yy = oy + r * t->step_y * s;
      cairo_set_source_rgba(cr, 0.75, 0.1, 0.1, 0.9);
      cairo_set_line_width(cr, 0.8);
      cairo_rectangle(cr, x, yy, t->step_x * s, t->step_y * s);
      cairo_stroke(cr);
      g_autofree char *name = render_tile_name(r, c);
      double tw, th;
      render_text_size(cr, name, fs, TRUE, &tw, &th);
      cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
      cairo_rectangle(cr, x + 1, yy + 1, tw + 4, th);
      cairo_fill(cr);
      cairo_set_source_rgb(cr, 0.75, 0.1, 0.1);
      render_text(cr, name, fs, TRUE, x + 3, yy + 1, 0, RENDER_ALIGN_LEFT);
    }
}

/* Tile (row, col): its region of the poster, marks, name and diagram. */
static void
render_tile_page(cairo_t *cr, cairo_surface_t *poster, double pw, double ph, const RenderTiling *t,
                 int row, int col, const char *title, RenderLang lang)
{
  const double m = t->margin, iw = t->width - 2 * m, ih = t->height - 2 * m;
  const double mm = RENDER_TILE_MM;
  double px = t->off_x + col * t->step_x, py = t->off_y + row * t->step_y;
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_save(cr);
  cairo_rectangle(cr, m, m, iw, ih);
  cairo_clip(cr);
  cairo_translate(cr, m - px, m - py);
  cairo_rectangle(cr, 0, 0, pw, ph);
  cairo_clip(cr);
  cairo_set_source_surface(cr, poster, 0, 0);
  cairo_paint(cr);
  cairo_restore(cr);

  /* The shared strips, shaded in the margin beside them. */
  cairo_set_source_rgb(cr, 0.82, 0.82, 0.82);
  if (col + 1 < t->cols) {
    cairo_rectangle(cr, m + t->step_x, m - 2.5 * mm, t->overlap, 2 * mm);
    cairo_rectangle(cr, m + t->step_x, m + ih + 0.5 * mm, t->overlap, 2 * mm);
  }
  if (row + 1 < t->rows) {
    cairo_rectangle(cr, m - 2.5 * mm, m + t->step_y, 2 * mm, t->overlap);
    cairo_rectangle(cr, m + iw + 0.5 * mm, m + t->step_y, 2 * mm, t->overlap);
  }
  cairo_fill(cr);

  /* Crop marks at the printed region's corners, outside it. */
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.3);
  const double xs[2] = {m, m + iw}, ys[2] = {m, m + ih};
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++) {
      double sx = i ? 1 : -1, sy = j ? 1 : -1;
      cairo_move_to(cr, xs[i] + sx * 1.5 * mm, ys[j]);
      cairo_line_to(cr, xs[i] + sx * 9 * mm, ys[j]);
      cairo_move_to(cr, xs[i], ys[j] + sy * 1.5 * mm);
      cairo_line_to(cr, xs[i], ys[j] + sy * 9 * mm);
    }
  cairo_stroke(cr);
  /* Registration marks on every seam, in both margins along it: on the
   * cut edge (left, top) and where the next tile's cut edge goes. */
  double seams_x[2], seams_y[2];
  int nx = 0, ny = 0;
  if (col > 0)
    seams_x[nx++] = m;
  if (col + 1 < t->cols)
    seams_x[nx++] = m + t->step_x;
  if (row > 0)
    seams_y[ny++] = m;
  if (row + 1 < t->rows)
    seams_y[ny++] = m + t->step_y;
  for (int i = 0; i < nx; i++) {
    render_tile_target(cr, seams_x[i], m / 2);
    render_tile_target(cr, seams_x[i], t->height - m / 2);
  }
  for (int i = 0; i < ny; i++) {
    render_tile_target(cr, m / 2, seams_y[i]);
    render_tile_target(cr, t->width - m / 2, seams_y[i]);
  }

  /* Name, position and title in the bottom margin; the grid beside. */
  g_autofree char *name = render_tile_name(row, col);
  g_autofree char *last = render_tile_name(t->rows - 1, t->cols - 1);
  double ty = t->height - m + 2.5 * mm;
  double x = m + 4 * mm;
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  double nw, nh;
  render_text_size(cr, name, 14, TRUE, &nw, &nh);
  render_text(cr, name, 14, TRUE, x, ty - 1, 0, RENDER_ALIGN_LEFT);
  g_autofree char *row_name = render_tile_row(row);
  g_autofree char *where =
      g_strdup_printf(render_tr(lang, "baris %s dari %d, kolom %d dari %d (A1–%s) · %s"), row_name,
                      t->rows, col + 1, t->cols, last, title ? title : "");
  /* The diagram ends before the right seam's registration mark. */
  RenderRect box = {m + t->step_x - 24 * mm, ty - 0.5 * mm, 20 * mm, 7 * mm};
  double text_x = x + nw + 3 * mm;
  render_text(cr, where, 6.5, FALSE, text_x, ty + 3, MAX(box.x - 3 * mm - text_x, 40),
              RENDER_ALIGN_LEFT);
  render_tile_diagram(cr, t, box, row, col);
}

gboolean
render_tile_draw(cairo_t *cr, cairo_surface_t *poster, double pw, double ph, const RenderTiling *t,
                 const char *title, RenderLang lang)
{
  cairo_surface_t *target = cairo_get_target(cr);
  gboolean pdf = cairo_surface_get_type(target) == CAIRO_SURFACE_TYPE_PDF;
  if (pdf)
    cairo_pdf_surface_set_page_label(target, render_tr(lang, "Indeks"));
  render_tile_index(cr, poster, pw, ph, t, title, lang);
  for (int r = 0; r < t->rows; r++)
    for (int c = 0; c < t->cols; c++) {
      cairo_show_page(cr);
      g_autofree char *name = render_tile_name(r, c);
      if (pdf)
        cairo_pdf_surface_set_page_label(target, name);
      render_tile_page(cr, poster, pw, ph, t, r, c, title, lang);
    }
  return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}
