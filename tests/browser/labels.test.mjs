// The graph's names and counters: for every scenario, at pixel ratio 1 and 2 and at 1024x700, no
// two node labels overlap, none runs outside the graph or over a node, and at the end of the run
// every counter equals the number in state().
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openApp, root, screenshot, startSite, ticks } from './harness.mjs';

const scenarios = readdirSync(path.join(root, 'web/scenarios')).filter((f) => f.endsWith('.json')).sort();
const sizes = [
  { viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 },
  { viewport: { width: 1400, height: 860 }, deviceScaleFactor: 2 },
  { viewport: { width: 1024, height: 700 }, deviceScaleFactor: 1 },
];

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The values at a JSON Pointer whose "*" segments stand for every member. */
function valuesAt(value, segments) {
  if (segments.length === 0) return [value];
  if (value === null || typeof value !== 'object') return [];
  const [head, ...rest] = segments;
  if (head === '*') return Object.values(value).flatMap((v) => valuesAt(v, rest));
  return head in value ? valuesAt(value[head], rest) : [];
}

/** What a counter term should show, computed from the state alone. */
function expected(state, term) {
  const found = valuesAt(state, term.key.split('/').slice(1));
  if (term.equals) {
    const wanted = term.equals.split('|');
    return found.filter((v) => wanted.includes(String(v))).length;
  }
  return found.reduce((sum, v) => sum + (Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : Number(v)), 0);
}

for (const size of sizes) {
  const tag = `${size.viewport.width}x${size.viewport.height}@${size.deviceScaleFactor}`;
  test(`graph labels never overlap and counters match the state (${tag})`, async () => {
    const page = await openApp(site, size);
    for (const file of scenarios) {
      assert.ok((await page.evaluate((f) => window.eventlabPage.loadScenarioFile(f), file)).ok, file);
      await page.evaluate(() => window.eventlab.seek(window.eventlab.runLength()));
      await ticks(page, 3);
      const graph = await page.evaluate(() => window.eventlabPage.widgetRect('graph'));
      const labels = await page.evaluate(() => window.eventlabPage.labels());
      assert.ok(labels.length > 0, `${file}: labels drawn`);
      const shown = labels.filter((l) => !l.hidden);
      for (const l of shown) {
        assert.ok(l.x >= graph.x - 0.5 && l.y >= graph.y - 0.5 && l.x + l.width <= graph.x + graph.width + 0.5 &&
          l.y + l.height <= graph.y + graph.height + 0.5, `${file}: ${l.address}'s label leaves the graph`);
      }
      for (let i = 0; i < shown.length; i++) {
        for (let j = i + 1; j < shown.length; j++) {
          assert.ok(!overlap(shown[i], shown[j]), `${file}: "${shown[i].text}" overlaps "${shown[j].text}"`);
        }
      }
      const hidden = labels.filter((l) => l.hidden).map((l) => l.address);
      assert.ok(hidden.length <= Math.floor(labels.length / 4), `${file}: too many names hidden: ${hidden.join(', ')}`);
      const state = (await page.evaluate(() => window.eventlab.state())).resources;
      for (const l of labels) {
        const name = l.address.slice(l.address.indexOf(':') + 1);
        for (const term of l.terms) {
          assert.equal(term.value, expected(state[name], term), `${file}: ${l.address} ${term.key}`);
          if (!l.hidden && l.counter) assert.ok(l.counter.includes(String(term.value)), `${file}: "${l.counter}" shows ${term.value}`);
        }
      }
      if (size.deviceScaleFactor === 2 || size.viewport.width === 1024) await screenshot(page, `labels-${tag}-${file.replace('.json', '')}.png`);
    }
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
}
