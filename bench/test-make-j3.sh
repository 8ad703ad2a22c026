#!/bin/sh
# bench/test-make-j3.sh — checks the J3 generator on a cut of the real
# kecamatan (provinces 31 and 53, 359 kecamatan): two runs give identical
# bytes; every village is a valid polygon with a unique code; the villages
# of each kecamatan cover it exactly; petarawan joins the value table
# completely (check --strict); bad input is refused with exit 2 and a
# message naming the file or field.
# Usage: test-make-j3.sh MAKE_J3 PETARAWAN SOURCE_ROOT   (meson test make-j3)
set -u
GEN=$1 P=$2 SRC=$3
K=$SRC/../shared/data/batas/kecamatan.shp
[ -f "$K" ] || { echo "SKIP: $K is absent (needs ../shared/data beside the checkout)"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

ogr2ogr -where "KODE_PROV IN ('31', '53')" "$T/kec.shp" "$K" 2>/dev/null || fail "ogr2ogr cut"
n_kec=$(ogrinfo -ro -q -sql "SELECT COUNT(*) FROM kec" "$T/kec.shp" | awk '/COUNT/ { print $NF }')
"$GEN" "$T/kec.shp" "$T/a" > "$T/a.log" 2>&1 || fail "make-j3 failed: $(cat "$T/a.log")"
"$GEN" "$T/kec.shp" "$T/b" > /dev/null 2>&1 || fail "second make-j3 run failed"
for f in desa.shp desa.shx desa.dbf desa_nilai.csv make-j3.txt; do
  cmp -s "$T/a/$f" "$T/b/$f" || fail "$f differs between two runs (not deterministic)"
done

summary=$(cat "$T/a/make-j3.txt")
echo "make-j3 on $n_kec kecamatan: $summary"
villages=$(echo "$summary" | awk '{ for (i = 1; i < NF; i++) if ($(i + 1) == "villages,") print $i }')
[ -n "$villages" ] || fail "no village count in make-j3.txt"
[ "$villages" -ge $((n_kec * 9)) ] && [ "$villages" -le $((n_kec * 14)) ] ||
  fail "$villages villages for $n_kec kecamatan (expected about 11.5 each)"
echo "$summary" | grep -q " 0 left out" || fail "kecamatan left out: $summary"
worst=$(echo "$summary" | sed -n 's/.*area difference of \([0-9.e+-]*\) at worst.*/\1/p')
awk -v w="$worst" 'BEGIN { exit !(w != "" && w + 0 < 1e-9) }' ||
  fail "villages do not cover their kecamatan (worst relative area difference '$worst')"

stats=$(ogrinfo -ro -q -dialect SQLite -sql \
  "SELECT SUM(ST_IsValid(geometry) = 0) AS invalid, COUNT(*) AS n, COUNT(DISTINCT KODE) AS keys,
          SUM(KODE_PROV || '.' || substr(KODE, 4, 2) || '.' || substr(KODE, 7, 2) != KODE_KEC) AS badcode
   FROM desa" "$T/a/desa.shp" 2>&1)
val() { echo "$stats" | awk -v k="$1" '$1 == k { print $NF }'; }
[ "$(val n)" = "$villages" ] || fail "desa.shp holds $(val n) features, make-j3 said $villages"
[ "$(val invalid)" = 0 ] || fail "$(val invalid) invalid village polygons"
[ "$(val keys)" = "$villages" ] || fail "village codes not unique: $(val keys) distinct of $villages"
[ "$(val badcode)" = 0 ] || fail "$(val badcode) village codes do not start with their kecamatan code"

report=$("$P" check --boundaries "$T/a/desa.shp" --key KODE --name NAMA --group KODE_PROV \
  --table "$T/a/desa_nilai.csv:kode" --value nilai --style quantile --classes 5 --strict 2>&1) ||
  fail "petarawan check --strict: $report"
echo "$report" | grep -q "matched $villages of $villages districts" || fail "join incomplete: $report"

out=$("$GEN" "$T/missing.shp" "$T/c" 2>&1); rc=$?
[ $rc = 2 ] && echo "$out" | grep -q "missing.shp" || fail "missing input: exit $rc, '$out'"
ogr2ogr -select KODE,NAMA "$T/nokab.shp" "$T/kec.shp" 2>/dev/null
out=$("$GEN" "$T/nokab.shp" "$T/c" 2>&1); rc=$?
[ $rc = 2 ] && echo "$out" | grep -q "no field KODE_PROV" || fail "missing field: exit $rc, '$out'"
[ ! -e "$T/c" ] || fail "a refused run left $T/c behind"
echo "ok: deterministic, $villages valid villages with unique codes, exact cover, complete join"
