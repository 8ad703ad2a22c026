#!/bin/sh
# check-data.sh — consistency checks for the tables in data/ (TAP output).
#
#   check-data.sh DATA_DIR [WORLD_MAP_GPKG [DEMO_GPKG [IKP_PUBLISHED_CSV]]]
#
# DATA_DIR is the source data/ directory.  The optional arguments enable
# the checks against Natural Earth, against the built demo.gpkg and against
# the published IKP table (../shared/data/skor/ikp2024_provinsi.csv); each
# is skipped with a message when its file is absent.
# Environment: OGR2OGR (default: ogr2ogr).

# The check functions below are called indirectly, through check().
# shellcheck disable=SC2317
set -u

dir=${1:?usage: check-data.sh DATA_DIR [WORLD_MAP_GPKG [DEMO_GPKG [IKP_PUBLISHED_CSV]]]}
world=${2:-}
demo=${3:-}
published=${4:-}
ogr2ogr=${OGR2OGR:-ogr2ogr}
LC_ALL=C
export LC_ALL

work=${TMPDIR:-/tmp}/check-data.$$
trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; sed 's/^/# /' "$work/err" 2>/dev/null; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# check DESCRIPTION COMMAND...: run COMMAND, its stderr explains a failure.
check() {
    desc=$1; shift
    if "$@" 2>"$work/err"; then ok "$desc"; else not_ok "$desc"; fi
}

p=$dir/provinsi.csv

provinsi_table() {
    awk -F, -v pulau="$dir/pulau.csv" '
    BEGIN {
        while ((getline line < pulau) > 0) {
            if (++ln == 1) { if (line != "kode_pulau,nama") { print "pulau.csv: bad header" > "/dev/stderr"; bad = 1 } continue }
            split(line, f, ","); region[f[1]] = f[2]; nreg++
        }
        if (nreg != 7) { print "pulau.csv: " nreg " regions, want 7" > "/dev/stderr"; bad = 1 }
    }
    FNR == 1 { if ($0 != "kode,nama,nama_natural_earth,nama_ikp2024,kode_pulau") { print "bad header: " $0 > "/dev/stderr"; bad = 1 } next }
    {
        rows++
        if (NF != 5) { print "line " FNR ": " NF " fields" > "/dev/stderr"; bad = 1 }
        if ($1 !~ /^[1-9][0-9]$/) { print "line " FNR ": bad kode " $1 > "/dev/stderr"; bad = 1 }
        if ($1 in seen) { print "duplicate kode " $1 > "/dev/stderr"; bad = 1 }
        if ($2 in nama) { print "duplicate nama " $2 > "/dev/stderr"; bad = 1 }
        seen[$1] = 1; nama[$2] = 1
        if ($1 + 0 <= prev) { print "line " FNR ": not sorted by kode" > "/dev/stderr"; bad = 1 }
        prev = $1 + 0
        d = substr($1, 1, 1)
        want = (d == 2) ? 1 : d      # 21 Kepulauan Riau belongs to Sumatera
        if ($5 != want) { print "kode " $1 ": kode_pulau " $5 ", want " want > "/dev/stderr"; bad = 1 }
        if (!($5 in region)) { print "kode " $1 ": kode_pulau " $5 " not in pulau.csv" > "/dev/stderr"; bad = 1 }
        if ($3 != "") ne++
        if ($4 != "") ikp++
    }
    END {
        if (rows != 38) { print rows " provinces, want 38" > "/dev/stderr"; bad = 1 }
        if (ne != 33) { print ne " Natural Earth names, want 33" > "/dev/stderr"; bad = 1 }
        if (ikp != 34) { print ikp " IKP names, want 34" > "/dev/stderr"; bad = 1 }
        exit bad
    }' "$p"
}
check "provinsi.csv: 38 unique codes, 33 NE names, 34 IKP names, valid kode_pulau" provinsi_table

