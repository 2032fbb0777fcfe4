// What both page shells share (index.html and embed.html): check WebGL2, download the app
// module with a progress bar, start it on #canvas, and build the page API:
//   window.eventlab      the lab the UI drives (web/eventlab.mjs over the app module, same lab id)
//   window.eventlabPage  the page's own functions: scenario loading (the picker's path) and
//                        read-outs of the UI for tests (frame count, widget rectangles, banner).
import { attachAccessibleText } from './accessible.mjs';
import { attachClipboard, copyText } from './clipboard.mjs';
import { wrapModule } from './eventlab.mjs';
import { fetchWithProgress, hasWebGL2, loadScript } from './loader.mjs';
import { attachWheel } from './wheel.mjs';

const canvas = document.getElementById('canvas');
const loading = document.getElementById('loading');
const progress = document.getElementById('progress');
const status = document.getElementById('status');

export function showFatal(title, message) {
  loading.hidden = true;
  document.getElementById('fatal-title').textContent = title;
  document.getElementById('fatal-message').textContent = message;
  document.getElementById('fatal').hidden = false;
}

const kib = (n) => `${Math.round(n / 1024).toLocaleString('en')} KB`;

// What the loading bar showed: bytes of the .wasm received, the Content-Length, progress updates.
const download = { bytes: 0, total: 0, updates: 0 };

function showProgress(loaded, total) {
  Object.assign(download, { bytes: loaded, total, updates: download.updates + 1 });
  progress.max = total || loaded || 1;
  progress.value = loaded;
  status.textContent = `Downloading the simulator: ${kib(loaded)}${total ? ` of ${kib(total)}` : ''}`;
}

// Keys typed into the page's own DOM controls (the toolbar, later an editor) are theirs: the
// app's GLFW listens on the whole window and would act on them too (Space would also step).
// Tab on the canvas leaves it for the next control unless an ImGui text field has the keyboard
// (GLFW would keep it). Key-ups always reach the app, so a key (Shift of Shift+Tab) pressed on
// the canvas and released elsewhere is not left held. Registered before the app starts, so
// these listeners run first.
let appKeyHandle = null;
for (const type of ['keydown', 'keypress']) {
  addEventListener(type, (event) => {
    const target = event.target;
    const inDom = target instanceof HTMLElement && target !== canvas && target !== document.body;
    const tabOut = event.key === 'Tab' && target === canvas && appKeyHandle && !appKeyHandle();
    if (inDom || tabOut) event.stopImmediatePropagation();
  }, true);
}

/**
 * Starts the app. options.cooperativeWheel: the wheel scrolls the host page until the view is
 * clicked (embeds). options.momentLink(): the URL "Copy link" puts on the clipboard.
 */
export async function startApp({ cooperativeWheel = false, momentLink = () => location.href } = {}) {
  const [wasmBinary] = await Promise.all([
    fetchWithProgress('./eventlab-app.wasm', showProgress),
    loadScript('./eventlab-app.js'),
  ]);
  status.textContent = 'Starting the simulator...';
  let page = null;
  const module = await globalThis.createEventLabAppModule({
    canvas,
    wasmBinary,
    // The UI's scenario picker asks for a file; the page fetches and loads it (below).
    onScenarioRequest: (file) => page?.loadScenarioFile(file),
    onAppError: (message) => showFatal('eventlab could not start', message),
    printErr: (text) => console.warn(text),
  });
  const handle = module.eventlabApp;
  if (handle === undefined) throw new Error('the app did not start (no WebGL2 context?)');
  const eventlab = wrapModule(module, { labId: module.appLabId(handle) });
  page = createPageApi(module, handle, eventlab);
  window.eventlab = eventlab;
  window.eventlabPage = page;
  connectDom(page, { cooperativeWheel, momentLink });
  return page;
}

/** The wheel, the clipboard, the keyboard guard and the text outside the canvas. */
function connectDom(page, { cooperativeWheel, momentLink }) {
  const { module, handle } = page;
  appKeyHandle = () => module.appWantsTextInput(handle);
  const hint = document.getElementById('wheel-hint');
  let hintTimer = 0;
  attachWheel(canvas, (x, y) => module.appWheel(handle, x, y), {
    cooperative: cooperativeWheel,
    onPassed: () => {
      if (!hint) return;
      hint.hidden = false;
      clearTimeout(hintTimer);
      hintTimer = setTimeout(() => { hint.hidden = true; }, 1500);
    },
  });
  let text = null;
  attachClipboard(module, handle, {
    onCopied: (copied, ok) => text?.announce(ok ? `Copied: ${copied.slice(0, 80)}` : 'Copying was refused by the browser'),
  });
  const copyLink = async () => {
    const link = momentLink();
    const ok = await copyText(link);
    page.lastCopied = link;
    text?.announce(ok ? 'Link to this moment copied' : 'Copying was refused by the browser');
  };
  module.onCopyLink = copyLink;
  const lab = window.eventlab;
  const guarded = (run) => () => { try { run(); } catch (err) { text?.announce(err.message); } };
  text = attachAccessibleText(module, handle, [
    ['Step back', guarded(() => lab.stepBack())],
    ['Step', guarded(() => lab.step())],
    ['Run or pause', guarded(() => page.setRunning(!page.running()))],
    ['Copy link to this moment', copyLink],
    ['Copy the selected event', guarded(() => {
      const selected = module.appStatus(handle).selected;
      if (selected) copyText(selected.line).then((ok) => text.announce(ok ? `Copied event #${selected.seq}` : 'Copying was refused'));
      else text.announce('No event is selected');
    })],
    ['Show the shortcuts', guarded(() => page.toggleHelp())],
  ]);
}

