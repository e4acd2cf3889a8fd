using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using ConsentAnalyzers.Benchmarks.Harness;
using Microsoft.CodeAnalysis.CSharp;

namespace ConsentAnalyzers.Benchmarks;

/// <summary>The full run: every scenario at every size, written as a Markdown report (the tables of docs/performance.md).</summary>
public static class Runner
{
    public static int Run(Settings settings)
    {
        var total = Stopwatch.StartNew();
        // --skip peers measures ConsentAnalyzers alone (for profiling it).
        var sets = settings.Breakdown ? Breakdown.Sets().ToArray() : settings.Skip.Contains("peers")
            ? new[] { AnalyzerSet.ConsentAnalyzers() }
            : new[] { AnalyzerSet.ConsentAnalyzers(), AnalyzerSet.Ca1416(), AnalyzerSet.BannedApi() };

        // --compare NAME=path: another build of our analyzers, taking turns with this one (the peers are left out).
        if (settings.Compare.Count > 0)
        {
            sets = [sets[0], .. settings.Compare.Select(c => new AnalyzerSet(c.Name, Peers.ConsentAnalyzersFrom(c.Assembly), "CG"))];
        }
        var report = new Report();
        report.Machine();
        var sideBySide = new List<SideBySideResult>();
        var perDocument = new List<PerDocumentResult>();
        var generator = new List<GeneratorResult>();
        var fixes = new List<FixRegistrationResult>();
        var workloads = new List<(int Lines, Workload.Workload Workload)>();

        foreach (var lines in settings.Sizes)
        {
            Log($"== {lines:N0} lines, manifest of {settings.ManifestEntries} entries ==");
            var project = BenchmarkProject.Create(lines, settings.ManifestEntries, settings.Seed, settings.Density);
            if (!project.Errors.IsEmpty)
            {
                Console.Error.WriteLine($"The workload does not compile: {string.Join("\n", project.Errors.Take(20))}");
                return 1;
            }

            workloads.Add((lines, project.Workload));
            sideBySide.Add(Scenarios.SideBySide(project, sets, settings.Warmup, settings.Iterations, Log));
            if (!settings.Skip.Contains("perdoc") && project.LargeDocuments.Any() && lines >= 100_000)
            {
                Log("  per-document…");
                perDocument.Add(Scenarios.PerDocument(project, sets, warmup: 5, settings.DocumentSamples));
            }

            if (!settings.Skip.Contains("fixes") && fixes.Count == 0)
            {
                Log("  code-fix registration…");
                fixes.Add(FixRegistration.Run(project, FixWarmup, settings.FixSamples));
            }

            if (!settings.Skip.Contains("generator"))
            {
                Log("  generator…");
                generator.Add(Scenarios.Generator(project, settings.Warmup, settings.Iterations));
            }
        }

        var sweep = new List<SideBySideResult>();
        var sweepGenerator = new List<GeneratorResult>();
        if (!settings.Skip.Contains("sweep"))
        {
            foreach (var entries in settings.ManifestSizes)
            {
                Log($"== manifest of {entries:N0} entries, {settings.SweepLines:N0} lines ==");
                var project = BenchmarkProject.Create(settings.SweepLines, entries, settings.Seed, settings.Density);
                if (!project.Errors.IsEmpty)
                {
                    Console.Error.WriteLine($"The workload does not compile: {string.Join("\n", project.Errors.Take(20))}");
                    return 1;
                }

                sweep.Add(
                    Scenarios.SideBySide(project, sets.Length == 3 ? [sets[0], sets[2]] : sets, settings.Warmup,
                        Math.Max(1, settings.Iterations - 2), Log));
                if (!settings.Skip.Contains("generator"))
                {
                    sweepGenerator.Add(Scenarios.Generator(project, settings.Warmup, settings.Iterations));
                }
            }
        }

        report.Workloads(workloads, settings.ManifestEntries);
        report.SideBySide(sideBySide);
        report.Growth(sideBySide);
        report.PerDocument(perDocument);
        report.FixRegistration(fixes);
        report.Generator(generator, "by project size");
        report.Sweep(sweep, settings.SweepLines);
        report.Generator(sweepGenerator, $"by manifest size, {settings.SweepLines:N0} lines");
        report.Targets(sideBySide, perDocument, generator.Concat(sweepGenerator).ToList(), fixes);
        report.Line(
            $"Run time: {total.Elapsed.TotalMinutes:F1} min; settings: " +
            $"iterations {settings.Iterations} (+{settings.Warmup} warm-up), per-document samples {settings.DocumentSamples} (+5 warm-up), " +
            $"seed {settings.Seed}.");

        var text = report.ToString();
        Console.WriteLine();
        Console.WriteLine(text);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Output))!);
        File.WriteAllText(settings.Output, text);
        Log($"Report written to {Path.GetFullPath(settings.Output)}");
        return 0;
    }

    /// <summary>Registrations per provider before the measured ones, at least one per finding: the IDE has asked before.</summary>
    private const int FixWarmup = 20;

    /// <summary>--fixes: the code-fix registration cost alone, on the first of --sizes (10,000 lines by default).</summary>
    public static int RunFixes(Settings settings)
    {
        var lines = settings.SizesGiven ? settings.Sizes[0] : 10_000;
        Log($"== code-fix registration: {lines:N0} lines, manifest of {settings.ManifestEntries} entries ==");
        var project = BenchmarkProject.Create(lines, settings.ManifestEntries, settings.Seed, settings.Density);
        var fixes = new List<FixRegistrationResult> { FixRegistration.Run(project, FixWarmup, settings.FixSamples) };
        var report = new Report();
        report.Machine();
        report.FixRegistration(fixes);
        report.Targets([], [], [], fixes);
        report.Line(
            $"Settings: {settings.FixSamples} registrations per provider (+ one per finding, at least {FixWarmup}, warm-up), seed {settings.Seed}.");
        return Write(report, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Output))!, "fix-results.md"));
    }

    private static int Write(Report report, string output)
    {
        var text = report.ToString();
        Console.WriteLine(text);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, text);
        Log($"Report written to {output}");
        return 0;
    }

    /// <summary>
    /// --scripts: the JavaScript workload (--script-files, --script-lines) as the additional files of the C# workload
    /// of the first of --sizes (100,000 lines by default), script analysis against that project's compile time.
    /// </summary>
    public static int RunScripts(Settings settings)
    {
        var lines = settings.SizesGiven ? settings.Sizes[0] : 100_000;
        Log($"== scripts: {settings.ScriptFiles} files, {settings.ScriptLines:N0} lines; C# project of {lines:N0} lines ==");
        var project = BenchmarkProject.Create(lines, settings.ManifestEntries, settings.Seed, settings.Density);
        var scripts = Workload.ScriptGenerator.Generate(settings.ScriptFiles, settings.ScriptLines, project.Workload.Manifest, settings.Seed);
        var result = ScriptScenarios.Run(project, scripts, settings.Warmup, settings.Iterations, settings.DocumentSamples, Log);
        var report = new Report();
        report.Machine();
        report.Line($"- Load average before the run: {LoadAverage()}");
        report.Line();
        report.Scripts(result);
        report.Line($"Settings: iterations {settings.Iterations} (+{settings.Warmup} warm-up), {settings.DocumentSamples} edits (+5 warm-up), "
            + $"seed {settings.Seed}.");
        return Write(report, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Output))!, "script-results.md"));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>--build: the workload rebuilt with dotnet build, the compiler alone and with the package (see <see cref="BuildLevel"/>).</summary>
    public static int RunBuild(Settings settings)
    {
        var analyzers = new List<(string, string)> { ("ConsentAnalyzers", BuildProject.OwnAnalyzerAssembly) };
        analyzers.AddRange(settings.Compare);
        var report = new Report();
        report.Machine();
        if (settings.SdkAnalyzers)
        {
            report.Line(
                "Both builds keep the SDK's code analysis and the reference packs' analyzers and generators (--sdk-analyzers): " +
                "\"compiler alone\" is the ordinary build without the package.");
        }

        report.Line(settings.SharedCompiler
            ? "## Build level (dotnet build --no-restore --no-incremental with the SDK on PATH; " +
                "through the compiler server, warm after the warm-up; build CPU leaves out the server's)"
            : "## Build level (dotnet build --no-restore --no-incremental with the SDK on PATH; " +
                "a fresh compiler process per build, UseSharedCompilation=false)");
        report.Line();
        foreach (var lines in settings.SizesGiven ? settings.Sizes : [100_000])
        {
            Log($"== build: {lines:N0} lines, manifest of {settings.ManifestEntries} entries ==");
            var project = BenchmarkProject.Create(lines, settings.ManifestEntries, settings.Seed, settings.Density);
            var results = BuildLevel.Run(project, analyzers, settings.Warmup, settings.Iterations, settings.Keep, settings.SharedCompiler,
                settings.SdkAnalyzers, Log);
            report.Line(BuildLevel.Table(project.Workload.Lines, results));
        }

        report.Line($"Settings: iterations {settings.Iterations} (+{settings.Warmup} warm-up), seed {settings.Seed}.");
        return Write(report, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Output))!, "build-results.md"));
    }

    public static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}

