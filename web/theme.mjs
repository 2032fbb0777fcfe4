// The page's theme: the reader's own choice if they made one (remembered in localStorage), else
// the system's prefers-color-scheme, followed live until they choose.

const KEY = 'eventlab.theme';

function saved() {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'dark' || value === 'light' ? value : null;
  } catch {
    return null;  // storage blocked (a sandboxed iframe, privacy settings)
  }
}

const systemTheme = () => (matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark');

function paintPage(theme) {
  // The page around the canvas (loading card, overscroll) matches the app.
  document.documentElement.style.colorScheme = theme;
  document.body.style.background = theme === 'light' ? '#eef0f4' : '#121418';
}

/**
 * Applies the theme to `page` (window.eventlabPage) and keeps following it: `forced` (a query
 * parameter) wins and is not remembered; a change the reader makes in the app (button, T) is
 * remembered when `remember` is set.
 */
export function followTheme(page, { forced = null, remember = true } = {}) {
  let current = forced === 'dark' || forced === 'light' ? forced : saved() ?? systemTheme();
  page.setTheme(current);
  paintPage(current);
  matchMedia('(prefers-color-scheme: light)').addEventListener('change', () => {
    if (forced || saved()) return;
    current = systemTheme();
    page.setTheme(current);
    paintPage(current);
  });
  setInterval(() => {
    const now = page.theme();
    if (now === current) return;
    current = now;
    paintPage(now);
    if (remember) {
      try {
        localStorage.setItem(KEY, now);
      } catch {
        // not remembered; the choice still holds for this page
      }
    }
  }, 250);
}
