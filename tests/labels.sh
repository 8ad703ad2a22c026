#!/bin/sh
# labels.sh — every district of every sheet is named or numbered on the map,
# and no two labels overlap or leave the frame: the 38 kab/kota sheets are
# built and their text layer checked by check-labels.py (pdftotext)
# against the page geometry `petarawan papers --json` gives.  The builds
# with degree labels (--graticule) and the demo's countries as context, on
# A4 landscape (the briefing sheet), as A0 posters and on A4 portrait,
# check that those names and the neighbouring provinces' keep clear of the
# district labels, the corners and each other as well.  The A0 posters name
# at least as many districts as the A4 sheets, and no text on any sheet is
# cut with an ellipsis.
. "$TESTS_SRC/tap.sh"
shared_or_skip_all
S=$SHARED_DATA
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
build() {
  dir=$1
  shift
  "$PETARAWAN" build --boundaries "$S/batas/kabkota.shp" --key KODE --name NAMA --group KODE_PROV \
    --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" \
    --table "$S/skor/personel_kabkota_contoh.csv:kode_wilayah" \
    --value skor_ikp --style ikp-kabkota --format pdf -q -o "$T/$dir" "$@" ||
    { echo "1..1"; echo "not ok 1 - build $dir failed"; exit 1; }
}
context="--graticule --context $PETARAWAN_BUILD_DATA/demo.gpkg --context-layer negara"
build plain
# shellcheck disable=SC2086 # the options are words
build context $context
# shellcheck disable=SC2086
build a0 --paper A0 $context
# shellcheck disable=SC2086
build portrait --orientation portrait $context
"$PETARAWAN" papers --json > "$T/papers.json" ||
  { echo "1..1"; echo "not ok 1 - petarawan papers --json failed"; exit 1; }
# The countries' names, Indonesian (NAMA) and English (NAME).
ogr2ogr -f CSV /vsistdout/ "$PETARAWAN_BUILD_DATA/demo.gpkg" \
  -sql "SELECT NAMA AS n FROM negara UNION SELECT NAME FROM negara" |
  tail -n +2 | tr -d '"' > "$T/countries.txt"
exec python3 "$TESTS_SRC/check-labels.py" --names "$T/countries.txt" \
  --not-fewer "$T/context" "$T/a0" "$T/papers.json" \
  "$T"/plain/[1-9]*.pdf "$T"/context/[1-9]*.pdf "$T"/a0/[1-9]*.pdf "$T"/portrait/[1-9]*.pdf
