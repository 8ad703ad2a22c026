#!/bin/sh
# cli.sh — the command-line contract: help, version, styles, exit
# statuses, errors that name the file, row, field and value, and nothing
# written when the input is bad.
. "$TESTS_SRC/tap.sh"
T=$(mktemp -d)
trap 'chmod -R u+w "$T"; rm -rf "$T"' EXIT
D=$PETARAWAN_BUILD_DATA/demo.gpkg
set -- --boundaries "$D" --layer provinsi --key KODE --name NAMA --group KODE_PULAU \
  --table "$PETARAWAN_DATA/ikp2024_provinsi.csv:kode" --value skor_ikp --style ikp-provinsi

expect_status 0 "--version" "$PETARAWAN" --version
contains "version printed" "petarawan 0."
expect_status 0 "--help" "$PETARAWAN" --help
contains "help lists --boundaries" "--boundaries"
expect_status 0 "styles" "$PETARAWAN" styles
for s in ikp-kabkota ikp-provinsi ipkp quantile equal jenks; do contains "styles lists $s" "$s"; done
expect_status 2 "unknown command" "$PETARAWAN" frobnicate
expect_status 2 "unknown option" "$PETARAWAN" build --frobnicate -o "$T/x"
contains "unknown option named" "--frobnicate"
expect_status 2 "build without inputs" "$PETARAWAN" build -o "$T/x"
contains "missing options named" "--boundaries --key --value"
check "nothing written after bad usage" test ! -e "$T/x"
# Every option that needs no input is checked before any input is read,
# and every problem is reported at once (the boundaries do not exist:
# had they been read first, the run would have stopped on them).
expect_status 2 "several bad options at once" "$PETARAWAN" build --boundaries "$T/absent.shp" \
  --key KODE --value v --format pdf,tiff --paper B5 --orientation sideways --lang fr \
  --match maybe --date 2026-13-45 --table "$T/absent.csv#separator=colon" -o "$T/many"
contains "bad --format named" "--format: unknown format 'tiff'"
contains "bad --paper named" "--paper: unknown paper 'B5'"
contains "bad --orientation named" "--orientation: 'sideways' is neither landscape nor portrait"
contains "bad --lang named" "--lang: 'fr' is not a language"
contains "bad --match named" "--match: 'maybe' is not auto, code or name"
contains "bad --date named" "--date: '2026-13-45' is not a date (YYYY-MM-DD)"
contains "bad table option named with its table" "absent.csv: separator: 'colon' is not a separator"
case $OUT in
  *absent.shp*) not_ok "no input read before the options were checked" ;;
  *) ok "no input read before the options were checked" ;;
esac
check "nothing written after bad options" test ! -e "$T/many"

expect_status 0 "check on the demo" "$PETARAWAN" check "$@"
contains "check counts matches as N of M" "matched 33 of 33 districts"
contains "unmatched row named with file, row and key" "ikp2024_provinsi.csv row 28, kode '65' is not in the boundaries"
expect_status 1 "--strict turns data problems into exit 1" "$PETARAWAN" check "$@" --strict
expect_status 0 "check --json" "$PETARAWAN" check "$@" --json
json_has "json has the unmatched row" \
  'any(u["row"] == 28 and u["key"] == "65" for t in j["tables"] for u in t["unmatched"])'
json_has "json says there are problems" 'j["problems"] is True'

printf 'kode,skor_ikp\n11,40\n12,x9\n12,50\n99,1\n' > "$T/rusak.csv"
expect_status 0 "check with a bad table" "$PETARAWAN" check --boundaries "$D" --layer provinsi --key KODE --table "$T/rusak.csv:kode" --value skor_ikp --style ikp-provinsi
contains "bad value named" "rusak.csv row 3, field skor_ikp: 'x9' is not a number"
contains "duplicate named" "rusak.csv row 4, kode '12' already given in row 3"
contains "unknown code named" "rusak.csv row 5, kode '99' is not in the boundaries"
# Nothing to map: exit 2, and with --json standard output is still the
# JSON report (the error goes to standard error).
printf 'kode,skor_ikp\n99,1\n' > "$T/kosong.csv"
OUT=$("$PETARAWAN" check --json --boundaries "$D" --layer provinsi --key KODE --table "$T/kosong.csv:kode" \
  --value skor_ikp --style ikp-provinsi 2>/dev/null)
st=$?
if [ "$st" -eq 2 ]; then ok "check --json with nothing to map (exit 2)"; else not_ok "check --json with nothing to map: exit $st, wanted 2"; fi
json_has "check --json with nothing to map prints the JSON report" \
  'j["with_data"] == 0 and j["tables"][0]["unmatched"][0]["key"] == "99"'

