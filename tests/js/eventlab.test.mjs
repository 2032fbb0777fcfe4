// The JS API (web/eventlab.mjs over build/web/eventlab-core.js): every method, every error path,
// listeners, dispose, and that a failed call leaves the lab as it was.
// Run from the repo root: NODE_OPTIONS=--no-experimental-fetch node --test tests/js/
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';

import { EventLabError, createEventLab, wrapModule } from '../../web/eventlab.mjs';

const root = new URL('../../', import.meta.url);
const hello = readFileSync(new URL('web/scenarios/hello.json', root), 'utf8');
let helloEvents;  // deliveries in a full run of hello.json (tests/js/parity.test.mjs compares the bytes)
const TRACE_FIELDS = ['seq', 'time_us', 'id', 'parent', 'reply_to', 'from', 'to', 'kind', 'payload', 'error'];
const PENDING_FIELDS = ['error', 'from', 'id', 'kind', 'parent', 'payload', 'time_us', 'to'];

/** Asserts that `fn` throws an EventLabError with this code (and path, when given). */
function throwsLabError(fn, code, path) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof EventLabError, `expected EventLabError, got ${err}`);
    assert.equal(err.code, code, err.message);
    if (path !== undefined) assert.equal(err.path, path);
    assert.ok(err.message.length > 0);
    return true;
  });
}

let lab;
before(async () => {
  lab = await createEventLab();
  lab.load(hello);
  helloEvents = lab.runUntil(Number.MAX_SAFE_INTEGER);
  assert.ok(helloEvents > 8, `hello.json ran only ${helloEvents} events`);
});
after(() => lab.dispose());

describe('load', () => {
  test('accepts JSON text and objects, resets to time 0 and emits "load"', () => {
    const seen = [];
    const off = lab.on('load', (e) => seen.push(e));
    lab.load(hello);
    lab.load(JSON.parse(hello));
    off();
    assert.equal(seen.length, 2);
    assert.equal(seen[0].title, 'Hello, events');
    assert.equal(seen[0].seed, 42);
    assert.deepEqual(lab.state().seq, 0);
    assert.equal(lab.now(), 0);
    assert.equal(lab.trace().length, 0);
  });

  test('bad JSON is InvalidJson with the position in the message', () => {
    throwsLabError(() => lab.load('{"version": 1,'), 'InvalidJson', '');
    try { lab.load('{"version": 1,'); } catch (err) {
      assert.match(err.message, /not valid JSON: at line 1, column 15/);
      assert.equal(err.problems.length, 1);
    }
  });

  test('an invalid scenario is InvalidScenario naming the JSON path of every problem', () => {
    const bad = { version: 2, resources: { x: { kind: 'nope' } }, script: [] };
    try {
      lab.load(bad);
      assert.fail('load should have thrown');
    } catch (err) {
      assert.ok(err instanceof EventLabError);
      assert.equal(err.code, 'InvalidScenario');
      assert.equal(err.path, '/version');
      const paths = err.problems.map((p) => p.path);
      assert.ok(paths.includes('/version'), paths.join());
      assert.ok(paths.includes('/resources/x/kind'), paths.join());
      for (const p of err.problems) assert.equal(typeof p.message, 'string');
    }
  });

  test('anything but text or an object is InvalidArgument "scenario"', () => {
    throwsLabError(() => lab.load(42), 'InvalidArgument', 'scenario');
    throwsLabError(() => lab.load(null), 'InvalidArgument', 'scenario');
    throwsLabError(() => lab.load(undefined), 'InvalidArgument', 'scenario');
    const cyclic = {};
    cyclic.self = cyclic;
    throwsLabError(() => lab.load(cyclic), 'InvalidArgument', 'scenario');
  });

  test('a failed load leaves the previous scenario and position intact', () => {
    lab.load(hello);
    lab.runUntil(Number.MAX_SAFE_INTEGER);
    const full = lab.traceJsonl();
    lab.seek(6);
    const stateBefore = lab.state();
    throwsLabError(() => lab.load('not json'), 'InvalidJson');
    throwsLabError(() => lab.load({ version: 1, resources: {} }), 'InvalidScenario', '/resources');
    assert.deepEqual(lab.state(), stateBefore);
    assert.equal(lab.trace().length, 6);
    lab.runUntil(Number.MAX_SAFE_INTEGER);
    assert.equal(lab.traceJsonl(), full);
  });
});

