using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

public class TrackingCallAnalyzerTests
{
    /// <summary>
    /// The code-rule manifest with its trackers; its analytics category maps to Google Consent Mode, as a site with the
    /// Google tag should (the tests of CG0206 take the mapping out: <see cref="WithoutConsentMode"/>).
    /// </summary>
    internal static readonly string Manifest = CodeManifests.Policy.Replace(
        "\"analytics\": { \"title\": \"Analytics\" },",
        "\"analytics\": { \"title\": \"Analytics\", \"consentMode\": [\"analytics_storage\"] },",
        StringComparison.Ordinal).Replace(
        "  \"storage\": [",
        """
          "trackers": [
            { "use": "google-analytics", "category": "analytics" },
            { "use": "application-insights", "category": "analytics" },
            { "url": "https://collect.example.com/*", "category": "analytics", "provider": "Example Collect" },
            { "api": "MyApp.Telemetry.Tracker.Send*", "category": "advertising", "provider": "In-house ads" },
          ],
          "storage": [
        """,
        StringComparison.Ordinal);

    /// <summary>A manifest of these tests without the Consent Mode mapping: the project CG0206 is about.</summary>
    internal static string WithoutConsentMode(string manifest) =>
        manifest.Replace(", \"consentMode\": [\"analytics_storage\"]", "", StringComparison.Ordinal);

    internal const string Libraries = """
        namespace Microsoft.ApplicationInsights
        {
            public class TelemetryClient
            {
                public void TrackEvent(string eventName) { }
                public void TrackPageView(string name) { }
                public void Flush() { }
            }
        }

        namespace MyApp.Telemetry
        {
            public static class Tracker
            {
                public static void SendConversion(string id) { }
                public static void Configure() { }
            }
        }
        """;

    private static Task Verify(string body, params DiagnosticResult[] expected) => Verify(Manifest, body, expected);

