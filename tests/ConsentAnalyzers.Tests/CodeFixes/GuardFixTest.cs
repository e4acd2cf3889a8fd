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
/// <see cref="Manifest"/> (or another manifest) on the test project of <see cref="ConsentTestProject"/>, with the
/// consent service of <see cref="ConsentTestProject.ConsentService"/>.
/// </summary>
internal sealed class GuardFixTest<TCodeFix> : CSharpCodeFixTest<CookieWriteAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>The code rules' manifest with trackers declared (Application Insights, Google Analytics, an API pattern).</summary>
    public static string Manifest => TrackingCallAnalyzerTests.Manifest;

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

    public GuardFixTest(string code, string fixedCode, string? manifest = null, params string[] sources)
    {
        this.Setup(manifest ?? Manifest);
        MarkupOptions = MarkupOptions.UseFirstDescriptor; // several analyzers report CG0105/CG0202
        TestCode = code;
        FixedCode = fixedCode;

        // Findings the fix leaves (callers of a new [RequiresConsent], another category) are marked in the fixed code.
        FixedState.MarkupHandling = MarkupMode.Allow;
        BatchFixedState.MarkupHandling = MarkupMode.Allow;
        foreach (var source in sources.Prepend(ConsentTestProject.ConsentService))
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
        [.. GuardReportingAnalyzers.Create(), new MarkupAnalyzer()];
}