describe('stepping', () => {
  test('step() returns trace events with the trace format fields, then null', () => {
    lab.load(hello);
    const events = [];
    let e;
    while ((e = lab.step()) !== null) events.push(e);
    assert.equal(events.length, helloEvents);
    assert.deepEqual(Object.keys(events[0]), TRACE_FIELDS);
    assert.deepEqual(events.map((x) => x.seq), Array.from({ length: helloEvents }, (_, i) => i + 1));
    assert.deepEqual(events, lab.trace());
    assert.equal(lab.step(), null);
    assert.equal(lab.now(), events.at(-1).time_us);
  });

  test('stepBack() goes back one delivery and is false at the start', () => {
    lab.load(hello);
    lab.step();
    lab.step();
    const afterOne = lab.trace(1, 1);
    assert.equal(lab.stepBack(), true);
    assert.deepEqual(lab.trace(), afterOne);
    assert.equal(lab.state().seq, 1);
    assert.equal(lab.stepBack(), true);
    assert.equal(lab.stepBack(), false);
    assert.equal(lab.state().seq, 0);
  });

  test('seek() gives the exact state after a delivery, both ways', () => {
    lab.load(hello);
    lab.runUntil(Number.MAX_SAFE_INTEGER);
    const full = lab.trace();
    const states = [];
    lab.reset();
    for (let i = 0; i <= helloEvents; i++) {
      states.push(lab.state());
      lab.step();
    }
    for (const seq of [helloEvents - 2, 3, helloEvents, 0, 7]) {
      lab.seek(seq);
      assert.deepEqual(lab.state(), states[seq]);
      assert.deepEqual(lab.trace(), full.slice(0, seq));
    }
  });

  test('seek() beyond the run throws SeekBeyondEnd and changes nothing', () => {
    lab.load(hello);
    lab.seek(4);
    const state = lab.state();
    throwsLabError(() => lab.seek(helloEvents + 1), 'SeekBeyondEnd', 'seq');
    throwsLabError(() => lab.seek(1e15), 'SeekBeyondEnd', 'seq');
    assert.deepEqual(lab.state(), state);
  });

  test('seek() rejects negative, fractional and non-number seq', () => {
    lab.load(hello);
    throwsLabError(() => lab.seek(-1), 'InvalidArgument', 'seq');
    throwsLabError(() => lab.seek(1.5), 'InvalidArgument', 'seq');
    throwsLabError(() => lab.seek('3'), 'InvalidArgument', 'seq');
    throwsLabError(() => lab.seek(undefined), 'InvalidArgument', 'seq');
    throwsLabError(() => lab.seek(NaN), 'InvalidArgument', 'seq');
  });

  test('runUntil() delivers what is due, honours maxEvents and returns the count', () => {
    lab.load(hello);
    const due = lab.trace().length;
    assert.equal(due, 0);
    const ran = lab.runUntil(1_000_000);
    assert.ok(ran > 0);
    assert.ok(lab.now() <= 1_000_000);
    assert.ok(lab.pending().every((p) => p.time_us > 1_000_000));
    assert.equal(lab.runUntil(1_000_000), 0);
    assert.equal(lab.runUntil(Number.MAX_SAFE_INTEGER, 2), 2);
    assert.equal(lab.state().seq, ran + 2);
    assert.equal(lab.runUntil(Number.MAX_SAFE_INTEGER, 0), 0);
    assert.equal(lab.runUntil(Number.MAX_SAFE_INTEGER), helloEvents - ran - 2);
    assert.deepEqual(lab.pending(), []);
  });

  test('runUntil() names a bad timeUs or maxEvents', () => {
    lab.load(hello);
    throwsLabError(() => lab.runUntil(-1), 'InvalidArgument', 'timeUs');
    throwsLabError(() => lab.runUntil('5'), 'InvalidArgument', 'timeUs');
    throwsLabError(() => lab.runUntil(Infinity), 'InvalidArgument', 'timeUs');
    throwsLabError(() => lab.runUntil(10, -2), 'InvalidArgument', 'maxEvents');
    throwsLabError(() => lab.runUntil(10, 0.5), 'InvalidArgument', 'maxEvents');
    assert.equal(lab.state().seq, 0);
  });

  test('the run stops at limits.max_events, like the CLI', () => {
    const limited = JSON.parse(hello);
    limited.limits = { max_events: 5 };
    lab.load(limited);
    assert.equal(lab.runUntil(Number.MAX_SAFE_INTEGER), 5);
    assert.equal(lab.step(), null);
    assert.ok(lab.pending().length > 0);
    assert.equal(lab.state().hit_event_limit, true);
    throwsLabError(() => lab.seek(6), 'SeekBeyondEnd', 'seq');
    lab.seek(5);
  });
});

