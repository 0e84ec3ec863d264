#!/usr/bin/env bash
# Fails when a C++ source differs from what .clang-format asks for.
# Usage: check_format.sh SOURCE_DIR
set -euo pipefail
cd "$1"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cc' '*.h')
else
  mapfile -t files < <(find src tests bench -name '*.cc' -o -name '*.h')
fi
existing=()
for f in "${files[@]}"; do [[ -f "$f" ]] && existing+=("$f"); done
if ! clang-format --dry-run -Werror "${existing[@]}" 2>/tmp/phare-format.$$; then
  grep -E '^[^ ].*(warning|error):' /tmp/phare-format.$$ | cut -d: -f1 | sort -u | sed 's/^/needs clang-format: /'
  rm -f /tmp/phare-format.$$
  echo "run 'make format' to fix" >&2
  exit 1
fi
rm -f /tmp/phare-format.$$
echo "format: ${#existing[@]} files clean"
