using System.Diagnostics;
using System.Text;
using ConsentAnalyzers.Tests.Infrastructure;

namespace ConsentAnalyzers.Tests.Performance;

/// <summary>
/// Keeps the performance benchmark (benchmarks/ConsentAnalyzers.Benchmarks, docs/performance.md) from rotting: its
/// smoke configuration generates the smallest workload and runs every scenario once, and fails if the workload does
/// not compile, an analyzer set (ours, CA1416, BannedApiAnalyzers) reports nothing or throws, the guard fixes offer no
/// action on a 1,000-line document, or the generator does work after an unrelated edit. Nothing about time is asserted.
/// The benchmark runs in a process of its own: it hosts
/// a newer compiler (the SDK's) than the Roslyn 4.8 these tests reference.
/// </summary>
public sealed class BenchmarkSmokeTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly string[] InheritedMSBuildVariables = ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH",
        "MSBuildLoadMicrosoftTargetsReadOnly", "DOTNET_HOST_PATH"];

    [Fact]
    public void The_benchmark_smoke_configuration_runs_every_scenario_and_sees_every_analyzer_work()
    {
        var project = Path.Combine(RepositoryPaths.Root, "benchmarks", "ConsentAnalyzers.Benchmarks", "ConsentAnalyzers.Benchmarks.csproj");
        var (exitCode, output) = Run($"run --project \"{project}\" -c {Configuration} -- --smoke");

        Assert.True(exitCode == 0, $"the benchmark's smoke run failed (exit code {exitCode}):\n{output}");
        Assert.Contains("smoke: ok", output);
        Assert.Contains("smoke: ConsentAnalyzers:", output);
        Assert.Contains("smoke: CA1416 (NetAnalyzers):", output);
        Assert.Contains("smoke: BannedApiAnalyzers:", output);
        Assert.Contains("smoke: generator cold", output);
        Assert.Contains("smoke: scripts:", output);
        Assert.Contains("smoke: code-fix registration, AddConsentCheckCodeFixProvider:", output);
    }

    private static (int ExitCode, string Output) Run(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // As a user runs it: not inside the test host's MSBuild environment.
        foreach (var variable in InheritedMSBuildVariables)
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {arguments} did not finish in 10 minutes:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
