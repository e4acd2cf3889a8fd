using System.Text;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace ConsentAnalyzers.Tests.Robustness.Manifests;

/// <summary>One fuzz input: a name that says how it was made (seed and case index included), and its bytes or its text.</summary>
internal sealed record FuzzCase(string Name, byte[]? Bytes, string? Text)
{
    public static FuzzCase FromText(string name, string text) => new(name, null, text);

    public static FuzzCase FromBytes(string name, byte[] bytes) => new(name, bytes, null);

    /// <summary>The texts the host could hand the analyzers for this input.</summary>
    public IEnumerable<SourceText> Decodings()
    {
        if (Text is not null)
        {
            // A string reaches the analyzers as is (an editor buffer), lone surrogates included.
            yield return SourceText.From(Text);
            yield break;
        }

        yield return CompilerTextDecoding.AsCompiler(Bytes!);
        if (CompilerTextDecoding.IsInvalidUtf8(Bytes!))
        {
            yield return CompilerTextDecoding.Lenient(Bytes!);
        }
    }

    public byte[] ToBytes() => Bytes ?? Encoding.UTF8.GetBytes(Text!);
}

/// <summary>
/// Runs fuzz cases through the oracle under a time budget. A case that breaks an invariant or runs out of time
/// fails with its name, the failing input saved to a temp file, and, when it is small enough to shrink, a
/// minimized input that still fails the same way.
/// </summary>
internal static class FuzzCaseRunner
{
    /// <summary>Not a performance assertion: only long enough that exceeding it means a hang (or something near one).</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(10);

    /// <summary>The first run loads and JITs the compiler: it must not count against a case's budget.</summary>
    private static readonly Lazy<Task> WarmUp = new(
        () => Task.Run(() => ManifestPipelineOracle.Check(SourceText.From(Generator.TestManifests.Policy), CancellationToken.None, out _)));

