/* geo-colour.c — colour parsing, lightness and perceptual ramps.
 *
 * Choropleth palettes in petarawan must survive greyscale printing: each
 * class has to be visibly lighter or darker than its neighbours.  To check
 * and build such palettes we need a perceptual lightness measure (CIE L*)
 * and a way to interpolate between anchor colours without the muddy,
 * uneven steps that interpolation in sRGB gives.  This file converts sRGB
 * to and from CIE L*a*b* (D65 white, the sRGB reference), interpolates in
 * Lab, and maps out-of-gamut results back into sRGB by reducing chroma at
 * constant lightness, so ramps keep the lightness steps they were designed
 * with.  It also gives the grey a black-and-white copy makes of a colour,
 * which is what the palettes' greyscale steps are measured in.
 */
#include "geo.h"

#include <math.h>
#include <string.h>

/* Linear-light sRGB (D65) to CIE XYZ, IEC 61966-2-1 primaries. */
static const double geo_colour_rgb_to_xyz[3][3] = {
    {0.4124564, 0.3575761, 0.1804375},
    {0.2126729, 0.7151522, 0.0721750},
    {0.0193339, 0.1191920, 0.9503041},
};

/* Its exact inverse, so that Lab round trips (and ramp anchors) come back
 * unchanged; the published 7-digit inverse is off by about 1e-7. */
static void
geo_colour_xyz_to_rgb(double m[3][3])
{
  const double(*a)[3] = geo_colour_rgb_to_xyz;
  double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) -
               a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
               a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++) {
      /* Cofactor of a[j][i], by cyclic indices. */
      int r0 = (j + 1) % 3, r1 = (j + 2) % 3, c0 = (i + 1) % 3, c1 = (i + 2) % 3;
      m[i][j] = (a[r0][c0] * a[r1][c1] - a[r0][c1] * a[r1][c0]) / det;
    }
}

typedef struct {
  double l, a, b;
} GeoColourLab;

/* The D65 white point as the sRGB matrix sees it (the row sums), so that
 * sRGB white maps to exactly L*=100, a*=b*=0. */
static void
geo_colour_white(double white[3])
{
  for (int i = 0; i < 3; i++)
    white[i] =
        geo_colour_rgb_to_xyz[i][0] + geo_colour_rgb_to_xyz[i][1] + geo_colour_rgb_to_xyz[i][2];
}

/* sRGB transfer function: encoded 0..1 to linear light. */
static double
geo_colour_linearise(double c)
{
  if (c <= 0.04045)
    return c / 12.92;
  return pow((c + 0.055) / 1.055, 2.4);
}

/* Inverse transfer function: linear light to encoded 0..1. */
static double
geo_colour_encode(double c)
{
  if (c <= 0.0031308)
    return 12.92 * c;
  return 1.055 * pow(c, 1.0 / 2.4) - 0.055;
}

/* CIE f(t), with the linear segment below (6/29)^3. */
static double
geo_colour_lab_f(double t)
{
  const double d = 6.0 / 29.0;
  if (t > d * d * d)
    return cbrt(t);
  return t / (3.0 * d * d) + 4.0 / 29.0;
}

/* Inverse of geo_colour_lab_f. */
static double
geo_colour_lab_f_inv(double f)
{
  const double d = 6.0 / 29.0;
  if (f > d)
    return f * f * f;
  return 3.0 * d * d * (f - 4.0 / 29.0);
}

static double
geo_colour_clamp01(double v)
{
  if (!(v > 0.0)) /* also catches NaN */
    return 0.0;
  if (v > 1.0)
    return 1.0;
  return v;
}

static GeoColourLab
geo_colour_rgb_to_lab(GeoRgb c)
{
  double lin[3] = {
      geo_colour_linearise(geo_colour_clamp01(c.r)),
      geo_colour_linearise(geo_colour_clamp01(c.g)),
      geo_colour_linearise(geo_colour_clamp01(c.b)),
  };
  double white[3], f[3];
  geo_colour_white(white);
  for (int i = 0; i < 3; i++) {
    double xyz = geo_colour_rgb_to_xyz[i][0] * lin[0] + geo_colour_rgb_to_xyz[i][1] * lin[1] +
                 geo_colour_rgb_to_xyz[i][2] * lin[2];
    f[i] = geo_colour_lab_f(xyz / white[i]);
  }
  GeoColourLab lab = {
      .l = 116.0 * f[1] - 16.0,
      .a = 500.0 * (f[0] - f[1]),
      .b = 200.0 * (f[1] - f[2]),
  };
  return lab;
}

