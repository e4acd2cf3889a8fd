#!/usr/bin/env bash
# Sums the per-project result lines that `dotnet test` prints
#   Passed!  - Failed:     0, Passed:   171, Skipped:     0, Total:   171, Duration: ...
# into one closing line "N passed, N failed". A run that failed before reporting any result (a build error)
# counts as one failure, so a broken build can never read as green.
# Usage: build/test-summary.sh LOG EXIT_CODE
set -euo pipefail
log=$1
exit_code=${2:-0}
read -r passed failed skipped < <(
  grep -E '^(Passed|Failed)!' "$log" |
    sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
    awk '{ p += $1; f += $2; s += $3 } END { print p + 0, f + 0, s + 0 }'
)
if [ "$exit_code" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
