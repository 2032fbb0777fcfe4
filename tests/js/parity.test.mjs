// Native and WASM agree: for every scenario in web/scenarios/, the JS API's traceJsonl() after a
// full run is byte for byte what `build/native/eventlab run SCENARIO --trace FILE` writes, with
// the scenario's seed and with a seed override (--seed 7 against reset(7)).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { createEventLab } from '../../web/eventlab.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'build/native/eventlab');
const scenarioDir = join(root, 'web/scenarios');
const scenarios = readdirSync(scenarioDir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort();
const work = mkdtempSync(join(tmpdir(), 'eventlab-parity-'));

/** The native CLI's JSON Lines trace, as bytes. */
function nativeTrace(file, ...flags) {
  const out = join(work, `${file}.${flags.join('') || 'default'}.jsonl`);
  execFileSync(cli, ['run', join(scenarioDir, file), '--trace', out, ...flags], { stdio: ['ignore', 'ignore', 'pipe'] });
  return readFileSync(out);
}

let lab;
before(async () => {
  assert.ok(existsSync(cli), `${cli} missing: run scripts/build.sh native`);
  lab = await createEventLab();
});
after(() => {
  lab?.dispose();
  rmSync(work, { recursive: true, force: true });
});

test('there are scenarios to compare', () => assert.ok(scenarios.length > 0));

for (const file of scenarios) {
  describe(file, () => {
    test('runUntil(MAX_SAFE_INTEGER) gives the native trace bytes', () => {
      lab.load(readFileSync(join(scenarioDir, file), 'utf8'));
      lab.runUntil(Number.MAX_SAFE_INTEGER);
      const wasm = Buffer.from(lab.traceJsonl(), 'utf8');
      assert.ok(wasm.length > 0);
      assert.ok(wasm.equals(nativeTrace(file)), 'WASM trace differs from the native one');
    });

    test('a loop of step() gives the same bytes', () => {
      lab.load(readFileSync(join(scenarioDir, file), 'utf8'));
      while (lab.step() !== null);
      assert.ok(Buffer.from(lab.traceJsonl(), 'utf8').equals(nativeTrace(file)));
    });

    test('reset(7) matches --seed 7', () => {
      lab.load(readFileSync(join(scenarioDir, file), 'utf8'));
      lab.reset(7);
      lab.runUntil(Number.MAX_SAFE_INTEGER);
      assert.ok(Buffer.from(lab.traceJsonl(), 'utf8').equals(nativeTrace(file, '--seed', '7')));
    });

    test('seeking back and running on reproduces the trace', () => {
      lab.load(readFileSync(join(scenarioDir, file), 'utf8'));
      lab.runUntil(Number.MAX_SAFE_INTEGER);
      const total = lab.state().seq;
      lab.seek(Math.floor(total / 2));
      lab.runUntil(Number.MAX_SAFE_INTEGER);
      assert.ok(Buffer.from(lab.traceJsonl(), 'utf8').equals(nativeTrace(file)));
    });
  });
}
