#!/usr/bin/env bash
# Assembles the servable page in build/site/ from web/ and the web build (scripts/build.sh web):
#   index.html, embed.html, app.mjs, embed.mjs, page.mjs, eventlab.mjs (and any other web/*.mjs, *.d.ts), eventlab-app.{js,wasm},
#   scenarios/*.json and the generated scenarios/index.json, and schema/*.json (the JSON Schemas the
#   scenarios name in "$schema").
# Usage: scripts/assemble-site.sh [SITE_DIR]   (default build/site; EVENTLAB_WEB_BUILD names
#        another web build folder than build/web)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
site=${1:-build/site}
web_build=${EVENTLAB_WEB_BUILD:-build/web}
for f in "$web_build/eventlab-app.js" "$web_build/eventlab-app.wasm"; do
  [ -f "$f" ] || { echo "assemble-site.sh: $f missing: run scripts/build.sh web" >&2; exit 1; }
done
rm -rf "$site"
mkdir -p "$site/scenarios" "$site/schema"
cp web/*.html web/*.mjs "$site/"
cp "$web_build/eventlab-app.js" "$web_build/eventlab-app.wasm" "$site/"
cp web/scenarios/*.json "$site/scenarios/"
cp web/schema/*.json "$site/schema/"
rm -f "$site/scenarios/index.json"
scripts/gen-scenario-index.sh "$site/scenarios/index.json"
echo "$site"
