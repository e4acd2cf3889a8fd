// wwwroot/js/privacy-signals.js: honours Global Privacy Control: a visitor whose browser sends it is treated as
// having refused advertising, and Google's Consent Mode is told so. Consent Mode commands send nothing.
window.dataLayer = window.dataLayer || [];
function gtag() { dataLayer.push(arguments); }

if (navigator.globalPrivacyControl === true) {
  gtag('consent', 'update', { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' });
  gtag('set', 'ads_data_redaction', true);
  document.documentElement.classList.add('gpc');
  document.querySelectorAll('[data-consent-category="ads"] input').forEach(i => { i.checked = false; i.disabled = true; });
}
