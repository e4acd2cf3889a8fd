using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/ConsentAnalyzers.RuntimeBenchmarks -- --filter '*'
// The benchmarks run in process ([InProcess]) with BenchmarkDotNet's default job; give no --job, which would add a job
// that builds a separate project (and fails under this repository's central package versions).
BenchmarkSwitcher.FromAssembly(typeof(ConsentAnalyzers.RuntimeBenchmarks.EnforcementBenchmarks).Assembly).Run(args);
