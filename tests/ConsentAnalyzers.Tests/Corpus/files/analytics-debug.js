// wwwroot/js/analytics-debug.js: tooling for the analytics team: a debug mode and a first-touch landing page. Both
// were written around the banner's checks, and both get them slightly wrong.
const params = new URLSearchParams(location.search);

// "Allow debugging on staging": the query string overrides the visitor's choice.
let allowed = consent.has('analytics');
if (params.has('debug_analytics')) {
  allowed = true;
}
if (allowed) {
  gtag('config', 'G-CORPUS9', { debug_mode: true }); // expect: CG0202
}

// The landing page is analytics, but either consent lets it through.
if (consent.has('ads') || consent.has('analytics')) {
  sessionStorage.setItem('landing_page', location.pathname); // expect: CG0105
}

async function ping() {
  if (!(await consent.has('analytics'))) {
    console.info('analytics: no consent, ping skipped');
  } else {
    gtag('event', 'debug_ping', { at: Date.now() });
  }
}

if (params.has('debug_analytics')) {
  ping();
}
