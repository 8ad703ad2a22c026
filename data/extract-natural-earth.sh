#!/bin/sh
# extract-natural-earth.sh — build the petarawan demo GeoPackage from the
# Natural Earth 1:10m world map that Debian ships in qgis-common.
#
#   extract-natural-earth.sh WORLD_MAP_GPKG PROVINSI_CSV OUT_GPKG [PULAU_CSV]
#
#   WORLD_MAP_GPKG  /usr/share/qgis/resources/data/world_map.gpkg
#                   (layers states_provinces and countries; public domain)
#   PROVINSI_CSV    data/provinsi.csv (kode,nama,nama_natural_earth,...)
#   OUT_GPKG        built inside OUT_GPKG.tmp/, then moved into place
#   PULAU_CSV       data/pulau.csv; default: pulau.csv beside PROVINSI_CSV
#
# Environment: OGR2OGR (default: ogr2ogr).
#
# OUT_GPKG gets two layers, both EPSG:4326 MultiPolygon:
#   provinsi  the 33 Indonesian provinces Natural Earth has, with
#             KODE (Kemendagri code, "11".."96"), NAMA (official name),
#             KODE_PULAU, PULAU (island region, for grouping into sheets).
#             Natural Earth predates Kalimantan Utara (2012) and the Papua
#             split (2022): 64 includes 65, and 91/92 are the pre-2022
#             extents of Papua and Papua Barat.
#   negara    neighbouring countries (not Indonesia) whose geometry meets
#             lon 90..145, lat -15..12, clipped to lon 85..150, lat -20..15;
#             fields NAMA (Indonesian name where we have one, else the
#             Natural Earth NAME), NAME, ISO_A3.
#
# Same inputs give the same content (features ordered by key; the
# GeoPackage timestamp is pinned with OGR_CURRENT_DATE).
set -eu

prog=extract-natural-earth.sh

die() {
    echo "$prog: $*" >&2
    exit 1
}

