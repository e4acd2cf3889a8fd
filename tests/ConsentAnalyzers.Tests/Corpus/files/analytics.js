// wwwroot/js/analytics.js: Google Analytics 4, loaded only once the visitor has accepted analytics.
const MEASUREMENT_ID = 'G-CORPUS9';

window.dataLayer = window.dataLayer || [];
function gtag() { dataLayer.push(arguments); }

function loadAnalytics() {
  const script = document.createElement('script');
  script.async = true;
  script.src = 'https://www.googletagmanager.com/gtag/js?id=G-CORPUS9';
  document.head.appendChild(script);

  gtag('js', new Date());
  gtag('config', MEASUREMENT_ID, { anonymize_ip: true });
}

function trackEvent(name, params) {
  if (!consent.has('analytics')) {
    return;
  }
  gtag('event', name, params || {});
}

if (consent.has('analytics')) {
  loadAnalytics();
} else {
  document.addEventListener('consent:changed', e => {
    if (e.detail.analytics && consent.has('analytics')) {
      loadAnalytics();
    }
  });
}

document.addEventListener('click', e => {
  const link = e.target.closest('a[data-track]');
  if (link) {
    trackEvent('select_content', { content_type: link.dataset.track, item_id: link.getAttribute('href') });
  }
});

window.trackEvent = trackEvent;
