/* render-atlas.c — atlas.pdf, put together from the PDFs already drawn.
 *
 * Redrawing every sheet into one more document doubled the work of a
 * build and made a one-province change as slow as a full build.  The
 * atlas is instead assembled with qpdf: the pages of the overview and of
 * every sheet (as drawn, or as kept from the last build) are copied as
 * they are, behind contents pages drawn here with cairo.  qpdf then adds
 * what a reader navigates by: a clickable entry per province on the
 * contents pages, one bookmark per province (the panel opens with them),
 * and page labels (`53`, `33 (2)` for a table continued on a second page).
 * IDs and dates are deterministic, so the same sheets give the same bytes. */
#include "render-private.h"
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <qpdf/qpdf-c.h>
#include <math.h>
#include <string.h>

/* Contents layout: two columns of rows on the page of the sheets (all
 * sheets of a build share one paper, render-page.c), in layout units: 22
 * rows a column on A4 landscape, more on a portrait page. */
#define RENDER_ATLAS_COLS 2
#define RENDER_ATLAS_ROW_H 20.0
/* Sheet PDFs open at once while the atlas is assembled, at most: fewer
 * when the limit of open files is low (render_atlas_max_open). */
#define RENDER_ATLAS_MAX_OPEN 200
/* Descriptors left to everything else (fonts, the output, GDAL). */
#define RENDER_ATLAS_FD_RESERVE 48

typedef struct {
  double x, y, w, h; /* the entry's row on its contents page, layout units */
  guint page;        /* contents page (0-based) */
} RenderAtlasRow;

/* The top of the first row under the page's header. */
static double
render_atlas_top(const RenderPage *P)
{
  return P->rule_y + 22;
}

/* Rows in one column of a contents page. */
static guint
render_atlas_rows(const RenderPage *P)
{
  double bottom = P->footer_y - 32;
  return (guint)MAX(1, floor((bottom - render_atlas_top(P)) / RENDER_ATLAS_ROW_H));
}

/* Sets `error` when `code` (what the qpdf call returned, 0 for none)
 * reports errors or qpdf has an error pending; returns whether it did. */
static gboolean
render_atlas_failed(qpdf_data q, QPDF_ERROR_CODE code, const char *what, const char *path,
                    GError **error)
{
  if (!qpdf_has_error(q)) {
    if (!(code & QPDF_ERRORS))
      return FALSE;
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "atlas.pdf: %s %s: failed", what,
                path ? path : "");
    return TRUE;
  }
  qpdf_error e = qpdf_get_error(q);
  g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "atlas.pdf: %s %s: %s", what, path ? path : "",
              qpdf_get_error_full_text(q, e));
  return TRUE;
}

