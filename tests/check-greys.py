#!/usr/bin/env python3
"""check-greys.py — what a black-and-white copy of a sheet keeps apart.

Rasterises page 1 of a PDF with poppler's `pdftoppm -gray` (the grey a
photocopier or a grey printer makes: 0.30 R + 0.59 G + 0.11 B) and checks:

* legend: each class swatch is darker than the one below it by at least
  STEP levels (mean over the inside of the swatch, at 300 dpi so one
  texture tile spans many pixels), and no data is STEP away from every
  class.  The swatches are found from the legend's text: `pdftotext -bbox`
  gives the "Tanpa data" row and the class rows above it, and a swatch lies
  left of its label (render-legend.c: 18 x 11 pt, label 6 pt right of it);
* map (--map, inside --frame X,Y,W,H points, without the --reserved
  "X,Y,W,H;..." boxes of the scale bar, north arrow and projection note,
  and without the words of the map and their halos, 2 pt round each):
  the flat greys that cover the map (sea, land around the group, plain
  class fills: every grey level holding at least 0.3% of the frame's
  pixels at 100 dpi, white paper aside) are 12 apart from each other, and
  none sits within 12 of a swatch it does not match (within 3);
* district lines (--lines N [--lines-class K]): on a sheet where every
  district is in class K (1 the lowest; default the darkest), its fill
  falls apart into at least N
  separate regions of the map (4-connected, 300 pixels or more at 100 dpi):
  the district lines between them are visible: pixels within 10 of the
  class's swatch; with --mono (at 300 dpi), regions of pixels darker than
  halfway from the texture's ground (the swatch's lightest common pixel)
  to white, whose mean is within 15 of the swatch's: a texture's ground
  and ink, cut off at its district lines' white casing.
  With --mono the classes step by 15.

Usage: check-greys.py PDF CLASSES [--mono] [--step S]
       [--frame X,Y,W,H [--map [--reserved X,Y,W,H;...]] [--lines N [--lines-class K]]]
Prints what it measured; exits 1 naming each failed check.
"""
import collections
import os
import re
import subprocess
import sys
import tempfile


def pgm(path):
    """Reads a binary PGM: (width, height, bytes)."""
    with open(path, "rb") as f:
        data = f.read()
    fields = []
    pos = 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pos += 1
    assert fields[0] == b"P5" and int(fields[3]) == 255, "not an 8-bit PGM"
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos:pos + w * h]


def raster(pdf, dpi, tmp, name, crop=None):
    """Page 1 of pdf as grey, at dpi; crop = (x, y, w, h) in points."""
    args = ["pdftoppm", "-f", "1", "-l", "1", "-r", str(dpi), "-gray", "-singlefile"]
    if crop:
        k = dpi / 72.0
        args += ["-x", str(int(crop[0] * k)), "-y", str(int(crop[1] * k)),
                 "-W", str(int(crop[2] * k)), "-H", str(int(crop[3] * k))]
    out = os.path.join(tmp, name)
    subprocess.run(args + [pdf, out], check=True)
    return pgm(out + ".pgm")


def words(pdf):
    """Words of page 1: (xMin, yMin, xMax, yMax, text), in points."""
    xml = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", pdf, "-"],
                         check=True, capture_output=True, text=True).stdout
    out = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                         r'yMax="([\d.]+)">([^<]*)</word>', xml):
        out.append((float(m.group(1)), float(m.group(2)), float(m.group(3)),
                    float(m.group(4)), m.group(5)))
    return out


def legend_rows(ws, classes):
    """The label positions (x, yMin) of the legend rows, top (highest
    class) to bottom (no data), and the legend's scale."""
    for i, w in enumerate(ws):
        if w[4] == "Tanpa" and i + 1 < len(ws) and ws[i + 1][4] == "data" \
                and abs(ws[i + 1][1] - w[1]) < 0.5:
            x, y = w[0], w[1]
            # Rows above it start at the same x; the nearest gives the pitch.
            above = sorted({round(v[1], 2) for v in ws
                            if abs(v[0] - x) < 0.5 and v[1] < y - 1})
            if len(above) < classes:
                continue
            rows = above[-classes:] + [y]
            pitch = (rows[-1] - rows[0]) / classes
            if any(abs((rows[j + 1] - rows[j]) - pitch) > 0.3 for j in range(classes)):
                continue
            return x, rows, pitch / 14.5
    return None


