#!/bin/sh
# bench/issue5.sh — scripted regeneration of the 514 kab/kota input:
# full build (--force), no-change build, and a build after one district's
# score changed (Kota Kupang, 53.71, alternating between two values so
# every run really changes it), median of 5 after a warm-up, with hyperfine.
# Usage (from the repository): sh bench/issue5.sh [BUILD_DIR]
set -e
cd "$(dirname "$0")/.."
B=${1:-build}
P=$B/cli/petarawan
S=../shared/data
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir "$T/a" "$T/b"
cp "$S/skor/ikp_kabkota_contoh.csv" "$T/a/"
awk -F, 'BEGIN { OFS = "," } $1 == "53.71" { $3 = "99.00" } { print }' \
  "$S/skor/ikp_kabkota_contoh.csv" > "$T/b/ikp_kabkota_contoh.csv"
cp "$T/a/ikp_kabkota_contoh.csv" "$T/ikp_kabkota_contoh.csv"
ARGS="--boundaries $S/batas/kabkota.shp --key KODE --name NAMA --group KODE_PROV \
--table $T/ikp_kabkota_contoh.csv:kode_wilayah --table $S/skor/personel_kabkota_contoh.csv:kode_wilayah \
--value skor_ikp --style ikp-kabkota -q -o $T/out"
$P build $ARGS
# flip: swap the table between the two versions before each run
cat > "$T/flip" <<EOS
if cmp -s $T/ikp_kabkota_contoh.csv $T/a/ikp_kabkota_contoh.csv; then
  cp $T/b/ikp_kabkota_contoh.csv $T/ikp_kabkota_contoh.csv
else
  cp $T/a/ikp_kabkota_contoh.csv $T/ikp_kabkota_contoh.csv
fi
EOS
run() { # NAME PREPARE COMMAND
  hyperfine -N -w 1 -r 5 --prepare "$2" --export-json "$T/r.json" "$3" >/dev/null 2>&1 || \
    hyperfine -w 1 -r 5 --prepare "$2" --export-json "$T/r.json" "$3" >/dev/null
  awk -v n="$1" '/"median"/ {gsub(/[ ,]/,""); split($0,a,":"); med=a[2]}
    /"min"/ {gsub(/[ ,]/,""); split($0,a,":"); mn=a[2]}
    /"max"/ {gsub(/[ ,]/,""); split($0,a,":"); mx=a[2]}
    END {printf "| %s | %.3f | %.3f-%.3f |\n", n, med, mn, mx}' "$T/r.json"
}
printf '| build | wall s median | min-max |\n|---|---|---|\n'
run "full build (--force)" "true" "$P build $ARGS --force"
run "no-change build" "true" "$P build $ARGS"
run "one province changed" "sh $T/flip" "$P build $ARGS"
