#!/bin/sh
# posters.sh — --paper, --orientation and --tile on the demo: page sizes of
# every output, PNG pixels at the poster's default resolution, type that
# grows with the paper, portrait layout, bad values refused before anything
# is written, tiles that cover the poster with the promised overlap (the
# shared strip of two neighbours prints the same pixels), stay vector and
# carry their names, a manifest that knows the paper, and (on the real
# kab/kota) a poster's side with key figures and priorities that keeps its
# table on the page and collides with nothing.
. "$TESTS_SRC/tap.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
PROJECT=$TESTS_SRC/natural-earth.petarawan
IMGDIFF=$(dirname "$PETARAWAN")/../tests/imgdiff

# page_size PDF [PAGE]: "W x H" in points, from pdfinfo.
page_size() {
  pdfinfo -f "${2:-1}" -l "${2:-1}" "$1" 2>/dev/null |
    sed -n 's/^Page *[0-9]* size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 x \2/p;s/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 x \2/p' |
    head -1
}
pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
# word_height PDF WORD: height of the first WORD in the PDF's text layer.
word_height() {
  pdftotext -bbox -f 1 -l 1 "$1" - | grep -m1 ">$2<" |
    sed 's/.*yMin="\([0-9.]*\)".*yMax="\([0-9.]*\)".*/\1 \2/' | awk '{print $2 - $1}'
}

# ---- papers ----
expect_status 0 "papers lists the sizes" "$PETARAWAN" papers
contains "papers lists A0 with its 100 pt title" "A0      841 x 1189   4.00  100.0"
expect_status 0 "papers --json" "$PETARAWAN" papers --json
check "papers --json gives 10 pages with boxes" python3 -c '
import json, sys
p = json.loads(sys.argv[1])
assert len(p) == 10, len(p)
for e in p:
    assert len(e["map"]) == 4 and len(e["map_reserved"]) == 3
a0 = [e for e in p if e["paper"] == "A0" and e["orientation"] == "landscape"][0]
assert abs(a0["width_pt"] - 3370.39) < 0.01 and a0["sizes_pt"]["title"] == 100' "$OUT"
expect_status 2 "papers with an unknown option" "$PETARAWAN" papers --frob

# ---- bad values: exit 2, nothing written ----
expect_status 2 "--paper A5 refused" "$PETARAWAN" build "$PROJECT" --paper A5 -o "$T/bad"
contains "--paper error names the value and the choices" "--paper: unknown paper 'A5' (A0, A1, A2, A3, A4)"
expect_status 2 "--orientation sideways refused" "$PETARAWAN" build "$PROJECT" --orientation sideways -o "$T/bad"
contains "--orientation error names the value" "--orientation: 'sideways' is neither landscape nor portrait"
expect_status 2 "--tile A2 refused" "$PETARAWAN" build "$PROJECT" --paper A0 --tile A2 -o "$T/bad"
contains "--tile error names the choices" "--tile: 'A2' is not a tile paper (A4, A3)"
expect_status 2 "--tile A3 on A3 refused" "$PETARAWAN" build "$PROJECT" --paper A3 --tile A3 -o "$T/bad"
contains "--tile error says the poster must be larger" "tiles need a larger --paper (A0 to A2)"
expect_status 2 "an A0 PNG beyond cairo's size refused" "$PETARAWAN" build "$PROJECT" --paper A0 --dpi 800 -o "$T/bad"
contains "--dpi error gives the largest" "more than 32767; at most --dpi 699"
check "nothing written after bad values" test ! -e "$T/bad"

# ---- A4 landscape (the default) and A0 ----
expect_status 0 "demo on A4" "$PETARAWAN" build "$PROJECT" -o "$T/a4" -q
expect_status 0 "demo as A0 posters with A4 tiles" "$PETARAWAN" build "$PROJECT" -o "$T/a0" \
  --paper A0 --tile A4 --dpi 20 -q
