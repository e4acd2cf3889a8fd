using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ConsentAnalyzers.Benchmarks.Harness;

/// <summary>
/// --build: what the package costs in a real build. The workload is written as an SDK project (<see cref="BuildProject"/>)
/// and rebuilt with <c>dotnet build --no-restore --no-incremental -p:ReportAnalyzer=true</c>, the compiler alone and
/// with each analyzer assembly taking turns in every iteration (the order rotating), so that the noise of a shared
/// machine falls on all alike. The compiler's time is the Csc task's, from MSBuild's performance summary; the
/// package's own time is what ReportAnalyzer prints for its analyzers and its generator.
/// </summary>
public static partial class BuildLevel
{
    public const string Alone = "none";

    public sealed class Configuration(string name)
    {
        public string Name { get; } = name;

        public Samples CscMs { get; } = new();

        public Samples WallMs { get; } = new();

        /// <summary>
        /// CPU time (user + system) of the whole build, its compiler process included: what other load on the machine
        /// does not inflate.
        /// </summary>
        public Samples CpuMs { get; } = new();

        /// <summary>
        /// CPU time (user + system) the compiler server spent on the build (with the shared compiler, on Linux): the
        /// compiler's own work, which neither the build's CPU (the server is not its child) nor ReportAnalyzer's wall
        /// clock (which bills a callback for a garbage collection or a wait for a core that falls inside it) shows.
        /// </summary>
        public Samples ServerCpuMs { get; } = new();

        /// <summary>The package's analyzers and generator, summed, as ReportAnalyzer prints them.</summary>
        public Samples PackageMs { get; } = new();

        public Samples GeneratorMs { get; } = new();

        public Dictionary<string, Samples> PerAnalyzerMs { get; } = new(StringComparer.Ordinal);

        public int Warnings { get; set; }
    }

    public static IReadOnlyList<Configuration> Run(BenchmarkProject project, IReadOnlyList<(string Name, string Assembly)> analyzers, int warmup,
        int iterations, bool keep, bool sharedCompiler, bool sdkAnalyzers, Action<string> log)
    {
        var build = BuildProject.Write(project, analyzers);
        log($"  project written to {build.Folder}; restoring…");
        Dotnet(build, "restore", "-nologo", "-tl:off", "-v:q");
        var configurations = new[] { new Configuration(Alone) }.Concat(analyzers.Select(a => new Configuration(a.Name))).ToList();
        try
        {
            for (var i = 0; i < warmup + iterations; i++)
            {
                // Rotate the order, so that no configuration always follows the same one.
                for (var k = 0; k < configurations.Count; k++)
                {
                    var configuration = configurations[(i + k) % configurations.Count];
                    var serverBefore = CompilerServers.CpuMs();
                    var watch = Stopwatch.StartNew();
                    var (output, cpuMs) = Dotnet(build, "build", "--no-restore", "--no-incremental", "-nologo", "-tl:off", "-v:d",
                        "-clp:PerformanceSummary",
                        "-p:ReportAnalyzer=true", "-p:UseSharedCompilation=" + (sharedCompiler ? "true" : "false"),
                        "-p:SdkAnalyzers=" + (sdkAnalyzers ? "true" : "false"), "-p:Consent=" + configuration.Name);
                    watch.Stop();
                    var serverMs = sharedCompiler ? CompilerServers.CpuMs() - serverBefore : double.NaN;
                    if (i >= warmup)
                    {
                        Record(configuration, output, watch.Elapsed.TotalMilliseconds, cpuMs);
                        if (serverMs >= 0)
                        {
                            configuration.ServerCpuMs.Add(serverMs); // not when a server started or stopped during the build
                        }
                    }

                    var package = PackageTotal(output);
                    log($"  {(i < warmup ? "warm-up" : "iteration " + (i - warmup + 1))}: " +
                        $"{configuration.Name,-16} wall {watch.Elapsed.TotalMilliseconds:F0} ms, CPU {cpuMs:F0} ms, server CPU {serverMs:F0} ms, " +
                        $"Csc {CscMs(output):F0} ms, " +
                        $"package {package.Total:F0} ms"
                        + string.Concat(package.PerAnalyzer.Select(a => $", {a.Name} {a.Ms:F0}")) + $", generator {package.Generator:F0}");
                }
            }
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(build.Folder, recursive: true);
            }
        }

