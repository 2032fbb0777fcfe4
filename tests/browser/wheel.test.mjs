// The mouse wheel and trackpad: a notch scrolls a few rows in the browser's direction, in pixel
// and line modes alike; over the graph it zooms by one small step around the pointer; over an
// embed the wheel scrolls the host page until the reader clicks into the view or holds Ctrl.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickWidget, openApp, startSite, ticks } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

/** The first trace row at or below `listTop` (row 1's top when the list is scrolled to the top):
 *  the clipper also draws a row that is scrolled under the column headers. */
async function firstVisibleRow(page, listTop) {
  return page.evaluate((top) => {
    const names = window.eventlabPage.widgetNames().filter((n) => n.startsWith('trace_row:'));
    const rows = names.map((n) => ({ n: Number(n.slice(10)), r: window.eventlabPage.widgetRect(n) }))
      .filter(({ r }) => r.y >= top - 1);
    return Math.min(...rows.map(({ n }) => n));
  }, listTop);
}

/** Puts the pointer over the trace (which follows the end of the run), wheels far up to its top,
 *  and returns where it is and the top of the list. */
async function overTheTrace(page) {
  const tab = await page.evaluate(() => window.eventlabPage.widgetRect('tab_trace'));
  const x = tab.x + tab.width * 2, y = tab.y + tab.height * 5;
  await page.mouse.move(x, y);
  await ticks(page, 2);
  for (let i = 0; i < 3; i++) {
    await page.mouse.wheel(0, -3000);  // 30 notches up: far past the top of a 30-row trace
    await ticks(page, 2);
  }
  const first = await page.evaluate(() => window.eventlabPage.widgetRect('trace_row:1'));
  assert.ok(first, 'wheeling up reached the first row');
  return { x, y, listTop: first.y };
}

/** A wheel event on the canvas at (x, y) in `mode` (0 pixels, 1 lines, 2 pages). */
function wheelAt(page, x, y, deltaY, deltaMode, extra = {}) {
  return page.evaluate(({ x, y, deltaY, deltaMode, extra }) => {
    const canvas = document.getElementById('canvas');
    return canvas.dispatchEvent(new WheelEvent('wheel', {
      clientX: x, clientY: y, deltaY, deltaMode, bubbles: true, cancelable: true, ...extra,
    }));
  }, { x, y, deltaY, deltaMode, extra });
}

test('one notch down scrolls a long trace down by a few rows, in pixel and line modes', async () => {
  const page = await openApp(site, { query: '#scenario=image-upload.json' });
  await page.evaluate(() => window.eventlab.seek(window.eventlab.runLength()));
  await clickWidget(page, 'tab_trace');
  const { x, y, listTop } = await overTheTrace(page);
  const top = await firstVisibleRow(page, listTop);
  assert.equal(top, 1);

  await page.mouse.wheel(0, 100);  // Chromium's pixel mode: one notch is 100 px
  await ticks(page, 3);
  const afterPixels = await firstVisibleRow(page, listTop);
  assert.ok(afterPixels > top && afterPixels - top <= 8, `one notch moved from row ${top} to ${afterPixels}`);

  await wheelAt(page, x, y, 3, 1);  // Firefox's line mode: one notch is 3 lines
  await ticks(page, 3);
  const afterLines = await firstVisibleRow(page, listTop);
  assert.ok(afterLines > afterPixels && afterLines - afterPixels <= 8, `a line-mode notch moved ${afterPixels} -> ${afterLines}`);

  await page.mouse.wheel(0, -100);  // and back up
  await ticks(page, 3);
  assert.ok(await firstVisibleRow(page, listTop) < afterLines, 'a notch up scrolls up');
  await page.context().close();
});

test('a trackpad swipe scrolls in proportion: small deltas, small moves', async () => {
  const page = await openApp(site, { query: '#scenario=image-upload.json' });
  await page.evaluate(() => window.eventlab.seek(window.eventlab.runLength()));
  await clickWidget(page, 'tab_trace');
  const { listTop } = await overTheTrace(page);
  for (let i = 0; i < 4; i++) {  // four 10-px deltas: under half a notch in all
    await page.mouse.wheel(0, 10);
    await ticks(page, 1);
  }
  await ticks(page, 2);
  const row = await firstVisibleRow(page, listTop);
  assert.ok(row >= 1 && row <= 3, `40 px of trackpad moved to row ${row}`);
  await page.context().close();
});

