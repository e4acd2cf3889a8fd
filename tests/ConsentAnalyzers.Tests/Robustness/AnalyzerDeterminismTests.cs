using ConsentAnalyzers.Tests.Robustness.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Tests.Robustness;

/// <summary>
/// The analyzers report the same diagnostics (ids, locations, messages and the properties the code fixes read) on
/// every run: with or without concurrent execution, and when two analyses of one compilation run at the same time
/// (the shared per-compilation context and flow cache are then filled from two threads at once).
/// </summary>
public sealed class AnalyzerDeterminismTests
{
    [Fact]
    public async Task Diagnostics_are_identical_across_runs_with_and_without_concurrent_analysis_and_when_run_side_by_side()
    {
        var workload = await LargeWorkload.CreateAsync(lines: 800, manifestEntries: 120, seed: 11);
        var sequential = await Analyze(workload.CompilationWithGenerated(), workload.NewAnalyzerOptions(), concurrent: false);
        Assert.Contains(sequential, d => d.StartsWith("CG01", StringComparison.Ordinal));
        Assert.Contains(sequential, d => d.StartsWith("CG02", StringComparison.Ordinal));

        Assert.Equal(sequential, await Analyze(workload.CompilationWithGenerated(), workload.NewAnalyzerOptions(), concurrent: true));

        var compilation = workload.CompilationWithGenerated();
        var options = workload.NewAnalyzerOptions();
        var sideBySide = await Task.WhenAll(
            Enumerable.Range(0, 3).Select(i => Task.Run(() => Analyze(compilation, options, concurrent: i % 2 == 0))));
        Assert.All(sideBySide, result => Assert.Equal(sequential, result));
    }

    private static async Task<List<string>> Analyze(Compilation compilation, AnalyzerOptions options, bool concurrent)
    {
        var diagnostics = await compilation
            .WithAnalyzers(FuzzProject.NewAnalyzers(),
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();
        return LargeWorkload.Describe(diagnostics);
    }
}