def region_mean(img, dpi, x0, y0, x1, y1, origin):
    w, h, px = img
    k = dpi / 72.0
    ax, ay = origin
    c0, c1 = int((x0 - ax) * k), int((x1 - ax) * k)
    r0, r1 = int((y0 - ay) * k), int((y1 - ay) * k)
    total = n = 0
    for r in range(max(r0, 0), min(r1, h)):
        row = px[r * w + max(c0, 0):r * w + min(c1, w)]
        total += sum(row)
        n += len(row)
    return total / n if n else float("nan")


def components(img, x0, y0, x1, y1, keep, min_px):
    """The 4-connected regions of pixels v with keep(v) inside the pixel
    box, of at least min_px pixels, as (size, mean grey)."""
    w, h, px = img
    x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, w), min(y1, h)
    seen = bytearray(w * h)
    regions = []
    for y in range(y0, y1):
        for x in range(x0, x1):
            i = y * w + x
            if seen[i] or not keep(px[i]):
                continue
            seen[i] = 1
            stack = [i]
            size = total = 0
            while stack:
                j = stack.pop()
                size += 1
                total += px[j]
                jx, jy = j % w, j // w
                for nx, ny in ((jx + 1, jy), (jx - 1, jy), (jx, jy + 1), (jx, jy - 1)):
                    if x0 <= nx < x1 and y0 <= ny < y1:
                        q = ny * w + nx
                        if not seen[q] and keep(px[q]):
                            seen[q] = 1
                            stack.append(q)
            if size >= min_px:
                regions.append((size, total / size))
    return regions


