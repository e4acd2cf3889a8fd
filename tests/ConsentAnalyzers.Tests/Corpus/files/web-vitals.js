// wwwroot/js/web-vitals.js: Core Web Vitals of real visits, sent to the in-house collector once analytics is
// accepted (the promise form of the banner's callback).
const VITALS_ENDPOINT = 'https://collect.example.com/vitals';
const pending = [];

function send(metric) {
  const body = JSON.stringify({ name: metric.name, value: Math.round(metric.value), page: location.pathname });
  navigator.sendBeacon(VITALS_ENDPOINT, body);
}

consent.whenGranted('analytics').then(() => {
  pending.splice(0).forEach(m => send(m));
});

new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    const metric = { name: entry.entryType === 'largest-contentful-paint' ? 'LCP' : 'CLS', value: entry.startTime || entry.value };
    if (consent.has('analytics')) {
      navigator.sendBeacon('https://collect.example.com/vitals', JSON.stringify(metric));
    } else {
      pending.push(metric);
    }
  }
}).observe({ type: 'largest-contentful-paint', buffered: true });
