#!/bin/sh
# hardening.sh — issue 14: inputs and situations that once hung, read without
# end, lost data outside the output folder or left it half-replaced.  Each
# command runs under `timeout` (a hang is a failure here, not a stuck CI
# job) and, outside ASan, with a bounded address space (a read without end
# fails instead of taking the machine's memory).
. "$TESTS_SRC/tap.sh"
BAD=$TESTS_SRC/bad
T=$(mktemp -d)
LISTENER=""
cleanup() {
  [ -n "$LISTENER" ] && kill "$LISTENER" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT
# ASan reserves terabytes of address space: no ulimit -v under it.
if ldd "$PETARAWAN" 2>/dev/null | grep -q libasan; then LIMIT_VM=unlimited; else LIMIT_VM=3000000; fi
# bounded SECONDS COMMAND...: COMMAND with a time and memory limit.
bounded() { s=$1; shift; (ulimit -v $LIMIT_VM; exec timeout -k 5 "$s" "$@"); }
set -- --boundaries "$BAD/good.geojson" --key KODE --name NAMA --group KODE_PROV \
  --table "$BAD/good.csv:kode" --value skor --style ikp-kabkota
GOOD="$*"

# ---- 4: a PostgreSQL server that accepts and never answers (loopback only)
cat > "$T/silent.py" <<'PY'
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
print(s.getsockname()[1], flush=True)
held, end = [], time.time() + float(sys.argv[1])
s.settimeout(0.5)
while time.time() < end:
    try: held.append(s.accept()[0])
    except socket.timeout: pass
PY
if command -v python3 > /dev/null; then
  python3 "$T/silent.py" 120 > "$T/port" & LISTENER=$!
  i=0; while [ ! -s "$T/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
  PORT=$(cat "$T/port")
  expect_status 2 "PG: boundaries on a server that never answers" bounded 60 "$PETARAWAN" check \
    --boundaries "PG:host=127.0.0.1 port=$PORT dbname=batas" --key KODE \
    --table "$BAD/good.csv:kode" --value skor
  contains "names the host, port and timeout" "the PostgreSQL server at host 127.0.0.1, port $PORT did not answer within 10 s (connect_timeout)"
  expect_status 2 "PG: table on a server that never answers" bounded 60 "$PETARAWAN" check \
    --boundaries "$BAD/good.geojson" --key KODE \
    --table "PG:host=127.0.0.1 port=$PORT dbname=skor tables=skor:kode" --value skor
  contains "names the host and port" "host 127.0.0.1, port $PORT did not answer"
  expect_status 2 "PG: the user's own connect_timeout is kept" bounded 60 "$PETARAWAN" check \
    --boundaries "PG:host=127.0.0.1 port=$PORT dbname=batas connect_timeout=2" --key KODE \
    --table "$BAD/good.csv:kode" --value skor
  contains "says the user's timeout" "did not answer within 2 s"
  kill "$LISTENER" 2>/dev/null; LISTENER=""
else
  skip "PG hang: python3 is needed for the silent listener"
fi

# ---- 5: what is not a regular file where a file is expected
mkfifo "$T/fifo.csv" "$T/fifo.geojson" "$T/fifo.style"
for c in "table|--boundaries $BAD/good.geojson --key KODE --table $T/fifo.csv:kode --value skor|$T/fifo.csv: is a FIFO (named pipe), not a regular file; give the table as a file" \
         "boundaries|--boundaries $T/fifo.geojson --key KODE --table $BAD/good.csv:kode --value skor|$T/fifo.geojson: is a FIFO (named pipe), not a regular file; give the boundaries as a file" \
         "style|$GOOD --style $T/fifo.style|$T/fifo.style: is a FIFO (named pipe), not a regular file; give the style as a file" \
         "style /dev/zero|$GOOD --style /dev/zero|/dev/zero: is a character device, not a regular file; give the style as a file" \
         "logo /dev/zero|$GOOD --logo /dev/zero|/dev/zero: is a character device, not a regular file; give the logo as a file" \
         "project /dev/zero|/dev/zero|/dev/zero: is a character device, not a regular file; give the project file as a file" \
         "project FIFO|$T/fifo.style|$T/fifo.style: is a FIFO (named pipe), not a regular file; give the project file as a file"; do
  what=${c%%|*}; rest=${c#*|}; args=${rest%%|*}; msg=${rest#*|}
  # shellcheck disable=SC2086
  expect_status 2 "$what: refused" bounded 30 "$PETARAWAN" build $args -o "$T/out-5"
  contains "$what: says what it is" "$msg"
  check "$what: nothing written" test ! -e "$T/out-5"
done
head -c $((4 * 1024 * 1024 + 1)) /dev/zero | tr '\0' '#' > "$T/big.style"
expect_status 2 "a style over 4 MiB" bounded 30 "$PETARAWAN" build "$@" --style "$T/big.style" -o "$T/out-5"
contains "says the size and the limit" "big.style: the style is 4194305 bytes; the limit is 4194304 bytes"

# ---- 14: names that draw reversed or blank
expect_status 0 "names with U+202E, only zero-width spaces, isolates, ZWJ emoji" bounded 120 \
  "$PETARAWAN" build --boundaries "$BAD/names-hidden.geojson" --key KODE --name NAMA \
  --group KODE_PROV --table "$BAD/good.csv:kode" --value skor --style ikp-kabkota -o "$T/out-14"
contains "notes the override, naming the feature" "names-hidden.geojson feature 0 (KODE '11.01'), field NAMA: the text holds bidirectional control characters"
contains "notes the invisible name" "feature 1 (KODE '11.02'), field NAMA: the text has no visible character"
if command -v pdftotext > /dev/null; then
  pdftotext "$T/out-14/11-aceh.pdf" "$T/aceh.txt"
  # Stored as U+202E + 'heceA hceA': drawn in stored order, not reversed.
  check "the overridden name is drawn in its stored order" grep -q 'heceA hceA' "$T/aceh.txt"
  check "the invisible name is shown as its code" grep -q '11\.02' "$T/aceh.txt"
  check "the name with isolates is drawn" grep -q 'Aceh Selatan' "$T/aceh.txt"
else
  skip "PDF text: pdftotext (poppler-utils) is needed"
fi

# ---- 16: an SVG logo whose entities refer to each other (libxml2 leaked
# inside, so under ASan exit 2 turned into exit 1)
expect_status 2 "an SVG logo with an entity loop" bounded 60 "$PETARAWAN" build "$@" \
  --logo "$TESTS_SRC/logo/entity-loop.svg" -o "$T/out-16"
contains "says entities are refused" "entity-loop.svg: the SVG logo declares XML entities (<!ENTITY ...>); they are refused"
check "nothing written" test ! -e "$T/out-16"
iconv -f UTF-8 -t UTF-16 "$TESTS_SRC/logo/entity-loop.svg" > "$T/entity-loop-16.svg"
expect_status 2 "the same logo in UTF-16" bounded 60 "$PETARAWAN" build "$@" \
  --logo "$T/entity-loop-16.svg" -o "$T/out-16"
contains "says entities are refused" "the SVG logo declares XML entities"
expect_status 0 "a plain SVG logo still draws" bounded 120 "$PETARAWAN" build "$@" \
  --logo "$TESTS_SRC/logo/logo.svg" -o "$T/out-16" -q

# ---- 8: a manifest.json nested 10^6 deep (json-glib recursed until the
# stack overflowed: every build into the folder crashed, each leaving a
# staging folder), one that is a FIFO, one that is not JSON
expect_status 0 "a first build" bounded 120 "$PETARAWAN" build "$@" -o "$T/out-8" -q
python3 -c "print('[' * 1000000 + ']' * 1000000)" > "$T/out-8/manifest.json"
expect_status 0 "a build over a manifest nested 10^6 deep" bounded 120 "$PETARAWAN" build "$@" -o "$T/out-8"
contains "notes it and redraws everything" "manifest.json is nested more than 32 levels deep; treated as absent, everything is redrawn"
check "no staging folder left" test -z "$(ls -A "$T/out-8" | grep '^\.petarawan-')"
check "a sound manifest was written" grep -q output_hashes "$T/out-8/manifest.json"
rm "$T/out-8/manifest.json" && mkfifo "$T/out-8/manifest.json"
expect_status 0 "a build over a manifest that is a FIFO" bounded 120 "$PETARAWAN" build "$@" -o "$T/out-8"
contains "notes it" "manifest.json: is a FIFO (named pipe), not a regular file; give the manifest as a file; treated as absent"
printf '{"output_hashes": ' > "$T/out-8/manifest.json"
expect_status 0 "a build over a manifest cut short" bounded 120 "$PETARAWAN" build "$@" -o "$T/out-8"
contains "notes it" "manifest.json is not JSON"

# ---- 1: the sweep of leftover staging folders removes only its own
mkdir "$T/out-1" "$T/victim" "$T/out-1/.petarawan-mine00"
echo x > "$T/victim/a.docx"
ln -s ../victim "$T/out-1/.petarawan-zzzzzz"          # a link named like a stage
mkdir "$T/out-1/.petarawan-yyyyyy"                    # a folder without our marker
echo keep > "$T/out-1/.petarawan-yyyyyy/notes.txt"
echo "petarawan 1" > "$T/out-1/.petarawan-mine00/.petarawan-stage"   # a stage a killed build left
echo half > "$T/out-1/.petarawan-mine00/11-aceh.pdf"
ln -s ../../victim/a.docx "$T/out-1/.petarawan-mine00/link.pdf"
expect_status 0 "a build into a folder with a link named like a stage" bounded 120 \
  "$PETARAWAN" build "$@" -o "$T/out-1" -q
check "the linked folder's files are untouched" test "$(cat "$T/victim/a.docx")" = x
check "the link itself is left" test -L "$T/out-1/.petarawan-zzzzzz"
check "a folder without the marker is left, with its file" test "$(cat "$T/out-1/.petarawan-yyyyyy/notes.txt")" = keep
check "a stage with our marker is swept" test ! -e "$T/out-1/.petarawan-mine00"
check "a link inside a swept stage was removed, not its target" test "$(cat "$T/victim/a.docx")" = x

# ---- 2: the commit is all or nothing: a target that cannot be replaced,
# at every position, leaves every earlier output as it was
snapshot() { (cd "$1" && ls -A && md5sum -- * 2>&1) 2>&1; }
expect_status 0 "a good build" bounded 120 "$PETARAWAN" build "$@" -o "$T/out-2" -q
for target in $(cd "$T/out-2" && ls); do
  rm -rf "$T/out-2c" && cp -a "$T/out-2" "$T/out-2c"
  rm "$T/out-2c/$target" && mkdir "$T/out-2c/$target"
  before=$(snapshot "$T/out-2c")
  expect_status 3 "$target a folder: a new build fails" bounded 120 "$PETARAWAN" build "$@" \
    --force --title "Judul baru" -o "$T/out-2c"
  contains "$target a folder: says which and that nothing changed" "$target: cannot be replaced: it is a folder; nothing was changed"
  [ "$before" = "$(snapshot "$T/out-2c")" ] && ok "$target a folder: every other output unchanged" ||
    not_ok "$target a folder: outputs changed"
  check "$target a folder: no staging folder left" test -z "$(ls -A "$T/out-2c" | grep '^\.petarawan-')"
done
rm -rf "$T/out-2c" && cp -a "$T/out-2" "$T/out-2c"
if chattr +i "$T/out-2c/atlas.pdf" 2>/dev/null; then
  before=$(snapshot "$T/out-2c")
  expect_status 3 "atlas.pdf immutable: a new build fails" bounded 120 "$PETARAWAN" build "$@" \
    --force --title "Judul baru" -o "$T/out-2c"
  chattr -i "$T/out-2c/atlas.pdf"
  [ "$before" = "$(snapshot "$T/out-2c")" ] && ok "atlas.pdf immutable: every output unchanged" ||
    not_ok "atlas.pdf immutable: outputs changed"
else
  skip "immutable atlas.pdf: chattr +i is not possible here (needs root and a file system with attributes)"
fi

# ---- 3: an output path too long leaves none of the folders it made
deep="$T/out-3"; i=0; while [ $i -lt 16 ]; do deep="$deep/d$i"; i=$((i + 1)); done
leaf=$(head -c 300 /dev/zero | tr '\0' n)
expect_status 3 "-o with a name too long" bounded 120 "$PETARAWAN" build "$@" -o "$deep/$leaf"
contains "says why" "File name too long"
check "no folder made on the way is left" test ! -e "$T/out-3"

# ---- 15: SIGTERM or SIGINT during a build (and watch's first build)
# leaves no staging folder
if [ -f "$SHARED_DATA/batas/kabkota.shp" ]; then
  KAB="--boundaries $SHARED_DATA/batas/kabkota.shp --key KODE --name NAMA --group KODE_PROV \
--table $SHARED_DATA/skor/ikp_kabkota_contoh.csv:kode_wilayah --value skor_ikp --style ikp-kabkota"
  for c in "TERM build 143" "INT build 130" "TERM watch 143"; do
    set -- $c; sig=$1; cmd=$2; want=$3; out="$T/out-15-$sig-$cmd"
    # shellcheck disable=SC2086
    # PNGs at 300 dpi too: a build of several seconds even on an idle
    # machine, so the signal comes while sheets are being drawn.
    env --default-signal=INT timeout -k 5 120 "$PETARAWAN" $cmd $KAB --format pdf,png --dpi 300 \
      -o "$out" -q > /dev/null 2>&1 &
    pid=$!
    n=0; while [ $n -lt 300 ] && ! ls -A "$out" 2>/dev/null | grep -q '^\.petarawan-'; do sleep 0.1; n=$((n + 1)); done
    sleep 0.3 # sheets being drawn
    # timeout is the parent: signal the program itself
    kid=$(pgrep -P $pid | head -1)
    kill -"$sig" "${kid:-$pid}"
    wait $pid; st=$?
    [ "$st" -eq "$want" ] && ok "SIG$sig during $cmd: exit $want" || not_ok "SIG$sig during $cmd: exit $st, wanted $want"
    left=$(ls -A "$out" 2>/dev/null | grep '^\.petarawan-')
    [ -z "$left" ] && ok "SIG$sig during $cmd: no staging folder left" ||
      { not_ok "SIG$sig during $cmd: left $left"; ls -lA "$out/$left" | sed 's/^/# /'; }
  done
else
  skip "signals: shared data not found at $SHARED_DATA (a build long enough to interrupt)"
fi
set -- --boundaries "$BAD/good.geojson" --key KODE --name NAMA --group KODE_PROV \
  --table "$BAD/good.csv:kode" --value skor --style ikp-kabkota

# ---- 6: an atlas of more sheets than files may be open at once (ulimit -n
# 256; 1,000 groups ran out of descriptors at the usual 1,024)
if command -v python3 > /dev/null && command -v qpdf > /dev/null; then
  python3 - "$T/many" 700 <<'PY'
import json, sys
out, n = sys.argv[1], int(sys.argv[2])
feats, rows = [], ["kode,skor"]
for i in range(n):
    x, y = 95 + (i % 40) * 0.5, -10 + (i // 40) * 0.5
    code = "%02d.%02d" % (11 + i // 99, 1 + i % 99)
    feats.append({"type": "Feature", "properties": {"KODE": code, "NAMA": "D%d" % i, "GRUP": "G%04d" % i},
                  "geometry": {"type": "Polygon", "coordinates": [[[x, y], [x + .4, y], [x + .4, y + .4], [x, y + .4], [x, y]]]}})
    rows.append("%s,%d" % (code, i % 100))
json.dump({"type": "FeatureCollection", "features": feats}, open(out + ".geojson", "w"))
open(out + ".csv", "w").write("\n".join(rows) + "\n")
PY
  expect_status 0 "700 sheets and their atlas with ulimit -n 256" sh -c "ulimit -n 256 && exec timeout 600 \"\$0\" \"\$@\"" \
    "$PETARAWAN" build --boundaries "$T/many.geojson" --key KODE --name NAMA --group GRUP \
    --group-name GRUP --table "$T/many.csv:kode" --value skor --style ikp-kabkota -j 2 -q -o "$T/out-6"
  pages=$(qpdf --show-npages "$T/out-6/atlas.pdf" 2>/dev/null)
  check "the atlas has every sheet (700 + overview + contents pages)" test "${pages:-0}" -gt 701
  marks=$(qpdf --json --json-key=outlines "$T/out-6/atlas.pdf" 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["outlines"]))')
  check "one bookmark per sheet and the overview (701)" test "$marks" = 701
  last=$(pdftotext -f "$pages" -l "$pages" "$T/out-6/atlas.pdf" - 2>/dev/null | grep -c 'G0699')
  check "the last page is the last sheet" test "$last" -ge 1
  check "no part files left" test -z "$(ls -A "$T/out-6" | grep '^\.')" 
else
  skip "many sheets: python3 and qpdf are needed"
fi

# ---- 7: PNG sheets in parallel within a memory budget (PETARAWAN_RASTER_MB;
# default half the physical memory): fewer at once, and a page that alone
# does not fit is refused before anything is written
expect_status 2 "an A0 PNG that does not fit the budget" bounded 120 env PETARAWAN_RASTER_MB=100 \
  "$PETARAWAN" build "$@" --format pdf,png --paper A0 --dpi 300 -o "$T/out-7"
contains "says how much, the limit and the dpi that fits" "--dpi 300: a PNG of this page (3370 x 2384 pt) would take 0.6 GB of memory; the limit is 0.1 GB: give a lower --dpi (at most 130 here)"
check "nothing written" test ! -e "$T/out-7"
if [ -x /usr/bin/time ] && [ "$LIMIT_VM" != unlimited ]; then
  rss() { mb=$1; shift; /usr/bin/time -f %M -o "$T/rss" env PETARAWAN_RASTER_MB=$mb "$PETARAWAN" build "$@" \
            --format pdf,png --dpi 300 -j 3 --force -q -o "$T/out-7b" > /dev/null 2>&1; cat "$T/rss"; }
  one=$(rss 40 "$@"); three=$(rss 1000 "$@")
  # An A4 page at 300 dpi is 35 MB: a 40 MB budget draws one at a time.
  check "a 40 MB budget draws one PNG at a time (peak $one KB vs $three KB for three)" \
    test $((one + 50000)) -lt "$three"
else
  skip "peak memory: needs /usr/bin/time, and not under ASan"
fi

# ---- 12: messages say what is wrong without echoing megabytes back
long=$(head -c 100000 /dev/zero | tr '\0' 9)
expect_status 2 "--only with 100 KB of codes" bounded 60 "$PETARAWAN" build "$@" --only "$long" -o "$T/out-12"
contains "says no such group" "no such group in KODE_PROV"
check "the message is short (under 1 KB, not the 100 KB given)" test "$(printf '%s' "$OUT" | wc -c)" -lt 1024
expect_status 2 "--dpi with 100 KB" bounded 60 "$PETARAWAN" build "$@" --dpi "$long" -o "$T/out-12"
check "the message is short (under 1 KB)" test "$(printf '%s' "$OUT" | wc -c)" -lt 1024

done_testing
