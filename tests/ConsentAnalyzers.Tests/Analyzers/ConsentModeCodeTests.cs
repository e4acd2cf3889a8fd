using ConsentAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>
/// CG0206 in C#: the Google tag configured through JS interop, or rendered in an HTML string, in a project whose
/// manifest maps no category to Google Consent Mode.
/// </summary>
public class ConsentModeCodeTests
{
    private static readonly string Unmapped = TrackingCallAnalyzerTests.WithoutConsentMode(TrackingCallAnalyzerTests.Manifest);

    [Fact]
    public Task A_config_call_through_JS_interop_is_CG0206() =>
        TrackingCallAnalyzerTests.Verify(Unmapped,
            """if (consent.AnalyticsAllowed) await {|#0:js.InvokeVoidAsync("gtag", "config", "G-1")|};""",
            new DiagnosticResult(Rules.ConsentModeNotMapped).WithLocation(0).WithArguments("Google Analytics", "analytics", "\"analytics_storage\""));

    [Theory]
    // Mapped: nothing to add.
    [InlineData(true, """if (consent.AnalyticsAllowed) await js.InvokeVoidAsync("gtag", "config", "G-1");""")]
    // Not a setup: an event, the library's start, a consent update.
    [InlineData(false, """if (consent.AnalyticsAllowed) await js.InvokeVoidAsync("gtag", "event", "sign_up");""")]
    [InlineData(false, """await js.InvokeVoidAsync("gtag", "js", DateTime.UtcNow);""")]
    [InlineData(false, """await js.InvokeVoidAsync("gtag", "consent", "update", new { analytics_storage = "granted" });""")]
    public Task No_CG0206_for_other_calls_or_a_mapped_manifest(bool mapped, string body) =>
        TrackingCallAnalyzerTests.Verify(mapped ? TrackingCallAnalyzerTests.Manifest : Unmapped, body);

    [Fact]
    public Task An_undeclared_Google_Ads_tag_is_CG0201_only() =>
        TrackingCallAnalyzerTests.Verify(Unmapped,
            """if (consent.AnalyticsAllowed) await {|#0:js.InvokeVoidAsync("gtag", "config", "AW-1")|};""",
            new DiagnosticResult(Rules.UndeclaredTracker).WithLocation(0).WithArguments("Google Ads", "google-ads"));

    [Theory]
    [InlineData("""if (consent.AnalyticsAllowed) return {|CG0206:new HtmlString(Loader + Config)|}; return HtmlString.Empty;""")]
    [InlineData("""if (consent.AnalyticsAllowed) return {|CG0206:html.Raw("<script>gtag('config', '" + id + "');</script>")|}; return HtmlString.Empty;""")]
    public Task The_Google_tag_rendered_from_a_string_is_CG0206_once_at_the_rendering(string body) =>
        HtmlStringAnalyzerTests.Verify(body, Unmapped);

    [Theory]
    [InlineData("""if (consent.AnalyticsAllowed) return new HtmlString(Loader + Config); return HtmlString.Empty;""", true)]
    [InlineData("""return new HtmlString("<script>gtag('consent', 'default', { analytics_storage: 'denied' });</script>");""", false)]
    [InlineData("""return new HtmlString("<p>Read how we use gtag('config') on https://www.googletagmanager.com/gtag/js</p>");""", false)]
    public Task No_CG0206_for_a_mapped_manifest_a_default_alone_or_prose(string body, bool mapped) =>
        HtmlStringAnalyzerTests.Verify(body, mapped ? TrackingCallAnalyzerTests.Manifest : Unmapped);
}
