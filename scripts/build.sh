#!/usr/bin/env bash
# Builds eventlab. Usage: scripts/build.sh [native|web|all]   (default: native)
#   native  g++ build in build/native: the CLI (build/native/eventlab), tests, benchmarks
#   web     Emscripten build in build/web: eventlab-core.{js,wasm}, the WASM tests, the page's app
# Installs whatever is missing first (scripts/install-deps.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target=${1:-native}
jobs=${JOBS:-2}

build_native() {
  scripts/install-deps.sh native
  cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j"$jobs"
}

build_web() {
  scripts/install-deps.sh web ui
  # Debian's emcc runs its JS tools with /usr/bin/node, which needs Debian's node modules.
  export NODE_PATH=/usr/share/nodejs
  emcmake cmake -S . -B build/web -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/web -j"$jobs"
}

case $target in
  native) build_native ;;
  web) build_web ;;
  all) build_native; build_web ;;
  *) echo "usage: scripts/build.sh [native|web|all]" >&2; exit 2 ;;
esac
