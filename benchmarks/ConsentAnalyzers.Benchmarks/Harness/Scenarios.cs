using System.Collections.Immutable;
using ConsentAnalyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Benchmarks.Harness;

/// <summary>A set of analyzers measured together, and the IDs of the diagnostics that show it did its work.</summary>
public sealed record AnalyzerSet(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers, string DiagnosticPrefix)
{
    /// <summary>Every analyzer of ConsentAnalyzers.dll (the manifest analyzer and the code analyzers).</summary>
    public static AnalyzerSet ConsentAnalyzers() => new(
        "ConsentAnalyzers",
        typeof(ConsentGenerator).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray(),
        "CG");

    public static AnalyzerSet Ca1416() => new("CA1416 (NetAnalyzers)", [Peers.PlatformCompatibility()], "CA1416");

    public static AnalyzerSet BannedApi() => new("BannedApiAnalyzers", [Peers.BannedSymbols()], "RS0030");
}

/// <summary>One configuration of the side-by-side run: wall time of the whole run, time spent in the analyzers, allocations.</summary>
public sealed class ConfigurationResult(string name)
{
    public string Name { get; } = name;

    public Samples WallMs { get; } = new();

    /// <summary>The process's CPU time for the run (one thread does the work): what other load on a shared machine inflates least.</summary>
    public Samples CpuMs { get; } = new();

    public Samples AnalyzerMs { get; } = new();

    public Samples Bytes { get; } = new();

    /// <summary>Median execution time of each analyzer of the set.</summary>
    public Dictionary<string, Samples> PerAnalyzerMs { get; } = new();

    public int Diagnostics { get; set; }

    public int AnalyzerCrashes { get; set; }

    /// <summary>How many diagnostics of each ID the last run reported (the compiler's too).</summary>
    public SortedDictionary<string, int> ById { get; } = new(StringComparer.Ordinal);
}

public sealed record SideBySideResult(int Lines, int ManifestEntries, ConfigurationResult Compiler, IReadOnlyList<ConfigurationResult> Sets);

public sealed record PerDocumentResult(int Lines, int Documents, Samples CompilerMs,
    IReadOnlyList<(string Name, Samples WallMs, Samples AnalyzerMs, int Diagnostics)> Sets);

public sealed record GeneratorResult(
    int Lines,
    int ManifestEntries,
    Samples ColdMs,
    Samples ColdBytes,
    Samples WarmMs,
    Samples WarmBytes,
    Samples ManifestEditMs,
    Samples ManifestEditBytes,
    int WarmRegeneratedOutputs,
    int WarmStepsNotCached,
    int ManifestEditRegeneratedOutputs,
    int GeneratedFiles);

public static class Scenarios
{
    /// <summary>
    /// The generator's named pipeline steps (its TrackingNames): the compiler's own input nodes change with every edit
    /// by definition.
    /// </summary>
    private static readonly HashSet<string> GeneratorSteps = ["ManifestCandidates", "ParsedManifests", "Manifest", "Options", "Input"];

    private static CompilationWithAnalyzersOptions AnalyzerRunOptions(AnalyzerOptions options) =>
        new(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);

