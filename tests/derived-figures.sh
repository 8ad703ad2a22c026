#!/bin/sh
# derived-figures.sh — derived figures and the coverage gap rule end to end on the
# real kab/kota boundaries and sample tables.  The reinforcement
# priorities are computed here independently with awk from the two CSV
# files (officers = chosen columns summed, TPS, the province median of
# officers per TPS or a doctrine ratio, the top class Tinggi >= 49.33) and
# compared with what the sheets print (their text layer, pdftotext) and
# with prioritas-penebalan.csv.  Also: the options that name columns, the
# circles' legend, bad and zero cells, and that changing the rule redraws.
. "$TESTS_SRC/tap.sh"
shared_or_skip_all
S=$SHARED_DATA
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
IKP=$S/skor/ikp_kabkota_contoh.csv
PER=$S/skor/personel_kabkota_contoh.csv
TAB=$(printf '\t')

# expected PROV DOCTRINE OFFICER_COLUMNS [PERSONNEL_CSV]: the priorities of
# province PROV as "kode<TAB>name<TAB>shortfall" lines, lowest officers per
# TPS first.  DOCTRINE empty: the province median.  OFFICER_COLUMNS: field
# numbers of the personnel CSV summed as officers ("3 4 5").
expected() {
  awk -F, -v prov="$1" -v doctrine="$2" -v cols="$3" '
    FNR == 1 { next }
    FILENAME == ARGV[1] { skor[$1] = $3; next }
    substr($1, 1, 2) == prov {
      k = $1; n++; key[n] = k; name[k] = $2; t[k] = $7
      nc = split(cols, c, " "); o[k] = 0; known[k] = 1
      for (i = 1; i <= nc; i++) { if ($c[i] !~ /^[0-9]+$/) known[k] = 0; o[k] += $c[i] }
      if ($7 !~ /^[0-9]+$/) known[k] = 0
      if (known[k] && $7 > 0) r[++m] = o[k] / $7
    }
    END {
      for (i = 2; i <= m; i++) { v = r[i]; for (j = i - 1; j >= 1 && r[j] > v; j--) r[j + 1] = r[j]; r[j + 1] = v }
      med = (m % 2) ? r[(m + 1) / 2] : (r[m / 2] + r[m / 2 + 1]) / 2
      thr = doctrine != "" ? doctrine + 0 : med
      for (i = 1; i <= n; i++) {
        k = key[i]
        if (skor[k] + 0 < 49.33 || !known[k] || t[k] <= 0) continue
        ratio = o[k] / t[k]
        if (ratio < thr) {
          need = thr * t[k] - o[k] - 1e-9; s = int(need); if (s < need) s++; if (s < 1) s = 1
          printf "%.12f\t%s\t%s\t%d\n", ratio, k, name[k], s
        }
      }
    }' "$IKP" "${4:-$PER}" | sort -t"$TAB" -k1,1g -k2,2 | cut -f2-
}

# from_csv DIR PROV: the same lines from DIR/prioritas-penebalan.csv.
from_csv() {
  awk -F, -v prov="$2" 'NR > 1 && $1 == prov { print $3 "\t" $4 "\t" $12 }' "$1/prioritas-penebalan.csv"
}

# from_sheet PDF: the priorities listed on the sheet, "name<TAB>shortfall",
# read from the text of the side column of page 1.
from_sheet() {
  pdftotext -layout -f 1 -l 1 -x 540 -y 60 -W 302 -H 490 "$1" - |
    awk '/^Prioritas penebalan \(/ { on = 1; next } on && /^ *$/ { on = 0 }
         on && /\+[0-9.]+ *$/ {
           sub(/^ *[0-9]+ +/, ""); n = split($0, f, /  +/)
           s = $NF; sub(/^\+/, "", s); gsub(/\./, "", s); print f[1] "\t" s }'
}

# short: the awk lines as the sheet names them ("Kab. X"), without codes.
short() {
  cut -f2- | sed -e 's/^Kabupaten Administrasi /Kab. Adm. /' -e 's/^Kabupaten /Kab. /' \
    -e 's/^Kota Administrasi /Kota Adm. /'
}

# same DESCRIPTION FILE_A FILE_B: ok when both hold the same lines.
same() {
  if cmp -s "$2" "$3"; then ok "$1 ($(wc -l < "$2") lines)"; else
    not_ok "$1"; diff "$2" "$3" | sed 's/^/# /' | head -20; fi
}

set -- --boundaries "$S/batas/kabkota.shp" --key KODE --name NAMA --group KODE_PROV \
  --table "$IKP:kode_wilayah" --table "$PER:kode_wilayah" --value skor_ikp --style ikp-kabkota