describe('captions', () => {
  // hello.json with notes of its own on the first and third entries, so the test does not depend on
  // the shipped wording.
  const noted = JSON.parse(hello);
  noted.script[0].note = 'first job';
  delete noted.script[1].note;
  noted.script[2].note = 'the big one';
  const callSeqs = (l) => l.trace().filter((e) => e.kind === 'client.call').map((e) => e.seq);

  test('caption() is null before the first noted step and {seq, script, text} from its delivery', () => {
    lab.load(noted);
    assert.equal(lab.caption(), null);
    lab.runUntil(Number.MAX_SAFE_INTEGER);
    const [first, second, third] = callSeqs(lab);
    assert.ok(first < second && second < third, `client.call seqs ${first}, ${second}, ${third}`);
    lab.seek(first - 1);
    assert.equal(lab.caption(), null);
    lab.step();
    assert.deepEqual(lab.caption(), { seq: first, script: 0, text: 'first job' });
    lab.seek(third - 1);  // the unnoted second entry does not replace it
    assert.deepEqual(lab.caption(), { seq: first, script: 0, text: 'first job' });
    lab.step();
    assert.deepEqual(lab.caption(), { seq: third, script: 2, text: 'the big one' });
    lab.runUntil(Number.MAX_SAFE_INTEGER);
    assert.equal(lab.caption().seq, third);
    lab.seek(third);
    assert.equal(lab.stepBack(), true);
    assert.equal(lab.caption().seq, first);
    lab.reset(5);
    assert.equal(lab.caption(), null);
  });

  test('notes() lists every note with the seq it appears at, and leaves the position alone', () => {
    lab.load(noted);
    lab.step();
    const notes = lab.notes();
    assert.equal(lab.delivered(), 1);
    lab.runUntil(Number.MAX_SAFE_INTEGER);
    const [first, , third] = callSeqs(lab);
    assert.deepEqual(notes, [
      { seq: first, script: 0, text: 'first job' },
      { seq: third, script: 2, text: 'the big one' },
    ]);
  });

  test('notes never enter the trace', () => {
    const plain = JSON.parse(hello);
    for (const entry of plain.script) delete entry.note;
    lab.load(plain);
    lab.runUntil(Number.MAX_SAFE_INTEGER);
    const without = lab.traceJsonl();
    assert.deepEqual(lab.notes(), []);
    lab.load(noted);
    lab.runUntil(Number.MAX_SAFE_INTEGER);
    assert.equal(lab.traceJsonl(), without);
  });

  test('a bad note is InvalidScenario naming its path; an empty lab has no caption', async () => {
    const bad = JSON.parse(hello);
    bad.script[1].note = '';
    throwsLabError(() => lab.load(bad), 'InvalidScenario', '/script/1/note');
    bad.script[1].note = 7;
    throwsLabError(() => lab.load(bad), 'InvalidScenario', '/script/1/note');
    const fresh = await createEventLab();
    assert.equal(fresh.caption(), null);
    assert.deepEqual(fresh.notes(), []);
    fresh.dispose();
  });
});

describe('reset', () => {
  test('goes back to time 0, keeps or replaces the seed, emits "reset"', () => {
    lab.load(hello);
    lab.runUntil(Number.MAX_SAFE_INTEGER);
    const seen = [];
    const off = lab.on('reset', (e) => seen.push(e));
    lab.reset();
    assert.equal(lab.now(), 0);
    assert.equal(lab.state().seed, 42);
    lab.reset(7);
    assert.equal(lab.state().seed, 7);
    lab.reset(4294967295);
    lab.reset(0);
    off();
    assert.deepEqual(seen.map((e) => e.seed), [42, 7, 4294967295, 0]);
    assert.deepEqual(seen[0], { seed: 42, time_us: 0 });
  });

  test('names a bad seed', () => {
    lab.load(hello);
    for (const bad of [-1, 4294967296, 1.5, '7', NaN, null, 7n]) {
      throwsLabError(() => lab.reset(bad), 'InvalidArgument', 'seed');
    }
    assert.equal(lab.state().seed, 42);
  });

  test('different seeds give different runs, the same seed the same run', () => {
    lab.load(hello);
    lab.reset(1);
    lab.runUntil(Number.MAX_SAFE_INTEGER);
    const one = lab.traceJsonl();
    lab.reset(2);
    lab.runUntil(Number.MAX_SAFE_INTEGER);
    assert.notEqual(lab.traceJsonl(), one);
    lab.reset(1);
    lab.runUntil(Number.MAX_SAFE_INTEGER);
    assert.equal(lab.traceJsonl(), one);
  });
});