static cairo_status_t
render_atlas_append(void *closure, const unsigned char *data, unsigned int len)
{
  g_byte_array_append(closure, data, len);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws the contents pages: entry i on the first page of entries[i],
 * first_page[i] being its 1-based page number in the atlas.  Returns:
 * (transfer full) the PDF bytes, or NULL with `error` set; rows[i]
 * receives where entry i was drawn. */
static GByteArray *
render_atlas_contents(const RenderModel *m, const RenderAtlasEntry *entries, guint n,
                      const guint *first_page, guint n_contents, RenderAtlasRow *rows,
                      GError **error)
{
  const RenderPage *P = render_page_of(m);
  GByteArray *pdf = g_byte_array_new();
  cairo_surface_t *s =
      cairo_pdf_surface_create_for_stream(render_atlas_append, pdf, P->width, P->height);
  cairo_t *cr = cairo_create(s);
  cairo_scale(cr, P->k, P->k); /* layout units from here on (render-page.c) */
  const double gap = 28, top = render_atlas_top(P);
  const double col_w = (P->w - 2 * P->margin - gap) / RENDER_ATLAS_COLS;
  const guint n_rows = render_atlas_rows(P);
  const guint per_page = n_rows * RENDER_ATLAS_COLS;
  for (guint page = 0; page < n_contents; page++) {
    if (page > 0)
      cairo_show_page(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    render_page_header(cr, m,
                       n_contents > 1 ? render_tr(m->lang, "Daftar isi (lanjutan)")
                                      : render_tr(m->lang, "Daftar isi"));
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    render_text(cr, render_tr(m->lang, "Halaman"), 7, TRUE, P->margin + col_w, top - 16, 0,
                RENDER_ALIGN_RIGHT);
    if (n > n_rows)
      render_text(cr, render_tr(m->lang, "Halaman"), 7, TRUE, P->w - P->margin, top - 16, 0,
                  RENDER_ALIGN_RIGHT);
    for (guint k = 0; k < per_page && page * per_page + k < n; k++) {
      guint i = page * per_page + k;
      guint col = k / n_rows, row = k % n_rows;
      double x = P->margin + col * (col_w + gap);
      double y = top + row * RENDER_ATLAS_ROW_H;
      rows[i] = (RenderAtlasRow){x, y - 4, col_w, RENDER_ATLAS_ROW_H, page};
      if (row % 2 == 0) {
        cairo_set_source_rgb(cr, 0.95, 0.95, 0.95);
        cairo_rectangle(cr, x, y - 4, col_w, RENDER_ATLAS_ROW_H);
        cairo_fill(cr);
      }
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      double used = 0;
      if (entries[i].code) {
        render_text(cr, entries[i].code, 9.5, TRUE, x + 4, y, 0, RENDER_ALIGN_LEFT);
        used = 30;
      }
      render_text(cr, entries[i].name, 9.5, FALSE, x + 4 + used, y, col_w - 60 - used,
                  RENDER_ALIGN_LEFT);
      g_autofree char *pg = g_strdup_printf("%u", first_page[i]);
      render_text(cr, pg, 9.5, TRUE, x + col_w - 4, y, 0, RENDER_ALIGN_RIGHT);
    }
    render_page_footer(cr, m, render_tr(m->lang, "Daftar isi"));
  }
  cairo_destroy(cr);
  cairo_surface_finish(s);
  cairo_status_t st = cairo_surface_status(s);
  cairo_surface_destroy(s);
  if (st != CAIRO_STATUS_SUCCESS) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "atlas.pdf: contents page: %s",
                cairo_status_to_string(st));
    g_byte_array_unref(pdf);
    return NULL;
  }
  return pdf;
}

/* "D:20260101000000Z" from the model's date.  Caller frees. */
static char *
render_atlas_pdf_date(const RenderModel *m)
{
  g_autofree char *iso = render_output_date_iso(m->date); /* 2026-01-01T00:00:00 */
  GString *d = g_string_new("D:");
  for (const char *p = iso; *p; p++)
    if (g_ascii_isdigit(*p))
      g_string_append_c(d, *p);
  g_string_append_c(d, 'Z');
  return g_string_free(d, FALSE);
}

/* A link from rows[i] on its contents page (of page P) to `dest`. */
static qpdf_oh
render_atlas_link(qpdf_data q, const RenderPage *P, const RenderAtlasRow *row, qpdf_oh dest)
{
  qpdf_oh a = qpdf_oh_new_dictionary(q);
  qpdf_oh_replace_key(q, a, "/Type", qpdf_oh_new_name(q, "/Annot"));
  qpdf_oh_replace_key(q, a, "/Subtype", qpdf_oh_new_name(q, "/Link"));
  qpdf_oh rect = qpdf_oh_new_array(q);
  /* PDF points, y up. */
  double k = P->k;
  double r[4] = {row->x * k, P->height - (row->y + row->h) * k, (row->x + row->w) * k,
                 P->height - row->y * k};
  for (int c = 0; c < 4; c++)
    qpdf_oh_append_item(q, rect, qpdf_oh_new_real_from_double(q, r[c], 2));
  qpdf_oh_replace_key(q, a, "/Rect", rect);
  qpdf_oh border = qpdf_oh_new_array(q);
  for (int c = 0; c < 3; c++)
    qpdf_oh_append_item(q, border, qpdf_oh_new_integer(q, 0));
  qpdf_oh_replace_key(q, a, "/Border", border);
  qpdf_oh d = qpdf_oh_new_array(q);
  qpdf_oh_append_item(q, d, dest);
  qpdf_oh_append_item(q, d, qpdf_oh_new_name(q, "/Fit"));
  qpdf_oh_replace_key(q, a, "/Dest", d);
  return qpdf_make_indirect_object(q, a);
}

/* How many sheet PDFs may be open at once: half of what the process may
 * still open (RLIMIT_NOFILE less a reserve), at most RENDER_ATLAS_MAX_OPEN,
 * at least 2. */
