// `eventlab grade` and `eventlab validate` on exercises: exit codes (0 all pass, 1 some fail, 2
// invalid), errors named by JSON pointer, a folder of submissions into Gradescope and GitHub
// Classroom results, and the result decoded the way the Classroom reporter decodes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'build', 'native', 'eventlab');
const exercise = join(root, 'web', 'exercises', 'bigger-than-6mb.json');
const run = (...args) => spawnSync(cli, args, { encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'eventlab-grade-'));
const solution = JSON.parse(readFileSync(exercise, 'utf8')).solution;
const write = (name, value) => {
  const path = join(tmp, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

test('grading the start fails (exit 1); the solution passes (exit 0)', () => {
  const start = run('grade', exercise, '--format', 'json');
  assert.equal(start.status, 1, start.stderr);
  const record = JSON.parse(start.stdout);
  assert.equal(record.status, 'failed');
  const over = record.objectives.find((o) => o.id === 'no-function-over-6mb');
  assert.equal(over.evidence.to, 'function:upload-direct');
  assert.equal(typeof over.evidence.seq, 'number');

  const solved = run('grade', exercise, write('solution.json', solution), '--format', 'json');
  assert.equal(solved.status, 0, solved.stdout);
  assert.equal(JSON.parse(solved.stdout).score, record.max_score);
});

test('a change outside the editable parts, bad JSON and a bad exercise exit 2 naming the place', () => {
  const locked = run('grade', exercise, write('locked.json', { resources: { uploads: { description: 'x' } } }));
  assert.equal(locked.status, 2);
  assert.match(locked.stdout, /\/resources\/uploads\/description: not editable/);

  const broken = run('grade', exercise, write('broken.json', '{"script": ['), '--format', 'json');
  assert.equal(broken.status, 2);
  assert.equal(JSON.parse(broken.stdout).errors[0].in, 'submission');

  const ex = JSON.parse(readFileSync(exercise, 'utf8'));
  ex.objectives[1].colour = 'green';
  ex.scenario.resources.thumbnail.timeout = 'forever';
  const badExercise = write('bad-exercise.json', ex);
  const r = run('grade', badExercise, '--format', 'json');
  assert.equal(r.status, 2);
  const paths = JSON.parse(r.stdout).errors.map((e) => e.path);
  assert.ok(paths.includes('/objectives/1/colour'), paths.join(', '));
  assert.ok(paths.includes('/scenario/resources/thumbnail/timeout'), paths.join(', '));

  const v = run('validate', badExercise);
  assert.equal(v.status, 2);
  assert.match(v.stdout, /^\/objectives\/1\/colour: unknown key/m);
});

test('validate passes the shipped exercises and catches a solution that does not solve', () => {
  for (const file of readdirSync(join(root, 'web', 'exercises'))) {
    const r = run('validate', join(root, 'web', 'exercises', file));
    assert.equal(r.status, 0, `${file}: ${r.stdout}${r.stderr}`);
    assert.match(r.stdout, /: ok \(the start fails \d+ of \d+ objectives/);
  }
  const ex = JSON.parse(readFileSync(exercise, 'utf8'));
  ex.solution.resources['upload-direct'].handler[1].with.expires = 3600;
  const r = run('validate', write('weak-solution.json', ex));
  assert.equal(r.status, 1);
  assert.match(r.stdout, /the solution fails objective "url-expires-soon"/);
});

test('a folder of submissions becomes one Gradescope results.json each', () => {
  const dir = join(tmp, 'submissions');
  mkdirSync(dir);
  writeFileSync(join(dir, 'alice.json'), JSON.stringify(solution));
  writeFileSync(join(dir, 'bob.json'), JSON.stringify({ script: [] }));
  writeFileSync(join(dir, 'carol.json'), '{');
  const out = join(tmp, 'gradescope');
  const r = run('grade', exercise, dir, '--format', 'gradescope', '--out', out);
  assert.equal(r.status, 2, 'the worst of the folder: carol is invalid');
  assert.match(r.stdout, /alice\.json: passed/);
  assert.match(r.stdout, /bob\.json: failed/);
  assert.match(r.stdout, /carol\.json: invalid/);
  const alice = JSON.parse(readFileSync(join(out, 'alice.json'), 'utf8'));
  assert.equal(alice.score, 6);
  assert.ok(alice.tests.every((t) => t.status === 'passed' && t.score === t.max_score));
  const bob = JSON.parse(readFileSync(join(out, 'bob.json'), 'utf8'));
  // No calls at all: nothing over 6 MB (2 points) and nothing unsigned (1) pass, the rest fail.
  assert.equal(bob.score, 3);
  assert.equal(bob.score, bob.tests.reduce((sum, t) => sum + t.score, 0));
  assert.ok(bob.tests.some((t) => t.status === 'failed'));
  const carol = JSON.parse(readFileSync(join(out, 'carol.json'), 'utf8'));
  assert.equal(carol.score, 0);
});

test('the Classroom result decodes as the grading reporter reads it', () => {
  const dir = join(tmp, 'classroom-in');
  mkdirSync(dir);
  writeFileSync(join(dir, 'dave.json'), JSON.stringify({ script: [] }));
  const out = join(tmp, 'classroom');
  assert.equal(run('grade', exercise, dir, '--format', 'classroom', '--out', out).status, 1);
  const line = readFileSync(join(out, 'dave.env'), 'utf8').trim();
  assert.match(line, /^result=[A-Za-z0-9+/=]+$/);
  // The reporter: JSON.parse(Buffer.from(process.env[`${runner}_RESULTS`], 'base64').toString()).
  const result = JSON.parse(Buffer.from(line.slice('result='.length), 'base64').toString());
  assert.equal(result.status, 'fail');
  assert.equal(result.max_score, 6);
  assert.ok(result.tests.length === 4 && result.tests.every((t) => ['pass', 'fail'].includes(t.status)));
});

test('--learner draws the variant; usage errors exit 2', () => {
  const two = join(root, 'web', 'exercises', 'one-upload-two-consumers.json');
  const a = JSON.parse(run('grade', two, '--learner', 'alice', '--format', 'json').stdout);
  const again = JSON.parse(run('grade', two, '--learner', 'alice', '--format', 'json').stdout);
  assert.deepEqual(a.variant, again.variant);
  assert.equal(a.learner, 'alice');
  assert.equal(run('grade').status, 2);
  assert.match(run('grade', exercise, '--format', 'pdf').stderr, /unknown --format 'pdf'/);
  assert.equal(run('grade', '--help').status, 0);
});
