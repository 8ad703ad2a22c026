#!/bin/sh
# demo.sh — the README's first command: the embedded demo (data/demo.petarawan,
# data/wilayah.gpkg) builds from the repository alone, with one sheet per
# province (38) of its kab/kota, the national overview of the published IKP
# 2024 province scores (the four provinces of 2022 explained, not warned
# about), the atlas with 38 + 1 bookmarks, a clean report (no unmatched
# rows), CONTOH on every sheet that shows the sample figures, all fonts
# embedded, and the same bytes from two clean builds.
. "$TESTS_SRC/tap.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$PETARAWAN_DATA/.." || exit 1
# Without ../shared: the demo reads only what the repository ships.
unset SHARED_DATA
start=$(date +%s)
expect_status 0 "demo project builds" "$PETARAWAN" build data/demo.petarawan -o "$T/demo"
end=$(date +%s)
echo "# demo built in $((end - start)) s"
REPORT=$OUT
contains "every kab/kota has its sample score" "Value skor_ikp: matched 514 of 514 districts"
contains "every published province score joins" "Table data/ikp2024_provinsi.csv (key kode): matched 34 of 34 rows"
contains "the four provinces of 2022 explained in the report" "4 of them are provinces formed in 2022"
case $REPORT in
  *unmatched:*) not_ok "the demo's report names unmatched rows"; printf '%s\n' "$REPORT" | grep -A3 'unmatched:' | sed 's/^/# /' ;;
  *) ok "no unmatched: lines in the demo's report" ;;
esac
n=$(ls "$T/demo" | grep -c '^[1-9][0-9]-.*\.pdf$')
[ "$n" = 38 ] && ok "38 province sheets" || not_ok "province sheets: $n"
n=$(ls "$T/demo" | grep -c '^[1-9][0-9]-.*\.png$')
[ "$n" = 38 ] && ok "38 province PNGs" || not_ok "province PNGs: $n"
check "00-nasional.pdf and .png written" test -s "$T/demo/00-nasional.pdf" -a -s "$T/demo/00-nasional.png"
# The atlas: contents, then the overview and every sheet, one bookmark each.
pages=$(pdfinfo "$T/demo/atlas.pdf" | awk '/^Pages:/ {print $2}')
sum=0
for f in "$T"/demo/00-nasional.pdf "$T"/demo/[1-9]*.pdf; do
  sum=$((sum + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}')))
done
[ "$sum" -ge 39 ] && [ "$pages" -gt "$sum" ] && ok "atlas: contents, the overview and 38 sheets ($pages pages)" ||
  not_ok "atlas pages: $pages for $sum pages of overview and sheets"
marks=$(qpdf --json --json-key=outlines "$T/demo/atlas.pdf" |
  python3 -c 'import json, sys; o = json.load(sys.stdin)["outlines"]; print(sum(1 for x in o if x["title"][:2].isdigit()), len(o))')
[ "$marks" = "38 39" ] && ok "atlas bookmarks: 38 sheets and the overview" || not_ok "atlas bookmarks (sheets, all): $marks"
nf=$(pdffonts "$T/demo/atlas.pdf" | awk 'NR > 2 && $(NF-4) != "yes"' | wc -l)
[ "$nf" = 0 ] && ok "fonts embedded" || not_ok "$nf fonts not embedded"
# CONTOH wherever the sample figures appear: every sheet (scores and personnel).
missing= seen=0
for f in "$T"/demo/[1-9]*.pdf; do
  [ -f "$f" ] || continue
  seen=$((seen + 1))
  pdftotext -f 1 -l 1 "$f" - | grep -q 'CONTOH' || missing="$missing $(basename "$f")"
done
[ -z "$missing" ] && [ "$seen" = 38 ] && ok "CONTOH on the first page of each of the 38 sheets" ||
  not_ok "CONTOH missing on:$missing (of $seen sheets)"
OUT=$(pdftotext "$T/demo/00-nasional.pdf" - 2>&1)
contains "the overview shows the real IKP 2024 score of DKI Jakarta" "88,95"
contains "the overview credits Bawaslu" "Bawaslu"
contains "the four provinces of 2022 explained on the overview" "4 provinsi dibentuk 2022, sesudah data ini: belum dinilai"
contains "the overview ranks the provinces" "Papua Barat Daya"
OUT=$(pdftotext "$T/demo/31-dki-jakarta.pdf" - 2>&1)
contains "sheet 31 has its six kab/kota" "Kab. Adm. Kepulauan Seribu"
contains "sample scores labelled on the sheet" "CONTOH"
contains "boundaries credited" "wilayah_boundaries"
# check reports the overview's inputs too; bad overview inputs stop the
# build before anything is written, naming the option and the input.
expect_status 0 "check on the demo" "$PETARAWAN" check data/demo.petarawan
contains "check reports the overview's join" "Overview (data/wilayah.gpkg):"
expect_status 2 "an overview value that is no field" "$PETARAWAN" build data/demo.petarawan \
  -o "$T/e1" --overview-value nope
contains "the option and field named" "--overview-value: no field 'nope' in the overview tables"
expect_status 2 "an overview table that cannot be read" "$PETARAWAN" build data/demo.petarawan \
  -o "$T/e2" --overview-table "$T/none.csv"
contains "the option and file named" "--overview-table: $T/none.csv: cannot open as a table"
# Overview options without the overview's boundaries are a usage error,
# found before any input is read (builder-config.c), each one named.
expect_status 2 "overview options without --overview-boundaries" "$PETARAWAN" build \
  tests/natural-earth.petarawan -o "$T/e3" --overview-value skor_ikp --overview-style ikp-provinsi
contains "--overview-value named" "--overview-value needs --overview-boundaries SRC"
contains "--overview-style named" "--overview-style needs --overview-boundaries SRC"
check "nothing written after bad overview inputs" test ! -e "$T/e1" -a ! -e "$T/e2" -a ! -e "$T/e3"
# Reproducible bytes in every format (SOURCE_DATE_EPOCH is set by the
# test environment): two clean builds, compared file by file.
for i in 1 2; do
  "$PETARAWAN" build data/demo.petarawan -o "$T/r$i" -q --format pdf,png,svg --dpi 72 -j 2 --only 31,53
done
check "two clean builds give identical PDF, PNG and SVG bytes" diff -r "$T/r1" "$T/r2"
n=$(ls "$T/r1" | grep -c '\.svg$')
[ "$n" = 3 ] && ok "an SVG per sheet and the overview" || not_ok "SVG files: $n"
check "SVG is well-formed XML" python3 -c "import sys, xml.dom.minidom as m; m.parse(sys.argv[1])" "$T/r1/31-dki-jakarta.svg"
done_testing
