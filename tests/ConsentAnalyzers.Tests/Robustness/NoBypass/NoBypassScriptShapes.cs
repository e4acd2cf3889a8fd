namespace ConsentAnalyzers.Tests.Robustness.NoBypass;

/// <summary>
/// The no-bypass table of the site's JavaScript: every shape docs/javascript.md describes, run through the script
/// analyzer against <c>ScriptAnalyzerTests.Manifest</c>. Its script guards are <c>consent.has('analytics'|'ads'|'prefs')</c>,
/// <c>siteConsent.analytics</c> and the callback guard <c>consent.whenGranted('analytics'|'ads', …)</c>; cookies "_ga"
/// (analytics) and "app_consent" (necessary) are declared, "promo_seen" is not (nor as a storage key); "draft:*" is a
/// functional localStorage key, "gclid" an advertising sessionStorage key; Google Analytics and collect.example.com are
/// declared trackers (analytics), the Meta Pixel, Google Ads, Google Tag Manager and Matomo are not.
/// </summary>
internal static class NoBypassScriptShapes
{
    private static BypassShape Script(string name, BypassOutcome outcome, string code, string? reason = null) => new(name, outcome, code, reason);

    public static IReadOnlyList<BypassShape> All { get; } =
    [
        // Storage: every spelling of a write
        Script("storage: localStorage.setItem", BypassOutcome.Resolved, "localStorage.setItem('{|CG0103:promo_seen|}', '1');"),
        Script("storage: sessionStorage.setItem, unguarded", BypassOutcome.Resolved, "sessionStorage.setItem('{|CG0105:gclid|}', id);"),
        Script("storage: indexer", BypassOutcome.Resolved, "localStorage['{|CG0103:promo_seen|}'] = '1';"),
        Script("storage: property", BypassOutcome.Resolved, "localStorage.{|CG0103:promo_seen|} = '1';"),
        Script("storage: window.", BypassOutcome.Resolved, "window.localStorage.setItem('{|CG0103:promo_seen|}', '1');"),
        Script("storage: self.", BypassOutcome.Resolved, "self.sessionStorage.setItem('{|CG0103:promo_seen|}', '1');"),
        Script("storage: globalThis. and an indexer", BypassOutcome.Resolved, "globalThis.localStorage['{|CG0103:promo_seen|}'] = '1';"),
        Script("storage: area and method by string members", BypassOutcome.Resolved,
            "window['localStorage']['setItem']('{|CG0103:promo_seen|}', '1');"),
        Script("storage: optional chaining", BypassOutcome.Resolved, "window.localStorage?.setItem('{|CG0103:promo_seen|}', '1');"),
        Script("storage: alias bound once", BypassOutcome.Resolved,
            "const store = window.sessionStorage;\nstore.setItem('{|CG0103:promo_seen|}', '1');"),
        Script("storage: session key written to localStorage", BypassOutcome.Resolved, "localStorage.setItem('{|CG0104:gclid|}', id);"),
        Script("storage: reads and removals are not writes", BypassOutcome.Allowed,
            "const v = localStorage.getItem('promo_seen'); localStorage.removeItem('promo_seen'); sessionStorage.clear();"),
        Script("storage: alias assigned again", BypassOutcome.KnownLimit,
            "let store = localStorage;\nif (preferSession) { store = sessionStorage; }\nstore.setItem('promo_seen', '1');", Reasons.StorageAlias),
        Script("storage: area passed as an argument", BypassOutcome.KnownLimit,
            "function save(area) { area.setItem('promo_seen', '1'); }\nsave(localStorage);", Reasons.StorageAlias),
        Script("storage: method reached by a computed name", BypassOutcome.KnownLimit,
            "localStorage[method]('promo_seen', '1');", Reasons.ComputedMember),

        // Keys: where the name comes from
        Script("key: template with a hole covered by a pattern, guarded", BypassOutcome.Allowed,
            "if (consent.has('prefs')) { localStorage.setItem(`draft:${id}`, text); }"),
        Script("key: template with a hole covered by a pattern, unguarded", BypassOutcome.Resolved,
            "localStorage.setItem({|CG0105:`draft:${id}`|}, text);"),
        Script("key: template with a hole no pattern covers", BypassOutcome.Resolved, "localStorage.setItem({|CG0103:`wiz_${step}`|}, '1');"),
        Script("key: template of holes only", BypassOutcome.ReportedUnresolved, "localStorage.setItem({|CG0102:`${area}${id}`|}, '1');"),
        Script("key: concatenation of literals", BypassOutcome.Resolved, "localStorage.setItem({|CG0103:'promo_' + 'seen'|}, '1');"),
        Script("key: concatenation with a variable", BypassOutcome.Resolved, "localStorage.setItem({|CG0105:'draft:' + id|}, text);"),
        Script("key: concatenation of variables only", BypassOutcome.ReportedUnresolved, "localStorage.setItem({|CG0102:prefix + id|}, '1');"),
        Script("key: const bound once", BypassOutcome.Resolved, "const KEY = 'promo_seen';\nlocalStorage.setItem({|CG0103:KEY|}, '1');"),
        Script("key: let assigned again", BypassOutcome.ReportedUnresolved,
            "let key = 'draft:1';\nkey = nextKey();\nlocalStorage.setItem({|CG0102:key|}, '1');"),
        Script("key: name declared twice (scopes are not told apart)", BypassOutcome.ReportedUnresolved,
            "const key = 'promo_seen';\nfunction save(key) { localStorage.setItem({|CG0102:key|}, '1'); }\nsave(key);"),
        Script("key: object literal property", BypassOutcome.Resolved,
            "const KEYS = { promo: 'promo_seen' };\nlocalStorage.setItem({|CG0103:KEYS.promo|}, '1');"),
        Script("key: object literal whose property is written", BypassOutcome.ReportedUnresolved,
            "const KEYS = { promo: 'promo_seen' };\nKEYS.promo = other;\nlocalStorage.setItem({|CG0102:KEYS.promo|}, '1');"),
        Script("key: object literal with a spread", BypassOutcome.ReportedUnresolved,
            "const KEYS = { promo: 'promo_seen', ...overrides };\nlocalStorage.setItem({|CG0102:KEYS.promo|}, '1');"),
        Script("key: function result", BypassOutcome.ReportedUnresolved, "localStorage.setItem({|CG0102:getKey()|}, '1');"),
        Script("key: computed indexer", BypassOutcome.ReportedUnresolved, "localStorage[{|CG0102:getKey()|}] = '1';"),
        Script("key: parameter", BypassOutcome.ReportedUnresolved,
            "function save(k) { localStorage.setItem({|CG0102:k|}, '1'); }\nsave('promo_seen');"),
        Script("key: destructured", BypassOutcome.ReportedUnresolved,
            "const { key } = settings;\nlocalStorage.setItem({|CG0102:key|}, '1');"),

        // Cookies
        Script("cookie: document.cookie string", BypassOutcome.Resolved, "document.cookie = '{|CG0101:promo_seen|}=1; path=/';"),
        Script("cookie: window.document.cookie", BypassOutcome.Resolved, "window.document.cookie = \"{|CG0101:promo_seen|}=1\";"),
        Script("cookie: template with a hole in the value", BypassOutcome.Resolved,
            "document.cookie = `{|CG0101:promo_seen|}=${value}; max-age=60`;"),
        Script("cookie: concatenation", BypassOutcome.Resolved, "document.cookie = '{|CG0101:promo_seen|}=' + value;"),
        Script("cookie: template with a hole in the name", BypassOutcome.Resolved,
            "if (consent.has('analytics')) { document.cookie = `_ga_${id}=1`; }\ndocument.cookie = {|CG0105:`_ga_${id}=1`|};"),
        Script("cookie: name from a variable", BypassOutcome.ReportedUnresolved, "document.cookie = {|CG0102:name + '=' + value|};"),
        Script("cookie: string not known", BypassOutcome.ReportedUnresolved, "document.cookie = {|CG0102:cookieString|};"),
        Script("cookie: necessary cookie", BypassOutcome.Allowed, "document.cookie = 'app_consent=1; path=/; max-age=31536000';"),
        Script("cookie: analytics cookie, guarded", BypassOutcome.Allowed,
            "if (consent.has('analytics')) { document.cookie = '_ga=GA1.1.1; max-age=100'; }"),
        Script("cookie: analytics cookie, unguarded", BypassOutcome.Resolved, "document.cookie = '{|CG0105:_ga|}=GA1.1.1; max-age=100';"),
        Script("cookie: cookieStore.set with a name", BypassOutcome.Resolved, "cookieStore.set('{|CG0101:promo_seen|}', '1');"),
        Script("cookie: cookieStore.set with an options object", BypassOutcome.Resolved,
            "cookieStore.set({|CG0101:{ name: 'promo_seen', value: '1' }|});"),
        Script("cookie: js-cookie Cookies.set", BypassOutcome.Resolved, "Cookies.set('{|CG0101:promo_seen|}', '1', { expires: 7 });"),
        Script("cookie: jQuery $.cookie", BypassOutcome.Resolved, "$.cookie('{|CG0101:promo_seen|}', '1');"),
        Script("cookie: jQuery.cookie", BypassOutcome.Resolved, "jQuery.cookie('{|CG0101:promo_seen|}', '1', { path: '/' });"),
        Script("cookie: reads are not writes", BypassOutcome.Allowed,
            "const a = $.cookie('promo_seen'); const b = Cookies.get('promo_seen'); const c = document.cookie;"),
        Script("cookie: document through an alias", BypassOutcome.KnownLimit,
            "const doc = document;\ndoc.cookie = 'promo_seen=1';", Reasons.CookieAlias),
        Script("cookie: library under another name", BypassOutcome.KnownLimit,
            "import JsCookie from 'js-cookie';\nJsCookie.set('promo_seen', '1');", Reasons.CookieAlias),

        // Trackers: calls of their script API
        Script("tracker: gtag with an analytics id", BypassOutcome.Resolved, "{|CG0202:gtag|}('config', 'G-123');"),
        Script("tracker: gtag with an ads id", BypassOutcome.Resolved, "{|CG0202:gtag|}('event', 'conversion', { send_to: 'AW-1/abc' });"),
        Script("tracker: gtag without an id", BypassOutcome.Resolved, "{|CG0202:gtag|}('event', 'sign_up');"),
        Script("tracker: window.gtag", BypassOutcome.Resolved, "{|CG0202:window.gtag|}('event', 'sign_up');"),
        Script("tracker: gtag js, consent and set send nothing", BypassOutcome.Allowed,
            "gtag('js', new Date());\ngtag('consent', 'default', { analytics_storage: 'denied' });\ngtag('set', { user_id: id });"),
        Script("tracker: ga", BypassOutcome.Resolved, "{|CG0202:ga|}('send', 'pageview');"),
        Script("tracker: fbq", BypassOutcome.Resolved, "{|CG0201:fbq|}('track', 'PageView');"),
        Script("tracker: dataLayer.push", BypassOutcome.Resolved, "{|CG0201:window.dataLayer.push|}({ event: 'purchase' });"),
        Script("tracker: _paq.push", BypassOutcome.Resolved, "{|CG0201:_paq.push|}(['trackPageView']);"),
        Script("tracker: function under another name", BypassOutcome.KnownLimit,
            "const track = window.gtag;\ntrack('event', 'sign_up');", Reasons.RenamedTracker),
        Script("tracker: function reached by a computed name", BypassOutcome.KnownLimit,
            "window[trackerName]('event', 'sign_up');", Reasons.ComputedMember),

        // Trackers: their URLs
        Script("url: script src", BypassOutcome.Resolved,
            "const s = document.createElement('script');\ns.src = '{|CG0202:https://www.google-analytics.com/analytics.js|}';"),
        Script("url: setAttribute('src')", BypassOutcome.Resolved,
            "const s = document.createElement('script');\ns.setAttribute('src', '{|CG0202:https://www.google-analytics.com/analytics.js|}');"),
        Script("url: template with a hole", BypassOutcome.Resolved,
            "script.src = {|CG0202:`https://www.googletagmanager.com/gtag/js?id=${measurementId}`|};"),
        Script("url: image pixel", BypassOutcome.Resolved, "new Image().src = '{|CG0201:https://www.facebook.com/tr?id=1&ev=PageView|}';"),
        Script("url: fetch", BypassOutcome.Resolved, "fetch('{|CG0202:https://collect.example.com/hit|}', { method: 'POST' });"),
        Script("url: sendBeacon", BypassOutcome.Resolved, "navigator.sendBeacon('{|CG0202:https://collect.example.com/hit|}', payload);"),
        Script("url: a loader's argument", BypassOutcome.Resolved, "loadScript('{|CG0202:https://www.google-analytics.com/analytics.js|}');"),
        Script("url: a constant bound once", BypassOutcome.Resolved,
            "const ENDPOINT = 'https://collect.example.com/hit';\nnavigator.sendBeacon({|CG0202:ENDPOINT|}, payload);"),
        Script("url: XMLHttpRequest open", BypassOutcome.Resolved,
            "const xhr = new XMLHttpRequest();\nxhr.open('POST', '{|CG0202:https://collect.example.com/hit|}');"),
        Script("url: import()", BypassOutcome.Resolved, "import('{|CG0202:https://collect.example.com/sdk.js|}');"),
        Script("url: a link's href is not a load", BypassOutcome.Allowed,
            "const a = document.createElement('a');\na.href = 'https://www.google-analytics.com/x';\n" +
            "a.setAttribute('href', 'https://www.google-analytics.com/x');"),
        Script("url: computed", BypassOutcome.KnownLimit, "fetch(settings.endpoint, { method: 'POST' });", Reasons.ComputedScriptUrl),
        Script("url: passed to a request constructor", BypassOutcome.Resolved,
            "fetch(new Request('{|CG0202:https://collect.example.com/hit|}'));"),
        Script("url: an event stream", BypassOutcome.Resolved, "const events = new EventSource('{|CG0202:https://collect.example.com/live|}');"),

        Script("url: static import", BypassOutcome.Resolved,
            "import '{|CG0202:https://collect.example.com/sdk.js|}';\nexport const ready = true;"),
        // The gtag shim: a function named like a tracker's API defines it
        Script("shim: function gtag", BypassOutcome.Allowed,
            "window.dataLayer = window.dataLayer || [];\nfunction gtag() { dataLayer.push(arguments); }"),
        Script("shim: window.gtag = function", BypassOutcome.Allowed,
            "window.dataLayer = window.dataLayer || [];\nwindow.gtag = function () { window.dataLayer.push(arguments); };"),
        Script("shim: calls of the shim are uses", BypassOutcome.Resolved,
            "function gtag() { dataLayer.push(arguments); }\n{|CG0202:gtag|}('event', 'sign_up');"),

        // Guards and the flow around them
        Script("guard: if", BypassOutcome.Allowed, "if (consent.has('analytics')) { gtag('event', 'a'); }"),
        Script("guard: else of a negation", BypassOutcome.Allowed,
            "if (!consent.has('analytics')) { console.log('no'); } else { gtag('event', 'a'); }"),
        Script("guard: early return", BypassOutcome.Allowed,
            "function track() {\n  if (!consent.has('analytics')) return;\n  gtag('event', 'a');\n}\ntrack();"),
        Script("guard: early throw", BypassOutcome.Allowed,
            "if (!consent.has('analytics')) { throw new Error('no consent'); }\ngtag('event', 'a');"),
        Script("guard: continue", BypassOutcome.Allowed,
            "for (const e of events) {\n  if (!consent.has('analytics')) continue;\n  gtag('event', e);\n}"),
        Script("guard: break", BypassOutcome.Allowed,
            "for (const e of events) {\n  if (!consent.has('analytics')) { break; }\n  gtag('event', e);\n}"),
        Script("guard: &&", BypassOutcome.Allowed, "consent.has('analytics') && gtag('event', 'a');"),
        Script("guard: || after a negation", BypassOutcome.Allowed, "!consent.has('analytics') || gtag('event', 'a');"),
        Script("guard: ternary", BypassOutcome.Allowed, "consent.has('analytics') ? gtag('event', 'a') : null;"),
        Script("guard: === true", BypassOutcome.Allowed, "if (consent.has('analytics') === true) { gtag('event', 'a'); }"),
        Script("guard: === false and return", BypassOutcome.Allowed,
            "function track() {\n  if (siteConsent.analytics === false) { return; }\n  gtag('event', 'a');\n}\ntrack();"),
        Script("guard: await", BypassOutcome.Allowed,
            "async function run() { if (await consent.has('analytics')) { gtag('event', 'a'); } }\nrun();"),
        Script("guard: name bound once to a check", BypassOutcome.Allowed,
            "const ok = consent.has('analytics');\nif (ok) { gtag('event', 'a'); }"),
        Script("guard: name assigned again is not a check", BypassOutcome.Resolved,
            "let ok = consent.has('analytics');\nok = true;\nif (ok) { {|CG0202:gtag|}('event', 'a'); }"),
        Script("guard: !== false", BypassOutcome.Allowed, "if (siteConsent.analytics !== false) { gtag('event', 'a'); }"),
        Script("guard: property", BypassOutcome.Allowed, "if (siteConsent.analytics) { gtag('event', 'a'); }"),
        Script("guard: through window.", BypassOutcome.Allowed,
            "if (window.consent.has('analytics')) { sessionStorage.setItem('landing_page', location.pathname); }"),
        Script("guard: argument from a constant", BypassOutcome.Allowed,
            "const CATEGORY = 'analytics';\nif (consent.has(CATEGORY)) { gtag('event', 'a'); }"),
        Script("guard: argument not known", BypassOutcome.Resolved, "if (consent.has(category)) { {|CG0202:gtag|}('event', 'a'); }"),
        Script("guard: another category", BypassOutcome.Resolved, "if (consent.has('ads')) { {|CG0203:gtag|}('config', 'G-123'); }"),
        Script("guard: either of two categories", BypassOutcome.Resolved,
            "if (consent.has('ads') || consent.has('analytics')) { {|CG0202:gtag|}('config', 'G-123'); }"),
        Script("guard: both of two categories", BypassOutcome.Allowed,
            "if (consent.has('ads') && consent.has('analytics')) { sessionStorage.setItem('gclid', id); gtag('config', 'G-123'); }"),
        Script("guard: check wrapped in a function is not a check", BypassOutcome.Resolved,
            "const allowed = () => consent.has('analytics');\nif (allowed()) { {|CG0202:gtag|}('event', 'a'); }"),
        Script("guard: callback guard", BypassOutcome.Allowed, "consent.whenGranted('analytics', () => gtag('event', 'a'));"),
        Script("guard: callback guard, function expression", BypassOutcome.Allowed,
            "consent.whenGranted('ads', function () { sessionStorage.setItem('gclid', id); });"),
        Script("guard: callback guard for another category", BypassOutcome.Resolved,
            "consent.whenGranted('ads', () => {|CG0203:gtag|}('config', 'G-123'));"),
        Script("guard: callback guard given a named function", BypassOutcome.Resolved,
            "function track() { {|CG0202:gtag|}('event', 'a'); }\nconsent.whenGranted('analytics', track);"),
        Script("guard: await of a callback guard", BypassOutcome.Allowed,
            "async function run() {\n  await consent.whenGranted('analytics');\n  gtag('event', 'a');\n}\nrun();"),
        Script("guard: .then of a callback guard's promise", BypassOutcome.Allowed,
            "consent.whenGranted('analytics').then(() => { gtag('event', 'a'); });"),

        // Helpers: functions declared once and called in the file
        Script("helper: called only under a check", BypassOutcome.Allowed,
            "function send(name) { gtag('event', name); }\nif (consent.has('analytics')) { send('a'); send('b'); }"),
        Script("helper: arrow bound to a const", BypassOutcome.Allowed,
            "const send = (name) => gtag('event', name);\nif (consent.has('analytics')) { send('a'); }"),
        Script("helper: also called without a check", BypassOutcome.Resolved,
            "function send(name) { {|CG0202:gtag|}('event', name); }\nif (consent.has('analytics')) { send('a'); }\nsend('b');"),
        Script("helper: called under checks of two categories, for a call that needs either", BypassOutcome.Allowed,
            "function send() { gtag('event', 'a'); }\nif (consent.has('analytics')) { send(); }\nif (consent.has('ads')) { send(); }"),
        Script("helper: called under checks of two categories, for a write that needs one", BypassOutcome.Resolved,
            "function keep() { sessionStorage.setItem('{|CG0203:landing_page|}', '/'); }\n" +
            "if (consent.has('analytics')) { keep(); }\nif (consent.has('ads')) { keep(); }"),
        Script("helper: helpers calling each other, under a check", BypassOutcome.Allowed,
            "function a(n) { if (n > 0) b(n - 1); }\nfunction b(n) { gtag('event', 'x'); a(n); }\nif (consent.has('analytics')) { a(3); }"),
        Script("helper: early return inside try guards only the try block", BypassOutcome.Resolved,
            "function track() {\n  try { if (!consent.has('analytics')) return; gtag('event', 'a'); } catch (e) { }\n" +
            "  {|CG0202:gtag|}('event', 'b');\n}\ntrack();"),
        Script("helper: early exit inside a switch case guards nothing", BypassOutcome.Resolved,
            "switch (kind) {\n  case 'buy':\n    if (!consent.has('analytics')) break;\n    {|CG0202:gtag|}('event', 'buy');\n}"),
        Script("helper: never called", BypassOutcome.Resolved, "function send() { {|CG0202:gtag|}('event', 'a'); }"),
        Script("helper: declared twice", BypassOutcome.Resolved,
            "function send() { {|CG0202:gtag|}('event', 'a'); }\nfunction send() { {|CG0202:gtag|}('event', 'b'); }\n" +
            "if (consent.has('analytics')) { send(); }"),
        Script("helper: object method", BypassOutcome.Resolved,
            "const tracker = { send() { {|CG0202:gtag|}('event', 'a'); } };\nif (consent.has('analytics')) { tracker.send(); }"),

        // Callbacks run in place
        Script("callback: forEach", BypassOutcome.Allowed,
            "if (consent.has('analytics')) { ['a', 'b'].forEach(n => gtag('event', n)); }"),
        Script("callback: .then", BypassOutcome.Allowed,
            "if (consent.has('analytics')) { load().then(() => gtag('event', 'loaded')); }"),
        Script("callback: immediately invoked function", BypassOutcome.Allowed,
            "if (consent.has('analytics')) { (function () { gtag('event', 'a'); })(); }"),

        Script("callback: new Promise", BypassOutcome.Allowed,
            "if (consent.has('analytics')) { new Promise(resolve => { gtag('event', 'a'); resolve(); }); }"),
        // Handlers and timers run later: only a check inside counts
        Script("deferred: addEventListener", BypassOutcome.Resolved,
            "if (consent.has('analytics')) { button.addEventListener('click', () => {|CG0202:gtag|}('event', 'click')); }"),
        Script("deferred: setTimeout", BypassOutcome.Resolved,
            "if (consent.has('analytics')) { setTimeout(function () { {|CG0202:gtag|}('event', 'late'); }, 1000); }"),
        Script("deferred: setInterval", BypassOutcome.Resolved,
            "if (consent.has('analytics')) { window.setInterval(() => {|CG0202:gtag|}('event', 'tick'), 1000); }"),
        Script("deferred: requestAnimationFrame", BypassOutcome.Resolved,
            "if (consent.has('analytics')) { requestAnimationFrame(() => {|CG0202:gtag|}('event', 'frame')); }"),
        Script("deferred: requestIdleCallback", BypassOutcome.Resolved,
            "if (consent.has('analytics')) { requestIdleCallback(() => {|CG0202:gtag|}('event', 'idle')); }"),
        Script("deferred: jQuery on", BypassOutcome.Resolved,
            "if (consent.has('analytics')) { $('#buy').on('click', () => {|CG0202:gtag|}('event', 'buy')); }"),
        Script("deferred: jQuery one", BypassOutcome.Resolved,
            "if (consent.has('analytics')) { $('#buy').one('click', () => {|CG0202:gtag|}('event', 'buy')); }"),
        Script("deferred: MutationObserver", BypassOutcome.Resolved,
            "if (consent.has('analytics')) { new MutationObserver(() => {|CG0202:gtag|}('event', 'change')).observe(document.body, {}); }"),
        Script("deferred: IntersectionObserver", BypassOutcome.Resolved,
            "if (consent.has('analytics')) { new IntersectionObserver(() => {|CG0202:gtag|}('event', 'seen')).observe(banner); }"),
        Script("deferred: check inside the handler", BypassOutcome.Allowed,
            "button.addEventListener('click', () => { if (consent.has('analytics')) gtag('event', 'click'); });"),
        Script("deferred: jQuery shorthand event method", BypassOutcome.Resolved,
            "if (consent.has('analytics')) { $('#buy').click(() => {|CG0202:gtag|}('event', 'buy')); }"),

        // Functions that escape: called from elsewhere, nothing granted
        Script("escape: exported function", BypassOutcome.Resolved,
            "export function track() { {|CG0202:gtag|}('event', 'exported'); }\nif (consent.has('analytics')) { track(); }"),
        Script("escape: passed as a value", BypassOutcome.Resolved,
            "function track() { {|CG0202:gtag|}('event', 'click'); }\nif (consent.has('analytics')) { track(); }\n" +
            "button.addEventListener('click', track);"),
        Script("escape: stored in a property", BypassOutcome.Resolved,
            "button.onclick = function () { {|CG0202:gtag|}('event', 'handler'); };"),
        Script("escape: named function stored in a property", BypassOutcome.Resolved,
            "function track() { {|CG0202:gtag|}('event', 'handler'); }\nif (consent.has('analytics')) { track(); }\nwindow.track = track;"),
        Script("escape: returned function", BypassOutcome.Resolved,
            "function makeTracker() { return () => {|CG0202:gtag|}('event', 'a'); }\nif (consent.has('analytics')) { makeTracker()(); }"),
        Script("escape: class method", BypassOutcome.Resolved,
            "class Tracker { send() { {|CG0202:gtag|}('event', 'a'); } }\nif (consent.has('analytics')) { new Tracker().send(); }"),
        Script("escape: module exports", BypassOutcome.Resolved,
            "function track() { {|CG0202:gtag|}('event', 'a'); }\nif (consent.has('analytics')) { track(); }\nmodule.exports = { track };"),

        // What one file cannot know
        Script("limit: global function also called from markup", BypassOutcome.KnownLimit,
            "function track() { gtag('event', 'a'); }\nif (consent.has('analytics')) { track(); }", Reasons.OtherCallers),
        Script("limit: global check assigned by another script", BypassOutcome.KnownLimit,
            "var allowed = consent.has('analytics');\nif (allowed) { gtag('event', 'a'); }", Reasons.GlobalAssignedElsewhere),
        Script("scope: a global read where a function declares the name", BypassOutcome.ReportedUnresolved,
            "function keys() { var key = 'promo_seen'; return key; }\nlocalStorage.setItem({|CG0102:key|}, '1');"),
        Script("scope: a global check read where a function declares the name", BypassOutcome.Resolved,
            "function init() { const ok = consent.has('analytics'); return ok; }\nif (ok) { {|CG0202:gtag|}('event', 'a'); }"),
        Script("scope: a block's const read in the block", BypassOutcome.Resolved,
            "if (ready) { const KEY = 'promo_seen'; localStorage.setItem({|CG0103:KEY|}, '1'); }"),
        Script("limit: eval", BypassOutcome.KnownLimit, "eval(\"localStorage.setItem('promo_seen', '1')\");", Reasons.CodeInStrings),
        Script("limit: new Function", BypassOutcome.KnownLimit,
            "new Function(\"document.cookie = 'promo_seen=1'\")();", Reasons.CodeInStrings),
        Script("limit: setTimeout with a string", BypassOutcome.KnownLimit, "setTimeout(\"gtag('event', 'late')\", 1000);", Reasons.CodeInStrings),
        Script("limit: script written as HTML", BypassOutcome.KnownLimit,
            "document.write('<script src=\"https://www.google-analytics.com/analytics.js\"></script>');", Reasons.CodeInStrings),
        Script("parse: a file that is not JavaScript", BypassOutcome.Resolved,
            "localStorage.setItem('promo_seen', '1');\nconst x{|CG0109:|}: number = 1;"),
    ];

