// Every rule that applies to the site's JavaScript, once. The consent check is consent.has (the manifest's script
// guard); the writes and calls below are what each rule reports.

// The consent cookie is declared, and strictly necessary: no check needed, nothing reported.
document.cookie = 'site_consent=analytics; path=/; max-age=31536000';

// CG0101: a cookie that consent-manifest.json does not declare.
document.cookie = 'promo_banner=dismissed; path=/';

// CG0102: a key only known at run time (its value comes from the page), so it cannot be checked against the manifest;
// CG0108 counts it once for the project, at the manifest.
localStorage.setItem(document.body.dataset.draftKey, '{}');

// CG0103: a local-storage key that the manifest does not declare.
localStorage.setItem('wizard_state', '{}');

// CG0104: the key is declared for session storage, and this writes it to local storage.
localStorage.setItem('landing_page', location.pathname);

// CG0105: a functional key written without a check for 'functional'.
localStorage.setItem('ui_theme', 'dark');

// CG0110: the manifest declares the theme cookie for at most a year ("maxAge": "P1Y"); this one lives 400 days.
if (consent.has('functional')) {
    document.cookie = 'theme=dark; path=/; max-age=34560000';
}

// CG0111: an advertising cookie that needs consent, kept for two years (730 days): beyond the 13-month lifetime cap.
if (consent.has('advertising')) {
    Cookies.set('ad_visit', 'spring-sale', { expires: 730 });
}

// CG0201: the Meta pixel, which the manifest does not declare.
fbq('track', 'PageView');

// CG0202: Google Analytics, declared as analytics, called without a consent check.
// CG0206: the same call sets up the Google tag, and no category of the manifest maps to Google Consent Mode (once per
// file, at the first place that sets the tag up).
gtag('config', 'G-GALLERY1');

// CG0203: an analytics key written under a check for advertising.
if (consent.has('advertising')) {
    sessionStorage.setItem('landing_page', location.pathname);
}

// CG0207: in this function the tag is configured before the Consent Mode default that follows it, so it starts with
// no consent state. (The call above is at the top level, which has no default: another scope, not compared.)
function setUpTags() {
    if (consent.has('analytics')) {
        gtag('config', 'G-GALLERY1');
    }
    gtag('consent', 'default', { analytics_storage: 'denied' });
}
setUpTags();

// Guarded: nothing reported.
if (consent.has('analytics')) {
    gtag('event', 'gallery_viewed');
}
