using System.Collections.Concurrent;

namespace ConsentAnalyzers.Tests.Infrastructure;

/// <summary>
/// Folders for the inputs a failing test writes out for a person to look at (the fuzzers' failing cases): a new one per
/// test run under the temp folder, so that two runs at once never write over each other's reports and no report an
/// earlier run left behind reads as this run's. The folders are kept after the run: they are the report.
/// </summary>
internal static class FailureReportFolders
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Folders = new(StringComparer.Ordinal);

    /// <summary>This run's folder for <paramref name="name"/>: <c>$TMPDIR/name-XXXXXX</c>, made on first use.</summary>
    public static string For(string name) =>
        Folders.GetOrAdd(name, key => new Lazy<string>(() => Directory.CreateTempSubdirectory(key + "-").FullName)).Value;
}
