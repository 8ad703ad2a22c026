#!/bin/sh
# bench/run.sh — issue 6's benchmark harness: one command, one markdown table.
#
# Jobs (petarawan, PDF):
#   J1        the 38 province sheets + overview + atlas from batas/kabkota.shp
#             with the sample risk and personnel tables (ikp-kabkota);
#   J2        one national map of batas/kecamatan.shp (7,285 districts),
#             5 quantile classes of shared/peers/data/kecamatan_nilai.csv;
#   J3map     one national map of the J3 villages (~83,900 polygons made by
#             bench/make-j3 from the kecamatan, 5 quantile classes);
#   J3sheets  the J3 villages as 38 province sheets + overview + atlas;
#   J4        the J1 build again after every kab/kota score of one province
#             (53, Nusa Tenggara Timur) changed: an incremental rebuild.
# J3 stands for J3map J3sheets.  Where the peers of ../shared/peers are
# installed (QGIS, Mapnik, mapshaper; GMT and geopandas with -p all) they do
# J1 and J2 in the same run, and the table gives peer / petarawan.
#
# Wall time: hyperfine, one warm-up and RUNS measured runs, median (min-max).
# Peak RSS: GNU `time -v` around that hyperfine call: the kernel reports the
#   largest resident set any run (warm-up included) reached.
#   In MiB; issue 6's "under 1 GB" for J3 is checked as < 10^9 bytes.
# Output: files and bytes (MB = 10^6 bytes) the job left in its folder.
#
# Usage (from anywhere): sh bench/run.sh [-b BUILD_DIR] [-r RUNS] [-p PEERS]
#                        [-o FILE] [-k] [JOB ...]
#   -b BUILD_DIR  petarawan build folder (default: build)
#   -r RUNS       measured runs after the warm-up (default 5)
#   -p PEERS      comma-separated: qgis,mapnik,mapshaper,gmt,geopandas;
#                 "all"; "none" (default qgis,mapnik,mapshaper)
#   -o FILE       also write the report to FILE
#   -k            keep the outputs (the folder is printed)
#   JOB           J1 J2 J3 J3map J3sheets J4 (default: all)
# The J3 input is generated on first use into BUILD_DIR/bench-j3/ (about
# 15 s; bench/make-j3 is built with -Dbench=true when missing).
{ # the whole script is one block, read before it runs
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
B=build RUNS=5 PEERS=qgis,mapnik,mapshaper REPORT= KEEP=0
usage() { sed -n '2,/^{ # the whole/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
while getopts b:r:p:o:kh opt; do
  case $opt in
    b) B=$OPTARG ;;
    r) RUNS=$OPTARG ;;
    p) PEERS=$OPTARG ;;
    o) REPORT=$OPTARG ;;
    k) KEEP=1 ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
case $RUNS in ''|*[!0-9]*|0) echo "run.sh: -r wants a positive number, not '$RUNS'" >&2; exit 2 ;; esac
[ "$PEERS" = all ] && PEERS=qgis,mapnik,mapshaper,gmt,geopandas
[ "$PEERS" = none ] && PEERS=
JOBS=${*:-J1 J2 J3 J4}
JOBS=$(echo " $JOBS " | sed 's/ J3 / J3map J3sheets /g')
for j in $JOBS; do
  case $j in J1|J2|J3map|J3sheets|J4) ;; *) echo "run.sh: unknown job '$j' (J1 J2 J3 J3map J3sheets J4)" >&2; exit 2 ;; esac
done

P=$ROOT/$B/cli/petarawan
SHARED=$(cd "$ROOT/.." && pwd)/shared
S=$SHARED/data
[ -x "$P" ] || { echo "run.sh: no $P: build first (meson compile -C $B)" >&2; exit 2; }
[ -d "$S/batas" ] || { echo "run.sh: no $S/batas: the benchmark needs ../shared/data beside the checkout" >&2; exit 2; }
for tool in hyperfine /usr/bin/time jq; do
  command -v $tool >/dev/null || { echo "run.sh: $tool is missing: apt-get install hyperfine time jq" >&2; exit 2; }
done
export QT_QPA_PLATFORM=offscreen # QGIS without a display

