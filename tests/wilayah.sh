#!/bin/sh
# wilayah.sh — the demo's boundaries (data/wilayah.gpkg) are what
# data/make-wilayah.sh makes from ../shared/data/batas (byte for byte), hold
# the 38 provinces and 514 kab/kota with their codes and names, and stay
# under 3 MB; data/negara.gpkg is what data/make-negara.sh makes.  Without
# ../shared/data (or qgis-common) the comparison is skipped.
. "$TESTS_SRC/tap.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
W=$PETARAWAN_DATA/wilayah.gpkg
size=$(wc -c < "$W")
[ "$size" -lt 3000000 ] && ok "data/wilayah.gpkg is under 3 MB ($size bytes)" ||
  not_ok "data/wilayah.gpkg is $size bytes"
counts=$(ogr2ogr -f CSV /vsistdout/ "$W" -dialect SQLITE -sql \
  "SELECT (SELECT count(*) FROM provinsi), (SELECT count(DISTINCT KODE) FROM provinsi),
          (SELECT count(*) FROM kabkota), (SELECT count(DISTINCT KODE) FROM kabkota),
          (SELECT count(DISTINCT KODE_PROV) FROM kabkota),
          (SELECT count(*) FROM kabkota WHERE NAMA IS NULL OR NAMA = '' OR geom IS NULL)" |
  tail -n 1 | tr -d '"\r')
[ "$counts" = "38,38,514,514,38,0" ] && ok "38 provinces and 514 kab/kota in 38 provinces, each named" ||
  not_ok "provinces, codes, kab/kota, codes, provinces of kab/kota, unnamed: $counts"
if [ -f "$SHARED_DATA/batas/kabkota.shp" ]; then
  if sh "$PETARAWAN_DATA/make-wilayah.sh" "$MAKE_WILAYAH" "$SHARED_DATA/batas" "$T/wilayah.gpkg" > "$T/log" 2>&1; then
    sed 's/^/# /' "$T/log"
    check "the shipped data/wilayah.gpkg is what make-wilayah.sh gives" cmp "$W" "$T/wilayah.gpkg"
  else
    not_ok "make-wilayah.sh failed"
    sed 's/^/# /' "$T/log"
  fi
else
  skip "data/wilayah.gpkg against make-wilayah.sh: shared data not found at $SHARED_DATA"
fi
# The countries drawn by default: what make-negara.sh makes from the world
# map and the shipped kab/kota (needs qgis-common).
WORLD=/usr/share/qgis/resources/data/world_map.gpkg
if [ -f "$WORLD" ]; then
  if sh "$PETARAWAN_DATA/make-negara.sh" "$WORLD" "$W" "$T/negara.gpkg" > "$T/log" 2>&1; then
    check "the shipped data/negara.gpkg is what make-negara.sh gives" cmp "$PETARAWAN_DATA/negara.gpkg" "$T/negara.gpkg"
  else
    not_ok "make-negara.sh failed"
    sed 's/^/# /' "$T/log"
  fi
else
  skip "data/negara.gpkg against make-negara.sh: $WORLD not found (qgis-common)"
fi
done_testing
