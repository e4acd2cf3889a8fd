using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Analyzers;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Scripts;

/// <summary>The site's JavaScript files, checked against the manifest and its script guards.</summary>
public class ScriptAnalyzerTests
{
    /// <summary>The code-rule manifest with its trackers, Google Ads, and three script guards, one of each form.</summary>
    internal static readonly string Manifest = TrackingCallAnalyzerTests.Manifest.Replace(
        "  \"storage\": [",
        """
          "guards": [
            { "script": "consent.has", "arguments": { "analytics": "analytics", "ads": "advertising", "prefs": "functional" } },
            { "script": "siteConsent.analytics", "category": "analytics" },
            { "script": "consent.whenGranted", "callback": true, "arguments": { "analytics": "analytics", "ads": "advertising" } },
          ],
          "storage": [
        """,
        StringComparison.Ordinal).Replace(
        "  \"trackers\": [",
        """
          "trackers": [
            { "use": "google-ads", "category": "advertising" },
        """,
        StringComparison.Ordinal);

    internal const string ScriptPath = "/0/wwwroot/js/site.js";

    internal static Task Verify(string script, params DiagnosticResult[] expected) => Verify(script, ScriptPath, expected);

    internal static Task Verify(string script, string path, params DiagnosticResult[] expected) => Verify(Manifest, script, path, expected);

