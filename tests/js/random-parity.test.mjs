// Native and WASM agree on random scenarios too: the conservation property test's generator
// (tests/property/random_scenario.cpp) writes the first 40 of its sample, and each runs in the
// native CLI and through the JS API to the same trace bytes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { createEventLab } from '../../web/eventlab.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'build/native/eventlab');
const nativeTests = join(root, 'build/native/tests/eventlab_tests');
const work = mkdtempSync(join(tmpdir(), 'eventlab-random-'));

let lab;
let files = [];
before(async () => {
  assert.ok(existsSync(cli) && existsSync(nativeTests), 'run scripts/build.sh native first');
  execFileSync(nativeTests, ['--gtest_filter=ConservationTest.WritesTheSampleForTheParityTest'], {
    env: { ...process.env, EVENTLAB_RANDOM_SCENARIOS_OUT: work }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  files = readdirSync(work).filter((f) => f.endsWith('.json')).sort();
  lab = await createEventLab();
});
after(() => {
  lab?.dispose();
  rmSync(work, { recursive: true, force: true });
});

test('the sample was written', () => assert.equal(files.length, 40));

test('every random scenario gives the native trace bytes in WASM', () => {
  let events = 0;
  for (const file of files) {
    const scenario = join(work, file);
    const out = join(work, `${file}.jsonl`);
    execFileSync(cli, ['run', scenario, '--trace', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    lab.load(readFileSync(scenario, 'utf8'));
    events += lab.runUntil(Number.MAX_SAFE_INTEGER);
    assert.ok(Buffer.from(lab.traceJsonl(), 'utf8').equals(readFileSync(out)), `${file}: WASM trace differs from the native one`);
  }
  assert.ok(events > 40 * 20, `only ${events} events in the sample`);
});
