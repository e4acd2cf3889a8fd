using System.Collections.Immutable;
using System.Diagnostics;
using ConsentAnalyzers.Tests.Robustness.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace ConsentAnalyzers.Tests.Robustness;

/// <summary>
/// The IDE cancels analysis on every keystroke. A cancelled run must stop promptly, and must leave nothing behind
/// in the caches the analyzers share (the manifest cache, the per-compilation context, the consent flow of each
/// control-flow graph, the app-configuration scan) that would change a later run: the next run of the same
/// analyzers on the same compilation and options reports exactly what a clean run reports.
/// </summary>
public sealed class AnalyzerCancellationTests(ITestOutputHelper output)
{
    /// <summary>Not a performance bound: long enough that only a loop that ignores its token could exceed it.</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Analysis_cancelled_at_seeded_points_throws_promptly_and_the_next_run_matches_a_clean_run()
    {
        var workload = await LargeWorkload.CreateAsync(lines: 1200, manifestEntries: 120);
        var counter = new CancelAfter(int.MaxValue, new CancellationTokenSource());
        var clean = LargeWorkload.Describe(
            await Analyze(workload.CompilationWithGenerated(), FuzzProject.NewAnalyzers().Add(counter),
                workload.NewAnalyzerOptions()).GetAnalyzerDiagnosticsAsync());
        Assert.Contains(clean, d => d.StartsWith("CG", StringComparison.Ordinal));

        // Cancelled when the analysis has seen a seeded share of the operations a whole run sees, wherever our
        // analyzers are then (they run concurrently with the trigger).
        var random = new Random(FuzzSettings.Seed);
        var points = new[] { 1 }.Concat(Enumerable.Range(0, 4).Select(_ => 1 + random.Next(counter.Seen))).ToList();
        var compilation = workload.CompilationWithGenerated();
        var options = workload.NewAnalyzerOptions();
        var analyzers = FuzzProject.NewAnalyzers();
        var cancelled = 0;
        foreach (var point in points)
        {
            using var source = new CancellationTokenSource();
            var trigger = new CancelAfter(point, source);
            var withAnalyzers = Analyze(compilation, analyzers.Add(trigger), options);
            try
            {
                await withAnalyzers.GetAnalyzerDiagnosticsAsync(source.Token);
                output.WriteLine($"cancel after {point} of {counter.Seen} operations: finished first");
            }
            catch (OperationCanceledException)
            {
                cancelled++;
                var late = Stopwatch.GetElapsedTime(trigger.CancelledAt);
                output.WriteLine($"cancel after {point} of {counter.Seen} operations: threw {late.TotalMilliseconds:0} ms after the cancel");
                Assert.True(late < Prompt, $"analysis went on for {late} after it was cancelled");
            }

            // The same CompilationWithAnalyzers (the same compilation instance, so the same per-compilation caches) asked again.
            Assert.Equal(clean, LargeWorkload.Describe(await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None)));
        }

        // And a new run of the same analyzer instances on the same compilation and options.
        Assert.Equal(clean, LargeWorkload.Describe(await Analyze(compilation, analyzers, options).GetAnalyzerDiagnosticsAsync()));
        output.WriteLine($"{clean.Count} diagnostics; {cancelled} of {points.Count} runs cancelled part-way");
        Assert.True(cancelled >= 3, "too few runs were cancelled to test anything");
    }

    private static CompilationWithAnalyzers Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options) =>
        compilation.WithAnalyzers(analyzers,
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));

    /// <summary>
    /// Cancels <paramref name="source"/> when it has seen <paramref name="operations"/> invocations and assignments
    /// (once); counts them all.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute",
        Justification = "A probe the test adds to the analyzers it runs; no compiler ever loads it.")]
    private sealed class CancelAfter(int operations, CancellationTokenSource source) : DiagnosticAnalyzer
    {
        private int _seen;

        public int Seen => _seen;

        public long CancelledAt { get; private set; }

        /// <summary>Never reported; an analyzer that supports no diagnostic is never run.</summary>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            [new DiagnosticDescriptor("TRIGGER", "Cancels the analysis", "Cancels the analysis", "Test", DiagnosticSeverity.Warning,
                isEnabledByDefault: true)];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
            context.RegisterOperationAction(
                _ =>
                {
                    if (Interlocked.Increment(ref _seen) == operations)
                    {
                        CancelledAt = Stopwatch.GetTimestamp();
                        source.Cancel();
                    }
                },
                OperationKind.Invocation,
                OperationKind.SimpleAssignment);
        }
    }
}
