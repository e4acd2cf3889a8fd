using System.Collections.Immutable;
using ConsentAnalyzers.Benchmarks.Workload;
using ConsentAnalyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Benchmarks.Harness;

/// <summary>
/// A generated workload made ready to compile: its files parsed once (parsing is not measured), the code our
/// generator emits from its manifest, and fresh compilations and analyzer options on demand.
/// </summary>
public sealed class BenchmarkProject
{
    public const string ManifestPath = "/shop/consent-manifest.json";

    public const string BannedSymbolsPath = "/shop/BannedSymbols.txt";

    private BenchmarkProject(Workload.Workload workload, ImmutableArray<SyntaxTree> trees, ImmutableArray<SyntaxTree> generated,
        ImmutableArray<Diagnostic> errors)
    {
        Workload = workload;
        Trees = trees;
        Generated = generated;
        Errors = errors;
    }

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

    public static CSharpCompilationOptions CompilationOptions { get; } = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: false); // one thread: every configuration is measured alike on a shared machine

    public static BuildOptions BuildOptions { get; } = BuildOptions.ForWorkload(CodeGenerator.RootNamespace);

    public Workload.Workload Workload { get; }

    /// <summary>The workload's own files.</summary>
    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>What our generator emits for the manifest (part of every compilation, as in a real build).</summary>
    public ImmutableArray<SyntaxTree> Generated { get; }

    /// <summary>Compiler errors of the workload with the generated code: none, or the workload generator is broken.</summary>
    public ImmutableArray<Diagnostic> Errors { get; }

    /// <summary>The 1,000-line documents (the per-document case).</summary>
    public IEnumerable<SyntaxTree> LargeDocuments => Trees.Where((_, index) => Workload.Files[index].IsLarge);

    public static BenchmarkProject Create(int lines, int manifestEntries, int seed, double density = 0.12, bool checkErrors = true)
    {
        var manifest = ManifestGenerator.Generate(manifestEntries);
        var workload = CodeGenerator.Generate(lines, manifest, seed, density);
        var trees = workload.Files.Select(file => CSharpSyntaxTree.ParseText(file.Text, ParseOptions, "/shop/" + file.Path)).ToImmutableArray();
        var source = SourceCompilation(trees);
        var driver = CSharpGeneratorDriver.Create([new ConsentGenerator().AsSourceGenerator()], [new MemoryText(ManifestPath, manifest.Json)],
            ParseOptions, BuildOptions);
        driver.RunGeneratorsAndUpdateCompilation(source, out var withGenerated, out var generatorDiagnostics);
        var generated = withGenerated.SyntaxTrees.Skip(trees.Length).ToImmutableArray();
        var errors = checkErrors
            ? generatorDiagnostics.AddRange(withGenerated.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray()
            : generatorDiagnostics;
        return new BenchmarkProject(workload, trees, generated, errors);
    }

    /// <summary>The compilation the generator sees: the workload's files only.</summary>
    public static CSharpCompilation SourceCompilation(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create("Shop.Web", trees, References.AspNetCore, CompilationOptions);

    /// <summary>A fresh compilation of the workload and the generated code: nothing bound yet.</summary>
    public CSharpCompilation NewCompilation() => SourceCompilation(Trees.Concat(Generated));

    /// <summary>Analyzer options with the manifest and the banned-symbol list read anew (no cache of an earlier run applies).</summary>
    public AnalyzerOptions NewAnalyzerOptions() => new(
        [new MemoryText(ManifestPath, Workload.Manifest.Json), new MemoryText(BannedSymbolsPath, Workload.BannedSymbols)],
        BuildOptions);
}