ikp_table() {
    awk -F, '
    NR == FNR { if (FNR > 1 && $4 != "") code[$4] = $1; next }
    FNR == 1 { if ($0 != "kode,provinsi,skor_ikp,kategori") { print "bad header: " $0 > "/dev/stderr"; bad = 1 } next }
    {
        rows++
        if (!($2 in code)) { print "IKP province " $2 " is not in provinsi.csv (nama_ikp2024)" > "/dev/stderr"; bad = 1 }
        else if (code[$2] != $1) { print "IKP province " $2 ": kode " $1 ", provinsi.csv says " code[$2] > "/dev/stderr"; bad = 1 }
        if ($1 in seen) { print "duplicate kode " $1 > "/dev/stderr"; bad = 1 }
        seen[$1] = 1
        if ($3 !~ /^[0-9]+\.[0-9][0-9]$/ || $3 + 0 > 100) { print $2 ": bad score " $3 > "/dev/stderr"; bad = 1 }
        # Bawaslu province classes: Rendah < 21.7 <= Sedang < 68.5 <= Tinggi
        k = ($3 + 0 < 21.7) ? "Rendah" : ($3 + 0 < 68.5) ? "Sedang" : "Tinggi"
        if ($4 != k) { print $2 ": kategori " $4 " but score " $3 " is " k > "/dev/stderr"; bad = 1 }
    }
    END { if (rows != 34) { print rows " rows, want 34" > "/dev/stderr"; bad = 1 } exit bad }
    ' "$p" "$dir/ikp2024_provinsi.csv"
}
check "ikp2024_provinsi.csv: 34 rows, each with the kode of its name, categories match scores" ikp_table

if [ -n "$published" ] && [ -r "$published" ]; then
    same_as_published() {
        cut -d, -f2- "$dir/ikp2024_provinsi.csv" | tr -d '\r' > "$work/ours"
        tr -d '\r' < "$published" > "$work/theirs"
        diff "$work/theirs" "$work/ours" >&2
    }
    check "ikp2024_provinsi.csv carries the published figures unchanged" same_as_published
else
    skip "ikp2024_provinsi.csv carries the published figures unchanged" "published table not found (${published:-not given})"
fi

personel() {
    sh "$dir/make-personel-contoh.sh" "$p" > "$work/personel.csv" || return 1
    cmp "$work/personel.csv" "$dir/personel_provinsi_contoh.csv" >&2 || {
        echo "personel_provinsi_contoh.csv is stale: rerun make-personel-contoh.sh" >&2
        return 1
    }
    awk -F, 'NR > 1 {
        rows++
        if ($6 != 2 * $7) { print $2 ": linmas != 2*TPS" > "/dev/stderr"; bad = 1 }
        if ($5 < 0 || $5 > 2000) { print $2 ": brimob_bko out of 0..2000" > "/dev/stderr"; bad = 1 }
        if ($3 < $7 / 5 - 1 || $3 > $7 / 2 + 1) { print $2 ": polri not in TPS/5..TPS/2" > "/dev/stderr"; bad = 1 }
        if ($8 < 100000 || $8 > 40000000) { print $2 ": DPT out of range" > "/dev/stderr"; bad = 1 }
    } END { if (rows != 38) { print rows " rows, want 38" > "/dev/stderr"; bad = 1 } exit bad }' "$work/personel.csv"
}
check "personel_provinsi_contoh.csv: 38 rows, regenerates identically, sane ratios" personel

if [ -n "$world" ] && [ -r "$world" ]; then
    ne_names() {
        "$ogr2ogr" -f CSV "$work/ne.csv" "$world" -dialect SQLITE \
            -sql "SELECT name FROM states_provinces WHERE adm0_a3 = 'IDN'" || return 1
        tail -n +2 "$work/ne.csv" | tr -d '"\r' | sort > "$work/ne-names"
        awk -F, 'NR > 1 && $3 != "" { print $3 }' "$p" | sort > "$work/our-names"
        diff "$work/ne-names" "$work/our-names" >&2
    }
    check "every Indonesian Natural Earth province name is in provinsi.csv and vice versa" ne_names
else
    skip "Natural Earth names" "world_map.gpkg not found (${world:-not given})"
fi

if [ -n "$demo" ] && [ -r "$demo" ]; then
    demo_layers() {
        "$ogr2ogr" -f CSV "$work/demo.csv" "$demo" -dialect SQLITE -sql \
            "SELECT (SELECT count(*) FROM provinsi),
                    (SELECT count(DISTINCT KODE) FROM provinsi WHERE length(KODE) = 2 AND NAMA IS NOT NULL AND PULAU IS NOT NULL),
                    (SELECT count(*) FROM negara),
                    (SELECT count(*) FROM negara WHERE ISO_A3 = 'IDN')" || return 1
        got=$(tail -n 1 "$work/demo.csv" | tr -d '"\r')
        nn=$(echo "$got" | cut -d, -f3)
        if [ "$got" != "33,33,$nn,0" ] || [ "$nn" -le 0 ]; then
            echo "demo.gpkg counts (provinsi, with KODE, negara, Indonesia in negara): $got" >&2
            return 1
        fi
    }
    check "demo.gpkg: 33 provinsi each with a distinct KODE, negara non-empty without Indonesia" demo_layers
else
    skip "demo.gpkg layers" "demo.gpkg not found (${demo:-not given})"
fi

echo "1..$n"
exit $failed
