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
 * parameter, "dark" or "light") wins and is not remembered; a switch the reader makes in the app
 * (the button, T) is remembered when `remember` is set. setTheme calls from scripts are not.
 */
export function followTheme(page, { forced = null, remember = true } = {}) {
  const fixed = forced === 'dark' || forced === 'light' ? forced : null;
  const apply = (theme) => {
    page.setTheme(theme);
    paintPage(theme);
  };
  apply(fixed ?? saved() ?? systemTheme());
  matchMedia('(prefers-color-scheme: light)').addEventListener('change', () => {
    if (!fixed && !saved()) apply(systemTheme());
  });
  let toggles = page.themeToggles();
  let painted = page.theme();
  setInterval(() => {
    const now = page.theme();
    if (now !== painted) paintPage(now);
    painted = now;
    if (page.themeToggles() === toggles) return;
    toggles = page.themeToggles();
    if (!remember) return;
    try {
      localStorage.setItem(KEY, now);
    } catch {
      // not remembered; the choice still holds for this page
    }
  }, 250);
}
