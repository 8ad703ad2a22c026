#!/bin/sh
# keys.sh — tables keyed by name from the command line: `check` names
# ambiguous rows with their candidates and --strict fails on them, --json
# gives them to scripts, --match, --table-group and --aliases (also from a
# project file) do what they say or fail with exit 2 naming the problem,
# sheets carry the data-quality line, and the real IKP 2024 province table
# joins the 38 provinces by name with the four new ones explained.
. "$TESTS_SRC/tap.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# Fixture boundaries: two Kupang, two Banjar in different provinces.
feature() { # KODE NAMA PROV X
  printf '{"type":"Feature","properties":{"KODE":"%s","NAMA":"%s","KODE_PROV":"%s"},"geometry":{"type":"Polygon","coordinates":[[[%s,-5],[%s.5,-5],[%s.5,-4.5],[%s,-4.5],[%s,-5]]]}}' \
    "$1" "$2" "$3" "$4" "$4" "$4" "$4" "$4"
}
{
  printf '{"type":"FeatureCollection","features":['
  feature 53.01 "Kabupaten Kupang" 53 120; printf ','
  feature 53.71 "Kota Kupang" 53 121; printf ','
  feature 53.04 "Kabupaten Belu" 53 122; printf ','
  feature 32.79 "Kota Banjar" 32 108; printf ','
  feature 63.03 "Kabupaten Banjar" 63 115
  printf ']}'
} > "$T/batas.geojson"
printf 'wilayah,skor\nKab. Kupang,10\nKupang,20\nKOTA BANJAR,30\nKabupaten Belu,40\n' > "$T/nama.csv"
set -- --boundaries "$T/batas.geojson" --key KODE --name NAMA --group KODE_PROV --value skor --style quantile --classes 2

expect_status 0 "check a table keyed by names" "$PETARAWAN" check "$@" --table "$T/nama.csv"
contains "joined by name" "(key wilayah, by name): matched 3 of 4 rows"
contains "ambiguous name named with its candidates" "nama.csv row 3, wilayah 'Kupang' could be 53.01 Kabupaten Kupang or 53.71 Kota Kupang (not joined"
contains "summary line" "Summary: matched 3 of 4 rows; 2 of 5 districts without data; 0 unmatched, 1 ambiguous"
expect_status 1 "--strict fails on an ambiguous name" "$PETARAWAN" check "$@" --table "$T/nama.csv" --strict
expect_status 0 "check --json" "$PETARAWAN" check "$@" --table "$T/nama.csv" --json
json_has "json gives the ambiguous row and its candidates" \
  'j["tables"][0]["ambiguous"] == [{"row": 3, "key": "Kupang", "candidates": [{"key": "53.01", "name": "Kabupaten Kupang"}, {"key": "53.71", "name": "Kota Kupang"}]}]'
json_has "json says how the table was matched" 'j["tables"][0]["match"] == "name"'
printf '%s' "$OUT" | python3 -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null &&
  ok "json report parses" || not_ok "json report does not parse"

expect_status 2 "--match code: nothing to map" "$PETARAWAN" check "$@" --table "$T/nama.csv" --match code
contains "--match code matches names as codes" "(key wilayah): matched 0 of 4 rows"
expect_status 2 "--match with a bad value" "$PETARAWAN" check "$@" --table "$T/nama.csv" --match nama
contains "bad --match named" "--match: 'nama' is not auto, code or name"
expect_status 2 "--match name without --name" "$PETARAWAN" check --boundaries "$T/batas.geojson" --key KODE --value skor --table "$T/nama.csv" --match name
contains "missing --name named" "--match name: give the boundaries' name field with --name FIELD"

printf 'wilayah,prov,skor\nBanjar,Kalsel,1\nBanjar,Jawa Barat,2\nKota Banjar,Kalimantan Selatan,3\n' > "$T/prov.csv"
expect_status 0 "--table-group" "$PETARAWAN" check "$@" --table "$T/prov.csv" --table-group prov
contains "names matched within the group" "(key wilayah, by name within prov): matched 2 of 3 rows"
contains "a name in the wrong province says where it is" "prov.csv row 4, wilayah 'Kota Banjar' is not in the boundaries: 32.79 Kota Banjar is in group 32; this row's prov is 'Kalimantan Selatan'"
expect_status 2 "--table-group naming a missing column" "$PETARAWAN" check "$@" --table "$T/nama.csv" --table-group provinsi
contains "missing group column named" "--table-group provinsi: $T/nama.csv has no such column"

