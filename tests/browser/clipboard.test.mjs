// The clipboard both ways: a Copy button in the inspector puts the event on the system clipboard,
// and Ctrl+V pastes the clipboard's text into the WebSocket message field, which Send delivers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickWidget, openApp, pressKey, startSite, ticks } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

test('Copy trace line puts the event on the clipboard; Ctrl+V pastes the clipboard into the WebSocket field', async () => {
  const page = await openApp(site, { viewport: { width: 1600, height: 1100 }, query: '#scenario=live-notifications.json' });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  // Dave connects from the panel and the run goes on until his connection is open.
  await clickWidget(page, 'resource:notifications');
  await ticks(page, 3);
  await clickWidget(page, 'ws_connect:dave');
  const open = await page.evaluate(() => {
    const lab = window.eventlab;
    const isOpen = () => lab.state().resources.dave.websocket?.notifications?.state === 'open';
    for (let i = 0; i < 1000 && !isOpen() && lab.delivered() < lab.runLength(); i++) lab.step();
    return isOpen();
  });
  assert.ok(open, "dave's connection opened");
  await ticks(page, 4);
  const selected = await page.evaluate(() => window.eventlabPage.selectedSeq());
  assert.ok(selected > 0);
  await clickWidget(page, 'inspector_copy_line');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const line = await page.evaluate((seq) => window.eventlabPage.status().selected.seq === seq
    && window.eventlabPage.status().selected.line, selected);
  assert.equal(copied, line, 'the clipboard holds the selected event\'s trace line');
  assert.equal(JSON.parse(copied).seq, selected);

  // The resources panel scrolls with the wheel to dave's message field.
  const browsers = await page.evaluate(() => window.eventlabPage.widgetRect('ws_browsers'));
  await page.mouse.move(browsers.x + 40, browsers.y);
  await ticks(page);
  await page.mouse.wheel(0, 500);
  await ticks(page, 3);
  // What another program put on the clipboard since: only the browser's paste event can bring
  // it in (the app's own copy of what it copied would paste the old line).
  const pasted = JSON.stringify({ pasted: 'from elsewhere', seq: selected });
  await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
  await clickWidget(page, 'ws_message:dave');
  await page.keyboard.down('Control');
  await ticks(page);
  await pressKey(page, 'KeyV');
  await page.keyboard.up('Control');
  await ticks(page, 2);
  await clickWidget(page, 'ws_send:dave');
  const sent = await page.evaluate(() => window.eventlab.pending()
    .find((e) => e.kind === 'client.call' && e.payload?.from_page && e.payload.call === 'websocket.send'));
  assert.ok(sent, 'Send queued the message');
  assert.equal(sent.payload.with.data, pasted, 'the field holds exactly the clipboard\'s text');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('Copy link puts a link to this moment on the clipboard', async () => {
  const page = await openApp(site, { query: '#scenario=hello.json' });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  await pressKey(page, 'Space');
  await pressKey(page, 'Space');
  await clickWidget(page, 'copy_link');
  await page.waitForFunction(() => window.eventlabPage.lastCopied !== null);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(link);
  assert.equal(url.hash, `#scenario=hello.json&seed=${await page.evaluate(() => window.eventlab.seed())}&step=2`);
  await page.context().close();
});