describe('reading', () => {
  test('pending() lists queued events in delivery order', () => {
    lab.load(hello);
    const pending = lab.pending();
    assert.ok(pending.length > 0);
    assert.deepEqual(Object.keys(pending[0]).sort(), PENDING_FIELDS);
    const first = lab.step();
    assert.equal(first.id, pending[0].id);
    assert.equal(first.time_us, pending[0].time_us);
  });

  test('trace(fromSeq, toSeq) is an inclusive range; traceJsonl() is the same records as lines', () => {
    lab.load(hello);
    lab.runUntil(Number.MAX_SAFE_INTEGER);
    const all = lab.trace();
    assert.equal(all.length, helloEvents);
    assert.deepEqual(lab.trace(3, 5).map((e) => e.seq), [3, 4, 5]);
    assert.deepEqual(lab.trace(helloEvents - 1).map((e) => e.seq), [helloEvents - 1, helloEvents]);
    assert.deepEqual(lab.trace(0, 1).map((e) => e.seq), [1]);
    assert.deepEqual(lab.trace(9, 2), []);
    assert.deepEqual(lab.trace(100), []);
    assert.equal(lab.traceJsonl(), all.map((e) => `${JSON.stringify(e)}\n`).join(''));
    throwsLabError(() => lab.trace(-1), 'InvalidArgument', 'fromSeq');
    throwsLabError(() => lab.trace(1, 'x'), 'InvalidArgument', 'toSeq');
  });

  test('state() has the clock, the count, the seed and the resources', () => {
    lab.load(hello);
    lab.step();
    const s = lab.state();
    assert.equal(s.seq, 1);
    assert.equal(s.seed, 42);
    assert.equal(s.time_us, lab.now());
    assert.equal(s.hit_event_limit, false);
    assert.equal(typeof s.resources, 'object');
  });
});

describe('on', () => {
  test('"event" sees every delivery of step() and runUntil(), until unsubscribed', () => {
    lab.load(hello);
    const seen = [];
    const off = lab.on('event', (e) => seen.push(e.seq));
    lab.step();
    lab.runUntil(2_000_000);
    const upTo = lab.state().seq;
    assert.deepEqual(seen, Array.from({ length: upTo }, (_, i) => i + 1));
    off();
    off();  // a second call is harmless
    lab.runUntil(Number.MAX_SAFE_INTEGER);
    assert.equal(seen.length, upTo);
  });

  test('the same callback twice is two subscriptions', () => {
    lab.load(hello);
    let n = 0;
    const cb = () => { n++; };
    const off1 = lab.on('event', cb);
    const off2 = lab.on('event', cb);
    lab.step();
    off1();
    lab.step();
    off2();
    lab.step();
    assert.equal(n, 3);
  });

  test('an unknown type or a non-function is InvalidArgument', () => {
    throwsLabError(() => lab.on('tick', () => {}), 'InvalidArgument', 'type');
    throwsLabError(() => lab.on('event', 'nope'), 'InvalidArgument', 'cb');
  });
});

