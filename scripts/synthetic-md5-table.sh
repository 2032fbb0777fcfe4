#!/usr/bin/env bash
# Regenerates src/core/synthetic_md5_table.inc (about 10 s): run it only if the synthetic body's
# bytes or the table's stride change.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
c++ -O2 -std=c++20 "$root/scripts/synthetic-md5-table.cpp" -lmbedcrypto -o "$tmp/gen"
"$tmp/gen" >"$root/src/core/synthetic_md5_table.inc"
echo "wrote src/core/synthetic_md5_table.inc ($(grep -c '^{' "$root/src/core/synthetic_md5_table.inc") states)"
