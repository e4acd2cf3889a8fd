using System.Collections.Immutable;
using ConsentAnalyzers.Tests.Generator;
using ConsentAnalyzers.Tests.Infrastructure;
using ConsentAnalyzers.Tests.Robustness.Code;

namespace ConsentAnalyzers.Tests.Robustness;

/// <summary>
/// What Generator/DeterminismTests does not cover: the sample app's real manifest with any line endings, and
/// drivers for different manifests running in parallel, interleaved, each producing exactly its own manifest's
/// output (no state of one run leaks into another).
/// </summary>
public sealed class GeneratorDeterminismTests
{
    private static string Sample => File.ReadAllText(RepositoryPaths.SampleManifest);

    [Fact]
    public void The_sample_manifest_generates_the_same_bytes_with_LF_CRLF_and_mixed_line_endings()
    {
        var lf = Sample.ReplaceLineEndings("\n");
        var lines = lf.Split('\n');
        var mixed = string.Concat(lines.Select((line, i) => line + (i == lines.Length - 1 ? "" : i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r")));

        var expected = GeneratorHarness.Run(lf).Sources;
        Assert.Equal(expected, GeneratorHarness.Run(Sample.ReplaceLineEndings("\r\n")).Sources);
        Assert.Equal(expected, GeneratorHarness.Run(mixed).Sources);
        Assert.All(expected.Values, source => Assert.DoesNotContain('\r', source));
    }

    [Fact]
    public void Drivers_for_different_manifests_run_in_parallel_each_produce_their_own_manifests_output()
    {
        string[] manifests =
        [
            Sample,
            TestManifests.Policy,
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "RuleGallery", "consent-manifest.json")),
            File.ReadAllText(Path.Combine(Corpus.CorpusRunner.Folder, "consent-manifest.json")),
            Benchmarks.Workload.ManifestGenerator.Generate(300).Json,
        ];
        var expected = manifests.Select(m => GeneratorHarness.Run(m).Sources).ToList();
        Assert.Equal(expected.Count, expected.Select(e => e["ConsentCookies.g.cs"]).Distinct().Count());

        // Each manifest four times, in a seeded shuffle, on every core at once.
        var random = new Random(FuzzSettings.Seed);
        var order = Enumerable.Range(0, manifests.Length * 4).Select(i => i % manifests.Length).OrderBy(_ => random.Next()).ToList();
        var results = order.AsParallel().WithDegreeOfParallelism(Math.Max(2, Environment.ProcessorCount))
            .Select(index => (Index: index, Sources: GeneratorHarness.Run(manifests[index]).Sources))
            .ToList();

        Assert.All(results, result => Assert.Equal<ImmutableDictionary<string, string>>(expected[result.Index], result.Sources));
    }
}
