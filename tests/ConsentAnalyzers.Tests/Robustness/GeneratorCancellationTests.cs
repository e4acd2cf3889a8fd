using System.Diagnostics;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace ConsentAnalyzers.Tests.Robustness;

/// <summary>
/// The generator cancelled part-way (the IDE cancels it on every keystroke) stops promptly, and the next run of the
/// same driver produces byte for byte what a fresh driver produces: a cancelled manifest read caches nothing.
/// </summary>
public sealed class GeneratorCancellationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Generation_cancelled_at_seeded_points_throws_promptly_and_the_next_run_is_byte_identical_to_a_fresh_one()
    {
        var workload = await LargeWorkload.CreateAsync(lines: 200, manifestEntries: 4000);
        var compilation = workload.SourceCompilation();
        var watch = Stopwatch.StartNew();
        var fresh = LargeWorkload.Sources(workload.NewDriver(workload.NewManifestFile()).RunGenerators(compilation));
        var freshTime = watch.Elapsed;
        Assert.NotEmpty(fresh);

        var random = new Random(FuzzSettings.Seed);
        var cancelled = 0;
        foreach (var fraction in new[] { 0.0 }.Concat(Enumerable.Range(0, 4).Select(_ => random.NextDouble() * 0.6)))
        {
            var driver = workload.NewDriver(workload.NewManifestFile());
            using var cancellation = new CancellationTokenSource(freshTime * fraction);
            var started = Stopwatch.StartNew();
            try
            {
                driver.RunGenerators(compilation, cancellation.Token);
                output.WriteLine($"cancel at {fraction:P0} of a fresh run: finished first");
            }
            catch (OperationCanceledException)
            {
                cancelled++;
                var late = started.Elapsed - freshTime * fraction;
                output.WriteLine($"cancel at {fraction:P0} of a fresh run ({freshTime.TotalMilliseconds * fraction:0} ms): threw {late.TotalMilliseconds:0} ms after");
                Assert.True(late < Prompt, $"generation went on for {late} after it was cancelled");
            }

            Assert.Equal(fresh, LargeWorkload.Sources(driver.RunGenerators(compilation)));
        }

        output.WriteLine($"fresh run {freshTime.TotalMilliseconds:0} ms; {cancelled} of 5 runs cancelled part-way");
        Assert.True(cancelled >= 2, "too few runs were cancelled to test anything");
    }

    [Fact]
    public void A_manifest_read_cancelled_part_way_throws_caches_nothing_and_the_next_read_is_complete()
    {
        // Regression: reading and checking a manifest of thousands of entries did not observe cancellation at all.
        var manifest = Benchmarks.Workload.ManifestGenerator.Generate(5000).Json;
        var expected = ManifestReader.Read(SourceText.From(manifest));
        var text = SourceText.From(manifest);
        using var cancellation = new CancellationTokenSource();

        using (var timer = new Timer(_ => cancellation.Cancel(), null, TimeSpan.FromMilliseconds(5), Timeout.InfiniteTimeSpan))
        {
            Assert.ThrowsAny<OperationCanceledException>(() => ManifestCache.Read(text, cancellation.Token));
        }

        var read = ManifestCache.Read(text, CancellationToken.None);
        Assert.NotNull(read.Model);
        Assert.Equal(expected.Model, read.Model);
        Assert.Equal(expected.Issues, read.Issues);
    }
}
