using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ConsentAnalyzers.Generator;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Tests.Corpus;

/// <summary>One expected or reported diagnostic of the corpus: rule, file and line.</summary>
internal sealed record Finding(string Id, string File, int Line)
{
    public override string ToString() => $"{File}({Line}): {Id}";
}

/// <summary>How the analyzers did on the corpus.</summary>
internal sealed record CorpusScore(int Files, int Labeled, IReadOnlyList<Finding> Missed, IReadOnlyList<Finding> Spurious)
{
    public int TruePositives => Labeled - Missed.Count;

    public double Precision => TruePositives + Spurious.Count == 0 ? 1 : (double)TruePositives / (TruePositives + Spurious.Count);

    public double Recall => Labeled == 0 ? 1 : (double)TruePositives / Labeled;
}

/// <summary>
/// Compiles each corpus file (with the shared types and the generated consent API, against ASP.NET Core reference
/// assemblies), runs every analyzer of the package on it, and compares what they report with the labels: a line that
/// should get diagnostics ends with <c>// expect: CG0105</c> (several IDs separated by commas). Unlabeled lines
/// must get nothing.
/// </summary>
internal static class CorpusRunner
{
    private static readonly Regex Label = new(@"//\s*expect:\s*(?<ids>CG\d{4}(?:\s*,\s*CG\d{4})*)", RegexOptions.CultureInvariant);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Corpus", "files");

    public static async Task<CorpusScore> RunAsync()
    {
        var analyzers = typeof(ConsentGenerator).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

        var files = Files();
        var missed = new List<Finding>();
        var spurious = new List<Finding>();
        var labeled = 0;
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var text = await File.ReadAllTextAsync(file);
            var expected = Expected(name, text);
            labeled += expected.Count;
            var reported = await AnalyzeAsync(Compile(name, text), analyzers);
            missed.AddRange(Subtract(expected, reported));
            spurious.AddRange(Subtract(reported, expected));
        }

        return new CorpusScore(files.Count, labeled, missed, spurious);
    }

    /// <summary>The labeled files, in a fixed order (the shared types and the manifest are not among them).</summary>
    public static List<string> Files() =>
        Directory.GetFiles(Folder, "*.cs").Where(f => !Path.GetFileName(f).StartsWith('_')).Order(StringComparer.Ordinal).ToList();

    /// <summary>One corpus file as the analyzers see it: compiled with the shared types and the generated consent API.</summary>
    internal sealed record CompiledFile(string Name, SyntaxTree Tree, Compilation Compilation, AnalyzerOptions Options);

    public static CompiledFile Compile(string file, string text)
    {
        var tree = CSharpSyntaxTree.ParseText(text, ParseOptions, "/corpus/" + file);
        var compilation = CSharpCompilation.Create(
            "Corpus.Web",
            [tree, Shared.Value],
            TestReferences.AspNetCore.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var options = new TestOptionsProvider(
            new Dictionary<string,
                string> { ["build_property.RootNamespace"] = "Corpus.Web", ["build_property.ConsentGeneratedVisibility"] = "public" });
        CSharpGeneratorDriver.Create([new ConsentGenerator().AsSourceGenerator()], [Manifest.Value], ParseOptions, options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);

        var errors = withGenerated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{file} does not compile: {string.Join("; ", errors)}");
        return new CompiledFile(file, tree, withGenerated, new AnalyzerOptions([Manifest.Value], options));
    }

    private static readonly Lazy<AdditionalText> Manifest = new(
        () => new InMemoryAdditionalText("/corpus/consent-manifest.json", File.ReadAllText(Path.Combine(Folder, "consent-manifest.json"))));

    private static readonly Lazy<SyntaxTree> Shared = new(
        () => CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(Folder, "_Shared.cs")), ParseOptions, "/corpus/_Shared.cs"));

    private static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

    private static List<Finding> Expected(string file, string text)
    {
        var expected = new List<Finding>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var label = Label.Match(lines[i]);
            if (label.Success)
            {
                expected.AddRange(label.Groups["ids"].Value.Split(',').Select(id => new Finding(id.Trim(), file, i + 1)));
            }
        }

        return expected;
    }

    private static async Task<List<Finding>> AnalyzeAsync(CompiledFile compiled, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        // CG0102 (hidden) and CG0107 (info) are part of the corpus: every rule is scored at its strongest.
        var (file, tree, withGenerated, analyzerOptions) = compiled;
        var withAnalyzers = withGenerated.WithAnalyzers(analyzers,
            new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: false,
                logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync();
        var crashes = diagnostics.Where(d => d.Id is "AD0001" or "CS8785").ToList();
        Assert.True(crashes.Count == 0, $"{file}: analyzer exception: {string.Join("; ", crashes)}");
        return diagnostics
            .Where(d => d.Id.StartsWith("CG", StringComparison.Ordinal) && d.Location.SourceTree == tree)
            .Select(d => new Finding(d.Id, file, d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .ToList();
    }

    /// <summary>The findings of <paramref name="from"/> left after matching each one of <paramref name="matched"/> once.</summary>
    private static IEnumerable<Finding> Subtract(List<Finding> from, List<Finding> matched)
    {
        var remaining = matched.GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());
        foreach (var finding in from)
        {
            if (remaining.TryGetValue(finding, out var count) && count > 0)
            {
                remaining[finding] = count - 1;
            }
            else
            {
                yield return finding;
            }
        }
    }
}
