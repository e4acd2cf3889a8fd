// wwwroot/js/chat-widget.js: Intercom's messenger, loaded when the visitor has accepted functional cookies.
const INTERCOM_APP_ID = 'k9xq2w7e';

// Intercom's queue: calls made before the widget has loaded are replayed by it.
window.Intercom = function () { window.Intercom.q.push(arguments); };
window.Intercom.q = [];

function bootIntercom(user) {
  window.intercomSettings = { api_base: 'https://api-iam.intercom.io', app_id: INTERCOM_APP_ID, ...user };
  const script = document.createElement('script');
  script.async = true;
  script.src = 'https://widget.intercom.io/widget/' + INTERCOM_APP_ID;
  document.body.appendChild(script);
  window.Intercom('boot', window.intercomSettings);
  sessionStorage.setItem('chat_open', '0');
}

consent.whenGranted('prefs', () => {
  const user = document.body.dataset.userEmail ? { email: document.body.dataset.userEmail } : {};
  bootIntercom(user);
});

// Tells support which plan the visitor looked at; runs on every pricing click, consent or not.
document.querySelectorAll('[data-plan]').forEach(card => {
  card.addEventListener('click', () => {
    Intercom('trackEvent', 'viewed-plan', { plan: card.dataset.plan }); // expect: CG0202
  });
});
