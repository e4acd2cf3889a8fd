// wwwroot/js/attribution.js: remembers where a visitor came from (campaign parameters, the Google Ads click id, the
// landing page) for the sign-up form, in session storage.
(function () {
  const params = new URLSearchParams(window.location.search);
  const UTM = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];

  if (consent.has('ads')) {
    UTM.forEach(name => {
      const value = params.get(name);
      if (value) sessionStorage.setItem(name, value); // expect: CG0102
    });
    const gclid = params.get('gclid');
    if (gclid) {
      sessionStorage.setItem('gclid', gclid);
    }
    for (const [name, value] of params) {
      if (name.startsWith('utm_')) sessionStorage.setItem('utm_' + name.slice(4), value);
    }
    // Meta's click id, added with the pixel; not in the policy.
    const fbclid = params.get('fbclid');
    if (fbclid) sessionStorage.setItem('fbclid', fbclid); // expect: CG0103
  }

  if (consent.has('analytics') && !sessionStorage.getItem('landing_page')) {
    sessionStorage.setItem('landing_page', window.location.pathname);
  }
})();
