#!/usr/bin/env python3
"""check-visible.py — how much of each district the reader still sees.

Sheets drawn in the test drawing mode (PETARAWAN_DEBUG_IDS=1: district i
filled with red 1 + i % 250, green 1 + i // 250 % 250, blue 123 under every
real overlay) are rasterised the way they print (pdftoppm, here without
antialiasing so that colours stay exact), and the pixels of each district's
colour inside the map frame are counted and turned into mm².  Fails when a
district of the sheet shows on less than MIN_MM2.

It also finds each district's name on the map (pdftotext -bbox-layout) and
fails when the middle of the name's box lies over another district than
its own (the pixels between the letters there are mostly another
district's colour) and no leader line (dark grey #262626) reaches the
name's box.

usage: check-visible.py PIXCOUNT PAPERS.json FEATURES.csv MIN_MM2 SHEET.pdf...
  FEATURES.csv: the boundaries' features in layer order with columns
  KODE, NAMA and KODE_PROV (ogr2ogr -f CSV); a sheet's districts are the
  features whose KODE_PROV is the two digits its file name starts with.
Prints TAP."""
import csv
import math
import json
import os
import subprocess
import sys
import tempfile

DPI = int(os.environ.get('CHECK_VISIBLE_DPI', '150'))  # 150 prints; posters at less
MM2_PER_PX = (25.4 / DPI) ** 2


def frame_px(papers, pdf):
    """The map frame of the sheet's first page, in pixels at DPI, and the
    page's scale (PDF points per layout point: 1 on A4, 4 on A0)."""
    info = subprocess.run(['pdfinfo', pdf], check=True, capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith('Page size:')).split()
    w, h = float(size[2]), float(size[4])
    for p in papers:
        if abs(p['width_pt'] - w) < 1 and abs(p['height_pt'] - h) < 1:
            x, y, fw, fh = p['map']
            k = DPI / 72.0
            return [int(round(v * k)) for v in (x, y, x + fw, y + fh)], p['scale']
    raise SystemExit('no paper is %.1f x %.1f pt' % (w, h))


def counts(pixcount, png, box):
    out = subprocess.run([pixcount, png] + [str(v) for v in box], check=True,
                         capture_output=True, text=True).stdout
    res = {}
    for line in out.splitlines():
        rgb, n = line.split()
        res[int(rgb, 16)] = int(n)
    return res


def label_of(name, kota_bases):
    """The name as render-labels.c writes it on the map."""
    for p in ('Kabupaten Administrasi ', 'Kabupaten ', 'Kab. '):
        if name.startswith(p):
            base = name[len(p):]
            return ('Kab. ' + base) if base.casefold() in kota_bases else base
    for p in ('Kota Administrasi ', 'Kota Adm. '):
        if name.startswith(p):
            return name[len(p):]
    return name


def base_of(name):
    for p in ('Kabupaten Administrasi ', 'Kabupaten ', 'Kab. ', 'Kota Administrasi ',
              'Kota Adm. ', 'Kota '):
        if name.startswith(p):
            return name[len(p):].casefold()
    return name.casefold()


NS = '{http://www.w3.org/1999/xhtml}'


def name_boxes(pdf, labels, frame):
    """(feature, box in points) of every name of `labels` (text -> feature)
    found on the first page inside `frame` (pixels at DPI): runs of words
    on one line that spell a name."""
    import re
    import xml.etree.ElementTree as ET
    xml = subprocess.run(['pdftotext', '-f', '1', '-l', '1', '-bbox-layout', pdf, '-'],
                         check=True, capture_output=True, text=True).stdout
    root = ET.fromstring(re.sub(r'<!DOCTYPE[^>]*>', '', xml))
    out = []
    for line in root.iter(NS + 'line'):
        words = [(w.text or '', [float(w.get(k)) for k in ('xMin', 'yMin', 'xMax', 'yMax')])
                 for w in line.iter(NS + 'word')]
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                text = ' '.join(t for t, _ in words[i:j])
                bs = [b for _, b in words[i:j]]
                cx, cy = (bs[0][0] + bs[-1][2]) / 2 * DPI / 72, (bs[0][1] + bs[0][3]) / 2 * DPI / 72
                if text in labels and frame[0] < cx < frame[2] and frame[1] < cy < frame[3]:
                    out.append((labels[text], text, (min(b[0] for b in bs), min(b[1] for b in bs),
                                                     max(b[2] for b in bs), max(b[3] for b in bs))))
                    i = j - 1
                    break
            i += 1
    return out


def check_names(pixcount, png, pdf, feats, mine, frame, scale):
    """Problems of the names of districts `mine` on the sheet."""
    kota = {base_of(r['NAMA']) for _, r in mine if r['NAMA'].startswith('Kota ')}
    labels = {label_of(r['NAMA'], kota): i for i, r in mine}
    found = name_boxes(pdf, labels, frame)
    k = DPI / 72.0
    boxes = []
    for i, text, b in found:
        x0, y0, x1, y1 = (v * k for v in b)
        w = x1 - x0
        boxes.append((int(x0 + w / 4), int(y0), int(x1 - w / 4), int(y1)))   # the middle
        # With a band 2 layout points wide, where a leader arrives.
        band = int(math.ceil(2 * scale * k))
        boxes.append((int(x0) - band, int(y0) - band, int(x1) + band + 1, int(y1) + band + 1))
        boxes.append((int(x0), int(y0), int(x1) + 1, int(y1) + 1))          # the box
    out = subprocess.run([pixcount, png, '-'], input=''.join('%d %d %d %d\n' % b for b in boxes),
                         check=True, capture_output=True, text=True).stdout
    hists = [{}]
    for line in out.splitlines():
        if line == 'end':
            hists.append({})
            continue
        rgb, n = line.split()
        hists[-1][int(rgb, 16)] = int(n)
    problems = []
    ids = {colour_of(i): i for i in range(len(feats))}
    for n, (i, text, b) in enumerate(found):
        middle, band, box = hists[3 * n], hists[3 * n + 1], hists[3 * n + 2]
        under = {ids[c]: v for c, v in middle.items() if c in ids}
        own = under.get(i, 0)
        if own > 0 and own * 2 >= sum(under.values()):
            continue
        leader = band.get(0x262626, 0) - box.get(0x262626, 0)
        if leader >= 2:
            continue
        other = max(under, key=under.get) if under else None
        problems.append('name %r lies over %s and no leader reaches it' % (
            text, feats[other]['NAMA'] if other is not None else 'no district'))
    return problems, len(found)


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
            frame, scale = frame_px(papers, pdf)
            c = counts(pixcount, png + '.png', frame)
            mine = [(i, r) for i, r in enumerate(feats) if r['KODE_PROV'] == code]
            low = []
            for i, r in mine:
                mm2 = c.get(colour_of(i), 0) * MM2_PER_PX
                if mm2 < min_mm2:
                    low.append('%s %s shows on %.2f mm² (%d px)' % (r['KODE'], r['NAMA'], mm2,
                                                                   c.get(colour_of(i), 0)))
            smallest = min((c.get(colour_of(i), 0) * MM2_PER_PX, r['NAMA']) for i, r in mine)
            name = os.path.basename(pdf)
            bad_names, n_names = check_names(pixcount, png + '.png', pdf, feats, mine, frame, scale)
            if bad_names:
                failed += 1
                print('not ok %d - %s: %d of %d names neither inside their district nor on a '
                      'leader' % (n, name, len(bad_names), n_names))
                for line in bad_names:
                    print('# ' + line)
            else:
                print('ok %d - %s: %d names, each inside its district or on a leader'
                      % (n, name, n_names))
            n += 1
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
