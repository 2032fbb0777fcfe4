#!/usr/bin/env bash
# Benchmarks: one JSON object per line, {"name":…,"value":…,"unit":…}. Speed and size targets
# live here, never in timed tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/build.sh native >/dev/null
# Kernel hold model: 10k pending events, each delivery reschedules one; trace on and off.
build/native/eventlab_bench 2000000 native
build/native/eventlab_scenario_bench web/scenarios/hello.json 5000 hello_json
