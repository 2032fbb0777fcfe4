// The Resources panel: image-upload.json run to its end through window.eventlab, then the panel
// shows each kind of resource (its rectangle and the per-resource names are reported by the app).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickWidget, labSnapshot, openApp, screenshot, startSite, ticks } from './harness.mjs';

let site;
let page;
before(async () => {
  site = await startSite();
  page = await openApp(site, { query: '?scenario=image-upload.json' });
});
after(async () => { await site?.close(); });

test('the Resources panel lists the scenario and views each kind', async () => {
  assert.equal(await page.evaluate(() => window.eventlabPage.currentFile()), 'image-upload.json');
  const delivered = await page.evaluate(() => {
    let n = 0;
    while (window.eventlab.step()) ++n;
    return n;
  });
  assert.ok(delivered > 0, 'the scenario delivers events');
  await ticks(page, 3);
  const panel = await page.evaluate(() => window.eventlabPage.widgetRect('resources_panel'));
  assert.ok(panel && panel.width > 100 && panel.height > 100, `panel rect ${JSON.stringify(panel)}`);
  assert.ok(panel.x + panel.width <= 1280 && panel.y + panel.height <= 800, 'the panel fits in 1280x800');
  const state = await page.evaluate(() => window.eventlab.state());
  for (const [name, resource] of Object.entries(state.resources)) {
    const rect = await page.evaluate((n) => window.eventlabPage.widgetRect(`resource:${n}`), name);
    assert.ok(rect, `resource ${name} (${resource.kind}) is listed`);
  }
  for (const name of ['images-api', 'images', 'thumbnail', 'uploads']) {
    if (!state.resources[name]) continue;
    await clickWidget(page, `resource:${name}`);
    await ticks(page, 2);
    await screenshot(page, `resources-${name}.png`);
  }
  await clickWidget(page, 'resource:uploads');
  await ticks(page, 2);
  await screenshot(page, 'resources.png');
  assert.deepEqual(page.pageErrors, []);
});

test('the bucket view presigns a URL through the facade without changing the lab', async () => {
  await clickWidget(page, 'resource:uploads');
  await ticks(page, 2);
  const before = await labSnapshot(page);
  const button = await page.evaluate(() => window.eventlabPage.widgetRect('presign:button'));
  const panel = await page.evaluate(() => window.eventlabPage.widgetRect('resources_panel'));
  assert.ok(button && panel, 'the presign button is drawn');
  assert.ok(button.y >= panel.y && button.y + button.height <= panel.y + panel.height, 'the button is inside the panel');
  await clickWidget(page, 'presign:button');
  await ticks(page, 2);
  const result = await page.evaluate(() => window.eventlabPage.presignResult());
  assert.equal(result.error, '');
  assert.equal(result.bucket, 'uploads');
  assert.match(result.url, /^https:\/\/uploads\.s3\..*X-Amz-Expires=300.*X-Amz-Signature=/);
  assert.deepEqual(await labSnapshot(page), before, 'presigning changes neither the trace nor the state');
  await screenshot(page, 'presign.png');
  assert.deepEqual(page.pageErrors, []);
});
