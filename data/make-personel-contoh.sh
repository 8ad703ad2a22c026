#!/bin/sh
# make-personel-contoh.sh — generate SAMPLE (synthetic) personnel and
# workload figures per province for the petarawan demo.
#
#   sh data/make-personel-contoh.sh [PROVINSI_CSV] > data/personel_provinsi_contoh.csv
#
# PROVINSI_CSV defaults to provinsi.csv beside this script.  Output is one
# row per province in provinsi.csv (38), sorted by code, with the columns
#   kode,provinsi,personel_polri,personel_tni,brimob_bko,linmas,jumlah_tps,jumlah_dpt
#
# THESE ARE NOT REAL FIGURES.  Every number is drawn from a small
# pseudo-random generator (Park–Miller, seeded from the province code), so
# the output is the same on every machine and every run.  Only the order of
# magnitude is meant to look plausible:
#   jumlah_dpt      a size tier per province (coarse, hand-picked) with the
#                   exact value drawn inside the tier: 0.3 M .. ~36 M
#   jumlah_tps      ~ DPT / 280 (divisor drawn from 265..295)
#   personel_polri  TPS/5 .. TPS/2
#   personel_tni    ~ Polri / 3 (divisor drawn from 2.6..3.4)
#   brimob_bko      0 .. 2000
#   linmas          2 * TPS (two Linmas per polling station)
set -eu

here=$(dirname "$0")
provinsi=${1:-$here/provinsi.csv}

if [ ! -r "$provinsi" ]; then
    echo "make-personel-contoh.sh: cannot read $provinsi" >&2
    exit 2
fi

LC_ALL=C
export LC_ALL

awk -F, '
# Park–Miller minimal standard generator.  All intermediate values stay
# below 2^53, so every awk (mawk, gawk, busybox) computes the same numbers.
function rnd() {
    seed = (seed * 16807) % 2147483647
    return seed / 2147483647          # in (0, 1)
}
function between(lo, hi) { return lo + (hi - lo) * rnd() }

BEGIN {
    # Size tier per province code: min and max DPT in millions.
    # Deliberately coarse: a tier says "small / medium / very large",
    # the value inside it is random.
    tier_lo["xl"] = 32.0; tier_hi["xl"] = 36.0
    tier_lo["l"]  = 20.0; tier_hi["l"]  = 30.0
    tier_lo["m"]  = 5.0;  tier_hi["m"]  = 12.0
    tier_lo["s"]  = 2.5;  tier_hi["s"]  = 5.0
    tier_lo["xs"] = 1.0;  tier_hi["xs"] = 2.5
    tier_lo["xxs"] = 0.3; tier_hi["xxs"] = 1.0
    n = split("32:xl 33:l 35:l " \
              "12:m 16:m 18:m 31:m 36:m 73:m " \
              "11:s 13:s 14:s 15:s 34:s 51:s 52:s 53:s 61:s 63:s 64:s " \
              "17:xs 21:xs 62:xs 71:xs 72:xs 74:xs 81:xs 94:xs 95:xs " \
              "19:xxs 65:xxs 75:xxs 76:xxs 82:xxs 91:xxs 92:xxs 93:xxs 96:xxs", t, " ")
    for (i = 1; i <= n; i++) {
        split(t[i], kv, ":")
        tier[kv[1]] = kv[2]
    }
    print "kode,provinsi,personel_polri,personel_tni,brimob_bko,linmas,jumlah_tps,jumlah_dpt"
}

FNR == 1 { next }                     # header of provinsi.csv
$1 == "" { next }

{
    kode = $1; nama = $2
    if (!(kode in tier)) {
        printf "make-personel-contoh.sh: no size tier for province %s (%s)\n", kode, nama > "/dev/stderr"
        bad = 1
        next
    }
    # Seed: a polynomial in the code (below 2^53), so neighbouring codes
    # get unrelated streams; then let the generator run a few steps.
    k = kode + 0
    seed = ((k * k + 17) * (k + 101) * 7919 + 104729) % 2147483647
    for (i = 0; i < 5; i++) rnd()

    tr = tier[kode]
    dpt = int(between(tier_lo[tr], tier_hi[tr]) * 1000000)
    tps = int(dpt / between(265, 295) + 0.5)
    polri = int(tps / between(2, 5) + 0.5)
    tni = int(polri / between(2.6, 3.4) + 0.5)
    brimob = int(rnd() * 2001)
    if (brimob > 2000) brimob = 2000
    linmas = 2 * tps

    row[kode] = sprintf("%s,%s,%d,%d,%d,%d,%d,%d", kode, nama, polri, tni, brimob, linmas, tps, dpt)
    codes[++ncodes] = kode
}

END {
    if (bad) exit 1
    # provinsi.csv is sorted by code already; sort anyway (insertion sort, 38 rows).
    for (i = 2; i <= ncodes; i++) {
        v = codes[i]
        for (j = i - 1; j >= 1 && codes[j] + 0 > v + 0; j--) codes[j + 1] = codes[j]
        codes[j + 1] = v
    }
    for (i = 1; i <= ncodes; i++) print row[codes[i]]
}
' "$provinsi"
