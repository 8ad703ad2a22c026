#!/usr/bin/env python3
"""check-labels.py — reads the text layer of briefing sheets (pdftotext
-bbox-layout) and fails when two map labels overlap, when a label leaves the
map frame, or when a district of the ranked table is neither named nor
numbered on the map (or is labelled twice).

The page's geometry (map frame, the corners kept for scale bar, north arrow
and projection note, where the table is) comes from `petarawan papers
--json`, matched by page size, so A0 posters and portrait pages are checked
as the A4 sheet is.

usage: check-labels.py PAPERS.json SHEET.pdf...   (prints TAP)"""
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = '{http://www.w3.org/1999/xhtml}'
PREFIXES = ('Kab. Administrasi ', 'Kab. ', 'Kota Adm. ')


class Page:
    """The geometry of one paper and orientation, in PDF points."""

    def __init__(self, entry):
        def box(r):
            return (r[0], r[1], r[0] + r[2], r[1] + r[3])
        self.name = '%s %s' % (entry['paper'], entry['orientation'])
        self.size = (entry['width_pt'], entry['height_pt'])
        self.frame = box(entry['map'])
        self.reserved = [box(r) for r in entry['map_reserved']]
        self.table_x = entry['table'][0]
        self.k = entry['scale']
        # Gaps and tolerances grow with the labels.
        self.em = entry['sizes_pt']['label'] / 6.5


def page_for(papers, root):
    page = next(root.iter(NS + 'page'))
    size = (float(page.get('width')), float(page.get('height')))
    for p in papers:
        if abs(p.size[0] - size[0]) < 1 and abs(p.size[1] - size[1]) < 1:
            return p
    raise SystemExit('no paper in the papers list is %.2f x %.2f pt' % size)


def page_xml(pdf):
    xml = subprocess.run(['pdftotext', '-bbox-layout', '-f', '1', '-l', '1', pdf, '-'],
                         check=True, capture_output=True, text=True).stdout
    return ET.fromstring(re.sub(r'<!DOCTYPE[^>]*>', '', xml))


def table_rows(root, page):
    """Rank -> name from the ranked table's rows ("12 Kab. Kupang"): a
    number right-aligned in the table's first column and the words right
    after it.  Words, not pdftotext's lines: a line may run on from a map
    label beside the table."""
    rows = {}
    k = page.k
    for line in root.iter(NS + 'line'):
        words = [(w.text or '', float(w.get('xMin')), float(w.get('xMax')))
                 for w in line.iter(NS + 'word')]
        for i, (text, x0, x1) in enumerate(words):
            if not (text.isdigit() and page.table_x - 2 * k <= x0 < page.table_x + 14 * k):
                continue
            name, end = [], x1
            for t, a, b in words[i + 1:]:
                if a - end > (6 if not name else 3) * k:
                    break
                name.append(t)
                end = b
            if name:
                rows[int(text)] = ' '.join(name)
            break
    return rows


def lines_of(root, page, names):
    for line in root.iter(NS + 'line'):
        # pdftotext joins labels that sit side by side into one line: split
        # it again at wide gaps and around lone numbers (number labels),
        # then, where the words left together name no district, into runs
        # that each name one (labels may sit closer than a word space).
        words = [(w.text or '', tuple(float(w.get(k)) for k in ('xMin', 'yMin', 'xMax', 'yMax')))
                 for w in line.iter(NS + 'word')]
        group = []
        for text, box in words:
            if group and (box[0] - group[-1][1][2] > 2.6 * page.em or text.isdigit()
                          or group[-1][0].isdigit()):
                yield from split_names(group, names)
                group = []
            group.append((text, box))
        if group:
            yield from split_names(group, names)


def split_names(group, names):
    """The group as one label, or as consecutive runs each naming a
    district when the whole names none."""
    def key(g):
        return ''.join(t for t, _ in g)
    if key(group) in names or len(group) == 1 or group[0][0].isdigit():
        yield join(group)
        return
    n = len(group)
    best = [None] * (n + 1)  # best[i]: runs covering group[:i]
    best[0] = []
    for i in range(1, n + 1):
        for j in range(i):
            if best[j] is not None and key(group[j:i]) in names:
                best[i] = best[j] + [group[j:i]]
                break
    if best[n] is None:
        yield join(group)
    else:
        for run in best[n]:
            yield join(run)


def join(group):
    text = ' '.join(t for t, _ in group)
    return text, (min(b[0] for _, b in group), min(b[1] for _, b in group),
                  max(b[2] for _, b in group), max(b[3] for _, b in group))


def inside(box, area):
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return area[0] <= cx <= area[2] and area[1] <= cy <= area[3]


def overlap(a, b, tol):
    return (min(a[2], b[2]) - max(a[0], b[0]) > tol) and (min(a[3], b[3]) - max(a[1], b[1]) > tol)


def check(pdf, papers):
    problems = []
    root = page_xml(pdf)
    page = page_for(papers, root)
    FRAME = page.frame
    table = table_rows(root, page)
    if not table:
        return ['no ranked table found'], 0, 0, page.name
    by_name = {}
    for rank, name in table.items():
        short = name
        for p in PREFIXES:
            if short.startswith(p):
                short = short[len(p):]
                break
        # pdftotext may split a word of small table type ("L umajang").
        by_name[short.replace(' ', '')] = rank
    labels = [(text, box) for text, box in lines_of(root, page, by_name)
              if inside(box, FRAME) and not any(inside(box, r) for r in page.reserved)]
    seen = {}
    for text, box in labels:
        if box[0] < FRAME[0] or box[1] < FRAME[1] or box[2] > FRAME[2] or box[3] > FRAME[3]:
            problems.append('label %r leaves the map frame' % text)
        rank = int(text) if text.isdigit() else by_name.get(text.replace(' ', ''))
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
            if overlap(labels[i][1], labels[j][1], 0.6 * page.em):
                problems.append('labels %r and %r overlap' % (labels[i][0], labels[j][0]))
    named = sum(1 for t in seen.values() if not t.isdigit())
    return problems, len(table), named, page.name


def main():
    n = 0
    failed = 0
    with open(sys.argv[1]) as f:
        papers = [Page(e) for e in json.load(f)]
    for pdf in sys.argv[2:]:
        n += 1
        problems, total, named, paper = check(pdf, papers)
        name = '%s (%s)' % (pdf.rsplit('/', 1)[-1], paper)
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
