#!/usr/bin/env bash
# kql-conformance.sh — an extra, not part of the build or the tests: it reads ../shared (outside this repository).
# Runs the official Kusto.Language checker (../shared/tools/kql-official, JavaScript build) and our front end
# (tools/Detection.KqlCheck) over the Sentinel rule corpus with the same table schemas, and prints how often the
# accept/reject verdicts agree and how many of the official errors we reproduce (same code, start, length).
#   scripts/kql-conformance.sh [RULES_DIR] [SCHEMAS_DIR]      (defaults: ../shared/corpus/rules ../shared/schemas)
#   scripts/kql-conformance.sh --bench                        (adds the parse+bind benchmark)
#   scripts/kql-conformance.sh --mutations [SEED]             (adds 8 broken variants of each rule: misspelt name,
#                                                              deleted/replaced token, truncation; default seed 1)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$root/.." && pwd)/shared
bench=false; mutations=""
while [[ ${1:-} == --* ]]; do
  case $1 in
    --bench) bench=true; shift ;;
    --mutations) shift; mutations=1; if [[ ${1:-} =~ ^[0-9]+$ ]]; then mutations=$1; shift; fi ;;
    *) echo "kql-conformance: unknown option $1" >&2; exit 2 ;;
  esac
done
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
if [[ -n $mutations ]]; then
  echo; echo "mutated corpus queries (seed $mutations):"
  "${check[@]}" --mutate "$mutations" 8 "$rules" > "$work/mutations.jsonl"
  "$oracle" --schemas "$schemas" --stdin < "$work/mutations.jsonl" > "$work/mutations.official.jsonl"
  "${check[@]}" --schemas "$schemas" --stdin < "$work/mutations.jsonl" > "$work/mutations.ours.jsonl"
  "${check[@]}" --compare "$work/mutations.official.jsonl" "$work/mutations.ours.jsonl" | grep -v '^  ' || true
fi
if $bench; then echo; "${check[@]}" --bench --schemas "$schemas" "$rules"; fi
exit $status