    /// <summary>
    /// The CI case: the whole project compiled (bound, with its diagnostics) by the compiler alone, and with each
    /// analyzer set, every run on a fresh compilation; the configurations take turns in each iteration so that
    /// noise on a shared machine falls on all of them alike.
    /// </summary>
    public static SideBySideResult SideBySide(BenchmarkProject project, IReadOnlyList<AnalyzerSet> sets, int warmup, int iterations,
        Action<string>? log = null)
    {
        var compiler = new ConfigurationResult("compiler alone");
        var results = sets.Select(set => new ConfigurationResult(set.Name)).ToList();
        for (var iteration = 0; iteration < warmup + iterations; iteration++)
        {
            var measured = iteration >= warmup;
            var cpu = Measure.CpuMs();
            var (ms, bytes, count) = Measure.Run(() => project.NewCompilation().GetDiagnostics().Length);
            cpu = Measure.CpuMs() - cpu;
            if (measured)
            {
                compiler.WallMs.Add(ms);
                compiler.CpuMs.Add(cpu);
                compiler.Bytes.Add(bytes);
                compiler.Diagnostics = count;
            }

            for (var s = 0; s < sets.Count; s++)
            {
                var set = sets[s];
                var result = results[s];
                var options = project.NewAnalyzerOptions();
                var setCpu = Measure.CpuMs();
                var (setMs, setBytes, run) = Measure.Run(() =>
                {
                    // The compiler's diagnostics and the analyzers' results, as a build computes both on one compilation.
                    var withAnalyzers = project.NewCompilation().WithAnalyzers(set.Analyzers, AnalyzerRunOptions(options));
                    var compilerDiagnostics = withAnalyzers.Compilation.GetDiagnostics();
                    var analysis = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
                    return (Analysis: analysis, Diagnostics: compilerDiagnostics.AddRange(analysis.GetAllDiagnostics()));
                });
                if (!measured)
                {
                    continue;
                }

                result.WallMs.Add(setMs);
                result.CpuMs.Add(Measure.CpuMs() - setCpu);
                result.Bytes.Add(setBytes);
                var total = 0.0;
                foreach (var analyzer in set.Analyzers)
                {
                    var time = run.Analysis.AnalyzerTelemetryInfo.TryGetValue(analyzer, out var telemetry)
                        ? telemetry.ExecutionTime.TotalMilliseconds
                        : 0;
                    total += time;
                    var name = analyzer.GetType().Name;
                    if (!result.PerAnalyzerMs.TryGetValue(name, out var samples))
                    {
                        result.PerAnalyzerMs[name] = samples = new Samples();
                    }

                    samples.Add(time);
                }

                result.AnalyzerMs.Add(total);
                result.Diagnostics = run.Diagnostics.Count(d => d.Id.StartsWith(set.DiagnosticPrefix, StringComparison.Ordinal));
                result.AnalyzerCrashes = run.Diagnostics.Count(d => d.Id is "AD0001");
                result.ById.Clear();
                foreach (var group in run.Diagnostics.GroupBy(d => d.Id))
                {
                    result.ById[group.Key] = group.Count();
                }
            }

            log?.Invoke(
                $"  iteration {iteration + 1}/{warmup + iterations}{(measured ? string.Empty : " (warm-up)")}: compiler {ms:F0} ms (CPU {cpu:F0}); "
                + string.Join("; ",
                    results.Select(
                        r => $"{r.Name} {(r.AnalyzerMs.Count > 0 ? r.AnalyzerMs.Median.ToString("F0") : "-")} ms " +
                            $"(CPU of the run: {(r.CpuMs.Count > 0 ? r.CpuMs.Median.ToString("F0") : "-")})")));
        }

        return new SideBySideResult(project.Workload.Lines, project.Workload.Manifest.Entries, compiler, results);
    }

    /// <summary>
    /// The IDE case: after an edit to one 1,000-line document of the project (a new compilation, as the IDE makes
    /// on each edit), the compiler's diagnostics of that document, then each analyzer set's diagnostics of that
    /// document alone. The documents take turns.
    /// </summary>
    public static PerDocumentResult PerDocument(BenchmarkProject project, IReadOnlyList<AnalyzerSet> sets, int warmup, int samples)
    {
        var documents = project.LargeDocuments.ToList();
        if (documents.Count == 0)
        {
            throw new InvalidOperationException("The workload has no 1,000-line document.");
        }

        var compilation = project.NewCompilation();
        var current = documents.ToDictionary(tree => tree.FilePath, tree => tree);
        var compilerMs = new Samples();
        var perSet = sets.Select(set => (set.Name, Wall: new Samples(), Analyzer: new Samples(), Diagnostics: 0)).ToList();
        for (var i = 0; i < warmup + samples; i++)
        {
            var path = documents[i % documents.Count].FilePath;
            var before = current[path];
            var text = before.GetText();
            var insertAt = text.ToString().IndexOf("\n    public ", StringComparison.Ordinal) + 1;
            var edited = before.WithChangedText(text.WithChanges(new TextChange(new TextSpan(insertAt, 0), $"    // edit {i}\n")));
            compilation = compilation.ReplaceSyntaxTree(before, edited);
            current[path] = edited;

            var model = compilation.GetSemanticModel(edited);
            var compiler = Measure.Quick(() => model.GetDiagnostics().Length);
            if (i >= warmup)
            {
                compilerMs.Add(compiler.Milliseconds);
            }

            for (var s = 0; s < sets.Count; s++)
            {
                var withAnalyzers = compilation.WithAnalyzers(sets[s].Analyzers, AnalyzerRunOptions(project.NewAnalyzerOptions()));
                var setModel = withAnalyzers.Compilation.GetSemanticModel(edited);
                var run = Measure.Quick(
                    () => withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(setModel, filterSpan: null,
                        CancellationToken.None).GetAwaiter().GetResult());
                if (i < warmup)
                {
                    continue;
                }

                var analyzerMs = 0.0;
                foreach (var analyzer in sets[s].Analyzers)
                {
                    analyzerMs += withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer,
                        CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
                }

                var entry = perSet[s];
                entry.Wall.Add(run.Milliseconds);
                entry.Analyzer.Add(analyzerMs);
                entry.Diagnostics = Math.Max(entry.Diagnostics,
                    run.Result.Count(d => d.Id.StartsWith(sets[s].DiagnosticPrefix, StringComparison.Ordinal)));
                perSet[s] = entry;
            }
        }

        return new PerDocumentResult(project.Workload.Lines, documents.Count, compilerMs,
            perSet.Select(e => (e.Name, e.Wall, e.Analyzer, e.Diagnostics)).ToList());
    }

