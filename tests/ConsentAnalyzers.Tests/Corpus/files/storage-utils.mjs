// wwwroot/js/storage-utils.mjs: shared storage helpers of the site's modules.
const RECENT_KEY = 'recently_viewed';
const MAX_RECENT = 12;

// A generic wrapper: every caller's key is a parameter here, so none of them can be checked at this write.
export function saveJson(key, value) {
  localStorage.setItem(key, JSON.stringify(value)); // expect: CG0102
}

export function loadJson(key, fallback = null) {
  try {
    return JSON.parse(localStorage.getItem(key)) ?? fallback;
  } catch {
    return fallback;
  }
}

export const recentlyViewed = {
  list() {
    return loadJson(RECENT_KEY, []);
  },
  add(productId) {
    if (!consent.has('prefs')) return;
    const next = [productId, ...this.list().filter(id => id !== productId)].slice(0, MAX_RECENT);
    localStorage.setItem(RECENT_KEY, JSON.stringify(next));
  },
  clear() {
    localStorage.removeItem(RECENT_KEY);
  },
};

export function rememberReturnPage() {
  if (siteConsent.functional) {
    sessionStorage.setItem('return_page', location.pathname + location.search);
  }
}
