using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>Markup as Razor compiles it: WriteLiteral in views and pages, AddMarkupContent in components.</summary>
public class MarkupAnalyzerTests
{
    private const string GoogleAnalyticsSnippet =
        """<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script><script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-1');</script>""";

    private static Task Verify(string body, params DiagnosticResult[] expected) => Verify(TrackingCallAnalyzerTests.Manifest, body, expected);

    /// <summary>A Razor page whose <c>ExecuteAsync</c> is <paramref name="body"/>, checked against <paramref name="manifest"/>.</summary>
    internal static Task Verify(string manifest, string body, params DiagnosticResult[] expected)
    {
        var test = ConsentAnalyzerTest<MarkupAnalyzer>.Code($$"""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.Features;
            using Microsoft.AspNetCore.Mvc.Razor;
            using TestProject;

            public class Layout : RazorPage<object>
            {
                internal IConsent Consent { get; set; } = null!;

                public override async Task ExecuteAsync()
                {
                    await Task.Yield();
            {{body}}
                }
            }
            """, manifest);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("if (Consent.AnalyticsAllowed) { WriteLiteral(\"" + GoogleAnalyticsSnippet + "\"); }")]
    [InlineData("if (Context.Features.Get<ITrackingConsentFeature>()?.CanTrack == true) { WriteLiteral(\"" + GoogleAnalyticsSnippet + "\"); }")]
    [InlineData("if (Context.Features.Get<ITrackingConsentFeature>()?.CanTrack ?? false) { WriteLiteral(\"" + GoogleAnalyticsSnippet + "\"); }")]
    [InlineData(
        "var consentFeature = Context.Features.Get<ITrackingConsentFeature>(); if (consentFeature is { CanTrack: true }) { WriteLiteral(\""
            + GoogleAnalyticsSnippet + "\"); }")]
    [InlineData(
        """WriteLiteral("<a href=\"https://example.com/docs\">Docs (new)</a><p>Call us (555) 123 4567</p><script src=\"/js/site.js\"></script>");""")]
    [InlineData("""if (Consent.AnalyticsAllowed) { WriteLiteral("<script>sessionStorage.setItem('landing_page', location.pathname);</script>"); }""")]
    [InlineData("""WriteLiteral("<script>localStorage.getItem('promo'); localStorage.removeItem('promo');</script>");""")]
    [InlineData(
        """WriteLiteral("<script type=\"text/plain\" data-consent=\"analytics\" src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script>");""")]
    [InlineData(
        """WriteLiteral("<script type=\"text/plain\" data-consent=\"analytics\">gtag('config', 'G-1');</script><script type=\"application/ld+json\">{ \"name\": \"fbq(\" }</script>");""")]
    public Task Guarded_or_harmless_markup_reports_nothing(string body) => Verify(body);

    [Fact]
    public Task An_unguarded_analytics_snippet_is_one_CG0202_at_its_script_url() =>
        Verify(
            """WriteLiteral("<script async src=\"{|#0:https://www.googletagmanager.com/gtag/js?id=G-1|}\"></script><script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-1');</script>");""",
            new DiagnosticResult(Rules.UnguardedTracking).WithLocation(0).WithArguments("Tracking call to Google Analytics", "analytics"));

    [Fact]
    public Task An_inline_call_to_an_undeclared_tracker_is_CG0201() =>
        Verify(
            """if (Consent.AnalyticsAllowed) { WriteLiteral("<script>\n  {|#0:fbq|}('track', 'PageView');\n</script>"); }""",
            new DiagnosticResult(Rules.UndeclaredTracker).WithLocation(0).WithArguments("Meta Pixel and Conversions API", "meta-pixel"));

