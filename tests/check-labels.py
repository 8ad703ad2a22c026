#!/usr/bin/env python3
"""check-labels.py — reads the text layer of briefing sheets (pdftotext
-bbox-layout) and fails when two map labels overlap, when a label leaves the
map frame, or when a district of the ranked table is neither named nor
numbered on the map (or is labelled twice), when a number sits against a
name (closer than NUMBER_GAP: "10 Kediri" reads as one label) or when the
same name is on the map twice ("Madiun" for Kota and Kabupaten); when the
ranked table on an A4 sheet is set under 6 pt, or a table of at most 38
rows continues on another page (the first page holds 38).  Names of neighbouring
provinces and countries (grey, around the group) and degree labels of the
graticule count as labels too: they must not overlap anything, leave the
frame or sit in the reserved corners.

The page's geometry (map frame, the corners kept for scale bar, north arrow
and projection note, where the table is) comes from `petarawan papers
--json`, matched by page size, so A0 posters and portrait pages are checked
as the A4 sheet is.

usage: check-labels.py [--names FILE] [--not-fewer A4DIR POSTERDIR] PAPERS.json SHEET.pdf...
  (prints TAP)
  --not-fewer: each sheet of POSTERDIR names at least as many districts as
  the sheet of the same name in A4DIR (both among the SHEETs).  No text of
  any page may be cut with an ellipsis.
  FILE: more neighbour names, one a line (e.g. the context layer's
  countries); province and island-region names come from
  $PETARAWAN_DATA/provinsi.csv and pulau.csv."""
import csv
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = '{http://www.w3.org/1999/xhtml}'
PREFIXES = ('Kab. Administrasi ', 'Kab. Adm. ', 'Kab. ', 'Kota Adm. ')
# A degree label of the graticule: 8°LS, 106°15′BT, 0°, 8°S, 122°E.
TICK = re.compile(r'^\d{1,3}°(\d\d′)?(LS|LU|BT|BB|S|N|E|W)?$')


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
        self.column_x = entry['column'][0]
        self.k = entry['scale']
        # Gaps and tolerances grow with the labels.
        self.em = entry['sizes_pt']['label'] / 6.5


def page_for(papers, page):
    size = (float(page.get('width')), float(page.get('height')))
    for p in papers:
        if abs(p.size[0] - size[0]) < 1 and abs(p.size[1] - size[1]) < 1:
            return p
    raise SystemExit('no paper in the papers list is %.2f x %.2f pt' % size)


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
    """The pages of `pdf` as pdftotext -bbox-layout sees them."""
    xml = subprocess.run(['pdftotext', '-bbox-layout', pdf, '-'],
                         check=True, capture_output=True, text=True).stdout
    return list(ET.fromstring(re.sub(r'<!DOCTYPE[^>]*>', '', xml)).iter(NS + 'page'))


def table_rows(pages, page):
    """Rank -> name from the ranked table's rows ("12 Kab. Kupang") on
    every page of the sheet: a number right-aligned in a table column and
    the words right after it on the same baseline, below the column's
    header row ("No ...").  On the first page the table is the lowest
    thing in its column (the key figures and the priorities list above it
    may start with a number too); on continuation pages every column
    under a header is the table.  Words, not pdftotext's lines: a line may
    run on from a map label beside the table, or stop between a row's
    number and its name."""
    rows = {}
    k = page.k
    for n, root in enumerate(pages):
        words = [(w.text or '', float(w.get('xMin')), float(w.get('xMax')), float(w.get('yMin')),
                  float(w.get('yMax'))) for w in root.iter(NS + 'word')]
        heads = [(x0, y0) for t, x0, _, y0, _ in words if t in ('No', 'No.')]
        if n == 0:
            # The table's column, and in portrait the legend's column, where
            # a long table starts below the legend.
            lowest = []
            for cx in sorted({page.table_x, page.column_x}):
                hs = [h for h in heads if cx - 2 * k <= h[0] < cx + 14 * k]
                if hs:
                    lowest.append(max(hs, key=lambda h: h[1]))
            heads = lowest
        for text, x0, x1, y0, y1 in words:
            if not text.isdigit():
                continue
            if not any(hx - 12 * k <= x0 < hx + 12 * k and y0 > hy for hx, hy in heads):
                continue
            after = sorted((w for w in words if abs(w[3] - y0) < 0.5 and w[1] > x0),
                           key=lambda w: w[1])
            name, end = [], x1
            for t, a, b, _, _ in after:
                if a - end > (6 if not name else 3) * k:
                    break
                name.append(t)
                end = b
            if name:
                rows[int(text)] = ' '.join(name)
                if n == 0:
                    TYPE_SIZES.append((y1 - y0) / NOTO_EM_HEIGHT)
    return rows


