#!/usr/bin/env python3
"""check-labels.py — reads the text layer of briefing sheets (pdftotext
-bbox-layout) and fails when two map labels overlap, when a label leaves the
map frame, or when a district of the ranked table is neither named nor
numbered on the map (or is labelled twice).

usage: check-labels.py SHEET.pdf...   (prints TAP)"""
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


def page_xml(pdf):
    xml = subprocess.run(['pdftotext', '-bbox-layout', '-f', '1', '-l', '1', pdf, '-'],
                         check=True, capture_output=True, text=True).stdout
    return ET.fromstring(re.sub(r'<!DOCTYPE[^>]*>', '', xml))


def table_rows(root):
    """Rank -> name from the ranked table's lines ("12 Kab. Kupang")."""
    rows = {}
    for line in root.iter(NS + 'line'):
        text = ' '.join(w.text or '' for w in line.iter(NS + 'word'))
        m = re.match(r'^(\d+) (.+)$', text)
        if 540 <= float(line.get('xMin')) < 600 and m:
            rows[int(m.group(1))] = m.group(2)
    return rows


def lines_of(root):
    for line in root.iter(NS + 'line'):
        # pdftotext joins labels that sit side by side into one line: split
        # it again at wide gaps and around lone numbers (number labels).
        words = [(w.text or '', tuple(float(w.get(k)) for k in ('xMin', 'yMin', 'xMax', 'yMax')))
                 for w in line.iter(NS + 'word')]
        group = []
        for text, box in words:
            if group and (box[0] - group[-1][1][2] > 2.6 or text.isdigit() or group[-1][0].isdigit()):
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


def check(pdf):
    problems = []
    root = page_xml(pdf)
    table = table_rows(root)
    labels = [(text, box) for text, box in lines_of(root)
              if inside(box, FRAME) and not any(inside(box, r) for r in RESERVED)]
    if not table:
        return ['no ranked table found'], 0, 0
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
        rank = int(text) if text.isdigit() else by_name.get(text)
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
    return problems, len(table), named


def main():
    n = 0
    failed = 0
    for pdf in sys.argv[1:]:
        n += 1
        problems, total, named = check(pdf)
        name = pdf.rsplit('/', 1)[-1]
        if problems:
            failed += 1
            print('not ok %d - %s' % (n, name))
            for p in problems[:20]:
                print('# ' + p)
        else:
            print('ok %d - %s: %d districts, %d named, %d numbered, no overlap' %
                  (n, name, total, named, total - named))
    print('1..%d' % n)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