    /// <summary>
    /// The generator: a cold run (new driver, manifest read anew), a warm run after an unrelated edit to a C# file
    /// (every step must come from the cache, no output regenerated), and a run after an edit to the manifest.
    /// </summary>
    public static GeneratorResult Generator(BenchmarkProject project, int warmup, int iterations)
    {
        var generator = new ConsentGenerator().AsSourceGenerator();
        var driverOptions = new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true);
        var compilation = BenchmarkProject.SourceCompilation(project.Trees);
        var json = project.Workload.Manifest.Json;

        GeneratorDriver NewDriver(AdditionalText manifest) =>
            CSharpGeneratorDriver.Create([generator], [manifest], BenchmarkProject.ParseOptions, BenchmarkProject.BuildOptions, driverOptions);

        var coldMs = new Samples();
        var coldBytes = new Samples();
        GeneratorDriver driver = NewDriver(new MemoryText(BenchmarkProject.ManifestPath, json));
        for (var i = 0; i < warmup + iterations; i++)
        {
            var manifest = new MemoryText(BenchmarkProject.ManifestPath, json);
            var fresh = NewDriver(manifest);
            var cold = Measure.Run(() => fresh.RunGenerators(compilation));
            driver = cold.Result;
            if (i >= warmup)
            {
                coldMs.Add(cold.Milliseconds);
                coldBytes.Add(cold.Bytes);
            }
        }

        var generatedFiles = driver.GetRunResult().Results[0].GeneratedSources.Length;

        // Unrelated edits: a comment added to a different C# file each time.
        var warmMs = new Samples();
        var warmBytes = new Samples();
        var regenerated = 0;
        var notCached = 0;
        for (var i = 0; i < warmup + iterations * 4; i++)
        {
            var tree = compilation.SyntaxTrees.ElementAt(2 + i % (compilation.SyntaxTrees.Count() - 2));
            var text = tree.GetText();
            var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(text.Length, 0), $"// edit {i}\n")));
            compilation = compilation.ReplaceSyntaxTree(tree, edited);
            var edit = compilation;
            var warm = Measure.Quick(() => driver.RunGenerators(edit));
            driver = warm.Result;
            if (i < warmup)
            {
                continue;
            }

            warmMs.Add(warm.Milliseconds);
            warmBytes.Add(warm.Bytes);
            var result = driver.GetRunResult().Results[0];
            foreach (var step in result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(run => run.Outputs))
            {
                if (step.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)
                {
                    regenerated++;
                }
            }

            foreach (var step in result.TrackedSteps.Where(pair => GeneratorSteps.Contains(pair.Key)).SelectMany(pair => pair.Value).SelectMany(
                run => run.Outputs))
            {
                if (step.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                {
                    notCached++;
                }
            }
        }

        // Manifest edits: one entry's purpose changes (the generated metadata changes with it).
        var editMs = new Samples();
        var editBytes = new Samples();
        var editRegenerated = 0;
        AdditionalText currentManifest = new MemoryText(BenchmarkProject.ManifestPath, json);
        driver = NewDriver(currentManifest).RunGenerators(compilation);
        for (var i = 0; i < warmup + iterations; i++)
        {
            var changed = new MemoryText(BenchmarkProject.ManifestPath, json.Replace("Distinguishes visitors", $"Distinguishes visitors ({i})"));
            var before = driver.ReplaceAdditionalText(currentManifest, changed);
            currentManifest = changed;
            var run = Measure.Quick(() => before.RunGenerators(compilation));
            driver = run.Result;
            if (i < warmup)
            {
                continue;
            }

            editMs.Add(run.Milliseconds);
            editBytes.Add(run.Bytes);
            editRegenerated = driver.GetRunResult().Results[0].TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(r => r.Outputs)
                .Count(step => step.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        }

        return new GeneratorResult(project.Workload.Lines, project.Workload.Manifest.Entries, coldMs, coldBytes, warmMs, warmBytes, editMs, editBytes,
            regenerated, notCached, editRegenerated, generatedFiles);
    }

    /// <summary>The smoke run's JavaScript workload: 20 scripts of 3,000 lines in all, one iteration, three edits.</summary>
    public static ScriptResult Scripts(BenchmarkProject project, int seed) =>
        ScriptScenarios.Run(project, Workload.ScriptGenerator.Generate(files: 20, lines: 3_000, project.Workload.Manifest, seed), warmup: 0,
            iterations: 1, editSamples: 3);
}
