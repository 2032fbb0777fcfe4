#!/usr/bin/env bash
# Benchmarks: one JSON object per line, {"name":…,"value":…,"unit":…}. Speed and size targets
# live here, never in timed tests. Figures vary with machine load: compare runs on a quiet machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/build.sh all >/dev/null
scripts/install-deps.sh browser >/dev/null

# Kernel hold model: 10k pending events, each delivery reschedules one; trace on and off.
native=$(build/native/eventlab_bench 1000000 native)
echo "$native"
wasm=$(NODE_OPTIONS=--no-experimental-fetch node build/web/eventlab_bench.js 1000000 wasm)
echo "$wasm"
# Whole scenarios (hello.json, image-upload.json): the native facade vs the JS API over WASM.
hello_native=$(build/native/eventlab_scenario_bench web/scenarios/hello.json 2000 hello_json
  build/native/eventlab_scenario_bench web/scenarios/image-upload.json 1000 image_upload)
echo "$hello_native"
hello_wasm=$(node bench/hello_bench.mjs 200
  node bench/hello_bench.mjs 200 web/scenarios/image-upload.json image_upload)
echo "$hello_wasm"

# Grading: 1, 4 and 16 seeds, and the objectives repeated 1, 4 and 16 times (linear is the target).
# This exercise has no large synthetic bodies, whose MD5 at load would hide the cost of the runs.
build/native/eventlab_grade_bench web/exercises/keep-the-token-from-the-script.json 20

# WASM/native ratios for the same figures.
python3 - "$native"$'\n'"$hello_native" "$wasm"$'\n'"$hello_wasm" <<'PY'
import json, sys
native = {json.loads(l)["name"].replace("_native", ""): json.loads(l)["value"] for l in sys.argv[1].splitlines()}
wasm = {json.loads(l)["name"].replace("_wasm", ""): json.loads(l)["value"] for l in sys.argv[2].splitlines()}
for name in sorted(native.keys() & wasm.keys()):
    print(json.dumps({"name": name + "_wasm_over_native", "value": round(wasm[name] / native[name], 3), "unit": "ratio"}))
PY

# Module sizes.
for f in eventlab-core.wasm eventlab-app.wasm; do
  printf '{"name":"%s_raw","value":%d,"unit":"bytes"}\n' "${f%.wasm}_wasm" "$(stat -c %s build/web/$f)"
  printf '{"name":"%s_gzip","value":%d,"unit":"bytes"}\n' "${f%.wasm}_wasm" "$(gzip -9 -c build/web/$f | wc -c)"
done
# The page: transfer size and time to the first frame in headless Chromium.
node bench/page_bench.mjs
