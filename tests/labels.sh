#!/bin/sh
# labels.sh — every district of every sheet is named or numbered on the map,
# and no two labels overlap or leave the frame: the 38 kab/kota sheets are
# built and their text layer checked by check-labels.py (pdftotext).  A
# second build adds degree labels (--graticule) and the demo's countries
# as context: their names and the neighbouring provinces' must keep clear
# of the district labels, the corners and each other as well.
. "$TESTS_SRC/tap.sh"
shared_or_skip_all
S=$SHARED_DATA
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
set -- --boundaries "$S/batas/kabkota.shp" --key KODE --name NAMA --group KODE_PROV \
  --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" \
  --table "$S/skor/personel_kabkota_contoh.csv:kode_wilayah" \
  --value skor_ikp --style ikp-kabkota -q
"$PETARAWAN" build "$@" -o "$T/plain" &&
  "$PETARAWAN" build "$@" -o "$T/context" --graticule \
    --context "$PETARAWAN_BUILD_DATA/demo.gpkg" --context-layer negara ||
  { echo "1..1"; echo "not ok 1 - build failed"; exit 1; }
# The countries' names, Indonesian (NAMA) and English (NAME).
ogr2ogr -f CSV /vsistdout/ "$PETARAWAN_BUILD_DATA/demo.gpkg" \
  -sql "SELECT NAMA AS n FROM negara UNION SELECT NAME FROM negara" |
  tail -n +2 | tr -d '"' > "$T/countries.txt"
exec python3 "$TESTS_SRC/check-labels.py" --names "$T/countries.txt" \
  "$T"/plain/[1-9]*.pdf "$T"/context/[1-9]*.pdf
