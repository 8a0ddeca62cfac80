#!/usr/bin/env bash
# kql-conformance.sh — an extra, not part of the build or the tests: it reads ../shared (outside this repository).
# Runs the official Kusto.Language checker (../shared/tools/kql-official, JavaScript build) and our front end
# (tools/Detection.KqlCheck) over the Sentinel rule corpus with the same table schemas, and prints how often the
# accept/reject verdicts agree and how many of the official errors we reproduce (same code, start, length).
#   scripts/kql-conformance.sh [RULES_DIR] [SCHEMAS_DIR]      (defaults: ../shared/corpus/rules ../shared/schemas)
#   scripts/kql-conformance.sh --bench                        (adds the parse+bind benchmark)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$root/.." && pwd)/shared
bench=false
if [[ ${1:-} == --bench ]]; then bench=true; shift; fi
rules=${1:-$shared/corpus/rules}
schemas=${2:-$shared/schemas}
oracle=$shared/tools/kql-official/kql-official
[[ -d $rules && -d $schemas && -x $oracle ]] || { echo "kql-conformance: needs $rules, $schemas and $oracle (../shared)" >&2; exit 2; }

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
artifacts=${KQL_ARTIFACTS:-/tmp/art-kqlcheck}
dotnet build "$root/tools/Detection.KqlCheck" --artifacts-path "$artifacts" -v quiet -nologo >/dev/null
check=(dotnet "$artifacts/bin/Detection.KqlCheck/debug/Detection.KqlCheck.dll")

echo "official checker: $oracle"
"$oracle" --schemas "$schemas" "$rules" > "$work/official.jsonl"
"${check[@]}" --schemas "$schemas" "$rules" > "$work/ours.jsonl"
status=0
"${check[@]}" --compare "$work/official.jsonl" "$work/ours.jsonl" || status=$?
if $bench; then "${check[@]}" --bench --schemas "$schemas" "$rules"; fi
exit $status
