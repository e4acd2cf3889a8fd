using System.Collections.Immutable;
using System.Globalization;
using ConsentAnalyzers.Benchmarks.Workload;
using ConsentAnalyzers.Generator;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Tests.Robustness;

/// <summary>
/// A large ASP.NET Core-style project from the benchmark's seeded generators (linked into this project), compiled
/// with the generated consent API: work long enough for the analyzers and the generator to be cancelled part-way.
/// </summary>
internal sealed class LargeWorkload
{
    public const string ManifestPath = "/shop/consent-manifest.json";

    private LargeWorkload(string manifest, ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
    {
        Manifest = manifest;
        Trees = trees;
        References = references;
    }

    public string Manifest { get; }

    public ImmutableArray<SyntaxTree> Trees { get; }

    public ImmutableArray<MetadataReference> References { get; }

    public static Task<LargeWorkload> CreateAsync(int lines, int manifestEntries, int seed = 6, double sinkDensity = 0.4)
    {
        var manifest = ManifestGenerator.Generate(manifestEntries);
        var workload = CodeGenerator.Generate(lines, manifest, seed, sinkDensity);
        var trees = workload.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, GeneratorHarness.ParseOptions(), "/shop/" + f.Path))
            .ToImmutableArray();
        return Task.FromResult(new LargeWorkload(manifest.Json, trees, TestReferences.AspNetCore.References));
    }

    public static TestOptionsProvider BuildOptions { get; } = new(
        new Dictionary<string,
            string> { ["build_property.RootNamespace"] = CodeGenerator.RootNamespace, ["build_property.ConsentGeneratedVisibility"] = "public" });

    /// <summary>A new additional file with a new text: no cache of an earlier read applies to it.</summary>
    public AdditionalText NewManifestFile() => new InMemoryAdditionalText(ManifestPath, Manifest);

    /// <summary>The workload's files only, as the generator sees them.</summary>
    public CSharpCompilation SourceCompilation() => CSharpCompilation.Create(
        "Shop.Web", Trees, References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public GeneratorDriver NewDriver(AdditionalText manifest) =>
        CSharpGeneratorDriver.Create([new ConsentGenerator().AsSourceGenerator()], [manifest], GeneratorHarness.ParseOptions(), BuildOptions);

    /// <summary>A fresh compilation of the workload with the generated code, nothing bound yet.</summary>
    public Compilation CompilationWithGenerated()
    {
        NewDriver(NewManifestFile()).RunGeneratorsAndUpdateCompilation(SourceCompilation(), out var output, out _);
        return output;
    }

    public AnalyzerOptions NewAnalyzerOptions() => new([NewManifestFile()], BuildOptions);

    /// <summary>
    /// Diagnostics in a comparable form: id, file, span, message, the properties the code fixes read; sorted (analyzers
    /// report concurrently, in no set order).
    /// </summary>
    public static List<string> Describe(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .Select(d =>
            $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(CultureInfo.InvariantCulture)} " +
            $"[{string.Join(";", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value))}]")
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Generated sources by hint name, for a byte-for-byte comparison.</summary>
    public static ImmutableSortedDictionary<string, string> Sources(GeneratorDriver driver) => driver.GetRunResult().Results.Single().GeneratedSources
        .ToImmutableSortedDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
}