test('one notch over the graph zooms by one small step around the pointer', async () => {
  const page = await openApp(site, { query: '#scenario=fan-out.json' });
  const graph = await page.evaluate(() => window.eventlabPage.widgetRect('graph'));
  await page.mouse.move(graph.x + graph.width / 2, graph.y + graph.height / 2);
  await ticks(page, 2);
  const before = await page.evaluate(() => window.eventlabPage.graphCamera().zoom);
  await page.mouse.wheel(0, -100);  // wheel up: zoom in
  await ticks(page, 3);
  const zoomedIn = await page.evaluate(() => window.eventlabPage.graphCamera().zoom);
  assert.ok(zoomedIn > before * 1.05 && zoomedIn < before * 1.3, `zoom ${before} -> ${zoomedIn}`);
  await page.mouse.wheel(0, 100);
  await ticks(page, 3);
  const back = await page.evaluate(() => window.eventlabPage.graphCamera().zoom);
  assert.ok(Math.abs(back - before) < before * 0.01, `a notch down undoes it: ${back} vs ${before}`);
  await wheelAt(page, graph.x + graph.width / 2, graph.y + graph.height / 2, -1, 1);  // a third of a notch
  await ticks(page, 3);
  const small = await page.evaluate(() => window.eventlabPage.graphCamera().zoom);
  assert.ok(small > back && small < back * 1.1, `a third of a notch zooms a little: ${back} -> ${small}`);
  await page.context().close();
});

test('over an embed the wheel scrolls the host page until the view is clicked, or with Ctrl', async () => {
  const context = await site.browser.newContext({ viewport: { width: 900, height: 600 } });
  const page = await context.newPage();
  await page.route('**/host.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><body style="margin:0"><div style="height:300px">intro</div>
      <iframe id="lab" src="embed.html?scenario=fan-out.json" width="640" height="360" style="border:0"></iframe>
      <div style="height:2000px">more text</div></body>`,
  }));
  await page.goto(`${site.url}host.html`);
  const frame = page.frame({ url: /embed\.html/ });
  await frame.waitForFunction(() => window.eventlabPage?.ready === true && window.eventlabPage.frameCount() > 2, null, { timeout: 60000 });
  await page.mouse.move(320, 480);  // over the embed's graph
  await page.waitForTimeout(100);
  const zoom0 = await frame.evaluate(() => window.eventlabPage.graphCamera().zoom);
  await page.mouse.wheel(0, 200);
  await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
  assert.equal(await frame.evaluate(() => window.eventlabPage.graphCamera().zoom), zoom0, 'the view did not zoom');
  assert.equal(await frame.evaluate(() => document.getElementById('wheel-hint').hidden), false, 'the hint says how to zoom');

  // Ctrl+wheel (a trackpad pinch) zooms the view and leaves the page where it is.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await page.evaluate(() => document.getElementById('lab').getBoundingClientRect().toJSON());
  const x = box.width / 2, y = box.height / 2 + 40;
  const prevented = await frame.evaluate(({ x, y }) => !document.getElementById('canvas').dispatchEvent(
    new WheelEvent('wheel', { clientX: x, clientY: y, deltaY: -100, ctrlKey: true, bubbles: true, cancelable: true })), { x, y });
  assert.ok(prevented, 'Ctrl+wheel is kept from the page');
  await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const zoom1 = await frame.evaluate(() => window.eventlabPage.graphCamera().zoom);
  assert.ok(zoom1 > zoom0, `Ctrl+wheel zoomed ${zoom0} -> ${zoom1}`);

  // After a click into the view, the plain wheel is the view's.
  await page.mouse.move(box.x + x, box.y + y);
  await page.mouse.down();
  await page.mouse.up();
  const scrolled = await page.evaluate(() => window.scrollY);
  await page.mouse.wheel(0, -100);
  await page.waitForTimeout(200);
  const zoom2 = await frame.evaluate(() => window.eventlabPage.graphCamera().zoom);
  assert.ok(zoom2 > zoom1, `after a click the wheel zooms: ${zoom1} -> ${zoom2}`);
  assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'and the page stays put');
  await context.close();
});
