/* render-output.c — the files: one PDF (and PNG/SVG) per group, the
 * national overview on the paper of render-page.c (atlas.pdf is put
 * together from them in render-atlas.c); with --tile the posters cut
 * into tiles too.
 *
 * Every file is written to a temporary file in its final folder and renamed
 * into place only after cairo finished it without error and the bytes
 * reached the disk: a failed run never leaves half a file and never
 * replaces a good one.  Dates come from the model (RenderModel.date), so
 * the same inputs and date give the same bytes.  render_output_file_name
 * is the one place that names a sheet's files. */
#include "render-private.h"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *
render_slug(const char *name)
{
  GString *out = g_string_new(NULL);
  g_autofree char *ascii = g_str_to_ascii(name ? name : "", "C");
  gboolean dash = FALSE;
  for (const char *p = ascii; *p && out->len < 60; p++) {
    if (g_ascii_isalnum(*p)) {
      if (dash && out->len > 0)
        g_string_append_c(out, '-');
      g_string_append_c(out, g_ascii_tolower(*p));
      dash = FALSE;
    } else {
      dash = TRUE;
    }
  }
  if (out->len == 0)
    g_string_append(out, "tanpa-nama");
  return g_string_free(out, FALSE);
}

char *
render_output_date_iso(gint64 date)
{
  GDateTime *dt = g_date_time_new_from_unix_utc(date);
  if (dt == NULL) /* out of GLib's range: the start of the epoch, not a crash */
    dt = g_date_time_new_from_unix_utc(0);
  char *out = g_date_time_format(dt, "%Y-%m-%dT%H:%M:%S");
  g_date_time_unref(dt);
  return out;
}

char *
render_output_file_name(const RenderModel *m, const RenderGroup *g, const char *kind)
{
  g_autofree char *base = g ? g_strdup_printf("%s-%s", g->code, g->slug) : g_strdup("00-nasional");
  if (kind == NULL)
    return g_steal_pointer(&base);
  if (strcmp(kind, "tiles") == 0) {
    g_autofree char *paper = g_ascii_strdown(render_paper_name(m->tile_paper), -1);
    return g_strdup_printf("%s-tiles-%s.pdf", base, paper);
  }
  return g_strdup_printf("%s.%s", base, kind);
}

char **
render_output_file_names(const RenderModel *m, const RenderGroup *g, RenderFormat formats)
{
  GStrvBuilder *b = g_strv_builder_new();
  const char *ext[] = {"pdf", "png", "svg"};
  for (guint i = 0; i < G_N_ELEMENTS(ext); i++)
    if (formats & (1u << i)) {
      g_autofree char *name = render_output_file_name(m, g, ext[i]);
      g_strv_builder_add(b, name);
    }
  if (m->tiles) {
    g_autofree char *name = render_output_file_name(m, g, "tiles");
    g_strv_builder_add(b, name);
  }
  char **out = g_strv_builder_end(b);
  g_strv_builder_unref(b);
  return out;
}

gboolean
render_file_open(RenderFile *rf, const char *dir, const char *name, GError **error)
{
  memset(rf, 0, sizeof *rf);
  rf->final_path = g_build_filename(dir, name, NULL);
  g_autofree char *tmpl = g_strdup_printf(".%s.XXXXXX", name);
  rf->tmp_path = g_build_filename(dir, tmpl, NULL);
  int fd = g_mkstemp_full(rf->tmp_path, O_WRONLY, 0644);
  if (fd < 0) {
    int e = errno;
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: cannot create a file in %s: %s",
                rf->final_path, dir, g_strerror(e));
    g_clear_pointer(&rf->final_path, g_free);
    g_clear_pointer(&rf->tmp_path, g_free);
    return FALSE;
  }
  rf->fp = fdopen(fd, "wb");
  return TRUE;
}