/// <summary>The Markdown report.</summary>
internal sealed class Report
{
    private readonly StringBuilder _text = new();

    public void Line(string line = "") => _text.Append(line).Append('\n');

    public override string ToString() => _text.ToString();

    public void Machine()
    {
        Line("## Machine");
        Line();
        Line($"- Cores: {Environment.ProcessorCount}; CPU: {CpuModel()}; memory: {MemoryGiB()}");
        Line($"- OS: {OsName()} ({RuntimeInformation.OSArchitecture}); .NET runtime {Environment.Version}; GC: workstation, non-concurrent");
        Line($"- Compiler: Microsoft.CodeAnalysis.CSharp {Version(typeof(CSharpCompilation).Assembly)}; " +
            $"ConsentAnalyzers {Version(typeof(ConsentAnalyzers.Generator.ConsentGenerator).Assembly)}; "
            + $"NetAnalyzers {Version(Peers.PlatformCompatibility().GetType().Assembly)}; " +
            $"BannedApiAnalyzers {Version(Peers.BannedSymbols().GetType().Assembly)}");
        Line($"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Line();
    }

    public void Scripts(ScriptResult result)
    {
        var stats = result.Workload.Stats;
        Line("## JavaScript: the site's scripts");
        Line();
        Line("| Script files | Of which modules | Lines | Files with sites (parsed) | Storage writes | Cookie writes | Tracker calls and loads "
            + "| Of which guarded or essential | Sites per 1,000 lines |");
        Line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Line($"| {stats.Files:N0} | {stats.Modules:N0} | {result.Workload.Lines:N0} | {stats.FilesWithSites:N0} | {stats.StorageWrites:N0} | "
            + $"{stats.CookieWrites:N0} | {stats.TrackerCalls:N0} | {stats.Guarded:N0} | {1000.0 * stats.Sites / result.Workload.Lines:F1} |");
        Line();
        Line($"Script analysis of every script (ScriptAnalyzer's execution time, new texts each run) beside the compiler alone on the "
            + $"{result.CSharpLines:N0}-line C# project they belong to (medians); then the same scripts after an edit to a C# file:");
        Line();
        Line("| C# lines | Compiler alone | Script analysis | % of compiler | After a C# edit (texts unchanged) | Diagnostics | AD0001 |");
        Line("|---:|---:|---:|---:|---:|---|---:|");
        var share = 100 * result.ScriptAnalyzerMs.Median / result.CompilerMs.Median;
        Line($"| {result.CSharpLines:N0} | {result.CompilerMs.Median:N0} ms | **{result.ScriptAnalyzerMs.Median:N0} ms** | {share:F1}% | "
            + $"{result.AfterCSharpEditMs.Median:F2} ms | {string.Join(", ", result.ById.Select(p => $"{p.Key} {p.Value}"))} | {result.Crashes} |");
        Line();
        Line($"One 1,000-line script after an edit (a line inserted; that file's diagnostics; {result.EditedFiles} files take turns):");
        Line();
        Line("| Samples | Analyzer time median | Analyzer time p95 | Wall median | Wall p95 |");
        Line("|---:|---:|---:|---:|---:|");
        Line($"| {result.EditWallMs.Count} | {result.EditAnalyzerMs.Median:F2} ms | **{result.EditAnalyzerMs.P95:F2} ms** | "
            + $"{result.EditWallMs.Median:F2} ms | **{result.EditWallMs.P95:F2} ms** |");
        Line();
        Line($"- Target ≤ 5% of the compiler: {share:F1}%, {(share <= 5 ? "met" : "**missed**")}.");
        var p95 = Math.Max(result.EditAnalyzerMs.P95, result.EditWallMs.P95);
        Line($"- Target 1,000-line script p95 ≤ 20 ms after an edit: {p95:F2} ms (the larger of analyzer time and wall), "
            + $"{(p95 <= 20 ? "met" : "**missed**")}.");
        Line();
    }

    public void Workloads(List<(int Lines, Workload.Workload Workload)> workloads, int manifest)
    {
        Line($"## Workloads (manifest of {manifest} entries)");
        Line();
        Line("| Lines | Files | Methods | Cookie writes | Storage writes | Tracking calls | Of which guarded or essential | Sites per 1,000 lines " +
            "| Windows-only calls | Banned-list entries |");
        Line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (lines, w) in workloads)
        {
            var s = w.Stats;
            Line($"| {w.Lines:N0} | {s.Files:N0} | {s.Methods:N0} | {s.CookieWrites:N0} | {s.StorageWrites:N0} | {s.TrackingCalls:N0} | " +
                $"{s.Guarded:N0} | {1000.0 * s.Sinks / w.Lines:F1} | {s.PlatformCalls:N0} | {w.BannedEntries:N0} |");
        }

        Line();
    }