def main(argv):
    pdf, classes = argv[1], int(argv[2])
    step, do_map, lines, frame, mono, reserved, lines_class = 12.0, False, 0, None, False, [], 0
    i = 3
    while i < len(argv):
        if argv[i] == "--step":
            step = float(argv[i + 1]); i += 2
        elif argv[i] == "--reserved":
            reserved = [[float(v) for v in b.split(",")] for b in argv[i + 1].split(";") if b]
            i += 2
        elif argv[i] == "--mono":
            mono, step = True, 15.0; i += 1
        elif argv[i] == "--map":
            do_map = True; i += 1
        elif argv[i] == "--frame":
            frame = [float(v) for v in argv[i + 1].split(",")]; i += 2
        elif argv[i] == "--lines-class":
            lines_class = int(argv[i + 1]); i += 2
        elif argv[i] == "--lines":
            lines = int(argv[i + 1]); i += 2
        else:
            sys.exit("unknown argument " + argv[i])
    if (do_map or lines) and frame is None:
        sys.exit("--map and --lines need --frame X,Y,W,H (points)")
    name = os.path.basename(pdf)
    failed = []
    ws = words(pdf)
    leg = legend_rows(ws, classes)
    if leg is None:
        print(f"{name}: no legend of {classes} classes and 'Tanpa data' in the text layer")
        return 1
    lx, rows, k = leg
    with tempfile.TemporaryDirectory() as tmp:
        # The legend at 300 dpi, cropped.
        top, bottom = rows[0] - 2, rows[-1] + 14
        crop = (lx - 30 * k, top, 30 * k, bottom - top)
        img = raster(pdf, 300, tmp, "legend", crop)
        greys = []
        for y in rows:
            greys.append(region_mean(img, 300, lx - 22 * k, y + 2.5 * k, lx - 8 * k,
                                     y + 9.5 * k, crop[:2]))
        cls = greys[:-1][::-1]  # lowest class first
        nodata = greys[-1]
        print(f"{name}: swatches, lowest class first: "
              + " ".join(f"{g:.1f}" for g in cls) + f"; no data {nodata:.1f}")
        for j in range(1, classes):
            if cls[j - 1] - cls[j] < step:
                failed.append(f"class {j + 1} swatch (grey {cls[j]:.1f}) is not {step:g} darker "
                              f"than class {j} ({cls[j - 1]:.1f})")
        for j, g in enumerate(cls):
            if abs(g - nodata) < 12:
                failed.append(f"no-data swatch (grey {nodata:.1f}) within 12 of class {j + 1} "
                              f"({g:.1f})")

        if do_map:
            # The map frame as the page model gives it (petarawan papers
            # --json), 2 pt inside its outline.
            page = raster(pdf, 100, tmp, "page")
            w, h, px = page
            kp = 100 / 72.0
            fx, fy, fw, fh = frame
            mx0, mx1 = int((fx + 2) * kp), int((fx + fw - 2) * kp)
            my0, my1 = int((fy + 2) * kp), int((fy + fh - 2) * kp)
        if do_map:
            hist = collections.Counter()
            cut = [(int(b[0] * kp), int(b[1] * kp), int((b[0] + b[2]) * kp),
                    int((b[1] + b[3]) * kp)) for b in reserved]
            # And the map's words with their halos (2 pt round them): a
            # white halo over a fill makes a grey of its own.
            cut += [(int((v[0] - 2) * kp), int((v[1] - 2) * kp), int((v[2] + 2) * kp) + 1,
                     int((v[3] + 2) * kp) + 1) for v in ws
                    if fx <= v[0] and v[2] <= fx + fw and fy <= v[1] and v[3] <= fy + fh]
            for r in range(my0, my1):
                # Leave out the corners kept for the scale bar, north arrow
                # and projection note (their plates are not fills) and the
                # words.
                spans = [(mx0, mx1)]
                for c in cut:
                    if c[1] <= r < c[3]:
                        spans = [piece for a, b in spans
                                 for piece in ((a, min(b, c[0])), (max(a, c[2]), b))
                                 if piece[0] < piece[1]]
                # Only pixels inside an area count: equal to their four
                # neighbours (a line, such as a coast, is no fill).
                for a, b in spans:
                    row, up, down = r * w, (r - 1) * w, (r + 1) * w
                    hist.update(px[row + x] for x in range(max(a, 1), min(b, w - 1))
                                if px[row + x] == px[row + x - 1] == px[row + x + 1]
                                == px[up + x] == px[down + x])
            total = sum(hist.values())
            # White (above 252) is the paper of the scale bar's and the
            # north arrow's plates, not a fill.
            flat = sorted(v for v, c in hist.items() if c >= 0.002 * total and v <= 252)
            # Neighbouring levels of one fill (rounding) merge.
            levels = []
            for v in flat:
                if levels and v - levels[-1][-1] <= 3:
                    levels[-1].append(v)
                else:
                    levels.append([v])
            means = [sum(v * hist[v] for v in lv) / sum(hist[v] for v in lv) for lv in levels]
            print(f"{name}: flat greys of the map: " + " ".join(f"{m:.0f}" for m in means))
            for a in range(len(means)):
                for b in range(a + 1, len(means)):
                    if means[b] - means[a] < 12:
                        failed.append(f"map greys {means[a]:.0f} and {means[b]:.0f} are under 12 "
                                      "apart")
                near = [g for g in greys if abs(g - means[a]) < 12]
                if near and all(abs(g - means[a]) > 3 for g in near):
                    failed.append(f"map grey {means[a]:.0f} is within 12 of the swatch "
                                  f"{near[0]:.1f} without matching it")
        if lines:
            # A flat fill: pixels within 10 of its swatch.  A --mono texture
            # (ground and black ink) is cut off by its districts' white
            # casing: regions of pixels darker than halfway from its ground
            # (the swatch's lightest common pixel) to white, at 300 dpi,
            # whose mean is the swatch's within 15.
            which = lines_class or classes
            ground = greys[classes - which]
            w, h, px = img
            kl = 300 / 72.0
            y = rows[classes - which]
            sw = []
            for r in range(int((y + 2.5 * k - crop[1]) * kl), int((y + 9.5 * k - crop[1]) * kl)):
                sw.extend(px[r * w + int((lx - 22 * k - crop[0]) * kl):
                             r * w + int((lx - 8 * k - crop[0]) * kl)])
            sw.sort()
            cut = (sw[int(0.95 * (len(sw) - 1))] + 255) / 2
            dpi = 300 if mono else 100
            page = raster(pdf, dpi, tmp, "lines")
            kp = dpi / 72.0
            fx, fy, fw, fh = frame
            box = (int((fx + 2) * kp), int((fy + 2) * kp), int((fx + fw - 2) * kp),
                   int((fy + fh - 2) * kp))
            min_px = int(300 * (dpi / 100.0) ** 2)
            if mono:
                found = components(page, *box, lambda v: v < cut, min_px)
                sizes = [r for r in found if abs(r[1] - ground) <= 15]
            else:
                sizes = components(page, *box, lambda v: abs(v - ground) <= 10, min_px)
            print(f"{name}: class {which} (grey {ground:.0f}) in {len(sizes)} "
                  f"regions (wanted {lines} or more)")
            if len(sizes) < lines:
                failed.append(f"class {which}'s fill falls into only {len(sizes)} regions, not "
                              f"{lines}: district lines do not show on it")
    for f in failed:
        print(f"{name}: {f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
