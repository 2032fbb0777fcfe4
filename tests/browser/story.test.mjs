// The story above the graph: the scenario's description first, then each scripted step's note as
// a caption from its delivery on, gone again when stepping back before it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openApp, pressKey, screenshot, startSite, ticks } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

test('the description shows first, then each note as its step is delivered', async () => {
  const page = await openApp(site, { query: '#scenario=hello.json' });
  await ticks(page, 2);
  assert.ok(await page.evaluate(() => window.eventlabPage.widgetRect('story_description')), 'the description is shown at step 0');
  const notes = await page.evaluate(() => window.eventlab.notes());
  assert.ok(notes.length >= 3);
  const first = notes[0];
  await page.evaluate((seq) => window.eventlab.seek(seq - 1), first.seq);
  await ticks(page, 2);
  assert.equal(await page.evaluate(() => window.eventlabPage.widgetRect('story_caption')), null, 'no caption before the step');
  await pressKey(page, 'Space');
  await ticks(page, 2);
  assert.ok(await page.evaluate(() => window.eventlabPage.widgetRect('story_caption')), 'the caption appears on delivery');
  assert.equal(await page.evaluate(() => window.eventlab.caption()?.text), first.text);
  await screenshot(page, 'story-caption.png');
  await pressKey(page, 'ArrowLeft');
  await ticks(page, 2);
  assert.equal(await page.evaluate(() => window.eventlabPage.widgetRect('story_caption')), null, 'stepping back hides it');
  assert.ok(await page.evaluate(() => window.eventlabPage.widgetRect('story_description')));
  await page.context().close();
});
