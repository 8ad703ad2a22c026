#!/usr/bin/env python3
"""check-scalebar.py — every scale-bar label stands where its value is.

A distance is read off a scale bar by its labels: a label that says 2 at
the tick of 2.5 km makes every distance measured against it 20% short.
For page 1 of each PDF given, the words of the bar are found with
poppler (pdftotext -bbox): "km" and, on its line to its left, the number
of the bar's end (left-aligned at the end tick) and the tick labels
before it (centred on their ticks, the first "0").  The end tick fixes
the bar's scale, points per km; every other label must then sit at its
own value: |position - value * scale| within TOLERANCE of the bar.

Usage: check-scalebar.py [--verbose] FILE.pdf...
One line per wrong or missing bar; exit status 1 when there is one.
"""
import html
import re
import subprocess
import sys

TOLERANCE = 0.005  # of the bar's length: about 0.5 pt on a 100 pt bar
WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>')
NUMBER = re.compile(r'^\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^\d+(?:,\d+)?$')


def value_of(text):
    """An Indonesian number ("1.000", "2,5", "0,25") as a float, or None."""
    if not NUMBER.match(text):
        return None
    return float(text.replace('.', '').replace(',', '.'))


def check(path):
    """Problems of the scale bar on page 1 of `path`, and what was read."""
    out = subprocess.run(['pdftotext', '-bbox', '-f', '1', '-l', '1', path, '-'],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return ['%s: pdftotext failed: %s' % (path, out.stderr.strip())], ''
    words = [(float(a), float(b), float(c), float(d), html.unescape(t))
             for a, b, c, d, t in WORD.findall(out.stdout)]
    bars = []
    for x0, y0, x1, y1, t in words:
        if t != 'km':
            continue
        line = sorted((w for w in words if abs(w[1] - y0) < 0.5 and w[2] <= x0 + 0.01 and
                       x0 - w[0] < 400), key=lambda w: w[0])
        nums = []
        for w in reversed(line):  # from "km" leftwards: end value, then the ticks
            v = value_of(w[4])
            if v is None:
                break
            nums.insert(0, (w, v))
        if len(nums) >= 2 and nums[0][1] == 0:
            bars.append(nums)
    if not bars:
        return ['%s: no scale bar found on page 1' % path], ''
    problems, seen = [], []
    for nums in bars:
        zero = (nums[0][0][0] + nums[0][0][2]) / 2  # "0" is centred on the bar's start
        end_w, end_v = nums[-1]
        end = end_w[0]  # the end value is left-aligned at the end tick
        length = end - zero
        scale = length / end_v  # points per km
        seen.append(' '.join(w[4] for w, _ in nums) + ' km over %.1f pt' % length)
        for w, v in nums[1:-1]:
            at = ((w[0] + w[2]) / 2 - zero) / scale
            if abs(at - v) * scale > TOLERANCE * length:
                problems.append('%s: scale bar %s km: the label "%s" stands at %.3g km' %
                                (path, nums[-1][0][4], w[4], at))
    return problems, '; '.join(seen)


def main(argv):
    verbose = '--verbose' in argv
    files = [a for a in argv if a != '--verbose']
    bad = 0
    for f in files:
        problems, seen = check(f)
        for p in problems:
            print(p)
        bad += len(problems) > 0
        if verbose and not problems:
            print('%s: %s' % (f, seen))
    print('%d of %d PDFs with a scale bar that misleads or is missing' % (bad, len(files)))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
