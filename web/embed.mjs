// The embed page (embed.html): one view of a scenario with minimal controls, for an iframe on a
// documentation page. Query parameters:
//   scenario=NAME.json   the scenario (default: the first of the list)
//   view=graph|sequence|trace|inspector|resources   (default graph)
//   autoplay=1           start running at once;  seed=N, step=N  start from that moment
//   theme=dark|light
import { applyMoment, parseMoment } from './moment.mjs';
import { loadScenarioIndex, showFatal, startApp, whenFirstFrameDrawn } from './page.mjs';
import { hasWebGL2 } from './loader.mjs';

async function main() {
  if (!hasWebGL2()) {
    showFatal('WebGL2 is not available', 'This live example draws with WebGL2, which this browser does not provide.');
    return;
  }
  const query = new URLSearchParams(location.search);
  let page;
  try {
    page = await startApp();
  } catch (err) {
    showFatal('The live example could not start', err?.message ?? String(err));
    return;
  }
  const view = query.get('view') ?? 'graph';
  if (!page.setEmbedView(view)) {
    console.warn(`embed: unknown view "${view}", showing the graph`);
    page.setEmbedView('graph');
  }
  if (query.get('theme')) page.setTheme(query.get('theme'));
  await whenFirstFrameDrawn(page);
  page.firstFrameMs = Math.round(performance.now());
  document.getElementById('loading').hidden = true;
  let file = query.get('scenario');
  if (!file) {
    try {
      await loadScenarioIndex(page);
      file = page.scenarios[0]?.file;
    } catch (err) {
      console.warn(`scenario list unavailable: ${err.message}`);
    }
  }
  if (file) {
    const loaded = await page.loadScenarioFile(file);
    if (loaded.ok) {
      const wanted = new URLSearchParams();
      for (const key of ['seed', 'step']) if (query.has(key)) wanted.set(key, query.get(key));
      const moment = parseMoment(wanted.toString());
      for (const problem of moment.problems) console.warn(`embed: ${problem}`);
      try {
        applyMoment(window.eventlab, moment);
      } catch (err) {
        console.warn(`embed: ${err.message}`);
      }
      // The UI notices the new scenario on its next frame (and stops any run then): play after it.
      if (query.get('autoplay') === '1') {
        const frame = page.frameCount();
        await new Promise((resolve) => {
          const poll = () => (page.frameCount() > frame + 1 ? resolve() : requestAnimationFrame(poll));
          poll();
        });
        page.setRunning(true);
      }
    }
  }
  page.ready = true;
}

main();
