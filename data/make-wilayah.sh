#!/bin/sh
# make-wilayah.sh — the one command that made data/wilayah.gpkg (the demo's
# 38 provinces and 514 kab/kota) from ../shared/data/batas, with the
# generaliser data/make-wilayah.c (build it: ninja -C build data/make-wilayah).
#
#   make-wilayah.sh MAKE_WILAYAH BATAS_DIR OUT_GPKG
#
# Layers: provinsi (KODE, NAMA) simplified to 2 km, the national overview's
# quarter point on A4; kabkota (KODE, NAMA, KODE_PROV) simplified to a
# quarter point of each province's own A4 sheet.  tests/wilayah.sh checks
# that the committed file is what this gives.
set -eu
[ $# -eq 3 ] || { echo "usage: make-wilayah.sh MAKE_WILAYAH BATAS_DIR OUT_GPKG" >&2; exit 2; }
exec "$1" "$3" provinsi="$2/provinsi.shp:2000" kabkota="$2/kabkota.shp:0.25pt:KODE_PROV"
