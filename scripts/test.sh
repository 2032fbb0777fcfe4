#!/usr/bin/env bash
# Builds everything and runs every test; prints each stage's time and ends with
# "N passed, N failed". Exits non-zero if anything failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export NODE_PATH=/usr/share/nodejs
# Node 20 and emcc 3.1.6 output: the loader must not fetch() plain file paths.
export NODE_OPTIONS=--no-experimental-fetch

passed=0 failed=0
logdir=build/test-logs
mkdir -p "$logdir"

# add_counts LOG: reads GoogleTest ("[  PASSED  ] N", "[  FAILED  ] N tests") or node --test
# ("# pass N", "# fail N") summaries from LOG. A stage that reports nothing counts as one failure.
add_counts() {
  local log=$1 p f
  p=$(grep -hoE '^\[  PASSED  \] [0-9]+|^# pass [0-9]+' "$log" | grep -oE '[0-9]+$' | paste -sd+ | bc 2>/dev/null)
  f=$(grep -hoE '^\[  FAILED  \] [0-9]+ test|^# fail [0-9]+' "$log" | grep -oE '[0-9]+' | paste -sd+ | bc 2>/dev/null)
  p=${p:-0} f=${f:-0}
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)) failed=$((failed + f))
  echo "  $p passed, $f failed"
}

# stage NAME CMD...: runs CMD, logs to build/test-logs/NAME.log, prints the time it took.
stage() {
  local name=$1; shift
  local start=$SECONDS log=$logdir/$name.log
  echo "== $name"
  if ! "$@" >"$log" 2>&1; then
    grep -E '^\[  FAILED  \]|^not ok|Error|error:' "$log" | head -20
  fi
  add_counts "$log"
  echo "  ($((SECONDS - start)) s)"
}

# build NAME CMD...: a build step; a failed build counts as one failure and shows its log tail.
build() {
  local name=$1; shift
  local start=$SECONDS log=$logdir/$name.log
  echo "== $name"
  if ! "$@" >"$log" 2>&1; then
    tail -30 "$log"
    failed=$((failed + 1))
    echo "  build failed ($((SECONDS - start)) s)"
    return 1
  fi
  echo "  ok ($((SECONDS - start)) s)"
}

command -v bc >/dev/null || scripts/install-deps.sh native >/dev/null
if build build-native scripts/build.sh native; then
  stage native-gtest build/native/tests/eventlab_tests --gtest_brief=1
  stage cli-tests node --test tests/cli/
fi

# Every libFuzzer target for a short while (scripts/fuzz.sh; long runs are for the closing notes).
if build install-fuzz scripts/install-deps.sh fuzz; then
  stage fuzz-smoke scripts/fuzz.sh smoke "${FUZZ_SECONDS:-5}"
fi

if build build-web scripts/build.sh web; then
  stage wasm-gtest node build/web/tests/eventlab_tests.js --gtest_brief=1
  build install-browser scripts/install-deps.sh browser &&
    stage node-tests node --test tests/js/
  # Without --no-experimental-fetch: playwright-core needs node's fetch classes (Headers), and the
  # browser tests load no emcc output in node.
  stage browser-tests env -u NODE_OPTIONS node --test tests/browser/
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
