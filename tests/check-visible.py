#!/usr/bin/env python3
"""check-visible.py — how much of each district the reader still sees.

Sheets drawn in the test drawing mode (PETARAWAN_DEBUG_IDS=1: district i
filled with red 1 + i % 250, green 1 + i // 250 % 250, blue 123 under every
real overlay) are rasterised the way they print (pdftoppm, here without
antialiasing so that colours stay exact), and the pixels of each district's
colour inside the map frame are counted and turned into mm².  Fails when a
district of the sheet shows on less than MIN_MM2.

usage: check-visible.py PIXCOUNT PAPERS.json FEATURES.csv MIN_MM2 SHEET.pdf...
  FEATURES.csv: the boundaries' features in layer order with columns
  KODE, NAMA and KODE_PROV (ogr2ogr -f CSV); a sheet's districts are the
  features whose KODE_PROV is the two digits its file name starts with.
Prints TAP."""
import csv
import json
import os
import subprocess
import sys
import tempfile

DPI = 150
MM2_PER_PX = (25.4 / DPI) ** 2


def frame_px(papers, pdf):
    """The map frame of the sheet's first page, in pixels at DPI."""
    info = subprocess.run(['pdfinfo', pdf], check=True, capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith('Page size:')).split()
    w, h = float(size[2]), float(size[4])
    for p in papers:
        if abs(p['width_pt'] - w) < 1 and abs(p['height_pt'] - h) < 1:
            x, y, fw, fh = p['map']
            k = DPI / 72.0
            return [int(round(v * k)) for v in (x, y, x + fw, y + fh)]
    raise SystemExit('no paper is %.1f x %.1f pt' % (w, h))


def counts(pixcount, png, box):
    out = subprocess.run([pixcount, png] + [str(v) for v in box], check=True,
                         capture_output=True, text=True).stdout
    res = {}
    for line in out.splitlines():
        rgb, n = line.split()
        res[int(rgb, 16)] = int(n)
    return res


def colour_of(i):
    return ((1 + i % 250) << 16) | ((1 + i // 250 % 250) << 8) | 123


def main():
    pixcount, papers_json, features_csv, min_mm2 = sys.argv[1:5]
    min_mm2 = float(min_mm2)
    with open(papers_json) as f:
        papers = json.load(f)
    with open(features_csv, encoding='utf-8') as f:
        feats = list(csv.DictReader(f))
    n = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in sys.argv[5:]:
            n += 1
            code = os.path.basename(pdf)[:2]
            png = os.path.join(tmp, 'p')
            subprocess.run(['pdftoppm', '-f', '1', '-l', '1', '-r', str(DPI), '-aa', 'no',
                            '-aaVector', 'no', '-png', '-singlefile', pdf, png], check=True)
            c = counts(pixcount, png + '.png', frame_px(papers, pdf))
            mine = [(i, r) for i, r in enumerate(feats) if r['KODE_PROV'] == code]
            low = []
            for i, r in mine:
                mm2 = c.get(colour_of(i), 0) * MM2_PER_PX
                if mm2 < min_mm2:
                    low.append('%s %s shows on %.2f mm² (%d px)' % (r['KODE'], r['NAMA'], mm2,
                                                                   c.get(colour_of(i), 0)))
            smallest = min((c.get(colour_of(i), 0) * MM2_PER_PX, r['NAMA']) for i, r in mine)
            name = os.path.basename(pdf)
            if low or not mine:
                failed += 1
                print('not ok %d - %s: %d of %d districts show less than %g mm² of their colour'
                      % (n, name, len(low), len(mine), min_mm2))
                for line in low:
                    print('# ' + line)
            else:
                print('ok %d - %s: every one of %d districts shows >= %g mm² (least: %s %.1f mm²)'
                      % (n, name, len(mine), min_mm2, smallest[1], smallest[0]))
    print('1..%d' % n)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