    [Fact]
    public Task Embeds_are_found_as_frames_stylesheets_and_scripts_but_links_to_them_are_not() =>
        Verify(
            """
            WriteLiteral("<iframe width=\"560\" src=\"{|#0:https://www.youtube.com/embed/dQw4w9WgXcQ|}\" allowfullscreen></iframe>");
            WriteLiteral("<a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">Watch on YouTube</a><a href=\"https://policies.google.com/privacy\">Privacy</a>");
            WriteLiteral("<link rel=\"preconnect\" href=\"https://fonts.gstatic.com\" crossorigin>");
            WriteLiteral("<link rel=\"stylesheet\" href=\"{|#1:https://fonts.googleapis.com/css2?family=Inter&display=swap|}\">");
            WriteLiteral("<script src=\"{|#2:https://player.vimeo.com/api/player.js|}\"></script>");
            WriteLiteral("<script>\n  {|#3:window.Intercom|}('boot', { app_id: 'abc' });\n</script>");
            """,
            new DiagnosticResult(Rules.UndeclaredTracker).WithLocation(0).WithArguments("YouTube", "youtube"),
            new DiagnosticResult(Rules.UndeclaredTracker).WithLocation(1).WithArguments("Google Fonts", "google-fonts"),
            new DiagnosticResult(Rules.UndeclaredTracker).WithLocation(2).WithArguments("Vimeo", "vimeo"),
            new DiagnosticResult(Rules.UndeclaredTracker).WithLocation(3).WithArguments("Intercom", "intercom"));

    [Fact]
    public Task Markup_that_Razor_splits_into_consecutive_pieces_is_read_as_one_text() =>
        Verify(
            """
            WriteLiteral("<p>Intro</p><script>\n  window.dataLayer = window.dataLayer || [];\n  ");
            WriteLiteral("{|#0:fbq|}('track', 'PageView');\n  sessionStorage.setItem('{|#1:pr|}");
            WriteLiteral("omo', '1');\n</script>");
            WriteLiteral("<script async src=\"{|#2:https://www.googletagmanager.com/gta|}");
            WriteLiteral("g/js?id=G-1\"></script>");
            """,
            new DiagnosticResult(Rules.UndeclaredTracker).WithLocation(0).WithArguments("Meta Pixel and Conversions API", "meta-pixel"),
            new DiagnosticResult(Rules.UndeclaredStorageKey).WithLocation(1).WithArguments("Session-storage", "promo", ""),
            new DiagnosticResult(Rules.UnguardedTracking).WithLocation(2).WithArguments("Tracking call to Google Analytics", "analytics"));

    [Fact]
    public Task Script_that_continues_after_code_between_pieces_is_still_script() =>
        Verify(
            """
            WriteLiteral("<script>");
            Write(Consent);
            WriteLiteral("{|#0:fbq|}('track', 'PageView');</script>");
            """,
            new DiagnosticResult(Rules.UndeclaredTracker).WithLocation(0).WithArguments("Meta Pixel and Conversions API", "meta-pixel"));

    [Fact]
    public Task Inline_storage_writes_are_checked_like_any_other() =>
        Verify(
            """
            WriteLiteral("<script>sessionStorage.setItem('{|#0:landing_page|}', location.pathname);</script>");
            WriteLiteral("<script>localStorage.setItem(\"{|#1:promo|}\", '1');</script>");
            WriteLiteral("<script>localStorage.setItem({|#2:key|}, '1');</script>");
            """,
            new DiagnosticResult(Rules.UnguardedWrite).WithLocation(0).WithArguments("Writing storage key 'landing_page'", "analytics"),
            new DiagnosticResult(Rules.UndeclaredStorageKey).WithLocation(1).WithArguments("Local-storage", "promo", ""),
            new DiagnosticResult(Rules.UnresolvedName).WithLocation(2).WithArguments("storage key"));

