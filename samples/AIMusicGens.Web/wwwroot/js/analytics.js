// The Google tag, loaded only for the categories the visitor consented to: nothing loads (and no _ga or _gcl_*
// cookie is set) before a choice. One tag per product, because each product has its own category: a visitor may
// allow analytics and refuse advertising. Advertising is also off while the browser sends Global Privacy Control:
// the server applies the manifest's optOutSignals before it renders the granted categories.
window.dataLayer = window.dataLayer || [];
function gtag() { dataLayer.push(arguments); }

function loadGoogleTag(id) {
    var script = document.createElement('script');
    script.async = true;
    script.src = 'https://www.googletagmanager.com/gtag/js?id=' + id;
    document.head.appendChild(script);
}

if (consent.has('analytics')) {
    loadGoogleTag('G-XXXXXXXXXX');
    gtag('js', new Date());
    // The policy allows "up to 2 years depending on configuration"; this site configures 13 months, the cap for
    // audience measurement: the manifest's maxAge P13M, read at 30 days a month (390 days), as the storage disclosure
    // publishes it, so the cookie never outlives what the site discloses.
    gtag('config', 'G-XXXXXXXXXX', { cookie_expires: 33696000 });

    // Attribution: the first page of the visit (analytics). Later pages of the same tab keep the first one.
    if (!sessionStorage.getItem('landing_page')) {
        sessionStorage.setItem('landing_page', location.pathname + location.search);
    }
}

if (consent.has('advertising')) {
    loadGoogleTag('AW-XXXXXXXXX');
    gtag('js', new Date());
    gtag('config', 'AW-XXXXXXXXX');

    // Attribution: the Google Ads click identifiers of the ad that brought the visitor (advertising), kept for the
    // tab so a conversion later in the visit can be attributed to the click.
    var query = new URLSearchParams(location.search);
    if (query.has('gclid')) { sessionStorage.setItem('gclid', query.get('gclid')); }
    if (query.has('gbraid')) { sessionStorage.setItem('gbraid', query.get('gbraid')); }
    if (query.has('wbraid')) { sessionStorage.setItem('wbraid', query.get('wbraid')); }
}
