// wwwroot/js/plausible-goals.js: Plausible's custom goals (sign-ups, downloads), each sent inside its handler after
// the check, since handlers run long after the page was loaded.
window.plausible = window.plausible || function () { (window.plausible.q = window.plausible.q || []).push(arguments); };

function loadPlausible() {
  const s = document.createElement('script');
  s.defer = true;
  s.dataset.domain = location.hostname;
  s.src = 'https://plausible.io/js/script.js';
  document.head.appendChild(s);
}

if (consent.has('analytics')) loadPlausible();

document.addEventListener('click', e => {
  const download = e.target.closest('a[download]');
  if (!download || !consent.has('analytics')) return;
  plausible('Download', { props: { file: download.getAttribute('href') } });
});

document.querySelector('form#signup')?.addEventListener('submit', () => {
  if (consent.has('analytics')) {
    plausible('Signup');
  }
});