# A word's box in pdftotext is the font's ascent plus descent: 1.362 em
# for Noto Sans (the sheet's title, 15 pt, is 20.43 pt high).
NOTO_EM_HEIGHT = 1.362
# Type sizes of the first page's table rows, filled by table_rows.
TYPE_SIZES = []
# Smallest table type on an A4 sheet, and most rows an A4 sheet's table
# holds on its first page (render-page.c: RENDER_PAGE_ROWS).
MIN_TABLE_PT = 5.95
ONE_PAGE_ROWS = 38


def lines_of(root, page, known):
    for line in root.iter(NS + 'line'):
        # pdftotext joins labels that sit side by side into one line: split
        # it again at wide gaps and around lone numbers (number labels) and
        # degree labels, then, where the words left together name nothing
        # known, into runs that each name something (labels may sit closer
        # than a word space).
        words = [(w.text or '', tuple(float(w.get(k)) for k in ('xMin', 'yMin', 'xMax', 'yMax')))
                 for w in line.iter(NS + 'word')]
        group = []
        for text, box in words:
            if group and (box[0] - group[-1][1][2] > 2.6 * page.em or text.isdigit()
                          or group[-1][0].isdigit() or TICK.match(text)
                          or TICK.match(group[-1][0])):
                yield from split_names(group, known)
                group = []
            group.append((text, box))
        if group:
            yield from split_names(group, known)


def split_names(group, known):
    """The group as one label, or as consecutive runs each naming a
    district or neighbour when the whole names none."""
    def key(g):
        return ''.join(t for t, _ in g)
    if known(key(group)) or len(group) == 1 or group[0][0].isdigit():
        yield join(group)
        return
    n = len(group)
    best = [None] * (n + 1)  # best[i]: runs covering group[:i]
    best[0] = []
    for i in range(1, n + 1):
        for j in range(i):
            if best[j] is not None and known(key(group[j:i])):
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


# Least gap between a number's digits and a name (times the page's em):
# the disc's edge plus a clear space.
NUMBER_GAP = 2.0


def gap(a, b):
    """The clear space between boxes a and b (0 when they meet)."""
    return max(0.0, max(a[0], b[0]) - min(a[2], b[2]), max(a[1], b[1]) - min(a[3], b[3]))


def overlap(a, b, tol):
    return (min(a[2], b[2]) - max(a[0], b[0]) > tol) and (min(a[3], b[3]) - max(a[1], b[1]) > tol)


