using System.Globalization;
using ConsentAnalyzers.Benchmarks;
using ConsentAnalyzers.Benchmarks.Harness;

// The performance benchmark of ConsentAnalyzers (docs/performance.md).
//
//   dotnet run -c Release --project benchmarks/ConsentAnalyzers.Benchmarks              the full run (10k, 100k, 500k lines)
//   dotnet run -c Release --project benchmarks/ConsentAnalyzers.Benchmarks -- --smoke   seconds: checks the harness works, asserts nothing about time
//
//   dotnet run -c Release --project benchmarks/ConsentAnalyzers.Benchmarks -- --build   the build-level cost (dotnet build, 100k lines)
// dotnet run -c Release --project benchmarks/ConsentAnalyzers.Benchmarks -- --fixes the code-fix registration cost only
// (10k lines, or the first of --sizes)
//   dotnet run -c Release --project benchmarks/ConsentAnalyzers.Benchmarks -- --scripts the JavaScript workload (200 files, 50,000 lines)
// beside the compiler's time for the 100k-line C# project; --script-files 200 --script-lines 50k --sizes 100k --doc-samples 200
//
// Options: --sizes 10k,100k  --manifest 100  --manifests 10,100,1000,10000  --sweep-lines 100k  --iterations 5
// --warmup 1 --doc-samples 40 --fix-samples 200 --skip perdoc,generator,sweep,fixes --out
// artifacts/benchmark/results.md --seed 20250101
//          --build [--compare NAME=path/to/ConsentAnalyzers.dll] [--keep]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
try
{
    var settings = Settings.Parse(args);
    return settings.Smoke
        ? Smoke.Run(settings)
        : settings.Fixes ? Runner.RunFixes(settings)
        : settings.Scripts ? Runner.RunScripts(settings)
        : settings.Build ? Runner.RunBuild(settings) : Runner.Run(settings);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
