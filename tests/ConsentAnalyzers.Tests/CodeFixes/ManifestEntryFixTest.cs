using System.Text.RegularExpressions;
using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.CodeFixes.ManifestEntries;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>
/// The verifier for "declare in the manifest": the code analyzers that report undeclared names and trackers, and
/// the manifest analyzer, so that a fixed manifest with an error (CG0003/CG0004) or a finding the fix did not
/// remove fails the test. Before and after manifests are additional files.
/// </summary>
internal sealed class ManifestEntryFixTest : CSharpCodeFixTest<ManifestAnalyzer, AddToManifestCodeFixProvider, DefaultVerifier>
{
    public const string ManifestPath = ConsentTestProject.ManifestPath;

    public ManifestEntryFixTest() => this.Setup();

    /// <summary>
    /// A test that applies the action chosen by <paramref name="equivalenceKey"/> to <paramref name="code"/>, whose
    /// <c>{|CG0101:…|}</c> markup marks the findings, and expects <paramref name="fixedManifest"/> after every fix
    /// and every Fix All; <paramref name="fixedCode"/>, when given, marks the findings that remain.
    /// </summary>
    public static ManifestEntryFixTest Create(string code, string manifest, string fixedManifest, string equivalenceKey, string? fixedCode = null)
    {
        var test = new ManifestEntryFixTest { TestCode = code, CodeActionEquivalenceKey = equivalenceKey };
        test.TestState.AdditionalFiles.Add((ManifestPath, manifest));
        test.FixedState.Sources.Add(fixedCode ?? WithoutMarkup(code));
        test.FixedState.AdditionalFiles.Add((ManifestPath, fixedManifest));
        return test;
    }

    /// <summary>
    /// The equivalence key of the action that declares in <paramref name="category"/> (and, for storage of unknown
    /// area, that area).
    /// </summary>
    public static string Key(string category, string? area = null) =>
        "ConsentAnalyzers.AddToManifest:" + category + (area is null ? string.Empty : ":" + area);

    /// <summary>The code as it is after the fix: the same text, since only the manifest changes.</summary>
    public static string WithoutMarkup(string code) => Regex.Replace(code, @"\{\|[A-Z0-9]+:|\|\}", string.Empty);

    /// <summary>The raw string with LF line breaks, whatever the checkout did to the test file.</summary>
    public static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    public static string Crlf(string text) => Lf(text).Replace("\n", "\r\n", StringComparison.Ordinal);

    /// <summary>Each two spaces of indentation as a tab.</summary>
    public static string Tabs(string text) =>
        string.Join("\n", Lf(text).Split('\n').Select(line =>
        {
            var spaces = line.Length - line.TrimStart(' ').Length;
            return new string('\t', spaces / 2) + line.Substring(spaces);
        }));

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        [new CookieWriteAnalyzer(), new StorageWriteAnalyzer(), new TrackingCallAnalyzer(), new ManifestAnalyzer()];

    /// <summary>
    /// The actions the fix offers for each finding in <paramref name="code"/> (no markup) against
    /// <paramref name="manifest"/>: a line "title | equivalence key" each, in the order offered.
    /// </summary>
    public static async Task<string> OfferedActionsAsync(string code, string manifest)
    {
        using var workspace = new AdhocWorkspace();
        var document = ConsentTestProject.AddProject(workspace, manifest).AddDocument("Test0.cs", code);
        var project = document.Project;

        var provider = new AddToManifestCodeFixProvider();
        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation
            .WithAnalyzers([new CookieWriteAnalyzer(), new StorageWriteAnalyzer(), new TrackingCallAnalyzer()], project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        var offered = new List<string>();
        foreach (var diagnostic in diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start))
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => offered.Add(action.Title + " | " + action.EquivalenceKey),
                CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context);
        }

        return string.Join("\n", offered);
    }
}