check "A4 sheet is 841.89 x 595.28 pt" test "$(page_size "$T/a4/3-jawa.pdf")" = "841.89 x 595.28"
check "A0 sheet is 3370.39 x 2383.94 pt" test "$(page_size "$T/a0/3-jawa.pdf")" = "3370.39 x 2383.94"
check "A0 overview is A0" test "$(page_size "$T/a0/00-nasional.pdf")" = "3370.39 x 2383.94"
check "A0 atlas contents page is A0" test "$(page_size "$T/a0/atlas.pdf" 1)" = "3370.39 x 2383.94"
codes=$(ls "$T/a0" | sed -n 's/^\([1-9][0-9]*\)-[a-z0-9-]*[a-z]\.pdf$/\1/p')
OUT=$(python3 "$TESTS_SRC/check-atlas.py" "$T/a0/atlas.pdf" $codes 2>&1)
[ $? -eq 0 ] && ok "A0 atlas: a link per group over its entry to its page, bookmarks agree" \
  || { not_ok "A0 atlas navigation"; printf '%s\n' "$OUT" | sed 's/^/# /' | head -20; }
check "A0 atlas pages are A0" test "$(page_size "$T/a0/atlas.pdf" 3)" = "3370.39 x 2383.94"
check "A0 PNG at 20 dpi is 936 x 662 pixels" sh -c \
  "file '$T/a0/3-jawa.png' | grep -q '936 x 662'"
# Without --dpi a poster's PNG has the pixels of an A4 at 300 dpi: A2 at 150.
D=$PETARAWAN_BUILD_DATA/demo.gpkg
expect_status 0 "A2 PNG at the default resolution" "$PETARAWAN" build --boundaries "$D" \
  --layer provinsi --key KODE --name NAMA --group KODE_PULAU \
  --table "$PETARAWAN_DATA/ikp2024_provinsi.csv:kode" --value skor_ikp --style ikp-provinsi \
  --only 3 --overview-only --paper A2 --format png -o "$T/a2" -q
check "A2 PNG is 3508 x 2480 pixels (150 dpi)" sh -c \
  "file '$T/a2/00-nasional.png' | grep -q '3508 x 2480'"
# The title is 100 pt on A0, 15 on A4: its words are 6.7 times as tall.
h4=$(word_height "$T/a4/3-jawa.pdf" Kerawanan)
h0=$(word_height "$T/a0/3-jawa.pdf" Kerawanan)
check "A0 title is 6.7 times the A4 title ($h0 vs $h4 pt)" \
  awk -v a="$h4" -v b="$h0" 'BEGIN { r = b / a; exit !(r > 6.5 && r < 6.9) }'
# District names: 28 pt on A0, 6.5 on A4 (4.3 times).
h4=$(word_height "$T/a4/3-jawa.pdf" Banten)
h0=$(word_height "$T/a0/3-jawa.pdf" Banten)
check "A0 map labels are 4.3 times the A4 ones ($h0 vs $h4 pt)" \
  awk -v a="$h4" -v b="$h0" 'BEGIN { r = b / a; exit !(r > 4.2 && r < 4.4) }'

