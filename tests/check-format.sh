#!/bin/sh
# check-format.sh — every C file of the repository as .clang-format says
# (clang-format 14, Debian 12's).  Lists each file that differs with the
# first lines of its difference and exits 1; exits 0 when none does, 77
# when clang-format is not installed.  Run from anywhere:
#   sh tests/check-format.sh            # check
#   sh tests/check-format.sh FILE...    # check only these
# To reformat a file: clang-format -i FILE (review the diff like code).
cd "$(dirname "$0")/.." || exit 2
CLANG_FORMAT=${CLANG_FORMAT:-clang-format}
if ! command -v "$CLANG_FORMAT" >/dev/null 2>&1; then
  echo "check-format: $CLANG_FORMAT not found (apt-get install clang-format)" >&2
  exit 77
fi
if [ $# -gt 0 ]; then
  files=$*
elif git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  files=$(git ls-files '*.c' '*.h')
else
  files=$(find . -path ./build\* -prune -o \( -name '*.c' -o -name '*.h' \) -print | sed 's|^\./||' | sort)
fi
differ=0
n=0
for f in $files; do
  n=$((n + 1))
  if ! out=$("$CLANG_FORMAT" --style=file "$f" | diff -u "$f" -); then
    differ=$((differ + 1))
    echo "$f: $(printf '%s\n' "$out" | grep -c '^[-+][^-+]') lines differ"
    printf '%s\n' "$out" | sed -n '3,14p' | sed 's/^/    /'
  fi
done
version=$("$CLANG_FORMAT" --version | sed 's/.*version \([0-9.]*\).*/\1/')
if [ "$differ" -gt 0 ]; then
  echo "check-format: $differ of $n files differ from .clang-format (clang-format $version)"
  exit 1
fi
echo "check-format: all $n files as .clang-format says (clang-format $version)"
