#!/usr/bin/env bash
# libFuzzer targets (tests/fuzz) with AddressSanitizer and UndefinedBehaviorSanitizer.
# Usage: scripts/fuzz.sh TARGET SECONDS   run one target (loader, run, jwt, url, template,
#                                         filter_policy, expressions, search_dsl, exercise)
#        scripts/fuzz.sh all SECONDS      run each target in turn
#        scripts/fuzz.sh smoke [SECONDS]  each target for SECONDS (default 15), printing
#                                         "ok N - TARGET" lines and "# pass N" / "# fail N"
# Builds into build/fuzz first (incrementally); corpora grow in build/fuzz/corpus/TARGET, seeded
# from tests/fuzz/seeds/TARGET and, for the loader and the run, the shipped scenarios (the
# shipped exercises for the exercise target). Findings
# (crash-*, leak-*, timeout-*, oom-* files) land in build/fuzz/findings/TARGET.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
targets=(loader run jwt url template filter_policy expressions search_dsl exercise)

build() {
  command -v clang++ >/dev/null && [ -e "$(clang++ -print-file-name=libclang_rt.fuzzer-x86_64.a)" ] ||
    scripts/install-deps.sh fuzz >/dev/null
  scripts/install-deps.sh native >/dev/null
  # -O1 with line tables: the usual fuzzing build, quick to compile, with readable stacks.
  CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" \
    -DEVENTLAB_FUZZ=ON -DEVENTLAB_TESTS=OFF >/dev/null || return 1
  cmake --build build/fuzz -j"${JOBS:-2}" >build/fuzz/build.log 2>&1 || { tail -30 build/fuzz/build.log; return 1; }
}

# run TARGET SECONDS: prints libFuzzer's last status line; fails on any finding.
run() {
  local target=$1 seconds=$2 corpus=build/fuzz/corpus/$1 findings=build/fuzz/findings/$1
  mkdir -p "$corpus" "$findings"
  if [ -d "tests/fuzz/seeds/$target" ]; then cp -n tests/fuzz/seeds/"$target"/* "$corpus"/ 2>/dev/null; fi
  if [ "$target" = loader ] || [ "$target" = run ]; then cp -n web/scenarios/*.json "$corpus"/ 2>/dev/null; fi
  if [ "$target" = exercise ]; then cp -n web/exercises/*.json "$corpus"/ 2>/dev/null; fi
  local dict=()
  [ -f "tests/fuzz/$target.dict" ] && dict=(-dict="tests/fuzz/$target.dict")
  case $target in loader | run | filter_policy | search_dsl | exercise) dict=(-dict=tests/fuzz/json.dict) ;; esac
  local log=build/fuzz/$target.log
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    build/fuzz/tests/fuzz/fuzz_"$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" "${dict[@]}" "$corpus" >"$log" 2>&1
  local rc=$?
  grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$log" | tail -1
  grep -E '^stat::number_of_executed_units' "$log"
  if [ $rc -ne 0 ]; then
    grep -E 'ERROR|SUMMARY|runtime error' "$log" | head -5
    echo "finding in $findings/ (log: $log)"
  fi
  return $rc
}

mode=${1:-}
case $mode in
  smoke)
    seconds=${2:-15}
    build || { echo "# pass 0"; echo "# fail 1"; exit 1; }
    pass=0 fail=0 n=0
    for t in "${targets[@]}"; do
      n=$((n + 1))
      if run "$t" "$seconds" >/dev/null; then pass=$((pass + 1)); echo "ok $n - $t"; else fail=$((fail + 1)); echo "not ok $n - $t"; fi
    done
    echo "# pass $pass"
    echo "# fail $fail"
    [ $fail -eq 0 ] ;;
  all)
    build || exit 1
    status=0
    for t in "${targets[@]}"; do echo "== $t"; run "$t" "${2:?seconds}" || status=1; done
    exit $status ;;
  *)
    [[ " ${targets[*]} " == *" $mode "* ]] || { sed -n 2,10p "$0"; exit 2; }
    build || exit 1
    run "$mode" "${2:?seconds}" ;;
esac
