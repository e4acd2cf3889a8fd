using System.Diagnostics;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace ConsentAnalyzers.Tests.Robustness.Manifests;

/// <summary>
/// Reading a manifest ten times as large allocates about ten times as much: no quadratic step that builds anything
/// hides in the parser or the checks (a quadratic one would allocate about 100 times as much). Allocation is nearly
/// deterministic; time is not on a shared machine (a 40× time bound failed three times under parallel builds), so
/// the times are printed here and measured by the benchmark (docs/performance.md, by manifest size).
/// </summary>
[Collection(ManifestFuzzing.Collection)]
public sealed class ManifestScalingTests(ITestOutputHelper output)
{
    [Fact]
    public void Reading_scales_linearly_from_one_to_ten_megabytes()
    {
        var small = ExtremeManifests.Large(ExtremeManifests.OneMegabyte);
        var large = ExtremeManifests.Large(10 * ExtremeManifests.OneMegabyte);
        Measure(small); // warm up: JIT, regex construction

        // Small and large alternate, and each keeps its best read (the times are for a person reading the output).
        var (smallTime, smallBytes, largeTime, largeBytes) = (TimeSpan.MaxValue, 0L, TimeSpan.MaxValue, 0L);
        for (var round = 0; round < 5; round++)
        {
            var (time, bytes) = Measure(small);
            (smallTime, smallBytes) = (time < smallTime ? time : smallTime, bytes);
            (time, bytes) = Measure(large);
            (largeTime, largeBytes) = (time < largeTime ? time : largeTime, bytes);
        }

        output.WriteLine(
            $"1 MB: {smallTime.TotalMilliseconds:0} ms, {smallBytes / 1024:0} KB allocated; 10 MB: " +
            $"{largeTime.TotalMilliseconds:0} ms, {largeBytes / 1024:0} KB allocated.");

        Assert.True(largeBytes < 20 * smallBytes, $"10 MB allocated {(double)largeBytes / smallBytes:0.0} times what 1 MB did");
    }

    /// <summary>The time one read takes, and what it allocates.</summary>
    private static (TimeSpan Time, long Bytes) Measure(string manifest)
    {
        var text = SourceText.From(manifest);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var result = ManifestReader.Read(text);
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.NotNull(result.Model);
        return (watch.Elapsed, allocated);
    }
}