cairo_status_t
render_file_write(void *closure, const unsigned char *data, unsigned int len)
{
  RenderFile *rf = closure;
  if (rf->error)
    return CAIRO_STATUS_WRITE_ERROR;
  if (fwrite(data, 1, len, rf->fp) != len) {
    rf->error = errno ? errno : EIO;
    return CAIRO_STATUS_WRITE_ERROR;
  }
  return CAIRO_STATUS_SUCCESS;
}

gboolean
render_file_close(RenderFile *rf, gboolean ok, GError **error)
{
  if (rf->fp) {
    if (ok && !rf->error && (fflush(rf->fp) != 0 || fsync(fileno(rf->fp)) != 0))
      rf->error = errno;
    if (fclose(rf->fp) != 0 && !rf->error)
      rf->error = errno;
    rf->fp = NULL;
  }
  if (ok && rf->error) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: writing failed: %s", rf->final_path,
                g_strerror(rf->error));
    ok = FALSE;
  }
  if (ok && g_rename(rf->tmp_path, rf->final_path) != 0) {
    int e = errno;
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: cannot move into place: %s",
                rf->final_path, g_strerror(e));
    ok = FALSE;
  }
  if (!ok)
    g_unlink(rf->tmp_path);
  g_free(rf->tmp_path);
  g_free(rf->final_path);
  return ok;
}

/* Checks a finished surface; a PDF that failed silently is the worst output. */
static gboolean
render_output_check(cairo_surface_t *surface, RenderFile *rf, GError **error)
{
  cairo_status_t st = cairo_surface_status(surface);
  if (st == CAIRO_STATUS_SUCCESS)
    return TRUE;
  if (rf->error)
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: writing failed: %s", rf->final_path,
                g_strerror(rf->error));
  else
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: %s", rf->final_path,
                cairo_status_to_string(st));
  return FALSE;
}

static void
render_output_pdf_metadata(cairo_surface_t *s, const RenderModel *m, const char *title)
{
  g_autofree char *date = render_output_date_iso(m->date);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "petarawan " PETARAWAN_VERSION);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
}

static cairo_status_t
render_output_svg_append(void *closure, const unsigned char *data, unsigned int len)
{
  g_string_append_len(closure, (const char *)data, len);
  return CAIRO_STATUS_SUCCESS;
}

/* cairo names SVG groups "surfaceN" after a process-wide counter, so the
 * numbers depend on what other threads drew first.  Renumbers them in
 * order of first appearance, for byte-identical files.  Caller frees. */
static char *
render_output_svg_renumber(const char *svg)
{
  GHashTable *map = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  GString *out = g_string_sized_new(strlen(svg) + 64);
  guint next = 1;
  const char *p = svg, *hit;
  while ((hit = strstr(p, "surface")) != NULL) {
    const char *d = hit + strlen("surface"), *e = d;
    while (g_ascii_isdigit(*e))
      e++;
    g_string_append_len(out, p, d - p);
    if (e > d) {
      g_autofree char *num = g_strndup(d, (gsize)(e - d));
      gpointer v = g_hash_table_lookup(map, num);
      if (v == NULL) {
        v = GUINT_TO_POINTER(next++);
        g_hash_table_insert(map, g_steal_pointer(&num), v);
      }
      g_string_append_printf(out, "%u", GPOINTER_TO_UINT(v));
    }
    p = e;
  }
  g_string_append(out, p);
  g_hash_table_destroy(map);
  return g_string_free(out, FALSE);
}

typedef gboolean (*RenderPageFunc)(cairo_t *cr, const RenderPlan *plan, GError **error);

static gboolean
render_output_page_sheet(cairo_t *cr, const RenderPlan *plan, GError **error)
{
  return render_sheet_draw(cr, plan, NULL, error);
}

static gboolean
render_output_page_overview(cairo_t *cr, const RenderPlan *plan, GError **error)
{
  return render_overview_draw(cr, plan, error);
}