describe('lifecycle', () => {
  test('reset() and seek() need a scenario; reads work on an empty lab', async () => {
    const fresh = await createEventLab();
    throwsLabError(() => fresh.reset(), 'NotLoaded');
    throwsLabError(() => fresh.seek(0), 'NotLoaded');
    assert.equal(fresh.step(), null);
    assert.equal(fresh.stepBack(), false);
    assert.equal(fresh.runUntil(10), 0);
    assert.equal(fresh.now(), 0);
    assert.deepEqual(fresh.pending(), []);
    assert.deepEqual(fresh.trace(), []);
    assert.equal(fresh.traceJsonl(), '');
    assert.equal(fresh.state().seq, 0);
    fresh.dispose();
  });

  test('after dispose() every call throws Disposed; dispose() is idempotent', async () => {
    const gone = await createEventLab();
    gone.load(hello);
    gone.dispose();
    gone.dispose();
    const calls = [
      () => gone.load(hello), () => gone.reset(), () => gone.step(), () => gone.stepBack(),
      () => gone.seek(0), () => gone.runUntil(1), () => gone.now(), () => gone.pending(),
      () => gone.trace(), () => gone.traceJsonl(), () => gone.state(), () => gone.caption(), () => gone.notes(),
      () => gone.on('event', () => {}),
    ];
    for (const call of calls) throwsLabError(call, 'Disposed');
  });

  test('labs in one module are independent; wrapModule shares a lab by id', async () => {
    const require = createRequire(import.meta.url);
    const factory = require('../../build/web/eventlab-core.js');
    const module = await factory({ wasmBinary: readFileSync(new URL('build/web/eventlab-core.wasm', root)) });
    const a = wrapModule(module);
    const b = wrapModule(module);
    assert.notEqual(a.id, b.id);
    a.load(hello);
    a.step();
    assert.equal(b.state().seq, 0);
    const view = wrapModule(module, { labId: a.id });
    assert.equal(view.state().seq, 1);
    view.step();
    assert.equal(a.state().seq, 2);
    view.dispose();  // only detaches: the lab belongs to `a`
    assert.equal(a.state().seq, 2);
    a.dispose();
    b.dispose();
    throwsLabError(() => wrapModule(module, { labId: a.id }).state(), 'UnknownLab', 'id');
    throwsLabError(() => wrapModule(module, { labId: -3 }), 'InvalidArgument', 'labId');
    throwsLabError(() => wrapModule({}), 'ModuleLoad', 'module');
  });

  test('createEventLab() takes a module factory and locateFile', async () => {
    const require = createRequire(import.meta.url);
    const factory = require('../../build/web/eventlab-core.js');
    const wasmBinary = readFileSync(new URL('build/web/eventlab-core.wasm', root));
    const viaFactory = await createEventLab({ moduleFactory: factory, wasmBinary });
    viaFactory.load(hello);
    assert.equal(viaFactory.runUntil(Number.MAX_SAFE_INTEGER), helloEvents);
    viaFactory.dispose();
    const located = [];
    const viaLocate = await createEventLab({
      moduleUrl: new URL('build/web/eventlab-core.js', root),
      locateFile: (path, dir) => { located.push(path); return dir + path; },
    });
    assert.ok(located.length > 0 && located.every((p) => p === 'eventlab-core.wasm'), located.join());
    viaLocate.dispose();
    await assert.rejects(createEventLab({ moduleFactory: 'nope' }), (err) => err.code === 'ModuleLoad');
  });
});

describe('hostile input', () => {
  test('an argument whose toString() throws is InvalidArgument naming it', () => {
    const evil = { toString() { throw new Error('boom'); } };
    throwsLabError(() => lab.seek(evil), 'InvalidArgument', 'seq');
    throwsLabError(() => lab.send(evil, 'queue.send', {}), 'InvalidArgument', 'client');
    throwsLabError(() => lab.runUntil(0, evil), 'InvalidArgument', 'maxEvents');
    throwsLabError(() => lab.on(evil, () => {}), 'InvalidArgument', 'type');
    throwsLabError(() => lab.reset(Symbol('s')), 'InvalidArgument', 'seed');
    throwsLabError(() => lab.seek(10n), 'InvalidArgument', 'seq');
  });

  test('a huge argument is not echoed whole into the error', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    for (const call of [() => lab.seek(huge), () => lab.send(huge, 'queue.send', {}), () => lab.send('client:alice', huge, {})]) {
      assert.throws(call, (err) => {
        assert.ok(err instanceof EventLabError);
        assert.ok(err.message.length < 500, `message of ${err.message.length} characters`);
        return true;
      });
    }
  });

  test('a lone surrogate becomes U+FFFD and keeps the character after it', () => {
    const text = JSON.stringify({ ...JSON.parse(hello), title: 'TITLE' }).replace('TITLE', 'a\uD800b');
    const seen = [];
    const off = lab.on('load', (e) => seen.push(e));
    lab.load(text);
    off();
    assert.equal(seen[0].title, 'a\uFFFDb');
  });

  test('a scenario nested 100,000 deep is InvalidScenario naming where, and the lab keeps its state', () => {
    lab.load(hello);
    lab.seek(3);
    const deep = `{"version": ${'['.repeat(100000)}${']'.repeat(100000)}}`;
    assert.throws(() => lab.load(deep), (err) => {
      assert.ok(err instanceof EventLabError);
      assert.ok(err.path.startsWith('/version/0/0'), err.path);
      return true;
    });
    assert.equal(lab.delivered(), 3);
  });

  test('state().stopped says why a run cannot go on', () => {
    const scenario = JSON.parse(hello);
    scenario.limits = { ...(scenario.limits ?? {}), max_events: 3 };
    lab.load(scenario);
    lab.runUntil(Number.MAX_SAFE_INTEGER);
    assert.equal(lab.state().stopped.code, 'EventLimit');
    lab.load(hello);
    assert.equal(lab.state().stopped, null);
  });
});
