#!/bin/sh
# scalebar-labels.sh — every scale-bar label stands where its value is (issue 12
# item 4), read off the PDFs as printed (check-scalebar.py, poppler's word
# boxes): on the 38 kab/kota sheets and the overview, and on the
# kecamatan sheets of the five smallest kota by area (found with OGR SQL
# on the boundaries) and of Kota Surabaya (35.78) and Kota Kupang (53.71),
# whose 5 km bars labelled their 2,5 km tick "2".
. "$TESTS_SRC/tap.sh"
shared_or_skip_all
S=$SHARED_DATA
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

expect_status 0 "the 38 kab/kota sheets" "$PETARAWAN" build --boundaries "$S/batas/kabkota.shp" \
  --key KODE --name NAMA --group KODE_PROV --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" \
  --value skor_ikp --style ikp-kabkota -q -o "$T/kab"
n=$(ls "$T/kab"/[0-9][0-9]-*.pdf | wc -l)
[ "$n" -eq 39 ] && ok "38 sheets and the overview" || not_ok "sheets and overview: $n of 39"
OUT=$(python3 "$TESTS_SRC/check-scalebar.py" --verbose "$T/kab"/[0-9][0-9]-*.pdf 2>&1)
[ $? -eq 0 ] && ok "kab/kota sheets: every scale-bar label where its value is" \
  || { not_ok "kab/kota sheets: scale-bar labels"; printf '%s\n' "$OUT" | grep -v ' over ' | sed 's/^/# /' | head -20; }

smallest=$(ogrinfo -q -sql "SELECT KODE FROM kabkota WHERE SUBSTR(KODE, 4, 1) >= '7' ORDER BY OGR_GEOM_AREA ASC LIMIT 5" \
  "$S/batas/kabkota.shp" 2>/dev/null | sed -n 's/^ *KODE (String) = //p' | tr '\n' ',')
case $smallest in
  ??.??,??.??,??.??,??.??,??.??,) ok "five smallest kota: ${smallest%,}" ;;
  *) not_ok "five smallest kota not found: '$smallest'" ;;
esac
expect_status 0 "kecamatan sheets of the five smallest kota, Surabaya and Kupang" "$PETARAWAN" build \
  --boundaries "$S/batas/kecamatan.shp" --key KODE --name NAMA --group KODE_KAB \
  --table "$SHARED_DATA/../peers/data/kecamatan_nilai.csv:kode" --value nilai --style quantile \
  --classes 5 --unit-name Kecamatan --only "${smallest}35.78,53.71" -q -o "$T/kec"
n=$(ls "$T/kec"/[0-9][0-9].[0-9][0-9]-*.pdf | wc -l)
[ "$n" -eq 7 ] && ok "7 kecamatan sheets" || not_ok "kecamatan sheets: $n of 7"
OUT=$(python3 "$TESTS_SRC/check-scalebar.py" --verbose "$T/kec"/[0-9][0-9].[0-9][0-9]-*.pdf 2>&1)
[ $? -eq 0 ] && ok "kecamatan sheets: every scale-bar label where its value is" \
  || { not_ok "kecamatan sheets: scale-bar labels"; printf '%s\n' "$OUT" | grep -v ' over ' | sed 's/^/# /' | head -20; }
printf '%s\n' "$OUT" | grep ' over ' | sed 's/^.*\//# /'
done_testing
