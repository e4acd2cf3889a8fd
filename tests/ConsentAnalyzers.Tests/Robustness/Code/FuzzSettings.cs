namespace ConsentAnalyzers.Tests.Robustness.Code;

/// <summary>
/// How much the code fuzz tests run. By default a fast, seeded selection that keeps CI within about a minute; with
/// <c>CONSENT_FUZZ_LONG=1</c> every token-boundary prefix of every file (and many more mutations), which takes far
/// longer and is run on demand. <c>CONSENT_FUZZ_SEED</c> replays a reported failure; <c>CONSENT_FUZZ_CASES</c> sets
/// how many prefixes (and mutations) per file the fast mode picks.
/// </summary>
internal static class FuzzSettings
{
    public const int DefaultSeed = 20240606;

    /// <summary>Generous: a case that takes this long is a hang, not a slow analysis (the cases are a few milliseconds each).</summary>
    public static readonly TimeSpan PerCaseTimeout = TimeSpan.FromSeconds(20);

    public static bool Long { get; } = Environment.GetEnvironmentVariable("CONSENT_FUZZ_LONG") is "1" or "true";

    public static int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("CONSENT_FUZZ_SEED"), out var seed) ? seed : DefaultSeed;

    /// <summary>Prefixes (and, separately, mutations) per file in the fast mode.</summary>
    public static int CasesPerFile { get; } = int.TryParse(Environment.GetEnvironmentVariable("CONSENT_FUZZ_CASES"), out var cases) && cases > 0
        ? cases
        : 2;

    /// <summary>Mutated variants per file in the long mode.</summary>
    public const int LongMutationsPerFile = 40;

    public static string Describe() =>
        $"seed {Seed} ("
        + (Long
            ? "long mode: every token-boundary prefix"
            : $"fast mode: {CasesPerFile} seeded cases per file; CONSENT_FUZZ_LONG=1 for every prefix")
        + ")";

    /// <summary>A random source for one file, the same on every machine (string.GetHashCode is randomized per process).</summary>
    public static Random RandomFor(string file, string purpose)
    {
        var hash = 2166136261u;
        foreach (var c in purpose + "|" + file.Replace('\\', '/'))
        {
            hash = (hash ^ c) * 16777619u;
        }

        return new Random(Seed ^ (int)hash);
    }
}
