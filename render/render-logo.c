/* render-logo.c — the organisation's logo in the title band (`--logo FILE`),
 * PNG through cairo or SVG through librsvg (drawn as vectors into PDF and
 * SVG output).
 *
 * The file is read and fully checked once, before anything is written, so
 * a bad logo fails the build with a message naming the file.  Drawing
 * decodes the kept bytes again for each page: sheets are drawn in parallel
 * and cairo surfaces and librsvg handles are not to be shared between
 * threads.  In a PDF the PNG is embedded once however many pages show it
 * (cairo's unique-id MIME data). */
#include "render-private.h"

#include <librsvg/rsvg.h>
#include <math.h>
#include <string.h>

/* A logo is a small picture: bigger files are a mistake (or a photo). */
#define RENDER_LOGO_MAX_BYTES (16 * 1024 * 1024)
#define RENDER_LOGO_MAX_PIXELS 8192

struct RenderLogo {
  char *path;
  GBytes *bytes;
  gboolean svg;
  double w, h;     /* intrinsic size: pixels (PNG) or SVG user units */
  char *unique_id; /* for cairo's PDF image de-duplication */
};

typedef struct {
  const guint8 *data;
  gsize len, at;
} RenderLogoReader;

static cairo_status_t
render_logo_read(void *closure, unsigned char *out, unsigned int len)
{
  RenderLogoReader *r = closure;
  if (r->len - r->at < len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy(out, r->data + r->at, len);
  r->at += len;
  return CAIRO_STATUS_SUCCESS;
}

/* Decodes the PNG.  Returns: (transfer full) a surface whose status says
 * whether it worked. */
static cairo_surface_t *
render_logo_png(const RenderLogo *logo)
{
  gsize len;
  RenderLogoReader r = {g_bytes_get_data(logo->bytes, &len), 0, 0};
  r.len = len;
  return cairo_image_surface_create_from_png_stream(render_logo_read, &r);
}

/* Parses the SVG.  Returns: (transfer full) or NULL with error. */
static RsvgHandle *
render_logo_svg(const RenderLogo *logo, GError **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data(logo->bytes, &len);
  return rsvg_handle_new_from_data(data, len, error);
}

void
render_logo_free(RenderLogo *logo)
{
  if (logo == NULL)
    return;
  g_free(logo->path);
  g_bytes_unref(logo->bytes);
  g_free(logo->unique_id);
  g_free(logo);
}

/* Checks the PNG and takes its size. */
static gboolean
render_logo_check_png(RenderLogo *logo, GError **error)
{
  cairo_surface_t *s = render_logo_png(logo);
  cairo_status_t st = cairo_surface_status(s);
  if (st != CAIRO_STATUS_SUCCESS) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s: the logo is not a readable PNG image (%s)",
                logo->path, cairo_status_to_string(st));
    cairo_surface_destroy(s);
    return FALSE;
  }
  logo->w = cairo_image_surface_get_width(s);
  logo->h = cairo_image_surface_get_height(s);
  cairo_surface_destroy(s);
  return TRUE;
}

/* Checks the SVG (it parses, has a shape, and draws) and takes its size. */
/* TRUE when the SVG declares XML entities ("<!ENTITY", also in UTF-16,
 * whose NUL bytes are skipped).  A logo needs none, and entities that
 * refer to each other make libxml2 expand without end or leak when it
 * gives up: such a file is refused before librsvg sees it. */
static gboolean
render_logo_svg_has_entities(const guint8 *data, gsize len)
{
  static const char pat[] = "<!ENTITY";
  gsize matched = 0;
  for (gsize i = 0; i < len; i++) {
    if (data[i] == '\0')
      continue;
    if (data[i] == (guint8)pat[matched]) {
      if (++matched == sizeof pat - 1)
        return TRUE;
    } else {
      matched = data[i] == (guint8)pat[0] ? 1 : 0;
    }
  }
  return FALSE;
}

