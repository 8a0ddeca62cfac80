#!/usr/bin/env bash
# corpus-execution.sh — an extra, not part of the build or the tests: it reads ../shared (outside this repository).
# Keeps every rule of the Sentinel corpus that our front end binds without errors, generates one day of logs
# (detect generate --days 1), and runs each query once over that day with now() at the day's end
# (tools/Detection.CorpusRun): per rule "ok (rows)" or the runtime error, then the totals. Exit 1 on a crash.
#   scripts/corpus-execution.sh [RULES_DIR]       (default: ../shared/corpus/rules)
#   CORPUS_DATA=DIR scripts/corpus-execution.sh    (reuse a generated day instead of generating one)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$root/.." && pwd)/shared
rules=${1:-$shared/corpus/rules}
[[ -d $rules ]] || { echo "corpus-execution: needs $rules (../shared)" >&2; exit 2; }

artifacts=${CORPUS_ARTIFACTS:-/tmp/art-corpusrun}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
dotnet build "$root/tools/Detection.CorpusRun" -c Release --artifacts-path "$artifacts" -v quiet -nologo >/dev/null
data=${CORPUS_DATA:-}
if [[ -z $data ]]; then
  dotnet build "$root/src/Detection.Cli" -c Release --artifacts-path "$artifacts" -v quiet -nologo >/dev/null
  dotnet "$artifacts/bin/Detection.Cli/release/detect.dll" generate --out "$work/day" --days 1 --seed 1 >/dev/null
  data=$work/day
fi
dotnet "$artifacts/bin/Detection.CorpusRun/release/Detection.CorpusRun.dll" --data "$data" "$rules"
