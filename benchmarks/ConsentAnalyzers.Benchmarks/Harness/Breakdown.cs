using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Benchmarks.Harness;

/// <summary>
/// Where ConsentAnalyzers' time goes (--breakdown): each of its analyzers run alone, and an analyzer that registers
/// the same operation actions and does nothing in them: the cost the analyzer driver charges for the callbacks
/// themselves, which no work inside them can save.
/// </summary>
public static class Breakdown
{
    public static IReadOnlyList<AnalyzerSet> Sets()
    {
        var ours = AnalyzerSet.ConsentAnalyzers();
        var sets = new List<AnalyzerSet> { ours };
        foreach (var analyzer in ours.Analyzers)
        {
            sets.Add(new AnalyzerSet(analyzer.GetType().Name, [analyzer], "CG"));
        }

        sets.Add(new AnalyzerSet("no-op, same callbacks as ConsentAnalyzers", [
            new NoOp(OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment), // CookieWriteAnalyzer
            new NoOp(OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.PropertyReference), // TrackingCallAnalyzer
            new NoOp(OperationKind.Invocation), // StorageWriteAnalyzer
            new NoOp(OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.PropertyReference), // RequiresConsentCallAnalyzer
            new NoOp(OperationKind.Block, OperationKind.Invocation), // MarkupAnalyzer
            new NoOp(OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment), // HtmlStringAnalyzer
        ], "CG"));
        sets.Add(new AnalyzerSet("no-op, one invocation callback", [new NoOp(OperationKind.Invocation)], "CG"));
        return sets;
    }

#pragma warning disable RS1001, RS1025, RS1026, RS1036, RS1041, RS2008 // a measuring instrument, not a shipped analyzer: the benchmark runs it
    // in its own .NET 10 process (RS1041, RS1036: no compiler ever loads it) and it reports nothing, so has no release to track (RS2008)
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class NoOp(params OperationKind[] kinds) : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("NOOP0001", "No-op", "No-op", "Benchmark", DiagnosticSeverity.Warning,
            isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start => start.RegisterOperationAction(_ => { }, kinds.ToImmutableArray()));
        }
    }
#pragma warning restore RS1001, RS1025, RS1026, RS1036, RS1041, RS2008
}
