// The embed page (embed.html): one view of a scenario with minimal controls, for an iframe on a
// documentation page. Query parameters:
//   scenario=NAME.json   the scenario (default: the first of the list)
//   view=graph|sequence|trace|inspector|resources   (default graph)
//   autoplay=1           start running at once;  seed=N, step=N  start from that moment
//   theme=dark|light
// The wheel scrolls the host page until the reader clicks into the view or holds Ctrl. Every
// problem (an unknown scenario or view, a bad seed) shows in the frame's own banner.
import { applyMoment, formatMoment, parseMoment } from './moment.mjs';
import { loadScenarioIndex, showFatal, startApp, whenFirstFrameDrawn } from './page.mjs';
import { hasWebGL2 } from './loader.mjs';
import { followTheme } from './theme.mjs';

/** The full page at this embed's moment: what "Copy link" copies from an embed. */
function fullPageLink(page) {
  const moment = formatMoment({ scenario: page.currentFile(), seed: window.eventlab.seed(), step: window.eventlab.delivered() });
  return new URL(`index.html${moment}`, location.href).href;
}

async function main() {
  if (!hasWebGL2()) {
    showFatal('WebGL2 is not available', 'This live example draws with WebGL2, which this browser does not provide.');
    return;
  }
  const query = new URLSearchParams(location.search);
  let page;
  try {
    page = await startApp({ cooperativeWheel: true, momentLink: () => fullPageLink(page) });
  } catch (err) {
    showFatal('The live example could not start', err?.message ?? String(err));
    return;
  }
  const problems = [];
  const view = query.get('view') ?? 'graph';
  if (!page.setEmbedView(view)) {
    problems.push(`view: "${view}" is not one of graph, sequence, trace, inspector, resources; showing the graph`);
    page.setEmbedView('graph');
  }
  const theme = query.get('theme');
  if (theme && theme !== 'dark' && theme !== 'light') problems.push(`theme: "${theme}" is not dark or light`);
  followTheme(page, { forced: theme, remember: false });
  await whenFirstFrameDrawn(page);
  page.firstFrameMs = Math.round(performance.now());
  document.getElementById('loading').hidden = true;
  let file = query.get('scenario');
  if (!file) {
    try {
      await loadScenarioIndex(page);
      file = page.scenarios[0]?.file;
    } catch (err) {
      problems.push(`the scenario list could not be loaded: ${err.message}`);
    }
  } else if (!/^[\w.-]+\.json$/.test(file)) {
    problems.push(`scenario: "${file}" is not a scenario file name`);
    file = null;
  }
  if (problems.length > 0) page.showProblems('This example\'s link has problems:', problems);
  if (file) {
    const loaded = await page.loadScenarioFile(file);
    if (loaded.ok) {
      const wanted = new URLSearchParams();
      for (const key of ['seed', 'step']) if (query.has(key)) wanted.set(key, query.get(key));
      const moment = parseMoment(wanted.toString());
      problems.push(...moment.problems);
      try {
        applyMoment(window.eventlab, moment);
      } catch (err) {
        problems.push(err.message);
      }
      if (problems.length > 0) page.showProblems('This example\'s link has problems:', problems);
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
