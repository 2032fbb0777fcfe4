// Text outside the canvas: the live region and the title follow the step, and Tab reaches real
// buttons that drive the same lab (and Space on one of them acts once, not also on the canvas).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openApp, pressKey, startSite, ticks } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

const liveText = (page) => page.evaluate(() => document.getElementById('live-step').textContent);

test('the live region and the title announce each step', async () => {
  const page = await openApp(site, { query: '#scenario=fan-out.json' });
  await page.waitForFunction(() => /Step 0 of \d+/.test(document.getElementById('live-step').textContent));
  const total = await page.evaluate(() => window.eventlab.runLength());
  assert.match(await page.title(), new RegExp(`step 0 of ${total}`));
  await pressKey(page, 'Space');
  await page.waitForFunction(() => /^Step 1 of/.test(document.getElementById('live-step').textContent));
  const first = (await page.evaluate(() => window.eventlab.trace()))[0];
  assert.equal(await liveText(page), `Step 1 of ${total}: ${first.from} \u2192 ${first.to}, ${first.kind}`);
  assert.match(await page.title(), new RegExp(`step 1 of ${total}`));
  const scenarioTitle = await page.evaluate(() => window.eventlabPage.scenarios.find((s) => s.file === 'fan-out.json').title);
  assert.ok((await page.title()).startsWith(scenarioTitle), await page.title());
  const role = await page.evaluate(() => document.getElementById('live-step').getAttribute('aria-live'));
  assert.equal(role, 'polite');
  await page.waitForFunction(() => /^Selected #1: /.test(document.getElementById('live-selected').textContent));
  await page.context().close();
});

test('Tab reaches the toolbar buttons, which drive the lab once per press', async () => {
  const page = await openApp(site, { query: '#scenario=hello.json' });
  await page.evaluate(() => document.getElementById('canvas').focus());
  await page.keyboard.press('Shift+Tab');  // back out of the canvas to the toolbar before it
  const focused = await page.evaluate(() => document.activeElement?.dataset?.action ?? document.activeElement?.id);
  assert.ok(focused, 'focus left the canvas');
  const toolbarVisible = await page.evaluate(() => document.getElementById('dom-toolbar').getBoundingClientRect().bottom > 0);
  assert.ok(toolbarVisible, 'the focused toolbar is on screen');
  const labels = await page.evaluate(() => [...document.querySelectorAll('#dom-toolbar button')].map((b) => b.textContent));
  assert.ok(labels.includes('Step') && labels.includes('Step back'), labels.join(', '));
  await page.evaluate(() => document.querySelector('#dom-toolbar [data-action="Step"]').focus());
  const before = await page.evaluate(() => window.eventlab.delivered());
  await pressKey(page, 'Space');
  await ticks(page, 2);
  assert.equal(await page.evaluate(() => window.eventlab.delivered()), before + 1, 'Space on the Step button stepped once');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.action), 'Run or pause');
  await page.context().close();
});
