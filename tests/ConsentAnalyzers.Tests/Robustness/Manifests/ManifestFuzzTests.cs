using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace ConsentAnalyzers.Tests.Robustness.Manifests;

/// <summary>
/// The seeded manifest fuzzer. A normal test run takes a fast slice; a long run is on demand:
/// <c>CONSENT_FUZZ_CASES=10000 dotnet test tests/ConsentAnalyzers.Tests --filter FullyQualifiedName~ManifestFuzz</c>.
/// <c>CONSENT_FUZZ_SEED</c> picks another seed, and <c>CONSENT_FUZZ_CASE</c> reruns one case of a failing report.
/// </summary>
[Collection(ManifestFuzzing.Collection)]
public sealed class ManifestFuzzTests(ITestOutputHelper output)
{
    /// <summary>Fixed, so a normal run is reproducible: the same cases every time, on every machine.</summary>
    private const int DefaultSeed = 20_260_622;

    /// <summary>Enough to cover every generator and mutation path each run while staying a few seconds long.</summary>
    private const int FastCases = 300;

    [Fact]
    public void Random_and_mutated_manifests_never_break_the_analyzers_or_the_generator()
    {
        var seed = Setting("CONSENT_FUZZ_SEED") ?? DefaultSeed;
        var count = Setting("CONSENT_FUZZ_CASES") ?? FastCases;
        var only = Setting("CONSENT_FUZZ_CASE");
        output.WriteLine(
            $"Seed {seed}, {count} cases, " +
            $"{ManifestPipelineOracle.AnalyzerCount} analyzers (rerun one case with CONSENT_FUZZ_SEED={seed} CONSENT_FUZZ_CASE=<index>).");

        var cases = Enumerable.Range(0, count).Where(index => only is null || index == only).Select(index => Case(seed, index));
        var (valid, invalid) = FuzzCaseRunner.RunAll(cases, output, "fuzz");

        // A fuzzer that only ever produces syntax errors tests one branch: make sure both are exercised.
        if (only is null)
        {
            Assert.True(valid >= count / 10,
                $"only {valid} of {valid + invalid} fuzzed manifests were valid: the generated code is hardly exercised");
            Assert.True(invalid >= count / 10, $"only {invalid} of {valid + invalid} fuzzed manifests were invalid");
        }
    }

    [Fact]
    public void Megabyte_strings_are_handled() =>
        FuzzCaseRunner.RunAll(ExtremeManifests.Strings(), output, "huge strings", TimeSpan.FromSeconds(60));

    [Fact]
    public void Ten_thousand_levels_of_nesting_are_handled() =>
        FuzzCaseRunner.RunAll(ExtremeManifests.Nesting(), output, "deep nesting");

    [Fact]
    public void Byte_order_marks_invalid_utf8_surrogates_nuls_and_line_endings_are_handled() =>
        FuzzCaseRunner.RunAll(ExtremeManifests.Encodings(), output, "encodings and odd characters");

    [Fact]
    public void A_manifest_cut_off_at_any_kind_of_point_is_handled() =>
        FuzzCaseRunner.RunAll(ExtremeManifests.Truncations(), output, "truncations");

    [Fact]
    public void Ten_megabyte_manifests_valid_and_invalid_are_handled()
    {
        const int TenMegabytes = 10 * ExtremeManifests.OneMegabyte;
        FuzzCase[] cases =
        [
            // Some 10,000 entries: the generated code is compiled and analyzed, so 100,000 small ones would test the
            // compiler more than this package (the scaling test reads 100,000 small ones).
            FuzzCase.FromText("10MB-valid", ExtremeManifests.Large(TenMegabytes, purposeLength: 1000)),
            FuzzCase.FromText("10MB-syntax-error-at-end",
                ExtremeManifests.Large(TenMegabytes, "    { \"name\": \"late\" \"category\": \"analytics\" },\n")),
            FuzzCase.FromText("10MB-unknown-category-at-end",
                ExtremeManifests.Large(TenMegabytes, "    { \"key\": \"late\", \"area\": \"local\", \"category\": \"nope\" },\n")),
        ];

        // Only to detect a hang: the valid one compiles some 10,000 generated constants.
        var (valid, invalid) = FuzzCaseRunner.RunAll(cases, output, "10 MB manifests", TimeSpan.FromMinutes(3));
        Assert.Equal((1, 2), (valid, invalid));
    }

    /// <summary>
    /// Case <paramref name="index"/> of a seed: a random manifest, a mutated random manifest, or a mutated seed
    /// manifest (the sample app's or a test's), each from its own generator so a case reproduces on its own.
    /// </summary>
    private static FuzzCase Case(int seed, int index)
    {
        // Not HashCode.Combine: it is randomized per process, and a case must reproduce across runs.
        var random = new Random(unchecked((seed * 1_000_003) + index) & int.MaxValue);
        var name = $"seed{seed}-case{index}";
        switch (index % 3)
        {
            case 0:
                return FuzzCase.FromText(name + "-random", RandomManifestWriter.Write(random));
            case 1:
                var randomBytes = Encoding.UTF8.GetBytes(RandomManifestWriter.Write(random));
                return FuzzCase.FromBytes(name + "-random-mutated", ManifestMutator.Mutate(randomBytes, random));
            default:
                var (seedName, text) = ExtremeManifests.Seeds[random.Next(ExtremeManifests.Seeds.Count)];
                return FuzzCase.FromBytes($"{name}-{seedName}-mutated", ManifestMutator.Mutate(Encoding.UTF8.GetBytes(text), random));
        }
    }

    private static int? Setting(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary>The fuzz and scaling tests run alone: they are CPU-heavy, and the budgets and timings mean more undisturbed.</summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public static class ManifestFuzzing
{
    public const string Collection = "Manifest fuzzing";
}
