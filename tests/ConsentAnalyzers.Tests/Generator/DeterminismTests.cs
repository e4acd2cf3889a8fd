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

    [Theory]
    [InlineData("{ \"version\": 1 ")]
    [InlineData("{ \"version\": 1, \"categories\": {}, \"cookies\": [ { \"name\": \"_ga\", \"category\": \"analytics\" } ] }")]
    [InlineData("{ \"version\": 1, \"categories\": { \"a\": { \"title\": \"A\" }, \"b\": { \"title\": \"B\" } }, \"cookies\": [ { \"name\": \"x*\", \"category\": \"a\" }, { \"name\": \"*y\", \"category\": \"b\" } ] }")]
    [InlineData("")]
    public void A_manifest_with_any_error_produces_no_output(string manifest)
    {
        var driver = GeneratorHarness.CreateDriver(manifest).RunGenerators(GeneratorHarness.CreateCompilation());

        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(result.GeneratedSources);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Without_a_manifest_nothing_is_generated()
    {
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new ConsentAnalyzers.Generator.ConsentGenerator()).RunGenerators(GeneratorHarness.CreateCompilation());

        Assert.Empty(driver.GetRunResult().Results.Single().GeneratedSources);
    }
}