    public void SideBySide(List<SideBySideResult> results)
    {
        if (results.Count == 0)
        {
            return;
        }

        Line("## CI: the whole project, side by side (medians)");
        Line();
        Line("Compiler alone = `GetDiagnostics()` on a fresh compilation (binding and diagnostics, one thread). For each analyzer set: " +
            "the wall time of `GetAllDiagnosticsAsync()` on a fresh compilation (compiler + that set), " +
            "and the set's own execution time from `CompilationWithAnalyzers` telemetry (`logAnalyzerExecutionTime`).");
        Line();
        Line("| Lines | Compiler alone | + ConsentAnalyzers (wall) | ConsentAnalyzers time | % of compiler | + CA1416 (wall) " +
            "| CA1416 time | + BannedApi (wall) | BannedApi time | Ours ÷ CA1416 | Ours ÷ BannedApi |");
        Line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var ours = r.Sets[0];
            var ca = r.Sets.Count > 1 ? r.Sets[1] : null;
            var banned = r.Sets.Count > 2 ? r.Sets[2] : null;
            Line($"| {r.Lines:N0} | {Ms(r.Compiler.WallMs.Median)} | {Ms(ours.WallMs.Median)} | **{Ms(ours.AnalyzerMs.Median)}** | " +
                $"{Pct(ours.AnalyzerMs.Median / r.Compiler.WallMs.Median)} | {Ms(ca?.WallMs.Median)} | {Ms(ca?.AnalyzerMs.Median)} | " +
                $"{Ms(banned?.WallMs.Median)} | {Ms(banned?.AnalyzerMs.Median)} | {Ratio(ours.AnalyzerMs.Median, ca?.AnalyzerMs.Median)} | " +
                $"{Ratio(ours.AnalyzerMs.Median, banned?.AnalyzerMs.Median)} |");
        }

