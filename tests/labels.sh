#!/bin/sh
# labels.sh — every district of every sheet is named or numbered on the map,
# and no two labels overlap or leave the frame: the 38 kab/kota sheets are
# built and their text layer checked by check-labels.py (pdftotext).
. "$TESTS_SRC/tap.sh"
shared_or_skip_all
S=$SHARED_DATA
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$PETARAWAN" build --boundaries "$S/batas/kabkota.shp" --key KODE --name NAMA --group KODE_PROV \
  --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" \
  --table "$S/skor/personel_kabkota_contoh.csv:kode_wilayah" \
  --value skor_ikp --style ikp-kabkota -q -o "$T" || { echo "1..1"; echo "not ok 1 - build failed"; exit 1; }
exec python3 "$TESTS_SRC/check-labels.py" "$T"/[1-9]*.pdf
