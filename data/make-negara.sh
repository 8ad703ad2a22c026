#!/bin/sh
# make-negara.sh — the countries around Indonesia that every map draws as
# grey land by default (data/negara.gpkg, committed), extracted from the
# Natural Earth world map that Debian ships in qgis-common.  Committed so
# that petarawan draws neighbouring countries without qgis-common at run
# time; regenerate it only when the extraction changes.
#
#   make-negara.sh WORLD_MAP_GPKG WILAYAH_GPKG OUT_GPKG
#
#   WORLD_MAP_GPKG  /usr/share/qgis/resources/data/world_map.gpkg
#                   (layer countries; Natural Earth, public domain)
#   WILAYAH_GPKG    data/wilayah.gpkg (layer kabkota): Indonesia's land
#   OUT_GPKG        written as OUT_GPKG.tmp/out.gpkg, then moved into place
#
# Environment: OGR2OGR (default: ogr2ogr).
#
# OUT_GPKG gets one layer, negara (EPSG:4326 MultiPolygon): every country
# but Indonesia whose geometry meets lon 90..145, lat -15..12, clipped to
# lon 85..150, lat -20..15, with NAMA (the Indonesian name of the
# neighbours, else the Natural Earth name), NAME and ISO_A3.  Natural
# Earth's outline is coarser than the kab/kota boundaries: along a land
# border it leaves strips of "sea" up to ~5 km wide between a country and
# Indonesia, and overlaps Indonesia elsewhere.  So each country within
# 0.05 degrees (~5.5 km) of Indonesia is snapped to the kab/kota land of
# data/wilayah.gpkg: it gains the area within 0.05 degrees of both, then
# loses whatever lies in Indonesia (the border becomes the districts' own).
# Same inputs give the same bytes (features ordered, timestamp pinned).
set -eu

prog=make-negara.sh
die() {
    echo "$prog: $*" >&2
    exit 1
}
[ $# -eq 3 ] || { echo "usage: $prog WORLD_MAP_GPKG WILAYAH_GPKG OUT_GPKG" >&2; exit 2; }
world=$1
wilayah=$2
out=$3
ogr2ogr=${OGR2OGR:-ogr2ogr}
[ -r "$world" ] || die "cannot read $world (install the Debian package qgis-common)"
[ -r "$wilayah" ] || die "cannot read $wilayah"
command -v "$ogr2ogr" >/dev/null 2>&1 || die "ogr2ogr not found ($ogr2ogr); install gdal-bin"

LC_ALL=C
export LC_ALL
OGR_CURRENT_DATE=2000-01-01T00:00:00.000Z
export OGR_CURRENT_DATE

work=$out.tmp
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM HUP
rm -rf "$work"
mkdir -p "$work"

cat > "$work/negara.sql" <<'SQL'
SELECT
  CASE ISO_A3
    WHEN 'AUS' THEN 'Australia'
    WHEN 'BRN' THEN 'Brunei Darussalam'
    WHEN 'KHM' THEN 'Kamboja'
    WHEN 'IND' THEN 'India'
    WHEN 'MYS' THEN 'Malaysia'
    WHEN 'FSM' THEN 'Mikronesia'
    WHEN 'MMR' THEN 'Myanmar'
    WHEN 'PLW' THEN 'Palau'
    WHEN 'PNG' THEN 'Papua Nugini'
    WHEN 'PHL' THEN 'Filipina'
    WHEN 'SGP' THEN 'Singapura'
    WHEN 'THA' THEN 'Thailand'
    WHEN 'TLS' THEN 'Timor Leste'
    WHEN 'VNM' THEN 'Vietnam'
    WHEN 'LAO' THEN 'Laos'
    WHEN 'CHN' THEN 'Tiongkok'
    WHEN 'SLB' THEN 'Kepulauan Solomon'
    ELSE NAME
  END AS NAMA,
  NAME,
  ISO_A3,
  CastToMultiPolygon(geom) AS geom
FROM countries
WHERE (ISO_A3 IS NULL OR ISO_A3 <> 'IDN')
  AND (NAME IS NULL OR NAME <> 'Indonesia')
  AND ST_Intersects(geom, BuildMbr(90, -15, 145, 12, 4326))
ORDER BY NAME IS NULL, NAME, fid
SQL

"$ogr2ogr" -f GPKG "$work/raw.gpkg" "$world" -dialect SQLITE -sql "@$work/negara.sql" \
    -nln negara -nlt MULTIPOLYGON -a_srs EPSG:4326 \
    -clipsrc 85 -20 150 15 \
    -lco FID=fid -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=NO ||
    die "ogr2ogr failed reading layer countries of $world"

# Indonesia's land, one MultiPolygon, beside the countries.
"$ogr2ogr" -f GPKG -update "$work/raw.gpkg" "$wilayah" -dialect SQLITE \
    -sql "SELECT ST_Union(ST_Buffer(geom, 0)) AS geom FROM kabkota" \
    -nln idn -nlt MULTIPOLYGON -a_srs EPSG:4326 -lco SPATIAL_INDEX=NO ||
    die "ogr2ogr failed reading layer kabkota of $wilayah"

"$ogr2ogr" -f GPKG "$work/out.gpkg" "$work/raw.gpkg" -dialect SQLITE -sql "
SELECT n.NAMA, n.NAME, n.ISO_A3,
  CASE WHEN ST_Distance(n.geom, i.geom) < 0.05
    THEN CastToMultiPolygon(ST_Difference(
           ST_Union(n.geom, ST_Intersection(ST_Buffer(n.geom, 0.05), ST_Buffer(i.geom, 0.05))),
           i.geom))
    ELSE n.geom END AS geom
FROM negara n, idn i
ORDER BY n.fid" \
    -nln negara -nlt MULTIPOLYGON -a_srs EPSG:4326 \
    -lco FID=fid -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=NO ||
    die "ogr2ogr failed snapping the countries to $wilayah"

"$ogr2ogr" -f CSV "$work/check.csv" "$work/out.gpkg" -dialect SQLITE \
    -sql "SELECT count(*) AS n, sum(ISO_A3 = 'TLS') + sum(ISO_A3 = 'PNG') + sum(ISO_A3 = 'MYS') AS land FROM negara" ||
    die "cannot read back $work/out.gpkg"
counts=$(tail -n 1 "$work/check.csv" | tr -d '"\r')
[ "${counts#*,}" = 3 ] || die "Timor-Leste, Papua New Guinea or Malaysia missing from the extract ($counts)"

mv -f "$work/out.gpkg" "$out"
echo "$prog: wrote $out (${counts%%,*} countries)"
