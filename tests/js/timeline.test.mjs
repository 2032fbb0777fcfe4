// The JS API's timeline and graph reads (runLength, why, architecture, delivered, seed) over
// build/web/eventlab-core.js, and the URL-hash moments of the page (web/moment.mjs).
// Run from the repo root: NODE_OPTIONS=--no-experimental-fetch node --test tests/js/
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { EventLabError, createEventLab } from '../../web/eventlab.mjs';
import { applyMoment, formatMoment, parseMoment } from '../../web/moment.mjs';

const root = new URL('../../', import.meta.url);
const imageUpload = readFileSync(new URL('web/scenarios/image-upload.json', root), 'utf8');

let lab;
before(async () => {
  lab = await createEventLab();
  lab.load(imageUpload);
});
after(() => lab.dispose());

describe('timeline reads', () => {
  test('runLength is the whole run and leaves the lab where it was', () => {
    lab.reset();
    lab.step();
    lab.step();
    const state = lab.state();
    const total = lab.runLength();
    assert.deepEqual(lab.state(), state);
    assert.equal(lab.delivered(), 2);
    const other = lab.trace().length;
    assert.equal(other, 2);
    lab.seek(total);
    assert.equal(lab.step(), null, 'nothing is left after runLength deliveries');
  });

  test('seed() and delivered() follow reset and steps', () => {
    lab.reset(9);
    assert.equal(lab.seed(), 9);
    assert.equal(lab.delivered(), 0);
    lab.step();
    assert.equal(lab.delivered(), 1);
    lab.reset(42);
  });

  test('why(seq) is the parent chain, root first', () => {
    lab.reset();
    lab.seek(15);
    const chain = lab.why(15);
    const trace = lab.trace();
    assert.equal(chain.at(-1), 15);
    assert.equal(trace[chain[0] - 1].parent, null);
    for (let i = 1; i < chain.length; i++) assert.equal(trace[chain[i] - 1].parent, trace[chain[i - 1] - 1].id);
  });

  test('why() refuses what has not been delivered, naming the argument', () => {
    lab.reset();
    lab.step();
    assert.throws(() => lab.why(5), (e) => e instanceof EventLabError && e.code === 'NotDelivered' && e.path === 'seq');
    assert.throws(() => lab.why(0), (e) => e.code === 'InvalidArgument' && e.path === 'seq');
    assert.throws(() => lab.why('x'), (e) => e.code === 'InvalidArgument');
  });

  test('architecture() lists resources, routes and wirings', () => {
    const arch = lab.architecture();
    const addresses = arch.nodes.map((n) => n.address);
    assert.ok(addresses.includes('bucket:uploads') && addresses.includes('function:thumbnail'));
    const route = arch.nodes.find((n) => n.kind === 'route');
    assert.equal(route.owner, 'api:images-api');
    assert.ok(arch.edges.some((e) => e.from === 'bucket:uploads' && e.to === 'function:thumbnail'));
  });

  test('architecture() before a load is NotLoaded', async () => {
    const empty = await createEventLab();
    assert.throws(() => empty.architecture(), (e) => e.code === 'NotLoaded');
    empty.dispose();
  });
});

describe('URL moments', () => {
  test('round trip', () => {
    const hash = formatMoment({ scenario: 'image-upload.json', seed: 7, step: 12 });
    assert.equal(hash, '#scenario=image-upload.json&seed=7&step=12');
    assert.deepEqual(parseMoment(hash), { scenario: 'image-upload.json', seed: 7, step: 12, problems: [] });
  });

  test('bad values are reported and dropped, never half-applied', () => {
    const m = parseMoment('#scenario=../etc/passwd&seed=-1&step=1.5');
    assert.equal(m.scenario, undefined);
    assert.equal(m.seed, undefined);
    assert.equal(m.step, undefined);
    assert.equal(m.problems.length, 3);
    assert.match(m.problems[1], /^seed: /);
    assert.equal(parseMoment('#seed=4294967296').seed, undefined);
  });

  test('applyMoment resets to the seed and seeks, clamped to the run', () => {
    lab.reset(42);
    assert.equal(applyMoment(lab, { seed: 5, step: 4 }), 4);
    assert.equal(lab.seed(), 5);
    const end = applyMoment(lab, { step: 1e9 });
    assert.equal(end, lab.runLength());
    lab.reset(42);
  });
});
