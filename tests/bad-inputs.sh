#!/bin/sh
# bad-inputs.sh — the bad-input corpus (tests/bad/cases.txt): every broken,
# empty, absurd or hostile input gets the contract's exit status and a
# message naming the file, row or feature, field and value; nothing is
# written for bad input (exit 2); a failed write (exit 3) leaves no partial
# or temporary file and the earlier outputs exactly as they were.  Also:
# group values never make a path outside the output folder, an output
# folder that cannot be written to, and a disk that fills up.
. "$TESTS_SRC/tap.sh"
BAD=$TESTS_SRC/bad
T=$(mktemp -d)
MOUNTS=""
cleanup() {
  for m in $MOUNTS; do umount "$m" 2>/dev/null; done
  rm -rf "$T"
}
trap cleanup EXIT
export BAD T SHARED_DATA

# ---- generated cases: too big to keep in the repository, or broken copies

# Writes bytes given as decimal numbers; 32-bit integers big or little endian.
bytes() { for b in "$@"; do printf "\\$(printf %03o "$b")"; done; }
be32() { bytes $(($1 >> 24 & 255)) $(($1 >> 16 & 255)) $(($1 >> 8 & 255)) $(($1 & 255)); }
le32() { bytes $(($1 & 255)) $(($1 >> 8 & 255)) $(($1 >> 16 & 255)) $(($1 >> 24 & 255)); }
zeros() { head -c "$1" /dev/zero; }

# A shapefile of one polygon with N vertices (all at 0,0): headers written
# byte by byte, the points a sparse hole, so 80 MB cost no disk.
big_shapefile() { # DIR N
  words=$(((48 + 16 * $2) / 2))
  file_words=$((50 + 4 + words))
  { be32 9994; zeros 20; be32 $file_words; le32 1000; le32 5; zeros 64
    be32 1; be32 $words; le32 5; zeros 32; le32 1; le32 "$2"; le32 0; } > "$1/big.shp"
  truncate -s $((2 * file_words)) "$1/big.shp"
  { be32 9994; zeros 20; be32 54; le32 1000; le32 5; zeros 64; be32 50; be32 $words; } > "$1/big.shx"
  { bytes 3 124 1 1; le32 1; bytes 65 0 11 0; zeros 20
    printf 'KODE'; zeros 7; printf 'C'; zeros 4; bytes 10 0; zeros 14; bytes 13
    printf ' 11.01     '; bytes 26; } > "$1/big.dbf"
}

x1m() { head -c 1048576 /dev/zero | tr '\0' x; }

mkdir "$T/own" "$T/trunc" "$T/trunc-header" "$T/nodbf" "$T/noprj" "$T/big" "$T/shx-dup" "$T/dbf-nul"
ogr2ogr -f "ESRI Shapefile" "$T/own/batas.shp" "$BAD/good.geojson"
cp "$T/own/batas."* "$T/trunc/"
truncate -s $(($(wc -c < "$T/own/batas.shp") - 40)) "$T/trunc/batas.shp"   # the last record cut
cp "$T/own/batas."* "$T/trunc-header/"
truncate -s 50 "$T/trunc-header/batas.shp"                                 # the header cut
cp "$T/own/batas.shp" "$T/own/batas.shx" "$T/own/batas.prj" "$T/nodbf/"
cp "$T/own/batas."* "$T/dbf-nul/"   # 'Aceh Selatan' with a NUL for its space
LC_ALL=C sed 's/Aceh Selatan/Aceh\x00Selatan/' "$T/own/batas.dbf" > "$T/dbf-nul/batas.dbf"
cp "$T/own/batas."* "$T/shx-dup/"   # every index entry pointing at record 1
{ head -c 108 "$T/own/batas.shx"; i=1; while [ $i -lt 5 ]; do tail -c +101 "$T/own/batas.shx" | head -c 8; i=$((i + 1)); done; } > "$T/shx-dup/batas.shx"
ogr2ogr -f "ESRI Shapefile" "$T/noprj/batas.shp" "$BAD/coords-far.geojson" && rm "$T/noprj/batas.prj"
big_shapefile "$T/big" 5000001
{ printf 'kode,skor,catatan\n11.01,40,baik\n11.02,50,'; x1m; printf '\n'; } > "$T/long-cell.csv"
{ printf 'kode'; i=1; while [ $i -lt 100000 ]; do printf ',k%d' $i; i=$((i + 1)); done; printf '\n11.01\n'; } > "$T/wide.csv"
{ printf 'kode'; i=1; while [ $i -lt 2999 ]; do printf ',k%d' $i; i=$((i + 1)); done
  printf ',skor\n11.01'; i=1; while [ $i -lt 2999 ]; do printf ',%d' $i; i=$((i + 1)); done; printf ',40\n'; } > "$T/wide-3000.csv"
{ printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"KODE":"11.01","NAMA":"'
  x1m; printf '"},"geometry":{"type":"Polygon","coordinates":[[[95,2],[96,2],[96,3],[95,2]]]}}]}\n'; } > "$T/long-name.geojson"
