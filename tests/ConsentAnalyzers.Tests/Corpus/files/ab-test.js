// wwwroot/js/ab-test.js: assigns the visitor to a pricing-page experiment and reports the exposure to Analytics. The
// assignment itself is for measurement (analytics), so it waits for that consent too.
const EXPERIMENT = 'pricing-2026';
const VARIANTS = ['control', 'annual-first'];

function pickVariant() {
  return VARIANTS[Math.floor(Math.random() * VARIANTS.length)];
}

const allowed = consent.has('analytics');
let variant = localStorage.getItem('ab_variant');
if (!variant) {
  variant = pickVariant();
  if (allowed) {
    localStorage.setItem('ab_variant', variant);
    gtag('event', 'experience_impression', { exp_variant_string: `${EXPERIMENT}-${variant}` });
  }
}
document.documentElement.dataset.variant = variant;

// The server-side copy of the assignment, for the pricing API: one cookie per experiment, none declared.
if (allowed) {
  document.cookie = `exp_${EXPERIMENT}=${variant}; path=/; max-age=2592000`; // expect: CG0101
}
