#!/bin/sh
# reference-image.sh — what is drawn, compared with reviewed references:
# each case is built with the pinned fonts (tests/fonts.conf) and a fixed
# date, rasterised with poppler at 50 dpi, and compared with
# tests/reference/<case>.png allowing a few changed pixels (anti-aliasing
# differences), cairo-test style.  On failure <case>.out.png and
# <case>.out.png.diff.png are kept in tests/reference/ for review.
# Regenerate the references (then review the diff like code):
#   REGENERATE=1 meson test -C build reference-image
. "$TESTS_SRC/tap.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
REF=$TESTS_SRC/reference
IMGDIFF=$(dirname "$PETARAWAN")/../tests/imgdiff

# compare CASE PDF [DPI]: rasterise page 1 (at 50 dpi, or DPI: an A0 poster
# at 12.5 has the pixels of an A4 at 50) and compare with the reference.
compare() {
  pdftoppm -r "${3:-50}" -png -singlefile "$2" "$T/$1" || { not_ok "$1: pdftoppm failed"; return; }
  if [ -n "$REGENERATE" ]; then
    cp "$T/$1.png" "$REF/$1.png" && ok "$1: reference regenerated"
    return
  fi
  if [ ! -f "$REF/$1.png" ]; then not_ok "$1: no reference $REF/$1.png"; return; fi
  if res=$("$IMGDIFF" "$REF/$1.png" "$T/$1.png" 48 400); then
    ok "$1 matches its reference: $res"
  else
    cp "$T/$1.png" "$REF/$1.out.png"
    [ -f "$T/$1.png.diff.png" ] && cp "$T/$1.png.diff.png" "$REF/$1.out.png.diff.png"
    not_ok "$1 differs from its reference: $res"
  fi
}

cd "$PETARAWAN_DATA/.." || exit 1
expect_status 0 "demo built" "$PETARAWAN" build tests/natural-earth.petarawan -o "$T/demo" --format pdf -q
compare natural-earth-3-jawa "$T/demo/3-jawa.pdf"
compare natural-earth-00-nasional "$T/demo/00-nasional.pdf"
# English map text, degree ticks, a logo and a marking (issue 3 and 6).
expect_status 0 "demo built in English with --graticule --logo --marking" "$PETARAWAN" build \
  tests/natural-earth.petarawan -o "$T/en" --format pdf -q --only 5 --lang en --graticule \
  --logo tests/logo/logo.svg --marking TERBATAS --title "Election Vulnerability Map" \
  --index-name "IKP 2024 (Bawaslu)" --index-date "Published December 2022" \
  --unit-name Provinces --group-kind Region --sources "Bawaslu; Natural Earth; SAMPLE personnel"
compare natural-earth-5-en-graticule "$T/en/5-bali-dan-nusa-tenggara.pdf"
# The embedded demo on the shipped boundaries: its overview (province
# scores, the four provinces of 2022) and Nusa Tenggara Timur (Timor-Leste).
expect_status 0 "embedded demo built (overview and 53)" "$PETARAWAN" build data/demo.petarawan \
  -o "$T/real" --format pdf -q --only 53
compare demo-00-nasional "$T/real/00-nasional.pdf"
compare demo-53 "$T/real/53-nusa-tenggara-timur.pdf"

if [ -f "$SHARED_DATA/batas/kabkota.shp" ]; then
  S=$SHARED_DATA
  expect_status 0 "kabkota NTT built" "$PETARAWAN" build --boundaries "$S/batas/kabkota.shp" \
    --key KODE --name NAMA --group KODE_PROV \
    --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" \
    --table "$S/skor/personel_kabkota_contoh.csv:kode_wilayah" \
    --value skor_ikp --style ikp-kabkota --sample-personnel --only 53 -o "$T/kab" -q
  compare kabkota-53 "$T/kab/53-nusa-tenggara-timur.pdf"
  # The hard provinces on A4: Kepulauan Riau (mostly sea), DKI Jakarta
  # (five small cities and an island chain), Jawa Timur (38 kab/kota),
  # Papua Pegunungan (dense and small).
  expect_status 0 "kabkota 21, 31, 35, 95 built" "$PETARAWAN" build --boundaries "$S/batas/kabkota.shp" \
    --key KODE --name NAMA --group KODE_PROV \
    --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" \
    --table "$S/skor/personel_kabkota_contoh.csv:kode_wilayah" \
    --value skor_ikp --style ikp-kabkota --sample-personnel --only 21,31,35,95 -o "$T/hard" -q
  compare kabkota-21 "$T/hard/21-kepulauan-riau.pdf"
  compare kabkota-31 "$T/hard/31-dki-jakarta.pdf"
  compare kabkota-35 "$T/hard/35-jawa-timur.pdf"
  compare kabkota-95 "$T/hard/95-papua-pegunungan.pdf"
  # An A0 poster of Nusa Tenggara Timur (hundreds of islands) with its A4
  # tiles (the index page), and DKI Jakarta on A4 portrait.
  expect_status 0 "kabkota NTT A0 poster built" "$PETARAWAN" build --boundaries "$S/batas/kabkota.shp" \
    --key KODE --name NAMA --group KODE_PROV \
    --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" \
    --table "$S/skor/personel_kabkota_contoh.csv:kode_wilayah" \
    --value skor_ikp --style ikp-kabkota --sample-personnel --only 53 --paper A0 --tile A4 \
    --format pdf -o "$T/a0" -q
  compare kabkota-53-a0 "$T/a0/53-nusa-tenggara-timur.pdf" 12.5
  compare kabkota-53-a0-tiles-a4 "$T/a0/53-nusa-tenggara-timur-tiles-a4.pdf"
  expect_status 0 "kabkota DKI Jakarta portrait built" "$PETARAWAN" build --boundaries "$S/batas/kabkota.shp" \
    --key KODE --name NAMA --group KODE_PROV \
    --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" \
    --table "$S/skor/personel_kabkota_contoh.csv:kode_wilayah" \
    --value skor_ikp --style ikp-kabkota --sample-personnel --only 31 --orientation portrait \
    --format pdf -o "$T/portrait" -q
  compare kabkota-31-portrait "$T/portrait/31-dki-jakarta.pdf"
  # --mono for photocopies: 5 quantile classes as greys with textures.
  expect_status 0 "kabkota Jawa Tengah --mono built" "$PETARAWAN" build --boundaries "$S/batas/kabkota.shp" \
    --key KODE --name NAMA --group KODE_PROV \
    --table "$S/skor/ikp_kabkota_contoh.csv:kode_wilayah" \
    --table "$S/skor/personel_kabkota_contoh.csv:kode_wilayah" \
    --value skor_ikp --style quantile --classes 5 --mono --only 33 -o "$T/mono" -q
  compare kabkota-33-mono "$T/mono/33-jawa-tengah.pdf"
else
  skip "kabkota-53, -21, -31, -35, -95, -53-a0, -31-portrait: shared data not found at $SHARED_DATA"
fi
done_testing
