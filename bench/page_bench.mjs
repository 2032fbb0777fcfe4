// Page figures for scripts/bench.sh: transfer size of the app module (wasm + js, raw and gzip)
// and the time from navigation to the first drawn frame in headless Chromium (SwiftShader).
// Prints one JSON object per line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { root, startSite, openApp } from '../tests/browser/harness.mjs';

const print = (name, value, unit) => console.log(JSON.stringify({ name, value, unit }));

let raw = 0;
let gzip = 0;
for (const file of ['eventlab-app.wasm', 'eventlab-app.js']) {
  const bytes = readFileSync(path.join(root, 'build/web', file));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
print('page_transfer_raw', raw, 'bytes');
print('page_transfer_gzip', gzip, 'bytes');

const site = await startSite();
try {
  const runs = [];
  for (let i = 0; i < 3; i += 1) {
    const page = await openApp(site);
    runs.push(await page.evaluate(() => window.eventlabPage.firstFrameMs));
    await page.context().close();
  }
  runs.sort((a, b) => a - b);
  print('page_time_to_first_frame_median', Math.round(runs[1]), 'ms');
} finally {
  await site.close();
}
