#!/usr/bin/env python3
"""check-labels.py — reads the text layer of briefing sheets (pdftotext
-bbox-layout) and fails when two map labels overlap, when a label leaves the
map frame, or when a district of the ranked table is neither named nor
numbered on the map (or is labelled twice).  Names of neighbouring
provinces and countries (grey, around the group) and degree labels of the
graticule count as labels too: they must not overlap anything, leave the
frame or sit in the reserved corners.

usage: check-labels.py [--names FILE] SHEET.pdf...   (prints TAP)
  FILE: more neighbour names, one a line (e.g. the context layer's
  countries); province and island-region names come from
  $PETARAWAN_DATA/provinsi.csv and pulau.csv."""
import csv
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = '{http://www.w3.org/1999/xhtml}'
# The sheet's map frame and the corners kept for scale bar, north arrow and
# projection note (render/render-sheet.c, render_map_reserved).
FRAME = (28.0, 70.0, 528.0, 548.0)
RESERVED = [(28.0, 514.0, 28.0 + 500 * 0.28 + 56, 548.0),
            (488.0, 70.0, 528.0, 120.0),
            (338.0, 532.0, 528.0, 548.0)]
PREFIXES = ('Kab. Administrasi ', 'Kab. ', 'Kota Adm. ')
# A degree label of the graticule: 8°LS, 106°15′BT, 0°, 8°S, 122°E.
TICK = re.compile(r'^\d{1,3}°(\d\d′)?(LS|LU|BT|BB|S|N|E|W)?$')


def halves(name):
    """The two lines a long name is broken into on the map (at the space
    nearest its middle, as render-neighbours.c does)."""
    spaces = [i for i, c in enumerate(name) if c == ' ']
    if not spaces:
        return []
    best = min(spaces, key=lambda i: (abs(2 * i - len(name)), i))
    return [name[:best], name[best + 1:]]


def neighbour_names(extra=None):
    """Upper-cased names a neighbour label may have, and their halves."""
    names = set()
    data = os.environ.get('PETARAWAN_DATA', os.path.join(os.path.dirname(__file__), '..', 'data'))
    for fname in ('provinsi.csv', 'pulau.csv'):
        with open(os.path.join(data, fname), encoding='utf-8') as f:
            for row in csv.DictReader(f):
                names.add(row['nama'])
    if extra:
        with open(extra, encoding='utf-8') as f:
            names.update(line.strip() for line in f if line.strip())
    out = set()
    for n in names:
        out.add(n.upper())
        out.update(h.upper() for h in halves(n))
    return out


def page_xml(pdf):
    xml = subprocess.run(['pdftotext', '-bbox-layout', '-f', '1', '-l', '1', pdf, '-'],
                         check=True, capture_output=True, text=True).stdout
    return ET.fromstring(re.sub(r'<!DOCTYPE[^>]*>', '', xml))


def table_rows(root):
    """Rank -> name from the ranked table's lines ("12 Kab. Kupang"), below
    its header row ("No ..."): lines above it in the side column (key
    figures, priorities) may start with a number too."""
    rows = {}
    lines = list(root.iter(NS + 'line'))
    top = min((float(l.get('yMin')) for l in lines
               if 540 <= float(l.get('xMin')) < 600
               and [w.text for w in l.iter(NS + 'word')][:1] in (['No'], ['No.'])), default=0)
    for line in lines:
        text = ' '.join(w.text or '' for w in line.iter(NS + 'word'))
        m = re.match(r'^(\d+) (.+)$', text)
        if 540 <= float(line.get('xMin')) < 600 and m and float(line.get('yMin')) > top:
            rows[int(m.group(1))] = m.group(2)
    return rows