function createPageApi(module, handle, eventlab) {
  const page = {
    module,
    handle,
    /** True once the scenario list and the first scenario have been loaded. */
    ready: false,
    /** The app's .wasm download as the loading bar counted it: {bytes, total, updates}. */
    download,
    /** Milliseconds from the start of navigation to the app's first drawn frame. */
    firstFrameMs: null,
    /** Loads JSON text as scenario `file` through window.eventlab.load; a failure shows the
     *  banner and keeps the previous scenario. Resolves to {ok, error?}. */
    async loadScenarioText(file, text) {
      try {
        await eventlab.load(text);
      } catch (err) {
        const message = err?.message ?? String(err);
        const problems = (err?.problems ?? []).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
        module.appSetLoadResult(handle, file, message, problems);
        return { ok: false, error: message, problems };
      }
      module.appSetLoadResult(handle, file, '', []);
      page.onScenarioLoaded?.(file);
      return { ok: true };
    },
    /** Fetches scenarios/<file> and loads it (what the picker does). */
    async loadScenarioFile(file) {
      let text;
      try {
        const response = await fetch(`./scenarios/${encodeURIComponent(file)}`);
        if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
        text = await response.text();
      } catch (err) {
        module.appSetLoadResult(handle, file, `could not fetch: ${err.message}`, []);
        return { ok: false, error: err.message };
      }
      return page.loadScenarioText(file, text);
    },
    scenarios: [],
    frameCount: () => module.appFrameCount(handle),
    frameMs: () => module.appFrameMs(handle),
    /** The last frame's parts in ms: {ui (UI build and graph scene), submit (draw calls)}. */
    frameParts: () => module.appFrameParts(handle),
    /** {x, y, width, height} in CSS pixels of a named widget ("step", "scenario:hello.json"). */
    widgetRect: (name) => module.appWidgetRect(handle, name),
    widgetNames: () => module.appWidgetNames(handle),
    loadError: () => module.appLoadError(handle),
    /** Every problem the banner lists ("path: message"), [] without a banner. */
    loadProblems: () => module.appLoadProblems(handle).split('\n').filter(Boolean),
    /** Shows the banner with a headline and every problem (a bad link, say). */
    showProblems: (headline, problems) => module.appShowProblems(handle, headline, problems),
    /** Why the seed field refuses its text, or "". */
    seedError: () => module.appSeedError(handle),
    /** {title, announcement, step, total, running, selected: {seq, summary, line} | null}. */
    status: () => module.appStatus(handle),
    /** True when the page is laid out for a narrow screen (one view behind tabs). */
    narrow: () => module.appNarrow(handle),
    /** The graph's camera: {zoom, panX, panY}. */
    graphCamera: () => module.appGraphCamera(handle),
    narrowView: () => module.appNarrowView(handle),
    /** The last text "Copy link" put on the clipboard. */
    lastCopied: null,
    currentFile: () => module.appCurrentFile(handle),
    selectedSeq: () => module.appSelectedSeq(handle),
    helpVisible: () => module.appHelpVisible(handle),
    toggleHelp: () => module.appSetHelpVisible(handle, !module.appHelpVisible(handle)),
    running: () => module.appRunning(handle),
    /** The bucket view's last Presign result: {bucket, url, error}; url or error is empty. */
    presignResult: () => module.appPresignResult(handle),
    /** The graph's particles as drawn last frame: [{eventId, seq, x, y}] (CSS pixels; seq 0 in flight). */
    particles: () => module.appParticles(handle),
    /** {nodes, instances, error}: graph nodes, instances the WebGL2 renderer drew, shader error. */
    graphInfo: () => module.appGraphInfo(handle),
    /** The graph's node labels as drawn last frame: [{address, x, y, width, height, text, counter,
     *  terms: [{value, key, equals}], elided, hidden}] (CSS pixels; terms say where each counted
     *  number comes from in the resource's state). */
    labels: () => module.appLabels(handle),
    /** The delivery whose causes the graph highlights ("Why?"), 0 for none. */
    whySeq: () => module.appWhySeq(handle),
    /** The in-flight event picked on the graph, 0 for none. */
    selectedPendingId: () => module.appSelectedPendingId(handle),
    /** Shows one view under a strip of controls ("graph", "sequence", "trace", "inspector",
     *  "resources"), or the full app for ""; false for an unknown view. */
    setEmbedView: (view) => module.appSetEmbedView(handle, view),
    embedView: () => module.appEmbedView(handle),
    theme: () => module.appTheme(handle),
    /** How often the reader switched the theme in the app (not counting setTheme calls). */
    themeToggles: () => module.appThemeToggles(handle),
    /** "dark" or "light"; false for anything else. */
    setTheme: (theme) => module.appSetTheme(handle, theme),
    setRunning: (running) => module.appSetRunning(handle, !!running),
  };
  return page;
}

export async function loadScenarioIndex(page) {
  const response = await fetch('./scenarios/index.json');
  if (!response.ok) throw new Error(`scenarios/index.json: HTTP ${response.status}`);
  const text = await response.text();
  page.scenarios = JSON.parse(text).scenarios;
  page.module.appSetScenarioIndex(page.handle, text);
}

export function whenFirstFrameDrawn(page) {
  return new Promise((resolve) => {
    const poll = () => (page.frameCount() > 0 ? resolve() : requestAnimationFrame(poll));
    poll();
  });
}

