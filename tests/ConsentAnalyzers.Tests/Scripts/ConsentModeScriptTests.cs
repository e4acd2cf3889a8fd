using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Analyzers;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Scripts;

/// <summary>
/// Google Consent Mode in the site's JavaScript: CG0206 (the Google tag is set up, and no category maps to Consent
/// Mode) and CG0207 (the tag is loaded or configured before the consent default of the same file).
/// </summary>
public class ConsentModeScriptTests
{
    private static readonly string Unmapped = TrackingCallAnalyzerTests.WithoutConsentMode(ScriptAnalyzerTests.Manifest);

    /// <summary>
    /// The script checked against <paramref name="manifest"/>; whether the calls are guarded (CG0202) is not what these
    /// tests are about.
    /// </summary>
    private static Task Verify(string manifest, string script, params DiagnosticResult[] expected)
    {
        var test = ConsentAnalyzerTest<ScriptAnalyzer>.Code("class Site { }", manifest);
        test.TestState.AdditionalFiles.Add((ScriptAnalyzerTests.ScriptPath, script));
        test.DisabledDiagnostics.Add(DiagnosticIds.UnguardedTracking);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult NotMapped(string tracker, string category = "analytics", string types = "\"analytics_storage\"") =>
        new DiagnosticResult(Rules.ConsentModeNotMapped).WithLocation(0).WithArguments(tracker, category, types);

    private static DiagnosticResult DefaultAfter(string tracker, string how, int line) =>
        new DiagnosticResult(Rules.ConsentDefaultAfterGoogleTag).WithLocation(0).WithLocation(1).WithArguments(tracker, how, line);

    [Fact]
    public Task A_config_call_in_a_project_whose_manifest_maps_no_category_is_CG0206() =>
        Verify(Unmapped, "{|#0:gtag|}('config', 'G-1');", NotMapped("Google Analytics"));

    [Fact]
    public Task The_loader_and_the_config_call_of_one_file_are_one_CG0206_at_the_first() =>
        Verify(Unmapped,
            """
            const s = document.createElement('script');
            s.src = '{|#0:https://www.googletagmanager.com/gtag/js?id=G-1|}';
            document.head.appendChild(s);
            window.dataLayer = window.dataLayer || [];
            function gtag() { dataLayer.push(arguments); }
            gtag('js', new Date());
            gtag('config', 'G-1');
            """,
            NotMapped("Google Analytics"));

    [Fact]
    public Task Google_Ads_gets_the_advertising_types() =>
        Verify(Unmapped, "{|#0:gtag|}('config', 'AW-123');",
            NotMapped("Google Ads", "advertising", "\"ad_storage\", \"ad_user_data\", \"ad_personalization\""));

    [Theory]
    // The manifest maps a category: nothing to add.
    [InlineData(true, "gtag('config', 'G-1');")]
    // Commands that set nothing up: events, the consent update, 'js', 'set'; and no Google tag at all.
    [InlineData(false, "gtag('event', 'sign_up'); gtag('consent', 'update', { analytics_storage: 'granted' }); gtag('js', new Date());")]
    [InlineData(false, "gtag('set', { user_id: id }); ga('send', 'pageview');")]
    // gtag's own definition calls dataLayer.push: that defines the tag, it does not set it up.
    [InlineData(false, "window.dataLayer = window.dataLayer || []; function gtag() { dataLayer.push(arguments); }")]
    public Task No_CG0206_where_nothing_is_set_up_or_the_mapping_exists(bool mapped, string script) =>
        Verify(mapped ? ScriptAnalyzerTests.Manifest : Unmapped, script);

    [Fact]
    public Task An_undeclared_Google_tag_is_CG0201_only() =>
        Verify(Unmapped, "const s = document.createElement('script'); s.src = '{|#0:https://www.googletagmanager.com/gtm.js?id=GTM-1|}';",
            new DiagnosticResult(Rules.UndeclaredTracker).WithLocation(0).WithArguments("Google Tag Manager", "google-tag-manager"));

    [Fact]
    public Task A_config_call_before_the_consent_default_is_CG0207() =>
        Verify(ScriptAnalyzerTests.Manifest,
            """
            function gtag() { dataLayer.push(arguments); }
            {|#0:gtag|}('config', 'G-1');
            {|#1:gtag|}('consent', 'default', { analytics_storage: 'denied' });
            """,
            DefaultAfter("Google Analytics", "configured", 3));

    /// <summary>
    /// An inserted script element runs once the code inserting it has finished: the loader comes after the default, the
    /// config before it (and its page view goes out with no consent state).
    /// </summary>
    [Fact]
    public Task A_config_after_an_inserted_loader_and_before_the_default_is_CG0207_once() =>
        Verify(ScriptAnalyzerTests.Manifest,
            """
            const s = document.createElement('script');
            s.src = 'https://www.googletagmanager.com/gtag/js?id=G-1';
            {|#0:gtag|}('config', 'G-1');
            gtag('config', 'G-2');
            {|#1:window.gtag|}("consent", "default", { analytics_storage: "denied" });
            """,
            DefaultAfter("Google Analytics", "configured", 5));

    [Theory]
    // An await before the default: the inserted script may run while the function waits.
    [InlineData("""
        async function setUp() {
          const s = document.createElement('script');
          s.src = '{|#0:https://www.googletagmanager.com/gtag/js?id=G-1|}';
          document.head.appendChild(s);
          await window.consentReady;
          {|#1:gtag|}('consent', 'default', { analytics_storage: 'denied' });
        }
        """, 6)]
    [InlineData("""
        async function setUp(choices) {
          loadScript('{|#0:https://www.googletagmanager.com/gtag/js?id=G-1|}');
          for await (const choice of choices) { remember(choice); }
          {|#1:gtag|}('consent', 'default', { analytics_storage: 'denied' });
        }
        """, 4)]
    // A worker's importScripts runs the script at once.
    [InlineData("""
        importScripts('{|#0:https://www.googletagmanager.com/gtag/js?id=G-1|}');
        {|#1:gtag|}('consent', 'default', { analytics_storage: 'denied' });
        """, 2)]
    public Task A_loader_that_may_run_before_the_default_is_CG0207(string script, int defaultLine) =>
        Verify(ScriptAnalyzerTests.Manifest, script, DefaultAfter("Google Analytics", "loaded", defaultLine));

    [Fact]
    public Task In_one_function_the_order_of_its_statements_counts() =>
        Verify(ScriptAnalyzerTests.Manifest,
            """
            function setUp() {
              {|#0:gtag|}('config', 'G-1');
              {|#1:gtag|}('consent', 'default', { analytics_storage: 'denied' });
            }
            setUp();
            """,
            DefaultAfter("Google Analytics", "configured", 3));

    [Theory]
    // An immediately invoked function runs where it is called: its steps are ordered with the code around it.
    [InlineData("""
        {|#0:gtag|}('config', 'G-1');
        (function () { {|#1:gtag|}('consent', 'default', { analytics_storage: 'denied' }); })();
        """, 2)]
    [InlineData("""
        (() => { {|#0:gtag|}('config', 'G-1'); })();
        {|#1:gtag|}('consent', 'default', { analytics_storage: 'denied' });
        """, 2)]
    public Task A_config_before_the_default_around_an_immediately_invoked_function_is_CG0207(string script, int defaultLine) =>
        Verify(ScriptAnalyzerTests.Manifest, script, DefaultAfter("Google Analytics", "configured", defaultLine));

    [Theory]
    // The default in an immediately invoked function, from the visitor's saved choice, then the tag.
    [InlineData("""
        window.dataLayer = window.dataLayer || [];
        function gtag() { dataLayer.push(arguments); }
        (function () {
          var granted = localStorage.getItem('choice') === 'yes';
          gtag('consent', 'default', { analytics_storage: granted ? 'granted' : 'denied' });
        })();
        gtag('js', new Date());
        gtag('config', 'G-1');
        """)]
    // An async one pauses at its await: the config after it runs once the default below has run.
    [InlineData("""(async () => { await window.ready; gtag('config', 'G-1'); })(); gtag('consent', 'default', {});""")]
    // Google's snippet: the default, then the loader, 'js' and 'config'; with double quotes; as a data-layer push.
    [InlineData("""
        window.dataLayer = window.dataLayer || [];
        function gtag() { dataLayer.push(arguments); }
        gtag('consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied' });
        const s = document.createElement('script');
        s.src = 'https://www.googletagmanager.com/gtag/js?id=G-1';
        gtag('js', new Date());
        gtag('config', 'G-1');
        """)]
    [InlineData("""gtag("consent", "default", { analytics_storage: "denied" }); gtag("config", "G-1");""")]
    // A default only in a branch still comes first in the text.
    [InlineData("""if (window.inEea) { gtag('consent', 'default', { analytics_storage: 'denied' }); } gtag('config', 'G-1');""")]
    // No default in this file (it is in the layout's inline script): not guessed at.
    [InlineData("""gtag('js', new Date()); gtag('config', 'G-1'); gtag('consent', 'update', { analytics_storage: 'granted' });""")]
    // A config in a function that runs later, and a default at the top level: different scopes, not compared.
    [InlineData("""function later() { gtag('config', 'G-1'); } gtag('consent', 'default', { analytics_storage: 'denied' }); later();""")]
    [InlineData("""document.addEventListener('click', () => gtag('config', 'G-1')); gtag('consent', 'default', {});""")]
    // An inserted loader runs after the code inserting it: the default later in that code comes first (the standard
    // installation many modules copy), also through setAttribute or a helper, and with an await after the default.
    [InlineData("""
        export async function initialize(id) {
          const script = document.createElement('script');
          script.async = true;
          script.src = `https://www.googletagmanager.com/gtag/js?id=${id}`;
          document.head.appendChild(script);
          window.dataLayer = window.dataLayer || [];
          function gtag() { dataLayer.push(arguments); }
          gtag('js', new Date());
          gtag('consent', 'default', { analytics_storage: 'denied' });
          gtag('config', id);
          await new Promise(resolve => script.onload = resolve);
        }
        """)]
    [InlineData("""
        const s = document.createElement('script');
        s.setAttribute('src', 'https://www.googletagmanager.com/gtag/js?id=G-1');
        document.head.append(s);
        gtag('consent', 'default', { analytics_storage: 'denied' });
        """)]
    [InlineData("""loadScript('https://www.googletagmanager.com/gtag/js?id=G-1'); gtag('consent', 'default', {}); gtag('config', 'G-1');""")]
    public Task No_CG0207_when_the_default_comes_first_or_is_not_in_the_same_scope(string script) =>
        Verify(ScriptAnalyzerTests.Manifest, script);

    /// <summary>The default pushed to the data layer counts (the push is Tag Manager's call, undeclared here: CG0201).</summary>
    [Fact]
    public Task A_default_pushed_to_the_data_layer_comes_first_too() =>
        Verify(ScriptAnalyzerTests.Manifest, "{|#0:dataLayer.push|}(['consent', 'default', { analytics_storage: 'denied' }]); gtag('config', 'G-1');",
            new DiagnosticResult(Rules.UndeclaredTracker).WithLocation(0).WithArguments("Google Tag Manager", "google-tag-manager"));

    [Fact]
    public Task Both_rules_in_one_file() =>
        Verify(Unmapped,
            """
            {|#0:gtag|}('config', 'G-1');
            {|#1:gtag|}('consent', 'default', { analytics_storage: 'denied' });
            """,
            NotMapped("Google Analytics"), DefaultAfter("Google Analytics", "configured", 2));
}
