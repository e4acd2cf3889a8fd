// wwwroot/js/feature-flags.js: the site's feature switches, fetched once and cached (declared as necessary), with a
// developer override through the query string.
const FLAGS_KEY = 'feature_flags';

async function loadFlags() {
  const cached = localStorage.getItem(FLAGS_KEY);
  if (cached) {
    const { at, flags } = JSON.parse(cached);
    if (Date.now() - at < 5 * 60 * 1000) return flags;
  }
  const response = await fetch('/api/features');
  const flags = await response.json();
  localStorage.setItem(FLAGS_KEY, JSON.stringify({ at: Date.now(), flags }));
  return flags;
}

function applyOverrides(flags) {
  const params = new URLSearchParams(location.search);
  for (const [name, value] of params) {
    if (!name.startsWith('ff.')) continue;
    flags[name.slice(3)] = value === 'on';
    localStorage.setItem('ff_override_' + name.slice(3), value); // expect: CG0103
  }
  return flags;
}

window.featuresReady = loadFlags().then(applyOverrides).then(flags => {
  document.documentElement.classList.toggle('new-checkout', !!flags.newCheckout);
  return flags;
});