# ---- tiles ----
TILES=$T/a0/3-jawa-tiles-a4.pdf
check "tiles written for every poster" test -f "$TILES" -a -f "$T/a0/00-nasional-tiles-a4.pdf"
check "no tiles for the atlas" test ! -e "$T/a0/atlas-tiles-a4.pdf"
check "A0 on A4: an index page and 5 x 5 tiles" test "$(pages "$TILES")" = 26
check "tiles are A4 landscape" test "$(page_size "$TILES" 2)" = "841.89 x 595.276"
OUT=$(pdfimages -list "$TILES" 2>&1 | tail -n +3)
check "tiles are vector: no images" test -z "$OUT"
OUT=$(pdftotext -f 1 -l 1 "$TILES" - 2>&1)
contains "index page says how to assemble" "tumpang tindih 10 mm"
contains "index page says to print at 100%" "skala 100%"
OUT=$(pdftotext -f 9 -l 9 "$TILES" - 2>&1)
contains "page 9 is tile B3" "B3"
contains "tile B3 says where it is" "baris B dari 5, kolom 3 dari 5"
OUT=$(pdftotext -f 2 -l 2 "$TILES" - 2>&1)
contains "tile A1 carries the poster's text" "Peta Kerawanan"
# Page labels, as a viewer shows them (qpdf gives the label ranges).
OUT=$(qpdf --json --json-key=pagelabels "$TILES" | python3 -c '
import json, sys
ranges = json.load(sys.stdin)["pagelabels"]
labels = []
for page in range(26):
    r = max((r for r in ranges if r["index"] <= page), key=lambda r: r["index"])
    l = r["label"]
    text = l.get("/P", "u:")[2:]
    if "/S" in l:
        text += str(l.get("/St", 1) + page - r["index"])
    labels.append(text)
print(" ".join(labels))')
contains "tile pages are labelled Indeks, A1 .. E5" "Indeks A1 A2 A3 A4 A5 B1 B2 B3 B4 B5 C1 C2 C3 C4 C5 D1 D2 D3 D4 D5 E1 E2 E3 E4 E5"
# At 50.8 dpi one millimetre is two pixels: margin 12 mm, overlap 10 mm,
# step 297 - 24 - 10 = 263 mm.  The right strip of A1 and the left strip
# of A2 show the same part of the poster.
pdftoppm -r 50.8 -f 2 -l 2 -singlefile -png -x 550 -y 24 -W 20 -H 372 "$TILES" "$T/a1-right"
pdftoppm -r 50.8 -f 3 -l 3 -singlefile -png -x 24 -y 24 -W 20 -H 372 "$TILES" "$T/a2-left"
check "tiles A1 and A2 overlap by 10 mm of the same poster" \
  "$IMGDIFF" "$T/a1-right.png" "$T/a2-left.png" 64 8
# ... and a strip 1 mm further in is not the same (the check can fail).
pdftoppm -r 50.8 -f 3 -l 3 -singlefile -png -x 26 -y 24 -W 20 -H 372 "$TILES" "$T/a2-off"
check "a shifted strip differs" sh -c "! '$IMGDIFF' '$T/a1-right.png' '$T/a2-off.png' 64 8"
# Rows: the bottom strip of A1 is the top strip of B1 (step 210-24-10 = 176 mm).
pdftoppm -r 50.8 -f 2 -l 2 -singlefile -png -x 24 -y 376 -W 546 -H 20 "$TILES" "$T/a1-bottom"
pdftoppm -r 50.8 -f 7 -l 7 -singlefile -png -x 24 -y 24 -W 546 -H 20 "$TILES" "$T/b1-top"
check "tiles A1 and B1 overlap by 10 mm of the same poster" \
  "$IMGDIFF" "$T/a1-bottom.png" "$T/b1-top.png" 64 8
OUT=$(cat "$T/a0/manifest.json")
contains "manifest lists the tiles" "3-jawa-tiles-a4.pdf"
expect_status 0 "the A0 tiles again, one job" "$PETARAWAN" build "$PROJECT" -o "$T/a0b" \
  --paper A0 --tile A4 --format pdf --overview-only -j 1 -q
check "the same inputs give the same tile bytes" cmp "$T/a0/00-nasional-tiles-a4.pdf" "$T/a0b/00-nasional-tiles-a4.pdf"

# ---- portrait ----
expect_status 0 "demo on A4 portrait" "$PETARAWAN" build "$PROJECT" -o "$T/p" --orientation portrait --format pdf -q
check "portrait sheet is 595.28 x 841.89 pt" test "$(page_size "$T/p/3-jawa.pdf")" = "595.28 x 841.89"
# The table sits below the map: its header "Skor" below the map frame's bottom.
"$PETARAWAN" papers --json > "$T/papers.json"
bottom=$(python3 -c 'import json,sys
p = [e for e in json.load(open(sys.argv[1])) if e["paper"] == "A4" and e["orientation"] == "portrait"][0]
print(p["map"][1] + p["map"][3])' "$T/papers.json")
skor=$(pdftotext -bbox -f 1 -l 1 "$T/p/3-jawa.pdf" - | grep -m1 '>Skor<' | sed 's/.*yMin="\([0-9.]*\)".*/\1/')
check "portrait: the table ($skor) is below the map ($bottom)" \
  awk -v a="$skor" -v b="$bottom" 'BEGIN { exit !(a > b) }'

# ---- the side of a poster: key figures, priorities and the table ----
# Jawa Timur (38 kab/kota) with a doctrine ratio that makes ten priorities
# and proportional circles: the fullest side a sheet has.  On A0 landscape
# and portrait the table still fits on the poster (its rows at 9 pt) and
# nothing outside the map collides or runs into the footer; on A4 portrait
# the table continues on a second page, as the A4 sheet's may.
if [ -f "$SHARED_DATA/batas/kabkota.shp" ]; then
  S=$SHARED_DATA
  side() {
    dir=$1
    shift
    "$PETARAWAN" build --boundaries "$S/batas/kabkota.shp" --key KODE --name NAMA \
      --group KODE_PROV --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" \
      --table "$S/skor/personel_kabkota_contoh.csv:kode_wilayah" --value skor_ikp \
      --style ikp-kabkota --officers-per-tps 3 --symbols officers --only 35 --format pdf -q \
      -o "$T/$dir" "$@"
  }
  expect_status 0 "Jawa Timur with ten priorities on A0" side side-a0 --paper A0 --tile A4
  expect_status 0 "... on A0 portrait" side side-a0p --paper A0 --orientation portrait
  expect_status 0 "... on A4 portrait" side side-a4p --orientation portrait
  check "A0: the table fits on the poster" test "$(pages "$T/side-a0/35-jawa-timur.pdf")" = 1
  check "A0 portrait: the table fits on the poster" \
    test "$(pages "$T/side-a0p/35-jawa-timur.pdf")" = 1
  check "A4 portrait: the table continues" test "$(pages "$T/side-a4p/35-jawa-timur.pdf")" = 2
  OUT=$(python3 "$TESTS_SRC/check-side.py" "$T/papers.json" "$T"/side-a0/35-jawa-timur.pdf \
    "$T"/side-a0p/35-jawa-timur.pdf "$T"/side-a4p/35-jawa-timur.pdf 2>&1)
  case $OUT in
    *"not ok"*) not_ok "the side's text collides"; printf '%s\n' "$OUT" | sed 's/^/# /' | head -30 ;;
    *"1..3"*) ok "no text collides outside the map on A0, A0 portrait and A4 portrait" ;;
    *) not_ok "check-side.py failed"; printf '%s\n' "$OUT" | sed 's/^/# /' | head -10 ;;
  esac
  expect_status 0 "the A0 sheet's tiles carry the key figures" \
    pdftotext -f 2 -l 26 "$T/side-a0/35-jawa-timur-tiles-a4.pdf" -
  contains "... and the priorities list" "Prioritas penebalan (10)"