        Line();
        Line("Diagnostics reported (proof that each analyzer did its work), allocations of the whole run (median), analyzer exceptions (AD0001):");
        Line();
        Line("| Lines | Compiler | ConsentAnalyzers (CG*) | CA1416 | BannedApi (RS0030) | Allocated: " +
            "compiler / + ours / + CA1416 / + BannedApi | AD0001 |");
        Line("|---:|---:|---:|---:|---:|---|---:|");
        foreach (var r in results)
        {
            Line($"| {r.Lines:N0} | {r.Compiler.Diagnostics:N0} | {string.Join(" | ", r.Sets.Select(s => s.Diagnostics.ToString("N0")))} | " +
                $"{Mb(r.Compiler.Bytes.Median)} / {string.Join(" / ", r.Sets.Select(s => Mb(s.Bytes.Median)))} | " +
                $"{r.Sets.Sum(s => s.AnalyzerCrashes)} |");
        }

        Line();
        Line("Where ConsentAnalyzers' time goes (median per analyzer, ms):");
        Line();
        var names = results[0].Sets[0].PerAnalyzerMs.Keys.ToList();
        Line("| Lines | " + string.Join(" | ", names) + " |");
        Line("|---:|" + string.Concat(names.Select(_ => "---:|")));
        foreach (var r in results)
        {
            Line($"| {r.Lines:N0} | "
                + string.Join(" | ", names.Select(n => r.Sets[0].PerAnalyzerMs.TryGetValue(n, out var s) ? s.Median.ToString("F1") : "-")) + " |");
        }

