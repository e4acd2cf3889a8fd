#!/usr/bin/env bash
# Sums the per-project result lines that `dotnet test` prints
#   Passed!  - Failed:     0, Passed:   171, Skipped:     0, Total:   171, Duration: ...
# (Failed! when a test failed, Skipped! when every test of the project skipped) into one closing line
# "N passed, N failed" (", N skipped" when tests skipped). A run that failed before reporting any result (a build
# error) counts as one failure, so a broken build can never read as green.
# The console logger names a skipped test but not why: tests that skip for a reason the reader must know (the browser
# tests without a Chromium) write it to SKIP_REPORT, and it is printed before the closing line.
# Usage: build/test-summary.sh LOG EXIT_CODE [SKIP_REPORT]
set -euo pipefail
log=$1
exit_code=${2:-0}
skip_report=${3:-}
read -r passed failed skipped < <(
  grep -E '^(Passed|Failed|Skipped)!' "$log" |
    sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
    awk '{ p += $1; f += $2; s += $3 } END { print p + 0, f + 0, s + 0 }'
)
if [ "$exit_code" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
if [ -n "$skip_report" ] && [ -s "$skip_report" ]; then
  sort -u "$skip_report"
fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
