#!/bin/sh
# overview.sh — the national overview read by province (issue 12, item 9):
# on the real kab/kota boundaries every province has one number on the
# map, printed in its disc and keyed to its row of the ranked table; no
# disc sits on a small province (DKI Jakarta, DI Yogyakarta, Bali); the
# borders between provinces are drawn heavy; with --only the chosen
# provinces are named on the map.  Checked on the PDF as poppler reads and
# rasterises it (tests/check-overview.py) and on the placements the
# program reports through PETARAWAN_DEBUG_PLACEMENTS.
. "$TESTS_SRC/tap.sh"
shared_or_skip_all
S=$SHARED_DATA
OUTD=$(mktemp -d)
trap 'rm -rf "$OUTD"' EXIT
set -- --boundaries "$S/batas/kabkota.shp" --key KODE --name NAMA --group KODE_PROV \
  --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" \
  --table "$S/skor/personel_kabkota_contoh.csv:kode_wilayah" \
  --value skor_ikp --style ikp-kabkota

# check_py DESCRIPTION ARGS...: one TAP line per "ok:"/"FAIL:" line.
check_py() {
  d=$1; shift
  python3 "$TESTS_SRC/check-overview.py" "$@" >"$OUTD/py.txt" 2>&1
  st=$?
  grep -q '^FAIL:' "$OUTD/py.txt" || [ "$st" -eq 0 ] || echo "FAIL: check-overview.py $1 exited $st" >>"$OUTD/py.txt"
  while IFS= read -r line; do
    case $line in
      ok:*) ok "$d: ${line#ok: }" ;;
      FAIL:*) not_ok "$d: ${line#FAIL: }" ;;
      *) echo "$line" ;;
    esac
  done <"$OUTD/py.txt"
}

PETARAWAN_DEBUG_PLACEMENTS="$OUTD/all.txt" expect_status 0 "build the 38 sheets" \
  "$PETARAWAN" build "$@" --format pdf -o "$OUTD/all"
check_py "overview" marks "$OUTD/all/00-nasional.pdf" "$OUTD/all.txt" "$OUTD/all"
# Heavy borders: main drew district lines only (grey 71 at 0.15 pt), so
# almost no pixel of the map was darker than 60 outside the discs.
check_py "overview" borders "$OUTD/all/00-nasional.pdf" "$OUTD/all.txt" 800

PETARAWAN_DEBUG_PLACEMENTS="$OUTD/only.txt" expect_status 0 "build --only 31,35,53" \
  "$PETARAWAN" build "$@" --format pdf --only 31,35,53 -o "$OUTD/only"
check_py "overview --only" marks "$OUTD/only/00-nasional.pdf" "$OUTD/only.txt" "$OUTD/only"
check_py "overview --only" named "$OUTD/only/00-nasional.pdf" "$OUTD/only.txt" \
  "DKI Jakarta" "Jawa Timur" "Nusa Tenggara Timur"
done_testing
