#!/bin/sh
# countries.sh — neighbouring countries are on the map by default (issue 12
# item 2): on every kab/kota sheet that borders a country, each country
# within the frame is drawn as land (poppler raster pixels inside it are
# not the sea colour; check-countries.py) and named inside the frame
# (pdftotext -bbox; check-context.py names), without any --context option;
# --context none leaves them out; the sheets whose frame holds no country
# draw the same without them.
. "$TESTS_SRC/tap.sh"
shared_or_skip_all
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
S=$SHARED_DATA
NEGARA=$PETARAWAN_DATA/negara.gpkg
py() {
  out=$(python3 "$@")
  printf '%s\n' "$out"
  TAP_N=$((TAP_N + $(printf '%s\n' "$out" | grep -c '^\(not \)\?ok ')))
  TAP_FAILED=$((TAP_FAILED + $(printf '%s\n' "$out" | grep -c '^not ok ')))
}
set -- --boundaries "$S/batas/kabkota.shp" --key KODE --name NAMA --group KODE_PROV \
  --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" --value skor_ikp --style ikp-kabkota \
  --format pdf -q -j 2
SHEETS=53,95,21,61,64,65,71,82,92,96
expect_status 0 "the ten border sheets built as users build them" \
  "$PETARAWAN" build "$@" --only $SHEETS -o "$T/default"
expect_status 0 "the same with --context none" \
  "$PETARAWAN" build "$@" --only $SHEETS -o "$T/none" --context none
raster() { pdftoppm -r 72 -f 1 -l 1 -singlefile "$1" "$2"; }
for pdf in "$T"/default/[1-9]*.pdf; do
  b=$(basename "$pdf" .pdf)
  raster "$pdf" "$T/$b.default"
  raster "$T/none/$b.pdf" "$T/$b.none"
done
# SHEET ISO NAME: the country ISO on SHEET, named NAME (capitals, as drawn).
while read -r sheet iso name; do
  b=$(cd "$T/default" && ls "$sheet"-*.pdf | sed 's/\.pdf$//')
  ogr2ogr -f GPKG "$T/$iso.gpkg" "$NEGARA" negara -where "ISO_A3 = '$iso'" 2>/dev/null
  if ! "$PETARAWAN" build "$@" --only "$sheet" -o "$T/one-$iso-$sheet" \
      --context "$T/$iso.gpkg" >/dev/null 2>&1; then
    not_ok "$sheet with only $iso as context: build failed"
    continue
  fi
  raster "$T/one-$iso-$sheet/$b.pdf" "$T/$b.$iso"
  py "$TESTS_SRC/check-countries.py" --from "$TAP_N" "$name on sheet $sheet" \
    "$T/$b.none.ppm" "$T/$b.$iso.ppm" "$T/$b.default.ppm"
  py "$TESTS_SRC/check-context.py" --from "$TAP_N" names "$T/default/$b.pdf" "$name"
done <<EOF2
53 TLS TIMOR LESTE
95 PNG PAPUA NUGINI
21 SGP SINGAPURA
21 MYS MALAYSIA
61 MYS MALAYSIA
64 MYS MALAYSIA
65 MYS MALAYSIA
65 BRN BRUNEI DARUSSALAM
71 PHL FILIPINA
EOF2
# Sheets with no country inside the frame: the countries change nothing there.
for sheet in 82 92 96; do
  b=$(cd "$T/default" && ls "$sheet"-*.pdf | sed 's/\.pdf$//')
  check "$sheet: no country inside the frame, the same raster without them" \
    cmp "$T/$b.default.ppm" "$T/$b.none.ppm"
done
done_testing
