#!/usr/bin/env bash
# Writes the scenario picker's index: {"scenarios": [{"file", "title"}, ...]} for every
# web/scenarios/*.json, hello.json first, then by file name.
# Usage: scripts/gen-scenario-index.sh OUT.json   (the site gets it as scenarios/index.json)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: scripts/gen-scenario-index.sh OUT.json}
python3 - "$root/web/scenarios" "$out" <<'PY'
import json, pathlib, sys
src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
files = sorted((p for p in src.glob("*.json") if p.name != "index.json"),
               key=lambda p: (p.name != "hello.json", p.name))
entries = []
for p in files:
    try:
        title = json.loads(p.read_text(encoding="utf-8")).get("title") or p.name
    except (ValueError, AttributeError):
        title = p.name  # the picker still lists it; loading it shows the problem
    entries.append({"file": p.name, "title": title})
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text(json.dumps({"scenarios": entries}, indent=2) + "\n", encoding="utf-8")
PY