/* Writes <dir>/<base>-tiles-<paper>.pdf: the page drawn by `draw`,
 * recorded once, cut into tiles of m->tile_paper (render-tile.c). */
static gboolean
render_output_tiles(const RenderPlan *plan, RenderPageFunc draw, const char *dir, const char *title,
                    GError **error)
{
  const RenderModel *m = plan->m;
  const RenderGroup *g = plan->g;
  const RenderPage *P = render_page_of(m);
  g_autofree char *name = render_output_file_name(m, g, "tiles");
  RenderTiling t;
  if (!render_tile_plan(P->width, P->height, m->tile_paper, &t)) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: a %s page fits on one %s page: no tiles",
                name, render_paper_name(P->paper), render_paper_name(m->tile_paper));
    return FALSE;
  }
  cairo_surface_t *poster = cairo_recording_surface_create(
      CAIRO_CONTENT_COLOR_ALPHA, &(cairo_rectangle_t){0, 0, P->width, P->height});
  cairo_t *pcr = cairo_create(poster);
  gboolean ok = draw(pcr, plan, error);
  cairo_destroy(pcr);
  if (ok && cairo_surface_status(poster) != CAIRO_STATUS_SUCCESS) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: %s", name,
                cairo_status_to_string(cairo_surface_status(poster)));
    ok = FALSE;
  }
  RenderFile rf;
  if (ok && render_file_open(&rf, dir, name, error)) {
    cairo_surface_t *s =
        cairo_pdf_surface_create_for_stream(render_file_write, &rf, t.width, t.height);
    g_autofree char *doc = g_strdup_printf("%s — %s, %d × %s", title, render_paper_name(P->paper),
                                           t.rows * t.cols, render_paper_name(t.paper));
    render_output_pdf_metadata(s, m, doc);
    cairo_t *cr = cairo_create(s);
    ok = render_tile_draw(cr, poster, P->width, P->height, &t, title, m->lang);
    if (!ok)
      g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: drawing the tiles failed: %s", name,
                  cairo_status_to_string(cairo_status(cr)));
    cairo_destroy(cr);
    cairo_surface_finish(s);
    ok = ok && render_output_check(s, &rf, error);
    cairo_surface_destroy(s);
    ok = render_file_close(&rf, ok, ok ? error : NULL);
  } else {
    ok = FALSE;
  }
  cairo_surface_destroy(poster);
  return ok;
}

/* Writes the page planned by `plan` and drawn by `draw` to <dir> under
 * its names (render_output_file_name) for each format, and its tiles with m->tiles: one
 * plan, every format. */
