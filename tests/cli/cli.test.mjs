// The native CLI's contract: exit codes (0 done, 1 invalid input, 2 usage), --help on every
// command, validate's "path: message" lines, and the --trace file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'build', 'native', 'eventlab');
const hello = join(root, 'web', 'scenarios', 'hello.json');
const run = (...args) => spawnSync(cli, args, { encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'eventlab-cli-'));

test('no command and unknown commands are usage errors', () => {
  assert.equal(run().status, 2);
  const r = run('fly');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command 'fly'/);
});

test('--help works on every command', () => {
  for (const args of [['--help'], ['run', '--help'], ['validate', '--help']]) {
    const r = run(...args);
    assert.equal(r.status, 0, args.join(' '));
    assert.match(r.stdout, /usage: eventlab/);
  }
});

test('unknown flags and bad flag values are usage errors', () => {
  assert.match(run('run', hello, '--sed', '1').stderr, /unknown flag --sed/);
  assert.equal(run('run', hello, '--seed', '4294967296').status, 2);
  assert.equal(run('run', hello, '--until', 'soon').status, 2);
  assert.equal(run('run', hello, '--trace').status, 2);
});

test('run prints a readable trace and exits 0', () => {
  const r = run('run', hello);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^#1 +0\.000000s +client:alice -> client:alice +client\.call/m);
  assert.match(r.stdout, /^#2 +0\.\d{6}s +client:alice -> queue:jobs +queue\.send/m);
  assert.match(r.stdout, /ERROR InvalidParameterValue \(400\)/);
  const golden = readFileSync(join(root, 'tests', 'golden', 'hello.jsonl'), 'utf8').trimEnd().split('\n');
  assert.match(r.stdout, new RegExp(`^${golden.length} events, simulated time`, 'm'));
});

test('--trace writes JSON Lines with the documented key order', () => {
  const file = join(tmp, 'hello.jsonl');
  assert.equal(run('run', hello, '--trace', file).status, 0);
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  assert.equal(readFileSync(file, 'utf8'), readFileSync(join(root, 'tests', 'golden', 'hello.jsonl'), 'utf8'));
  for (const [i, line] of lines.entries()) {
    const e = JSON.parse(line);
    assert.deepEqual(Object.keys(e), ['seq', 'time_us', 'id', 'parent', 'reply_to', 'from', 'to', 'kind', 'payload', 'error']);
    assert.equal(e.seq, i + 1);
  }
});

test('--seed overrides the scenario seed and --until stops early', () => {
  const a = run('run', hello, '--trace', '-').stdout;
  const b = run('run', hello, '--seed', '7', '--trace', '-').stdout;
  assert.notEqual(a, b);
  assert.equal(run('run', hello, '--seed', '42', '--trace', '-').stdout, a);
  const early = run('run', hello, '--until', '1s', '--trace', '-').stdout;
  const times = early.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l).time_us);
  assert.ok(times.length > 0 && times.length < a.split('\n').filter((l) => l.startsWith('{')).length);
  assert.ok(times.every((t) => t <= 1000000));
});

test('invalid scenarios exit 1 with one path: message line per problem', () => {
  const bad = join(tmp, 'bad.json');
  writeFileSync(bad, JSON.stringify({ version: 1, resources: { images: { kind: 'bukket' }, f: { kind: 'function', handler: [], timout: '3s' } } }));
  const v = run('validate', bad);
  assert.equal(v.status, 1);
  const lines = v.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^\/resources\/images\/kind: unknown kind "bukket" \(.*\bfunction\b.*\bqueue\b.*\)$/);
  assert.match(lines[1], /^\/resources\/f\/timout: unknown key \(expected one of: .*\btimeout\b.*\)$/);
  assert.equal(run('run', bad).status, 1);
  assert.equal(run('run', join(tmp, 'missing.json')).status, 1);
  writeFileSync(bad, '{"version": 1,');
  assert.match(run('validate', bad).stdout, /^\/: not valid JSON: .*line 1/);
});

test('validate accepts every shipped scenario', () => {
  const r = run('validate', hello);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /ok$/m);
});

test('presign reproduces the SigV4 query-string example AWS publishes', () => {
  const r = run('presign', '--method', 'GET', '--bucket', 'examplebucket', '--key', 'test.txt',
    '--region', 'us-east-1', '--access-key', 'AKIAIOSFODNN7EXAMPLE',
    '--secret-key', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '--date', '20130524T000000Z', '--expires', '86400');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'https://examplebucket.s3.amazonaws.com/test.txt' +
    '?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
    '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
    '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
  assert.equal(run('presign', '--help').status, 0);
  assert.equal(run('presign', '--method', 'GET').status, 2);
  assert.equal(run('presign', '--method', 'POST', '--bucket', 'b', '--key', 'k', '--region', 'us-east-1',
    '--access-key', 'A', '--secret-key', 'S', '--date', '20130524T000000Z', '--expires', '60').status, 2);
  assert.equal(run('presign', '--method', 'GET', '--bucket', 'b', '--key', 'k', '--region', 'us-east-1',
    '--access-key', 'A', '--secret-key', 'S', '--date', '20130524T000000Z', '--expires', '604801').status, 2);
});

test('sign reproduces AWS signing test suite signatures for any service', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eventlab-sign-'));
  const file = join(dir, 'request.json');
  const context = {
    credentials: { access_key_id: 'AKIDEXAMPLE', secret_access_key: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    region: 'us-east-1', service: 'service', timestamp: '2015-08-30T12:36:00Z', expiration_in_seconds: 3600,
    normalize: true, sign_body: true,
  };
  // aws-c-auth tests/aws-signing-test-suite/v4/post-x-www-form-urlencoded, query-signed-request.txt.
  writeFileSync(file, JSON.stringify({
    request: { method: 'POST', host: 'example.amazonaws.com', path: '/', body: 'Param1=value1',
      headers: [['Content-Type', 'application/x-www-form-urlencoded'], ['Host', 'example.amazonaws.com'], ['Content-Length', '13']] },
    context,
  }));
  const r = run('sign', file);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /# signature\nc2348f57d08c84939944d6c878b3f7be56316f8e7fd6817e81eded279a362d69\n/);
  assert.match(r.stdout, /X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost%3Bx-amz-content-sha256/);
  writeFileSync(file, JSON.stringify({ request: { method: 'GET', host: 'h', path: '/' }, context: { ...context, timestamp: 'soon' } }));
  const bad = run('sign', file);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /context\.timestamp: expected ISO 8601/);
  assert.equal(run('sign').status, 2);
  rmSync(dir, { recursive: true, force: true });
});
