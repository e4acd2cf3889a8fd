// wwwroot/js/cookie-settings-page.js: the "Cookie settings" page: shows the current choices and, when a category
// is switched off, removes what that category had stored (removals are not writes).
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('cookie-settings');
  if (!form) return;

  for (const category of ['prefs', 'analytics', 'ads']) {
    form.elements[category].checked = consent.has(category);
  }

  document.addEventListener('consent:changed', e => {
    const choices = e.detail;
    if (!choices.analytics) {
      Cookies.remove('_ga', { path: '/', domain: '.' + location.hostname });
      sessionStorage.removeItem('landing_page');
      localStorage.removeItem('ab_variant');
    }
    if (!choices.ads) {
      ['utm_source', 'utm_medium', 'utm_campaign', 'gclid'].forEach(k => sessionStorage.removeItem(k));
    }
    if (!choices.prefs) {
      Object.keys(localStorage).filter(k => k.startsWith('draft:')).forEach(k => localStorage.removeItem(k));
      localStorage.removeItem('search_history');
      localStorage.removeItem('recently_viewed');
    }
    document.getElementById('settings-saved').hidden = false;
  });
});