def lines_of(root):
    for line in root.iter(NS + 'line'):
        # pdftotext joins labels that sit side by side into one line: split
        # it again at wide gaps and around lone numbers (number labels) and
        # degree labels.
        words = [(w.text or '', tuple(float(w.get(k)) for k in ('xMin', 'yMin', 'xMax', 'yMax')))
                 for w in line.iter(NS + 'word')]
        group = []
        for text, box in words:
            if group and (box[0] - group[-1][1][2] > 2.6 or text.isdigit() or group[-1][0].isdigit()
                          or TICK.match(text) or TICK.match(group[-1][0])):
                yield join(group)
                group = []
            group.append((text, box))
        if group:
            yield join(group)


def join(group):
    text = ' '.join(t for t, _ in group)
    return text, (min(b[0] for _, b in group), min(b[1] for _, b in group),
                  max(b[2] for _, b in group), max(b[3] for _, b in group))


def inside(box, area):
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return area[0] <= cx <= area[2] and area[1] <= cy <= area[3]


def overlap(a, b, tol=0.6):
    return (min(a[2], b[2]) - max(a[0], b[0]) > tol) and (min(a[3], b[3]) - max(a[1], b[1]) > tol)


def check(pdf, neighbours=frozenset()):
    """Problems of one sheet, its district count, named districts, and the
    neighbour names and degree labels found (text, box)."""
    problems = []
    root = page_xml(pdf)
    table = table_rows(root)
    labels = []
    furniture = []  # neighbour names and degree labels
    for text, box in lines_of(root):
        if not inside(box, FRAME):
            continue
        kind = 'tick' if TICK.match(text) else None
        if any(inside(box, r) or overlap(box, r) for r in RESERVED):
            if kind:
                problems.append('degree label %r in a reserved corner' % text)
            continue
        labels.append((text, box))
    if not table:
        return ['no ranked table found'], 0, 0, []
    by_name = {}
    for rank, name in table.items():
        short = name
        for p in PREFIXES:
            if short.startswith(p):
                short = short[len(p):]
                break
        by_name[short] = rank
    seen = {}
    for text, box in labels:
        if box[0] < FRAME[0] or box[1] < FRAME[1] or box[2] > FRAME[2] or box[3] > FRAME[3]:
            problems.append('label %r leaves the map frame' % text)
        if TICK.match(text):
            furniture.append(('tick', text, box))
            continue
        rank = int(text) if text.isdigit() else by_name.get(text)
        if rank is None and text.upper() in neighbours:
            furniture.append(('neighbour', text, box))
            continue
        if rank is None or rank not in table:
            problems.append('label %r is no district of the table' % text)
            continue
        if rank in seen:
            problems.append('district %d %s labelled twice' % (rank, table[rank]))
        seen[rank] = text
    for rank in sorted(table):
        if rank not in seen:
            problems.append('district %d %s neither named nor numbered' % (rank, table[rank]))
    for i in range(len(labels)):
        for j in range(i + 1, len(labels)):
            if overlap(labels[i][1], labels[j][1]):
                problems.append('labels %r and %r overlap' % (labels[i][0], labels[j][0]))
    named = sum(1 for t in seen.values() if not t.isdigit())
    return problems, len(table), named, furniture


def main():
    args = sys.argv[1:]
    extra = None
    if args[:1] == ['--names']:
        extra = args[1]
        args = args[2:]
    neighbours = neighbour_names(extra)
    n = 0
    failed = 0
    for pdf in args:
        n += 1
        problems, total, named, furniture = check(pdf, neighbours)
        name = pdf.rsplit('/', 1)[-1]
        if problems:
            failed += 1
            print('not ok %d - %s' % (n, name))
            for p in problems[:20]:
                print('# ' + p)
        else:
            nn = sum(1 for k, _, _ in furniture if k == 'neighbour')
            nt = sum(1 for k, _, _ in furniture if k == 'tick')
            print('ok %d - %s: %d districts, %d named, %d numbered, %d neighbour names, '
                  '%d degree labels, no overlap' % (n, name, total, named, total - named, nn, nt))
    print('1..%d' % n)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