    [Fact]
    public Task Inline_cookie_writes_are_checked_by_the_name_before_the_equals_sign() =>
        Verify(
            """
            WriteLiteral("<script>document.cookie = '{|#0:_ga|}=1; path=/';</script>");
            WriteLiteral("<script>document.cookie = \"{|#1:promo_seen|}=\" + value + \"; max-age=600\";</script>");
            WriteLiteral("<script>function save(v) { document.cookie = `{|#2:theme|}=${v}; path=/`; }</script>");
            WriteLiteral("<script>window.document.cookie = {|#3:name + '=' + value|};</script>");
            WriteLiteral("<script>document.cookie = `{|#4:sb-${ref}-auth|}=1`;</script>");
            WriteLiteral("<script>if (document.cookie == '') { } var all = document.cookie.split(';');</script>");
            if (Consent.AnalyticsAllowed) { WriteLiteral("<script>document.cookie = '_ga=1';</script>"); }
            WriteLiteral("<p>Set document.cookie = 'x=1' in prose is not script.</p>");
            """,
            new DiagnosticResult(Rules.UnguardedWrite).WithLocation(0).WithArguments("Writing cookie '_ga'", "analytics"),
            new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(1).WithArguments("promo_seen", ""),
            new DiagnosticResult(Rules.UnguardedWrite).WithLocation(2).WithArguments("Writing cookie 'theme'", "functional"),
            new DiagnosticResult(Rules.UnresolvedName).WithLocation(3).WithArguments("cookie name"));

    [Fact]
    public Task A_script_that_only_writes_a_cookie_is_read() =>
        Verify(
            """
            WriteLiteral("<script>document.cookie = '{|#0:promo_seen|}=1';</script>");
            """,
            new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments("promo_seen", ""));

    [Fact]
    public Task A_cookie_string_rendered_from_Csharp_is_checked_where_it_is_made_not_in_the_script() =>
        Verify(
            """
            var cookieString = Context.Features.Get<ITrackingConsentFeature>()?.CreateConsentCookie();
            WriteLiteral("<script>document.cookie = \"");
            Write(cookieString);
            WriteLiteral("\";</script>");
            """);

    [Fact]
    public async Task The_Google_tag_serves_Analytics_or_Ads_by_its_measurement_id()
    {
        var manifest = TrackingCallAnalyzerTests.Manifest.Replace(
            "{ \"use\": \"google-analytics\", \"category\": \"analytics\" },",
            "{ \"use\": \"google-analytics\", \"category\": \"analytics\" }, { \"use\": \"google-ads\", \"category\": \"advertising\" },",
            StringComparison.Ordinal);
        var test = ConsentAnalyzerTest<MarkupAnalyzer>.Code("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc.Razor;
            using TestProject;

            public class Layout : RazorPage<object>
            {
                internal IConsent Consent { get; set; } = null!;

                public override async Task ExecuteAsync()
                {
                    await Task.Yield();
                    if (Consent.IsGranted(ConsentCategory.Advertising))
                    {
                        WriteLiteral("<script async src=\"https://www.googletagmanager.com/gtag/js?id=AW-1\"></script><script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'AW-1');</script>");
                        WriteLiteral("<script>gtag('event', 'sign_up');</script>");
                    }

                    if (Consent.AnalyticsAllowed)
                    {
                        WriteLiteral("<script>{|#0:gtag|}('event', 'conversion', { send_to: 'AW-1/label' });</script>");
                        WriteLiteral("<script>gtag('event', 'sign_up');</script>");
                    }

                    WriteLiteral("<script async src=\"{|#1:https://www.googletagmanager.com/gtag/js?id=|}\"></script>");
                }
            }
            """, manifest);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.WrongCategoryGuard).WithLocation(0).WithArguments("Tracking call to Google Ads", "advertising",
                "'analytics'"));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.UnguardedTracking).WithLocation(1).WithArguments("Tracking call to the Google tag (gtag.js)", "analytics"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Component_markup_is_checked_too()
    {
        var test = ConsentAnalyzerTest<MarkupAnalyzer>.Code("""
            using Microsoft.AspNetCore.Components;
            using Microsoft.AspNetCore.Components.Rendering;

            public class Tags : ComponentBase
            {
                protected override void BuildRenderTree(RenderTreeBuilder builder) =>
                    builder.AddMarkupContent(0, "<img src=\"{|#0:https://www.google-analytics.com/collect?v=1|}\" alt=\"\">");
            }
            """, TrackingCallAnalyzerTests.Manifest);
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.UnguardedTracking).WithLocation(0).WithArguments("Tracking call to Google Analytics", "analytics"));
        await test.RunAsync();
    }
}
