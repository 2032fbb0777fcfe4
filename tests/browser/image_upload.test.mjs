// The course's first lesson in the page: a learner picks image-upload.json and steps with Space
// until the 8 MB POST comes back 413, then on until the thumbnail lands in the second bucket.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickWidget, openApp, pressKey, screenshot, startSite } from './harness.mjs';

let site;
let page;
before(async () => {
  site = await startSite();
  page = await openApp(site);
  await clickWidget(page, 'scenario:image-upload.json');
  await page.waitForFunction(() => window.eventlabPage.currentFile() === 'image-upload.json', null, { timeout: 10000 });
});
after(async () => { await site?.close(); });

// Presses Space until `done(lastEvent)` holds for the newest trace event; returns that event.
async function stepUntil(done, limit) {
  for (let i = 0; i < limit; i += 1) {
    await pressKey(page, 'Space');
    const trace = await page.evaluate(() => window.eventlab.trace());
    const last = trace[trace.length - 1];
    if (last && done(last)) return last;
  }
  throw new Error('not reached by stepping');
}

test('stepping reaches the 413 of the upload through the API', async () => {
  const refused = await stepUntil((e) => e.to === 'client:browser' && e.error?.status === 413, 20);
  assert.equal(refused.kind, 'http.request.result');
  assert.equal(refused.error.code, 'RequestEntityTooLargeException');
  await screenshot(page, 'image-upload-413.png');
});

test('stepping on reaches the thumbnail written to the second bucket', async () => {
  const put = await stepUntil((e) => e.kind === 'storage.put_object.result' && e.from === 'bucket:thumbnails', 40);
  assert.equal(put.error, null);
  const state = await page.evaluate(() => window.eventlab.state());
  assert.equal(state.resources.thumbnails.objects.length, 1);
  assert.equal(state.resources.uploads.objects.length, 1);
  await screenshot(page, 'image-upload-thumbnail.png');
});
