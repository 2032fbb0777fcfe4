// The stream inspector: each shard is a tape of records with a marker per consumer; dragging a
// marker moves that consumer (kinesis.set_position, sent as the scenario's client) and its next
// read starts at the record it was dropped on.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickWidget, openApp, screenshot, startSite, ticks } from './harness.mjs';

let site;
let page;
before(async () => {
  site = await startSite();
  page = await openApp(site, { viewport: { width: 1600, height: 900 }, query: '#scenario=streams.json&step=30' });
});
after(async () => { await site?.close(); });

/** Steps until a delivery of `kind` for `consumer` arrives; returns its payload. */
async function stepUntil(kind, consumer) {
  return page.evaluate(({ kind, consumer }) => {
    for (let i = 0; i < 200; i += 1) {
      const record = window.eventlab.step();
      if (!record) break;
      if (record.kind === kind && record.payload?.Consumer === consumer) return record.payload;
    }
    return null;
  }, { kind, consumer });
}

/** Drags a consumer's marker along its tape onto a record's cell, with frames between steps. */
async function dragMarkerOnto(marker, cell) {
  await page.mouse.move(marker.x + marker.width / 2, marker.y + marker.height / 2);
  await ticks(page);
  await page.mouse.down();
  await ticks(page);
  await page.mouse.move(cell.x + 3, marker.y + marker.height / 2, { steps: 6 });
  await ticks(page);
  await page.mouse.up();
}

test('dragging a consumer marker onto a record makes its next read start there', async () => {
  await clickWidget(page, 'resource:clicks');
  await ticks(page, 3);
  const state = await page.evaluate(() => window.eventlab.state().resources.clicks);
  // The first shard (at the top of the view); the target is its oldest record, which "replay" has
  // already read past.
  const shard = state.shards[0].shard_id;
  const records = state.shards[0].records;
  assert.ok(records.length >= 1, `${shard} has no records`);
  const target = records[0];
  assert.notEqual(state.consumers.replay.positions[shard], target.ordinal);
  const marker = await page.evaluate((n) => window.eventlabPage.widgetRect(n), `stream_marker:replay:${shard}`);
  const cell = await page.evaluate((n) => window.eventlabPage.widgetRect(n), `stream_record:${shard}:${target.ordinal}`);
  assert.ok(marker && cell, 'the marker and the record are drawn');
  await screenshot(page, 'stream-before-drag.png');

  await dragMarkerOnto(marker, cell);
  await ticks(page, 3);
  const pending = await page.evaluate(() => window.eventlab.pending());
  const sent = pending.find((e) => e.kind === 'client.call' && e.payload?.from_page);
  assert.ok(sent, 'the drop sent a call from the page');
  assert.equal(sent.payload.call, 'kinesis.set_position');
  assert.equal(sent.payload.with.sequence_number, target.sequence_number);

  const moved = await stepUntil('kinesis.set_position.result', 'replay');
  assert.ok(moved, 'the set_position reply arrived');
  assert.equal(moved.Position, target.ordinal);

  await clickWidget(page, 'stream_read:replay');
  const reading = (await page.evaluate(() => window.eventlab.pending()))
    .find((e) => e.kind === 'client.call' && e.payload?.from_page && e.payload.call === 'kinesis.consumer_read');
  assert.ok(reading, 'Read sent a call from the page');
  const read = await stepUntil('kinesis.consumer_read.result', 'replay');
  assert.ok(read, 'the read reply arrived');
  const fromShard0 = read.Records.filter((r) => r.ShardId === shard);
  assert.equal(fromShard0[0].SequenceNumber, target.sequence_number);
  await ticks(page, 3);
  await screenshot(page, 'stream-after-read.png');
});

test('a marker dropped and at once read: the move is delivered before the read', async () => {
  // The first step at which the first shard holds a record.
  await page.evaluate(() => {
    const lab = window.eventlab;
    for (let s = 1; s <= lab.runLength(); s++) {
      lab.seek(s);
      if (lab.state().resources.clicks.shards[0].records.length > 0) return;
    }
  });
  await clickWidget(page, 'resource:clicks');
  await ticks(page, 3);
  const state = await page.evaluate(() => window.eventlab.state().resources.clicks);
  const shard = state.shards[0].shard_id;
  const target = state.shards[0].records[0];
  const marker = await page.evaluate((n) => window.eventlabPage.widgetRect(n), `stream_marker:replay:${shard}`);
  const cell = await page.evaluate((n) => window.eventlabPage.widgetRect(n), `stream_record:${shard}:${target.ordinal}`);
  await dragMarkerOnto(marker, cell);
  await ticks(page, 2);
  await clickWidget(page, 'stream_read:replay');  // no step in between
  const from = await page.evaluate(() => window.eventlab.delivered());
  await page.evaluate(() => window.eventlab.runUntil(1e12));
  const trace = await page.evaluate(() => window.eventlab.trace());
  const after = trace.filter((r) => r.seq > from && r.to === 'stream:clicks');
  const move = after.findIndex((r) => r.kind === 'kinesis.set_position');
  const read = after.findIndex((r) => r.kind === 'kinesis.consumer_read' && r.payload?.consumer === 'replay');
  assert.ok(move >= 0 && read >= 0, 'both reached the stream');
  assert.ok(move < read, 'the move arrived first');
});