else
  skip "the side of a poster: shared data not found at $SHARED_DATA"
fi

# ---- project files take the same keys ----
cat > "$T/poster.petarawan" <<EOF
[petarawan]
boundaries=$PETARAWAN_BUILD_DATA/demo.gpkg
layer=provinsi
key=KODE
name=NAMA
group=KODE_PULAU
table=$PETARAWAN_DATA/ikp2024_provinsi.csv:kode
value=skor_ikp
style=ikp-provinsi
only=3
format=pdf
paper=A2
orientation=portrait
tile=A3
EOF
expect_status 0 "a project file with paper, orientation and tile" "$PETARAWAN" build "$T/poster.petarawan" -o "$T/proj" -q
check "project: A2 portrait" test "$(page_size "$T/proj/3-3.pdf")" = "1190.55 x 1683.78"
check "project: A3 tiles" test -f "$T/proj/3-3-tiles-a3.pdf"
printf '[petarawan]\npaper=B2\n' > "$T/bad.petarawan"
expect_status 2 "a project file with a bad paper" "$PETARAWAN" build "$T/bad.petarawan" --boundaries "$T/none.shp" --key K --value v -o "$T/badproj"
contains "its error names the value" "--paper: unknown paper 'B2'"

# ---- incremental builds know the paper ----
expect_status 0 "A0 rebuilt unchanged" "$PETARAWAN" build "$PROJECT" -o "$T/a0" --paper A0 --tile A4 --dpi 20
contains "nothing redrawn" "0 sheets redrawn"
expect_status 0 "the same folder on A1" "$PETARAWAN" build "$PROJECT" -o "$T/a0" --paper A1 --tile A4 --dpi 20
contains "another paper redraws the sheets" "redrawn: atlas (changed)"
check "A1 sheet is A1" test "$(page_size "$T/a0/3-jawa.pdf")" = "2383.94 x 1683.78"
done_testing
