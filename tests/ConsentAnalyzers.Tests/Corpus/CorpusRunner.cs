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

/// <summary>How the analyzers did on the corpus's files of one language.</summary>
internal sealed record CorpusScore(string Language, int Files, int Labeled, IReadOnlyList<Finding> Missed, IReadOnlyList<Finding> Spurious)
{
    public int TruePositives => Labeled - Missed.Count;

    public double Precision => TruePositives + Spurious.Count == 0 ? 1 : (double)TruePositives / (TruePositives + Spurious.Count);

    public double Recall => Labeled == 0 ? 1 : (double)TruePositives / Labeled;
}

/// <summary>
/// Compiles each corpus file (with the shared types and the generated consent API, against ASP.NET Core reference
/// assemblies), runs every analyzer of the package on it, and compares what they report with the labels: a line that
/// should get diagnostics ends with <c>// expect: CG0105</c> (several IDs separated by commas). Unlabeled lines
/// must get nothing. The site's JavaScript files (<c>*.js</c>, <c>*.mjs</c>) are labeled the same way and given to
/// the analyzers as the project's script items (additional files marked <c>ConsentScript</c>) of one compilation
/// with the same manifest; each language is scored on its own.
/// </summary>
internal static class CorpusRunner
{
    private static readonly Regex Label = new(@"//\s*expect:\s*(?<ids>CG\d{4}(?:\s*,\s*CG\d{4})*)", RegexOptions.CultureInvariant);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Corpus", "files");

    /// <summary>C# files, compiled Razor views (C# as Razor generates it from markup) and the site's scripts, each scored apart.</summary>
    public static async Task<IReadOnlyList<CorpusScore>> RunAsync()
    {
        var compiled = await RunCompiledAsync();
        return [compiled.CSharp, compiled.Razor, await RunScriptsAsync()];
    }

    private static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
        typeof(ConsentGenerator).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    /// <summary>
    /// A compiled Razor view or page: a file that starts with Razor's <c>#pragma checksum</c> of its <c>.cshtml</c> or
    /// <c>.razor</c> source. Component code-behind (<c>*.razor.cs</c>) and page models (<c>*.cshtml.cs</c>) are C#.
    /// </summary>
    public static bool IsRazor(string text) => RazorOrigin.IsMatch(text);

    private static readonly Regex RazorOrigin = new(@"\A#pragma checksum ""[^""]*\.(cshtml|razor)""", RegexOptions.CultureInvariant);

    private static async Task<(CorpusScore CSharp, CorpusScore Razor)> RunCompiledAsync()
    {
        var analyzers = Analyzers();
        var results = new List<(bool Razor, List<Finding> Expected, List<Finding> Reported)>();
        foreach (var file in Files())
        {
            var name = Path.GetFileName(file);
            var text = await File.ReadAllTextAsync(file);
            results.Add((IsRazor(text), Expected(name, text), await AnalyzeAsync(Compile(name, text), analyzers)));
        }

        return (Score("C#", results.Where(r => !r.Razor).Select(r => (r.Expected, r.Reported)).ToList()),
            Score("Razor", results.Where(r => r.Razor).Select(r => (r.Expected, r.Reported)).ToList()));
    }

    /// <summary>The score of a language from each of its files' labels and reported findings.</summary>
    private static CorpusScore Score(string language, IReadOnlyList<(List<Finding> Expected, List<Finding> Reported)> files) =>
        new(language, files.Count, files.Sum(f => f.Expected.Count),
            files.SelectMany(f => Subtract(f.Expected, f.Reported)).ToList(),
            files.SelectMany(f => Subtract(f.Reported, f.Expected)).ToList());

