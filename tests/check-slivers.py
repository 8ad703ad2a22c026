#!/usr/bin/env python3
"""check-slivers.py — no filled sliver in a PDF.

A filled sub-path that encloses almost nothing of its bounding box is a
drawing mistake: cairo's own rasteriser hides a zero-width sliver, but
poppler, Ghostscript and printers stroke its edges as a hairline.  The
case that made this test: the north arrow's disc began with a line from
the scale bar's last point, so every map printed a white hairline from
the scale bar to the north arrow.

For every page content stream, form XObject and tiling pattern of each
PDF given (decompressed with qpdf --qdf), the path operators m l c v y h
re are followed through q/Q/cm into page points, and each sub-path of a
fill (f F f* B B* b b*) is measured: its bounding box, and the area it
covers under the fill's rule (non-zero or even-odd, sampled on a grid).
A sub-path is a sliver when its box is larger than MIN_BOX points both
ways and it covers less than RATIO of the box.

Why these numbers: every fill petarawan draws on purpose is a rectangle
(plates, swatches, table rows, bars: ratio 1), a disc (0.785), a
triangle (the priority mark, the arrow's halves: 0.5) or a ring of a
district.  Districts, clipped to the frame, are the only honest fills
that can be thin: a long diagonal strip one point wide and 100 long
covers about 2% of its box; an L-shaped coast 1-2 pt wide a few percent.
A sub-path whose box is large but which covers less than 1% is a line
drawn by mistake into a fill.  MIN_BOX keeps specks and tiny rings (the
sampling grid cannot measure them and they cannot print a visible line
across anything).

Usage: check-slivers.py [--verbose] FILE.pdf...
Prints one line per sliver (file, page or object, box, coverage, the
operators that started it) and exits 1 when any is found.  tests/tap.sh
runs it at the end of every end-to-end script over every PDF the script
wrote.
"""
import math
import re
import subprocess
import sys

MIN_BOX = 4.0   # points, both ways
RATIO = 0.01    # covered fraction of the bounding box
GRID = 160      # samples across the longer side of the box

TOKEN = re.compile(rb"""
    (?P<ws>[\x00\t\n\x0c\r ]+|%[^\r\n]*)
  | (?P<str>\()
  | (?P<hex><[0-9A-Fa-f\s]*>)
  | (?P<dict><<|>>)
  | (?P<arr>[\[\]])
  | (?P<name>/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*)
  | (?P<num>[+-]?(?:\d+\.?\d*|\.\d+))
  | (?P<op>[A-Za-z'"*][A-Za-z0-9'"*]*)
  | (?P<other>.)
""", re.X | re.S)


def tokens(data):
    """Yields (kind, value) of a content stream; strings are skipped whole."""
    i, n = 0, len(data)
    while i < n:
        mt = TOKEN.match(data, i)
        kind = mt.lastgroup
        if kind == 'str':
            depth, j = 1, mt.end()
            while j < n and depth:
                ch = data[j:j + 1]
                if ch == b'\\':
                    j += 2
                    continue
                if ch == b'(':
                    depth += 1
                elif ch == b')':
                    depth -= 1
                j += 1
            yield 'str', None
            i = j
            continue
        i = mt.end()
        if kind == 'ws':
            continue
        if kind == 'num':
            yield 'num', float(mt.group())
        elif kind == 'op':
            op = mt.group().decode('latin-1')
            if op == 'ID':  # inline image data up to EI
                k = data.find(b'EI', i)
                i = n if k < 0 else k + 2
                continue
            yield 'op', op
        else:
            yield kind, None


def mul(a, b):
    """Affine matrices [a b c d e f] as PDF writes them: a then b."""
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def bezier(p0, p1, p2, p3, steps=8):
    out = []
    for k in range(1, steps + 1):
        t = k / steps
        u = 1 - t
        out.append((u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
                    u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1]))
    return out


