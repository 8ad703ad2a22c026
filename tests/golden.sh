#!/bin/sh
# golden.sh — golden text for what is not a picture: join reports and
# class breaks, compared byte for byte with reviewed expected files.
#
# tests/join/<case>/: `args` holds the arguments of `petarawan check`, one
# a line; the case's files are copied into a fresh folder, with the shared
# data linked in as `shared/` (cases naming shared/ skip when
# ../shared/data is absent), and `check` runs there, so the paths in the
# report read the same everywhere.  Expected: report.txt (standard
# output), report.json (the same with --json), notes.txt (standard
# error) and status (the exit status without and with --strict).
#
# tests/breaks/<case>/: values.txt (one value a line, '#' comments, an
# empty line or NA a missing value, or `shared PATH COLUMN` in
# values.src to take a column of a comma CSV in the shared data) and one
# expected file per classification, the parameters in its name:
# <style>-<classes>.expected (e.g. quantile-5.expected, jenks-4.expected)
# or <style>.expected for the style's own classes (ikp-kabkota.expected,
# fixed breaks); printed by tests/breaks-print.
#
# On a difference the diff is shown and the new output kept beside the
# expected file as <file>.out.  Regenerate the expected files (then review
# the diff like code):
#   REGENERATE=1 meson test -C build golden
. "$TESTS_SRC/tap.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
BREAKS_PRINT=$(dirname "$PETARAWAN")/../tests/breaks-print

# golden_compare NAME EXPECTED ACTUAL: one TAP line.
golden_compare() {
  if [ -n "$REGENERATE" ]; then
    cp "$3" "$2" && rm -f "$2.out" && ok "$1: regenerated"
    return
  fi
  if [ ! -f "$2" ]; then
    not_ok "$1: no expected file $2"
    return
  fi
  if cmp -s "$2" "$3"; then
    rm -f "$2.out"
    ok "$1"
  else
    cp "$3" "$2.out"
    not_ok "$1 differs from $2 (new output in $2.out)"
    diff -u "$2" "$3" | head -40 | sed 's/^/# /'
  fi
}

# Join reports.
for dir in "$TESTS_SRC"/join/*/; do
  case=$(basename "$dir")
  if grep -q '^shared/' "$dir/args" && [ ! -d "$SHARED_DATA/batas" ]; then
    skip "join/$case: shared data not found at $SHARED_DATA"
    continue
  fi
  w=$T/join-$case
  mkdir -p "$w"
  for f in "$dir"*; do
    case $(basename "$f") in
      report.txt | report.json | notes.txt | status | *.out) ;;
      *) cp "$f" "$w/" ;;
    esac
  done
  ln -s "$SHARED_DATA" "$w/shared"
  # One argument a line: read them into the positional parameters.
  set --
  while IFS= read -r a || [ -n "$a" ]; do
    [ -n "$a" ] && set -- "$@" "$a"
  done <"$dir/args"
  (cd "$w" && "$PETARAWAN" check "$@" >"$w/report.txt.new" 2>"$w/notes.txt.new")
  st=$?
  (cd "$w" && "$PETARAWAN" check "$@" --json >"$w/report.json.new" 2>/dev/null)
  (cd "$w" && "$PETARAWAN" check "$@" --strict >/dev/null 2>&1)
  printf 'check: %s\ncheck --strict: %s\n' "$st" "$?" >"$w/status.new"
  for f in report.txt report.json notes.txt status; do
    golden_compare "join/$case $f" "$dir$f" "$w/$f.new"
  done
done

# Class breaks.
for dir in "$TESTS_SRC"/breaks/*/; do
  case=$(basename "$dir")
  values=$dir/values.txt
  if [ -f "$dir/values.src" ]; then
    read -r where path column <"$dir/values.src"
    if [ "$where" != shared ]; then
      not_ok "breaks/$case: values.src must read 'shared PATH COLUMN'"
      continue
    fi
    if [ ! -f "$SHARED_DATA/$path" ]; then
      skip "breaks/$case: shared data not found at $SHARED_DATA/$path"
      continue
    fi
    values=$T/breaks-$case.values
    awk -F, -v col="$column" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
      c { print $c } END { if (!c) exit 1 }' "$SHARED_DATA/$path" >"$values" ||
      { not_ok "breaks/$case: no column $column in $SHARED_DATA/$path"; continue; }
  fi
  for exp in "$dir"*.expected; do
    [ -f "$exp" ] || continue
    params=$(basename "$exp" .expected)
    classes=${params##*-}
    style=${params%-*}
    case $classes in
      '' | *[!0-9]*) classes=0; style=$params ;;
    esac
    out=$T/breaks-$case-$params
    if "$BREAKS_PRINT" "$style" "$classes" "$values" >"$out" 2>&1; then
      golden_compare "breaks/$case $params" "$exp" "$out"
    else
      not_ok "breaks/$case $params: breaks-print failed"
      sed 's/^/# /' "$out"
    fi
  done
done
done_testing