    /// <summary>
    /// The script files, all at once: one compilation (the shared types and the generated consent API) whose additional
    /// files are the manifest and the scripts, under <c>wwwroot/js/</c> and marked as the package's props mark them.
    /// </summary>
    private static async Task<CorpusScore> RunScriptsAsync()
    {
        var texts = new List<(string Name, string Path, string Text)>();
        foreach (var script in Scripts())
        {
            var name = Path.GetFileName(script);
            texts.Add((name, ScriptFolder + name, await File.ReadAllTextAsync(script)));
        }

        var marked = texts.ToDictionary(
            t => t.Path, IReadOnlyDictionary<string, string> (_) => new Dictionary<string, string> { [ScriptMarker] = "true" });
        var options = new TestOptionsProvider(
            new Dictionary<string, string>
            {
                ["build_property.RootNamespace"] = "Corpus.Web", ["build_property.ConsentGeneratedVisibility"] = "public",
                ["build_property.ConsentScriptAnalysis"] = "true",
            },
            marked);
        var compiled = Compile("_Scripts.cs", "namespace Corpus.Web;\n\ninternal static class SiteScripts { }\n", options);
        var additional = texts.Select(t => (AdditionalText)new InMemoryAdditionalText(t.Path, t.Text)).Prepend(Manifest.Value).ToImmutableArray();
        var reported = await DiagnoseAsync(compiled with { Options = new AnalyzerOptions(additional, options) }, Analyzers());

        // A script's diagnostics are at its path (an external location: no syntax tree); CG0108 at the manifest is not scored.
        return Score("JavaScript", texts.Select(t => (
                Expected(t.Name, t.Text),
                reported.Where(d => d.Location.GetLineSpan().Path == t.Path)
                    .Select(d => new Finding(d.Id, t.Name, d.Location.GetLineSpan().StartLinePosition.Line + 1))
                    .ToList()))
            .ToList());
    }

    private const string ScriptFolder = "/corpus/wwwroot/js/";

    private const string ScriptMarker = "build_metadata.AdditionalFiles.ConsentScript";

    /// <summary>The labeled script files, in a fixed order.</summary>
    public static List<string> Scripts() =>
        Directory.GetFiles(Folder).Where(f => f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".mjs", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>The labeled files, in a fixed order (the shared types and the manifest are not among them).</summary>
    public static List<string> Files() =>
        Directory.GetFiles(Folder, "*.cs").Where(f => !Path.GetFileName(f).StartsWith('_')).Order(StringComparer.Ordinal).ToList();

    /// <summary>One corpus file as the analyzers see it: compiled with the shared types and the generated consent API.</summary>
    internal sealed record CompiledFile(string Name, SyntaxTree Tree, Compilation Compilation, AnalyzerOptions Options);

    public static CompiledFile Compile(string file, string text) =>
        Compile(file, text, new TestOptionsProvider(
            new Dictionary<string,
                string> { ["build_property.RootNamespace"] = "Corpus.Web", ["build_property.ConsentGeneratedVisibility"] = "public" }));

    private static CompiledFile Compile(string file, string text, TestOptionsProvider options)
    {
        var tree = CSharpSyntaxTree.ParseText(text, ParseOptions, "/corpus/" + file);
        var compilation = CSharpCompilation.Create(
            "Corpus.Web",
            [tree, Shared.Value],
            TestReferences.AspNetCore.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
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

    private static async Task<List<Finding>> AnalyzeAsync(CompiledFile compiled, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        (await DiagnoseAsync(compiled, analyzers))
            .Where(d => d.Location.SourceTree == compiled.Tree)
            .Select(d => new Finding(d.Id, compiled.Name, d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .ToList();

    /// <summary>Every ConsentAnalyzers diagnostic of the compilation, wherever it is reported.</summary>
    private static async Task<List<Diagnostic>> DiagnoseAsync(CompiledFile compiled, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        // CG0102 and CG0109 (hidden) and CG0107 (info) are part of the corpus: every rule is scored at its strongest.
        var (file, _, withGenerated, analyzerOptions) = compiled;
        var withAnalyzers = withGenerated.WithAnalyzers(analyzers,
            new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: false,
                logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync();
        var crashes = diagnostics.Where(d => d.Id is "AD0001" or "CS8785").ToList();
        Assert.True(crashes.Count == 0, $"{file}: analyzer exception: {string.Join("; ", crashes)}");
        return diagnostics.Where(d => d.Id.StartsWith("CG", StringComparison.Ordinal)).ToList();
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
