// wwwroot/js/meta-pixel.js: the Meta pixel, added by marketing for a campaign. It waits for consent to advertising,
// but the policy (consent-manifest.json) was never told about it.
function loadMetaPixel(pixelId) {
  if (window.fbq) return;
  const queue = [];
  window.fbq = function () { queue.push(arguments); };
  window.fbq.queue = queue;

  const script = document.createElement('script');
  script.async = true;
  script.src = 'https://connect.facebook.net/en_US/fbevents.js'; // expect: CG0201
  document.head.appendChild(script);

  fbq('init', pixelId); // expect: CG0201
  fbq('track', 'PageView'); // expect: CG0201
}

consent.whenGranted('ads', () => loadMetaPixel('4410923387123'));