static gboolean
render_output_formats(const RenderPlan *plan, RenderPageFunc draw, const char *dir,
                      const char *title, RenderFormat formats, double dpi, GError **error)
{
  const RenderModel *m = plan->m;
  const RenderGroup *g = plan->g;
  const RenderPage *P = render_page_of(m);
  if (m->tiles && !render_output_tiles(plan, draw, dir, title, error))
    return FALSE;
  if (formats & RENDER_FORMAT_PDF) {
    g_autofree char *name = render_output_file_name(m, g, "pdf");
    RenderFile rf;
    if (!render_file_open(&rf, dir, name, error))
      return FALSE;
    cairo_surface_t *s =
        cairo_pdf_surface_create_for_stream(render_file_write, &rf, P->width, P->height);
    render_output_pdf_metadata(s, m, title);
    cairo_t *cr = cairo_create(s);
    gboolean ok = draw(cr, plan, error);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    ok = ok && render_output_check(s, &rf, error);
    cairo_surface_destroy(s);
    if (!render_file_close(&rf, ok, ok ? error : NULL))
      return FALSE;
  }
  if (formats & RENDER_FORMAT_SVG) {
    g_autofree char *name = render_output_file_name(m, g, "svg");
    RenderFile rf;
    if (!render_file_open(&rf, dir, name, error))
      return FALSE;
    /* SVG goes through memory: its ids are renumbered before writing. */
    GString *svg = g_string_new(NULL);
    cairo_surface_t *s =
        cairo_svg_surface_create_for_stream(render_output_svg_append, svg, P->width, P->height);
    cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PT);
    cairo_t *cr = cairo_create(s);
    gboolean ok = draw(cr, plan, error);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    if (ok && cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
      g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: %s", name,
                  cairo_status_to_string(cairo_surface_status(s)));
      ok = FALSE;
    }
    cairo_surface_destroy(s);
    if (ok) {
      char *fixed = render_output_svg_renumber(svg->str);
      ok = render_file_write(&rf, (const unsigned char *)fixed, (unsigned)strlen(fixed)) ==
           CAIRO_STATUS_SUCCESS;
      g_free(fixed);
    }
    g_string_free(svg, TRUE);
    if (!ok) {
      if (rf.error && error && *error == NULL)
        g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: writing failed: %s", rf.final_path,
                    g_strerror(rf.error));
      render_file_close(&rf, FALSE, NULL);
      return FALSE;
    }
    if (!render_file_close(&rf, TRUE, error))
      return FALSE;
  }
  if (formats & RENDER_FORMAT_PNG) {
    g_autofree char *name = render_output_file_name(m, g, "png");
    double k = dpi / 72.0;
    int w = (int)(P->width * k + 0.5), h = (int)(P->height * k + 0.5);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(s);
    cairo_scale(cr, k, k);
    gboolean ok = draw(cr, plan, error);
    cairo_destroy(cr);
    if (ok && cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
      g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: %s (%d x %d pixels)", name,
                  cairo_status_to_string(cairo_surface_status(s)), w, h);
      ok = FALSE;
    }
    RenderFile rf;
    if (ok && render_file_open(&rf, dir, name, error)) {
      cairo_status_t st = cairo_surface_write_to_png_stream(s, render_file_write, &rf);
      gboolean wrote = st == CAIRO_STATUS_SUCCESS;
      if (!wrote && !rf.error)
        g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: %s", name, cairo_status_to_string(st));
      else if (!wrote)
        g_set_error(error, GEO_ERROR, GEO_ERROR_OUTPUT, "%s: writing failed: %s", name,
                    g_strerror(rf.error));
      ok = render_file_close(&rf, wrote, wrote ? error : NULL);
    } else {
      ok = FALSE;
    }
    cairo_surface_destroy(s);
    if (!ok)
      return FALSE;
  }
  return TRUE;
}

/* Plans the page (group g, or the overview when NULL) once, then writes
 * it in every format. */
static gboolean
render_output_page(const RenderModel *m, const RenderGroup *g, RenderPageFunc draw, const char *dir,
                   const char *title, RenderFormat formats, double dpi, GError **error)
{
  RenderPlan *plan = render_plan_new(m, g, error);
  if (plan == NULL)
    return FALSE;
  gboolean ok = render_output_formats(plan, draw, dir, title, formats, dpi, error);
  render_plan_free(plan);
  return ok;
}

gboolean
render_output_sheet(const RenderModel *m, const RenderGroup *g, const char *dir,
                    RenderFormat formats, double dpi, GError **error)
{
  g_autofree char *title = g_strdup_printf(
      "%s — %s %s", m->texts->title, m->texts->group_kind ? m->texts->group_kind : "", g->name);
  return render_output_page(m, g, render_output_page_sheet, dir, title, formats, dpi, error);
}

gboolean
render_output_overview(const RenderModel *m, const char *dir, RenderFormat formats, double dpi,
                       GError **error)
{
  g_autofree char *title =
      g_strdup_printf("%s — %s", m->texts->title, render_tr(m->lang, "Ikhtisar nasional"));
  return render_output_page(m, NULL, render_output_page_overview, dir, title, formats, dpi, error);
}
