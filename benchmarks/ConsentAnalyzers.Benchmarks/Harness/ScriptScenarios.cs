using System.Collections.Immutable;
using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Benchmarks.Workload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Benchmarks.Harness;

/// <summary>An additional file of a given text (the same <see cref="SourceText"/> instance each time it is asked, as the IDE keeps it).</summary>
public sealed class ScriptText(string path, SourceText text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => text;
}

/// <summary>What the script benchmark measured.</summary>
public sealed record ScriptResult(
    ScriptWorkload Workload,
    int CSharpLines,
    Samples CompilerMs,
    Samples ScriptAnalyzerMs,
    Samples AfterCSharpEditMs,
    Samples EditAnalyzerMs,
    Samples EditWallMs,
    int EditedFiles,
    SortedDictionary<string, int> ById,
    int Crashes);

/// <summary>
/// The site's JavaScript (<see cref="ScriptGenerator"/>) as additional files of the C# workload's project, analyzed by
/// <see cref="ScriptAnalyzer"/> alone: the whole workload against the compiler's time for the C# project, the
/// scripts again after an edit to a C# file (every script text unchanged), and one 1,000-line script after an edit.
/// </summary>
public static class ScriptScenarios
{
    public const string ScriptRoot = "/shop/";

    public static ScriptResult Run(BenchmarkProject project, ScriptWorkload scripts, int warmup, int iterations, int editSamples,
        Action<string>? log = null)
    {
        var analyzer = new ScriptAnalyzer();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(analyzer);
        var (compilerMs, scriptMs, afterCSharpEdit) = (new Samples(), new Samples(), new Samples());
        var byId = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var crashes = 0;
        for (var iteration = 0; iteration < warmup + iterations; iteration++)
        {
            var measured = iteration >= warmup;
            var compiler = Measure.Run(() => project.NewCompilation().GetDiagnostics().Length);

            // New texts of the manifest and of every script: nothing is cached from the run before.
            var files = NewFiles(scripts);
            var compilation = project.NewCompilation();
            var run = Measure.Run(() => Analyze(compilation, analyzers, files));
            var time = AnalyzerMs(run.Result, analyzer);

            // An edit to a C# file: a new compilation, the same script texts.
            var tree = compilation.SyntaxTrees.First();
            var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().WithChanges(new TextChange(new TextSpan(0, 0),
                $"// edit {iteration}\n"))));
            var again = AnalyzerMs(Measure.Run(() => Analyze(edited, analyzers, files)).Result, analyzer);
            log?.Invoke($"  iteration {iteration + 1}/{warmup + iterations}{(measured ? string.Empty : " (warm-up)")}: compiler "
                + $"{compiler.Milliseconds:F0} ms; script analysis {time:F1} ms; after a C# edit {again:F2} ms");
            if (!measured)
            {
                continue;
            }

            compilerMs.Add(compiler.Milliseconds);
            scriptMs.Add(time);
            afterCSharpEdit.Add(again);
            byId.Clear();
            foreach (var group in run.Result.GetAllDiagnostics().GroupBy(d => d.Id))
            {
                byId[group.Key] = group.Count();
            }

            crashes = byId.GetValueOrDefault("AD0001");
        }

        var (editAnalyzer, editWall, editedFiles) = Edits(project, scripts, analyzer, editSamples);
        return new ScriptResult(scripts, project.Workload.Lines, compilerMs, scriptMs, afterCSharpEdit, editAnalyzer, editWall, editedFiles, byId,
            crashes);
    }

    /// <summary>
    /// The IDE case: one of the 1,000-line scripts edited (a line inserted; a new text for that file only), then that
    /// file's diagnostics (<c>GetAnalysisResultAsync(file)</c>), the other scripts keeping their texts. The large files
    /// take turns; five warm-up edits.
    /// </summary>
    private static (Samples Analyzer, Samples Wall, int Files) Edits(BenchmarkProject project, ScriptWorkload scripts, ScriptAnalyzer analyzer,
        int samples)
    {
        const int Warmup = 5;
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(analyzer);
        var compilation = project.NewCompilation();
        var files = NewFiles(scripts);
        var large = scripts.Files.Select((file, index) => (file, index)).Where(f => f.file.IsLarge).Select(f => f.index + 1).ToList();
        var random = new Random(20250101);
        var (analyzerMs, wallMs) = (new Samples(), new Samples());
        for (var i = 0; i < Warmup + samples; i++)
        {
            var slot = large[i % large.Count];
            var text = files[slot].GetText()!;
            var line = text.Lines[random.Next(text.Lines.Count)];
            files[slot] = new ScriptText(files[slot].Path,
                text.WithChanges(new TextChange(new TextSpan(line.Start, 0), $"const edited{i} = {i}; // edit\n")));
            var withAnalyzers = compilation.WithAnalyzers(analyzers, RunOptions([.. files]));
            var file = files[slot];
            var (ms, _, result) = Measure.Quick(() => withAnalyzers.GetAnalysisResultAsync(file, CancellationToken.None).GetAwaiter().GetResult());
            if (i >= Warmup)
            {
                wallMs.Add(ms);
                analyzerMs.Add(AnalyzerMs(result, analyzer));
            }
        }

        return (analyzerMs, wallMs, large.Count);
    }

    /// <summary>The manifest and every script, each a new text.</summary>
    private static List<AdditionalText> NewFiles(ScriptWorkload scripts) =>
        scripts.Files.Select(f => (AdditionalText)new ScriptText(ScriptRoot + f.Path, SourceText.From(f.Text)))
            .Prepend(new ScriptText(BenchmarkProject.ManifestPath, SourceText.From(scripts.ManifestJson)))
            .ToList();

    private static AnalysisResult Analyze(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, List<AdditionalText> files) =>
        compilation.WithAnalyzers(analyzers, RunOptions([.. files])).GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();

    private static CompilationWithAnalyzersOptions RunOptions(ImmutableArray<AdditionalText> files) =>
        new(new AnalyzerOptions(files, BenchmarkProject.BuildOptions), onAnalyzerException: null, concurrentAnalysis: false,
            logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);

    private static double AnalyzerMs(AnalysisResult result, DiagnosticAnalyzer analyzer) =>
        result.AnalyzerTelemetryInfo.TryGetValue(analyzer, out var telemetry) ? telemetry.ExecutionTime.TotalMilliseconds : 0;
}
