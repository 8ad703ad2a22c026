#!/bin/sh
# context.sh — what surrounds the map and the languages of the sheets:
# names of neighbouring groups and countries inside the map frame,
# --graticule degree labels (8°LS / 8°S) close to the edges, --lang en
# without any fixed Indonesian text and with English number formats, the
# security marking at the top and bottom of every page, --logo PNG and SVG
# in the title band (one embedded copy in the atlas), and errors that name
# the file or option.  Text positions come from pdftotext -bbox-layout
# (check-context.py, check-labels.py).
. "$TESTS_SRC/tap.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
CHECK=$TESTS_SRC/check-context.py
CATALOGUE=$TESTS_SRC/../render/render-lang.c
LOGO=$TESTS_SRC/logo
# py ARGS...: runs check-context.py, numbering its TAP lines after ours.
py() {
  out=$(python3 "$CHECK" --from "$TAP_N" "$@")
  printf '%s\n' "$out"
  TAP_N=$((TAP_N + $(printf '%s\n' "$out" | grep -c '^\(not \)\?ok ')))
  TAP_FAILED=$((TAP_FAILED + $(printf '%s\n' "$out" | grep -c '^not ok ')))
}

cd "$PETARAWAN_DATA/.." || exit 1
# --- Indonesian (default), with graticule, marking and a PNG logo -------
expect_status 0 "demo built in Indonesian with --graticule --marking --logo PNG" \
  "$PETARAWAN" build tests/natural-earth.petarawan -o "$T/id" --format pdf --graticule \
  --marking TERBATAS --logo "$LOGO/logo.png" -q
py names "$T/id/3-jawa.pdf" Sumatera Kalimantan
py names "$T/id/00-nasional.pdf" AUSTRALIA MALAYSIA KAMBOJA
py ticks id "$T/id/3-jawa.pdf" "$T/id/5-bali-dan-nusa-tenggara.pdf" "$T/id/00-nasional.pdf"
py number id "$T/id/3-jawa.pdf" "$T/id/7-sulawesi.pdf"
py marking TERBATAS "$T/id/atlas.pdf" "$T/id/00-nasional.pdf" "$T/id/3-jawa.pdf"
# The PNG logo: on every page of the atlas; embedded once in a sheet
# whose table runs over several pages.
images=$(pdfimages -list "$T/id/atlas.pdf" | awk 'NR > 2 && $3 == "image" && $4 == 160 && $5 == 64')
pages=$(pdfinfo "$T/id/atlas.pdf" | awk '/^Pages:/ {print $2}')
shown=$(printf '%s\n' "$images" | grep -c .)
check "the 160 x 64 PNG logo is on all $pages atlas pages ($shown)" test "$shown" -eq "$pages"
# The titles move right of the logo (35 pt high, 87.5 pt wide).
title_x=$(pdftotext -bbox -f 1 -l 1 "$T/id/3-jawa.pdf" - | grep '>Peta<' | head -1 |
  sed 's/.*xMin="\([0-9.]*\)".*/\1/')
check "the title starts right of the logo (x $title_x)" \
  awk -v x="$title_x" 'BEGIN { exit !(x > 28 + 87 + 8 && x < 28 + 87 + 12) }'

# --- English, with an SVG logo --------------------------------------------
expect_status 0 "demo built in English with an SVG logo" \
  "$PETARAWAN" build tests/natural-earth.petarawan -o "$T/en" --format pdf --graticule --lang en \
  --marking TERBATAS --logo "$LOGO/logo.svg" -q \
  --title "Election Vulnerability Map" --index-name "IKP 2024 (Bawaslu)" \
  --index-date "Published December 2022" --unit-name Provinces --group-kind Region \
  --sources "Bawaslu (IKP 2024); boundaries Natural Earth; personnel figures are SAMPLE data"