        Line();
    }

    public void Growth(List<SideBySideResult> results)
    {
        if (results.Count < 2)
        {
            return;
        }

        Line("## Growth: milliseconds per 1,000 lines");
        Line();
        Line("| Lines | Compiler alone | ConsentAnalyzers | CA1416 | BannedApi |");
        Line("|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var k = r.Lines / 1000.0;
            Line($"| {r.Lines:N0} | {r.Compiler.WallMs.Median / k:F2} | {r.Sets[0].AnalyzerMs.Median / k:F2} | " +
                $"{(r.Sets.Count > 1 ? (r.Sets[1].AnalyzerMs.Median / k).ToString("F2") : "-")} | " +
                $"{(r.Sets.Count > 2 ? (r.Sets[2].AnalyzerMs.Median / k).ToString("F2") : "-")} |");
        }

        Line();
    }

    public void PerDocument(List<PerDocumentResult> results)
    {
        if (results.Count == 0)
        {
            return;
        }

        Line("## IDE: one 1,000-line document of a large project, after an edit");
        Line();
        Line("Each sample: a new compilation with the document edited (as the IDE makes on each edit), " +
            "then `GetAnalyzerSemanticDiagnosticsAsync` for that document with one analyzer set. Analyzer time from telemetry; " +
            "wall time includes the compiler binding the document for the analyzers.");
        Line();
        Line("| Project lines | Documents | Samples | Compiler (document diagnostics) " +
            "median / p95 | Set | Analyzer time median | Analyzer time p95 | Wall median | Wall p95 | Diagnostics in document (max) |");
        Line("|---:|---:|---:|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            foreach (var (name, wall, analyzer, diagnostics) in r.Sets)
            {
                Line($"| {r.Lines:N0} | {r.Documents} | {analyzer.Count} | {Ms(r.CompilerMs.Median)} / {Ms(r.CompilerMs.P95)} | {name} | " +
                    $"{Ms(analyzer.Median, 2)} | {Ms(analyzer.P95, 2)} | {Ms(wall.Median)} | {Ms(wall.P95)} | {diagnostics} |");
            }
        }

        Line();
    }

    public void Generator(List<GeneratorResult> results, string title)
    {
        if (results.Count == 0)
        {
            return;
        }

        Line($"## Generator ({title})");
        Line();
        Line("| Lines | Manifest entries | Files generated | Cold run | Cold allocated | Warm run (unrelated edit) " +
            "median / p95 | Warm allocated | Outputs regenerated on warm runs | Steps not cached | After a manifest edit | Allocated | Outputs " +
            "regenerated |");
        Line("|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Line($"| {r.Lines:N0} | {r.ManifestEntries:N0} | {r.GeneratedFiles} | {Ms(r.ColdMs.Median, 1)} | {Mb(r.ColdBytes.Median)} | " +
                $"{Ms(r.WarmMs.Median, 3)} / {Ms(r.WarmMs.P95, 3)} | {Kb(r.WarmBytes.Median)} | {r.WarmRegeneratedOutputs} | " +
                $"{r.WarmStepsNotCached} | {Ms(r.ManifestEditMs.Median, 1)} | {Mb(r.ManifestEditBytes.Median)} | " +
                $"{r.ManifestEditRegeneratedOutputs} |");
        }

        Line();
    }

    public void Sweep(List<SideBySideResult> results, int lines)
    {
        if (results.Count == 0)
        {
            return;
        }

        Line($"## Manifest size ({lines:N0} lines; the banned list is as long as the manifest)");
        Line();
        Line("| Manifest entries | Compiler alone | ConsentAnalyzers time | % of compiler | BannedApi time | Ours ÷ BannedApi | CG diagnostics | " +
            "RS0030 diagnostics |");
        Line("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Line($"| {r.ManifestEntries:N0} | {Ms(r.Compiler.WallMs.Median)} | {Ms(r.Sets[0].AnalyzerMs.Median)} | " +
                $"{Pct(r.Sets[0].AnalyzerMs.Median / r.Compiler.WallMs.Median)} | {Ms(r.Sets.Count > 1 ? r.Sets[1].AnalyzerMs.Median : null)} | " +
                $"{Ratio(r.Sets[0].AnalyzerMs.Median, r.Sets.Count > 1 ? r.Sets[1].AnalyzerMs.Median : null)} | {r.Sets[0].Diagnostics:N0} | " +
                $"{(r.Sets.Count > 1 ? r.Sets[1].Diagnostics.ToString("N0") : "-")} |");
        }

        Line();
    }

    public void FixRegistration(List<FixRegistrationResult> results)
    {
        foreach (var r in results)
        {
            Line("## IDE: code-fix registration (the lightbulb)");
            Line();
            Line($"Each sample: one provider's `RegisterCodeFixesAsync` for one finding of the {r.Documents} 1,000-line documents of the " +
                $"{r.Lines:N0}-line project ({r.Findings} findings of our analyzers), warm: " +
                $"the workspace holds the semantic model and the provider was asked for every finding once before. " +
                $"\"Compute\" is the first action's `GetOperationsAsync` (preview or apply), once per finding (at least ten times).");
            Line();
            Line("| Provider | Findings it fixes | Actions offered | Registration median | Registration p95 | Compute median | Compute p95 |");
            Line("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var p in r.Providers)
            {
                Line($"| {p.Name} | {p.Findings} | {p.Actions} | {Ms(p.RegisterMs.Median, 2)} | {Ms(p.RegisterMs.P95, 2)} | " +
                    $"{Ms(p.ComputeMs.Median, 1)} | {Ms(p.ComputeMs.P95, 1)} |");
            }

            Line();
        }
    }

    public void Targets(List<SideBySideResult> sideBySide, List<PerDocumentResult> perDocument, List<GeneratorResult> generator,
        List<FixRegistrationResult> fixes)
    {
        Line("## Targets (computed from this run)");
        Line();
        Line("| Target | Measured | Verdict |");
        Line("|---|---|---|");
        foreach (var r in sideBySide)
        {
            var ours = r.Sets[0].AnalyzerMs.Median;
            foreach (var peer in r.Sets.Skip(1))
            {
                Line($"| {r.Lines:N0} lines: " +
                    $"ConsentAnalyzers ≤ {peer.Name} | {Ms(ours)} vs {Ms(peer.AnalyzerMs.Median)} ({Ratio(ours, peer.AnalyzerMs.Median)}) " +
                    $"| {Verdict(ours <= peer.AnalyzerMs.Median, ours / peer.AnalyzerMs.Median - 1)} |");
            }
        }

        foreach (var r in sideBySide.Where(r => r.Lines == 100_000))
        {
            var share = r.Sets[0].AnalyzerMs.Median / r.Compiler.WallMs.Median;
            Line($"| 100,000 lines: ConsentAnalyzers ≤ 5% of the compiler alone | {Pct(share)} | {Verdict(share <= 0.05, share / 0.05 - 1)} |");
        }

        foreach (var r in perDocument)
        {
            var p95 = r.Sets[0].AnalyzerMs.P95;
            Line($"| {r.Lines:N0}-line project: per-document p95 ≤ 20 ms | {Ms(p95, 2)} | {Verdict(p95 <= 20, p95 / 20 - 1)} |");
        }

        foreach (var r in fixes.Where(r => r.Providers.Any(p => p.RegisterMs.Count > 0)))
        {
            var slowest = r.Providers.Where(p => p.RegisterMs.Count > 0).MaxBy(p => p.RegisterMs.P95)!;
            Line($"| Code-fix registration p95 ≤ 20 ms (slowest provider) | {Ms(slowest.RegisterMs.P95, 2)} ({slowest.Name}) " +
                $"| {Verdict(slowest.RegisterMs.P95 <= 20, slowest.RegisterMs.P95 / 20 - 1)} |");
        }

        foreach (var g in generator)
        {
            Line($"| Generator warm run " +
                $"< 1 ms, nothing regenerated ({g.Lines:N0} lines, {g.ManifestEntries:N0} entries) | {Ms(g.WarmMs.Median, 3)}, " +
                $"{g.WarmRegeneratedOutputs} regenerated | {Verdict(g.WarmMs.Median < 1 && g.WarmRegeneratedOutputs == 0, g.WarmMs.Median - 1)} |");
        }

        if (sideBySide.Count >= 2)
        {
            var first = sideBySide[0];
            var last = sideBySide[^1];
            var growth = last.Sets[0].AnalyzerMs.Median / last.Lines / (first.Sets[0].AnalyzerMs.Median / first.Lines);
            var compilerGrowth = last.Compiler.WallMs.Median / last.Lines / (first.Compiler.WallMs.Median / first.Lines);
            Line($"| Growth linear (time per 1,000 lines at {last.Lines:N0} ÷ at {first.Lines:N0}) | ours ×{growth:F2}, " +
                $"compiler ×{compilerGrowth:F2} | {(growth <= Math.Max(1.25, compilerGrowth * 1.15) ? "met" : "missed")} |");
        }

        Line();
    }

    private static string Verdict(bool met, double over) => met ? "met" : $"missed by {over * 100:F0}%";

    private static string Ms(double? value, int decimals = 0) =>
        value is null || double.IsNaN(value.Value) ? "-" : value.Value.ToString("N" + decimals) + " ms";

    private static string Pct(double value) => (value * 100).ToString("F1") + "%";

    private static string Ratio(double ours, double? peer) => peer is null or 0 ? "-" : (ours / peer.Value).ToString("F2");

    private static string Mb(double bytes) => (bytes / 1024 / 1024).ToString("N0") + " MB";

    private static string Kb(double bytes) => (bytes / 1024).ToString("N1") + " KB";

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? assembly.GetName().Version?.ToString() ?? "?";

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
                ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static string MemoryGiB()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            var kb = line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
            return kb == 0 ? "?" : $"{kb / 1024.0 / 1024:F0} GiB";
        }
        catch (IOException)
        {
            return $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024:F0} GiB";
        }
    }

    private static string OsName()
    {
        try
        {
            var pretty = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            return pretty?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription;
        }
        catch (IOException)
        {
            return RuntimeInformation.OSDescription;
        }
    }
}
