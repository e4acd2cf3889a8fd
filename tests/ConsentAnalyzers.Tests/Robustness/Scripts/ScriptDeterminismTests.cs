using System.Collections.Immutable;
using System.Diagnostics;
using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Scripts;
using ConsentAnalyzers.Tests.Infrastructure;
using ConsentAnalyzers.Tests.Scripts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace ConsentAnalyzers.Tests.Robustness.Scripts;

/// <summary>
/// The script analysis reports the same diagnostics on every run (with or without concurrent execution, and when
/// several analyses share the script texts and so fill the per-text cache from several threads at once), and a
/// cancelled analysis stops promptly and leaves nothing in that cache that a later run would read.
/// </summary>
public sealed class ScriptDeterminismTests(ITestOutputHelper output)
{
    /// <summary>
    /// Not a performance bound: long enough that only a walk that ignores its token could exceed it. (The parse itself
    /// takes no token: a cancel during the parse of a 20,000-line script is seen when the walk starts.)
    /// </summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Diagnostics_are_identical_across_runs_with_and_without_concurrent_analysis_and_when_run_side_by_side()
    {
        var compilation = CSharpCompilation.Create("Site", [CSharpSyntaxTree.ParseText("class Site { }")], TestReferences.AspNetCore.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var sequential = await Analyze(compilation, NewOptions(), concurrent: false);
        output.WriteLine($"{sequential.Count} diagnostics in {ScriptFuzzSources.All.Count} scripts");
        Assert.Contains(sequential, d => d.StartsWith("CG01", StringComparison.Ordinal));

        Assert.Equal(sequential, await Analyze(compilation, NewOptions(), concurrent: true));
        var shared = NewOptions();
        var sideBySide = await Task.WhenAll(
            Enumerable.Range(0, 3).Select(i => Task.Run(() => Analyze(compilation, shared, concurrent: i % 2 == 0))));
        Assert.All(sideBySide, result => Assert.Equal(sequential, result));
    }

    [Fact]
    public void A_cancelled_analysis_throws_promptly_and_the_next_run_matches_a_clean_run()
    {
        var text = SourceText.From(ExtremeScripts.Long(20_000));
        var clean = ScriptAnalysis.Read(text.ToString(), isModule: false, ScriptFuzzProject.Model, CancellationToken.None);
        Assert.NotEmpty(clean.Sites);

        using (var cancelled = new CancellationTokenSource())
        {
            cancelled.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(
                () => ScriptAnalysis.Analyze(text, isModule: false, ScriptFuzzProject.Model, cancelled.Token));
        }

        // Cancelled part-way, at seeded delays.
        var random = new Random(Code.FuzzSettings.Seed);
        foreach (var delay in Enumerable.Range(0, 3).Select(_ => random.Next(1, 100)))
        {
            using var source = new CancellationTokenSource();
            var cancelledAt = 0L;
            using var timer = new Timer(_ =>
            {
                cancelledAt = Stopwatch.GetTimestamp();
                source.Cancel();
            }, null, delay, Timeout.Infinite);
            try
            {
                ScriptAnalysis.Analyze(text, isModule: false, ScriptFuzzProject.Model, source.Token);
                output.WriteLine($"cancel after {delay} ms: finished first");
            }
            catch (OperationCanceledException)
            {
                var late = Stopwatch.GetElapsedTime(cancelledAt);
                output.WriteLine($"cancel after {delay} ms: threw {late.TotalMilliseconds:0} ms after the cancel");
                Assert.True(late < Prompt, $"the analysis went on for {late} after it was cancelled");
            }
        }

        var after = ScriptAnalysis.Analyze(text, isModule: false, ScriptFuzzProject.Model, CancellationToken.None);
        Assert.Equal(Describe(clean), Describe(after));
    }

    private static List<string> Describe(ScriptFindings findings) => findings.Sites.Select(site => site.ToString()).ToList();

    private static AnalyzerOptions NewOptions() => new(
        ScriptFuzzSources.All.Select((script, i) => (AdditionalText)new InMemoryAdditionalText($"/site/wwwroot/js/{i}.js", script.Text))
            .Prepend(new InMemoryAdditionalText("/site/consent-manifest.json", ScriptAnalyzerTests.Manifest))
            .ToImmutableArray(),
        new TestOptionsProvider());

    private static async Task<List<string>> Analyze(Compilation compilation, AnalyzerOptions options, bool concurrent)
    {
        var diagnostics = await compilation
            .WithAnalyzers([new ScriptAnalyzer()],
                new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: concurrent,
                    logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return LargeWorkload.Describe(diagnostics);
    }
}