    /// <summary>The reasons docs/guarantees.md gives for each known limit of script analysis, word for word.</summary>
    public static class Reasons
    {
        public const string StorageAlias =
            "A storage area is recognized as localStorage or sessionStorage, through window., self. or globalThis., or as a name bound " +
            "once to one of them and never assigned again; an area held by a name assigned twice or passed as an argument is not seen.";

        public const string ComputedMember =
            "A method or function reached by a computed name (localStorage[method](…), window[name](…)) is not seen: which one it is " +
            "is unknown. A computed storage key (localStorage[key] = …) is a write with an unresolved name (CG0102).";

        public const string CookieAlias =
            "A cookie write is recognized as document.cookie = … (also through window.) and as a call of cookieStore.set, Cookies.set, " +
            "$.cookie or jQuery.cookie under those names; the document or a cookie library held under another name is not seen.";

        public const string RenamedTracker =
            "A tracker's script function is recognized under the name its catalog entry gives (gtag, fbq, _paq.push, …), also through " +
            "window.; the function held under another name is not seen.";

        public const string ComputedScriptUrl =
            "A URL in a script that has no known part (a setting, a function result) is not matched against tracker endpoints: " +
            "the endpoint is unknown.";

        public const string OtherCallers =
            "A script is analyzed alone: calls from other files or from markup (onclick=\"track()\") into a classic script's global " +
            "functions are not seen, so a function declared once and called only under a check in its own file is taken as guarded.";

        public const string GlobalAssignedElsewhere =
            "A name a classic script declares once and never assigns is taken to keep its value, though another script of the page " +
            "may assign a global var: a check or a key held in such a name is trusted.";

        public const string CodeInStrings =
            "Code in strings is not read: eval, new Function, setTimeout with a string, and script or HTML written with " +
            "document.write or innerHTML.";
    }
}
