// wwwroot/js/legacy-ga.js: Universal Analytics (analytics.js) of the old support pages, still served. Its page view
// was put behind the banner's flag; the error tracking added later was not.
(function (i, s, o, g, r) {
  i.GoogleAnalyticsObject = r;
  i[r] = i[r] || function () { (i[r].q = i[r].q || []).push(arguments); };
  i[r].l = 1 * new Date();
})(window, document, 'script', null, 'ga');

if (window.siteConsent.analytics) {
  const a = document.createElement('script');
  a.async = true;
  a.src = 'https://www.google-analytics.com/analytics.js';
  document.head.appendChild(a);
  ga('create', 'UA-4410923-2', 'auto');
  ga('set', 'anonymizeIp', true);
  ga('send', 'pageview');
}

window.addEventListener('error', e => {
  ga('send', 'exception', { exDescription: e.message, exFatal: false }); // expect: CG0202
});