/* Lab to linear-light sRGB, unclamped (components may leave 0..1). */
static void
geo_colour_lab_to_linear(GeoColourLab lab, double lin[3])
{
  double white[3], xyz[3], m[3][3];
  geo_colour_white(white);
  geo_colour_xyz_to_rgb(m);
  double fy = (lab.l + 16.0) / 116.0;
  double fx = fy + lab.a / 500.0;
  double fz = fy - lab.b / 200.0;
  xyz[0] = white[0] * geo_colour_lab_f_inv(fx);
  xyz[1] = white[1] * geo_colour_lab_f_inv(fy);
  xyz[2] = white[2] * geo_colour_lab_f_inv(fz);
  for (int i = 0; i < 3; i++)
    lin[i] = m[i][0] * xyz[0] + m[i][1] * xyz[1] + m[i][2] * xyz[2];
}

static gboolean
geo_colour_in_gamut(const double lin[3])
{
  const double eps = 1e-9;
  for (int i = 0; i < 3; i++)
    if (lin[i] < -eps || lin[i] > 1.0 + eps)
      return FALSE;
  return TRUE;
}

/* Lab to sRGB.  A colour outside the sRGB gamut is brought inside by
 * scaling its chroma (a*, b*) down at constant L*, found by bisection;
 * what rounding is left over is clamped per channel. */
static GeoRgb
geo_colour_lab_to_rgb(GeoColourLab lab)
{
  double lin[3];
  if (lab.l < 0.0)
    lab.l = 0.0;
  if (lab.l > 100.0)
    lab.l = 100.0;
  geo_colour_lab_to_linear(lab, lin);
  if (!geo_colour_in_gamut(lin)) {
    double lo = 0.0, hi = 1.0; /* lo: a scale known to be in gamut */
    for (int i = 0; i < 40; i++) {
      double mid = 0.5 * (lo + hi);
      GeoColourLab t = {lab.l, lab.a * mid, lab.b * mid};
      geo_colour_lab_to_linear(t, lin);
      if (geo_colour_in_gamut(lin))
        lo = mid;
      else
        hi = mid;
    }
    GeoColourLab t = {lab.l, lab.a * lo, lab.b * lo};
    geo_colour_lab_to_linear(t, lin);
  }
  GeoRgb out = {
      geo_colour_clamp01(geo_colour_encode(geo_colour_clamp01(lin[0]))),
      geo_colour_clamp01(geo_colour_encode(geo_colour_clamp01(lin[1]))),
      geo_colour_clamp01(geo_colour_encode(geo_colour_clamp01(lin[2]))),
  };
  return out;
}

gboolean
geo_rgb_parse(const char *text, GeoRgb *out)
{
  if (text == NULL || text[0] != '#')
    return FALSE;
  size_t len = strlen(text + 1);
  if (len != 3 && len != 6)
    return FALSE;
  int digits[6];
  for (size_t i = 0; i < len; i++) {
    digits[i] = g_ascii_xdigit_value(text[1 + i]);
    if (digits[i] < 0)
      return FALSE;
  }
  double ch[3];
  for (int i = 0; i < 3; i++) {
    int v = len == 3 ? digits[i] * 17 : digits[2 * i] * 16 + digits[2 * i + 1];
    ch[i] = v / 255.0;
  }
  if (out != NULL) {
    out->r = ch[0];
    out->g = ch[1];
    out->b = ch[2];
  }
  return TRUE;
}

double
geo_rgb_lightness(GeoRgb c)
{
  return geo_colour_rgb_to_lab(c).l;
}

double
geo_rgb_grey(GeoRgb c)
{
  return 255.0 * (0.30 * geo_colour_clamp01(c.r) + 0.59 * geo_colour_clamp01(c.g) +
                  0.11 * geo_colour_clamp01(c.b));
}

void
geo_rgb_ramp(const GeoRgb *anchors, guint n_anchors, guint n, GeoRgb *out)
{
  if (n == 0 || anchors == NULL || n_anchors == 0)
    return;
  if (n_anchors == 1) {
    for (guint i = 0; i < n; i++)
      out[i] = anchors[0];
    return;
  }
  guint segments = n_anchors - 1;
  for (guint i = 0; i < n; i++) {
    /* Position along the whole ramp, 0..1; a single colour is the middle. */
    double t = n == 1 ? 0.5 : (double)i / (double)(n - 1);
    double pos = t * segments;
    guint seg = (guint)floor(pos);
    if (seg >= segments)
      seg = segments - 1;
    double u = pos - seg;
    /* Points that land on an anchor take it exactly, without a round trip
     * through Lab. */
    if (u <= 0.0) {
      out[i] = anchors[seg];
      continue;
    }
    if (u >= 1.0) {
      out[i] = anchors[seg + 1];
      continue;
    }
    GeoColourLab a = geo_colour_rgb_to_lab(anchors[seg]);
    GeoColourLab b = geo_colour_rgb_to_lab(anchors[seg + 1]);
    GeoColourLab m = {
        a.l + (b.l - a.l) * u,
        a.a + (b.a - a.a) * u,
        a.b + (b.b - a.b) * u,
    };
    out[i] = geo_colour_lab_to_rgb(m);
  }
}
