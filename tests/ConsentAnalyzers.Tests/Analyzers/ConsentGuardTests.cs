using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>Consent guards on the control-flow graph: every guard shape, and the shapes that only look like guards.</summary>
public class ConsentGuardTests
{
    private static Task Verify(string body, params DiagnosticResult[] expected) => Verify<CookieWriteAnalyzer>(body, expected);

    private static Task Verify<TAnalyzer>(string body, params DiagnosticResult[] expected)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = ConsentAnalyzerTest<TAnalyzer>.Code(Endpoint(body), CodeManifests.Policy);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// The class the shapes stand in: each body in a handler of its own, with a consent service, the tracking feature
    /// and locals to test.
    /// </summary>
    internal static string Endpoint(params string[] bodies)
    {
        var handlers = bodies.Select((body, i) => $$"""
                async Task Handle{{i}}(HttpContext http, IConsent consent, ITrackingConsentFeature feature, int id, List<int> items)
                {
                    await Task.Yield();
            {{body}}
                }
            """);
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.Features;
            using Microsoft.JSInterop;
            using TestProject;

            class Endpoint
            {
                private Action _stored = () => { };

            {{string.Join("\n\n", handlers)}}
            }
            """;
    }

    /// <summary>The body of every row of the theories below (with their markup), for the differential test of the guard shortcuts.</summary>
    internal static IEnumerable<string> Bodies() =>
        typeof(ConsentGuardTests).GetMethods()
            .SelectMany(
            method => method.GetCustomAttributes(typeof(InlineDataAttribute),
                inherit: false).Cast<InlineDataAttribute>().SelectMany(data => data.GetData(method)))
            .Select(row => (string)row[0]);

    private static DiagnosticResult Unguarded(string what, string category) =>
        new DiagnosticResult(Rules.UnguardedWrite).WithLocation(0).WithArguments(what, category);

    [Theory]
    [InlineData("""if (consent.AnalyticsAllowed) http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""if (!consent.AnalyticsAllowed) return; http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData(
        """if (!consent.IsGranted(ConsentCategory.Analytics)) throw new InvalidOperationException(); http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""if (await consent.IsGrantedAsync(ConsentCategory.Analytics)) http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""if (await consent.IsGrantedAsync(ConsentCategory.Analytics).ConfigureAwait(false)) http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""var allowed = consent.AnalyticsAllowed; if (allowed) http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData(
        """var allowed = await consent.IsGrantedAsync(ConsentCategory.Analytics); if (!allowed) { return; } http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""if (feature.CanTrack) http.Response.Cookies.Append("_gcl_au", "1");""")]
    [InlineData("""if (http.Features.Get<ITrackingConsentFeature>()?.CanTrack == true) http.Response.Cookies.Append("_gcl_au", "1");""")]
    [InlineData("""if (http.Features.Get<ITrackingConsentFeature>()?.CanTrack ?? false) http.Response.Cookies.Append("_gcl_au", "1");""")]
    [InlineData("""if (http.Features.Get<ITrackingConsentFeature>()?.CanTrack != true) return; http.Response.Cookies.Append("_gcl_au", "1");""")]
    [InlineData("""if (feature.HasConsent && id > 0) http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""if (id > 0 && consent.AnalyticsAllowed) http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""if (consent.AnalyticsAllowed == true) http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""if (consent.AnalyticsAllowed != false) http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""if (consent.AnalyticsAllowed is true) http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""if (consent.AnalyticsAllowed is false) return; http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""if (feature is { CanTrack: true }) http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""if (!consent.AnalyticsAllowed) { } else { http.Response.Cookies.Append("_ga", "1"); }""")]
    [InlineData("""if (id > 0) { } else if (consent.AnalyticsAllowed) { http.Response.Cookies.Append("_ga", "1"); }""")]
    [InlineData("""foreach (var item in items) { if (!consent.AnalyticsAllowed) continue; http.Response.Cookies.Append("_ga", "1"); }""")]
    [InlineData("""foreach (var item in items) { if (!consent.AnalyticsAllowed) break; http.Response.Cookies.Append("_ga", "1"); }""")]
    [InlineData("""while (consent.AnalyticsAllowed) { http.Response.Cookies.Append("_ga", "1"); id--; }""")]
    [InlineData("""if (consent.AnalyticsAllowed) { try { http.Response.Cookies.Append("_ga", "1"); } finally { id++; } }""")]
    [InlineData("""if (consent.AnalyticsAllowed) { try { id++; } finally { http.Response.Cookies.Append("_ga", "1"); } }""")]
    [InlineData("""if (consent.AnalyticsAllowed) { try { id++; } catch (Exception) { http.Response.Cookies.Append("_ga", "1"); } }""")]
    [InlineData("""switch (consent.AnalyticsAllowed) { case true: http.Response.Cookies.Append("_ga", "1"); break; }""")]
    [InlineData("""_ = consent.AnalyticsAllowed ? Remember() : false; bool Remember() { http.Response.Cookies.Append("_ga", "1"); return true; }""")]
    [InlineData("""if (consent.AnalyticsAllowed) items.ForEach(_ => http.Response.Cookies.Append("_ga", "1"));""")]
    [InlineData("""if (consent.AnalyticsAllowed) { Write(); } void Write() => http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""Action write = () => http.Response.Cookies.Append("_ga", "1"); if (consent.AnalyticsAllowed) write();""")]
    [InlineData("""if (consent.IsGranted(ConsentCategory.Analytics)) { if (id > 0) { http.Response.Cookies.Append("_ga", "1"); } }""")]
    [InlineData("""http.Response.Cookies.Append("sb-session", "1");""")]
    [InlineData("""if (consent.AnalyticsAllowed & id > 0) http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""http.Response.Cookies.Append("app_consent", "analytics=1");""")]
    [InlineData("""Func<int> one = () => { return 1; }; items.ForEach(_ => { if (consent.AnalyticsAllowed) http.Response.Cookies.Append("_ga", "1"); });""")]
    [InlineData("""int One() { return 1; } if (consent.AnalyticsAllowed) http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""return; items.ForEach(_ => { if (consent.AnalyticsAllowed) http.Response.Cookies.Append("_ga", "1"); });""")]
    [InlineData("""items.ForEach(_ => { if (consent.AnalyticsAllowed) { Write(); } void Write() => http.Response.Cookies.Append("_ga", "1"); });""")]
    [InlineData("""if (consent.AnalyticsAllowed) { Outer(); } void Outer() { Inner(); void Inner() => http.Response.Cookies.Append("_ga", "1"); }""")]
    [InlineData("""if (!consent.AnalyticsAllowed) return; Write(); void Write() => http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""items.ForEach(_ => { if (consent.AnalyticsAllowed) Write(); }); void Write() => http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData(
        """WriteIfAllowed(); void WriteIfAllowed() { if (consent.AnalyticsAllowed) Write(); } void Write() => http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData(
        """if (consent.AnalyticsAllowed) Write(); items.ForEach(_ => { if (consent.AnalyticsAllowed) Write(); }); """ +
        """void Write() => http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""if (consent.AnalyticsAllowed) Write(3); void Write(int n) { http.Response.Cookies.Append("_ga", "1"); if (n > 0) Write(n - 1); }""")]
    // A handler registered to run later starts with nothing granted, and its own check counts.
    [InlineData(
        """Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(Microsoft.AspNetCore.Builder.WebApplication.Create(), "/visit", """ +
        """(HttpContext h) => { if (consent.AnalyticsAllowed) h.Response.Cookies.Append("_ga", "1"); });""")]
    // A generic local function: its calls bind to constructed methods (Write<int>, Write<string>).
    [InlineData("""if (consent.AnalyticsAllowed) { Write(1); Write<string>("a"); } void Write<T>(T value) => http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""if (!consent.AnalyticsAllowed) return; items.ForEach(_ => Write(id)); void Write<T>(T value) => http.Response.Cookies.Append("_ga", "1");""")]
    public Task Guarded_or_essential_writes_report_nothing(string body) => Verify(body);

    [Theory]
    [InlineData("""{|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""if (id > 0 || consent.AnalyticsAllowed) {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""Debug.Assert(consent.AnalyticsAllowed); {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""if (consent.AnalyticsAllowed) { id++; } {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""if (!consent.AnalyticsAllowed) { id++; } {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""if (consent.AnalyticsAllowed) await Task.Run(() => {|#0:http.Response.Cookies.Append("_ga", "1")|});""")]
    [InlineData("""if (consent.AnalyticsAllowed) _stored = () => {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""if (consent.AnalyticsAllowed) { Write(); } Write(); void Write() => {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""var allowed = consent.AnalyticsAllowed; allowed = id > 0; if (allowed) {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""var allowed = consent.AnalyticsAllowed; allowed |= id > 0; if (allowed) {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData(
        """var allowed = consent.AnalyticsAllowed; bool.TryParse("true", out allowed); if (allowed) {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""while (id > 0) { {|#0:http.Response.Cookies.Append("_ga", "1")|}; if (consent.AnalyticsAllowed) break; }""")]
    [InlineData("""if (consent.AnalyticsAllowed) await Task.Factory.StartNew(() => {|#0:http.Response.Cookies.Append("_ga", "1")|});""")]
    [InlineData("""if (consent.AnalyticsAllowed) await Task.FromResult(1).ContinueWith(_ => {|#0:http.Response.Cookies.Append("_ga", "1")|});""")]
    [InlineData(
        """Action write = () => {|#0:http.Response.Cookies.Append("_ga", "1")|}; if (consent.AnalyticsAllowed) { write(); await Task.Run(write); }""")]
    [InlineData(
        """if (consent.AnalyticsAllowed) { Write(); await Task.Run(Write); } void Write() => {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""if (consent.AnalyticsAllowed) { } else { {|#0:http.Response.Cookies.Append("_ga", "1")|}; }""")]
    [InlineData("""if (consent.AnalyticsAllowed) { return; {|#0:http.Response.Cookies.Append("_ga", "1")|}; }""")]
    [InlineData("""return; if (consent.AnalyticsAllowed) {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""items.ForEach(_ => { return; if (consent.AnalyticsAllowed) {|#0:http.Response.Cookies.Append("_ga", "1")|}; });""")]
    [InlineData("""if (consent.AnalyticsAllowed) { Write(); } if (id > 0) { Write(); } void Write() => {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""if (consent.AnalyticsAllowed) { Outer(); } void Outer() { Inner(); Action a = Inner; void Inner() => {|#0:http.Response.Cookies.Append("_ga", "1")|}; }""")]
    [InlineData("""if (id > 0) goto write; if (!consent.AnalyticsAllowed) return; write: {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""if (id > 0) goto write; if (!consent.AnalyticsAllowed) return; write: id++; {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""if (!consent.AnalyticsAllowed) { return; } return; {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData(
        """_ = consent.AnalyticsAllowed ? false : Remember(); bool Remember() { {|#0:http.Response.Cookies.Append("_ga", "1")|}; return true; }""")]
    [InlineData("""if (http.Features.Get<ITrackingConsentFeature>()?.CanTrack != false) {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""if (http.Features.Get<ITrackingConsentFeature>()?.CanTrack ?? true) {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""if (consent.AnalyticsAllowed) Write(); await Task.Run(() => Write()); void Write() => {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""if (consent.AnalyticsAllowed) Write(); Other(); void Other() => Write(); void Write() => {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData("""if (consent.AnalyticsAllowed) Write(); items.ForEach(_ => _stored = Write); void Write() => {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData(
        """if (consent.AnalyticsAllowed) Write(1); """ +
        """void Write(int n) { {|#0:http.Response.Cookies.Append("_ga", "1")|}; if (n > 0) _stored = () => Write(n - 1); }""")]
    [InlineData(
        """if (consent.AnalyticsAllowed) Write(1); Again(1); void Again(int n) => Write(n); """ +
        """void Write(int n) { {|#0:http.Response.Cookies.Append("_ga", "1")|}; if (n > 0) Again(n - 1); }""")]
    [InlineData("""if (consent.AnalyticsAllowed) Write(1); Write("a"); void Write<T>(T value) => {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    [InlineData(
        """if (consent.AnalyticsAllowed) Write(1); Action<int> later = Write; void Write<T>(T value) => {|#0:http.Response.Cookies.Append("_ga", "1")|};""")]
    public Task Unguarded_non_essential_writes_are_CG0105(string body) =>
        Verify(body, Unguarded("Writing cookie '_ga'", "analytics"));

    [Theory]
    [InlineData("""if (consent.IsGranted(ConsentCategory.Advertising)) {|#0:http.Response.Cookies.Append("_ga", "1")|};""", "'advertising'")]
    [InlineData(
        """if (consent.AnalyticsAllowed && consent.IsGranted(ConsentCategory.Functional)) {|#0:http.Response.Cookies.Append("_gcl_au", "1")|};""",
        "'analytics', 'functional'")]
    public Task A_guard_for_another_category_is_CG0203(string body, string guards)
    {
        var what = body.Contains("_gcl_au", StringComparison.Ordinal) ? "Writing cookie '_gcl_au'" : "Writing cookie '_ga'";
        var category = body.Contains("_gcl_au", StringComparison.Ordinal) ? "advertising" : "analytics";
        return Verify(body, new DiagnosticResult(Rules.WrongCategoryGuard).WithLocation(0).WithArguments(what, category, guards));
    }

    [Fact]
    public async Task RequiresConsent_on_an_interface_member_binds_calls_to_its_implementation_and_a_marked_property_body_counts_as_guarded()
    {
        var test = ConsentAnalyzerTest<RequiresConsentCallAnalyzer>.Code("""
            using TestProject;

            interface IAds
            {
                [RequiresConsent(ConsentCategory.Advertising)]
                void Track();
            }

            class Ads : IAds
            {
                public void Track() { }

                [RequiresConsent(ConsentCategory.Advertising)]
                public bool Enabled => Helper();

                [RequiresConsent(ConsentCategory.Advertising)]
                private static bool Helper() => true;
            }

            class Page
            {
                void Render(Ads ads) => {|#0:ads.Track()|};
            }
            """, CodeManifests.Policy);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.UnguardedTracking).WithLocation(0).WithArguments("Calling 'Ads.Track()'", "advertising"));
        await test.RunAsync();
    }

    /// <summary>The analyzer looks up only members whose name the source marks: each place a mark can stand is read.</summary>
    [Theory]
    [InlineData("RequiresConsent")]
    [InlineData("Needs")]
    public async Task RequiresConsent_on_a_record_property_a_constructor_or_a_local_function_counts_too(string attribute)
    {
        var test = ConsentAnalyzerTest<RequiresConsentCallAnalyzer>.Code($$"""
            using TestProject;
            using Needs = TestProject.RequiresConsentAttribute;

            record Pixel([property: RequiresConsent(ConsentCategory.Advertising)] string Id);

            class Beacon
            {
                [{{attribute}}(ConsentCategory.Advertising)]
                public Beacon() { }
            }

            class Page
            {
                void Render(Pixel pixel)
                {
                    _ = {|#0:pixel.Id|};
                    _ = {|#1:new Beacon()|};
                    {|#2:Local()|};

                    [RequiresConsent(ConsentCategory.Advertising)]
                    static void Local() { }
                }
            }
            """, CodeManifests.Policy);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        test.TestState.Sources.Add("namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }");
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.UnguardedTracking).WithLocation(0).WithArguments("Calling 'Pixel.Id'", "advertising"));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.UnguardedTracking).WithLocation(1).WithArguments("Calling 'Beacon.Beacon()'", "advertising"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnguardedTracking).WithLocation(2).WithArguments("Calling 'Local()'", "advertising"));
        await test.RunAsync();
    }

    /// <summary>A mark spelled with a \u escape is a mark: the search of the text for the attribute's name cannot see it.</summary>
    [Fact]
    public async Task RequiresConsent_spelled_with_a_unicode_escape_counts_too()
    {
        var test = ConsentAnalyzerTest<RequiresConsentCallAnalyzer>.Code("""
            using TestProject;

            class Beacon
            {
                [Requires\u0043onsent(ConsentCategory.Advertising)]
                public void Send() { }
            }

            class Page
            {
                void Render(Beacon beacon) => {|#0:beacon.Send()|};
            }
            """, CodeManifests.Policy);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.UnguardedTracking).WithLocation(0).WithArguments("Calling 'Beacon.Send()'", "advertising"));
        await test.RunAsync();
    }

    /// <summary>
    /// CG0205: the mark on an implementation or override binds no caller that goes through the interface or base
    /// member, so the marked member is reported unless that member requires the same category (like IL2046).
    /// </summary>
    [Fact]
    public async Task RequiresConsent_on_an_implementation_or_override_of_an_unmarked_member_is_CG0205()
    {
        var test = ConsentAnalyzerTest<RequiresConsentCallAnalyzer>.Code("""
            using TestProject;

            interface IConversions
            {
                void Convert();

                [RequiresConsent(ConsentCategory.Advertising)]
                void Remember();

                [RequiresConsent(ConsentCategory.Analytics)]
                void Measure();
            }

            class Conversions : IConversions
            {
                [RequiresConsent(ConsentCategory.Advertising)]
                public void {|#0:Convert|}() { }

                [RequiresConsent(ConsentCategory.Advertising)]
                public void Remember() { }

                [RequiresConsent(ConsentCategory.Advertising)]
                public void {|#1:Measure|}() { }
            }

            class Tracker
            {
                public virtual void Send() { }
            }

            class AdsTracker : Tracker
            {
                [RequiresConsent(ConsentCategory.Advertising)]
                public override void {|#2:Send|}() { }
            }
            """, CodeManifests.Policy);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.RequirementNotOnBaseMember).WithLocation(0).WithArguments(
                "Calling 'Conversions.Convert()' through 'IConversions.Convert()', which is not marked [RequiresConsent],", "advertising"));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.RequirementNotOnBaseMember).WithLocation(1).WithArguments(
                "Calling 'Conversions.Measure()' through 'IConversions.Measure()', which is not marked [RequiresConsent],", "advertising"));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.RequirementNotOnBaseMember).WithLocation(2).WithArguments(
                "Calling 'AdsTracker.Send()' through 'Tracker.Send()', which is not marked [RequiresConsent],", "advertising"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_RequiresConsent_member_counts_as_guarded_inside()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code("""
            using Microsoft.AspNetCore.Http;
            using TestProject;

            class Tracking
            {
                [RequiresConsent(ConsentCategory.Analytics)]
                public void Remember(HttpResponse response) => response.Cookies.Append("_ga", "1");
            }

            [RequiresConsent(ConsentCategory.Advertising)]
            class AdsTracking
            {
                public void Remember(HttpResponse response) => response.Cookies.Append("_gcl_au", "1");
            }
            """, CodeManifests.Policy);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        await test.RunAsync();
    }

    [Theory]
    [InlineData("""{|#0:Ads.TrackConversion()|};""", null)]
    [InlineData("""if (consent.IsGranted(ConsentCategory.Advertising)) Ads.TrackConversion();""", null)]
    [InlineData("""if (feature.CanTrack) Ads.TrackConversion();""", null)]
    [InlineData("""if (consent.AnalyticsAllowed) {|#0:Ads.TrackConversion()|};""", "'analytics'")]
    public Task Calls_to_RequiresConsent_members_need_a_guard(string body, string? otherGuard)
    {
        var expected = !body.Contains("{|#0:", StringComparison.Ordinal) ? []
            : otherGuard is null
                ? new[] { new DiagnosticResult(Rules.UnguardedTracking).WithLocation(0).WithArguments("Calling 'Ads.TrackConversion()'",
                    "advertising") }
            : [new DiagnosticResult(Rules.WrongCategoryGuard).WithLocation(0).WithArguments("Calling 'Ads.TrackConversion()'", "advertising",
                otherGuard)];
        return Verify<RequiresConsentCallAnalyzer>(body, expected);
    }

    [Fact]
    public async Task Manifest_guards_cover_consent_checks_the_team_cannot_annotate()
    {
        var manifest = CodeManifests.Policy.Replace(
            "  \"storage\": [",
            """
              "guards": [
                { "api": "Shop.Privacy.IConsentManager.IsAllowedAsync", "arguments": { "Shop.Privacy.CookieType.Analytics": "analytics", "Shop.Privacy.CookieType.ThirdParty": "advertising" } },
                { "api": "Shop.Privacy.IConsentManager.AnalyticsAllowed", "category": "analytics" },
              ],
              "storage": [
            """,
            StringComparison.Ordinal);
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;

            namespace Shop.Privacy
            {
                public enum CookieType { Analytics, ThirdParty }

                public interface IConsentManager
                {
                    Task<bool> IsAllowedAsync(CookieType type);
                    bool AnalyticsAllowed { get; }
                }

                class Page
                {
                    async Task Render(HttpResponse response, IConsentManager consent)
                    {
                        if (await consent.IsAllowedAsync(CookieType.Analytics)) response.Cookies.Append("_ga", "1");
                        if (consent.AnalyticsAllowed) response.Cookies.Append("_ga", "1");
                        if (await consent.IsAllowedAsync(CookieType.ThirdParty)) response.Cookies.Append("_gcl_au", "1");
                        if (await consent.IsAllowedAsync(CookieType.ThirdParty)) {|#0:response.Cookies.Append("_ga", "1")|};
                    }
                }
            }
            """, manifest);
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.WrongCategoryGuard).WithLocation(0).WithArguments("Writing cookie '_ga'", "analytics", "'advertising'"));
        await test.RunAsync();
    }

    /// <summary>
    /// A guard's api is matched against the member's full name: a wildcard may span dots (into the member's name), and
    /// a member part without one names the member exactly.
    /// </summary>
    [Theory]
    [InlineData("Shop.Privacy.IConsentManager.AnalyticsAllowed", true)]
    [InlineData("Shop.Privacy.*.AnalyticsAllowed", true)]
    [InlineData("*.AnalyticsAllowed", true)]
    [InlineData("Shop.Privacy.IConsent*", true)]
    [InlineData("Shop.Privacy.IConsentManager.Analytics*", true)]
    [InlineData("Shop.Privacy.IConsentManager.Analytics", false)]
    [InlineData("Shop.Privacy.IConsentManager.AnalyticsAllowedNow", false)]
    [InlineData("*Allowed", true)]
    public async Task Manifest_guard_apis_match_the_member_by_its_full_name(string api, bool guards)
    {
        var manifest = CodeManifests.Policy.Replace(
            "  \"storage\": [",
            $$"""
              "guards": [ { "api": "{{api}}", "category": "analytics" } ],
              "storage": [
            """,
            StringComparison.Ordinal);
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code($$"""
            using Microsoft.AspNetCore.Http;

            namespace Shop.Privacy
            {
                public interface IConsentManager
                {
                    bool AnalyticsAllowed { get; }
                }

                class Page
                {
                    void Render(HttpResponse response, IConsentManager consent)
                    {
                        if (consent.AnalyticsAllowed) {{(guards ? "" : "{|#0:")}}response.Cookies.Append("_ga", "1"){{(guards ? "" : "|}")}};
                    }
                }
            }
            """, manifest);
        if (!guards)
        {
            test.ExpectedDiagnostics.Add(
                new DiagnosticResult(Rules.UnguardedWrite).WithLocation(0).WithArguments("Writing cookie '_ga'", "analytics"));
        }

        await test.RunAsync();
    }

    [Fact]
    public Task Storage_writes_are_guarded_the_same_way() =>
        Verify<StorageWriteAnalyzer>(
            """
            var js = http.RequestServices.GetService(typeof(Microsoft.JSInterop.IJSRuntime)) as Microsoft.JSInterop.IJSRuntime;
            if (consent.AnalyticsAllowed) await js!.InvokeVoidAsync("sessionStorage.setItem", "landing_page", "/");
            await {|#0:js!.InvokeVoidAsync("sessionStorage.setItem", "gclid", "x")|};
            """,
            new DiagnosticResult(Rules.UnguardedWrite).WithLocation(0).WithArguments("Writing storage key 'gclid'", "advertising"));
}