static gboolean
render_logo_check_svg(RenderLogo *logo, GError **error)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data(logo->bytes, &len);
  if (render_logo_svg_has_entities(data, len)) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "%s: the SVG logo declares XML entities (<!ENTITY ...>); they are refused "
                "(entities can expand without end): write the text out in the SVG",
                logo->path);
    return FALSE;
  }
  GError *err = NULL;
  RsvgHandle *h = render_logo_svg(logo, &err);
  if (h == NULL) {
    g_autofree char *msg = geo_text_printable(err ? err->message : "unknown error", 200);
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "%s: the logo is neither a PNG nor a readable SVG image (%s)", logo->path, msg);
    g_clear_error(&err);
    return FALSE;
  }
  gdouble w = 0, ht = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &ht)) {
    gboolean has_w, has_h, has_vb;
    RsvgLength lw, lh;
    RsvgRectangle vb;
    rsvg_handle_get_intrinsic_dimensions(h, &has_w, &lw, &has_h, &lh, &has_vb, &vb);
    if (has_vb) {
      w = vb.width;
      ht = vb.height;
    }
  }
  gboolean ok = w > 0 && ht > 0 && isfinite(w) && isfinite(ht);
  if (!ok) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "%s: the SVG logo has no size (give the svg element width and height, or a "
                "viewBox)",
                logo->path);
  } else {
    /* Draw it once, so that what fails fails now and names the file. */
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 64, 64);
    cairo_t *cr = cairo_create(s);
    RsvgRectangle vp = {0, 0, 64, 64};
    if (!rsvg_handle_render_document(h, cr, &vp, &err)) {
      g_autofree char *msg = geo_text_printable(err ? err->message : "unknown error", 200);
      g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE, "%s: the SVG logo cannot be drawn (%s)",
                  logo->path, msg);
      g_clear_error(&err);
      ok = FALSE;
    }
    cairo_destroy(cr);
    cairo_surface_destroy(s);
  }
  logo->w = w;
  logo->h = ht;
  g_object_unref(h);
  return ok;
}

RenderLogo *
render_logo_load(const char *path, GError **error)
{
  GError *err = NULL;
  char *data = NULL;
  gsize len = 0;
  /* Only a regular file, and never more than the limit read (/dev/zero). */
  if (!geo_file_read(path, "logo", RENDER_LOGO_MAX_BYTES, &data, &len, &err)) {
    g_propagate_error(error, err);
    return NULL;
  }
  RenderLogo *logo = g_new0(RenderLogo, 1);
  logo->path = g_strdup(path);
  logo->bytes = g_bytes_new_take(data, len);
  static const guint8 png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  logo->svg = !(len >= 8 && memcmp(data, png_sig, 8) == 0);
  if (!(logo->svg ? render_logo_check_svg(logo, error) : render_logo_check_png(logo, error))) {
    render_logo_free(logo);
    return NULL;
  }
  if (!logo->svg && (logo->w > RENDER_LOGO_MAX_PIXELS || logo->h > RENDER_LOGO_MAX_PIXELS)) {
    g_set_error(error, GEO_ERROR, GEO_ERROR_USAGE,
                "%s: the logo is %.0f x %.0f pixels; at most %d on a side are accepted", path,
                logo->w, logo->h, RENDER_LOGO_MAX_PIXELS);
    render_logo_free(logo);
    return NULL;
  }
  g_autofree char *sum = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, logo->bytes);
  logo->unique_id = g_strdup_printf("petarawan-logo-%s", sum);
  return logo;
}

GBytes *
render_logo_get_bytes(const RenderLogo *logo)
{
  return logo->bytes;
}

void
render_logo_get_size(const RenderLogo *logo, double *w, double *h)
{
  *w = logo->w;
  *h = logo->h;
}

double
render_logo_draw(cairo_t *cr, const RenderLogo *logo, double x, double y, double height,
                 double max_w)
{
  if (logo == NULL)
    return 0;
  double scale = height / logo->h;
  if (logo->w * scale > max_w)
    scale = max_w / logo->w;
  double w = logo->w * scale, h = logo->h * scale;
  /* A logo less tall than the band sits in its middle. */
  y += (height - h) / 2;
  cairo_save(cr);
  if (logo->svg) {
    RsvgHandle *handle = render_logo_svg(logo, NULL);
    if (handle) {
      RsvgRectangle vp = {x, y, w, h};
      /* Checked when loaded: the same bytes draw the same way. */
      rsvg_handle_render_document(handle, cr, &vp, NULL);
      g_object_unref(handle);
    }
  } else {
    cairo_surface_t *s = render_logo_png(logo);
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
      cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_UNIQUE_ID,
                                  (const unsigned char *)logo->unique_id, strlen(logo->unique_id),
                                  NULL, NULL);
      cairo_translate(cr, x, y);
      cairo_scale(cr, scale, scale);
      cairo_set_source_surface(cr, s, 0, 0);
      cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
      cairo_paint(cr);
    }
    cairo_surface_destroy(s);
  }
  cairo_restore(cr);
  return w;
}
