#!/usr/bin/env bash
# Builds eventlab and runs the hello scenario in the native CLI.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/build.sh native >/dev/null
exec build/native/eventlab run web/scenarios/hello.json "$@"