# 1. The median rule: Papua, Papua Barat (priorities) and Jawa Timur (none).
expect_status 0 "build 35, 91, 92 with the median rule" "$PETARAWAN" build "$@" --only 35,91,92 -o "$T/med" -q
check "prioritas-penebalan.csv written" test -s "$T/med/prioritas-penebalan.csv"
for p in 91 92 35; do
  expected "$p" "" "3 4 5" > "$T/want-$p"
  from_csv "$T/med" "$p" > "$T/csv-$p"
  same "province $p: CSV priorities = awk (median rule)" "$T/want-$p" "$T/csv-$p"
done
[ "$(wc -l < "$T/want-91")" -ge 3 ] && ok "Papua has priorities to compare ($(wc -l < "$T/want-91"))" \
  || not_ok "Papua: expected several priorities"
for f in "$T/med"/91-*.pdf "$T/med"/92-*.pdf; do
  p=$(basename "$f" | cut -c1-2)
  short < "$T/want-$p" > "$T/want-sheet-$p"
  from_sheet "$f" > "$T/sheet-$p"
  same "sheet $p lists the awk priorities with their shortfall" "$T/want-sheet-$p" "$T/sheet-$p"
  OUT=$(pdftotext -f 1 -l 1 "$f" -)
  contains "sheet $p counts them in its heading" "Prioritas penebalan ($(wc -l < "$T/want-$p"))"
  contains "sheet $p says the rule" "dengan personel per TPS <"
  contains "sheet $p names the median" "(median provinsi)"
  contains "sheet $p explains the map outline in the legend" "Prioritas penebalan (garis tebal)"
