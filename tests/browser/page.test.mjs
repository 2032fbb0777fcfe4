// The page loads: the loading indicator goes away, the app draws frames on a canvas that follows
// the window at the device pixel ratio, and a browser without WebGL2 gets a readable message.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { clickWidget, labSnapshot, openApp, root, screenshot, startSite, ticks } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

test('the page loads, draws frames and loads the first scenario', async (t) => {
  const page = await openApp(site);
  const info = await page.evaluate(() => ({
    frames: window.eventlabPage.frameCount(),
    firstFrameMs: window.eventlabPage.firstFrameMs,
    loadingHidden: document.getElementById('loading').hidden,
    file: window.eventlabPage.currentFile(),
    loadError: window.eventlabPage.loadError(),
    download: window.eventlabPage.download,
  }));
  const webBuild = process.env.EVENTLAB_WEB_BUILD ?? 'build/web';  // as scripts/assemble-site.sh
  const wasmBytes = statSync(path.join(root, webBuild, 'eventlab-app.wasm')).size;
  assert.equal(info.download.bytes, wasmBytes, 'the loading bar counted every byte of the .wasm');
  assert.equal(info.download.total, wasmBytes, 'and knew the total from Content-Length');
  assert.ok(info.download.updates >= 1);
  assert.ok(info.frames > 1, `frames drawn: ${info.frames}`);
  assert.ok(info.loadingHidden, 'the loading indicator is hidden after the first frame');
  assert.equal(info.file, 'hello.json');
  assert.equal(info.loadError, '');
  const { traceLength, state } = await labSnapshot(page);
  assert.equal(traceLength, 0);
  assert.ok(state.resources.jobs && state.resources.echo, 'hello.json resources are in window.eventlab.state()');
  // The panels were laid out: the controls report their rectangles.
  const step = await page.evaluate(() => window.eventlabPage.widgetRect('step'));
  assert.ok(step && step.width > 0 && step.height > 0);
  await screenshot(page, 'page-loaded.png');
  t.diagnostic(`first frame ${info.firstFrameMs} ms after navigation started`);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('the canvas follows the window size at devicePixelRatio 2', async () => {
  const page = await openApp(site, { viewport: { width: 900, height: 600 }, deviceScaleFactor: 2 });
  await page.setViewportSize({ width: 1000, height: 640 });
  await ticks(page, 3);
  const size = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, dpr: devicePixelRatio };
  });
  assert.equal(size.dpr, 2);
  assert.deepEqual([size.cssW, size.cssH], [1000, 640]);
  assert.deepEqual([size.w, size.h], [2000, 1280], 'backing store = CSS size x DPR');
  // Widget rectangles come back in CSS pixels, so a click lands on the button.
  const before = await labSnapshot(page);
  await clickWidget(page, 'step');
  const afterClick = await labSnapshot(page);
  assert.equal(afterClick.traceLength, before.traceLength + 1);
  await screenshot(page, 'page-hidpi.png');
  await page.context().close();
});

test('without WebGL2 the page says so instead of failing silently', async () => {
  const context = await site.browser.newContext({ viewport: { width: 900, height: 500 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : original.call(this, type, ...rest);
    };
  });
  await page.goto(site.url);
  await page.waitForSelector('#fatal:not([hidden])');
  const text = await page.textContent('#fatal');
  assert.match(text, /WebGL2 is not available/);
  await screenshot(page, 'page-no-webgl2.png');
  await context.close();
});
