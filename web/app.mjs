// The full page (index.html): boots the app (web/page.mjs), loads the scenario list, then the
// scenario the URL names, and keeps the URL hash in step with the run, so that a link reopens the
// same moment: #scenario=hello.json&seed=42&step=12 (web/moment.mjs).
import { applyMoment, formatMoment, parseMoment } from './moment.mjs';
import { loadScenarioIndex, showFatal, startApp, whenFirstFrameDrawn } from './page.mjs';
import { hasWebGL2 } from './loader.mjs';

// How often the hash follows the run (ms): often enough for a link copied at any time.
const HASH_EVERY_MS = 250;

/** Loads the hash's scenario (if it is not the current one), then its seed and step. */
async function openMoment(page, hash, fallbackFile) {
  const moment = parseMoment(hash);
  for (const problem of moment.problems) console.warn(`URL hash: ${problem}`);
  const file = moment.scenario ?? fallbackFile;
  if (file && file !== page.currentFile()) {
    const loaded = await page.loadScenarioFile(file);
    if (!loaded.ok) return;
  }
  try {
    applyMoment(window.eventlab, moment);
  } catch (err) {
    console.warn(`URL hash: ${err.message}`);
  }
}

function followRunInHash(page) {
  let written = location.hash;
  const write = () => {
    const file = page.currentFile();
    if (!file || !page.ready) return;
    let hash;
    try {
      hash = formatMoment({ scenario: file, seed: window.eventlab.seed(), step: window.eventlab.delivered() });
    } catch {
      return;  // no scenario loaded yet
    }
    if (hash !== location.hash) {
      history.replaceState(null, '', hash);
      written = hash;
    }
  };
  setInterval(write, HASH_EVERY_MS);
  // A hash typed or pasted by the user (not one this page wrote) opens that moment. The event's
  // own URL is read: the timer above may have replaced location.hash since.
  addEventListener('hashchange', (event) => {
    const hash = new URL(event.newURL).hash;
    if (hash !== written) openMoment(page, hash, null);
  });
}

async function main() {
  if (!hasWebGL2()) {
    showFatal('WebGL2 is not available',
      'eventlab draws with WebGL2, which this browser or its settings do not provide. ' +
      'Try a current Chrome, Firefox or Safari, and check that hardware acceleration is enabled.');
    return;
  }
  let page;
  try {
    page = await startApp();
  } catch (err) {
    showFatal('eventlab could not start', err?.message ?? String(err));
    return;
  }
  await whenFirstFrameDrawn(page);
  page.firstFrameMs = Math.round(performance.now());
  document.getElementById('loading').hidden = true;
  document.getElementById('canvas').focus();
  try {
    await loadScenarioIndex(page);
  } catch (err) {
    console.warn(`scenario list unavailable: ${err.message}`);
  }
  const wanted = new URLSearchParams(location.search).get('scenario');
  await openMoment(page, location.hash, wanted ?? page.scenarios[0]?.file);
  page.ready = true;
  followRunInHash(page);
}

main();
