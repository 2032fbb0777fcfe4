// Page figures for scripts/bench.sh: transfer size of the app module (wasm + js, raw and gzip),
// the time from navigation to the first drawn frame in headless Chromium (SwiftShader), and the
// CPU time of one frame measured inside the module (UI build plus graph submission) with a
// 50-resource scenario and 2,000 events in flight (budget 4 ms). Prints one JSON object per line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { root, startSite, openApp } from '../tests/browser/harness.mjs';
import { graphBenchScenario, kInFlightAfter } from './graph_scenario.mjs';

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

  const page = await openApp(site);
  const frame = await page.evaluate(async ({ scenario, inFlight }) => {
    const result = await window.eventlabPage.loadScenarioText('graph-bench.json', JSON.stringify(scenario));
    if (!result.ok) throw new Error(result.error);
    window.eventlab.seek(inFlight);
    const pending = window.eventlab.pending().length;
    const nodes = window.eventlab.architecture().nodes.length;
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let i = 0; i < 30; i += 1) await nextFrame();  // the graph's clock settles
    const samples = [];
    const ui = [];
    const submit = [];
    for (let i = 0; i < 120; i += 1) {
      await nextFrame();
      samples.push(window.eventlabPage.frameMs());
      ui.push(window.eventlabPage.frameParts().ui);
      submit.push(window.eventlabPage.frameParts().submit);
    }
    for (const list of [samples, ui, submit]) list.sort((a, b) => a - b);
    return { pending, nodes, particles: window.eventlabPage.particles().length,
             median: samples[samples.length >> 1], p95: samples[Math.floor(samples.length * 0.95)],
             ui: ui[ui.length >> 1], submit: submit[submit.length >> 1] };
  }, { scenario: graphBenchScenario(), inFlight: kInFlightAfter });
  print('frame_resources', frame.nodes, 'nodes');
  print('frame_events_in_flight', frame.pending, 'events');
  print('frame_particles_drawn', frame.particles, 'particles');
  print('frame_cpu_median', Math.round(frame.median * 1000) / 1000, 'ms (budget 4)');
  print('frame_cpu_p95', Math.round(frame.p95 * 1000) / 1000, 'ms');
  print('frame_cpu_ui_median', Math.round(frame.ui * 1000) / 1000, 'ms (UI build and graph scene)');
  print('frame_cpu_submit_median', Math.round(frame.submit * 1000) / 1000, 'ms (draw submission)');
  await page.context().close();
} finally {
  await site.close();
}
