// lab.grade() in WASM gives the same bytes as `eventlab grade --format json` natively, for the
// start and the solution of every shipped exercise (and a learner's variant); bad arguments are
// refused by name; an invalid submission is an error record, not a throw; the lab is untouched.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, test } from 'node:test';

import { createEventLab } from '../../web/eventlab.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'build/native/eventlab');
const exerciseDir = join(root, 'web/exercises');
const exercises = readdirSync(exerciseDir).filter((f) => f.endsWith('.json')).sort();
const work = mkdtempSync(join(tmpdir(), 'eventlab-grade-js-'));

function nativeGrade(file, submission, learner) {
  const args = ['grade', join(exerciseDir, file), '--format', 'json'];
  if (submission !== null) {
    const path = join(work, `${file}.submission.json`);
    writeFileSync(path, submission);
    args.splice(2, 0, path);
  }
  if (learner) args.push('--learner', learner);
  const r = spawnSync(cli, args, { encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `${file}: exit ${r.status} ${r.stderr}`);
  return r.stdout;
}

let lab;
before(async () => {
  assert.ok(existsSync(cli), `${cli} missing: run scripts/build.sh native`);
  lab = await createEventLab();
});

for (const file of exercises) {
  test(`${file}: WASM and native give the same record, start and solution`, () => {
    const text = readFileSync(join(exerciseDir, file), 'utf8');
    const solution = JSON.stringify(JSON.parse(text).solution);
    for (const [submission, learner] of [[null, null], [solution, null], [solution, 'learner-7']]) {
      const wasm = lab.grade(text, submission, { format: 'json', learner });
      assert.equal(wasm, nativeGrade(file, submission, learner), `${file} ${submission ? 'solution' : 'start'} ${learner}`);
    }
    assert.equal(lab.grade(text, solution).status, 'passed');
    assert.equal(lab.grade(JSON.parse(text)).status, 'failed');
  });
}

test('grade() refuses bad arguments by name and reports bad submissions as records', () => {
  const text = readFileSync(join(exerciseDir, exercises[0]), 'utf8');
  assert.throws(() => lab.grade(42), (e) => e.code === 'InvalidArgument' && e.path === 'exercise');
  assert.throws(() => lab.grade(text, null, { learner: 5 }), (e) => e.path === 'learner');
  assert.throws(() => lab.grade(text, null, { format: 'pdf' }), (e) => e.path === 'format' && /pdf/.test(e.message));
  assert.throws(() => lab.grade(text, null, 'json'), (e) => e.path === 'options');
  const broken = lab.grade(text, '{"script": [');
  assert.equal(broken.status, 'error');
  assert.equal(broken.errors[0].in, 'submission');
  const locked = lab.grade(text, { resources: { uploads: { description: 'x' } } });
  assert.equal(locked.errors[0].path, '/resources/uploads/description');
  const junit = lab.grade(text, null, { format: 'junit' });
  assert.match(junit, /^<\?xml/);
});

test('grading leaves the lab where it was', () => {
  lab.load(readFileSync(join(root, 'web/scenarios/hello.json'), 'utf8'));
  lab.step();
  lab.step();
  const before = lab.traceJsonl();
  lab.grade(readFileSync(join(exerciseDir, exercises[0]), 'utf8'));
  assert.equal(lab.delivered(), 2);
  assert.equal(lab.traceJsonl(), before);
});
