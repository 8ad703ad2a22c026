#!/bin/sh
# build-kabkota.sh — the main job on the real 514 kab/kota boundaries and
# the sample tables: 38 province PDFs, the overview, atlas.pdf with a
# bookmark per province; every PDF valid with every font embedded; the
# check reports 514 of 514; two builds give the same bytes.
. "$TESTS_SRC/tap.sh"
shared_or_skip_all
S=$SHARED_DATA
OUTD=$(mktemp -d)
trap 'rm -rf "$OUTD"' EXIT
set -- --boundaries "$S/batas/kabkota.shp" --key KODE --name NAMA --group KODE_PROV \
  --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" \
  --table "$S/skor/personel_kabkota_contoh.csv:kode_wilayah" \
  --value skor_ikp --style ikp-kabkota

expect_status 0 "check on kabkota" "$PETARAWAN" check "$@"
contains "check reports all districts matched" "Value skor_ikp: matched 514 of 514 districts"
contains "check reports all rows of the risk table matched" "ikp_kabkota_contoh.csv (key kode_wilayah): matched 514 of 514 rows"

expect_status 0 "build the 38 sheets" "$PETARAWAN" build "$@" -o "$OUTD/a"
n=$(ls "$OUTD/a"/[0-9][0-9]-*.pdf | grep -v 00-nasional | wc -l)
[ "$n" -eq 38 ] && ok "38 province PDFs" || not_ok "38 province PDFs: found $n"
check "53-nusa-tenggara-timur.pdf is named by code and slug" test -s "$OUTD/a/53-nusa-tenggara-timur.pdf"
check "31-dki-jakarta.pdf is there" test -s "$OUTD/a/31-dki-jakarta.pdf"
check "overview written" test -s "$OUTD/a/00-nasional.pdf"
check "manifest written" test -s "$OUTD/a/manifest.json"
# The tables are the SYNTHETIC *_contoh.csv: the sheets say so without
# --sample-personnel (issue 12: CONTOH not only in the demo).
OUT=$(pdftotext -f 1 -l 1 "$OUTD/a/53-nusa-tenggara-timur.pdf" - 2>&1)
contains "sample scores marked CONTOH in the index name" "(IKP) Kabupaten/Kota — CONTOH"
contains "sample personnel marked CONTOH" "data personel CONTOH"

