using ConsentAnalyzers.Tests.Infrastructure;

namespace ConsentAnalyzers.Tests.Generator;

public class DeterminismTests
{
    [Fact]
    public void Output_is_byte_identical_across_runs() =>
        Assert.Equal(GeneratorHarness.Run(TestManifests.Policy).Sources, GeneratorHarness.Run(TestManifests.Policy).Sources);

    [Fact]
    public void Output_is_identical_for_LF_and_CRLF_manifests_and_uses_LF_only()
    {
        var lf = GeneratorHarness.Run(TestManifests.Policy.ReplaceLineEndings("\n")).Sources;
        var crlf = GeneratorHarness.Run(TestManifests.Policy.ReplaceLineEndings("\r\n")).Sources;

        Assert.Equal(lf, crlf);
        Assert.All(lf.Values, source => Assert.DoesNotContain('\r', source));
    }

    [Fact]
    public void Output_is_identical_when_generated_in_parallel()
    {
        var expected = GeneratorHarness.Run(TestManifests.Policy).Sources;

        var results = Enumerable.Range(0, 8).AsParallel().Select(_ => GeneratorHarness.Run(TestManifests.Policy).Sources).ToList();

        Assert.All(results, result => Assert.Equal(expected, result));
    }
}
