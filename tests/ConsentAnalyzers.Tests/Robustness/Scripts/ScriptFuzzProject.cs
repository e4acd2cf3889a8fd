using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Tests.Infrastructure;
using ConsentAnalyzers.Tests.Robustness.Code;
using ConsentAnalyzers.Tests.Scripts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace ConsentAnalyzers.Tests.Robustness.Scripts;

/// <summary>
/// A site with one JavaScript file, against the script tests' manifest (its trackers, storage keys and three script
/// guards): <see cref="RunAsync"/> gives the file an edited text, as a new <see cref="SourceText"/> (so the script
/// analysis cache never answers), and runs <see cref="ScriptAnalyzer"/> on it as the compiler does.
/// </summary>
internal static class ScriptFuzzProject
{
    public const string ScriptPath = "/site/wwwroot/js/site.js";

    private static readonly CSharpCompilation Compilation = CSharpCompilation.Create(
        "Site",
        [CSharpSyntaxTree.ParseText("class Site { }", FuzzProject.ParseOptions, "/site/Site.cs")],
        TestReferences.AspNetCore.References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static readonly InMemoryAdditionalText Manifest = new("/site/consent-manifest.json", ScriptAnalyzerTests.Manifest);

    /// <summary>The manifest as the analysis reads it, for tests that call the script analysis directly.</summary>
    public static ManifestModel Model { get; } = ManifestReader.Read(SourceText.From(ScriptAnalyzerTests.Manifest)).Model!;

    /// <summary>
    /// What went wrong analyzing <paramref name="script"/> (an analyzer exception, more than one CG0109, no answer
    /// within the per-case timeout), or null. The other diagnostics are not judged.
    /// </summary>
    public static Task<string?> RunAsync(string script) =>
        RunAsync(Compilation, new ScriptAnalyzer(), new InMemoryAdditionalText(ScriptPath, SourceText.From(script)));

    /// <summary>
    /// The same for <paramref name="script"/> inline in a Razor page (<c>WriteLiteral("&lt;script&gt;…&lt;/script&gt;")</c>),
    /// run through <see cref="MarkupAnalyzer"/>.
    /// </summary>
    public static Task<string?> RunInlineAsync(string script) => RunAsync(InlinePage(script), new MarkupAnalyzer(), additional: null);

    /// <summary>What the markup analyzer reports for <paramref name="script"/> inline: for the test that the harness sees sites at all.</summary>
    public static async Task<ImmutableArray<Diagnostic>> InlineDiagnosticsAsync(string script) =>
        await InlinePage(script).WithAnalyzers([new MarkupAnalyzer()], new AnalyzerOptions([Manifest], new TestOptionsProvider()))
            .GetAnalyzerDiagnosticsAsync();

    private static Compilation InlinePage(string script)
    {
        var literal = SymbolDisplay.FormatLiteral("<script>" + script + "</script>", quote: true);
        var page = CSharpSyntaxTree.ParseText(
            "using System.Threading.Tasks;\nusing Microsoft.AspNetCore.Mvc.Razor;\npublic class Page : RazorPage<object>\n{\n"
            + "    public override async Task ExecuteAsync()\n    {\n        await Task.Yield();\n        WriteLiteral(" + literal + ");\n    }\n}\n",
            FuzzProject.ParseOptions, "/site/Pages/Index.cshtml.g.cs");
        return Compilation.AddSyntaxTrees(page);
    }

    private static async Task<string?> RunAsync(Compilation compilation, DiagnosticAnalyzer analyzer, AdditionalText? additional)
    {
        using var timeout = new CancellationTokenSource(FuzzSettings.PerCaseTimeout);
        var exceptions = new ConcurrentQueue<string>();
        try
        {
            var files = additional is null ? [Manifest] : ImmutableArray.Create<AdditionalText>(Manifest, additional);
            var withAnalyzers = compilation.WithAnalyzers(
                [analyzer],
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(files, new TestOptionsProvider()),
                    (exception, failed, _) => exceptions.Enqueue($"{failed.GetType().Name}: {exception}"), concurrentAnalysis: false,
                    logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(timeout.Token);
            var crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()).Concat(exceptions).ToList();
            if (crashes.Count > 0)
            {
                return "analyzer exception: " + string.Join(Environment.NewLine, crashes);
            }

            var failures = diagnostics.Count(d => d.Id == "CG0109");
            return failures > 1 ? $"{failures} CG0109 for one file" : null;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return $"no result within {FuzzSettings.PerCaseTimeout.TotalSeconds} s: a hang";
        }
    }

    /// <summary>Runs the cases (in parallel, one per core) and fails with each failing input written to a temp file.</summary>
    public static async Task CheckAsync(ITestOutputHelper output, string kind, IEnumerable<EditedScript> cases,
        Func<string, Task<string?>>? analyze = null)
    {
        var failures = new ConcurrentQueue<string>();
        var run = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (edited, _) =>
        {
            Interlocked.Increment(ref run);
            if (await (analyze ?? RunAsync)(edited.Text) is { } problem)
            {
                var path = Path.Combine(FailureReportFolders.For("consent-script-fuzz"), $"{kind}-{Guid.NewGuid():N}.js");
                await File.WriteAllTextAsync(path, edited.Text);
                failures.Enqueue($"{edited.Source.Name}, {edited.Label}, seed {FuzzSettings.Seed}: {problem}\n  input: {path}");
            }
        });

        output.WriteLine($"script {kind} fuzz: {run} cases, {failures.Count} failed, {watch.Elapsed.TotalSeconds:0.0} s; {FuzzSettings.Describe()}");
        Assert.True(run > 0, "no cases were generated");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {run} script {kind} cases failed ({FuzzSettings.Describe()}):\n\n"
            + string.Join("\n\n", failures.Take(10)));
    }
}
