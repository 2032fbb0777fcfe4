// The architecture graph, the sequence diagram and time travel, in a real browser: the graph is
// drawn by the WebGL2 renderer and its events move; an arrow of the sequence diagram selects its
// event; the timeline restores earlier states exactly; the URL hash reopens a moment; the embed
// page works alone and in an iframe.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { clickWidget, labSnapshot, openApp, pressKey, regionColours, screenshot, startSite, ticks } from './harness.mjs';

let site;
let page;
before(async () => {
  site = await startSite();
  page = await openApp(site, { query: '#scenario=image-upload.json' });
});
after(async () => { await site?.close(); });

const settle = () => page.waitForTimeout(700);  // the graph's clock catches up in 0.45 s

test('the graph draws every resource of the scenario with the WebGL2 renderer', async () => {
  await settle();
  const arch = await page.evaluate(() => window.eventlab.architecture());
  const info = await page.evaluate(() => window.eventlabPage.graphInfo());
  assert.equal(info.error, '');
  assert.equal(info.nodes, arch.nodes.length);
  assert.ok(info.instances >= arch.nodes.length + arch.edges.length, `instances ${info.instances}`);
  const rect = await page.evaluate(() => window.eventlabPage.widgetRect('graph'));
  const { colours } = await regionColours(page, rect);
  assert.ok(colours > 300, `the graph region has only ${colours} colours`);
  await screenshot(page, 'graph-start.png');
});

test('an event in flight moves along its edge between two steps', async () => {
  let moved = null;
  for (let i = 0; i < 40 && !moved; i++) {
    await settle();
    const before = new Map((await page.evaluate(() => window.eventlabPage.particles())).map((p) => [p.eventId, p]));
    await pressKey(page, 'Space');
    await settle();
    for (const p of await page.evaluate(() => window.eventlabPage.particles())) {
      const earlier = before.get(p.eventId);
      if (earlier && p.seq === 0 && Math.hypot(p.x - earlier.x, p.y - earlier.y) > 2) moved = { earlier, now: p };
    }
  }
  assert.ok(moved, 'no particle changed position between two steps');
  await screenshot(page, 'graph-particles.png');
});

test('clicking an arrow in the sequence diagram selects its event', async () => {
  await page.evaluate(() => { window.eventlab.reset(); for (let i = 0; i < 6; i++) window.eventlab.step(); });
  await ticks(page, 3);
  await clickWidget(page, 'tab_sequence');
  await clickWidget(page, 'sequence_row:3');
  assert.equal(await page.evaluate(() => window.eventlabPage.selectedSeq()), 3);
  await screenshot(page, 'sequence-selected.png');
});

test('"Why?" highlights the chain of causes of the selected event', async () => {
  await page.evaluate(() => { window.eventlab.reset(); window.eventlab.seek(11); });
  await ticks(page, 3);
  await pressKey(page, 'Space');  // delivers #12 and selects it
  assert.equal(await page.evaluate(() => window.eventlabPage.selectedSeq()), 12);
  await pressKey(page, 'w');
  assert.equal(await page.evaluate(() => window.eventlabPage.whySeq()), 12);
  const chain = await page.evaluate(() => window.eventlab.why(12));
  assert.ok(chain.length >= 2 && chain.at(-1) === 12, JSON.stringify(chain));
  await screenshot(page, 'graph-why.png');
  await pressKey(page, 'w');
  assert.equal(await page.evaluate(() => window.eventlabPage.whySeq()), 0);
});

test('dragging the timeline back restores the earlier state exactly', async () => {
  const total = await page.evaluate(() => { window.eventlab.reset(); return window.eventlab.runLength(); });
  assert.ok(total > 10);
  // Reference states from the JS API: the run at 1/4 and at its end.
  const rect = await page.evaluate(() => window.eventlabPage.widgetRect('timeline'));
  await clickWidget(page, 'timeline_end');
  assert.equal((await labSnapshot(page)).state.seq, total);
  await page.mouse.move(rect.x + rect.width * 0.9, rect.y + rect.height / 2);
  await ticks(page);
  await page.mouse.down();
  await ticks(page);
  await page.mouse.move(rect.x + rect.width * 0.25, rect.y + rect.height / 2, { steps: 5 });
  await ticks(page);
  await page.mouse.up();
  await ticks(page);
  const scrubbed = await labSnapshot(page);
  assert.ok(scrubbed.state.seq > 0 && scrubbed.state.seq < total / 2, `at ${scrubbed.state.seq} of ${total}`);
  const replayed = await page.evaluate((seq) => {
    window.eventlab.reset();
    for (let i = 0; i < seq; i++) window.eventlab.step();
    return { traceLength: window.eventlab.trace().length, state: window.eventlab.state() };
  }, scrubbed.state.seq);
  assert.deepEqual(scrubbed, replayed);
  await screenshot(page, 'timeline-scrubbed.png');
});

