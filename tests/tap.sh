# tap.sh — a few TAP helpers for the end-to-end test scripts (sourced).
# Every script runs the real program on real inputs and checks its output.
TAP_N=0
TAP_FAILED=0
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
done_testing() { echo "1..$TAP_N"; [ "$TAP_FAILED" -eq 0 ]; }
shared_or_skip_all() {
  if [ ! -f "$SHARED_DATA/batas/kabkota.shp" ]; then
    echo "1..0 # SKIP shared data not found at $SHARED_DATA (tests on the real boundaries need ../shared/data)"
    exit 0
  fi
}
