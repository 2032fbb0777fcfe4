// The WebSocket panel: a browser connected from the panel is stored by the $connect function and
// receives the push the notify function sends after the upload, like the scripted browsers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickWidget, openApp, screenshot, startSite, ticks } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

test('a browser connected from the WebSocket panel receives the push', async () => {
  const page = await openApp(site, { viewport: { width: 1600, height: 1100 }, query: '#scenario=live-notifications.json' });
  await clickWidget(page, 'resource:notifications');
  await ticks(page, 3);
  await clickWidget(page, 'ws_connect:dave');
  const pending = await page.evaluate(() => window.eventlab.pending());
  const sent = pending.find((e) => e.kind === 'client.call' && e.payload?.from_page);
  assert.ok(sent, 'Connect sent a call from the page');
  assert.equal(sent.payload.call, 'websocket.connect');
  assert.equal(sent.to, 'client:dave');

  await page.evaluate(() => window.eventlab.runUntil(1e12));
  await ticks(page, 4);
  const dave = await page.evaluate(() => window.eventlab.state().resources.dave);
  const socket = dave.websocket.notifications;
  assert.ok(socket.connection_id, 'dave has a connection id');
  assert.ok(socket.received.length >= 1, 'the push reached dave');
  assert.match(JSON.stringify(socket.received[0].data), /cat\.jpg/);
  const trace = await page.evaluate(() => window.eventlab.trace());
  assert.ok(trace.some((t) => t.kind === 'websocket.message' && t.to === 'client:dave'), 'the push is in the trace');
  await screenshot(page, 'websocket-panel.png');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});
