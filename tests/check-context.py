#!/usr/bin/env python3
"""check-context.py — checks on the text layer of briefing sheets
(pdftotext -bbox-layout) for the map's context and languages.  Each
command prints one TAP line per PDF (numbering continues from --from N) and
exits 1 when one fails.

  strings CATALOGUE PDF...  no fixed Indonesian text left in an English
                            build: every catalogue entry of
                            render/render-lang.c whose English differs, cut
                            at its printf conversions, and month names
  marking TEXT PDF...       TEXT on every page, once at the top and once
                            at the bottom
  ticks LANG PDF...         degree labels in LANG's form (8°LS / 8°S), each
                            inside the map frame close to an edge, at most
                            six a side, some on the top and left edges
  names PDF NAME...         each NAME (a neighbour) written inside the map
                            frame, on one line or broken in two
  number LANG PDF...        the key figures' numbers use LANG's separators
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = '{http://www.w3.org/1999/xhtml}'
SHEET_FRAME = (28.0, 70.0, 528.0, 548.0)
OVERVIEW_FRAME = (28.0, 70.0, 588.0, 548.0)
PAGE_H = 595.28
TICK = re.compile(r'^(\d{1,3})°(\d\d′)?(LS|LU|BT|BB|S|N|E|W)?$')
MONTHS_ID = ['Januari', 'Februari', 'Maret', 'Mei', 'Juni', 'Juli', 'Agustus', 'Oktober',
             'Desember']


def pages(pdf):
    xml = subprocess.run(['pdftotext', '-bbox-layout', pdf, '-'], check=True,
                         capture_output=True, text=True).stdout
    root = ET.fromstring(re.sub(r'<!DOCTYPE[^>]*>', '', xml))
    return list(root.iter(NS + 'page'))


def words(page):
    for w in page.iter(NS + 'word'):
        yield w.text or '', tuple(float(w.get(k)) for k in ('xMin', 'yMin', 'xMax', 'yMax'))


def lines(page):
    for line in page.iter(NS + 'line'):
        ws = list(words(line))
        yield ' '.join(t for t, _ in ws), ws


def text_of(pdf):
    return subprocess.run(['pdftotext', pdf, '-'], check=True, capture_output=True,
                          text=True).stdout


def frame_of(pdf):
    return OVERVIEW_FRAME if pdf.rsplit('/', 1)[-1].startswith('00-') else SHEET_FRAME


def fragments(catalogue):
    """Indonesian pieces of every entry whose English differs."""
    src = open(catalogue, encoding='utf-8').read()
    out = set()
    for ind, eng in re.findall(r'^\s*\{"((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)"\},', src, re.M):
        if ind == eng:
            continue
        for piece in re.split(r'%[-0-9.]*[a-z]', ind):
            piece = piece.strip(' ·;:—…()')
            # Short pieces ("U", "LS", "No") are checked elsewhere (ticks,
            # north arrow) or are words of either language.
            if len(piece) >= 4 and piece not in eng:
                out.add(piece)
    return sorted(out)


def whole(piece):
    """A pattern for `piece` as whole words: "dari" is Indonesian, Kendari
    a city."""
    left = r'(?<!\w)' if re.match(r'\w', piece) else ''
    right = r'(?!\w)' if re.search(r'\w$', piece) else ''
    return re.compile(left + re.escape(piece) + right)


def cmd_strings(args, n):
    pieces = fragments(args[0]) + MONTHS_ID
    failed = 0
    for pdf in args[1:]:
        n += 1
        # The sources line names input files ("personel_kabkota.csv"):
        # data, not fixed text.
        text = '\n'.join(l for l in text_of(pdf).split('\n') if not l.startswith('Sources: '))
        found = [p for p in pieces if whole(p).search(text)]
        if found:
            failed += 1
            print('not ok %d - %s has Indonesian fixed text: %s' % (n, pdf.rsplit('/', 1)[-1],
                                                                   ', '.join(found[:10])))
        else:
            print('ok %d - %s: none of %d Indonesian fixed texts' % (n, pdf.rsplit('/', 1)[-1],
                                                                  len(pieces)))
    return n, failed


def cmd_marking(args, n):
    mark = args[0]
    failed = 0
    for pdf in args[1:]:
        n += 1
        bad = []
        ps = pages(pdf)
        for i, page in enumerate(ps, 1):
            ys = [b for t, b in words(page) if t == mark]
            top = [b for b in ys if b[3] < 22]
            bottom = [b for b in ys if b[1] > PAGE_H - 24]
            if len(top) != 1 or len(bottom) != 1 or len(ys) != 2:
                bad.append('page %d: %d at the top, %d at the bottom, %d in all'
                           % (i, len(top), len(bottom), len(ys)))
        if bad:
            failed += 1
            print('not ok %d - %s: %s' % (n, pdf.rsplit('/', 1)[-1], '; '.join(bad[:5])))
        else:
            print('ok %d - %s: %s top and bottom of all %d pages' % (n, pdf.rsplit('/', 1)[-1],
                                                                    mark, len(ps)))
    return n, failed


def cmd_ticks(args, n):
    lang = args[0]
    hemis = {'id': ('LS', 'LU', 'BT', 'BB'), 'en': ('S', 'N', 'E', 'W')}[lang]
    failed = 0
    for pdf in args[1:]:
        n += 1
        x0, y0, x1, y1 = frame_of(pdf)
        problems = []
        sides = {'top': 0, 'bottom': 0, 'left': 0, 'right': 0}
        page = pages(pdf)[0]
        for t, b in words(page):
            m = TICK.match(t)
            if not m or not (x0 <= b[0] and b[2] <= x1 and y0 <= b[1] and b[3] <= y1):
                continue
            if m.group(3) and m.group(3) not in hemis:
                problems.append('%r is not written the %s way' % (t, lang))
            d = {'top': b[1] - y0, 'bottom': y1 - b[3], 'left': b[0] - x0, 'right': x1 - b[2]}
            side = min(d, key=d.get)
            if d[side] > 14:
                problems.append('%r is %.1f pt from the nearest edge' % (t, d[side]))
            sides[side] += 1
        if any(v > 6 for v in sides.values()):
            problems.append('more than six a side: %s' % sides)
        if sides['top'] == 0 or sides['left'] == 0:
            problems.append('no degree labels on the top or left edge: %s' % sides)
        if problems:
            failed += 1
            print('not ok %d - %s' % (n, pdf.rsplit('/', 1)[-1]))
            for p in problems[:10]:
                print('# ' + p)
        else:
            print('ok %d - %s: degree labels %s' % (n, pdf.rsplit('/', 1)[-1], sides))
    return n, failed


def halves(name):
    spaces = [i for i, c in enumerate(name) if c == ' ']
    if not spaces:
        return None
    best = min(spaces, key=lambda i: (abs(2 * i - len(name)), i))
    return name[:best], name[best + 1:]


def cmd_names(args, n):
    pdf, names = args[0], args[1:]
    x0, y0, x1, y1 = frame_of(pdf)
    found_lines = []
    for text, ws in lines(pages(pdf)[0]):
        # Split at wide gaps: a name may share a baseline with a label.
        group = []
        for t, b in ws:
            if group and b[0] - group[-1][1][2] > 2.6:
                found_lines.append(group)
                group = []
            group.append((t, b))
        if group:
            found_lines.append(group)
    inside = set()
    for g in found_lines:
        b = (min(w[1][0] for w in g), min(w[1][1] for w in g), max(w[1][2] for w in g),
             max(w[1][3] for w in g))
        if x0 <= b[0] and b[2] <= x1 and y0 <= b[1] and b[3] <= y1:
            inside.add(' '.join(w[0] for w in g))
    failed = 0
    for name in names:
        n += 1
        h = halves(name)
        ok = name in inside or (h is not None and h[0] in inside and h[1] in inside)
        if ok:
            print('ok %d - %s: %s named inside the map frame' % (n, pdf.rsplit('/', 1)[-1], name))
        else:
            failed += 1
            print('not ok %d - %s: %s not named inside the map frame' % (n, pdf.rsplit('/', 1)[-1],
                                                                         name))
    return n, failed


def cmd_number(args, n):
    lang = args[0]
    failed = 0
    for pdf in args[1:]:
        n += 1
        # Thousands in the key figures and the table ("12.090" / "12,090"),
        # never the other language's; the mean score's decimals.
        text = '\n'.join(l for l in text_of(pdf).split('\n')
                         if not l.startswith(('Sources: ', 'Sumber: ')))
        sep, other = ('.', ',') if lang == 'id' else (',', '.')
        mine = re.findall(r'(?<![\d.,])\d{1,3}(?:' + re.escape(sep) + r'\d{3})+(?![\d.,])', text)
        theirs = re.findall(r'(?<![\d.,])\d{1,3}(?:' + re.escape(other) + r'\d{3})+(?![\d.,])', text)
        mean = re.search(r'(rata-rata skor|mean score) (\S+)', text)
        ok = (mine and not theirs and mean is not None and
              re.fullmatch(r'\d+' + re.escape(other) + r'\d\d', mean.group(2)) is not None)
        if ok:
            print('ok %d - %s: numbers written the %s way (%s, mean %s)' % (
                n, pdf.rsplit('/', 1)[-1], lang, ' '.join(mine[:3]), mean.group(2)))
        else:
            failed += 1
            print('not ok %d - %s: numbers not written the %s way: %s; other way: %s; mean %s' % (
                n, pdf.rsplit('/', 1)[-1], lang, mine[:3], theirs[:3], mean and mean.group(2)))
    return n, failed


def main():
    args = sys.argv[1:]
    n = 0
    if args[:1] == ['--from']:
        n = int(args[1])
        args = args[2:]
    cmd = {'strings': cmd_strings, 'marking': cmd_marking, 'ticks': cmd_ticks,
           'names': cmd_names, 'number': cmd_number}[args[0]]
    n, failed = cmd(args[1:], n)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
