// wwwroot/js/handlers-under-check.js: scroll-depth and CTA tracking. The first version registers its handlers under
// the check and tracks in them later, when the visitor may have withdrawn consent; the newsletter part is the fix.
if (consent.has('analytics')) {
  document.querySelectorAll('[data-cta]').forEach(el => {
    el.addEventListener('click', () => gtag('event', 'cta_click', { cta: el.dataset.cta })); // expect: CG0202
  });

  let deepest = 0;
  window.addEventListener('scroll', () => {
    const depth = Math.round((window.scrollY + window.innerHeight) / document.body.scrollHeight * 4) * 25;
    if (depth > deepest) {
      deepest = depth;
      gtag('event', 'scroll', { percent_scrolled: depth }); // expect: CG0202
    }
  }, { passive: true });

  setTimeout(function () {
    gtag('event', 'engaged_30s'); // expect: CG0202
  }, 30000);
}

document.querySelectorAll('form.newsletter').forEach(form => {
  form.addEventListener('submit', () => {
    if (consent.has('analytics')) {
      gtag('event', 'generate_lead', { form: 'newsletter' });
    }
  });
});
