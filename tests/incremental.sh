#!/bin/sh
# incremental.sh — scripted regeneration: a second build with no change
# redraws nothing; changing one district's score redraws exactly its
# province, the overview and the atlas; --force redraws all; a build killed
# with SIGKILL mid-way and concurrent builds leave every previous output
# intact and readable.
. "$TESTS_SRC/tap.sh"
shared_or_skip_all
S=$SHARED_DATA
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir "$T/tab"
cp "$S/skor/ikp_kabkota_contoh.csv" "$T/tab/ikp_kabkota_contoh.csv"
set -- --boundaries "$S/batas/kabkota.shp" --key KODE --name NAMA --group KODE_PROV \
  --table "$T/tab/ikp_kabkota_contoh.csv:kode_wilayah" \
  --table "$S/skor/personel_kabkota_contoh.csv:kode_wilayah" \
  --value skor_ikp --style ikp-kabkota

expect_status 0 "first build" "$PETARAWAN" build "$@" -o "$T/out"
contains "first build draws all 38" "38 sheets redrawn, 0 unchanged"
sums() { (cd "$T/out" && md5sum ./*.pdf ./manifest.json); }
before=$(sums)
expect_status 0 "second build, nothing changed" "$PETARAWAN" build "$@" -o "$T/out"
contains "nothing redrawn" "0 sheets redrawn, 38 unchanged"
case $OUT in *"redrawn: "*) not_ok "no output listed as redrawn";; *) ok "no output listed as redrawn";; esac
[ "$before" = "$(sums)" ] && ok "files untouched" || not_ok "files changed"

# Kota Kupang (53.71) gets a new score.
awk -F, 'BEGIN { OFS = "," } $1 == "53.71" { $3 = "99.00" } { print }' \
  "$S/skor/ikp_kabkota_contoh.csv" > "$T/tab/ikp_kabkota_contoh.csv"
expect_status 0 "build after one score changed" "$PETARAWAN" build "$@" -o "$T/out"
contains "exactly its province, the overview and the atlas" \
  "redrawn: atlas (changed), 00-nasional (changed), 53-nusa-tenggara-timur (changed)"
contains "37 sheets kept" "1 sheets redrawn, 37 unchanged"
OUT=$(pdftotext "$T/out/53-nusa-tenggara-timur.pdf" -)
contains "the new score is on the sheet" "99,00"
after=$(sums)
changed=$(printf '%s\n%s\n' "$before" "$after" | sort | uniq -u | awk '{print $2}' | sort -u | tr '\n' ' ')
[ "$changed" = "./00-nasional.pdf ./53-nusa-tenggara-timur.pdf ./atlas.pdf ./manifest.json " ] \
  && ok "only those files changed" || not_ok "changed files: $changed"

expect_status 0 "--force redraws all" "$PETARAWAN" build "$@" -o "$T/out" --force
contains "all 38 redrawn" "38 sheets redrawn, 0 unchanged"

# Killed mid-way: the previous outputs stay intact and readable.
good=$(sums)
"$PETARAWAN" build "$@" -o "$T/out" --force -j 2 -q &
pid=$!
sleep 0.5
kill -KILL $pid 2>/dev/null
wait $pid 2>/dev/null
stale=$(ls -A "$T/out" | grep -c '^\.petarawan-' || true)
echo "# the killed build left $stale staging folder(s)"
bad=0
for f in "$T/out"/*.pdf; do pdfinfo "$f" >/dev/null 2>&1 || bad=$((bad + 1)); done
[ "$bad" = 0 ] && ok "after SIGKILL every PDF still opens" || not_ok "$bad PDFs broken after SIGKILL"
[ "$good" = "$(sums)" ] && ok "after SIGKILL outputs are the previous ones" || not_ok "outputs changed after SIGKILL"
expect_status 0 "a build after the killed one" "$PETARAWAN" build "$@" -o "$T/out"
left=$(ls -A "$T/out" | grep -c '^\.petarawan-\|^\.[^.].*\.\(pdf\|png\|svg\)\.' || true)
[ "$left" = 0 ] && ok "the next build swept the killed build's temporary files" || not_ok "$left temporary files left"

# Two builds at once into one folder: both finish, nothing corrupt.
"$PETARAWAN" build "$@" -o "$T/out" --force -q & p1=$!
"$PETARAWAN" build "$@" -o "$T/out" --force -q & p2=$!
wait $p1; s1=$?
wait $p2; s2=$?
[ "$s1" = 0 ] && [ "$s2" = 0 ] && ok "concurrent builds both succeed" || not_ok "concurrent builds: $s1 $s2"
bad=0
for f in "$T/out"/*.pdf; do pdfinfo "$f" >/dev/null 2>&1 || bad=$((bad + 1)); done
[ "$bad" = 0 ] && ok "after concurrent builds every PDF opens" || not_ok "$bad PDFs broken"
expect_status 0 "and the next build finds nothing to do" "$PETARAWAN" build "$@" -o "$T/out"
contains "manifest consistent after concurrent builds" "0 sheets redrawn, 38 unchanged"

# A kept sheet that no longer reads as a PDF: the atlas cannot be put
# together, and the build says so (naming the file) instead of succeeding.
echo garbage > "$T/out/11-aceh.pdf"
awk -F, 'BEGIN { OFS = "," } $1 == "53.71" { $3 = "98.00" } { print }' \
  "$S/skor/ikp_kabkota_contoh.csv" > "$T/tab/ikp_kabkota_contoh.csv"
expect_status 3 "a build whose atlas reads a damaged sheet fails" "$PETARAWAN" build "$@" -o "$T/out" -q
contains "the error names the damaged sheet" "atlas.pdf: reading $T/out/11-aceh.pdf"
done_testing
