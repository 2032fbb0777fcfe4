#!/usr/bin/env bash
# Builds the web app, assembles the page in build/site/ and serves it on http://127.0.0.1:$PORT/
# (default 8080) until stopped with Ctrl-C. Installs whatever is missing first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
port=${PORT:-8080}
scripts/install-deps.sh native web ui
scripts/build.sh web
scripts/assemble-site.sh build/site >/dev/null
echo "eventlab: serving build/site at http://127.0.0.1:$port/  (Ctrl-C stops)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory build/site