bad=0
for f in "$OUTD/a"/*.pdf; do pdfinfo "$f" >/dev/null 2>&1 || { bad=$((bad + 1)); echo "# pdfinfo rejects $f"; }; done
[ "$bad" -eq 0 ] && ok "pdfinfo accepts every PDF" || not_ok "pdfinfo rejects $bad PDFs"
bad=0
for f in "$OUTD/a"/*.pdf; do
  nf=$(pdffonts "$f" | awk 'NR > 2 && $(NF-4) != "yes"' | wc -l)
  [ "$nf" -eq 0 ] || { bad=$((bad + 1)); echo "# fonts not embedded in $f"; }
done
[ "$bad" -eq 0 ] && ok "pdffonts: every font embedded in every PDF" || not_ok "fonts not embedded in $bad PDFs"

pages=$(pdfinfo "$OUTD/a/atlas.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" = 40 ] && ok "atlas has a contents page, the overview and 38 sheets" || not_ok "atlas pages: $pages"
marks=$(qpdf --json --json-key=outlines "$OUTD/a/atlas.pdf" | grep -c '"title": "[0-9][0-9] ')
[ "$marks" = 38 ] && ok "atlas has one bookmark per province" || not_ok "atlas province bookmarks: $marks"
codes=$(ls "$OUTD/a" | grep -oE '^[0-9]{2}-' | tr -d - | grep -v '^00$')
OUT=$(python3 "$TESTS_SRC/check-atlas.py" "$OUTD/a/atlas.pdf" $codes 2>&1)
[ $? -eq 0 ] && ok "atlas contents page: a link per province over its entry to its page, bookmarks agree" \
  || { not_ok "atlas navigation"; printf '%s\n' "$OUT" | sed 's/^/# /' | head -20; }
OUT=$(pdftotext -f 1 -l 1 "$OUTD/a/atlas.pdf" - 2>&1)
contains "the atlas opens on its contents" "Daftar isi"
OUT=$(pdftotext -f 3 -l 3 "$OUTD/a/atlas.pdf" - 2>&1)
contains "sheet text has the province" "Provinsi Aceh (11)"
contains "sheet text has the legend count class" "Tinggi"
contains "sheet text has the ranked table header" "Per TPS"
contains "footer names the sheet" "Lembar 11"
a=$(pdftotext -f 3 -l 3 "$OUTD/a/atlas.pdf" - 2>&1); b=$(pdftotext "$OUTD/a/11-aceh.pdf" - 2>&1)
[ -n "$a" ] && [ "$a" = "$b" ] && ok "the atlas page of Aceh is the sheet 11-aceh.pdf as drawn" \
  || not_ok "atlas page 3 differs from 11-aceh.pdf"

expect_status 0 "build again into a second folder" "$PETARAWAN" build "$@" -o "$OUTD/b" -j 1
check "two builds give byte-identical outputs" diff -r "$OUTD/a" "$OUTD/b"

expect_status 0 "png at 300 dpi for one province" "$PETARAWAN" build "$@" -o "$OUTD/png" --only 53 --format png
size=$(file "$OUTD/png/53-nusa-tenggara-timur.png" 2>/dev/null | grep -o '[0-9]* x [0-9]*')
[ "$size" = "3508 x 2480" ] && ok "PNG is A4 at 300 dpi (3508 x 2480)" || not_ok "PNG size: $size"
# A group too large for one sheet: Jawa Tengah's 576 kecamatan.  The ranked
# table continues on following pages and every district is in it.
expect_status 0 "kecamatan of Jawa Tengah" "$PETARAWAN" build --boundaries "$S/batas/kecamatan.shp" \
  --key KODE --name NAMA --group KODE_PROV --table "$SHARED_DATA/../peers/data/kecamatan_nilai.csv:kode" \
  --value nilai --style quantile --classes 5 --unit-name Kecamatan --only 33 -o "$OUTD/kec" -q
pages=$(pdfinfo "$OUTD/kec/33-jawa-tengah.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" -ge 2 ] && ok "long table continues on $pages pages" || not_ok "pages: $pages"
rows=$(pdftotext -layout "$OUTD/kec/33-jawa-tengah.pdf" - | grep -oE '(^| )[0-9]{1,3} ' | tr -d ' ' | sort -un | awk '$1 >= 1 && $1 <= 576' | wc -l)
[ "$rows" -eq 576 ] && ok "all 576 ranks are in the table" || not_ok "ranks found: $rows of 576"
OUT=$(pdftotext -f 2 -l 2 "$OUTD/kec/33-jawa-tengah.pdf" -)
contains "continuation pages say so" "tabel lanjutan"
apages=$(pdfinfo "$OUTD/kec/atlas.pdf" | awk '/^Pages:/ {print $2}')
[ "$apages" -eq $((pages + 2)) ] && ok "atlas holds the contents, the overview and every page of the sheet" || not_ok "atlas pages $apages"
labels=$(qpdf --json --json-key=pagelabels "$OUTD/kec/atlas.pdf" | grep -o '"u:[^"]*"' | tr '\n' ' ')
case $labels in *'"u:33" "u:33 (2)"'*) ok "continuation pages labelled 33 (2)…";; *) not_ok "page labels: $labels";; esac

# The same boundaries in other formats and coordinate systems give the same
# join and, reprojected with PROJ, the same map (compared as images).
IMGDIFF=$(dirname "$PETARAWAN")/../tests/imgdiff
if command -v ogr2ogr >/dev/null; then
  ogr2ogr -f GPKG -t_srs EPSG:32750 "$OUTD/utm.gpkg" "$S/batas/kabkota.shp" -nln batas 2>/dev/null
  ogr2ogr -f GeoJSON "$OUTD/kab.geojson" "$S/batas/kabkota.shp" 2>/dev/null
  mkdir "$OUTD/zip" && cp "$S/batas"/kabkota.* "$OUTD/zip/" && (cd "$OUTD/zip" && zip -q ../kab.zip kabkota.*)
  for src in "$OUTD/utm.gpkg" "$OUTD/kab.geojson" "/vsizip/$OUTD/kab.zip/kabkota.shp"; do
    shift 8; set -- --boundaries "$src" --key KODE --name NAMA --group KODE_PROV "$@"
    expect_status 0 "check reads $(basename "$src")" "$PETARAWAN" check "$@"
    contains "$(basename "$src"): 514 of 514 matched" "Value skor_ikp: matched 514 of 514 districts"
  done
  set -- --boundaries "$OUTD/utm.gpkg" --key KODE --name NAMA --group KODE_PROV "$@"
  expect_status 0 "NTT sheet from the UTM 50S GeoPackage" "$PETARAWAN" build "$@" --only 53 -o "$OUTD/utm"
  pdftoppm -r 50 -png -singlefile "$OUTD/a/53-nusa-tenggara-timur.pdf" "$OUTD/wgs"
  pdftoppm -r 50 -png -singlefile "$OUTD/utm/53-nusa-tenggara-timur.pdf" "$OUTD/utm53"
  if res=$("$IMGDIFF" "$OUTD/wgs.png" "$OUTD/utm53.png" 48 300); then
    ok "projected input draws the same map as WGS84 input: $res"
  else
    not_ok "projected input draws a different map: $res"
  fi
else
  skip "ogr2ogr not installed: other formats not tested"
fi
done_testing