expect_status 2 "unknown style" "$PETARAWAN" build "$@" --style nope -o "$T/y"
contains "unknown style named with the choices" "ikp-kabkota"
check "nothing written for an unknown style" test ! -e "$T/y"
expect_status 2 "missing key field" "$PETARAWAN" build --boundaries "$D" --layer provinsi --key KODEX --table "$PETARAWAN_DATA/ikp2024_provinsi.csv:kode" --value skor_ikp -o "$T/z"
contains "missing field named with the fields there are" "no field 'KODEX' for the key (--key) (fields: KODE, NAMA, KODE_PULAU, PULAU)"
expect_status 2 "unreadable boundaries" "$PETARAWAN" build --boundaries "$T/none.shp" --key KODE --value v -o "$T/z"
contains "unreadable file named" "none.shp"
expect_status 2 "unknown value field" "$PETARAWAN" check "$@" --value skor
contains "value field named with the fields there are" "no field 'skor' in the tables"
check "nothing written after bad input" test ! -e "$T/z"

mkdir "$T/ro" && chmod a-w "$T/ro"
if [ "$(id -u)" != 0 ]; then
  expect_status 3 "read-only output folder" "$PETARAWAN" build "$@" -o "$T/ro"
else
  skip "read-only output folder (root can write anywhere)"
fi

expect_status 0 "build the demo into a folder" "$PETARAWAN" build "$@" -o "$T/good" -q
before=$(cat "$T/good"/*.pdf | md5sum)
printf 'kode,skor_ikp\n11,40\n' > "$T/t2.csv"
expect_status 2 "a later build with a bad style" "$PETARAWAN" build "$@" --style "$T/missing.style" -o "$T/good"
after=$(cat "$T/good"/*.pdf | md5sum)
[ "$before" = "$after" ] && ok "earlier outputs left untouched" || not_ok "earlier outputs changed"
left=$(ls -A "$T/good" | grep -c '^\.' || true)
[ "$left" = 0 ] && ok "no temporary files left behind" || not_ok "$left temporary files left"
# Project files: every problem at once, with file and line.
printf '[petarawan]\nboundaries=x.gpkg\n\nfoo=1\nclasses=abc\n' > "$T/bad.petarawan"
expect_status 2 "bad project file" "$PETARAWAN" build "$T/bad.petarawan"
contains "unknown key named with its line" "bad.petarawan:4: unknown key 'foo'"
contains "bad value named with its line" "bad.petarawan:5: classes: 'abc' is not a whole number"
printf '[petarawan]\nfo\033[31mo=1\n' > "$T/esc.petarawan"
expect_status 2 "project file with a control character in a key" "$PETARAWAN" build "$T/esc.petarawan"
case $OUT in *"$(printf '\033')"*) not_ok "the control character reached the terminal";; *) ok "no control character in the message";; esac
expect_status 2 "a date that is not a date" "$PETARAWAN" build "$@" --date 2025-13-40 -o "$T/d0"
contains "bad date named" "--date: '2025-13-40' is not a date"
expect_status 0 "--date and --organisation" "$PETARAWAN" build "$@" --date 2024-11-27 \
  --organisation "Polda NTT" --only 5 -o "$T/d1" -q
OUT=$(pdftotext "$T/d1/5-5.pdf" - 2>&1; pdfinfo "$T/d1/5-5.pdf" 2>&1)
contains "organisation in the footer" "Disusun oleh Polda NTT"
contains "the given date on the sheet" "27 November 2024"
contains "the given date in the PDF metadata" "Nov 27 00:00:00 2024"

# --log-json: every line on stdout is one JSON object; the last says done.
OUT=$("$PETARAWAN" build "$@" -o "$T/lj" --log-json 2>/dev/null)
printf '%s\n' "$OUT" | python3 -c '
import json, sys
events = [json.loads(l) for l in sys.stdin if l.strip()]
assert events[0]["event"] == "report" and events[0]["districts"] == 33, events[0]
assert events[-1] == {"event": "done", "output_dir": sys.argv[1], "sheets_redrawn": 7,
                      "sheets_unchanged": 0, "status": 0}, events[-1]
assert sum(e["event"] == "drawn" for e in events) == 9
' "$T/lj" && ok "--log-json prints parseable events ending with done" || not_ok "--log-json output: $OUT"
OUT=$("$PETARAWAN" build "$@" --style nope -o "$T/lj2" --log-json 2>/dev/null)
contains "--log-json reports errors with their status" '"event":"error"'
contains "error event carries exit status 2" '"status":2}'
expect_status 0 "progress as plain lines when not on a terminal" "$PETARAWAN" build "$@" -o "$T/pl" --force
contains "a plain progress line per output" "drew 3-3 ("
done_testing