        return configurations;
    }

    private static void Record(Configuration configuration, string output, double wallMs, double cpuMs)
    {
        configuration.WallMs.Add(wallMs);
        configuration.CpuMs.Add(cpuMs);
        configuration.CscMs.Add(CscMs(output));
        configuration.Warnings = WarningCount().Matches(output).Select(m => m.Value).Distinct().Count();
        if (configuration.Name == Alone)
        {
            return;
        }

        var (total, generator, perAnalyzer) = PackageTotal(output);
        configuration.PackageMs.Add(total);
        configuration.GeneratorMs.Add(generator);
        foreach (var (name, ms) in perAnalyzer)
        {
            if (!configuration.PerAnalyzerMs.TryGetValue(name, out var samples))
            {
                configuration.PerAnalyzerMs[name] = samples = new Samples();
            }

            samples.Add(ms);
        }
    }

    /// <summary>The Csc task's time in MSBuild's task performance summary ("  26812 ms  Csc   1 calls").</summary>
    private static double CscMs(string output) =>
        CscLine().Match(output) is { Success: true } match ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;

    /// <summary>
    /// ReportAnalyzer's lines for the package ("   0.512   38      ConsentAnalyzers.Analyzers.TrackingCallAnalyzer (CG0201, …)"):
    /// the package's analyzers and generator summed, the generator, and each analyzer.
    /// </summary>
    private static (double Total, double Generator, List<(string Name, double Ms)> PerAnalyzer) PackageTotal(string output)
    {
        double total = 0, generator = 0;
        var perAnalyzer = new List<(string, double)>();
        foreach (Match match in ReportLine().Matches(output))
        {
            var seconds = match.Groups[1].Value.StartsWith('<') ? 0 : double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var name = match.Groups[2].Value;
            total += seconds * 1000;
            if (name.StartsWith("ConsentAnalyzers.Generator.", StringComparison.Ordinal))
            {
                generator += seconds * 1000;
            }
            else
            {
                perAnalyzer.Add((name[(name.LastIndexOf('.') + 1)..], seconds * 1000));
            }
        }

        return (total, generator, perAnalyzer);
    }

    /// <summary>
    /// Runs dotnet on the project; its output, and the CPU time of it and the processes it waited for (the compiler
    /// among them), as /usr/bin/time reports it (NaN where there is none).
    /// </summary>
    private static (string Output, double CpuMs) Dotnet(BuildProject build, params string[] arguments)
    {
        var timeFile = Path.Combine(build.Folder, "time.txt");
        var timed = File.Exists("/usr/bin/time");
        var start = new ProcessStartInfo(timed ? "/usr/bin/time" : "dotnet") { WorkingDirectory = build.Folder, RedirectStandardOutput = true,
            RedirectStandardError = true };
        if (timed)
        {
            foreach (var argument in new[] { "-f", "%U %S", "-o", timeFile, "dotnet" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add(arguments[0]);
        start.ArgumentList.Add(build.ProjectFile);
        foreach (var argument in arguments.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode == 0 && AnalyzerCrash().Match(output) is { Success: true } crash)
        {
            // A crashed analyzer does less work than a working one: its time would flatter the package.
            throw new InvalidOperationException($"an analyzer crashed in {build.Folder}, so this build measures nothing:\n{crash.Value}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}) in {build.Folder}:\n{Tail(output)}\n{error.Result}");
        }

        var cpu = timed ? File.ReadAllText(timeFile).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : [];
        return (output,
            cpu.Length >= 2
                ? (double.Parse(cpu[^2], CultureInfo.InvariantCulture) + double.Parse(cpu[^1], CultureInfo.InvariantCulture)) * 1000
                : double.NaN);
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];

    public static string Table(int lines, IReadOnlyList<Configuration> configurations)
    {
        var text = new StringBuilder();
        var alone = configurations[0];
        text.Append(
            "| Lines | Configuration | Builds | Csc task median (min–max) | Build wall median | Build CPU median (min–max) " +
            "| CPU − compiler alone | Compiler server CPU median (min–max) | Server CPU − compiler alone " +
            "| Package time (ReportAnalyzer) median (min–max) | of which generator | % of compiler alone | CG warnings |\n");
        text.Append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var c in configurations)
        {
            var isAlone = c.Name == Alone;
            text.Append(CultureInfo.InvariantCulture,
                $"| {lines:N0} | {(isAlone ? "compiler alone" : "+ " + c.Name)} | {c.CscMs.Count} | {c.CscMs.Median:N0} ms " +
                $"({c.CscMs.Min:N0}–{c.CscMs.Max:N0}) | {c.WallMs.Median:N0} ms | {c.CpuMs.Median:N0} ms ({c.CpuMs.Min:N0}–{c.CpuMs.Max:N0}) | ");
            var server = c.ServerCpuMs.Count == 0 ? "–" : $"{c.ServerCpuMs.Median:N0} ms ({c.ServerCpuMs.Min:N0}–{c.ServerCpuMs.Max:N0})";
            text.Append(isAlone
                ? $"– | {server} | – | – | – | – | {c.Warnings} |\n"
                : string.Create(CultureInfo.InvariantCulture,
                    $"{c.CpuMs.Median - alone.CpuMs.Median:+#,0;-#,0} ms ({(c.CpuMs.Median - alone.CpuMs.Median) / alone.CpuMs.Median:P1}) " +
                    $"| {server} | {ServerDifference(c, alone)} " +
                    $"| **{c.PackageMs.Median:N0} ms** ({c.PackageMs.Min:N0}–{c.PackageMs.Max:N0}) " +
                    $"| {c.GeneratorMs.Median:N0} ms | **{c.PackageMs.Median / alone.CscMs.Median:P1}** | {c.Warnings} |\n"));
        }

        var names = configurations.Skip(1).SelectMany(c => c.PerAnalyzerMs.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        text.Append(
            "\nPer analyzer (ReportAnalyzer, median ms):\n\n| Configuration | " + string.Join(" | ", names) + " |\n|---|"
                + string.Concat(names.Select(_ => "---:|")) + "\n");
        foreach (var c in configurations.Skip(1))
        {
            text.Append(
                "| " + c.Name + " | "
                    + string.Join(" | ",
                        names.Select(
                            n => c.PerAnalyzerMs.TryGetValue(n, out var s) ? s.Median.ToString("F0", CultureInfo.InvariantCulture) : "-")) + " |\n");
        }

        return text.ToString();
    }

    /// <summary>The difference of the medians of the compiler server's CPU time, and its share of the compiler alone's.</summary>
    private static string ServerDifference(Configuration configuration, Configuration alone)
    {
        if (configuration.ServerCpuMs.Count == 0 || alone.ServerCpuMs.Count == 0)
        {
            return "–";
        }

        var difference = configuration.ServerCpuMs.Median - alone.ServerCpuMs.Median;
        return string.Create(CultureInfo.InvariantCulture, $"**{difference:+#,0;-#,0} ms ({difference / alone.ServerCpuMs.Median:P1})**");
    }

    [GeneratedRegex(@"^\s*(\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Multiline)]
    private static partial Regex CscLine();

    [GeneratedRegex(@"^\s*(<?[\d.]+)\s+<?\d+\s+(ConsentAnalyzers\.(?:Analyzers|Generator)\.\w+)", RegexOptions.Multiline)]
    private static partial Regex ReportLine();

    [GeneratedRegex(@"^.*warning AD0001:.*$", RegexOptions.Multiline)]
    private static partial Regex AnalyzerCrash();

    [GeneratedRegex(@"^.*warning CG\d{4}:.*$", RegexOptions.Multiline)]
    private static partial Regex WarningCount();
}
