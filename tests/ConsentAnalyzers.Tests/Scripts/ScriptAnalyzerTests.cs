using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Analyzers;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Scripts;

/// <summary>The site's JavaScript files, checked against the manifest and its script guards.</summary>
public class ScriptAnalyzerTests
{
    /// <summary>The code-rule manifest with its trackers and three script guards, one of each form.</summary>
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
        StringComparison.Ordinal);

    internal const string ScriptPath = "/0/wwwroot/js/site.js";

    internal static Task Verify(string script, params DiagnosticResult[] expected) => Verify(script, ScriptPath, expected);

    internal static Task Verify(string script, string path, params DiagnosticResult[] expected)
    {
        var test = ConsentAnalyzerTest<ScriptAnalyzer>.Code("class Site { }", Manifest);
        test.TestState.AdditionalFiles.Add((path, script));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task An_undeclared_key_and_an_unguarded_gtag_call_are_reported_and_a_guarded_call_is_not() =>
        Verify(
            """
            localStorage.setItem({|#0:'wizard_state'|}, JSON.stringify(state));
            {|#1:gtag|}('event', 'generate', { value: 1 });
            if (consent.has('analytics')) {
              gtag('event', 'share');
            }
            """,
            new DiagnosticResult(Rules.UndeclaredStorageKey).WithLocation(0).WithArguments("Local-storage", "wizard_state", ""),
            new DiagnosticResult(Rules.UnguardedTracking).WithLocation(1).WithArguments("Tracking call to the Google tag (gtag.js)", "analytics"));
}
