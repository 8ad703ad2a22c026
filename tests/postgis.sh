#!/bin/sh
# postgis.sh — boundaries and tables from PostGIS (`PG:` sources), against
# a real PostgreSQL + PostGIS server from Debian (postgresql,
# postgresql-15-postgis-3).  The test starts its own throwaway cluster in a
# temporary folder, as an unprivileged user when run as root (CI is root;
# PostgreSQL refuses root), listening on a free loopback port only; loads
# boundaries with ogr2ogr and a score table with psql; runs `check` and
# `build` with PG: sources for both, checks the join and the outputs; and
# stops the server on every exit, failure included.  Without the server
# or PostGIS every test is skipped with a message saying what to install.
. "$TESTS_SRC/tap.sh"
B=$TESTS_SRC/bad/good.geojson

skip_all() {
  echo "1..0 # SKIP $*"; rm -rf "$TAP_TMP"
  exit 0
}

PGBIN=""
for d in /usr/lib/postgresql/*/bin; do
  [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && PGBIN=$d
done
[ -n "$PGBIN" ] || skip_all "PostgreSQL server not installed (Debian: apt install postgresql postgresql-15-postgis-3)"
PGVER=$(basename "$(dirname "$PGBIN")")
[ -f "/usr/share/postgresql/$PGVER/extension/postgis.control" ] ||
  skip_all "PostGIS for PostgreSQL $PGVER not installed (Debian: apt install postgresql-$PGVER-postgis-3)"
command -v psql >/dev/null 2>&1 || skip_all "psql not installed (Debian: apt install postgresql-client)"
command -v python3 >/dev/null 2>&1 || skip_all "python3 not installed (needed to find a free port)"

# PostgreSQL will not run as root: then run it as `postgres` (Debian's
# package creates it) or `nobody`.
AS=""
if [ "$(id -u)" = 0 ]; then
  command -v runuser >/dev/null 2>&1 || skip_all "running as root without runuser"
  if id postgres >/dev/null 2>&1; then AS=postgres; else AS=nobody; fi
fi
as_pg() {
  if [ -n "$AS" ]; then (cd "$T" && runuser -u "$AS" -- "$@"); else (cd "$T" && "$@"); fi
}

T=$(mktemp -d)
chmod 755 "$T"
mkdir "$T/data" "$T/sock"
[ -n "$AS" ] && chown "$AS" "$T/data" "$T/sock"
stop() {
  as_pg "$PGBIN/pg_ctl" -D "$T/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$T"
}
trap stop EXIT
trap 'exit 1' INT TERM

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if as_pg "$PGBIN/initdb" -D "$T/data" -U petarawan -A trust -E UTF8 --no-locale >"$T/initdb.log" 2>&1; then
  ok "initdb: a throwaway cluster in $T/data (as ${AS:-$(id -un)})"
else
  not_ok "initdb failed"; sed 's/^/# /' "$T/initdb.log" | tail -20
  done_testing; exit 1
fi
if as_pg "$PGBIN/pg_ctl" -D "$T/data" -l "$T/data/server.log" -w -t 60 \
     -o "-c listen_addresses=127.0.0.1 -p $PORT -k $T/sock -c fsync=off" start >/dev/null 2>&1; then
  ok "server started on 127.0.0.1:$PORT"
else
  not_ok "server did not start"; sed 's/^/# /' "$T/data/server.log" | tail -20
  done_testing; exit 1
fi

export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=petarawan
CONN="host=127.0.0.1 port=$PORT user=petarawan dbname=pilkada"
psql -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE pilkada" >"$T/psql.log" 2>&1 &&
  psql -q -v ON_ERROR_STOP=1 -d pilkada -c "CREATE EXTENSION postgis" >>"$T/psql.log" 2>&1
if [ $? -eq 0 ]; then ok "database with PostGIS"; else not_ok "CREATE EXTENSION postgis"; sed 's/^/# /' "$T/psql.log"; fi

# Boundaries with ogr2ogr; a score table with psql: numbers stored as
# numbers, a personnel count as text written the Indonesian way, a
# missing score, a row for a district that is not in the boundaries.
if ogr2ogr -f PostgreSQL "PG:$CONN" "$B" -nln batas -lco GEOMETRY_NAME=geom >"$T/ogr.log" 2>&1; then
  ok "boundaries loaded with ogr2ogr"
else
  not_ok "ogr2ogr into PostGIS"; sed 's/^/# /' "$T/ogr.log" | tail
fi
psql -q -v ON_ERROR_STOP=1 -d pilkada >"$T/psql.log" 2>&1 <<'EOF'
CREATE TABLE skor (id serial PRIMARY KEY, kode text, skor_ikp numeric(5,2), personel_polri text);
INSERT INTO skor (kode, skor_ikp, personel_polri) VALUES
  ('11.01', 45.23, '1.234'), ('11.02', 12.50, '950'), ('11.03', NULL, '2.500'),
  ('12.01', 68.75, '-'), ('12.02', 90.10, '1.100'), ('99.99', 10.00, '5');
EOF
if [ $? -eq 0 ]; then ok "table loaded with psql"; else not_ok "table"; sed 's/^/# /' "$T/psql.log"; fi

set -- --boundaries "PG:$CONN" --layer batas --key kode --name nama --group kode_prov \
  --value skor_ikp --style ikp-kabkota
expect_status 0 "check with PG: boundaries and table" "$PETARAWAN" check "$@" --table "PG:$CONN tables=skor:kode"
contains "boundaries read from PostGIS" "(layer batas, WGS 84): 5 districts"
contains "table joined" "(key kode): matched 5 of 6 rows"
contains "the unknown district named with its row" "row 6, kode '99.99' is not in the boundaries"
contains "the missing score leaves its district without data" "Value skor_ikp: matched 4 of 5 districts"
contains "text numbers in a PG table: the ambiguous ones read as Indonesian, said" "column personel_polri: '1.234' (row 1, and 2 more like it) could be 1234 (Indonesian) or 1.234 (plain); read as 1234"
contains "the text column's missing value counted" "missing values (empty, '-', 'n/a'): skor_ikp 1 (row 3), personel_polri 1 (row 4)"
expect_status 0 "the table picked with #layer=" "$PETARAWAN" check "$@" --table "PG:$CONN:kode#layer=skor"
contains "same join" "(key kode): matched 5 of 6 rows"
expect_status 2 "an unknown table" "$PETARAWAN" check "$@" --table "PG:$CONN:kode#layer=tidak_ada"
contains "named with what there is" "layer tidak_ada: there is no such layer"
expect_status 2 "a server that is not there" "$PETARAWAN" check "$@" --table "PG:host=127.0.0.1 port=1 user=petarawan password=rahasia dbname=pilkada tables=skor:kode"
contains "unreachable table named" "PG:host=127.0.0.1 port=1 user=petarawan password=*** dbname=pilkada tables=skor: cannot open as a table"
case $OUT in *rahasia*) not_ok "the password is not shown";; *) ok "the password is not shown";; esac

OUTDIR=$T/out
expect_status 0 "build with PG: sources" "$PETARAWAN" build "$@" --table "PG:$CONN tables=skor:kode" -o "$OUTDIR" -q
check "a sheet per province (11 and 12)" test -s "$OUTDIR/11-aceh.pdf" -a -s "$OUTDIR/12-sumatera-utara.pdf"
check "atlas and overview" test -s "$OUTDIR/atlas.pdf" -a -s "$OUTDIR/00-nasional.pdf"
OUT=$(cat "$OUTDIR/manifest.json" 2>/dev/null)
contains "manifest names the PG: table" "tables=skor"
if command -v pdftotext >/dev/null 2>&1; then
  OUT=$(pdftotext -layout "$OUTDIR/11-aceh.pdf" - 2>/dev/null)
  contains "the sheet shows the joined score, Indonesian style" "45,23"
  contains "the sheet names the district" "Simeulue"
  contains "the footer names the PostGIS sources, no connection details" "batas PostGIS pilkada.batas; tabel PostGIS pilkada.skor"
else
  skip "pdftotext not installed"
fi

# Kab/kota boundaries and the sample scores, when the shared data is here.
if [ -f "$SHARED_DATA/batas/kabkota.shp" ]; then
  if ogr2ogr -f PostgreSQL "PG:$CONN" "$SHARED_DATA/batas/kabkota.shp" -nln kabkota -nlt PROMOTE_TO_MULTI \
       -lco GEOMETRY_NAME=geom >"$T/ogr.log" 2>&1 &&
     ogr2ogr -f PostgreSQL "PG:$CONN" "$SHARED_DATA/skor/ikp_kabkota_contoh.csv" -nln ikp_kabkota >>"$T/ogr.log" 2>&1; then
    ok "kab/kota boundaries and sample scores loaded"
  else
    not_ok "loading kab/kota"; sed 's/^/# /' "$T/ogr.log" | tail
  fi
  expect_status 0 "check 514 kab/kota from PostGIS" "$PETARAWAN" check --boundaries "PG:$CONN" --layer kabkota \
    --key kode --name nama --group kode_prov --table "PG:$CONN tables=ikp_kabkota:kode_wilayah" --value skor_ikp --style ikp-kabkota
  contains "all 514 matched" "Value skor_ikp: matched 514 of 514 districts"
else
  skip "shared data not found at $SHARED_DATA: kab/kota from PostGIS not tested"
fi
done_testing
