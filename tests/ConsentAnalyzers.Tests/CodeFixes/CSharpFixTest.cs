using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Tests.Analyzers;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>
/// A code-fix test with all of the package's code analyzers running, as in a real project, against
/// <see cref="CodeManifests.Policy"/>, on the test project of <see cref="ConsentTestProject"/>. The testing library
/// applies the fix one diagnostic at a time and through Fix All
/// in document, project and solution scope, and checks that the fixed code compiles and reports nothing further
/// (apart from <see cref="CSharpCodeFixTest{TAnalyzer, TCodeFix, TVerifier}.DisabledDiagnostics"/>).
/// </summary>
internal sealed class CSharpFixTest<TCodeFix> : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public CSharpFixTest(string code, string fixedCode, string manifest = CodeManifests.Policy)
    {
        this.Setup(manifest);
        TestCode = code;
        FixedCode = fixedCode;
        MarkupOptions = MarkupOptions.UseFirstDescriptor; // several analyzers report the same rules, with the same descriptor
    }

    /// <summary>Adds a source file that the fix leaves alone.</summary>
    public CSharpFixTest<TCodeFix> WithSource(string source)
    {
        TestState.Sources.Add(source);
        FixedState.Sources.Add(source);
        return this;
    }

    /// <summary>Adds a document the fix changes too: Fix All must fix every document.</summary>
    public CSharpFixTest<TCodeFix> WithDocument(string path, string code, string fixedCode)
    {
        TestState.Sources.Add((path, code));
        FixedState.Sources.Add((path, fixedCode));
        return this;
    }

    /// <summary>Expects the action to read <paramref name="title"/> and to have <paramref name="equivalenceKey"/> (what Fix All groups by).</summary>
    public CSharpFixTest<TCodeFix> WithAction(string title, string equivalenceKey)
    {
        CodeActionEquivalenceKey = equivalenceKey;
        CodeActionVerifier = (action, verifier) => verifier.Equal(title, action.Title);
        return this;
    }

    public CSharpFixTest<TCodeFix> Disable(params string[] ids)
    {
        DisabledDiagnostics.AddRange(ids);
        return this;
    }

    /// <summary>
    /// Accepts diagnostics that Roslyn counts as non-local: CG0106 on an options variable is reported while the cookie
    /// write is analyzed, at an assignment outside the write. Build, full-solution analysis and <c>dotnet format</c>
    /// see such diagnostics; the testing library would otherwise refuse to fix them.
    /// </summary>
    public CSharpFixTest<TCodeFix> AllowNonLocalDiagnostics()
    {
        CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return this;
    }

    private readonly List<DiagnosticAnalyzer> _otherAnalyzers = [];

    /// <summary>Runs an analyzer the guard fixes do not need (<see cref="CookieLifetimeAnalyzer"/>) beside them.</summary>
    public CSharpFixTest<TCodeFix> WithAnalyzer(DiagnosticAnalyzer analyzer)
    {
        _otherAnalyzers.Add(analyzer);
        return this;
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        [.. GuardReportingAnalyzers.Create(), .. _otherAnalyzers];
}
