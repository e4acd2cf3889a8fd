using System.Diagnostics;
using ConsentAnalyzers.Scripts;
using Xunit.Abstractions;

namespace ConsentAnalyzers.Tests.Robustness.Scripts;

/// <summary>
/// The site's JavaScript as it is while being typed, and as bundlers and generators leave it: every realistic script
/// (<see cref="ScriptFuzzSources"/>) cut at a token boundary and mutated, very long files and very deep nesting. The
/// script analyzer runs on each: no exception may escape it (an AD0001 in the user's build), a script that does not
/// parse gets at most one CG0109, and no case may hang. The diagnostics themselves are not judged.
/// </summary>
public sealed class ScriptFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void The_sources_include_the_samples_and_the_docs_examples()
    {
        var names = ScriptFuzzSources.All.Select(s => s.Name).ToList();
        output.WriteLine($"{names.Count} scripts: {string.Join(", ", names)}");
        Assert.Contains(names, n => n.StartsWith("samples/", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("docs/javascript.md#", StringComparison.Ordinal));
    }

    [Fact]
    public Task Every_script_cut_at_a_token_boundary_is_analyzed_without_exception_or_hang() =>
        ScriptFuzzProject.CheckAsync(output, "prefix", ScriptFuzzSources.All.SelectMany(ScriptFuzzCases.Prefixes));

    [Fact]
    public Task Every_script_with_tokens_deleted_duplicated_swapped_or_broken_is_analyzed_without_exception_or_hang() =>
        ScriptFuzzProject.CheckAsync(output, "mutation", ScriptFuzzSources.All.SelectMany(ScriptFuzzCases.Mutations));

    [Fact]
    public async Task The_inline_harness_reaches_the_script_analysis()
    {
        var diagnostics = await ScriptFuzzProject.InlineDiagnosticsAsync("localStorage.setItem('not_declared', '1');");
        Assert.Contains(diagnostics, d => d.Id == "CG0103");
    }

    /// <summary>The same edits inline in a Razor page, through the markup analyzer (which cuts the script out of the markup first).</summary>
    [Fact]
    public Task Every_inline_script_cut_or_mutated_is_analyzed_without_exception_or_hang() =>
        ScriptFuzzProject.CheckAsync(output, "inline",
            ScriptFuzzSources.All.SelectMany(s => ScriptFuzzCases.Prefixes(s).Concat(ScriptFuzzCases.Mutations(s))),
            ScriptFuzzProject.RunInlineAsync);

    [Fact]
    public Task A_script_of_20000_lines_is_analyzed_without_exception_or_hang() =>
        ScriptFuzzProject.CheckAsync(output, "long",
            [new EditedScript(new ScriptSource("long", ""), "20,000 lines", ExtremeScripts.Long(20_000))]);

    [Fact]
    public async Task Every_nesting_10000_deep_is_analyzed_without_exception_or_hang()
    {
        var shapes = ExtremeScripts.Nested(ExtremeScripts.Depth).ToList();
        await ScriptFuzzProject.CheckAsync(output, "nesting",
            shapes.Select(n => new EditedScript(new ScriptSource(n.Name, ""), n.Name + " 10,000 deep", n.Text)));

        // What each shape came to, for a person reading the output: read (with its sites), or one CG0109 and why.
        foreach (var (name, text) in shapes)
        {
            var findings = ScriptAnalysis.Read(text, isModule: false, ScriptFuzzProject.Model, CancellationToken.None);
            output.WriteLine($"{name}: " + (findings.Failure is { } failure ? "CG0109, " + failure.Message : $"read, {findings.Sites.Count} sites"));
        }
    }

    /// <summary>
    /// Eight times the lines allocate about eight times as much in the parse and the walk, for a site script and for
    /// a chain of helpers (a quadratic step would allocate 64 times as much). Allocation, not time, is asserted, as in
    /// ManifestScalingTests: time is not deterministic on a shared machine; it is printed, and the benchmark
    /// measures it (docs/performance.md).
    /// </summary>
    [Theory]
    [InlineData("site script")]
    [InlineData("helper chain")]
    public void Analysis_scales_linearly_from_n_to_8n_lines(string shape)
    {
        Func<int, string> script = shape == "site script" ? ExtremeScripts.Long : HelperChain;
        var (small, large) = (script(2_500), script(20_000));
        Measure(small);
        var (smallTime, smallBytes, largeTime, largeBytes) = (TimeSpan.MaxValue, 0L, TimeSpan.MaxValue, 0L);
        for (var round = 0; round < 3; round++)
        {
            var (time, bytes) = Measure(small);
            (smallTime, smallBytes) = (time < smallTime ? time : smallTime, bytes);
            (time, bytes) = Measure(large);
            (largeTime, largeBytes) = (time < largeTime ? time : largeTime, bytes);
        }

        output.WriteLine($"{shape}: 2,500 lines {smallTime.TotalMilliseconds:0} ms, {smallBytes / 1024:0} KB allocated; "
            + $"20,000 lines {largeTime.TotalMilliseconds:0} ms, {largeBytes / 1024:0} KB allocated");
        Assert.True(largeBytes < 16 * smallBytes, $"8× the lines allocated {(double)largeBytes / smallBytes:0.0}× as much");
    }

    /// <summary>
    /// Helpers each called twice by the next, the last under a check: a walk that re-walked a helper per call would
    /// double per line.
    /// </summary>
    private static string HelperChain(int lines) =>
        string.Concat(Enumerable.Range(1, lines).Select(i => $"function f{i}(v) {{ f{i - 1}(v); f{i - 1}(v + 1); }}\n"))
        + "function f0(v) { localStorage.setItem('k', v); }\nif (consent.has('prefs')) { f" + lines + "(1); }\n";

    private static (TimeSpan Time, long Bytes) Measure(string script)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var findings = ScriptAnalysis.Read(script, isModule: false, ScriptFuzzProject.Model, CancellationToken.None);
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Null(findings.Failure);
        Assert.NotEmpty(findings.Sites);
        return (watch.Elapsed, allocated);
    }
}
