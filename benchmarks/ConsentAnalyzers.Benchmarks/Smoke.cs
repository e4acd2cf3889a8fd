using ConsentAnalyzers.Benchmarks.Harness;

namespace ConsentAnalyzers.Benchmarks;

/// <summary>
/// The smoke configuration (CI): the smallest workload, one iteration of every scenario, no warm-up. Asserts nothing
/// about time; fails when the harness no longer measures what it claims: the workload does not compile, an analyzer
/// set reports nothing or throws, the per-document case finds no document, the guard fixes offer no action on a
/// 1,000-line document, the generator regenerates after an unrelated edit, or the script analysis reports nothing on
/// the JavaScript workload.
/// </summary>
public static class Smoke
{
    public static int Run(Settings settings)
    {
        var failures = new List<string>();
        var project = BenchmarkProject.Create(lines: 10_000, manifestEntries: 100, settings.Seed);
        Console.WriteLine(
            $"smoke: workload of {project.Workload.Lines:N0} lines in {project.Workload.Files.Count} files, " +
            $"{project.Workload.Stats.Sinks} cookie/storage/tracking sites, {project.Generated.Length} generated files");
        foreach (var error in project.Errors.Take(10))
        {
            failures.Add("the workload does not compile: " + error);
        }

        var sets = new[] { AnalyzerSet.ConsentAnalyzers(), AnalyzerSet.Ca1416(), AnalyzerSet.BannedApi() };
        var sideBySide = Scenarios.SideBySide(project, sets, warmup: 0, iterations: 1);
        Console.WriteLine($"smoke: compiler alone {sideBySide.Compiler.WallMs.Median:F0} ms, {sideBySide.Compiler.Diagnostics} diagnostics");
        foreach (var set in sideBySide.Sets)
        {
            Console.WriteLine($"smoke: {set.Name}: {set.AnalyzerMs.Median:F0} ms, {set.Diagnostics} diagnostics, {set.AnalyzerCrashes} AD0001");
            Console.WriteLine("smoke:   " + string.Join(", ", set.ById.Select(pair => $"{pair.Key} {pair.Value}")));
            if (set.Diagnostics == 0)
            {
                failures.Add($"{set.Name} reported no diagnostic on the workload");
            }

            if (set.AnalyzerCrashes > 0)
            {
                failures.Add($"{set.Name} threw (AD0001)");
            }
        }

        var perDocument = Scenarios.PerDocument(project, sets, warmup: 0, samples: 2);
        foreach (var (name, _, analyzer, diagnostics) in perDocument.Sets)
        {
            Console.WriteLine($"smoke: per document, {name}: {analyzer.Median:F1} ms");
            if (analyzer.Count != 2)
            {
                failures.Add($"per document, {name}: {analyzer.Count} samples instead of 2");
            }
        }

        // The code fixes on one 1,000-line document: the guard fixes find findings there and offer actions.
        var fixes = FixRegistration.Run(project, minimumWarmup: 0, samples: 3, maxDocuments: 1);
        foreach (var provider in fixes.Providers)
        {
            Console.WriteLine(
                $"smoke: code-fix registration, {provider.Name}: " +
                $"{provider.Findings} findings, {provider.Actions} actions, {provider.RegisterMs.Median:F1} ms");
        }

        foreach (var name in new[] { "AddConsentCheckCodeFixProvider", "AddRequiresConsentCodeFixProvider" })
        {
            if (fixes.Providers.SingleOrDefault(p => p.Name == name) is not { Actions: > 0 } guard
                || guard.RegisterMs.Count != 3
                || guard.ComputeMs.Count == 0)
            {
                failures.Add($"code-fix registration: {name} offered no action on a 1,000-line document, or was not measured");
            }
        }

        var generator = Scenarios.Generator(project, warmup: 0, iterations: 1);
        Console.WriteLine(
            $"smoke: generator cold {generator.ColdMs.Median:F1} ms, " +
            $"warm {generator.WarmMs.Median:F3} ms " +
            $"({generator.WarmRegeneratedOutputs} regenerated, {generator.WarmStepsNotCached} steps not cached), " +
            $"manifest edit {generator.ManifestEditMs.Median:F1} ms ({generator.ManifestEditRegeneratedOutputs} regenerated)");
        if (generator.GeneratedFiles == 0)
        {
            failures.Add("the generator generated nothing");
        }

        if (generator.WarmRegeneratedOutputs != 0 || generator.WarmStepsNotCached != 0)
        {
            failures.Add("the generator did work after an unrelated edit");
        }

        if (generator.ManifestEditRegeneratedOutputs == 0)
        {
            failures.Add("the generator regenerated nothing after a manifest edit");
        }

        // The JavaScript workload: the script analysis reports, does not throw, and has samples of the per-file edit.
        var scripts = Scenarios.Scripts(project, settings.Seed);
        Console.WriteLine(
            $"smoke: scripts: {scripts.Workload.Files.Count} files, {scripts.Workload.Lines:N0} lines, {scripts.Workload.Stats.Sites} sites; "
            + $"analysis {scripts.ScriptAnalyzerMs.Median:F1} ms, after a C# edit {scripts.AfterCSharpEditMs.Median:F2} ms, "
            + $"1,000-line file after an edit {scripts.EditWallMs.Median:F1} ms; "
            + string.Join(", ", scripts.ById.Select(pair => $"{pair.Key} {pair.Value}")));
        if (scripts.ById.Count == 0 || scripts.Crashes > 0 || scripts.EditWallMs.Count != 3)
        {
            failures.Add("the script analysis reported nothing on the JavaScript workload, threw (AD0001), or the edit case was not measured");
        }

        foreach (var failure in failures)
        {
            Console.WriteLine("smoke: FAILED: " + failure);
        }

        Console.WriteLine(failures.Count == 0 ? "smoke: ok" : $"smoke: {failures.Count} failure(s)");
        return failures.Count == 0 ? 0 : 1;
    }
}
