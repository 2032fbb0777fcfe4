// The controls and the keyboard act on the same lab that window.eventlab reads: Space and the
// Step button deliver, Step back and Shift+Space restore the earlier state exactly, R runs and
// pauses, H toggles the help overlay.
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

test('Space delivers the next event', async () => {
  const before = await labSnapshot(page);
  await pressKey(page, 'Space');
  const after = await labSnapshot(page);
  assert.equal(after.traceLength, before.traceLength + 1);
  assert.equal(after.state.seq, before.state.seq + 1);
  await pressKey(page, 'Space');
  assert.equal((await labSnapshot(page)).traceLength, before.traceLength + 2);
});

test('clicking Step delivers the next event and selects it', async () => {
  const before = await labSnapshot(page);
  await clickWidget(page, 'step');
  const after = await labSnapshot(page);
  assert.equal(after.traceLength, before.traceLength + 1);
  assert.equal(await page.evaluate(() => window.eventlabPage.selectedSeq()), after.traceLength);
  await screenshot(page, 'controls-after-steps.png');
});

test('Step back restores the earlier state exactly', async () => {
  const before = await labSnapshot(page);
  await clickWidget(page, 'step');
  assert.equal((await labSnapshot(page)).traceLength, before.traceLength + 1);
  await clickWidget(page, 'step_back');
  assert.deepEqual(await labSnapshot(page), before);
});

test('Shift+Space steps back', async () => {
  const before = await labSnapshot(page);
  await pressKey(page, 'Space');
  await page.keyboard.down('Shift');
  await ticks(page);
  await pressKey(page, 'Space');
  await page.keyboard.up('Shift');
  await ticks(page);
  assert.deepEqual(await labSnapshot(page), before);
});

test('steps made from JS show in the UI on the next frame', async () => {
  await page.evaluate(() => window.eventlab.step());
  await ticks(page);
  const { traceLength } = await labSnapshot(page);
  assert.equal(await page.evaluate(() => window.eventlabPage.selectedSeq()), traceLength);
});

test('clicking a trace row selects it; "caused by" jumps to its cause', async () => {
  await page.evaluate(() => { window.eventlab.reset(); for (let i = 0; i < 4; i++) window.eventlab.step(); });
  await ticks(page);
  await clickWidget(page, 'tab_trace');
  await clickWidget(page, 'trace_row:2');
  assert.equal(await page.evaluate(() => window.eventlabPage.selectedSeq()), 2);
  const parent = await page.evaluate(() => {
    const trace = window.eventlab.trace();
    return trace.find((r) => r.id === trace[1].parent)?.seq ?? null;
  });
  if (parent !== null) {
    await clickWidget(page, 'inspector_cause');
    assert.equal(await page.evaluate(() => window.eventlabPage.selectedSeq()), parent);
  }
  await pressKey(page, 'Space');
  assert.equal(await page.evaluate(() => window.eventlabPage.selectedSeq()), 5, 'a step selects the new delivery');
  await clickWidget(page, 'tab_sequence');
});

test('Reset uses the seed typed in the seed field', async () => {
  await clickWidget(page, 'seed');
  await page.keyboard.type('1234');
  await ticks(page);
  await pressKey(page, 'Enter');
  await clickWidget(page, 'reset');
  const { traceLength, state } = await labSnapshot(page);
  assert.equal(state.seed, 1234);
  assert.equal(traceLength, 0);
  await page.evaluate(() => window.eventlab.reset(42));
});

test('R runs and pauses', async () => {
  await page.evaluate(() => window.eventlab.reset());
  await ticks(page);
  await pressKey(page, 'r');
  assert.equal(await page.evaluate(() => window.eventlabPage.running()), true);
  await page.waitForFunction(() => window.eventlabPage.selectedSeq() >= 3, null, { timeout: 20000 });
  await pressKey(page, 'r');
  assert.equal(await page.evaluate(() => window.eventlabPage.running()), false);
  const paused = await labSnapshot(page);
  assert.ok(paused.traceLength >= 3);
  await ticks(page, 6);
  assert.equal((await labSnapshot(page)).traceLength, paused.traceLength, 'nothing runs while paused');
});

test('H and ? toggle the help overlay', async () => {
  await pressKey(page, 'h');
  assert.equal(await page.evaluate(() => window.eventlabPage.helpVisible()), true);
  await screenshot(page, 'controls-help.png');
  await pressKey(page, 'h');
  assert.equal(await page.evaluate(() => window.eventlabPage.helpVisible()), false);
  await pressKey(page, '?');
  assert.equal(await page.evaluate(() => window.eventlabPage.helpVisible()), true);
  await pressKey(page, 'Escape');
  assert.equal(await page.evaluate(() => window.eventlabPage.helpVisible()), false);
  assert.deepEqual(page.pageErrors, []);
});
