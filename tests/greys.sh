#!/bin/sh
# greys.sh — sheets as a black-and-white copy shows them (issue 12, items
# 5, 6 and 11): real sheets rasterised with poppler's pdftoppm -gray, their
# legend swatches and map pixels measured by check-greys.py.  In colour the
# classes step by at least 12 grey levels and stand 12 apart from no data,
# and the flat greys of the map (sea, land around the group, class fills)
# are 12 apart; with --mono the textures' means step by at least 15; on
# sheets where every district is in the darkest class (and with --mono a
# middle one) the district lines still divide its fill.
. "$TESTS_SRC/tap.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
CHECK="python3 $TESTS_SRC/check-greys.py"

# The map frames of the page model (A4 landscape): a sheet's map, and the
# overview's, 60 pt wider (render-overview.c).
# The map frames of the page model (A4 landscape), a sheet's and the
# overview's (60 pt wider, render-overview.c), and the corners kept for the
# scale bar, north arrow and projection note (those right of the middle
# move with the overview's right edge).
eval "$("$PETARAWAN" papers --json | python3 -c '
import json, sys
p = [p for p in json.load(sys.stdin) if p["paper"] == "A4" and p["orientation"] == "landscape"][0]
f = p["map"]
box = lambda b: ",".join(str(v) for v in b)
print("frame=%s" % box(f))
print("overview=%s" % box([f[0], f[1], f[2] + 60, f[3]]))
print("reserved=\"%s\"" % ";".join(box(b) for b in p["map_reserved"]))
mid = f[0] + f[2] / 2
print("reserved_overview=\"%s\"" % ";".join(
    box([b[0] + (60 if b[0] > mid else 0)] + b[1:]) for b in p["map_reserved"]))')"

# grey DESCRIPTION PDF CLASSES [check-greys options]: ok when every check
# holds; prints what was measured.
grey() {
  d=$1; shift
  if out=$($CHECK "$@" 2>&1); then ok "$d"; else not_ok "$d"; fi
  printf '%s\n' "$out" | sed 's/^/# /'
}

cd "$PETARAWAN_DATA/.." || exit 1
expect_status 0 "demo built" "$PETARAWAN" build data/demo.petarawan -o "$T/demo" --format pdf -q
grey "demo overview: swatches and map greys" "$T/demo/00-nasional.pdf" 3 --frame "$overview" --map --reserved "$reserved_overview"
grey "demo Jawa Tengah sheet: swatches and map greys" "$T/demo/33-jawa-tengah.pdf" 3 --frame "$frame" --map --reserved "$reserved"

if [ -f "$SHARED_DATA/batas/kabkota.shp" ]; then
  S=$SHARED_DATA
  # build DIR STYLE ONLY [options]: kab/kota sheets of the synthetic scores.
  build() {
    dir=$1 style=$2 only=$3; shift 3
    expect_status 0 "kab/kota $only built with $style $*" "$PETARAWAN" build \
      --boundaries "$S/batas/kabkota.shp" --key KODE --name NAMA --group KODE_PROV \
      --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" --value skor_ikp \
      --style "$style" --only "$only" --format pdf -o "$T/$dir" -q "$@"
  }
  build ikp ikp-kabkota 35,53,95
  grey "35 ikp-kabkota" "$T/ikp/35-jawa-timur.pdf" 3 --frame "$frame" --map --reserved "$reserved"
  grey "53 ikp-kabkota" "$T/ikp/53-nusa-tenggara-timur.pdf" 3 --frame "$frame" --map --reserved "$reserved"
  grey "95 ikp-kabkota" "$T/ikp/95-papua-pegunungan.pdf" 3 --frame "$frame" --map --reserved "$reserved"
  build jenks5 jenks 53 --classes 5
  grey "53 jenks, 5 classes" "$T/jenks5/53-nusa-tenggara-timur.pdf" 5 --frame "$frame" --map --reserved "$reserved"
  build quantile7 quantile 33 --classes 7
  grey "33 quantile, 7 classes" "$T/quantile7/33-jawa-tengah.pdf" 7 --frame "$frame" --map --reserved "$reserved"
  build mono5 quantile 33,95 --classes 5 --mono
  grey "33 --mono quantile, 5 classes" "$T/mono5/33-jawa-tengah.pdf" 5 --mono
  grey "95 --mono quantile, 5 classes" "$T/mono5/95-papua-pegunungan.pdf" 5 --mono
  build mono7 equal 35 --classes 7 --mono
  grey "35 --mono equal, 7 classes" "$T/mono7/35-jawa-timur.pdf" 7 --mono
  build mono3 ikp-kabkota 35 --mono
  grey "35 --mono ikp-kabkota" "$T/mono3/35-jawa-timur.pdf" 3 --mono

  # Every district in one class (Tinggi, then Sedang): its fill must still
  # fall apart into (nearly) one region per district: at least 30 on Jawa
  # Timur's 38 kab/kota and 7 on Papua Pegunungan's 8 (a small kota under
  # its number disc, or a district mostly under its name's halo, may not
  # count; measured 40/9 in colour, 38/8 --mono Tinggi, 33/7 --mono
  # Sedang; the previous drawing gave 4/2, 0/0 and 1/0).  Since small
  # districts became patches with leaders and more names sit inside their
  # districts (issue 12 items 1 and 7), Jawa Timur counts 36 in colour,
  # 27 --mono Tinggi, 19 --mono Sedang (patches, leaders and halos take
  # area from the count): 15 still tells lines that show from none.  Sedang matters
  # with --mono, whose textures' own lines hid plain district lines.
  for cls in 3:90.00:Tinggi 2:30.00:Sedang; do
    k=${cls%%:*} rest=${cls#*:}; score=${rest%%:*} name=${rest#*:}
    awk -F, -v s="$score" 'BEGIN { OFS = "," } NR > 1 { $3 = s } { print }' \
      "$S/skor/ikp_kabkota_contoh.csv" > "$T/$name.csv"
    for mono in "" --mono; do
      [ "$name$mono" = Sedang ] && continue
      expect_status 0 "kab/kota 35, 95 built all $name $mono" "$PETARAWAN" build \
        --boundaries "$S/batas/kabkota.shp" --key KODE --name NAMA --group KODE_PROV \
        --table "$T/$name.csv:kode_wilayah" --value skor_ikp --style ikp-kabkota \
        --only 35,95 --format pdf -o "$T/$name$mono" -q $mono
      grey "35 all $name $mono: district lines show" "$T/$name$mono/35-jawa-timur.pdf" 3 \
        $mono --frame "$frame" --lines 15 --lines-class "$k"
      grey "95 all $name $mono: district lines show" "$T/$name$mono/95-papua-pegunungan.pdf" 3 \
        $mono --frame "$frame" --lines 7 --lines-class "$k"
    done
  done
else
  skip "kab/kota sheets: shared data not found at $SHARED_DATA"
fi
done_testing
