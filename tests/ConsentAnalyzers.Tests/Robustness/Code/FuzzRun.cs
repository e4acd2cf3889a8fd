using System.Collections.Concurrent;
using System.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ConsentAnalyzers.Tests.Robustness.Code;

/// <summary>
/// Runs fuzz cases (in parallel, one per core), counts them, and on failure writes each failing input to a temp
/// file and fails with the seed, the case and that file's path, so the failure can be replayed and read.
/// </summary>
internal static class FuzzRun
{
    private const int FailuresShown = 10;

    public static async Task CheckAsync(ITestOutputHelper output, string kind, FuzzProject project, IEnumerable<EditedCode> cases)
    {
        var failures = new ConcurrentQueue<string>();
        var run = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (fuzzCase, _) =>
        {
            Interlocked.Increment(ref run);
            if (await project.RunAsync(fuzzCase.File, fuzzCase.Text) is { } problem)
            {
                failures.Enqueue(Report(kind, project, fuzzCase, problem));
            }
        });

        output.WriteLine(
            $"{kind} fuzz of {project.Name}: {run} cases, {failures.Count} failed, {watch.Elapsed.TotalSeconds:0.0} s; {FuzzSettings.Describe()}");
        Assert.True(run > 0, "no cases were generated");
        Assert.True(failures.IsEmpty,
            $"{failures.Count} of {run} {kind} cases of {project.Name} failed ({FuzzSettings.Describe()}):\n\n"
                + string.Join("\n\n", failures.Take(FailuresShown)));
    }

    private static string Report(string kind, FuzzProject project, EditedCode fuzzCase, string problem)
    {
        var folder = FailureReportFolders.For("consent-code-fuzz");
        var path = Path.Combine(folder, $"{kind}-{project.Name}-{Path.GetFileNameWithoutExtension(fuzzCase.File.Name)}-{Guid.NewGuid():N}.cs");
        File.WriteAllText(path, fuzzCase.Text);
        return $"{fuzzCase.File.Name}, {fuzzCase.Label}, seed {FuzzSettings.Seed}: {problem}\n  input: {path}";
    }
}