py strings "$CATALOGUE" "$T/en/atlas.pdf"
py names "$T/en/00-nasional.pdf" AUSTRALIA MALAYSIA CAMBODIA
py ticks en "$T/en/3-jawa.pdf" "$T/en/00-nasional.pdf"
py number en "$T/en/3-jawa.pdf" "$T/en/7-sulawesi.pdf"
py marking TERBATAS "$T/en/atlas.pdf"
OUT=$(pdftotext "$T/en/3-jawa.pdf" -)
contains "English legend" "No data"
contains "English class names" "High"
contains "English footer" "Made 1 January 2026 with petarawan"
contains "English sheet mark" "Sheet 3"
# The SVG logo is drawn (dark blue shield) where the title band begins.
pdftoppm -r 72 -gray -x 28 -y 21 -W 28 -H 35 -f 1 -l 1 "$T/en/3-jawa.pdf" "$T/logo-svg"
dark() { python3 -c 'import sys
d = open(sys.argv[1], "rb").read().split(b"\n", 3)[3]
print(sum(1 for v in d if v < 128))' "$1"; }
svg_dark=$(dark "$T"/logo-svg*.pgm)
check "the SVG logo is drawn in the title band ($svg_dark dark pixels)" test "$svg_dark" -gt 150

# --- the same without a logo: nothing dark there ---------------------------
expect_status 0 "demo built without a logo" \
  "$PETARAWAN" build tests/natural-earth.petarawan -o "$T/plain" --format pdf -q --only 3
pdftoppm -r 72 -gray -x 28 -y 21 -W 28 -H 35 -f 1 -l 1 "$T/plain/3-jawa.pdf" "$T/plain-band"
plain_dark=$(dark "$T"/plain-band*.pgm)
check "without a logo the band holds only the title's first letter ($plain_dark dark pixels)" \
  test "$plain_dark" -lt "$svg_dark"

# --- rebuilds: language, graticule and the logo's bytes redraw ------------
cp "$LOGO/logo.svg" "$T/mine.svg"
set -- tests/natural-earth.petarawan -o "$T/inc" --format pdf --logo "$T/mine.svg"
expect_status 0 "first build into a folder" "$PETARAWAN" build "$@"
expect_status 0 "the same build again" "$PETARAWAN" build "$@"
contains "nothing redrawn" "0 sheets redrawn, 7 unchanged"
expect_status 0 "in English" "$PETARAWAN" build "$@" --lang en
contains "--lang redraws every sheet" "7 sheets redrawn, 0 unchanged"
expect_status 0 "with degree ticks" "$PETARAWAN" build "$@" --lang en --graticule
contains "--graticule redraws every sheet" "7 sheets redrawn, 0 unchanged"
sed 's/#1f3b73/#7a1f1f/' "$LOGO/logo.svg" > "$T/mine.svg"
expect_status 0 "with the logo's colour changed" "$PETARAWAN" build "$@" --lang en --graticule
contains "a changed logo file redraws every sheet" "7 sheets redrawn, 0 unchanged"

# --- errors ------------------------------------------------------------------
printf 'not an image\n' > "$T/logo.txt"
head -c 60 "$LOGO/logo.png" > "$T/cut.png"
printf '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>\n' > "$T/nosize.svg"
expect_status 2 "a missing logo" "$PETARAWAN" build tests/natural-earth.petarawan -o "$T/e1" --logo "$T/none.png"
contains "the missing logo named" "$T/none.png: cannot read the logo"
expect_status 2 "a logo that is no image" "$PETARAWAN" build tests/natural-earth.petarawan -o "$T/e2" --logo "$T/logo.txt"
contains "the bad logo named" "$T/logo.txt: the logo is neither a PNG nor a readable SVG image"
expect_status 2 "a truncated PNG logo" "$PETARAWAN" build tests/natural-earth.petarawan -o "$T/e3" --logo "$T/cut.png"
contains "the truncated PNG named" "$T/cut.png: the logo is not a readable PNG image"
expect_status 2 "an SVG logo without a size" "$PETARAWAN" build tests/natural-earth.petarawan -o "$T/e4" --logo "$T/nosize.svg"
contains "the sizeless SVG named" "$T/nosize.svg: the SVG logo has no size"
check "nothing written after a bad logo" test ! -e "$T/e1" -a ! -e "$T/e2" -a ! -e "$T/e3" -a ! -e "$T/e4"
expect_status 2 "an unknown language" "$PETARAWAN" build tests/natural-earth.petarawan -o "$T/e5" --lang fr
contains "the language named" "--lang: 'fr' is not a language of the map text (id or en)"
expect_status 2 "a context name field that does not exist" \
  "$PETARAWAN" build tests/natural-earth.petarawan -o "$T/e6" --context-name NOPE
contains "the field and option named" "no field 'NOPE' for the name (--context-name)"

# --- the real kab/kota boundaries: NTT, Kepulauan Riau, DKI, Jawa Timur ----
if [ -f "$SHARED_DATA/batas/kabkota.shp" ]; then
  S=$SHARED_DATA
  set -- --boundaries "$S/batas/kabkota.shp" --key KODE --name NAMA --group KODE_PROV \
    --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" \
    --table "$S/skor/personel_kabkota_contoh.csv:kode_wilayah" \
    --value skor_ikp --style ikp-kabkota --only 53,21,31,35 --graticule \
    --context "$PETARAWAN_BUILD_DATA/demo.gpkg" --context-layer negara -q
  expect_status 0 "kab/kota sheets in Indonesian" "$PETARAWAN" build "$@" -o "$T/kab-id"
  expect_status 0 "kab/kota sheets in English" "$PETARAWAN" build "$@" -o "$T/kab-en" --lang en
  py names "$T/kab-id/35-jawa-timur.pdf" "Jawa Tengah" Bali
  py names "$T/kab-id/31-dki-jakarta.pdf" Banten "Jawa Barat"
  py names "$T/kab-id/21-kepulauan-riau.pdf" Riau Jambi MALAYSIA
  py names "$T/kab-en/21-kepulauan-riau.pdf" Riau Jambi MALAYSIA
  py ticks id "$T"/kab-id/[1-9]*.pdf
  py ticks en "$T"/kab-en/[1-9]*.pdf
  py number en "$T/kab-en/53-nusa-tenggara-timur.pdf"
  py strings "$CATALOGUE" "$T/kab-en/atlas.pdf"
  # One sheet of all 514 kab/kota: its table continues on more pages, each
  # with the marking at the top and bottom, in English.
  expect_status 0 "one English sheet of all 514 kab/kota" "$PETARAWAN" build \
    --boundaries "$S/batas/kabkota.shp" --key KODE --name NAMA \
    --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" --value skor_ikp \
    --style ikp-kabkota --lang en --marking RAHASIA -q -o "$T/all"
  sheet=$(ls "$T"/all/*.pdf | grep -v -e atlas -e 00-nasional)
  pages=$(pdfinfo "$sheet" | awk '/^Pages:/ {print $2}')
  check "the table continues on more pages ($pages)" test "$pages" -ge 3
  py marking RAHASIA "$sheet"
  "$PETARAWAN" build --boundaries "$S/batas/kabkota.shp" --key KODE --name NAMA \
    --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" --value skor_ikp \
    --style ikp-kabkota --logo "$LOGO/logo.png" -q -o "$T/all-logo" --format pdf
  sheet_logo=$(ls "$T"/all-logo/*.pdf | grep -v -e atlas -e 00-nasional)
  images=$(pdfimages -list "$sheet_logo" | awk 'NR > 2 && $3 == "image" && $4 == 160 && $5 == 64')
  shown=$(printf '%s\n' "$images" | grep -c .)
  objects=$(printf '%s\n' "$images" | awk '{print $11}' | sort -u | grep -c .)
  pages=$(pdfinfo "$sheet_logo" | awk '/^Pages:/ {print $2}')
  if [ "$shown" -eq "$pages" ] && [ "$objects" -eq 1 ]; then
    ok "the PNG logo is on all $pages pages of the long sheet, embedded once"
  else
    not_ok "PNG logo: on $shown of $pages pages, $objects embedded copies"
  fi
  py strings "$CATALOGUE" "$sheet"
  OUT=$(pdftotext -f 2 -l 2 "$sheet" -)
  contains "continuation pages say so in English" "table continued"
  # Names and degree labels clear of the district labels and each other.
  ogr2ogr -f CSV /vsistdout/ "$PETARAWAN_BUILD_DATA/demo.gpkg" \
    -sql "SELECT NAMA AS n FROM negara UNION SELECT NAME FROM negara" |
    tail -n +2 | tr -d '"' > "$T/countries.txt"
  out=$(python3 "$TESTS_SRC/check-labels.py" --names "$T/countries.txt" \
    "$T"/kab-id/[1-9]*.pdf "$T"/kab-en/[1-9]*.pdf)
  printf '%s\n' "$out" | sed 's/^/# /'
  if printf '%s\n' "$out" | grep -q '^not ok'; then
    not_ok "labels, names and degree labels overlap somewhere (see above)"
  else
    ok "labels, names and degree labels never overlap on the 8 kab/kota sheets"
  fi
else
  skip "kab/kota sheets: shared data not found at $SHARED_DATA"
fi
done_testing
