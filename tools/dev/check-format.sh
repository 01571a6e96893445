#!/usr/bin/env bash
# Fails, listing the files, when a C++ file tracked by git does not follow .clang-format.
#   check-format.sh         check
#   check-format.sh --fix   reformat in place
set -euo pipefail
cd "$(dirname "$0")/../.."
# Golden files are byte-exact outputs of migcmd's own generators (the C++ scaffolder lays code out
# itself), compared by the tests: clang-format must not touch them.
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' ':!:tests/**/golden/**')
[ ${#files[@]} -eq 0 ] && exit 0
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "not formatted (run tools/dev/check-format.sh --fix):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "format: ${#files[@]} files follow .clang-format"
