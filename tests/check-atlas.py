#!/usr/bin/env python3
"""check-atlas.py ATLAS.pdf CODE... — the atlas navigates as it says.

Reads the PDF's objects with `qpdf --json` and the contents page's words
with `pdftotext -bbox-layout`, and checks: the first page carries one link
per entry (the overview and every CODE); each link lies over its entry's
text on the contents page and goes to the page labelled with that code
(the overview: "Ikhtisar"); the page number printed in the entry is that
page's number; there is one bookmark per entry going to the same page; the
document opens with the bookmarks shown.  Prints what is wrong and exits 1.
"""
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET


def main():
    pdf, codes = sys.argv[1], sys.argv[2:]
    data = json.loads(subprocess.run(["qpdf", "--json", "--json-key=pages", "--json-key=outlines",
                                      "--json-key=qpdf", pdf], check=True,
                                     capture_output=True).stdout)
    objects = data["qpdf"][1]
    pages = data["pages"]
    page_of = {p["object"]: i for i, p in enumerate(pages)}
    label = [(p.get("label") or {}).get("/P", "").removeprefix("u:") for p in pages]
    problems = []

    trailer = objects["trailer"]["value"]
    root = objects["obj:" + trailer["/Root"]]["value"]
    if root.get("/PageMode") != "/UseOutlines":
        problems.append("the document does not open on its bookmarks")

    # Words of the contents page, in PDF points with y up.
    xml = subprocess.run(["pdftotext", "-bbox-layout", "-f", "1", "-l", "1", pdf, "-"],
                         check=True, capture_output=True, text=True).stdout
    xml = re.sub(r'xmlns="[^"]+"', "", xml, count=1)
    tree = ET.fromstring(xml)
    height = float(tree.find(".//page").get("height"))
    words = [(w.text, float(w.get("xMin")), height - float(w.get("yMax")),
              float(w.get("xMax")), height - float(w.get("yMin")))
             for w in tree.iter("word")]

    page1 = objects["obj:" + pages[0]["object"]]["value"]
    annots = page1.get("/Annots", [])
    if isinstance(annots, str):
        annots = objects["obj:" + annots]["value"]
    wanted = {c: c for c in codes}
    wanted["Ikhtisar"] = "Ikhtisar"
    found = {}
    for ref in annots:
        a = objects["obj:" + ref]["value"] if isinstance(ref, str) else ref
        if a.get("/Subtype") != "/Link":
            continue
        dest = a.get("/Dest", [None])[0]
        if dest not in page_of:
            problems.append(f"a link goes nowhere: {a.get('/Dest')}")
            continue
        target = page_of[dest]
        x0, y0, x1, y1 = a["/Rect"]
        inside = [w for w in words if x0 <= (w[1] + w[3]) / 2 <= x1 and y0 <= (w[2] + w[4]) / 2 <= y1]
        texts = [w[0] for w in inside]
        code = label[target]
        if code not in wanted:
            problems.append(f"a link goes to page {target + 1} labelled '{code}'")
            continue
        if code != "Ikhtisar" and code not in texts:
            problems.append(f"the link to {code} lies over {texts}, not over its entry")
        if str(target + 1) not in texts:
            problems.append(f"the entry of {code} does not say page {target + 1}: {texts}")
        found[code] = target
    for c in wanted:
        if c not in found:
            problems.append(f"no link on the contents page for {c}")

    marks = {}
    for o in data["outlines"]:
        m = re.match(r"(\d+) ", o["title"])
        key = m.group(1) if m else ("Ikhtisar" if o["title"].startswith("Ikhtisar") else o["title"])
        marks[key] = o["destpageposfrom1"] - 1
    for c, target in found.items():
        if marks.get(c) != target:
            problems.append(f"the bookmark of {c} goes to {marks.get(c)}, the link to {target}")
    for p in problems:
        print(p)
    print(f"{len(found)} links checked, {len(marks)} bookmarks, {len(pages)} pages")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
