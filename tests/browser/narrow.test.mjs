// Small screens: below 900 CSS px one view shows at a time behind tabs, the controls wrap, and
// every control lies inside the viewport; an embed at 480x320 keeps a usable view.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickWidget, openApp, screenshot, startSite, ticks } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

const kControls = ['step_back', 'step', 'run', 'rate', 'seed', 'reset', 'theme', 'copy_link', 'help', 'timeline',
  'timeline_start', 'timeline_end'];
const kTabs = ['graph', 'sequence', 'trace', 'inspector', 'resources', 'scenarios'];

function inside(rect, viewport) {
  return rect && rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= viewport.width + 0.5 &&
    rect.y + rect.height <= viewport.height + 0.5;
}

for (const deviceScaleFactor of [1, 2]) {
  test(`at 414x800 (pixel ratio ${deviceScaleFactor}) every control is on screen and the views are tabs`, async () => {
    const viewport = { width: 414, height: 800 };
    const page = await openApp(site, { viewport, deviceScaleFactor, query: '#scenario=image-upload.json' });
    await ticks(page, 2);
    assert.equal(await page.evaluate(() => window.eventlabPage.narrow()), true);
    const rects = await page.evaluate((names) => Object.fromEntries(names.map((n) => [n, window.eventlabPage.widgetRect(n)])),
      [...kControls, ...kTabs.map((t) => `view_tab:${t}`)]);
    for (const [name, rect] of Object.entries(rects)) assert.ok(inside(rect, viewport), `${name}: ${JSON.stringify(rect)}`);
    const graph = await page.evaluate(() => window.eventlabPage.widgetRect('graph'));
    assert.ok(graph.height > 300 && graph.width > 380, `the graph gets the screen: ${JSON.stringify(graph)}`);
    await screenshot(page, `narrow-graph-dpr${deviceScaleFactor}.png`);

    await page.evaluate(() => window.eventlab.seek(12));
    await clickWidget(page, 'view_tab:trace');
    assert.equal(await page.evaluate(() => window.eventlabPage.narrowView()), 'trace');
    assert.ok(await page.evaluate(() => window.eventlabPage.widgetRect('trace_row:12')), 'the trace is shown');
    assert.equal(await page.evaluate(() => window.eventlabPage.widgetRect('graph')), null, 'one view at a time');
    await clickWidget(page, 'view_tab:scenarios');
    assert.ok(inside(await page.evaluate(() => window.eventlabPage.widgetRect('scenario:hello.json')), viewport));
    await clickWidget(page, 'scenario:hello.json');
    await page.waitForFunction(() => window.eventlabPage.currentFile() === 'hello.json');
    await clickWidget(page, 'view_tab:inspector');
    await screenshot(page, `narrow-inspector-dpr${deviceScaleFactor}.png`);
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
}

test('at 1024x700 the page keeps its columns', async () => {
  const page = await openApp(site, { viewport: { width: 1024, height: 700 } });
  assert.equal(await page.evaluate(() => window.eventlabPage.narrow()), false);
  for (const name of kControls) {
    assert.ok(inside(await page.evaluate((n) => window.eventlabPage.widgetRect(n), name), { width: 1024, height: 700 }), name);
  }
  await screenshot(page, 'page-1024.png');
  await page.context().close();
});

test('an embed at 480x320 shows its view with the controls above it', async () => {
  const context = await site.browser.newContext({ viewport: { width: 480, height: 320 } });
  const page = await context.newPage();
  await page.goto(`${site.url}embed.html?scenario=image-upload.json&step=10`);
  await page.waitForFunction(() => window.eventlabPage?.ready === true && window.eventlabPage.frameCount() > 2, null, { timeout: 60000 });
  await ticks(page, 3);
  const graph = await page.evaluate(() => window.eventlabPage.widgetRect('graph'));
  assert.ok(graph && graph.height > 150, JSON.stringify(graph));
  for (const name of ['step_back', 'run', 'step', 'timeline']) {
    assert.ok(inside(await page.evaluate((n) => window.eventlabPage.widgetRect(n), name), { width: 480, height: 320 }), name);
  }
  await screenshot(page, 'embed-480x320.png');
  await context.close();
});