test('the URL hash carries scenario, seed and step, and reopens the same moment', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  await tab.goto(`${site.url}#scenario=image-upload.json&seed=7&step=9`);
  await tab.waitForFunction(() => window.eventlabPage?.ready === true, null, { timeout: 60000 });
  assert.equal(await tab.evaluate(() => window.eventlabPage.currentFile()), 'image-upload.json');
  assert.equal(await tab.evaluate(() => window.eventlab.seed()), 7);
  assert.equal(await tab.evaluate(() => window.eventlab.delivered()), 9);
  await tab.evaluate(() => { window.eventlab.step(); window.eventlab.step(); });
  await tab.waitForFunction(() => location.hash === '#scenario=image-upload.json&seed=7&step=11', null, { timeout: 5000 });
  const stateThere = await tab.evaluate(() => window.eventlab.state());
  const link = await tab.evaluate(() => location.href);
  const reopened = await context.newPage();
  await reopened.goto(link);
  await reopened.waitForFunction(() => window.eventlabPage?.ready === true, null, { timeout: 60000 });
  assert.deepEqual(await reopened.evaluate(() => window.eventlab.state()), stateThere);
  // A bad value is ignored with a warning, never half-applied.
  await reopened.evaluate(() => { location.hash = '#scenario=image-upload.json&seed=banana&step=3'; });
  await reopened.waitForFunction(() => window.eventlab.delivered() === 3, null, { timeout: 5000 });
  assert.equal(await reopened.evaluate(() => window.eventlab.seed()), 7);
  await context.close();
});

test('T switches the theme and every view redraws in it', async () => {
  // The page starts in the system's theme (headless Chromium reports light): T switches both ways.
  const first = await page.evaluate(() => window.eventlabPage.theme());
  const other = first === 'dark' ? 'light' : 'dark';
  await pressKey(page, 't');
  assert.equal(await page.evaluate(() => window.eventlabPage.theme()), other);
  await settle();
  await screenshot(page, `theme-${other}.png`);
  await pressKey(page, 't');
  assert.equal(await page.evaluate(() => window.eventlabPage.theme()), first);
});

test('the embed page shows one view alone, and works in an iframe', async () => {
  const context = await site.browser.newContext({ viewport: { width: 800, height: 450 } });
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (err) => errors.push(err.message));
  await tab.goto(`${site.url}embed.html?scenario=image-upload.json&view=graph&autoplay=1`);
  await tab.waitForFunction(() => window.eventlabPage?.ready === true, null, { timeout: 60000 });
  assert.equal(await tab.evaluate(() => window.eventlabPage.embedView()), 'graph');
  assert.equal(await tab.evaluate(() => window.eventlabPage.running()), true);
  await tab.waitForFunction(() => window.eventlab.delivered() >= 3, null, { timeout: 20000 });
  const names = await tab.evaluate(() => window.eventlabPage.widgetNames());
  assert.ok(names.includes('graph') && names.includes('timeline'), names.join(','));
  assert.ok(!names.includes('scenario:hello.json') && !names.includes('tab_trace'), 'the full app is not drawn');
  assert.ok((await tab.evaluate(() => window.eventlabPage.graphInfo())).nodes > 5);
  await screenshot(tab, 'embed-graph.png');

  writeFileSync(path.join(site.dir, 'doc-with-embed.html'), `<!doctype html><html><body style="font:15px sans-serif">
    <h1>Presigned uploads</h1><p>Step through the upload below.</p>
    <iframe id="lab" src="embed.html?scenario=image-upload.json&view=sequence" width="720" height="360"></iframe>
    </body></html>`);
  await tab.goto(`${site.url}doc-with-embed.html`);
  const frame = tab.frame({ url: /\/embed\.html\?/ });
  await frame.waitForFunction(() => window.eventlabPage?.ready === true, null, { timeout: 60000 });
  assert.equal(await frame.evaluate(() => window.eventlabPage.embedView()), 'sequence');
  await frame.evaluate(() => { window.eventlab.step(); window.eventlab.step(); window.eventlab.step(); });
  await tab.waitForTimeout(300);
  await screenshot(tab, 'embed-in-iframe.png');
  assert.deepEqual(errors, []);
  await context.close();
});
