#!/usr/bin/env python3
"""check-side.py — reads the first page of briefing sheets (pdftotext
-bbox-layout) and fails when text outside the map frame collides: two
words of the legend, key figures, priorities list, table, header or footer
overlapping, or anything but the footer reaching below the footer's top.
This is what goes wrong when the side of a sheet holds more than its
column (key figures and priorities on a poster, a portrait page).

The page geometry (map frame, footer) comes from `petarawan papers --json`,
matched by page size.

usage: check-side.py PAPERS.json SHEET.pdf...   (prints TAP)"""
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = '{http://www.w3.org/1999/xhtml}'
FOOTER_STARTS = ('Sumber:', 'Sources:', 'Dibuat', 'Made', 'Disusun', 'Prepared', 'Lembar', 'Sheet')


def first_page(pdf):
    xml = subprocess.run(['pdftotext', '-bbox-layout', '-f', '1', '-l', '1', pdf, '-'],
                         check=True, capture_output=True, text=True).stdout
    return next(ET.fromstring(re.sub(r'<!DOCTYPE[^>]*>', '', xml)).iter(NS + 'page'))


def box(e):
    return tuple(float(e.get(k)) for k in ('xMin', 'yMin', 'xMax', 'yMax'))


def check(pdf, papers):
    page = first_page(pdf)
    size = (float(page.get('width')), float(page.get('height')))
    geo = next((p for p in papers if abs(p['width_pt'] - size[0]) < 1
                and abs(p['height_pt'] - size[1]) < 1), None)
    if geo is None:
        return ['no paper in the papers list is %.2f x %.2f pt' % size], '?'
    k = geo['scale']
    fx, fy, fw, fh = geo['map']
    footer_y = geo['footer_y_pt']
    problems = []
    words = []
    for line in page.iter(NS + 'line'):
        ws = [(w.text or '', box(w)) for w in line.iter(NS + 'word')]
        footer = bool(ws) and ws[0][0].startswith(FOOTER_STARTS) and ws[0][1][1] >= footer_y - k
        for text, b in ws:
            cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
            if fx <= cx <= fx + fw and fy <= cy <= fy + fh:
                continue  # map labels: check-labels.py
            if not footer and b[3] > footer_y + 0.5 * k:
                problems.append('%r reaches below the footer top (%.0f > %.0f pt)'
                                % (text, b[3], footer_y))
            words.append((text, b))
    # pdftotext's boxes are the font's whole ascent and descent: lines of
    # large type set one under the other touch by a fifth of their height.
    tol = 0.5 * k
    for i in range(len(words)):
        a = words[i][1]
        for j in range(i + 1, len(words)):
            b = words[j][1]
            tol_y = max(tol, 0.2 * min(a[3] - a[1], b[3] - b[1]))
            if min(a[2], b[2]) - max(a[0], b[0]) > tol and min(a[3], b[3]) - max(a[1], b[1]) > tol_y:
                problems.append('%r and %r overlap' % (words[i][0], words[j][0]))
    return problems, '%s %s' % (geo['paper'], geo['orientation'])


def main():
    with open(sys.argv[1]) as f:
        papers = json.load(f)
    n = failed = 0
    for pdf in sys.argv[2:]:
        n += 1
        problems, paper = check(pdf, papers)
        name = '%s (%s)' % (pdf.rsplit('/', 1)[-1], paper)
        if problems:
            failed += 1
            print('not ok %d - %s' % (n, name))
            for p in problems[:20]:
                print('# ' + p)
        else:
            print('ok %d - %s: no text collides outside the map' % (n, name))
    print('1..%d' % n)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
