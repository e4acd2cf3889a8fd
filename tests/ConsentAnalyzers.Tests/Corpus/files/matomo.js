// wwwroot/js/matomo.js: self-hosted Matomo, started when the banner's flag for analytics is set.
var _paq = window._paq = window._paq || [];
const MATOMO_URL = 'https://stats.example.org/';

if (siteConsent.analytics) {
  _paq.push(['setDocumentTitle', document.domain + '/' + document.title]);
  _paq.push(['trackPageView']);
  _paq.push(['enableLinkTracking']);
  _paq.push(['setTrackerUrl', MATOMO_URL + 'matomo.php']);
  _paq.push(['setSiteId', '3']);

  const g = document.createElement('script');
  g.async = true;
  g.src = 'https://stats.example.org/matomo.js';
  document.getElementsByTagName('head')[0].appendChild(g);

  // Downloads are tracked when they are clicked: later, when the check above may no longer hold.
  document.querySelectorAll('a[download]').forEach(a => {
    a.addEventListener('click', () => {
      _paq.push(['trackEvent', 'Downloads', 'click', a.getAttribute('href')]); // expect: CG0202
    });
  });
}

document.addEventListener('consent:changed', e => {
  if (!e.detail.analytics) {
    // Meant to measure how many visitors withdraw; it tracks exactly those who said no.
    _paq.push(['trackEvent', 'Consent', 'withdrawn']); // expect: CG0202
  }
});