T=$(mktemp -d "${TMPDIR:-/tmp}/petarawan-bench.XXXXXX")
if [ $KEEP = 1 ]; then echo "run.sh: outputs kept in $T" >&2; else trap 'rm -rf "$T"' EXIT; fi
OUT=$T/report.md
: > "$OUT"
say() { printf '%s\n' "$*" >> "$OUT"; }
note() { printf '%s\n' "$*" >&2; }

# ---- inputs -----------------------------------------------------------------
PY=/usr/bin/python3
has_peer() { # NAME: installed and wanted?
  case ",$PEERS," in *",$1,"*) ;; *) return 1 ;; esac
  [ -d "$SHARED/peers/$1" ] || return 1
  case $1 in
    qgis) $PY -c 'import qgis.core' 2>/dev/null ;;
    mapnik) $PY -c 'import mapnik, cairo; from osgeo import ogr' 2>/dev/null ;;
    mapshaper) command -v mapshaper >/dev/null ;;
    gmt) command -v gmt >/dev/null && command -v gs >/dev/null && command -v ogr2ogr >/dev/null &&
      command -v bash >/dev/null ;;
    geopandas) $PY -c 'import geopandas, matplotlib' 2>/dev/null ;;
    *) return 1 ;;
  esac
}
peer_label() {
  case $1 in
    qgis) echo "QGIS $($PY -c 'from qgis.core import Qgis; print(Qgis.version().split("-")[0])' 2>/dev/null)" ;;
    mapnik) echo "Mapnik $($PY -c 'import mapnik; print(mapnik.mapnik_version_string())' 2>/dev/null) + pycairo" ;;
    mapshaper) echo "mapshaper $(mapshaper -v 2>/dev/null) (SVG)" ;;
    gmt) echo "GMT $(gmt --version 2>/dev/null)" ;;
    geopandas) echo "geopandas $($PY -c 'import geopandas; print(geopandas.__version__)' 2>/dev/null)" ;;
  esac
}
peer_cmd() { # NAME JOB OUTDIR -> command run from the folder holding shared/
  case $1 in
    qgis|mapnik|geopandas) echo "$PY shared/peers/$1/$(echo "$2" | tr J j).py $3" ;;
    mapshaper) echo "sh shared/peers/$1/$(echo "$2" | tr J j).sh $3" ;;
    gmt) echo "bash shared/peers/$1/$(echo "$2" | tr J j).sh $3" ;;
  esac
}

J3D=$ROOT/$B/bench-j3
case $JOBS in *J3*)
  GEN=$ROOT/$B/bench/make-j3
  if [ ! -x "$GEN" ]; then
    note "run.sh: building bench/make-j3 (meson setup --reconfigure $B -Dbench=true)"
    pkg-config --exists geos || { echo "run.sh: J3 needs GEOS: apt-get install libgeos-dev" >&2; exit 2; }
    meson setup --reconfigure "$B" -Dbench=true >/dev/null && meson compile -C "$B" bench/make-j3 >/dev/null
  fi
  if [ ! -f "$J3D/desa.shp" ] || [ "$GEN" -nt "$J3D/desa.shp" ] || [ "$S/batas/kecamatan.shp" -nt "$J3D/desa.shp" ]; then
    note "run.sh: generating the J3 villages into $J3D"
    "$GEN" "$S/batas/kecamatan.shp" "$J3D" 2>"$T/make-j3.err" | sed 's/^/  /' >&2 ||
      { cat "$T/make-j3.err" >&2; exit 2; }
  fi ;;
esac
J2CSV=$SHARED/peers/data/kecamatan_nilai.csv
case $JOBS in *J2*)
  [ -f "$J2CSV" ] || { note "run.sh: no $J2CSV: J2 skipped"; JOBS=$(echo "$JOBS" | sed 's/J2//'); } ;;
esac

# J4: two versions of the risk table, differing in every province-53 score
mkdir "$T/j4a" "$T/j4b"
cp "$S/skor/ikp_kabkota_contoh.csv" "$T/j4a/ikp.csv"
awk -F, 'BEGIN { OFS = "," } NR > 1 && $1 ~ /^53\./ { $3 = sprintf("%.2f", ($3 + 7) % 100) } { print }' \
  "$S/skor/ikp_kabkota_contoh.csv" > "$T/j4b/ikp.csv"
