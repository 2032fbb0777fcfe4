#!/usr/bin/env bash
# Regenerates tests/golden/<scenario>.jsonl from every web/scenarios/*.json with the native CLI.
# The only way golden traces change: review the diff before committing it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/build.sh native >/dev/null
mkdir -p tests/golden
: >tests/golden/SCENARIOS
for s in web/scenarios/*.json; do
  name=$(basename "$s" .json)
  [ "$name" = index ] && continue
  build/native/eventlab run "$s" --trace "tests/golden/$name.jsonl" >/dev/null
  echo "$name" >>tests/golden/SCENARIOS
  echo "tests/golden/$name.jsonl: $(wc -l <"tests/golden/$name.jsonl") events"
done
