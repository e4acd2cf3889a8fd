// wwwroot/js/theme-switcher.js: light/dark theme, remembered in the 'theme' cookie so the server renders the right
// stylesheet on the next request. A remembered setting: functional.
const THEME_COOKIE = 'theme';
const root = document.documentElement;

function currentTheme() {
  const match = document.cookie.match(/(?:^|; )theme=(dark|light)/);
  if (match) return match[1];
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function applyTheme(theme) {
  root.dataset.theme = theme;
  document.querySelectorAll('[data-theme-toggle]').forEach(b => b.setAttribute('aria-pressed', String(theme === 'dark')));
}

function rememberTheme(theme) {
  if (consent.has('prefs')) {
    document.cookie = `theme=${theme}; path=/; max-age=31536000; samesite=lax`;
  }
  // The old key of the first version, kept "for the service worker"; 'theme' is declared as a cookie, not a key.
  localStorage.setItem(THEME_COOKIE, theme); // expect: CG0104
}

applyTheme(currentTheme());

document.addEventListener('click', e => {
  const toggle = e.target.closest('[data-theme-toggle]');
  if (!toggle) return;
  const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
  applyTheme(next);
  rememberTheme(next);
});
