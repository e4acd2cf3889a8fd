// wwwroot/js/remarketing.js: Google Ads remarketing with Analytics audiences: needs both consents, checked together.
const ADS_ID = 'AW-1029384756';

if (consent.has('ads') && consent.has('analytics')) {
  const s = document.createElement('script');
  s.async = true;
  s.src = 'https://www.googletagmanager.com/gtag/js?id=AW-1029384756';
  document.head.appendChild(s);
  gtag('config', ADS_ID, { allow_enhanced_conversions: true });
  gtag('config', 'G-CORPUS9');
  const clickId = new URLSearchParams(location.search).get('gclid');
  if (clickId) sessionStorage.setItem('gclid', clickId);
}
