// Tokens and live connections in the page: the JWT inspector decodes a verified token and lists
// its checks; a browser's page storage shows the stolen localStorage token next to the HttpOnly
// cookie a script could not read; a browser connected from the WebSocket panel receives the push.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickWidget, openApp, screenshot, startSite, ticks } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

/** The seq of the first delivery of `kind` (from `from`, if given). */
async function seqOf(page, kind, from) {
  return page.evaluate(async ({ kind, from }) => {
    const trace = await window.eventlab.trace();
    const r = trace.find((t) => t.kind === kind && (!from || t.from === from));
    return r ? r.seq : 0;
  }, { kind, from });
}

test('the JWT inspector shows a verified token\'s parts, claims and checks', async () => {
  const page = await openApp(site, { viewport: { width: 1600, height: 1000 }, query: '#scenario=token-storage.json' });
  await page.evaluate(() => window.eventlab.runUntil(1e12));
  const seq = await seqOf(page, 'jwt.verify.result', 'function:profile');
  assert.ok(seq > 0, 'the profile function verified a token');
  await page.evaluate((s) => window.eventlab.seek(s), seq);
  await ticks(page, 4);
  assert.equal(await page.evaluate(() => window.eventlabPage.selectedSeq()), seq);
  const names = await page.evaluate(() => window.eventlabPage.widgetNames());
  assert.ok(names.includes('jwt_inspector'), 'the inspector has a JWT section');
  assert.ok(names.includes('jwt_token:0'), 'the token is drawn in three parts');
  await screenshot(page, 'jwt-inspector.png');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('page storage: the script read localStorage, not the HttpOnly cookie', async () => {
  const page = await openApp(site, { viewport: { width: 1600, height: 1000 }, query: '#scenario=token-storage.json' });
  await page.evaluate(() => window.eventlab.runUntil(1e12));
  await ticks(page, 3);
  const state = await page.evaluate(() => window.eventlab.state().resources);
  assert.match(state['browser-local'].page.local_storage.token, /^eyJ/);
  assert.deepEqual(state['browser-cookie'].page.local_storage, {});
  const cookie = state['browser-cookie'].page.cookies[0];
  assert.equal(cookie.http_only, true);
  assert.equal(cookie.same_site, 'Strict');
  const collector = state.collector;
  assert.equal(collector.requests.length, 2);
  assert.match(collector.requests[0].body, /eyJ/, 'the token from localStorage reached the attacker');
  assert.doesNotMatch(collector.requests[1].body, /eyJ/, 'nothing of the cookie reached the attacker');
  await clickWidget(page, 'resource:browser-cookie');
  await ticks(page, 3);
  await screenshot(page, 'token-storage-cookie.png');
  await clickWidget(page, 'resource:browser-local');
  await ticks(page, 3);
  await screenshot(page, 'token-storage-local.png');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});
