using System.Threading;

namespace ConsentAnalyzers.CodeFixes.Common;

/// <summary>
/// Counts the analyzer runs the fixes make to verify an edit (<see cref="Guards.FixVerifier"/>,
/// <see cref="GuardDiagnostics"/>), for the code that observes it: a test holds code-fix registration, which an IDE
/// runs on every caret move over a finding, to running none. The count flows with the observer's async context, so
/// fixes running elsewhere at the same time are not counted; with no observer, recording is one read.
/// </summary>
internal static class AnalyzerRuns
{
    private static readonly AsyncLocal<Counter?> Current = new();

    /// <summary>Counts the runs made from here on in this async context.</summary>
    public static Counter Observe() => Current.Value = new Counter();

    public static void Record()
    {
        if (Current.Value is { } counter)
        {
            Interlocked.Increment(ref counter.Runs);
        }
    }

    internal sealed class Counter
    {
        public int Runs;
    }
}
