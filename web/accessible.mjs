// Text outside the canvas, for screen readers, the tab strip and the keyboard: a visually hidden
// live region that announces each step and the selected event, document.title with the scenario
// and the step, and a toolbar of real buttons that Tab reaches (shown while it has focus). The
// canvas itself is one opaque element to assistive technology.

const STATUS_EVERY_MS = 200;

// Visually hidden but read by screen readers (the usual "sr-only" rules).
const HIDDEN = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;' +
  'clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0';

function element(tag, attributes = {}, text = '') {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

function buildToolbar(actions) {
  const bar = element('div', { role: 'toolbar', 'aria-label': 'Simulator controls', id: 'dom-toolbar' });
  const style = element('style');
  style.textContent = `
    #dom-toolbar { position: fixed; left: 0; right: 0; top: 0; z-index: 5; display: flex; gap: .5rem;
      flex-wrap: wrap; padding: .4rem; background: #1b1e25; transform: translateY(-110%); }
    #dom-toolbar:focus-within { transform: none; }
    #dom-toolbar button { font: inherit; padding: .25rem .7rem; border-radius: 4px; border: 1px solid #4a5060;
      background: #272b35; color: #e8ecf2; }
    #dom-toolbar button:focus-visible { outline: 2px solid #72bff9; outline-offset: 1px; }`;
  document.head.append(style);
  for (const [label, run] of actions) {
    const button = element('button', { type: 'button', 'data-action': label }, label);
    button.addEventListener('click', run);
    bar.append(button);
  }
  return bar;
}

/**
 * Adds the live region, the selected-event text and the toolbar, and keeps them and the title in
 * step with the app. `actions` are [label, onClick] pairs for the toolbar. Returns {announce}
 * for one-off messages ("Link copied").
 */
export function attachAccessibleText(module, handle, actions) {
  const live = element('div', { id: 'live-step', role: 'status', 'aria-live': 'polite', style: HIDDEN });
  const selected = element('div', { id: 'live-selected', 'aria-live': 'polite', style: HIDDEN });
  const notice = element('div', { id: 'live-notice', role: 'alert', style: HIDDEN });
  const toolbar = buildToolbar(actions);
  document.body.prepend(toolbar);
  document.body.append(live, selected, notice);

  let last = {};
  const update = () => {
    let status;
    try {
      status = module.appStatus(handle);
    } catch {
      return;  // the app is not drawing yet
    }
    if (status.title !== last.title) document.title = status.title;
    if (status.announcement !== last.announcement) live.textContent = status.announcement;
    const text = status.selected ? `Selected #${status.selected.seq}: ${status.selected.summary}` : '';
    if (text !== last.selectedText) selected.textContent = text;
    last = { title: status.title, announcement: status.announcement, selectedText: text };
  };
  update();
  setInterval(update, STATUS_EVERY_MS);
  return {
    announce(message) {
      notice.textContent = '';
      // A new node each time, so the same message twice is read twice.
      requestAnimationFrame(() => { notice.textContent = message; });
    },
  };
}
