// wwwroot/js/tag-bootstrap.js: the marketing pages' Google tag. Consent Mode starts denied; the banner updates it.
window.dataLayer = window.dataLayer || [];
function gtag() { dataLayer.push(arguments); }

// The landing pages load the tag as soon as analytics is accepted, and set the Consent Mode default afterwards:
// the tag's first page view goes out with no consent state.
function startLandingTag() {
  if (consent.has('analytics')) {
    const script = document.createElement('script');
    script.async = true;
    script.src = 'https://www.googletagmanager.com/gtag/js?id=G-CORPUS7'; // runs once this function has finished
    document.head.appendChild(script);
    gtag('js', new Date());
    gtag('config', 'G-CORPUS7'); // expect: CG0207
  }
  gtag('consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied' });
}

// The blog sets the default first, as Google's snippet does.
function startBlogTag() {
  gtag("consent", "default", { analytics_storage: "denied", ad_storage: "denied", wait_for_update: 500 });
  if (consent.has('analytics')) {
    gtag("js", new Date());
    gtag("config", "G-CORPUS7", { send_page_view: false });
  }
}

// The shop's default comes from the data layer directly (the consent platform's snippet), then the tag.
function startShopTag() {
  window.dataLayer.push(['consent', 'default', { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }]); // expect: CG0201
  if (consent.has('ads')) {
    gtag('config', 'AW-1234567');
  }
}

// Configured later, in a listener: the default at the top level below is another scope, not compared.
document.addEventListener('consent:changed', e => {
  if (e.detail.analytics && consent.has('analytics')) {
    gtag('config', 'G-CORPUS7', { page_path: location.pathname });
  }
});

gtag('consent', 'default', { analytics_storage: 'denied' });

switch (document.body.dataset.section) {
  case 'landing': startLandingTag(); break;
  case 'blog': startBlogTag(); break;
  case 'shop': startShopTag(); break;
}
