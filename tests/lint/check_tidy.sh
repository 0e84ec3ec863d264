#!/usr/bin/env bash
# clang-tidy (the repository's .clang-tidy, warnings as errors) on C++ sources.
#
#   check_tidy.sh SOURCE_DIR BUILD_DIR          the .cc files under src/ that the last
#                                               commit added or changed (make test)
#   check_tidy.sh SOURCE_DIR BUILD_DIR --all    every .cc file under src/ (make lint)
#
# BUILD_DIR must hold compile_commands.json (CMake writes it).
set -euo pipefail
src=$1
build=$2
cd "$src"
if [[ "${3:-}" == "--all" ]]; then
  mapfile -t files < <(git ls-files 'src/*.cc')
elif git rev-parse --verify -q HEAD >/dev/null 2>&1; then
  mapfile -t files < <(git diff-tree -r --no-commit-id --name-only --diff-filter=AM HEAD -- 'src/*.cc')
else
  files=()
fi
if ((${#files[@]} == 0)); then
  echo "tidy: no C++ source changed by the last commit (make lint checks them all)"
  exit 0
fi
command -v clang-tidy >/dev/null || { echo "tidy: clang-tidy missing (scripts/install-deps test)" >&2; exit 1; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! printf '%s\n' "${files[@]}" | xargs -P 2 -n 4 clang-tidy -p "$build" --quiet >"$log" 2>&1; then
  grep -E "(warning|error):" "$log" | sort -u
  echo "tidy: fix the findings above (or, where a check is wrong, say why in .clang-tidy)" >&2
  exit 1
fi
echo "tidy: ${#files[@]} files clean"