def coverage(poly, box, evenodd):
    """Fraction of `box` the closed polygon covers under the rule, sampled."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    step = max(w, h) / GRID
    nx, ny = max(1, int(w / step)), max(1, int(h / step))
    edges = [(poly[i], poly[(i + 1) % len(poly)]) for i in range(len(poly))]
    covered = 0
    for j in range(ny):
        y = y0 + (j + 0.5) * h / ny
        xs = []
        for (ax, ay), (bx, by) in edges:
            if (ay <= y) != (by <= y):
                xs.append((ax + (y - ay) * (bx - ax) / (by - ay), 1 if by > ay else -1))
        xs.sort()
        wind = 0
        inside_from = None
        for x, d in xs:
            was = (wind % 2 != 0) if evenodd else wind != 0
            wind += d
            now = (wind % 2 != 0) if evenodd else wind != 0
            if now and not was:
                inside_from = x
            elif was and not now and inside_from is not None:
                a = max(0, math.floor((inside_from - x0) / w * nx - 0.5) + 1)
                b = min(nx - 1, math.floor((x - x0) / w * nx - 0.5))
                if b >= a:
                    covered += b - a + 1
    return covered / (nx * ny)


def shoelace(poly):
    s = 0.0
    for i in range(len(poly)):
        ax, ay = poly[i]
        bx, by = poly[(i + 1) % len(poly)]
        s += ax * by - bx * ay
    return abs(s) / 2


def check_stream(data, where, found):
    """Appends a description of every sliver in one content stream."""
    ctm = [1, 0, 0, 1, 0, 0]
    stack = []
    nums = []
    subpaths = []  # list of (points, ops text)
    cur = None
    start = None

    def pt(x, y):
        return (ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5])

    for kind, val in tokens(data):
        if kind == 'num':
            nums.append(val)
            continue
        if kind != 'op':
            if kind not in ('name',):
                nums = []
            continue
        op = val
        a = nums
        nums = []
        if op == 'q':
            stack.append(ctm[:])
        elif op == 'Q':
            if stack:
                ctm = stack.pop()
        elif op == 'cm' and len(a) >= 6:
            ctm = mul(a[-6:], ctm)
        elif op == 'm' and len(a) >= 2:
            cur = [pt(a[-2], a[-1])]
            subpaths.append([cur, '%g %g m' % (a[-2], a[-1])])
        elif op == 'l' and len(a) >= 2:
            if cur is None:
                cur = [pt(a[-2], a[-1])]
                subpaths.append([cur, ''])
            else:
                cur.append(pt(a[-2], a[-1]))
            if len(subpaths[-1][1]) < 60:
                subpaths[-1][1] += ' %g %g l' % (a[-2], a[-1])
        elif op in ('c', 'v', 'y') and cur is not None:
            if op == 'c' and len(a) >= 6:
                p1, p2, p3 = pt(a[-6], a[-5]), pt(a[-4], a[-3]), pt(a[-2], a[-1])
            elif op == 'v' and len(a) >= 4:
                p1, p2, p3 = cur[-1], pt(a[-4], a[-3]), pt(a[-2], a[-1])
            elif op == 'y' and len(a) >= 4:
                p1, p2, p3 = pt(a[-4], a[-3]), pt(a[-2], a[-1]), pt(a[-2], a[-1])
            else:
                continue
            cur.extend(bezier(cur[-1], p1, p2, p3))
            if len(subpaths[-1][1]) < 60:
                subpaths[-1][1] += ' ' + op
        elif op == 'h':
            if cur is not None:
                start = cur[0]
                cur = [start]  # a new sub-path starts where the closed one did
                subpaths.append([cur, ''])
        elif op == 're' and len(a) >= 4:
            x, y, w, h = a[-4:]
            r = [pt(x, y), pt(x + w, y), pt(x + w, y + h), pt(x, y + h)]
            subpaths.append([r, 're'])
            cur = [pt(x, y)]
            subpaths.append([cur, ''])
        elif op in ('f', 'F', 'f*', 'B', 'B*', 'b', 'b*'):
            evenodd = op.endswith('*')
            for poly, ops in subpaths:
                if len(poly) < 2:
                    continue
                xs = [p[0] for p in poly]
                ys = [p[1] for p in poly]
                box = (min(xs), min(ys), max(xs), max(ys))
                bw, bh = box[2] - box[0], box[3] - box[1]
                if bw <= MIN_BOX or bh <= MIN_BOX:
                    continue
                if shoelace(poly) >= RATIO * bw * bh:
                    continue  # self-overlap can only lower the signed area
                cov = coverage(poly, box, evenodd)
                if cov < RATIO:
                    found.append('%s: filled sub-path over %.1f x %.1f pt at (%.1f, %.1f) covers '
                                 '%.2f%% of its box; starts: %s'
                                 % (where, bw, bh, box[0], box[1], 100 * cov, ops.strip()))
            subpaths, cur = [], None
        elif op in ('S', 's', 'n'):
            subpaths, cur = [], None


OBJ = re.compile(rb'((?:%%[^\n]*\n)*)(\d+) 0 obj\n')


def check_pdf(path):
    """Slivers of one PDF: a list of descriptions."""
    out = subprocess.run(['qpdf', '--qdf', '--object-streams=disable', '--decode-level=generalized',
                          path, '-'], capture_output=True)
    if out.returncode not in (0, 3):
        # Not a PDF qpdf reads (the bad-input tests write such files on
        # purpose): validity is pdfinfo's test elsewhere, not this one's.
        print('# %s: skipped, qpdf cannot read it' % path)
        return []
    data = out.stdout
    found = []
    pos = 0
    while True:
        mt = OBJ.search(data, pos)
        if not mt:
            break
        head = data.find(b'\nstream\n', mt.end())
        done = data.find(b'\nendobj', mt.end())
        if done < 0:
            break
        pos = done
        if head < 0 or head > done:
            continue  # no stream in this object
        end = data.rfind(b'\nendstream', mt.end(), done + 1)
        if end < 0:
            continue
        d = data[mt.end():head]
        body = data[head + len(b'\nstream\n'):end]
        comment = mt.group(1).decode('latin-1')
        page = re.search(r'Contents for (page \d+)', comment)
        is_form = b'/Subtype /Form' in d
        is_pattern = b'/PatternType 1' in d
        if not (page or is_form or is_pattern) or b'/Filter' in d:
            continue
        where = '%s %s' % (path, page.group(1) if page else 'object %s' % mt.group(2).decode())
        check_stream(body, where, found)
    return found


def main(argv):
    verbose = '--verbose' in argv
    files = [a for a in argv if a != '--verbose']
    bad = 0
    for f in files:
        found = check_pdf(f)
        for line in found:
            print(line)
        bad += len(found) > 0
        if verbose and not found:
            print('%s: no sliver' % f)
    print('%d of %d PDFs with filled slivers' % (bad, len(files)))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
