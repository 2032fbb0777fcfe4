// `eventlab jwt`: sign then verify round trips, the RFC 7515 A.1 token with its key, rejections
// (exit 1 with the reason code) and usage errors (exit 2), as the other commands do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.EVENTLAB_CLI ?? join(root, 'build', 'native', 'eventlab');
const vectors = join(root, 'tests', 'cloud', 'auth', 'vectors');
const run = (...args) => spawnSync(cli, args, { encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'eventlab-jwt-'));
const secret = 'a shared secret of at least 32 bytes!';
const a1Token = readFileSync(join(vectors, 'rfc7515_a1_token.txt'), 'utf8').trim();
const a1Jwk = join(vectors, 'rfc7515_a1_jwk.json');
const a2Jwk = join(vectors, 'rfc7515_a2_jwk.json');

test('HS256: sign then verify round trip', () => {
  const signed = run('jwt', 'sign', '--alg', 'HS256', '--secret', secret, '--payload', '{"sub":"alice","exp":2000}', '--kid', 'k1');
  assert.equal(signed.status, 0, signed.stderr);
  const token = signed.stdout.trim();
  assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  const v = run('jwt', 'verify', '--token', token, '--secret', secret, '--now', '1000');
  assert.equal(v.status, 0, v.stderr);
  assert.deepEqual(JSON.parse(v.stdout), { header: { alg: 'HS256', kid: 'k1', typ: 'JWT' }, claims: { exp: 2000, sub: 'alice' } });
});

test('RS256: sign with a private JWK, verify with the public JWKS from keygen', () => {
  const keyFile = join(tmp, 'private.json');
  const jwksFile = join(tmp, 'jwks.json');
  const priv = run('jwt', 'keygen', '--seed', '7', '--kid', 'rsa-7');
  assert.equal(priv.status, 0, priv.stderr);
  writeFileSync(keyFile, priv.stdout);
  assert.equal(JSON.parse(priv.stdout).kid, 'rsa-7');
  const pub = run('jwt', 'keygen', '--seed', '7', '--kid', 'rsa-7', '--public');
  assert.equal(pub.status, 0, pub.stderr);
  writeFileSync(jwksFile, pub.stdout);
  assert.equal(JSON.parse(pub.stdout).keys[0].n, JSON.parse(priv.stdout).n);  // same seed, same key
  assert.equal(JSON.parse(pub.stdout).keys[0].d, undefined);
  const signed = run('jwt', 'sign', '--alg', 'RS256', '--jwk', keyFile, '--payload', '{"iss":"idp","aud":["api"]}');
  assert.equal(signed.status, 0, signed.stderr);
  const token = signed.stdout.trim();
  const v = run('jwt', 'verify', '--token', token, '--jwks', jwksFile, '--iss', 'idp', '--aud', 'api');
  assert.equal(v.status, 0, v.stderr);
  assert.deepEqual(JSON.parse(v.stdout).header, { alg: 'RS256', kid: 'rsa-7', typ: 'JWT' });
  const wrongAud = run('jwt', 'verify', '--token', token, '--jwks', jwksFile, '--aud', 'web');
  assert.equal(wrongAud.status, 1);
  assert.match(wrongAud.stderr, /^WrongAudience: aud: /);
});

test('the RFC 7515 A.1 token verifies with its key before its exp', () => {
  const v = run('jwt', 'verify', '--token', a1Token, '--jwk', a1Jwk, '--now', '1300819380');
  assert.equal(v.status, 0, v.stderr);
  assert.deepEqual(JSON.parse(v.stdout), {
    header: { typ: 'JWT', alg: 'HS256' },
    claims: { iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true },
  });
  // Today it is long expired: the default --now is the current time.
  const today = run('jwt', 'verify', '--token', a1Token, '--jwk', a1Jwk);
  assert.equal(today.status, 1);
  assert.match(today.stderr, /^TokenExpired: exp: expired at 1300819380 \(2011-03-22T18:43:00Z\)/);
});

test('the RFC 7515 A.2 token verifies with its public PEM and with its JWK', () => {
  const a2Token = readFileSync(join(vectors, 'rfc7515_a2_token.txt'), 'utf8').trim();
  const v = run('jwt', 'verify', '--token', a2Token, '--pem', join(vectors, 'rfc7515_a2_public.pem'), '--now', '1300819000');
  assert.equal(v.status, 0, v.stderr);
  assert.equal(JSON.parse(v.stdout).claims.iss, 'joe');
  assert.equal(run('jwt', 'verify', '--token', a2Token, '--jwk', a2Jwk, '--now', '1300819000').status, 0);
});

test('rejections exit 1 with the reason code', () => {
  const hs = run('jwt', 'sign', '--alg', 'HS256', '--secret', secret, '--payload', '{}').stdout.trim();
  const cases = [
    [['--token', hs, '--secret', 'another secret that is 32 bytes long'], /^BadSignature: signature: /],
    [['--token', 'a.b', '--secret', secret], /^MalformedToken: structure: /],
    [['--token', hs, '--secret', secret, '--alg', 'RS256'], /^UnexpectedAlgorithm: alg: /],
    [['--token', hs, '--jwk', a2Jwk, '--alg', 'HS256,RS256'], /^KeyAlgorithmMismatch: key: HS256 needs a key of type oct/],
    [['--token', 'eyJhbGciOiJub25lIn0.e30.', '--secret', secret], /^AlgNone: alg: /],
    [['--token', a1Token, '--jwk', a1Jwk, '--now', '1300819440'], /^TokenExpired: /],
  ];
  for (const [args, reason] of cases) {
    const r = run('jwt', 'verify', ...args);
    assert.equal(r.status, 1, args.join(' '));
    assert.match(r.stderr, reason);
    assert.equal(r.stdout, '');
  }
  const checks = run('jwt', 'verify', '--token', hs, '--secret', 'another secret that is 32 bytes long', '--checks');
  assert.equal(checks.status, 1);
  const report = JSON.parse(checks.stdout);
  assert.equal(report.code, 'BadSignature');
  assert.deepEqual(report.checks.map((c) => c.check), ['structure', 'header', 'alg', 'key', 'claims', 'signature', 'exp', 'nbf', 'iss', 'aud']);
  const weak = run('jwt', 'sign', '--alg', 'HS256', '--secret', 'short', '--payload', '{}');
  assert.equal(weak.status, 1);
  assert.match(weak.stderr, /^WeakKey: /);
});

test('usage errors exit 2', () => {
  assert.equal(run('jwt').status, 2);
  assert.equal(run('jwt', 'decode').status, 2);
  assert.equal(run('jwt', 'sign', '--alg', 'HS512', '--secret', secret, '--payload', '{}').status, 2);
  assert.equal(run('jwt', 'sign', '--alg', 'HS256', '--payload', '{}').status, 2);
  assert.equal(run('jwt', 'sign', '--alg', 'HS256', '--secret', secret, '--jwk', a1Jwk, '--payload', '{}').status, 2);
  assert.equal(run('jwt', 'verify', '--secret', secret).status, 2);
  assert.equal(run('jwt', 'verify', '--token', 'x', '--secret', secret, '--now', 'soon').status, 2);
  assert.equal(run('jwt', 'keygen', '--seed', '1', '--bits', '1000').status, 2);
  for (const args of [['jwt', '--help'], ['jwt', 'sign', '--help'], ['jwt', 'verify', '--help']]) {
    const r = run(...args);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /usage: eventlab jwt/);
  }
});