    /// <summary>
    /// Runs every case (a failure does not stop the rest, so one run shows every distinct bug), prints how many
    /// ran and how many came out valid, and fails with the report of each failing case.
    /// </summary>
    /// <returns>How many decoded texts were valid manifests, and how many were not.</returns>
    public static (int Valid, int Invalid) RunAll(IEnumerable<FuzzCase> cases, ITestOutputHelper output, string what, TimeSpan? budget = null,
        int maxFailures = 10)
    {
        WarmUp.Value.Wait();
        int count = 0, valid = 0, invalid = 0;
        var failures = new List<string>();
        foreach (var fuzzCase in cases)
        {
            count++;
            var failure = Check(fuzzCase, budget ?? DefaultBudget, out var validTexts, out var invalidTexts);
            valid += validTexts;
            invalid += invalidTexts;
            if (failure is not null)
            {
                var report = Report(fuzzCase, failure, budget ?? DefaultBudget);
                output.WriteLine(report);
                failures.Add(report);
                if (failures.Count >= maxFailures)
                {
                    break;
                }
            }
        }

        output.WriteLine($"{what}: {count} cases run, {valid} valid and {invalid} invalid manifest texts, {failures.Count} failing.");
        if (failures.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                $"{failures.Count} of {count} {what} cases failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        }

        return (valid, invalid);
    }

    /// <summary>The first broken invariant across the case's decodings, or null.</summary>
    public static string? Check(FuzzCase fuzzCase, TimeSpan budget) => Check(fuzzCase, budget, out _, out _);

    private static string? Check(FuzzCase fuzzCase, TimeSpan budget, out int valid, out int invalid)
    {
        valid = invalid = 0;
        foreach (var text in fuzzCase.Decodings())
        {
            var (failure, isValid) = CheckWithin(text, budget);
            if (failure is not null)
            {
                return failure;
            }

            if (isValid)
            {
                valid++;
            }
            else
            {
                invalid++;
            }
        }

        return null;
    }

    private static (string? Failure, bool Valid) CheckWithin(SourceText text, TimeSpan budget)
    {
        // The token stops the compiler's and analyzers' work; the wait catches code that ignores it (the parser).
        using var cancellation = new CancellationTokenSource(budget);
        var task = Task.Run(() => (ManifestPipelineOracle.Check(text, cancellation.Token, out var valid), valid));
        try
        {
            if (!task.Wait(budget + TimeSpan.FromSeconds(5)))
            {
                return ($"no result within {budget.TotalSeconds:0} s: a hang (the work was left running)", false);
            }

            return task.Result;
        }
        catch (AggregateException exception) when (exception.InnerException is OperationCanceledException)
        {
            return ($"cancelled after {budget.TotalSeconds:0} s: a hang or near-hang", false);
        }
        catch (AggregateException exception)
        {
            return ("the pipeline threw: " + exception.InnerException, false);
        }
    }

    private static string Report(FuzzCase fuzzCase, string failure, TimeSpan budget)
    {
        var directory = FailureReportFolders.For("consent-fuzz");
        var fileName = string.Concat(fuzzCase.Name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        var path = Path.Combine(directory, fileName + ".json");
        var bytes = fuzzCase.ToBytes();
        File.WriteAllBytes(path, bytes);

        var report = new StringBuilder()
            .AppendLine($"Fuzz case {fuzzCase.Name} failed: {failure}")
            .AppendLine($"Input ({bytes.Length} bytes): {path}");
        if (bytes.Length <= 64 * 1024 && !failure.Contains("hang", StringComparison.Ordinal))
        {
            var minimal = Minimize(fuzzCase, budget);
            var minimalBytes = minimal.ToBytes();
            var minimalPath = Path.Combine(directory, fileName + ".min.json");
            File.WriteAllBytes(minimalPath, minimalBytes);
            report.AppendLine($"Minimized ({minimalBytes.Length} bytes, still fails: {Check(minimal, budget)}): {minimalPath}");
            if (minimalBytes.Length <= 400)
            {
                // The literal keeps what a file cannot: lone surrogates of a text case.
                var minimalText = minimal.Text ?? Encoding.Latin1.GetString(minimalBytes);
                report.AppendLine(
                    "Minimized input as a C# literal: " + Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(minimalText, quote: true));
            }
        }

        return report.ToString();
    }

    /// <summary>
    /// Delta debugging, greedily: drop chunks of halving size while the input still fails. A text case is shrunk by
    /// characters (its lone surrogates would not survive a trip through UTF-8 bytes), a byte case by bytes.
    /// </summary>
    private static FuzzCase Minimize(FuzzCase fuzzCase, TimeSpan budget)
    {
        var stopAt = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var name = fuzzCase.Name + "-min";
        if (fuzzCase.Text is not null)
        {
            var chars = Shrink(fuzzCase.Text.ToCharArray(),
                candidate => Check(FuzzCase.FromText(name, new string(candidate)), budget) is not null, stopAt);
            return FuzzCase.FromText(name, new string(chars));
        }

        return FuzzCase.FromBytes(name, Shrink(fuzzCase.Bytes!, candidate => Check(FuzzCase.FromBytes(name, candidate), budget) is not null, stopAt));
    }

    private static T[] Shrink<T>(T[] input, Func<T[], bool> fails, DateTime stopAt)
    {
        var current = input;
        for (var chunk = Math.Max(1, current.Length / 2); chunk >= 1 && DateTime.UtcNow < stopAt; chunk /= 2)
        {
            for (var start = 0; start < current.Length && DateTime.UtcNow < stopAt;)
            {
                T[] candidate = [.. current[..start], .. current[Math.Min(current.Length, start + chunk)..]];
                if (candidate.Length < current.Length && fails(candidate))
                {
                    current = candidate;
                }
                else
                {
                    start += chunk;
                }
            }
        }

        return current;
    }
}
