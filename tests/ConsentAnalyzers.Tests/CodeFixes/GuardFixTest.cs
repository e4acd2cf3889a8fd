using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Tests.Analyzers;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>
/// A code-fix test for the consent rules: every analyzer that reports CG0105/CG0202 runs, against
/// <see cref="CodeManifests.Policy"/> (or another manifest) and the hand-written consent API of
/// <see cref="ConsentGuardTests.ConsentApi"/>, with ASP.NET Core referenced.
/// </summary>
internal sealed class GuardFixTest<TCodeFix> : CSharpCodeFixTest<CookieWriteAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>The tracker declarations CG0202 tests need (Application Insights is matched by metadata name).</summary>
    public const string Manifest = """
        {
          "version": 1,
          "categories": {
            "necessary": { "title": "Strictly Necessary", "essential": true },
            "functional": { "title": "Functional" },
            "analytics": { "title": "Analytics" },
            "advertising": { "title": "Advertising" },
          },
          "cookies": [
            { "name": "sb-*", "category": "necessary" },
            { "name": "_ga", "category": "analytics" },
            { "name": "_gcl_*", "category": "advertising" },
            { "name": "theme", "category": "functional" },
          ],
          "storage": [
            { "key": "landing_page", "area": "session", "category": "analytics" },
          ],
          "trackers": [
            { "use": "application-insights", "category": "analytics" },
          ],
        }
        """;

    /// <summary>Application Insights' client, as the tracker catalog knows it by name.</summary>
    public const string TelemetryClient = """
        namespace Microsoft.ApplicationInsights
        {
            public class TelemetryClient
            {
                public void TrackEvent(string eventName) { }
            }
        }
        """;

    public GuardFixTest(string code, string fixedCode, string manifest = Manifest, params string[] sources)
    {
        ReferenceAssemblies = ConsentAnalyzerTest<CookieWriteAnalyzer>.AspNetCore;
        MarkupOptions = MarkupOptions.UseFirstDescriptor; // several analyzers report CG0105/CG0202
        TestCode = code;
        FixedCode = fixedCode;

        // Findings the fix leaves (callers of a new [RequiresConsent], another category) are marked in the fixed code.
        FixedState.MarkupHandling = MarkupMode.Allow;
        BatchFixedState.MarkupHandling = MarkupMode.Allow;
        TestState.AdditionalFiles.Add((ConsentAnalyzerTest<CookieWriteAnalyzer>.ManifestPath, manifest));
        foreach (var source in sources.Prepend(ConsentGuardTests.ConsentApi))
        {
            TestState.Sources.Add(source);
            FixedState.Sources.Add(source);
        }
    }

    /// <summary>Expects Fix All (document, project and solution) to produce <paramref name="batchFixedCode"/>.</summary>
    public GuardFixTest<TCodeFix> WithBatchFixed(string batchFixedCode)
    {
        BatchFixedState.Sources.Add(batchFixedCode);
        foreach (var source in FixedState.Sources.Skip(1))
        {
            BatchFixedState.Sources.Add(source);
        }

        return this;
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        [new CookieWriteAnalyzer(), new StorageWriteAnalyzer(), new TrackingCallAnalyzer(), new RequiresConsentCallAnalyzer(), new MarkupAnalyzer()];
}
