// The full page (index.html): boots the app (web/page.mjs), loads the scenario list, then the
// scenario the URL names, and keeps the URL hash in step with the run, so that a link reopens the
// same moment: #scenario=hello.json&seed=42&step=12 (web/moment.mjs). Each scenario opened is a
// history entry of its own (Back returns to the previous one); steps only replace the entry.
import { applyMoment, formatMoment, parseMoment } from './moment.mjs';
import { loadScenarioIndex, showFatal, startApp, whenFirstFrameDrawn } from './page.mjs';
import { hasWebGL2 } from './loader.mjs';
import { followTheme } from './theme.mjs';

// How often the hash follows the run (ms): often enough for a link copied at any time.
const HASH_EVERY_MS = 250;

function currentHash(page) {
  return formatMoment({ scenario: page.currentFile(), seed: window.eventlab.seed(), step: window.eventlab.delivered() });
}

/** Loads the hash's scenario (if it is not the current one), then its seed and step. Every
 *  problem with the link shows in the app's banner. Resolves to false if the scenario failed. */
async function openMoment(page, hash, fallbackFile) {
  const moment = parseMoment(hash);
  const file = moment.scenario ?? fallbackFile;
  if (file && file !== page.currentFile()) {
    const loaded = await page.loadScenarioFile(file);
    if (!loaded.ok) return false;
  }
  const problems = [...moment.problems];
  try {
    applyMoment(window.eventlab, moment);
  } catch (err) {
    problems.push(err.message);
  }
  if (problems.length > 0) page.showProblems('This link could not be followed in full:', problems);
  return true;
}

function followRunInHash(page) {
  let written = location.hash;
  let opening = false;  // a moment from the URL is being opened: the run is not the URL's yet
  const write = () => {
    if (opening || !page.currentFile() || !page.ready) return;
    let hash;
    try {
      hash = currentHash(page);
    } catch {
      return;  // no scenario loaded yet
    }
    if (hash === location.hash) return;
    const urlFile = parseMoment(location.hash).scenario;
    // Another scenario than the URL's: a new entry, so Back returns to the one before.
    if (urlFile && urlFile !== page.currentFile()) history.pushState(null, '', hash);
    else history.replaceState(null, '', hash);
    written = hash;
  };
  setInterval(write, HASH_EVERY_MS);
  // Back, Forward, or a hash typed by the user (not one this page wrote) opens that moment. One
  // that comes while another is being opened is opened after it: the URL's is the last word.
  const follow = async () => {
    if (opening) return;
    opening = true;
    try {
      while (location.hash !== written) {
        const hash = location.hash;
        written = hash;
        // A link that could not be opened gives way to the moment still shown.
        if (!(await openMoment(page, hash, null)) && location.hash === hash) {
          history.replaceState(null, '', currentHash(page));
          written = location.hash;
        }
      }
    } finally {
      opening = false;
    }
  };
  addEventListener('popstate', follow);
  addEventListener('hashchange', follow);
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
    page = await startApp({ momentLink: () => `${location.origin}${location.pathname}${currentHash(page)}` });
  } catch (err) {
    showFatal('eventlab could not start', err?.message ?? String(err));
    return;
  }
  followTheme(page);
  await whenFirstFrameDrawn(page);
  page.firstFrameMs = Math.round(performance.now());
  document.getElementById('loading').hidden = true;
  document.getElementById('canvas').focus();
  try {
    await loadScenarioIndex(page);
  } catch (err) {
    page.showProblems('The scenario list could not be loaded:', [err.message]);
  }
  const wanted = new URLSearchParams(location.search).get('scenario');
  await openMoment(page, location.hash, wanted ?? page.scenarios[0]?.file);
  page.ready = true;
  followRunInHash(page);
}

main();
