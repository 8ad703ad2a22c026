#!/bin/sh
# demo.sh — the README's demo: the embedded demo project builds, with one
# sheet per island region, the atlas and the PNGs, all fonts embedded.
. "$TESTS_SRC/tap.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$PETARAWAN_DATA/.." || exit 1
expect_status 0 "demo project builds" "$PETARAWAN" build data/demo.petarawan -o "$T/demo"
contains "demo reports the matches" "matched 33 of 33 districts"
for f in 1-sumatera 3-jawa 5-bali-dan-nusa-tenggara 6-kalimantan 7-sulawesi 8-maluku 9-papua; do
  check "$f.pdf and .png written" test -s "$T/demo/$f.pdf" -a -s "$T/demo/$f.png"
done
pages=$(pdfinfo "$T/demo/atlas.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" = 9 ] && ok "atlas: contents, overview and 7 sheets" || not_ok "atlas pages: $pages"
nf=$(pdffonts "$T/demo/atlas.pdf" | awk 'NR > 2 && $(NF-4) != "yes"' | wc -l)
[ "$nf" = 0 ] && ok "fonts embedded" || not_ok "$nf fonts not embedded"
OUT=$(pdftotext "$T/demo/3-jawa.pdf" - 2>&1)
contains "real IKP figure for DKI Jakarta on the Jawa sheet" "88,95"
contains "sample personnel labelled as sample" "CONTOH"
contains "source credited" "Bawaslu"
# Reproducible bytes in every format (SOURCE_DATE_EPOCH is set by the
# test environment): two clean builds, compared file by file.
for i in 1 2; do
  "$PETARAWAN" build data/demo.petarawan -o "$T/r$i" -q --format pdf,png,svg --dpi 72 -j 2
done
check "two clean builds give identical PDF, PNG and SVG bytes" diff -r "$T/r1" "$T/r2"
n=$(ls "$T/r1" | grep -c '\.svg$')
[ "$n" = 8 ] && ok "an SVG per sheet and the overview" || not_ok "SVG files: $n"
check "SVG is well-formed XML" python3 -c "import sys, xml.dom.minidom as m; m.parse(sys.argv[1])" "$T/r1/3-jawa.svg"
done_testing
