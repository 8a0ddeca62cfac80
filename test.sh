#!/usr/bin/env bash
# Runs every test of the solution and ends with one line: "N passed, N failed[, N skipped]".
# Installs what the tests need beyond the .NET SDK: Debian's librdkafka1 (the Kafka source's native library), when it
# is missing and apt-get can be run (as root, or through sudo). Tests that need it fail saying so when it is absent.
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 2
fi

if ! dpkg -s librdkafka1 >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]]; then sudo=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else sudo="-"; fi
  if [[ $sudo != "-" ]]; then
    echo "installing librdkafka1 (Kafka source tests)" >&2
    { $sudo apt-get install -y -qq librdkafka1 || { $sudo apt-get update -qq && $sudo apt-get install -y -qq librdkafka1; }; } >/dev/null 2>&1 \
      || echo "could not install librdkafka1: the Kafka source tests will fail" >&2
  else
    echo "librdkafka1 is missing and apt-get cannot be run here: the Kafka source tests will fail" >&2
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test Detection.sln --nologo -v minimal "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test assembly prints: "Passed!  - Failed: 0, Passed: 11, Skipped: 0, Total: 11, ..." (or "Failed!  - ...").
read -r passed failed skipped < <(grep -E '^(Passed|Failed|Skipped)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1 # the build or the runner failed before any test could report
  echo "dotnet test exited with $status before reporting failures (build error?)" >&2
fi
if [[ $skipped -gt 0 ]]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