if [ -f "$SHARED_DATA/batas/provinsi.shp" ]; then
  mkdir "$T/shared-trunc" "$T/shared-nodbf"
  cp "$SHARED_DATA/batas/provinsi."* "$T/shared-trunc/"
  truncate -s $(($(wc -c < "$T/shared-trunc/provinsi.shp") / 2)) "$T/shared-trunc/provinsi.shp"
  cp "$SHARED_DATA/batas/provinsi.shp" "$SHARED_DATA/batas/provinsi.shx" "$T/shared-nodbf/"
fi

# What exists outside the output folders, to show that nothing lands there.
outside() { find "$T" "$BAD" -path "$T/out-*" -prune -o -print | sort; }
outside > "$T/out-list-before"

# valid_utf8 DESCRIPTION: ok when $OUT is valid UTF-8.
valid_utf8() {
  if printf '%s' "$OUT" | iconv -f UTF-8 -t UTF-8 > /dev/null 2>&1; then ok "$1"; else
    not_ok "$1: output is not valid UTF-8"; fi
}

# ---- the corpus

while IFS='|' read -r name want frags args; do
  case $name in '' | '#'*) continue ;; esac
  if [ "${name#shared-}" != "$name" ] && [ ! -f "$SHARED_DATA/batas/provinsi.shp" ]; then
    skip "$name: shared data not found at $SHARED_DATA (tests on the real boundaries need ../shared/data)"
    continue
  fi
  out="$T/out-$name"
  eval "set -- $args"
  expect_status "$want" "$name" "$PETARAWAN" build "$@" -o "$out" < /dev/null
  rest=$frags
  while [ -n "$rest" ]; do
    frag=${rest%%~*}
    [ "$frag" = "$rest" ] && rest="" || rest=${rest#*~}
    contains "$name: says \"$frag\"" "$frag"
  done
  valid_utf8 "$name: message is valid UTF-8"
  if [ "$want" -ge 2 ]; then
    check "$name: nothing written (no output folder)" test ! -e "$out"
  fi
done < "$BAD/cases.txt"

# Messages are valid UTF-8 in the JSON report too.
OUT=$("$PETARAWAN" check --json --boundaries "$BAD/bad-utf8.geojson" --key KODE --name NAMA \
  --table "$BAD/bad-utf8.csv:kode" --value skor 2>&1)
valid_utf8 "check --json with invalid UTF-8 in keys and names is valid UTF-8"
OUT=$("$PETARAWAN" check --json --boundaries "$BAD/bad-utf8.geojson" --key KODE --name NAMA \
  --table "$BAD/bad-utf8.csv:kode" --value skor 2>/dev/null)
json_has "check --json names the bad row" \
  'any(b["row"] == 4 and b["field"] == "skor" and b["value"] for b in j["bad_values"])'

# Bad input into a folder with earlier outputs: nothing changes there.
set -- --boundaries "$BAD/good.geojson" --key KODE --name NAMA --group KODE_PROV \
  --table "$BAD/good.csv:kode" --value skor --style ikp-kabkota
expect_status 0 "a good build" "$PETARAWAN" build "$@" -o "$T/out-keep" -q
snapshot() { (cd "$1" && ls -A && md5sum -- *) 2>&1; }
before=$(snapshot "$T/out-keep")
expect_status 2 "a bad table into the same folder" "$PETARAWAN" build "$@" \
  --table "$BAD/random.csv:kode" -o "$T/out-keep"
[ "$before" = "$(snapshot "$T/out-keep")" ] && ok "earlier outputs and folder unchanged after exit 2" ||
  not_ok "the output folder changed after exit 2"

# ---- group values are never paths: every output a sane name in -o
expect_status 0 "groups '../../x', 'a/b', '', '/etc/passwd', '..'" "$PETARAWAN" build \
  --boundaries "$BAD/groups.geojson" --key KODE --name NAMA --group KODE_PROV \
  --table "$BAD/good.csv:kode" --value skor --style ikp-kabkota -o "$T/out-groups/o" -q
insane=$(ls -A "$T/out-groups/o" | grep -Ev '^(atlas\.pdf|manifest\.json|\.petarawan\.lock|00-nasional\.pdf|[A-Za-z0-9][A-Za-z0-9.]*(-[A-Za-z0-9.]+)*-[a-z0-9]+(-[a-z0-9]+)*\.pdf)$')
[ -z "$insane" ] && ok "every output name is a code and a slug" || not_ok "odd output names: $insane"
check "one sheet per group (10 groups, 2 with the empty code)" test "$(ls "$T/out-groups/o" | grep -vc '^atlas.pdf$\|^manifest.json$\|^00-nasional.pdf$')" -ge 8
check "nothing beside the output folder" test "$(ls -A "$T/out-groups")" = o
outside > "$T/out-list-after"
if cmp -s "$T/out-list-before" "$T/out-list-after"; then ok "nothing written outside the output folders"; else
  not_ok "files appeared outside the output folders"
  diff "$T/out-list-before" "$T/out-list-after" | sed 's/^/# /'
fi

# ---- an output folder that cannot be written to (exit 3)
echo "a file, not a folder" > "$T/afile"
expect_status 3 "output under a regular file" "$PETARAWAN" build "$@" -o "$T/afile/sub"
contains "names the output folder and the reason" "afile/sub: cannot write to the output folder: Not a directory"
check "the file is untouched" test "$(cat "$T/afile")" = "a file, not a folder"
mkdir "$T/ro"
if mount --bind "$T/ro" "$T/ro" 2>/dev/null && MOUNTS="$T/ro $MOUNTS" &&
  mount -o remount,bind,ro "$T/ro" 2>/dev/null; then
  expect_status 3 "read-only output folder" "$PETARAWAN" build "$@" -o "$T/ro"
  contains "names the folder and the reason" "ro: cannot write to the output folder: Read-only file system"
  check "nothing written in the read-only folder" test -z "$(ls -A "$T/ro")"
else
  skip "read-only output folder: cannot make a read-only bind mount here (needs root)"
fi

# ---- a disk that fills up (exit 3): no partial files, earlier outputs intact
mkdir "$T/full"
size=$(du -sk "$T/out-keep" | cut -f1)
if mount -t tmpfs -o size=$((size + 64))k tmpfs "$T/full" 2>/dev/null; then
  MOUNTS="$T/full $MOUNTS"
  expect_status 0 "a good build that fits the small disk" "$PETARAWAN" build "$@" -o "$T/full" -q
  before=$(snapshot "$T/full")
  # Other sheets (another title), more of them (PNG, SVG): the disk fills.
  # (Under ASan, full stacks through cairo for tests/lsan.supp's cairo entry.)
  expect_status 3 "a build that fills the disk" \
    env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0" \
    "$PETARAWAN" build "$@" --format pdf,png,svg \
    --title "Rapat koordinasi" --force -o "$T/full"
  contains "names the disk full" "No space left on device"
  contains "names the file" "$T/full/"
  after=$(snapshot "$T/full")
  [ "$before" = "$after" ] && ok "earlier outputs intact, no partial or temporary files" ||
    { not_ok "the folder changed"; printf '%s\n---\n%s\n' "$before" "$after" | sed 's/^/# /'; }
  # The new files are staged beside the old ones until all are written: a
  # rebuild needs room for both.  After the failure all that room is free.
  used=$(df -k "$T/full" | awk 'NR == 2 { print $3 }')
  check "the staged files are gone from the disk" test "$used" -le $((size + 8))
  umount "$T/full" && MOUNTS=${MOUNTS#"$T/full "}
else
  skip "disk full: cannot mount a small tmpfs here (needs root)"
fi
done_testing