printf 'wilayah,skor\nKota Karang,5\n' > "$T/karang.csv"
printf 'kode,nama,keterangan\n53.71,Kota Karang,nama lain (uji)\n' > "$T/alias.csv"
expect_status 2 "without the alias: nothing to map" "$PETARAWAN" check "$@" --table "$T/karang.csv" --match name
contains "unknown name unmatched" "karang.csv row 2, wilayah 'Kota Karang' is not in the boundaries"
expect_status 0 "--aliases adds a name" "$PETARAWAN" check "$@" --table "$T/karang.csv" --match name --aliases "$T/alias.csv"
contains "the alias joins" "matched 1 of 1 rows"
printf 'kode,nama\n53.71,\n' > "$T/alias-rusak.csv"
expect_status 2 "--aliases with an empty name" "$PETARAWAN" check "$@" --table "$T/karang.csv" --aliases "$T/alias-rusak.csv"
contains "bad alias file named with row and field" "--aliases: $T/alias-rusak.csv row 2, field nama: empty"

# A project file: the same keys, paths relative to it.
mkdir "$T/proj"
cp "$T/batas.geojson" "$T/karang.csv" "$T/alias.csv" "$T/proj/"
printf '[petarawan]\nboundaries=batas.geojson\nkey=KODE\nname=NAMA\ngroup=KODE_PROV\ntable=karang.csv\nmatch=name\naliases=alias.csv\nvalue=skor\nstyle=quantile\nclasses=2\n' > "$T/proj/p.petarawan"
expect_status 0 "project file with match and aliases" "$PETARAWAN" check "$T/proj/p.petarawan"
contains "project aliases used" "(key wilayah, by name): matched 1 of 1 rows"

# The build prints the summary; every sheet says how good its data is.
expect_status 0 "build with a name table" "$PETARAWAN" build "$@" --table "$T/nama.csv" -o "$T/out"
contains "build prints the summary" "Summary: matched 3 of 4 rows"
OUT=$(pdftotext -layout "$T/out/53-nusa-tenggara-timur.pdf" - 2>&1)
contains "the NTT sheet has its data-quality line" "Kualitas data: 1 kab/kota tanpa data; 1 nama ambigu"
OUT=$(pdftotext -layout "$T/out/32-jawa-barat.pdf" - 2>&1)
contains "a complete sheet says so" "Kualitas data: lengkap, 1 kab/kota berdata"
OUT=$(pdftotext -layout "$T/out/00-nasional.pdf" - 2>&1)
contains "the overview has the national line" "Kualitas data: 2 kab/kota tanpa data; 1 nama ambigu"

# Boundaries older than the table: Natural Earth's 33 provinces (demo).
expect_status 0 "a table newer than the boundaries" "$PETARAWAN" check --boundaries "$PETARAWAN_BUILD_DATA/demo.gpkg" \
  --layer provinsi --key KODE --name NAMA --table "$PETARAWAN_DATA/ikp2024_provinsi.csv:kode" --value skor_ikp --style ikp-provinsi
contains "the row of a newer province says so" "ikp2024_provinsi.csv row 28, kode '65' is not in the boundaries: Kalimantan Utara was formed in 2012 from 64 Kalimantan Timur, which the boundaries still have: they may be older than that"

# The real IKP 2024 province table (34 rows, names only) on the 38
# provinces of 2025.
if [ -f "$SHARED_DATA/batas/provinsi.shp" ] && [ -f "$SHARED_DATA/skor/ikp2024_provinsi.csv" ]; then
  set -- --boundaries "$SHARED_DATA/batas/provinsi.shp" --key KODE --name NAMA \
    --table "$SHARED_DATA/skor/ikp2024_provinsi.csv" --value skor_ikp --style ikp-provinsi
  expect_status 0 "IKP 2024 by name on the 38 provinces" "$PETARAWAN" check "$@"
  contains "all 34 rows matched by name" "(key provinsi, by name): matched 34 of 34 rows"
  contains "four provinces without data" "without data (4): 93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan, 96 Papua Barat Daya"
  contains "the report says why" "why: 4 of them are provinces formed in 2022, after the table's 34-province edition"
  expect_status 1 "--strict: provinces without data are problems" "$PETARAWAN" check "$@" --strict
  expect_status 0 "IKP 2024 --json" "$PETARAWAN" check "$@" --json
  json_has "json has the table's edition" 'j["table_edition"] == 34'
  json_has "json says when a province was formed" \
    '{"key": "94", "name": "Papua Tengah", "formed": {"code": "94", "year": 2022, "parent": "91", "parent_name": "Papua"}} in j["without_data"]'
  expect_status 0 "IKP 2024 province sheets" "$PETARAWAN" build "$@" --group KODE --unit-name Provinsi --only 93,31 -o "$T/ikp"
  OUT=$(pdftotext -layout "$T/ikp/93-papua-selatan.pdf" - 2>&1)
  contains "Papua Selatan's sheet says why it is empty" "Kualitas data: 1 provinsi dibentuk 2022, sesudah data ini: belum dinilai"
else
  skip "IKP 2024 by name: shared data not found at $SHARED_DATA"
fi
done_testing
