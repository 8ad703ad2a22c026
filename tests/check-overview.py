#!/usr/bin/env python3
"""check-overview.py — what a reader of the national overview sees, read
from the PDF (pdftotext -bbox-layout, a pdftoppm -gray raster) and the
placements the program reports (PETARAWAN_DEBUG_PLACEMENTS):

  marks PDF PLACEMENTS OUTDIR    every group has one number on the map, the
                                 number printed where its disc is, keyed to
                                 the table row of the group's name; no disc
                                 on a small group (its own or another's)
  named PDF NAME...              the names are on the map (inside the frame)
  borders PDF PLACEMENTS MIN     at least MIN dark pixels (grey < 60 at 100
                                 dpi) on the map away from discs and corners:
                                 borders between groups drawn heavy
Prints TAP-free lines "ok: ..." / "FAIL: ..."; exits 1 on any failure."""
import html, os, re, subprocess, sys

def words(pdf):
    xml = subprocess.run(["pdftotext", "-bbox-layout", "-f", "1", "-l", "1", pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    out = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', xml):
        out.append((float(m[1]), float(m[2]), float(m[3]), float(m[4]), html.unescape(m[5])))
    return out

def marks(path):
    out = []
    if not os.path.exists(path):
        ok(False, f"the program reported no placements ({path} missing)")
        return out
    for line in open(path):
        if not line.startswith("overview-mark "):
            continue
        f = line.split()
        d = dict(kv.split("=", 1) for kv in f[2:])
        d["code"] = f[1]
        for k in ("disc", "anchor", "box"):
            d[k] = [float(v) for v in d[k].split(",")]
        for k in ("rank", "placed", "small", "leader", "name"):
            d[k] = int(d[k])
        d["r"] = float(d["r"])
        out.append(d)
    return out

fails = []
def ok(cond, msg):
    print(("ok: " if cond else "FAIL: ") + msg)
    if not cond:
        fails.append(msg)

def cmd_marks(pdf, placements, outdir):
    ms = marks(placements)
    ws = words(pdf)
    slugs = {}
    for f in os.listdir(outdir):
        m = re.match(r"^(\d+)-(.+)\.pdf$", f)
        if m and m[1] != "00":
            slugs[m[1]] = m[2]
    ok(len(ms) == len(slugs), f"{len(ms)} marks for {len(slugs)} sheets")
    unplaced = [m["code"] for m in ms if not m["placed"]]
    ok(not unplaced, "every group's disc placed" + (": not " + ",".join(unplaced) if unplaced else ""))
    # The number printed at each disc.
    bad = []
    for m in ms:
        x, y = m["disc"]
        hit = [w for w in ws if w[4] == str(m["rank"]) and abs((w[0] + w[2]) / 2 - x) < 1.5
               and abs((w[1] + w[3]) / 2 - y) < 2.5]
        if len(hit) != 1:
            bad.append(m["code"])
    ok(not bad, "the number printed in each disc: " + (",".join(bad) or "all"))
    # The table row with that number names the group.
    table = {}
    rows = []
    # The ranked table is right of the map, its number column just left
    # of its header "Provinsi": words in lines by their top.
    head = [w for w in ws if w[4] in ("Provinsi", "Province")]
    left = head[0][0] - 20 if head else 500
    for w in sorted((w for w in ws if w[0] > left), key=lambda w: w[1]):
        if rows and abs(rows[-1][0][1] - w[1]) < 1.5:
            rows[-1].append(w)
        else:
            rows.append([w])
    for r in rows:
        r.sort()
        if r and r[0][4].isdigit():
            table[int(r[0][4])] = " ".join(w[4] for w in r[1:] if not re.match(r"^[\d.,]+$", w[4]))
    bad = []
    for m in ms:
        name = table.get(m["rank"], "")
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        if slug != slugs.get(m["code"]):
            bad.append(f'{m["code"]}: disc {m["rank"]} -> row "{name}"')
    ok(not bad, "each disc's number is the table row of its group: " + ("; ".join(bad) or f"all {len(ms)}"))
    # No disc on a small group.
    bad = []
    for m in ms:
        x, y = m["disc"]
        r = m["r"]
        for o in ms:
            if not o["small"]:
                continue
            b = o["box"]
            cx, cy = min(max(x, b[0]), b[2]), min(max(y, b[1]), b[3])
            if (cx - x) ** 2 + (cy - y) ** 2 < r * r:
                bad.append(f'disc {m["code"]} on {o["code"]}')
    ok(not bad, "no disc covers a small group: " + ("; ".join(bad) or "none does"))
    small = [m["code"] for m in ms if m["small"]]
    print("# small groups (disc beside, with a leader): " + ",".join(small))

def cmd_named(pdf, placements, names):
    ms = marks(placements)
    if not ms:
        return
    ws = words(pdf)
    x1 = max(m["box"][2] for m in ms) + 40
    text = " ".join(w[4] for w in sorted(ws, key=lambda w: (round(w[1]), w[0])) if w[0] < x1 and w[1] > 70 and w[3] < 540)
    for n in names:
        ok(n in text, f"'{n}' named on the map")
    ok(sum(m["name"] for m in ms) == len(names), f"{sum(m['name'] for m in ms)} names placed for {len(names)} chosen groups")

def cmd_borders(pdf, placements, minimum):
    ms = marks(placements)
    if not ms:
        return
    dpi = 100
    pgm = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", "1", "-l", "1", pdf],
                         capture_output=True, check=True).stdout
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", pgm)
    w, h = int(m[1]), int(m[2])
    px = pgm[m.end():]
    k = dpi / 72.0
    # The map area: the union of the groups' boxes.
    x0 = min(mk["box"][0] for mk in ms); y0 = min(mk["box"][1] for mk in ms)
    x1 = max(mk["box"][2] for mk in ms); y1 = max(mk["box"][3] for mk in ms)
    discs = [(mk["disc"][0] * k, mk["disc"][1] * k, (mk["r"] + 2) * k) for mk in ms]
    anchors = [(mk["anchor"][0] * k, mk["anchor"][1] * k, 2.5 * k) for mk in ms if mk["leader"]]
    n = 0
    for yy in range(int(y0 * k), int(y1 * k)):
        for xx in range(int(x0 * k), int(x1 * k)):
            if px[yy * w + xx] >= 60:
                continue
            if any((xx - a) ** 2 + (yy - b) ** 2 < r * r for a, b, r in discs + anchors):
                continue
            n += 1
    ok(n >= minimum, f"{n} dark pixels on the map outside discs (at least {minimum}: heavy borders between groups)")

if __name__ == "__main__":
    c = sys.argv[1]
    if c == "marks":
        cmd_marks(*sys.argv[2:5])
    elif c == "named":
        cmd_named(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif c == "borders":
        cmd_borders(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    sys.exit(1 if fails else 0)