done
OUT=$(pdftotext -f 1 -l 1 "$T/med/35-jawa-timur.pdf" -)
contains "Jawa Timur: none under the median rule" "Prioritas penebalan: tidak ada"
contains "Jawa Timur: key figures: Polri total" "11.437"
contains "Jawa Timur: key figures: TPS total" "20.672"
contains "Jawa Timur: key figures: DPT total" "9.908.691"
contains "Jawa Timur: key figures: voters per officer" "Pemilih per personel"
# Totals checked against awk too.
tot=$(awk -F, 'substr($1,1,2) == "35" { o += $3 + $4 + $5; t += $7; d += $8 }
  END { printf "%d %d %d", o, t, int(d / o + 0.5) }' "$PER")
contains "Jawa Timur: officer total labelled" "Jumlah personel"
o=$(echo "$tot" | cut -d' ' -f1); vo=$(echo "$tot" | cut -d' ' -f3)
o_id=$(printf '%d' "$o" | sed ':a;s/\B[0-9]\{3\}\>/.&/;ta')
contains "Jawa Timur: officer total = awk ($o_id)" "$o_id"
contains "Jawa Timur: voters per officer = awk ($vo)" "$vo"

# 2. The doctrine from a style file, and the same from the option.
{ cat "$PETARAWAN_STYLES/ikp-kabkota.style"; printf '\n[coverage]\nofficers-per-tps = 2\n'; } > "$T/doktrin.style"
expect_status 0 "build 35 with [coverage] officers-per-tps = 2" "$PETARAWAN" build "$@" --style "$T/doktrin.style" --only 35 -o "$T/doc" -q
expected 35 2 "3 4 5" > "$T/want-doc"
from_csv "$T/doc" 35 > "$T/csv-doc"
same "Jawa Timur: CSV priorities = awk (doctrine 2)" "$T/want-doc" "$T/csv-doc"
short < "$T/want-doc" > "$T/want-doc-sheet"
from_sheet "$T/doc/35-jawa-timur.pdf" > "$T/sheet-doc"
same "Jawa Timur: sheet lists the awk priorities (doctrine 2)" "$T/want-doc-sheet" "$T/sheet-doc"
OUT=$(pdftotext -f 1 -l 1 "$T/doc/35-jawa-timur.pdf" -)
contains "the sheet names the doctrine" "< 2,00 (doktrin)"
expect_status 0 "build 35 with --officers-per-tps 2" "$PETARAWAN" build "$@" --officers-per-tps 2 --only 35 -o "$T/opt" -q
check "--officers-per-tps gives the style's list" cmp "$T/doc/prioritas-penebalan.csv" "$T/opt/prioritas-penebalan.csv"

# 3. Officers named by option: Polri and TNI only, doctrine 1.5.
expect_status 0 "build 35 with --officers personel_polri,personel_tni" "$PETARAWAN" build "$@" \
  --officers personel_polri=Polri,personel_tni=TNI --officers-per-tps 1.5 --only 35 -o "$T/off" -q
expected 35 1.5 "3 4" > "$T/want-off"
from_csv "$T/off" 35 > "$T/csv-off"
same "Jawa Timur: priorities with two officer columns = awk" "$T/want-off" "$T/csv-off"
OUT=$(pdftotext -f 1 -l 1 "$T/off/35-jawa-timur.pdf" -)
o=$(awk -F, 'substr($1,1,2) == "35" { o += $3 + $4 } END { print o }' "$PER" | sed ':a;s/\B[0-9]\{3\}\>/.&/;ta')
contains "officer total is Polri + TNI ($o)" "$o"
contains "Brimob BKO still shown, as other personnel" "Brimob BKO"
expect_status 2 "--officers naming a missing column" "$PETARAWAN" build "$@" --officers polisi -o "$T/none" -q
contains "the error names the column" "officers column 'polisi': no such field in the tables"
check "nothing written for a bad --officers" test ! -e "$T/none"
expect_status 2 "--tps naming a missing column" "$PETARAWAN" check "$@" --tps tps_total
contains "the error names the TPS column" "TPS column 'tps_total'"

# 4. Circles.
expect_status 0 "build 35 with --symbols officers" "$PETARAWAN" build "$@" --symbols officers --only 35 -o "$T/sym" -q
OUT=$(pdftotext -f 1 -l 1 "$T/sym/35-jawa-timur.pdf" -)
contains "circle legend titled" "Lingkaran: personel (Polri + TNI + Brimob BKO)"
contains "circle legend has round references" "1.500"
expect_status 0 "build 35 with --symbols jumlah_dpt" "$PETARAWAN" build "$@" --symbols jumlah_dpt --only 35 -o "$T/sym2" -q
OUT=$(pdftotext -f 1 -l 1 "$T/sym2/35-jawa-timur.pdf" -)
contains "circles of a column named by it" "Lingkaran: jumlah pemilih (DPT)"
expect_status 2 "--symbols naming a missing column" "$PETARAWAN" build "$@" --symbols nosuch -o "$T/none" -q
contains "the error names --symbols and the field" "--symbols: no field 'nosuch'"

# 5. Bad and zero cells: Surabaya's Brimob is text, Jember has no TPS.
awk -F, 'BEGIN { OFS = "," } $1 == "35.78" { $5 = "banyak" } $1 == "35.09" { $7 = 0 } { print }' "$PER" > "$T/personel.csv"
set -- --boundaries "$S/batas/kabkota.shp" --key KODE --name NAMA --group KODE_PROV \
  --table "$IKP:kode_wilayah" --table "$T/personel.csv:kode_wilayah" --value skor_ikp --style ikp-kabkota
row=$(awk -F, '$1 == "35.78" { print NR }' "$T/personel.csv")
expect_status 0 "check with a bad personnel cell" "$PETARAWAN" check "$@"
contains "the report names file, row, field and value" "personel.csv row $row, field brimob_bko: 'banyak' is not a number"
expect_status 1 "--strict fails on it" "$PETARAWAN" check "$@" --strict
expect_status 0 "build 35 with the bad and the zero cell" "$PETARAWAN" build "$@" --officers-per-tps 2 --only 35 -o "$T/bad" -q
expected 35 2 "3 4 5" "$T/personel.csv" > "$T/want-bad"
from_csv "$T/bad" 35 > "$T/csv-bad"
same "priorities skip the unknown ones (awk agrees)" "$T/want-bad" "$T/csv-bad"
grep -q "35.78" "$T/csv-bad" && not_ok "Surabaya listed without officers" || ok "Surabaya (no officer total) not listed"
grep -q "35.09" "$T/csv-bad" && not_ok "Jember listed with 0 TPS" || ok "Jember (0 TPS) not listed"
OUT=$(pdftotext -f 1 -l 1 "$T/bad/35-jawa-timur.pdf" -)
contains "the sheet says two were not judged" "2 Kab/Kota Tinggi tanpa data personel atau TPS: tidak dinilai"
contains "the sheet counts the district without officers" "1 Kab/Kota tanpa data personel"
OUT=$(pdftotext -layout -f 1 -l 1 -x 540 -y 60 -W 302 -H 490 "$T/bad/35-jawa-timur.pdf" - | grep "Kab. Jember")
contains "Jember's officers per TPS is shown as –" "–"

# 6. Changing the rule redraws the sheets and rewrites the list.
set -- --boundaries "$S/batas/kabkota.shp" --key KODE --name NAMA --group KODE_PROV \
  --table "$IKP:kode_wilayah" --table "$PER:kode_wilayah" --value skor_ikp --style ikp-kabkota
expect_status 0 "first build into a folder" "$PETARAWAN" build "$@" --only 35,53 -o "$T/inc" --format pdf
expect_status 0 "rebuild with a doctrine" "$PETARAWAN" build "$@" --only 35,53 -o "$T/inc" --format pdf --officers-per-tps 2
contains "Jawa Timur redrawn for the new rule" "35-jawa-timur (changed)"
contains "the atlas too" "atlas (changed)"
csvs=$(grep -c . "$T/inc/prioritas-penebalan.csv")
[ "$csvs" -gt 1 ] && ok "the list now has the doctrine's priorities ($((csvs - 1)))" || not_ok "list not rewritten"
check "manifest records the list" grep -q '"prioritas-penebalan.csv"' "$T/inc/manifest.json"
done_testing
