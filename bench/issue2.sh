#!/bin/sh
# bench/issue2.sh — wall time and peak memory of the two reference jobs,
# median of 5 runs after a warm-up:
#   J1  the 38 province sheets + overview + atlas from batas/kabkota.shp
#       with the sample risk and personnel tables (the main job);
#   J2  one national map of batas/kecamatan.shp (7,285 districts), 5
#       quantile classes of shared/peers/data/kecamatan_nilai.csv.
# Wall time with hyperfine, peak RSS with GNU time (median of 5).
# Usage (from the repository): sh bench/issue2.sh [BUILD_DIR]
set -e
cd "$(dirname "$0")/.."
B=${1:-build}
P=$B/cli/petarawan
S=../shared/data
PEERS=../shared/peers/data
command -v hyperfine >/dev/null && [ -x /usr/bin/time ] || {
  echo "installing hyperfine and time"; apt-get install -y -qq hyperfine time >/dev/null; }
[ -x "$P" ] || { echo "build first: meson compile -C $B"; exit 2; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
J1="$P build --boundaries $S/batas/kabkota.shp --key KODE --name NAMA --group KODE_PROV \
--table $S/skor/ikp_kabkota_contoh.csv:kode_wilayah --table $S/skor/personel_kabkota_contoh.csv:kode_wilayah \
--value skor_ikp --style ikp-kabkota -q --force -o $OUT/j1"
J2="$P build --boundaries $S/batas/kecamatan.shp --key KODE --name NAMA --group KODE_PROV \
--table $PEERS/kecamatan_nilai.csv:kode --value nilai --style quantile --classes 5 \
--overview-only -q --force -o $OUT/j2"

printf '| job | wall s median (min-max) | peak RSS MB median | output |\n|---|---|---|---|\n'
for job in J1 J2; do
  eval cmd=\$$job
  hyperfine -N --warmup 1 --runs 5 --export-json "$OUT/$job.json" "$cmd" >/dev/null 2>&1
  stats=$(awk '/"median"/ {gsub(/[ ,]/,""); split($0,a,":"); med=a[2]} /"min"/ {gsub(/[ ,]/,""); split($0,a,":"); mn=a[2]} /"max"/ {gsub(/[ ,]/,""); split($0,a,":"); mx=a[2]} END {printf "%.3f (%.3f-%.3f)", med, mn, mx}' "$OUT/$job.json")
  rss=$(for i in 1 2 3 4 5; do /usr/bin/time -v $cmd 2>&1 >/dev/null | awk '/Maximum resident/ {print $6}'; done | sort -n | sed -n 3p)
  dir=$(echo "$job" | tr J j)
  size=$(du -sk "$OUT/$dir" | awk '{printf "%.1f MB", $1/1024}')
  files=$(ls "$OUT/$dir" | wc -l)
  printf '| %s | %s | %.1f | %s files, %s |\n' "$job" "$stats" "$(awk -v r="$rss" 'BEGIN {print r / 1024}')" "$files" "$size"
done