static guint
render_atlas_max_open(void)
{
  struct rlimit rl;
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
    return RENDER_ATLAS_MAX_OPEN;
  rlim_t room = rl.rlim_cur > RENDER_ATLAS_FD_RESERVE ? rl.rlim_cur - RENDER_ATLAS_FD_RESERVE : 0;
  return (guint)CLAMP(room / 2, 2, RENDER_ATLAS_MAX_OPEN);
}

/* Joins the pages of entries[0..n) into the PDF file `path` (a part of a
 * large atlas; removed by the caller), each entry's page count into
 * n_pages[].  At most n + 1 files are open. */
static gboolean
render_atlas_part(const RenderAtlasEntry *entries, guint n, const char *path, guint *n_pages,
                  GError **error)
{
  gboolean ok = FALSE;
  qpdf_data *src = g_new0(qpdf_data, MAX(n, 1));
  qpdf_data part = qpdf_init();
  qpdf_silence_errors(part);
  if (render_atlas_failed(part, qpdf_empty_pdf(part), "starting", path, error))
    goto out;
  for (guint i = 0; i < n; i++) {
    src[i] = qpdf_init();
    qpdf_silence_errors(src[i]);
    if (render_atlas_failed(src[i], qpdf_read(src[i], entries[i].path, NULL), "reading",
                            entries[i].path, error))
      goto out;
    int np = qpdf_get_num_pages(src[i]);
    if (np <= 0) {
      g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "atlas.pdf: %s has no pages",
                  entries[i].path);
      goto out;
    }
    n_pages[i] = (guint)np;
    for (int p = 0; p < np; p++)
      qpdf_add_page(part, src[i], qpdf_get_page_n(src[i], p), QPDF_FALSE);
    if (render_atlas_failed(part, 0, "copying the pages of", entries[i].path, error))
      goto out;
  }
  if (render_atlas_failed(part, qpdf_init_write(part, path), "writing", path, error))
    goto out;
  qpdf_set_deterministic_ID(part, QPDF_TRUE);
  qpdf_set_stream_data_mode(part, qpdf_s_preserve);
  ok = !render_atlas_failed(part, qpdf_write(part), "writing", path, error);
out:
  qpdf_cleanup(&part);
  for (guint i = 0; i < n; i++)
    if (src[i])
      qpdf_cleanup(&src[i]);
  g_free(src);
  return ok;
}

