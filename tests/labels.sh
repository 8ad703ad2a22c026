#!/bin/sh
# labels.sh — every district of every sheet is named or numbered on the map,
# and no two labels overlap or leave the frame: the 38 kab/kota sheets are
# built on A4 landscape (the briefing sheet), as A0 posters and on A4
# portrait, and their text layer checked by check-labels.py (pdftotext)
# against the page geometry `petarawan papers --json` gives.
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
build a4
build a0 --paper A0
build portrait --orientation portrait
"$PETARAWAN" papers --json > "$T/papers.json" ||
  { echo "1..1"; echo "not ok 1 - petarawan papers --json failed"; exit 1; }
exec python3 "$TESTS_SRC/check-labels.py" "$T/papers.json" "$T"/a4/[1-9]*.pdf "$T"/a0/[1-9]*.pdf \
  "$T"/portrait/[1-9]*.pdf
