// wwwroot/js/tracking-helpers.js: the product team's event helpers (Mixpanel, Plausible, Application Insights and
// the in-house collector), each checking consent itself since pages call them from anywhere.
const COLLECT_URL = 'https://collect.example.com/e';

function track(event, properties) {
  if (!consent.has('analytics')) return;
  mixpanel.track(event, properties);
  plausible(event, { props: properties });
}

function trackPage() {
  if (siteConsent.analytics !== true) {
    return;
  }
  window.appInsights.trackPageView({ name: document.title });
  mixpanel.track_pageview();
}

function identify(userId) {
  consent.has('analytics') && mixpanel.identify(userId);
}

function beacon(name, data) {
  const payload = JSON.stringify({ name, data, at: Date.now() });
  return siteConsent.analytics ? navigator.sendBeacon(COLLECT_URL, payload) : false;
}

// Outbound links: added for a quarterly report, without the check the others have.
function trackOutbound(href) {
  navigator.sendBeacon('https://collect.example.com/out', JSON.stringify({ href })); // expect: CG0202
}

document.addEventListener('click', e => {
  const a = e.target.closest('a[href^="http"]');
  if (a && a.host !== location.host) trackOutbound(a.href);
});

window.siteTracking = { track, trackPage, identify, beacon };
