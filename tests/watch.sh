#!/bin/sh
# watch.sh — `petarawan watch`: builds, rebuilds when a table changes (only
# the sheets that changed), survives a broken edit with the previous outputs
# intact, rebuilds when it is fixed, and stops cleanly on SIGTERM.
. "$TESTS_SRC/tap.sh"
T=$(mktemp -d)
W=
trap '[ -n "$W" ] && kill $W 2>/dev/null; rm -rf "$T"' EXIT
cp "$PETARAWAN_DATA/ikp2024_provinsi.csv" "$T/ikp.csv"
"$PETARAWAN" watch --boundaries "$PETARAWAN_BUILD_DATA/demo.gpkg" --layer provinsi --key KODE \
  --name NAMA --group KODE_PULAU --group-name PULAU --table "$T/ikp.csv:kode" \
  --value skor_ikp --style ikp-provinsi -o "$T/out" > "$T/log" 2>&1 &
W=$!

# wait_for SECONDS COMMAND...: polls until COMMAND succeeds.
wait_for() {
  n=$(($1 * 10)); shift
  while [ $n -gt 0 ]; do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; n=$((n - 1)); done
  return 1
}
jawa_has() { pdftotext "$T/out/3-jawa.pdf" - 2>/dev/null | grep -q "$1"; }

wait_for 60 grep -q "watching" "$T/log" && ok "first build done, watching" || not_ok "no first build: $(cat "$T/log")"
check "first build wrote the Jawa sheet" test -s "$T/out/3-jawa.pdf"
sumatera=$(md5sum < "$T/out/1-sumatera.pdf")

# DKI Jakarta (31) gets a new score.
sed 's/^31,DKI Jakarta,88.95,/31,DKI Jakarta,11.11,/' "$PETARAWAN_DATA/ikp2024_provinsi.csv" > "$T/ikp.new"
mv "$T/ikp.new" "$T/ikp.csv"
wait_for 60 jawa_has "11,11" && ok "the change is rebuilt into the Jawa sheet" || not_ok "no rebuild: $(tail -5 "$T/log")"
wait_for 30 grep -q "redrawn: .*3-jawa (changed)" "$T/log" && ok "the rebuild says what it redrew" || not_ok "no redraw line"
[ "$sumatera" = "$(md5sum < "$T/out/1-sumatera.pdf")" ] && ok "other sheets untouched" || not_ok "Sumatera sheet was redrawn"

# A broken edit: the rebuild fails, the outputs stay, watching goes on.
good=$(md5sum < "$T/out/3-jawa.pdf")
printf 'kode,skor_ikp\n' > "$T/ikp.csv"
wait_for 60 grep -q "has no rows" "$T/log" && ok "broken table reported" || not_ok "broken table not reported: $(tail -3 "$T/log")"
[ "$good" = "$(md5sum < "$T/out/3-jawa.pdf")" ] && ok "outputs intact after the failed rebuild" || not_ok "outputs changed"
kill -0 $W 2>/dev/null && ok "still watching after a failure" || not_ok "watch exited"

cp "$PETARAWAN_DATA/ikp2024_provinsi.csv" "$T/ikp.csv"
wait_for 60 jawa_has "88,95" && ok "fixing the table rebuilds" || not_ok "no rebuild after the fix"

kill -TERM $W
wait $W; st=$?
W=
[ "$st" = 0 ] && ok "SIGTERM stops watch with status 0" || not_ok "watch exited with $st"
done_testing
