#!/bin/sh
# tables.sh — table formats through the command line: every CSV style of
# tests/tables/ joined to tests/bad/good.geojson, XLSX and ODS written at
# test time with ogr2ogr (several sheets, picked by name or number), the
# table options on the command line, after '#' in a table spec and in a
# project file, notes on stderr (never in --json output), and errors that
# name the file, option and value with exit 2 and nothing written.
. "$TESTS_SRC/tap.sh"
TB=$TESTS_SRC/tables
B=$TESTS_SRC/bad/good.geojson
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
set -- --boundaries "$B" --key KODE --name NAMA --group KODE_PROV

# Each CSV style: all five districts matched, the value read.
for f in ikp-titik-koma.csv ikp-pipe.csv ikp-tab.tsv ikp-koma.csv; do
  expect_status 0 "check $f" "$PETARAWAN" check "$@" --table "$TB/$f:kode" --value skor_ikp
  contains "$f: every row matched" "(key kode): matched 5 of 5 rows"
done
expect_status 0 "Indonesian export" "$PETARAWAN" check "$@" --table "$TB/ikp-titik-koma.csv:kode" --value skor_ikp
contains "title rows skipped, said" "note: $TB/ikp-titik-koma.csv: header on row 4; rows 1-3 above it skipped"
contains "missing values counted, said" "missing values (empty, '-', 'n/a'): skor_ikp 2 (rows 7, 8)"
contains "missing values leave districts without data" "Value skor_ikp: matched 3 of 5 districts"
OUT=$("$PETARAWAN" check "$@" --table "$TB/ikp-titik-koma.csv:kode" --value skor_ikp --json 2>/dev/null)
if printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["missing_values"] == 2 and d["with_data"] == 3' 2>/dev/null; then
  ok "--json: only JSON on stdout, 2 missing values, 3 with data"
else
  not_ok "--json output: $OUT"
fi
OUT=$("$PETARAWAN" check "$@" --table "$TB/ikp-titik-koma.csv:kode" --value skor_ikp --log-json 2>&1)
contains "--log-json: notes as events" '"event":"note","table":'
expect_status 0 "Windows-1252 CSV" "$PETARAWAN" check "$@" --table "$TB/cp1252.csv:kode" --value skor_ikp
contains "read as CP1252, said" "cp1252.csv: not UTF-8 (byte 0x96 on line 2): read as Windows-1252 (CP1252)"
contains "CP1252 rows joined" "(key kode): matched 1 of 3 rows"

# Options: on the command line, after '#', in a project file.
printf 'kode;skor_ikp\n11.01;45,5\n11.02;1.234\n' > "$T/satu.csv"
expect_status 2 "--separator pipe makes one column" "$PETARAWAN" check "$@" --table "$T/satu.csv:kode" --value skor_ikp --separator pipe
contains "its key is then missing" "satu.csv: no key field 'kode' (fields: kode;skor_ikp)"
expect_status 0 "per-table separator wins over --separator" "$PETARAWAN" check "$@" --table "$T/satu.csv:kode#separator=semicolon" --value skor_ikp --separator pipe
contains "read with ';'" "matched 2 of 2 rows"
expect_status 2 "bad --separator" "$PETARAWAN" check "$@" --table "$T/satu.csv:kode" --value skor_ikp --separator x
contains "option and value named" "command line: separator: 'x' is not a separator (comma, semicolon, tab, pipe or auto)"
expect_status 2 "bad #numbers" "$PETARAWAN" check "$@" --table "$T/satu.csv:kode#numbers=banyak" --value skor_ikp
contains "file, option and value named" "satu.csv: numbers: 'banyak' is not a number format (indonesian, plain or auto)"
mkdir "$T/proj"
cp "$TB/mixed-numbers.csv" "$T/proj/"
cat > "$T/proj/p.petarawan" <<EOF
[petarawan]
boundaries=$B
key=KODE
table=mixed-numbers.csv:kode
value=skor_ikp
header-row=satu
EOF
expect_status 2 "bad header-row in a project file" "$PETARAWAN" check "$T/proj/p.petarawan"
contains "file, line, option and value named" "p.petarawan:6: header-row: 'satu' is not a row number"
sed -i '/^header-row/d' "$T/proj/p.petarawan"
expect_status 2 "a column mixing both number styles ambiguously" "$PETARAWAN" build "$T/proj/p.petarawan" -o "$T/out"
contains "file, column, rows and values named" "mixed-numbers.csv, column skor_ikp: mixes Indonesian numbers '45,23' (row 2) with plain ones '12.5' (row 3), so '1.234' (row 4) could be 1234 (Indonesian) or 1.234 (plain)"
check "nothing written" test ! -e "$T/out"
echo "numbers=indonesian" >> "$T/proj/p.petarawan"
expect_status 0 "numbers=indonesian in the project settles it" "$PETARAWAN" check "$T/proj/p.petarawan"
contains "all rows read" "Value skor_ikp: matched 4 of 5 districts"

# Workbooks written with ogr2ogr: two sheets, picked by name or number.
printf 'kode,nama\n11.01,catatan\n' > "$T/Catatan.csv"
printf 'kode,personel_polri\n11.01,120\n11.02,95\n11.03,40\n12.01,77\n12.02,60\n' > "$T/Personel.csv"
for fmt in XLSX ODS; do
  ext=$(echo $fmt | tr A-Z a-z)
  w="$T/rekap.$ext"
  if ogr2ogr -f $fmt "$w" "$T/Catatan.csv" -nln Catatan >/dev/null 2>&1 &&
     ogr2ogr -f $fmt -update "$w" "$T/Personel.csv" -nln Personel >/dev/null 2>&1; then
    ok "$fmt written with ogr2ogr"
  else
    not_ok "$fmt written with ogr2ogr"
  fi
  for pick in "#sheet=Personel" "#sheet=2"; do
    expect_status 0 "$fmt sheet $pick" "$PETARAWAN" check "$@" --table "$w:kode$pick" --value personel_polri
    contains "$fmt $pick: every row matched" "matched 5 of 5 rows"
  done
  expect_status 0 "$fmt --sheet Personel for all tables" "$PETARAWAN" check "$@" --table "$w:kode" --value personel_polri --sheet Personel
  contains "$fmt --sheet: matched" "Value personel_polri: matched 5 of 5 districts"
  expect_status 2 "$fmt unknown sheet" "$PETARAWAN" check "$@" --table "$w:kode#sheet=Rekap" --value personel_polri
  contains "$fmt: the sheets there are named" "rekap.$ext: sheet Rekap: there is no such sheet (2: Catatan, Personel)"
done
done_testing
