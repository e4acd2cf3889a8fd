// wwwroot/js/session-recording.js: Hotjar and Microsoft Clarity for the UX team, behind the analytics check, but
// neither is declared in the policy.
const HOTJAR_ID = 3712345;
const CLARITY_ID = 'k3rq9x1ab2';

function loadHotjar() {
  window.hj = window.hj || function () { (window.hj.q = window.hj.q || []).push(arguments); };
  window._hjSettings = { hjid: HOTJAR_ID, hjsv: 6 };
  const s = document.createElement('script');
  s.async = true;
  s.src = `https://static.hotjar.com/c/hotjar-${HOTJAR_ID}.js?sv=6`; // expect: CG0201
  document.head.appendChild(s);
}

function loadClarity() {
  window.clarity = window.clarity || function () { (window.clarity.q = window.clarity.q || []).push(arguments); };
  const s = document.createElement('script');
  s.async = true;
  s.src = 'https://www.clarity.ms/tag/' + CLARITY_ID; // expect: CG0201
  document.head.appendChild(s);
}

if (consent.has('analytics')) {
  loadHotjar();
  loadClarity();
}