def check(pdf, papers, neighbours=frozenset()):
    """Problems of one sheet, its district count, named districts, the
    neighbour names and degree labels found (kind, text, box), and the
    page's paper."""
    problems = []
    pages = page_xml(pdf)
    root = pages[0]  # the sheet; what follows continues its table
    page = page_for(papers, root)
    FRAME = page.frame
    tol = 0.6 * page.em
    TYPE_SIZES.clear()
    table = table_rows(pages, page)
    if not table:
        return ['no ranked table found'], 0, 0, [], page.name
    if page.name.startswith('A4') and TYPE_SIZES and min(TYPE_SIZES) < MIN_TABLE_PT:
        problems.append('table type %.2f pt on A4 (at least %.2f)' % (min(TYPE_SIZES), MIN_TABLE_PT))
    if len(pages) > 1 and len(table) <= ONE_PAGE_ROWS:
        problems.append('%d rows continue on %d more pages (one page holds %d)'
                        % (len(table), len(pages) - 1, ONE_PAGE_ROWS))
    by_name = {}
    for rank, name in table.items():
        short = name
        for p in PREFIXES:
            if short.startswith(p):
                short = short[len(p):]
                break
        # pdftotext may split a word of small table type ("L umajang").
        by_name[short.replace(' ', '')] = rank
        # A Kabupaten sharing its name with a Kota of the sheet keeps "Kab.".
        by_name.setdefault(name.replace(' ', ''), rank)
    squeezed = {n.replace(' ', '') for n in neighbours}

    def known(key):
        return key in by_name or key.upper() in squeezed

    labels = []
    furniture = []  # neighbour names and degree labels
    for text, box in lines_of(root, page, known):
        if not inside(box, FRAME):
            continue
        if any(inside(box, r) or overlap(box, r, tol) for r in page.reserved):
            if TICK.match(text):
                problems.append('degree label %r in a reserved corner' % text)
            continue
        labels.append((text, box))
    seen = {}
    names_seen = []  # district labels, as written
    for text, box in labels:
        if box[0] < FRAME[0] or box[1] < FRAME[1] or box[2] > FRAME[2] or box[3] > FRAME[3]:
            problems.append('label %r leaves the map frame' % text)
        if TICK.match(text):
            furniture.append(('tick', text, box))
            continue
        rank = int(text) if text.isdigit() else by_name.get(text.replace(' ', ''))
        if rank is None and text.upper().replace(' ', '') in squeezed:
            furniture.append(('neighbour', text, box))
            continue
        if rank is None or rank not in table:
            problems.append('label %r is no district of the table' % text)
            continue
        if rank in seen:
            problems.append('district %d %s labelled twice' % (rank, table[rank]))
        seen[rank] = text
        names_seen.append(text)
    for rank in sorted(table):
        if rank not in seen:
            problems.append('district %d %s neither named nor numbered' % (rank, table[rank]))
    for i in range(len(labels)):
        for j in range(i + 1, len(labels)):
            if overlap(labels[i][1], labels[j][1], tol):
                problems.append('labels %r and %r overlap' % (labels[i][0], labels[j][0]))
            elif (labels[i][0].isdigit() != labels[j][0].isdigit()
                  and not TICK.match(labels[i][0]) and not TICK.match(labels[j][0])
                  and gap(labels[i][1], labels[j][1]) < NUMBER_GAP * page.em):
                # "10 Kediri": a number against a name reads as one label.
                problems.append('number and name %r and %r only %.1f pt apart (< %.1f)'
                                % (labels[i][0], labels[j][0], gap(labels[i][1], labels[j][1]),
                                   NUMBER_GAP * page.em))
    texts = [t for t in names_seen if not t.isdigit()]
    for t in sorted(set(x for x in texts if texts.count(x) > 1)):
        problems.append('name %r on the map %d times' % (t, texts.count(t)))
    named = sum(1 for t in seen.values() if not t.isdigit())
    return problems, len(table), named, furniture, page.name


def ellipsised(pdf):
    """Text cut with an ellipsis anywhere in `pdf`.  pdftotext cannot see
    it: cairo keeps the whole text as the ActualText of the one ellipsis
    glyph that stands for the characters cut away, so a span whose
    ActualText is longer than any ligature (3 characters) is a cut."""
    import tempfile
    with tempfile.NamedTemporaryFile(suffix='.pdf') as tmp:
        subprocess.run(['qpdf', '--qdf', '--object-streams=disable', pdf, tmp.name], check=True)
        with open(tmp.name, 'rb') as f:
            data = f.read()
    cuts = []
    for hexs in re.findall(rb'/ActualText <([0-9a-fA-F]+)>', data):
        text = bytes.fromhex(hexs.decode()).decode('utf-16')
        if len(text.lstrip('\ufeff')) > 3:
            cuts.append(text.lstrip('\ufeff'))
    return cuts


def main():
    args = sys.argv[1:]
    extra = None
    pairs = []  # (directory of A4 sheets, directory of posters)
    while args[:1] in (['--names'], ['--not-fewer']):
        if args[0] == '--names':
            extra = args[1]
            args = args[2:]
        else:
            pairs.append((args[1], args[2]))
            args = args[3:]
    neighbours = neighbour_names(extra)
    with open(args[0]) as f:
        papers = [Page(e) for e in json.load(f)]
    n = 0
    failed = 0
    named_of = {}
    for pdf in args[1:]:
        n += 1
        problems, total, named, furniture, paper = check(pdf, papers, neighbours)
        named_of[os.path.abspath(pdf)] = (named, total)
        for line in ellipsised(pdf):
            problems.append('text cut with an ellipsis, losing %r' % line)
        name = '%s (%s)' % (pdf.rsplit('/', 1)[-1], paper)
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
    for small, big in pairs:
        for pdf in sorted(args[1:]):
            a = os.path.abspath(pdf)
            if os.path.dirname(a) != os.path.abspath(small):
                continue
            b = os.path.join(os.path.abspath(big), os.path.basename(a))
            if b not in named_of:
                continue
            n += 1
            (na, total), (nb, _) = named_of[a], named_of[b]
            verdict = 'ok' if nb >= na else 'not ok'
            failed += verdict != 'ok'
            print('%s %d - %s: the poster names %d of %d districts, the A4 sheet %d'
                  % (verdict, n, os.path.basename(a), nb, total, na))
    print('1..%d' % n)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