cp "$T/j4a/ikp.csv" "$T/ikp.csv"
cat > "$T/flip.sh" <<EOS
if cmp -s "$T/ikp.csv" "$T/j4a/ikp.csv"; then cp "$T/j4b/ikp.csv" "$T/ikp.csv"; else cp "$T/j4a/ikp.csv" "$T/ikp.csv"; fi
EOS

KAB="--boundaries $S/batas/kabkota.shp --key KODE --name NAMA --group KODE_PROV"
J1="$P build $KAB --table $S/skor/ikp_kabkota_contoh.csv:kode_wilayah \
--table $S/skor/personel_kabkota_contoh.csv:kode_wilayah --value skor_ikp --style ikp-kabkota -q --force -o $T/J1"
J2="$P build --boundaries $S/batas/kecamatan.shp --key KODE --name NAMA --group KODE_PROV \
--table $J2CSV:kode --value nilai --style quantile --classes 5 --overview-only -q --force -o $T/J2"
DESA="--boundaries $J3D/desa.shp --key KODE --name NAMA --group KODE_PROV \
--table $J3D/desa_nilai.csv:kode --value nilai --style quantile --classes 5 --unit-name Desa/Kelurahan -q --force"
J3map="$P build $DESA --overview-only -o $T/J3map"
J3sheets="$P build $DESA -o $T/J3sheets"
J4="$P build $KAB --table $T/ikp.csv:kode_wilayah \
--table $S/skor/personel_kabkota_contoh.csv:kode_wilayah --value skor_ikp --style ikp-kabkota -q -o $T/J4"

# ---- measuring ----------------------------------------------------------------
# measure NAME DIR PREPARE COMMAND: runs COMMAND (no shell) in DIR; leaves
# "median min max rssMB" in $T/NAME.res, or nothing when the command failed.
measure() {
  name=$1 dir=$2 prep=$3 cmd=$4
  note "run.sh: $name ..."
  if [ -n "$prep" ]; then set -- --prepare "$prep"; else set --; fi
  if (cd "$dir" && /usr/bin/time -v -o "$T/$name.time" hyperfine -N --style none \
        --warmup 1 --runs "$RUNS" "$@" --export-json "$T/$name.json" "$cmd" \
        > "$T/$name.log" 2>&1); then
    med=$(jq '.results[0].median' "$T/$name.json")
    mn=$(jq '.results[0].min' "$T/$name.json")
    mx=$(jq '.results[0].max' "$T/$name.json")
    rss=$(awk '/Maximum resident set size/ { printf "%.0f", $6 / 1024 }' "$T/$name.time")
    echo "$med $mn $mx $rss" > "$T/$name.res"
  else
    note "run.sh: $name failed:"; sed 's/^/  /' "$T/$name.log" | tail -5 >&2
    rm -f "$T/$name.res"
    : > "$T/$name.failed"
  fi
}
size_of() { # DIR -> "N files, X MB"
  find "$1" -type f ! -path '*/.*' -printf '%s\n' 2>/dev/null |
    awk '{ n++; s += $1 } END { printf "%d file%s, %.1f MB", n, n == 1 ? "" : "s", s / 1e6 }'
}
target_of() { # JOB -> wall target in seconds (issue 6)
  case $1 in J1) echo 0.5 ;; J2) echo 0.4 ;; J3map) echo 4 ;; J3sheets) echo 8 ;; J4) echo 0.15 ;; esac
}
ratio_target() { # JOB PEER -> ratio peer/petarawan wanted (issue 6), or empty
  case $1:$2 in
    J1:qgis) echo 3 ;; J1:mapnik) echo 1 ;;
    J2:qgis|J2:mapnik|J2:mapshaper) echo 2.5 ;;
  esac
}
villages() { # "83,916" from make-j3.txt
  awk '{ for (i = 1; i < NF; i++) if ($(i + 1) == "villages,") {
           n = $i; s = ""; while (length(n) > 3) { s = "," substr(n, length(n) - 2) s; n = substr(n, 1, length(n) - 3) }
           print n s } }' "$J3D/make-j3.txt" 2>/dev/null; }
jobtitle() {
  case $1 in
    J1) echo "J1 38 sheets + overview + atlas, kab/kota" ;;
    J2) echo "J2 national map, 7,285 kecamatan" ;;
    J3map) echo "J3 national map, $(villages) villages" ;;
    J3sheets) echo "J3 38 sheets + overview + atlas, $(villages) villages" ;;
    J4) echo "J4 rebuild after province 53's scores changed" ;;
  esac
}

LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
for job in $JOBS; do
  eval cmd=\$$job
  if [ "$job" = J4 ]; then
    $cmd >/dev/null 2>&1 || { note "run.sh: J4: the first build failed"; continue; }
    measure J4 "$ROOT" "sh $T/flip.sh" "$cmd"
  else
    measure "$job" "$ROOT" "" "$cmd"
  fi
  case $job in J1|J2)
    for peer in qgis mapnik mapshaper gmt geopandas; do
      case ",$PEERS," in *",$peer,"*) ;; *) continue ;; esac
      if has_peer $peer; then
        measure "$job-$peer" "$SHARED/.." "" "$(peer_cmd $peer $job "$T/$job-$peer")"
      else
        echo "$peer" >> "$T/missing"
      fi
    done ;;
  esac
done
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- report -------------------------------------------------------------------
say "petarawan benchmark, $(date -u +%Y-%m-%d) — $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo '?'), $B ($(meson introspect --buildoptions "$B" 2>/dev/null | jq -r '.[] | select(.name == "buildtype") | .value' 2>/dev/null || echo '?'))"
say "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM; load average $LOAD0 before, $LOAD1 after"
say "hyperfine $(hyperfine --version | cut -d' ' -f2), 1 warm-up + $RUNS runs; peak RSS = largest of those runs (GNU time -v), MiB; output MB = 10^6 bytes"
say ""
say "| job | tool | wall s median (min-max) | peak RSS MiB | output | peer / petarawan | target | met |"
say "|---|---|---|---|---|---|---|---|"
for job in $JOBS; do
  tgt=$(target_of $job)
  case $job in J3*) rtgt=953.7 ;; *) rtgt= ;; esac # 1 GB = 10^9 bytes = 953.7 MiB
  ttext="< $tgt s${rtgt:+, < 1 GB}"
  [ -f "$T/$job.res" ] || { say "| $(jobtitle $job) | petarawan | failed | | | | $ttext | no |"; continue; }
  read -r med mn mx rss < "$T/$job.res"
  met=$(awk -v m="$med" -v t="$tgt" -v r="$rss" -v rt="${rtgt:-0}" \
    'BEGIN { print (m < t && (rt == 0 || r < rt)) ? "yes" : "no" }')
  say "| $(jobtitle $job) | petarawan | $(printf '%.3f (%.3f-%.3f)' "$med" "$mn" "$mx") | $rss | $(size_of "$T/$job") | 1 | $ttext | $met |"
  for peer in qgis mapnik mapshaper gmt geopandas; do
    [ -f "$T/$job-$peer.failed" ] && say "| ${job} | $(peer_label $peer) | failed (run with -k and see $job-$peer.log) | | | | | |"
    [ -f "$T/$job-$peer.res" ] || continue
    read -r pm pmn pmx prss < "$T/$job-$peer.res"
    r=$(awk -v p="$pm" -v m="$med" 'BEGIN { printf "%.2f", p / m }')
    rt=$(ratio_target "$job" "$peer")
    if [ -n "$rt" ]; then
      rmet=$(awk -v r="$r" -v t="$rt" 'BEGIN { print (t == 1 ? r > 1 : r >= t) ? "yes" : "no" }')
      rt=$( [ "$rt" = 1 ] && echo "> 1" || echo ">= $rt")
    else rmet= ; fi
    say "| ${job} | $(peer_label $peer) | $(printf '%.3f (%.3f-%.3f)' "$pm" "$pmn" "$pmx") | $prss | $(size_of "$T/$job-$peer") | $r | $rt | $rmet |"
  done
done
if [ -f "$T/missing" ]; then
  say ""
  say "Peers not installed, skipped: $(sort -u "$T/missing" | tr '\n' ' ')(see ../shared/peers/README.md)."
fi
case $JOBS in *J3*) [ -f "$J3D/make-j3.txt" ] && { say ""; say "J3 input (bench/make-j3): $(cat "$J3D/make-j3.txt")"; } ;; esac
cat "$OUT"
[ -z "$REPORT" ] || cp "$OUT" "$REPORT"
exit 0
}
