#!/usr/bin/env bash
# End-to-end notification benchmark of the real `phare serve`: one update to 1,000,000
# subscribers (fan-out time, the public page's requests/s before and during), e-mail
# delivery rate against Postfix's smtp-source, webhook delivery rate to nginx.
#
#   bench/notify_fanout.sh [BUILD_DIR] [--subscribers N] [--only fanout|email|webhook]
#
# Prints a JSON object of figures and targets on stdout (progress on stderr). Takes about
# three minutes with a million subscribers; needs `scripts/install-deps bench`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
[[ $# -gt 0 ]] && shift
exec python3 "$here/notify_fanout.py" --phare "$build/src/phare" "$@"
