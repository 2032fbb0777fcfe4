// Full runs of web/scenarios/hello.json through the JS API (web/eventlab.mjs over
// build/web/eventlab-core.wasm): load once, then reset + run to the end N times.
// Usage: node bench/hello_bench.mjs [RUNS] [SCENARIO.json NAME]   (default 200 runs of hello.json).
// Prints one JSON line for scripts/bench.sh.
import { readFileSync } from 'node:fs';

import { createEventLab } from '../web/eventlab.mjs';

const runs = Number(process.argv[2] ?? 200);
const lab = await createEventLab();
const scenario = process.argv[3] ?? new URL('../web/scenarios/hello.json', import.meta.url);
const name = process.argv[4] ?? 'hello_json';
lab.load(readFileSync(scenario, 'utf8'));

function runOnce() {
  lab.reset();
  return lab.runUntil(Number.MAX_SAFE_INTEGER);
}

for (let i = 0; i < 50; i++) runOnce();  // warm up: let the JIT tier up before timing
const t0 = process.hrtime.bigint();
let events = 0;
for (let i = 0; i < runs; i++) events += runOnce();
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
if (events !== runs * lab.state().seq) throw new Error('runs delivered different event counts');
lab.dispose();
console.log(JSON.stringify({ name: `${name}_run_wasm`, value: Math.round(runs / seconds), unit: 'runs/s' }));
console.log(JSON.stringify({ name: `${name}_events_wasm`, value: Math.round(events / seconds), unit: 'events/s' }));
