// The scenario picker loads another scenario through the page's load path (fetch, then
// window.eventlab.load), and a broken scenario shows an error banner while the previous scenario
// stays loaded and usable.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickWidget, labSnapshot, openApp, pressKey, screenshot, startSite, ticks } from './harness.mjs';

let site;
let page;
before(async () => {
  site = await startSite();
  page = await openApp(site);
});
after(async () => { await site?.close(); });

test('picking order-queues.json in the picker loads it', async () => {
  const names = await page.evaluate(() => window.eventlabPage.scenarios.map((s) => s.file));
  assert.ok(names.includes('order-queues.json'), `index.json lists ${names}`);
  await clickWidget(page, 'scenario:order-queues.json');
  await page.waitForFunction(() => window.eventlabPage.currentFile() === 'order-queues.json', null, { timeout: 10000 });
  const { traceLength, state } = await labSnapshot(page);
  assert.equal(traceLength, 0);
  for (const name of ['shop', 'orders', 'emails', 'invoices', 'fanout']) {
    assert.ok(state.resources[name], `resource ${name} in window.eventlab.state()`);
  }
  assert.equal(state.seed, 7);
  await pressKey(page, 'Space');
  await pressKey(page, 'Space');
  assert.equal((await labSnapshot(page)).traceLength, 2);
  await screenshot(page, 'scenarios-order-queues.png');
});

test('a broken scenario shows an error and the page keeps working', async () => {
  const before = await labSnapshot(page);
  const result = await page.evaluate(() => window.eventlabPage.loadScenarioText('broken.json', '{"version": 1, oops'));
  assert.equal(result.ok, false);
  await ticks(page, 3);
  const error = await page.evaluate(() => window.eventlabPage.loadError());
  assert.match(error, /^broken\.json: /);
  assert.deepEqual(await labSnapshot(page), before, 'the previous scenario is untouched');
  assert.equal(await page.evaluate(() => window.eventlabPage.currentFile()), 'order-queues.json');
  await screenshot(page, 'scenarios-load-error.png');
  await pressKey(page, 'Space');
  assert.equal((await labSnapshot(page)).traceLength, before.traceLength + 1, 'stepping still works');
});

test('an invalid scenario lists its problem, a missing file its HTTP status', async () => {
  const invalid = await page.evaluate(() => window.eventlabPage.loadScenarioText('bad.json', '{"version": 2}'));
  assert.equal(invalid.ok, false);
  assert.match(await page.evaluate(() => window.eventlabPage.loadError()), /^bad\.json: .*version/);
  const missing = await page.evaluate(() => window.eventlabPage.loadScenarioFile('missing.json'));
  assert.equal(missing.ok, false);
  assert.match(await page.evaluate(() => window.eventlabPage.loadError()), /missing\.json: could not fetch: HTTP 404/);
});

test('the inspector shows the selected delivery, errors included', async () => {
  await page.evaluate(() => window.eventlabPage.loadScenarioFile('hello.json'));
  // hello.json's third job is too large for the queue: find the refusal and go to it from JS.
  const refused = await page.evaluate(() => {
    window.eventlab.runUntil(60_000_000);
    const record = window.eventlab.trace().find((r) => r.error !== null);
    window.eventlab.seek(record.seq);
    return record;
  });
  await ticks(page, 3);
  assert.ok(refused.error.code, 'hello.json has a refused call');
  assert.equal(await page.evaluate(() => window.eventlabPage.selectedSeq()), refused.seq);
  await screenshot(page, 'scenarios-inspector-error.png');
});

test('a good load clears the banner; Dismiss clears it too', async () => {
  await page.evaluate(() => window.eventlabPage.loadScenarioFile('hello.json'));
  await ticks(page, 3);
  assert.equal(await page.evaluate(() => window.eventlabPage.loadError()), '');
  await page.evaluate(() => window.eventlabPage.loadScenarioText('x.json', 'not json'));
  await ticks(page, 3);
  await clickWidget(page, 'dismiss_error');
  assert.equal(await page.evaluate(() => window.eventlabPage.loadError()), '');
  assert.deepEqual(page.pageErrors, []);
});