gboolean
render_output_atlas(const RenderModel *m, const RenderAtlasEntry *entries, guint n, const char *dir,
                    GError **error)
{
  gboolean ok = FALSE;
  qpdf_data *src = g_new0(qpdf_data, MAX(n, 1));
  guint *src_pages = g_new0(guint, MAX(n, 1));
  GPtrArray *parts = g_ptr_array_new_with_free_func(g_free); /* temporary part files */
  guint n_src = 0;
  guint *first_page = g_new0(guint, MAX(n, 1));
  guint *n_pages = g_new0(guint, MAX(n, 1));
  RenderAtlasRow *rows = g_new0(RenderAtlasRow, MAX(n, 1));
  GByteArray *contents_pdf = NULL;
  char *date = NULL, *title = NULL;
  qpdf_data toc = NULL, out = qpdf_init();
  qpdf_silence_errors(out);

  /* Read every page source; sources stay open until the atlas is written
   * (qpdf copies their objects lazily).  With more sheets than
   * RENDER_ATLAS_MAX_OPEN (a village atlas: 20,000), they are first
   * joined in parts of that many (render_atlas_part), so that no more
   * files are open at once than that: 1,000 sheets ran out of
   * descriptors at the usual limit of 1,024. */
  const guint per_page = render_atlas_rows(render_page_of(m)) * RENDER_ATLAS_COLS;
  const guint max_open = render_atlas_max_open();
  if (n > max_open && (n + max_open - 1) / max_open > max_open) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT,
                "atlas.pdf: %u sheets need more files open at once than the limit allows "
                "(%u at a time); raise it (ulimit -n) to at least %u",
                n, max_open, 2 * (guint)ceil(sqrt((double)n)) + RENDER_ATLAS_FD_RESERVE);
    goto out;
  }
  guint n_contents = MAX(1, (n + per_page - 1) / per_page);
  guint page = n_contents + 1;
  n_src = n <= max_open ? n : (n + max_open - 1) / max_open;
  for (guint i = 0; i < n_src; i++) {
    if (n > max_open) {
      guint from = i * max_open, to = MIN(n, from + max_open);
      g_ptr_array_add(parts, g_strdup_printf("%s/.atlas-part-%u.pdf", dir, i));
      if (!render_atlas_part(entries + from, to - from, g_ptr_array_index(parts, i), n_pages + from,
                             error))
        goto out;
      for (guint e = from; e < to; e++) {
        first_page[e] = page;
        page += n_pages[e];
      }
    }
    const char *path = n > max_open ? g_ptr_array_index(parts, i) : entries[i].path;
    src[i] = qpdf_init();
    qpdf_silence_errors(src[i]);
    if (render_atlas_failed(src[i], qpdf_read(src[i], path, NULL), "reading", path, error))
      goto out;
    int np = qpdf_get_num_pages(src[i]);
    if (np <= 0) {
      g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "atlas.pdf: %s has no pages", path);
      goto out;
    }
    if (n <= max_open) {
      n_pages[i] = (guint)np;
      first_page[i] = page;
      page += n_pages[i];
    }
    src_pages[i] = (guint)np;
  }

  contents_pdf = render_atlas_contents(m, entries, n, first_page, n_contents, rows, error);
  if (contents_pdf == NULL)
    goto out;
  toc = qpdf_init();
  qpdf_silence_errors(toc);
  if (render_atlas_failed(toc,
                          qpdf_read_memory(toc, "contents", (const char *)contents_pdf->data,
                                           contents_pdf->len, NULL),
                          "reading", "the contents pages", error))
    goto out;

  if (render_atlas_failed(out, qpdf_empty_pdf(out), "starting", NULL, error))
    goto out;
  for (guint p = 0; p < n_contents; p++)
    qpdf_add_page(out, toc, qpdf_get_page_n(toc, p), QPDF_FALSE);
  if (render_atlas_failed(out, 0, "copying", "the contents pages", error))
    goto out;
  for (guint i = 0; i < n_src; i++) {
    for (guint p = 0; p < src_pages[i]; p++)
      qpdf_add_page(out, src[i], qpdf_get_page_n(src[i], p), QPDF_FALSE);
    if (render_atlas_failed(out, 0, "copying the pages of",
                            n > max_open ? (char *)g_ptr_array_index(parts, i) : entries[i].path,
                            error))
      goto out;
  }

  /* Links on the contents pages, bookmarks, page labels. */
  qpdf_oh root = qpdf_get_root(out);
  qpdf_oh outlines = qpdf_make_indirect_object(out, qpdf_oh_new_dictionary(out));
  qpdf_oh_replace_key(out, outlines, "/Type", qpdf_oh_new_name(out, "/Outlines"));
  qpdf_oh nums = qpdf_oh_new_array(out);
  qpdf_oh *annots = g_new(qpdf_oh, n_contents);
  for (guint p = 0; p < n_contents; p++)
    annots[p] = qpdf_oh_new_array(out);
  qpdf_oh prev = 0;
  qpdf_oh_append_item(out, nums, qpdf_oh_new_integer(out, 0));
  qpdf_oh label = qpdf_oh_new_dictionary(out);
  qpdf_oh_replace_key(out, label, "/P", qpdf_oh_new_unicode_string(out, render_tr(m->lang, "Isi")));
  qpdf_oh_append_item(out, nums, label);
  for (guint i = 0; i < n; i++) {
    qpdf_oh dest = qpdf_get_page_n(out, first_page[i] - 1);
    qpdf_oh_append_item(out, annots[rows[i].page],
                        render_atlas_link(out, render_page_of(m), &rows[i], dest));
    qpdf_oh item = qpdf_make_indirect_object(out, qpdf_oh_new_dictionary(out));
    g_autofree char *mark = entries[i].code
                                ? g_strdup_printf("%s %s", entries[i].code, entries[i].name)
                                : g_strdup(entries[i].name);
    qpdf_oh_replace_key(out, item, "/Title", qpdf_oh_new_unicode_string(out, mark));
    qpdf_oh_replace_key(out, item, "/Parent", outlines);
    qpdf_oh d = qpdf_oh_new_array(out);
    qpdf_oh_append_item(out, d, dest);
    qpdf_oh_append_item(out, d, qpdf_oh_new_name(out, "/Fit"));
    qpdf_oh_replace_key(out, item, "/Dest", d);
    if (prev) {
      qpdf_oh_replace_key(out, item, "/Prev", prev);
      qpdf_oh_replace_key(out, prev, "/Next", item);
    } else {
      qpdf_oh_replace_key(out, outlines, "/First", item);
    }
    prev = item;
    for (guint p = 0; p < n_pages[i]; p++) {
      g_autofree char *text =
          p == 0 ? g_strdup(entries[i].code ? entries[i].code : entries[i].label)
                 : g_strdup_printf("%s (%u)", entries[i].code ? entries[i].code : entries[i].label,
                                   p + 1);
      qpdf_oh_append_item(out, nums, qpdf_oh_new_integer(out, first_page[i] - 1 + p));
      qpdf_oh l = qpdf_oh_new_dictionary(out);
      qpdf_oh_replace_key(out, l, "/P", qpdf_oh_new_unicode_string(out, text));
      qpdf_oh_append_item(out, nums, l);
    }
  }
  if (prev)
    qpdf_oh_replace_key(out, outlines, "/Last", prev);
  qpdf_oh_replace_key(out, outlines, "/Count", qpdf_oh_new_integer(out, n));
  qpdf_oh_replace_key(out, root, "/Outlines", outlines);
  qpdf_oh_replace_key(out, root, "/PageMode", qpdf_oh_new_name(out, "/UseOutlines"));
  qpdf_oh labels = qpdf_oh_new_dictionary(out);
  qpdf_oh_replace_key(out, labels, "/Nums", nums);
  qpdf_oh_replace_key(out, root, "/PageLabels", labels);
  for (guint p = 0; p < n_contents; p++)
    qpdf_oh_replace_key(out, qpdf_get_page_n(out, p), "/Annots", annots[p]);
  g_free(annots);

  /* Document information, dated like every other output. */
  date = render_atlas_pdf_date(m);
  title = g_strdup_printf("%s — %s", m->texts->title, render_tr(m->lang, "Atlas"));
  qpdf_oh info = qpdf_make_indirect_object(out, qpdf_oh_new_dictionary(out));
  qpdf_oh_replace_key(out, info, "/Title", qpdf_oh_new_unicode_string(out, title));
  qpdf_oh_replace_key(out, info, "/Creator",
                      qpdf_oh_new_unicode_string(out, "petarawan " PETARAWAN_VERSION));
  qpdf_oh_replace_key(out, info, "/CreationDate", qpdf_oh_new_string(out, date));
  qpdf_oh_replace_key(out, info, "/ModDate", qpdf_oh_new_string(out, date));
  qpdf_oh_replace_key(out, qpdf_get_trailer(out), "/Info", info);
  if (render_atlas_failed(out, 0, "building", "the navigation", error))
    goto out;

  /* Write: deterministic ID, streams copied as they are (cairo already
   * compressed them), small objects packed into object streams.  Straight
   * into the file, not through a buffer in memory that held the whole
   * atlas twice (700 sheets: a 20 MB atlas, peak memory 301 -> 264 MB; a
   * village atlas of 20,000 sheets is some 600 MB). */
  RenderFile rf;
  if (!render_file_open(&rf, dir, "atlas.pdf", error))
    goto out;
  if (render_atlas_failed(out, qpdf_init_write(out, rf.tmp_path), "writing", NULL, error)) {
    render_file_close(&rf, FALSE, NULL);
    goto out;
  }
  qpdf_set_deterministic_ID(out, QPDF_TRUE);
  qpdf_set_stream_data_mode(out, qpdf_s_preserve);
  qpdf_set_object_stream_mode(out, qpdf_o_generate);
  gboolean wrote = !render_atlas_failed(out, qpdf_write(out), "writing", rf.final_path, error);
  ok = render_file_close(&rf, wrote, wrote ? error : NULL);

out:
  qpdf_cleanup(&out);
  if (toc)
    qpdf_cleanup(&toc);
  for (guint i = 0; i < n_src; i++)
    if (src[i])
      qpdf_cleanup(&src[i]);
  for (guint i = 0; i < parts->len; i++)
    g_unlink(g_ptr_array_index(parts, i));
  g_ptr_array_unref(parts);
  g_free(src_pages);
  if (contents_pdf)
    g_byte_array_unref(contents_pdf);
  g_free(src);
  g_free(first_page);
  g_free(n_pages);
  g_free(rows);
  g_free(date);
  g_free(title);
  return ok;
}