    internal static Task Verify(string manifest, string script, string path, params DiagnosticResult[] expected)
    {
        var test = ConsentAnalyzerTest<ScriptAnalyzer>.Code("class Site { }", manifest);
        test.TestState.AdditionalFiles.Add((path, script));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task An_undeclared_key_and_an_unguarded_gtag_call_are_reported_and_a_guarded_call_is_not() =>
        Verify(
            """
            localStorage.setItem('{|#0:wizard_state|}', JSON.stringify(state));
            {|#1:gtag|}('event', 'generate', { value: 1 });
            if (consent.has('analytics')) {
              gtag('event', 'share');
            }
            """,
            new DiagnosticResult(Rules.UndeclaredStorageKey).WithLocation(0).WithArguments("Local-storage", "wizard_state", ""),
            new DiagnosticResult(Rules.UnguardedTracking).WithLocation(1).WithArguments("Tracking call to the Google tag (gtag.js)", "analytics"));

    [Theory]
    // Guard shapes: if/else, early return, &&, ||, !, ternary, a name bound to a check, await, window., === true.
    [InlineData("if (consent.has('analytics')) { gtag('event', 'a'); }")]
    [InlineData("if (!consent.has('analytics')) { console.log('no'); } else { gtag('event', 'a'); }")]
    [InlineData("function track() { if (!consent.has('analytics')) return; gtag('event', 'a'); }\ndocument.body.addEventListener('click', track);")]
    [InlineData("consent.has('analytics') && gtag('event', 'a');")]
    [InlineData("!consent.has('analytics') || gtag('event', 'a');")]
    [InlineData("const ok = consent.has('analytics'); if (ok) { gtag('event', 'a'); }")]
    [InlineData("const ok = window.consent.has('analytics'); ok ? gtag('event', 'a') : null;")]
    [InlineData("async function run() { if (await consent.has('analytics')) { gtag('event', 'a'); } }\nrun();")]
    [InlineData("if (siteConsent.analytics === true) { gtag('event', 'a'); }")]
    [InlineData("if (window.siteConsent.analytics) { sessionStorage.setItem('landing_page', location.pathname); }")]
    [InlineData("if (consent.has('ads') && consent.has('analytics')) { sessionStorage.setItem('gclid', id); gtag('event', 'a'); }")]
    // Callback guards, and .then of a guarded promise.
    [InlineData("consent.whenGranted('analytics', () => gtag('event', 'a'));")]
    [InlineData("consent.whenGranted('ads', function () { sessionStorage.setItem('gclid', id); });")]
    [InlineData("consent.whenGranted('analytics').then(() => { gtag('event', 'a'); });")]
    // A helper called only under a check; a callback run in place (forEach, an immediately invoked function).
    [InlineData("function send(name) { gtag('event', name); }\nif (consent.has('analytics')) { send('a'); send('b'); }")]
    [InlineData("const send = (name) => gtag('event', name);\nif (consent.has('analytics')) { ['a', 'b'].forEach(n => send(n)); }")]
    [InlineData("if (consent.has('analytics')) { (function () { gtag('event', 'a'); })(); }")]
    // A helper that loads the Google tag (analytics or ads) for each product under that product's own check.
    [InlineData("""
        function load(id) { const s = document.createElement('script'); s.src = 'https://www.googletagmanager.com/gtag/js?id=' + id; }
        if (consent.has('analytics')) { load('G-1'); }
        if (consent.has('ads')) { load('AW-1'); }
        """)]
    // The gtag shim and its data layer define the tracker; consent-mode and set-up commands send nothing.
    [InlineData("""
        window.dataLayer = window.dataLayer || [];
        function gtag(){dataLayer.push(arguments);}
        gtag('consent', 'default', { analytics_storage: 'denied' });
        gtag('js', new Date());
        """)]
    // Essential and functional-but-guarded writes; reads and removals are not writes.
    [InlineData("document.cookie = 'app_consent=1; path=/; max-age=31536000';")]
    [InlineData("if (consent.has('prefs')) { document.cookie = `theme=${theme}; path=/`; localStorage.setItem(`draft:${id}`, text); }")]
    [InlineData("const v = localStorage.getItem('x'); localStorage.removeItem('y'); sessionStorage.clear(); const c = document.cookie;")]
    // Links are not loads.
    [InlineData("""
        const a = document.createElement('a');
        a.href = 'https://www.google-analytics.com/analytics.js';
        a.setAttribute('href', 'https://www.google-analytics.com/x');
        """)]
    public Task Guarded_or_harmless_scripts_report_nothing(string script) => Verify(script);

    [Fact]
    public Task Storage_writes_are_found_in_every_spelling() =>
        Verify(
            """
            localStorage.setItem('{|#0:a1|}', 1);
            window.localStorage.setItem('{|#1:a2|}', 1);
            self.sessionStorage.setItem('{|#2:a3|}', 1);
            globalThis.localStorage['{|#3:a4|}'] = 1;
            localStorage.{|#4:a5|} = 1;
            const store = window.sessionStorage;
            store.setItem('{|#5:a6|}', 1);
            window.localStorage?.setItem('{|#6:a7|}', 1);
            """,
            Undeclared(0, "Local-storage", "a1"), Undeclared(1, "Local-storage", "a2"), Undeclared(2, "Session-storage", "a3"),
            Undeclared(3, "Local-storage", "a4"), Undeclared(4, "Local-storage", "a5"), Undeclared(5, "Session-storage", "a6"),
            Undeclared(6, "Local-storage", "a7"));

    [Fact]
    public Task Keys_are_followed_through_templates_concatenation_constants_and_object_literals() =>
        Verify(
            """
            const PREFIX = 'draft:';
            const KEYS = { returnPage: 'return_page', wizard: 'wizard' };
            if (consent.has('prefs')) {
              localStorage.setItem(PREFIX + id, text);
              localStorage.setItem(`draft:${id}`, text);
              localStorage.setItem(KEYS.returnPage, location.href);
            }
            localStorage.setItem({|#0:KEYS.wizard|}, 1);
            localStorage.setItem({|#1:`wiz_${step}`|}, 1);
            localStorage.setItem({|#2:key|}, 1);
            """,
            Undeclared(0, "Local-storage", "wizard"),
            Undeclared(1, "Local-storage", "wiz_{…}", ": no declared pattern covers every value it can take"),
            new DiagnosticResult(Rules.UnresolvedName).WithLocation(2).WithArguments("storage key"));

    [Fact]
    public Task A_name_stands_for_the_innermost_declaration_around_it() =>
        Verify(
            """
            function first() { var k = 'a1'; localStorage.setItem({|#0:k|}, 1); }
            function second() { var k = 'a2'; localStorage.setItem({|#1:k|}, 1); }
            const key = 'a3';
            function third(key) { localStorage.setItem({|#2:key|}, 1); }
            function fourth() { var j = 'x'; var j = 'y'; localStorage.setItem({|#3:j|}, 1); }
            localStorage.setItem({|#4:key|}, 1);
            """,
            Undeclared(0, "Local-storage", "a1"), Undeclared(1, "Local-storage", "a2"),
            new DiagnosticResult(Rules.UnresolvedName).WithLocation(2).WithArguments("storage key"),
            new DiagnosticResult(Rules.UnresolvedName).WithLocation(3).WithArguments("storage key"),
            Undeclared(4, "Local-storage", "a3"));

    [Fact]
    public Task Non_essential_writes_need_a_check_for_their_category() =>
        Verify(
            """
            sessionStorage.setItem('{|#0:landing_page|}', location.pathname);
            if (consent.has('ads')) { sessionStorage.setItem('{|#1:landing_page|}', location.pathname); }
            document.cookie = `{|#2:_ga_X|}=${id}; max-age=100`;
            localStorage.setItem('{|#3:gclid|}', id);
            """,
            Unguarded(0, "Writing storage key 'landing_page'", "analytics"),
            new DiagnosticResult(Rules.WrongCategoryGuard).WithLocation(1)
                .WithArguments("Writing storage key 'landing_page'", "analytics", "'advertising'"),
            Unguarded(2, "Writing cookie '_ga_X'", "analytics"),
            new DiagnosticResult(Rules.NameInWrongPlace).WithLocation(3).WithArguments("gclid", "a sessionStorage key", "a localStorage key"));

    [Fact]
    public Task Cookie_writes_are_found_in_document_cookie_the_cookie_store_and_the_cookie_libraries() =>
        Verify(
            """
            document.cookie = '{|#0:promo|}=1; path=/';
            document.cookie = {|#1:name + '=' + value|};
            cookieStore.set('{|#2:c2|}', '1');
            cookieStore.set({|#3:{ name: 'c3', value: '1' }|});
            Cookies.set('{|#4:c4|}', '1', { expires: 7 });
            $.cookie('{|#5:c5|}', '1');
            const read = $.cookie('c6') + Cookies.get('c7');
            """,
            UndeclaredCookie(0, "promo"),
            new DiagnosticResult(Rules.UnresolvedName).WithLocation(1).WithArguments("cookie name"),
            UndeclaredCookie(2, "c2"), UndeclaredCookie(3, "c3"), UndeclaredCookie(4, "c4"), UndeclaredCookie(5, "c5"));

    [Fact]
    public Task Tracker_calls_and_urls_are_found_and_checked() =>
        Verify(
            """
            {|#0:fbq|}('track', 'PageView');
            {|#1:gtag|}('config', 'G-123');
            const s = document.createElement('script');
            s.src = '{|#2:https://www.googletagmanager.com/gtag/js?id=G-123|}';
            fetch('{|#3:https://collect.example.com/hit|}', { method: 'POST' });
            if (consent.has('ads')) { {|#4:gtag|}('event', 'page_view', { send_to: 'G-123' }); }
            {|#5:window._paq.push|}(['trackPageView']);
            """,
            new DiagnosticResult(Rules.UndeclaredTracker).WithLocation(0).WithArguments("Meta Pixel and Conversions API", "meta-pixel"),
            Unguarded(1, "Tracking call to Google Analytics", "analytics", Rules.UnguardedTracking),
            Unguarded(2, "Tracking call to Google Analytics", "analytics", Rules.UnguardedTracking),
            Unguarded(3, "Tracking call to Example Collect", "analytics", Rules.UnguardedTracking),
            new DiagnosticResult(Rules.WrongCategoryGuard).WithLocation(4)
                .WithArguments("Tracking call to Google Analytics", "analytics", "'advertising'"),
            new DiagnosticResult(Rules.UndeclaredTracker).WithLocation(5).WithArguments("Matomo", "matomo"));

    [Fact]
    public async Task A_catalog_tracker_declared_by_its_url_needs_no_second_declaration_for_its_script_api()
    {
        var manifest = Manifest.Replace(
            "  \"trackers\": [", "  \"trackers\": [\n    { \"url\": \"https://mc.yandex.ru/*\", \"category\": \"analytics\" },",
            StringComparison.Ordinal);
        var test = ConsentAnalyzerTest<ScriptAnalyzer>.Code("class Site { }", manifest);
        test.TestState.AdditionalFiles.Add((ScriptPath, """
            if (consent.has('analytics')) { ym(1, 'init', { clickmap: true }); }
            {|#0:ym|}(1, 'hit', location.href);
            """));
        test.ExpectedDiagnostics.Add(Unguarded(0, "Tracking call to Yandex Metrica", "analytics", Rules.UnguardedTracking));
        await test.RunAsync();
    }

    [Fact]
    public Task A_google_tag_id_is_a_word_of_its_own() =>
        Verify(
            """
            {|#0:gtag|}('event', 'share', { content_type: 'BLOG-POST' });
            {|#1:gtag|}('config', 'AW-123');
            """,
            Unguarded(0, "Tracking call to the Google tag (gtag.js)", "analytics", Rules.UnguardedTracking),
            Unguarded(1, "Tracking call to Google Ads", "advertising", Rules.UnguardedTracking));

    [Fact]
    public Task Handlers_and_timers_run_later_so_a_check_around_their_registration_does_not_guard_them() =>
        Verify(
            """
            if (consent.has('analytics')) {
              button.addEventListener('click', () => {|#0:gtag|}('event', 'click'));
              setTimeout(function () { {|#1:gtag|}('event', 'late'); }, 1000);
              button.addEventListener('click', () => { if (consent.has('analytics')) gtag('event', 'ok'); });
            }
            export function track() { {|#2:gtag|}('event', 'exported'); }
            button.onclick = function () { {|#3:gtag|}('event', 'handler'); };
            """,
            Unguarded(0, "Tracking call to the Google tag (gtag.js)", "analytics", Rules.UnguardedTracking),
            Unguarded(1, "Tracking call to the Google tag (gtag.js)", "analytics", Rules.UnguardedTracking),
            Unguarded(2, "Tracking call to the Google tag (gtag.js)", "analytics", Rules.UnguardedTracking),
            Unguarded(3, "Tracking call to the Google tag (gtag.js)", "analytics", Rules.UnguardedTracking));

    [Fact]
    public Task A_helper_called_under_checks_for_different_categories_needs_each_of_them_for_what_it_does() =>
        Verify(
            """
            function remember(key) { sessionStorage.setItem('{|#0:landing_page|}', key); }
            if (consent.has('analytics')) { remember('a'); }
            if (consent.has('ads')) { remember('b'); }
            """,
            new DiagnosticResult(Rules.WrongCategoryGuard).WithLocation(0)
                .WithArguments("Writing storage key 'landing_page'", "analytics", "'advertising'"));

    [Fact]
    public Task A_helper_called_once_without_a_check_is_unguarded() =>
        Verify(
            """
            function send(name) { {|#0:gtag|}('event', name); }
            if (consent.has('analytics')) { send('a'); }
            send('b');
            """,
            Unguarded(0, "Tracking call to the Google tag (gtag.js)", "analytics", Rules.UnguardedTracking));

    [Fact]
    public Task A_module_is_read_as_a_module() =>
        Verify(
            """
            import { has } from './consent.js';
            export const start = () => localStorage.setItem('{|#0:m1|}', 1);
            """,
            "/0/wwwroot/js/app.mjs",
            Undeclared(0, "Local-storage", "m1"));

    [Fact]
    public Task A_script_that_does_not_parse_is_one_hidden_diagnostic_where_the_parser_stopped() =>
        Verify(
            """
            localStorage.setItem('a', 1);
            const x{|#0:|}: number = 1;
            gtag('event', 'x');
            """,
            new DiagnosticResult(Rules.ScriptNotAnalyzed).WithLocation(0).WithArguments("Missing initializer in const declaration"));

    private static DiagnosticResult Undeclared(int location, string area, string key, string why = "") =>
        new DiagnosticResult(Rules.UndeclaredStorageKey).WithLocation(location).WithArguments(area, key, why);

    private static DiagnosticResult UndeclaredCookie(int location, string name) =>
        new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(location).WithArguments(name, "");

    private static DiagnosticResult Unguarded(int location, string what, string category, DiagnosticDescriptor? rule = null) =>
        new DiagnosticResult(rule ?? Rules.UnguardedWrite).WithLocation(location).WithArguments(what, category);
}