if [ $# -lt 3 ] || [ $# -gt 4 ]; then
    echo "usage: $prog WORLD_MAP_GPKG PROVINSI_CSV OUT_GPKG [PULAU_CSV]" >&2
    exit 2
fi

world=$1
provinsi=$2
out=$3
pulau=${4:-$(dirname "$provinsi")/pulau.csv}
ogr2ogr=${OGR2OGR:-ogr2ogr}

[ -r "$world" ] || die "cannot read $world (install the Debian package qgis-common)"
[ -r "$provinsi" ] || die "cannot read $provinsi"
[ -r "$pulau" ] || die "cannot read $pulau"
command -v "$ogr2ogr" >/dev/null 2>&1 || die "ogr2ogr not found ($ogr2ogr); install gdal-bin"

LC_ALL=C
export LC_ALL

# Everything is written inside the directory OUT_GPKG.tmp (same file system
# as OUT_GPKG, so the final mv is atomic; the GeoPackage inside keeps a
# .gpkg extension, which GDAL wants).  A failed run leaves OUT_GPKG alone.
work=$out.tmp
tmp=$work/out.gpkg
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM HUP
rm -rf "$work"
mkdir -p "$work"

# Pin the GeoPackage last_change timestamps so reruns give the same bytes.
OGR_CURRENT_DATE=2000-01-01T00:00:00.000Z
export OGR_CURRENT_DATE

# Check the CSV headers so a reordered file fails here, not as wrong data.
head -n 1 "$provinsi" | tr -d '\r' | grep -qx 'kode,nama,nama_natural_earth,nama_ikp2024,kode_pulau' ||
    die "$provinsi: unexpected header (want kode,nama,nama_natural_earth,nama_ikp2024,kode_pulau)"
head -n 1 "$pulau" | tr -d '\r' | grep -qx 'kode_pulau,nama' ||
    die "$pulau: unexpected header (want kode_pulau,nama)"

# --- 1. Which Indonesian provinces does Natural Earth have? ----------------
"$ogr2ogr" -f CSV "$work/ne.csv" "$world" -dialect SQLITE \
    -sql "SELECT name FROM states_provinces WHERE adm0_a3 = 'IDN' ORDER BY name" ||
    die "cannot read layer states_provinces from $world"

# --- 2. Check the mapping both ways and generate the SQL -------------------
# CSV fields here never contain commas or quotes (checked below), so a
# plain comma split is enough.  Strings go into SQL with ' doubled.
awk -F, -v provinsi="$provinsi" -v pulau="$pulau" -v work="$work" '
function sq(s) { gsub(/\047/, "\047\047", s); return "\047" s "\047" }
function unq(s) { gsub(/^"|"$/, "", s); return s }
FILENAME == pulau {
    sub(/\r$/, "")
    if (FNR == 1) next
    if (NF != 2) { printf "%s:%d: expected 2 fields, got %d\n", pulau, FNR, NF > "/dev/stderr"; bad = 1; next }
    region[$1] = $2
    next
}
FILENAME == provinsi {
    sub(/\r$/, "")
    if (FNR == 1) next
    if (NF != 5) { printf "%s:%d: expected 5 fields, got %d\n", provinsi, FNR, NF > "/dev/stderr"; bad = 1; next }
    if ($0 ~ /"/) { printf "%s:%d: quotes are not supported\n", provinsi, FNR > "/dev/stderr"; bad = 1; next }
    if ($1 !~ /^[1-9][0-9]$/) { printf "%s:%d: bad kode \"%s\"\n", provinsi, FNR, $1 > "/dev/stderr"; bad = 1; next }
    if (!($5 in region)) { printf "%s:%d: kode_pulau \"%s\" is not in %s\n", provinsi, FNR, $5, pulau > "/dev/stderr"; bad = 1; next }
    if ($3 == "") next
    if ($3 in kode) { printf "%s:%d: Natural Earth name \"%s\" used twice\n", provinsi, FNR, $3 > "/dev/stderr"; bad = 1; next }
    kode[$3] = $1; nama[$3] = $2; kp[$3] = $5; order[++n] = $3
    next
}
{   # ne.csv: the Indonesian provinces in Natural Earth
    if (FNR == 1) next
    name = unq($0)
    seen[name] = 1
    if (!(name in kode)) {
        printf "Natural Earth province \"%s\" (adm0_a3 IDN) has no code in %s (column nama_natural_earth)\n", name, provinsi > "/dev/stderr"
        bad = 1
    }
}
END {
    for (i = 1; i <= n; i++)
        if (!(order[i] in seen)) {
            printf "%s: nama_natural_earth \"%s\" (kode %s) is not an Indonesian province in Natural Earth\n", provinsi, order[i], kode[order[i]] > "/dev/stderr"
            bad = 1
        }
    if (bad) exit 1
    f = work "/provinsi.sql"
    printf "SELECT\n" > f
    for (c = 1; c <= 4; c++) {
        printf "  CASE name\n" > f
        for (i = 1; i <= n; i++) {
            k = order[i]
            v = (c == 1) ? kode[k] : (c == 2) ? nama[k] : (c == 3) ? kp[k] : region[kp[k]]
            printf "    WHEN %s THEN %s\n", sq(k), sq(v) > f
        }
        printf "  END AS %s,\n", (c == 1) ? "KODE" : (c == 2) ? "NAMA" : (c == 3) ? "KODE_PULAU" : "PULAU" > f
    }
    printf "  CastToMultiPolygon(geom) AS geom\n" > f
    printf "FROM states_provinces\nWHERE adm0_a3 = \047IDN\047\nORDER BY KODE\n" > f
}
' "$pulau" "$provinsi" "$work/ne.csv" || die "the province table does not match Natural Earth (see above)"

# --- 3. Layer provinsi -------------------------------------------------------
"$ogr2ogr" -f GPKG "$tmp" "$world" -dialect SQLITE -sql "@$work/provinsi.sql" \
    -nln provinsi -nlt MULTIPOLYGON -a_srs EPSG:4326 \
    -lco FID=fid -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=YES ||
    die "ogr2ogr failed writing layer provinsi"

# --- 4. Layer negara ---------------------------------------------------------
# Indonesian names for the neighbours; anything else keeps its NE name.
cat > "$work/negara.sql" <<'EOF'
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
EOF

"$ogr2ogr" -f GPKG -update "$tmp" "$world" -dialect SQLITE -sql "@$work/negara.sql" \
    -nln negara -nlt MULTIPOLYGON -a_srs EPSG:4326 \
    -clipsrc 85 -20 150 15 \
    -lco FID=fid -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=YES ||
    die "ogr2ogr failed writing layer negara"

# --- 5. Sanity check and move into place ------------------------------------
"$ogr2ogr" -f CSV "$work/check.csv" "$tmp" -dialect SQLITE \
    -sql "SELECT (SELECT count(*) FROM provinsi) AS np,
                 (SELECT count(*) FROM provinsi WHERE KODE IS NULL OR NAMA IS NULL OR PULAU IS NULL) AS nnull,
                 (SELECT count(*) FROM negara) AS nn" ||
    die "cannot read back $tmp"
counts=$(tail -n 1 "$work/check.csv" | tr -d '"\r')
np=${counts%%,*}
rest=${counts#*,}
nnull=${rest%%,*}
nn=${rest#*,}
[ "$nnull" = 0 ] || die "$nnull provinsi features without KODE/NAMA/PULAU"
[ "$np" -gt 0 ] || die "layer provinsi is empty"
[ "$nn" -gt 0 ] || die "layer negara is empty"

mv -f "$tmp" "$out"
trap - EXIT
rm -rf "$work"
echo "$prog: wrote $out ($np provinsi, $nn negara)"