    /// <summary>The method body <paramref name="body"/> of a page with a JS runtime, an HTTP client and a telemetry client.</summary>
    internal static Task Verify(string manifest, string body, params DiagnosticResult[] expected)
    {
        var test = ConsentAnalyzerTest<TrackingCallAnalyzer>.Code($$"""
            using System;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using Microsoft.ApplicationInsights;
            using Microsoft.JSInterop;
            using MyApp.Telemetry;
            using TestProject;

            class Page
            {
                async Task Render(IJSRuntime js, HttpClient http, TelemetryClient telemetry, IConsent consent, string id)
                {
            {{body}}
                }
            }
            """, manifest);
        test.TestState.Sources.Add(Libraries);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Unguarded(string tracker, string category) =>
        new DiagnosticResult(Rules.UnguardedTracking).WithLocation(0).WithArguments($"Tracking call to {tracker}", category);

    private static DiagnosticResult Undeclared(string tracker, string id) =>
        new DiagnosticResult(Rules.UndeclaredTracker).WithLocation(0).WithArguments(tracker, id);

    [Theory]
    [InlineData("""if (consent.AnalyticsAllowed) await js.InvokeVoidAsync("gtag", "event", "sign_up");""")]
    [InlineData("""if (consent.AnalyticsAllowed) telemetry.TrackEvent("checkout");""")]
    [InlineData("""telemetry.Flush();""")]
    [InlineData("""if (consent.AnalyticsAllowed) await http.PostAsync("https://collect.example.com/v1/events", null);""")]
    [InlineData("""if (consent.IsGranted(ConsentCategory.Advertising)) Tracker.SendConversion(id);""")]
    [InlineData("""Tracker.Configure();""")]
    [InlineData("""await http.GetAsync("https://api.example.com/songs");""")]
    [InlineData("""await js.InvokeVoidAsync("console.log", "hello");""")]
    [InlineData("""await js.InvokeVoidAsync("gtag", "js", DateTime.UtcNow);""")]
    [InlineData("""await http.PostAsync("https://www.google.com/recaptcha/api/siteverify", null);""")] // the server's own check
    [InlineData("""await http.GetAsync("https://maps.googleapis.com/maps/api/geocode/json?address=Berlin");""")]
    public Task Guarded_or_non_tracking_calls_report_nothing(string body) => Verify(body);

    [Theory]
    [InlineData("""await {|#0:js.InvokeVoidAsync("gtag", "event", "sign_up")|};""", "the Google tag (gtag.js)", "analytics")]
    [InlineData("""await {|#0:js.InvokeVoidAsync("window.gtag", "config", "G-123")|};""", "Google Analytics", "analytics")]
    [InlineData("""{|#0:telemetry.TrackEvent("checkout")|};""", "Azure Application Insights", "analytics")]
    [InlineData("""await {|#0:js.InvokeVoidAsync("appInsights.trackPageView")|};""", "Azure Application Insights", "analytics")]
    [InlineData("""await {|#0:http.PostAsync("https://collect.example.com/v1/events", null)|};""", "Example Collect", "analytics")]
    [InlineData("""await {|#0:http.PostAsJsonAsync($"https://collect.example.com/{id}", id)|};""", "Example Collect", "analytics")]
    [InlineData("""await {|#0:http.GetAsync(new Uri("HTTPS://www.google-analytics.com/mp/collect?measurement_id=G-1"))|};""", "Google Analytics",
        "analytics")]
    [InlineData("""using var request = {|#0:new HttpRequestMessage(HttpMethod.Post, "//www.google-analytics.com/g/collect")|};""", "Google Analytics",
        "analytics")]
    [InlineData("""{|#0:Tracker.SendConversion(id)|};""", "In-house ads", "advertising")]
    public Task Unguarded_tracking_calls_are_CG0202(string body, string tracker, string category) =>
        Verify(body, Unguarded(tracker, category));

    [Theory]
    [InlineData("""await {|#0:js.InvokeVoidAsync("fbq", "track", "Purchase")|};""", "Meta Pixel and Conversions API", "meta-pixel")]
    [InlineData("""if (consent.AnalyticsAllowed) await {|#0:js.InvokeVoidAsync("dataLayer.push", "x")|};""", "Google Tag Manager",
        "google-tag-manager")]
    [InlineData("""await {|#0:http.PostAsync("https://api.segment.io/v1/track", null)|};""", "Segment", "segment")]
    [InlineData("""await {|#0:http.GetAsync("https://www.googleadservices.com/pagead/conversion/1/")|};""", "Google Ads", "google-ads")]
    [InlineData("""await {|#0:js.InvokeVoidAsync("Intercom", "boot")|};""", "Intercom", "intercom")]
    [InlineData("""await {|#0:js.InvokeVoidAsync("window.pintrk", "track", "checkout")|};""", "Pinterest Tag", "pinterest")]
    [InlineData("""await {|#0:http.PostAsync("https://tr.snapchat.com/v2/conversion", null)|};""", "Snap Pixel", "snapchat")]
    public Task Undeclared_trackers_are_CG0201_only(string body, string tracker, string id) =>
        Verify(body, Undeclared(tracker, id));

    [Fact]
    public async Task A_catalog_SDK_call_is_recognized_by_its_member()
    {
        var test = ConsentAnalyzerTest<TrackingCallAnalyzer>.Code("""
            namespace OptimizelySDK
            {
                public class Optimizely
                {
                    public void Track(string eventKey, string userId) { }
                    public bool IsValid => true;
                }
            }

            class Checkout
            {
                void Complete(OptimizelySDK.Optimizely optimizely, string userId)
                {
                    _ = optimizely.IsValid;
                    {|#0:optimizely.Track("purchase", userId)|};
                }
            }
            """, Manifest);
        test.ExpectedDiagnostics.Add(Undeclared("Optimizely", "optimizely"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_Google_tag_call_with_an_Ads_id_needs_advertising_consent()
    {
        var manifest = Manifest.Replace(
            "{ \"use\": \"google-analytics\", \"category\": \"analytics\" },",
            "{ \"use\": \"google-analytics\", \"category\": \"analytics\" }, { \"use\": \"google-ads\", \"category\": \"advertising\" },",
            StringComparison.Ordinal);
        var test = ConsentAnalyzerTest<TrackingCallAnalyzer>.Code("""
            using System.Threading.Tasks;
            using Microsoft.JSInterop;
            using TestProject;

            class Tags(IJSRuntime js, IConsent consent)
            {
                private const string AdsId = "AW-1234567";

                async Task Track(string orderId, decimal value)
                {
                    if (await consent.IsGrantedAsync(ConsentCategory.Advertising).ConfigureAwait(false))
                    {
                        await js.InvokeVoidAsync("gtag", "event", "conversion", new { send_to = AdsId + "/purchase", value, currency = "EUR", transaction_id = orderId });
                    }

                    if (consent.AnalyticsAllowed)
                    {
                        await {|#0:js.InvokeVoidAsync("gtag", "config", AdsId, new { allow_enhanced_conversions = true })|};
                        await js.InvokeVoidAsync("gtag", "event", "sign_up");
                    }
                }
            }
            """, manifest);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.WrongCategoryGuard).WithLocation(0).WithArguments("Tracking call to Google Ads", "advertising",
                "'analytics'"));
        await test.RunAsync();
    }

    [Fact]
    public Task A_guard_for_another_category_is_CG0203() =>
        Verify(
            """if (consent.AnalyticsAllowed) {|#0:Tracker.SendConversion(id)|};""",
            new DiagnosticResult(Rules.WrongCategoryGuard).WithLocation(0).WithArguments("Tracking call to In-house ads", "advertising",
                "'analytics'"));
}
