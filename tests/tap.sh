# tap.sh — a few TAP helpers for the end-to-end test scripts (sourced).
# Every script runs the real program on real inputs and checks its output.
TAP_N=0
TAP_FAILED=0
# Every script's temporary folders (mktemp -d) go under a root of its own,
# so that done_testing can check every PDF the script wrote for filled
# slivers (check-slivers.py) before the script's own cleanup removes them.
# The root is world-traversable like /tmp (postgis.sh hands its folder to
# an unprivileged server); each mktemp -d folder in it is still 0700.
TAP_TMP=$(mktemp -d "${TMPDIR:-/tmp}/petarawan-tap.XXXXXX") && chmod 755 "$TAP_TMP" &&
  export TMPDIR="$TAP_TMP"
ok() { TAP_N=$((TAP_N + 1)); echo "ok $TAP_N - $*"; }
not_ok() { TAP_N=$((TAP_N + 1)); TAP_FAILED=$((TAP_FAILED + 1)); echo "not ok $TAP_N - $*"; }
skip() { TAP_N=$((TAP_N + 1)); echo "ok $TAP_N # SKIP $*"; }
# check DESCRIPTION COMMAND...: ok when the command succeeds.
check() { d=$1; shift; if "$@" >/dev/null 2>&1; then ok "$d"; else not_ok "$d"; fi; }
# expect_status WANT DESCRIPTION COMMAND...: runs COMMAND, keeping its
# output in $OUT, ok when its exit status is WANT.
expect_status() {
  want=$1; d=$2; shift 2
  OUT=$("$@" 2>&1); st=$?
  if [ "$st" -eq "$want" ]; then ok "$d (exit $st)"; else
    not_ok "$d: exit $st, wanted $want"; printf '%s\n' "$OUT" | sed 's/^/# /' | head -20; fi
}
# contains DESCRIPTION TEXT: ok when $OUT contains TEXT.
contains() {
  case $OUT in *"$2"*) ok "$1";; *) not_ok "$1: output lacks '$2'"; printf '%s\n' "$OUT" | sed 's/^/# /' | head -20;; esac
}
# json_has DESCRIPTION PYTHON-EXPRESSION: ok when $OUT parses as JSON and
# the expression (over the document `j`) is true; checks what a script
# reads, not how the document is laid out.
json_has() {
  if printf '%s' "$OUT" | python3 -c 'import json, sys
j = json.load(sys.stdin)
sys.exit(0 if eval(sys.argv[1]) else 1)' "$2" 2>/dev/null; then ok "$1"; else
    not_ok "$1: JSON without $2"; printf '%s\n' "$OUT" | sed 's/^/# /' | head -20; fi
}
# The last test of every script: no filled sliver in any PDF it wrote.
tap_slivers() {
  n=$(find "$TAP_TMP" -type f -name '*.pdf' | wc -l)
  [ "$n" -gt 0 ] || return 0
  if res=$(find "$TAP_TMP" -type f -name '*.pdf' -exec python3 "$TESTS_SRC/check-slivers.py" {} + 2>&1); then
    ok "no filled sliver in the $n PDFs written"
  else
    not_ok "filled slivers in the PDFs written"; printf '%s\n' "$res" | sed 's/^/# /' | head -20
  fi
}
done_testing() { tap_slivers; echo "1..$TAP_N"; rm -rf "$TAP_TMP"; [ "$TAP_FAILED" -eq 0 ]; }
shared_or_skip_all() {
  if [ ! -f "$SHARED_DATA/batas/kabkota.shp" ]; then
    echo "1..0 # SKIP shared data not found at $SHARED_DATA (tests on the real boundaries need ../shared/data)"
    rm -rf "$TAP_TMP"
    exit 0
  fi
}
