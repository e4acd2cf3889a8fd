using System.Diagnostics;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Tests.Robustness.Code;
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

        // Two points every run reaches, however loaded the machine: before the run, and while the manifest is read
        // (the additional file cancels when asked for its text). Then seeded times, which may come too late.
        var random = new Random(FuzzSettings.Seed);
        var points = new (string Name, TimeSpan? Delay, bool AtRead)[] { ("before the run", TimeSpan.Zero, false),
            ("when the manifest is read", null, true) }
            .Concat(Enumerable.Range(0,
                3).Select(_ => random.NextDouble() * 0.6).Select(f => ($"at {f:P0} of a fresh run", (TimeSpan?)(freshTime * f), false)))
            .ToList();
        var cancelled = 0;
        foreach (var (name, delay, atRead) in points)
        {
            using var cancellation = delay is { } d ? new CancellationTokenSource(d) : new CancellationTokenSource();
            var manifest = workload.NewManifestFile();
            var driver = workload.NewDriver(atRead ? new CancellingText(manifest, cancellation) : manifest);
            var started = Stopwatch.StartNew();
            try
            {
                driver.RunGenerators(compilation, cancellation.Token);
                output.WriteLine($"cancel {name}: finished first");
            }
            catch (OperationCanceledException)
            {
                cancelled++;
                var late = started.Elapsed - (delay ?? TimeSpan.Zero);
                output.WriteLine($"cancel {name}: threw {started.Elapsed.TotalMilliseconds:0} ms after the run started");
                Assert.True(late < Prompt, $"generation went on for {late} after it was cancelled");
            }

            Assert.Equal(fresh, LargeWorkload.Sources(driver.RunGenerators(compilation)));
        }

        output.WriteLine($"fresh run {freshTime.TotalMilliseconds:0} ms; {cancelled} of {points.Count} runs cancelled part-way");
        Assert.True(cancelled >= 2, "the runs cancelled before and during the manifest read did not throw");
    }

    /// <summary>The manifest file, which cancels the run when the generator asks for its text (once).</summary>
    private sealed class CancellingText(AdditionalText inner, CancellationTokenSource source) : AdditionalText
    {
        public override string Path => inner.Path;

        public override SourceText? GetText(CancellationToken cancellationToken = default)
        {
            source.Cancel();
            return inner.GetText(cancellationToken);
        }
    }

    [Fact]
    public void A_cancelled_manifest_read_throws_caches_nothing_and_the_next_read_is_complete()
    {
        // Regression: reading and checking a manifest of thousands of entries did not observe cancellation at all.
        var manifest = Benchmarks.Workload.ManifestGenerator.Generate(5000).Json;
        var expected = ManifestReader.Read(SourceText.From(manifest));
        var text = SourceText.From(manifest);
        using var cancellation = new CancellationTokenSource();

        cancellation.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ManifestCache.Read(text, cancellation.Token));

        var read = ManifestCache.Read(text, CancellationToken.None);
        Assert.NotNull(read.Model);
        Assert.Equal(expected.Model, read.Model);
        Assert.Equal(expected.Issues, read.Issues);
    }
}
