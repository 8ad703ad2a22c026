#!/bin/sh
# visible.sh — every district's class colour shows on paper.  The 38
# kab/kota sheets are drawn in the test drawing mode (PETARAWAN_DEBUG_IDS=1,
# each district in a colour of its own under the real overlays: lines,
# labels, number discs, leaders, neighbours' names, scale bar, north arrow)
# and rasterised by poppler; check-visible.py counts what shows of each
# district (at least 2 mm²), and the A0 posters of seven hard provinces
# likewise.  Then a real sheet: Jawa Timur with a table
# edited so that Kota Mojokerto (35.76) is alone in the top class, every
# other district in the lowest; the top class's colour must show on at
# least 2 mm² of the map frame.
. "$TESTS_SRC/tap.sh"
shared_or_skip_all
S=$SHARED_DATA
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
PIXCOUNT=$(dirname "$PETARAWAN")/../tests/pixcount
set -- --boundaries "$S/batas/kabkota.shp" --key KODE --name NAMA --group KODE_PROV \
  --table "$S/skor/personel_kabkota_contoh.csv:kode_wilayah" --value skor_ikp --style ikp-kabkota \
  --format pdf -q
PETARAWAN_DEBUG_IDS=1 "$PETARAWAN" build "$@" --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" \
  -o "$T/ids" || { echo "1..1"; echo "not ok 1 - build in the test drawing mode failed"; exit 1; }
"$PETARAWAN" papers --json > "$T/papers.json"
ogr2ogr -f CSV "$T/features.csv" "$S/batas/kabkota.shp" -select KODE,NAMA,KODE_PROV
python3 "$TESTS_SRC/check-visible.py" "$PIXCOUNT" "$T/papers.json" "$T/features.csv" 2 \
  "$T"/ids/[1-9]*.pdf > "$T/visible.tap"
st=$?
sed '/^1\.\./d' "$T/visible.tap"
TAP_N=$(grep -c '^ok\|^not ok' "$T/visible.tap")
TAP_FAILED=$(grep -c '^not ok' "$T/visible.tap")
[ "$st" -eq 0 ] || [ "$TAP_FAILED" -gt 0 ] || not_ok "check-visible.py failed (status $st)"

# The A0 posters of the hard provinces, rasterised at 100 dpi (an A0 at
# 150 is 35 million pixels).
PETARAWAN_DEBUG_IDS=1 "$PETARAWAN" build "$@" --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" \
  --paper A0 --only 21,31,33,35,53,81,95 -o "$T/a0" ||
  { echo "1..1"; echo "not ok 1 - A0 build in the test drawing mode failed"; exit 1; }
CHECK_VISIBLE_DPI=100 python3 "$TESTS_SRC/check-visible.py" "$PIXCOUNT" "$T/papers.json" \
  "$T/features.csv" 2 "$T"/a0/[1-9]*.pdf > "$T/a0.tap"
st=$?
awk -v n="$TAP_N" '/^1\.\./ { next }
  /^(ok|not ok) [0-9]+ - / { v = $1 == "ok" ? "ok" : "not ok"; sub(/^(ok|not ok) [0-9]+ - /, "")
    print v, ++n, "- A0 " $0; next } { print }' "$T/a0.tap"
TAP_N=$((TAP_N + $(grep -c '^ok\|^not ok' "$T/a0.tap")))
TAP_FAILED=$((TAP_FAILED + $(grep -c '^not ok' "$T/a0.tap")))
[ "$st" -eq 0 ] || grep -q '^not ok' "$T/a0.tap" || not_ok "check-visible.py failed on A0 (status $st)"

# Kota Mojokerto alone in Tinggi (#9e1f1c), every other district of Jawa
# Timur in Rendah.
awk -F, 'NR == 1 { print; next }
  $1 == "35.76" { $3 = "60.00"; $4 = "Tinggi" }
  $1 ~ /^35\./ && $1 != "35.76" { $3 = "5.00"; $4 = "Rendah" }
  { print }' OFS=, "$S/skor/ikp_kabkota_contoh.csv" > "$T/ikp_one_top.csv"
if "$PETARAWAN" build "$@" --table "$T/ikp_one_top.csv:kode_wilayah" --only 35 -o "$T/one"; then
  pdftoppm -f 1 -l 1 -r 150 -aa no -aaVector no -png -singlefile "$T/one/35-jawa-timur.pdf" "$T/one"
  # The A4 landscape map frame at 150 dpi (papers --json: 28,70 500x478 pt).
  box=$(python3 -c 'import json,sys; p=[e for e in json.load(open(sys.argv[1])) if e["paper"]=="A4" and e["orientation"]=="landscape"][0]["map"]; k=150/72; print(*[round(v*k) for v in (p[0], p[1], p[0]+p[2], p[1]+p[3])])' "$T/papers.json")
  # shellcheck disable=SC2086 # four numbers
  px=$("$PIXCOUNT" "$T/one.png" $box | awk '$1 == "9e1f1c" { print $2 }')
  px=${px:-0}
  mm2=$(awk -v p="$px" 'BEGIN { printf "%.2f", p * (25.4 / 150) ^ 2 }')
  if awk -v m="$mm2" 'BEGIN { exit !(m >= 2) }'; then
    ok "Kota Mojokerto alone in Tinggi: the Tinggi colour shows on $mm2 mm² of the map ($px px at 150 dpi)"
  else
    not_ok "Kota Mojokerto alone in Tinggi: the Tinggi colour shows on $mm2 mm² of the map ($px px at 150 dpi), wanted >= 2"
  fi
else
  not_ok "build with Kota Mojokerto alone in Tinggi failed"
fi
done_testing
