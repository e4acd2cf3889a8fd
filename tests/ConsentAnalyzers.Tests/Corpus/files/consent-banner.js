// wwwroot/js/consent-banner.js: the site's cookie banner. It keeps the visitor's choices (strictly necessary, declared
// as such) and exposes the consent object every other script checks: consent.has, consent.whenGranted, siteConsent.
(function () {
  'use strict';

  const COOKIE = 'app_consent';
  const STORE_KEY = 'consent_choices';
  const CATEGORIES = ['prefs', 'analytics', 'ads'];
  const waiting = [];

  function readChoices() {
    try {
      return JSON.parse(localStorage.getItem(STORE_KEY)) || null;
    } catch (e) {
      return null;
    }
  }

  let choices = readChoices();

  function saveChoices(next) {
    choices = next;
    localStorage.setItem(STORE_KEY, JSON.stringify(next));
    document.cookie = `app_consent=${CATEGORIES.filter(c => next[c]).join('.')}; path=/; max-age=15552000; samesite=lax`;
    window.siteConsent = { analytics: !!next.analytics, functional: !!next.prefs, ads: !!next.ads };
    updateGoogleConsent(next);
    waiting.splice(0).forEach(w => w());
    document.dispatchEvent(new CustomEvent('consent:changed', { detail: next }));
  }

  window.dataLayer = window.dataLayer || [];
  function gtag() { dataLayer.push(arguments); }
  gtag('consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' });

  function updateGoogleConsent(next) {
    gtag('consent', 'update', {
      analytics_storage: next.analytics ? 'granted' : 'denied',
      ad_storage: next.ads ? 'granted' : 'denied',
    });
  }

  window.consent = {
    has(category) {
      return !!(choices && choices[category]);
    },
    whenGranted(category, callback) {
      const run = () => { if (choices && choices[category]) callback(); };
      if (choices) run(); else waiting.push(run);
    },
  };
  window.siteConsent = { analytics: !!(choices && choices.analytics), functional: !!(choices && choices.prefs), ads: !!(choices && choices.ads) };

  document.addEventListener('DOMContentLoaded', () => {
    const banner = document.getElementById('cookie-banner');
    if (!banner) return;
    if (!choices) banner.hidden = false;
    banner.querySelector('[data-consent="all"]').addEventListener('click', () => {
      saveChoices({ prefs: true, analytics: true, ads: true });
      banner.hidden = true;
    });
    banner.querySelector('[data-consent="necessary"]').addEventListener('click', () => {
      saveChoices({ prefs: false, analytics: false, ads: false });
      banner.hidden = true;
    });
    banner.querySelector('form').addEventListener('submit', e => {
      e.preventDefault();
      const data = new FormData(e.target);
      saveChoices(Object.fromEntries(CATEGORIES.map(c => [c, data.get(c) === 'on'])));
      banner.hidden = true;
    });
  });

  if (document.cookie.indexOf(COOKIE + '=') < 0) {
    localStorage.removeItem(STORE_KEY);
  }
})();
