using System.Collections.Concurrent;
using System.Collections.Immutable;
using ConsentAnalyzers.Generator;
using ConsentAnalyzers.Tests.Corpus;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Tests.Robustness.Code;

/// <summary>One file a fuzz test edits, and the tree it replaces in its project (null: the file is added to the project's context).</summary>
internal sealed record FuzzFile(string Name, string Text, SyntaxTree? Original);

/// <summary>
/// A project as the IDE holds it while someone types in one of its files: the other files, the manifest, the build
/// properties, the generator and every analyzer of the package. <see cref="RunAsync"/> swaps one file's text for
/// an edited one and runs the generator and all analyzers on the result, as the IDE does after a keystroke.
/// </summary>
internal sealed class FuzzProject
{
    private readonly CSharpCompilation _compilation;
    private readonly GeneratorDriver _driver;
    private readonly AnalyzerOptions _analyzerOptions;

    private FuzzProject(string name, CSharpCompilation compilation, GeneratorDriver driver, AnalyzerOptions analyzerOptions,
        IReadOnlyList<FuzzFile> files)
    {
        Name = name;
        _compilation = compilation;
        _driver = driver;
        _analyzerOptions = analyzerOptions;
        Files = files;
    }

    public string Name { get; }

    public IReadOnlyList<FuzzFile> Files { get; }

    /// <summary>The newest language version this compiler knows: the fuzzed text may use any syntax.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Preview);

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = NewAnalyzers();

    /// <summary>New instances of every analyzer of the package.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> NewAnalyzers() => typeof(ConsentGenerator).Assembly.GetTypes()
        .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    /// <summary>
    /// The labeled corpus: each file on its own with the shared types, against the corpus manifest (as
    /// <see cref="CorpusRunner"/> compiles it).
    /// </summary>
    public static async Task<FuzzProject> CorpusAsync()
    {
        var folder = CorpusRunner.Folder;
        var files = Directory.GetFiles(folder, "*.cs").Where(f => !Path.GetFileName(f).StartsWith('_')).Order(StringComparer.Ordinal)
            .Select(f => new FuzzFile("/corpus/" + Path.GetFileName(f), File.ReadAllText(f), Original: null))
            .ToList();
        var shared = CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(folder, "_Shared.cs")), ParseOptions, "/corpus/_Shared.cs");
        return await CreateAsync("corpus", "Corpus.Web", OutputKind.DynamicallyLinkedLibrary, [shared], files,
            File.ReadAllText(Path.Combine(folder, "consent-manifest.json")));
    }

    /// <summary>
    /// A sample app of the repository (samples/<paramref name="name"/>): every .cs file of it compiled together, each
    /// one fuzzed in turn.
    /// </summary>
    public static async Task<FuzzProject> SampleAsync(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "samples", name);
        var paths = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => IsCompiled(folder, f))
            .Order(StringComparer.Ordinal)
            .ToList();
        var trees = paths.Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), ParseOptions, p)).ToList();
        var files = trees.Select(
            t => new FuzzFile("samples/" + name + "/" + Path.GetRelativePath(folder, t.FilePath).Replace('\\', '/'), t.ToString(), t)).ToList();
        var context = trees.Prepend(CSharpSyntaxTree.ParseText(WebImplicitUsings, ParseOptions, "/" + name + "/GlobalUsings.g.cs"));
        return await CreateAsync(name, name, OutputKind.ConsoleApplication, context, files,
            File.ReadAllText(Path.Combine(folder, "consent-manifest.json")));
    }

    /// <summary>
    /// The files the sample's project compiles: not build output, not the subfolder projects of the rule gallery (they
    /// have a manifest of their own).
    /// </summary>
    private static bool IsCompiled(string folder, string file)
    {
        var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
        var top = relative.Split('/')[0];
        return top is not ("bin" or "obj") && !File.Exists(Path.Combine(folder, top, "consent-manifest.json"));
    }

    /// <summary>The global usings the Web SDK adds (ImplicitUsings).</summary>
    private const string WebImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    /// <summary>
    /// A project of <paramref name="files"/> added one at a time to <paramref name="context"/>, checked against
    /// <paramref name="manifestText"/>.
    /// </summary>
    public static Task<FuzzProject> CreateAsync(string name, string rootNamespace, OutputKind kind, IEnumerable<SyntaxTree> context,
        IReadOnlyList<FuzzFile> files, string manifestText)
    {
        var compilation = CSharpCompilation.Create(
            rootNamespace,
            context,
            TestReferences.AspNetCore.References,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        var manifest = new InMemoryAdditionalText("/" + name + "/consent-manifest.json", manifestText);
        var options = new TestOptionsProvider(
            new Dictionary<string,
                string> { ["build_property.RootNamespace"] = rootNamespace, ["build_property.ConsentGeneratedVisibility"] = "public" });
        var driver = CSharpGeneratorDriver.Create([new ConsentGenerator().AsSourceGenerator()], [manifest], ParseOptions,
            options).RunGenerators(compilation);
        return Task.FromResult(new FuzzProject(name, compilation, driver, new AnalyzerOptions([manifest], options), files));
    }

    /// <summary>The project with <paramref name="file"/> holding <paramref name="text"/>, after the generator ran: what the analyzers get.</summary>
    public (Compilation Compilation, AnalyzerOptions Options, GeneratorRunResult Generator,
        ImmutableArray<Diagnostic> GeneratorDiagnostics) Compile(FuzzFile file, string text, CancellationToken cancellationToken)
    {
        var tree = CSharpSyntaxTree.ParseText(text, ParseOptions, file.Name, cancellationToken: cancellationToken);
        var compilation = file.Original is null ? _compilation.AddSyntaxTrees(tree) : _compilation.ReplaceSyntaxTree(file.Original, tree);
        var driver = _driver.RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out var generatorDiagnostics, cancellationToken);
        return (withGenerated, _analyzerOptions, driver.GetRunResult().Results.Single(), generatorDiagnostics);
    }

    /// <summary>
    /// Runs the generator and every analyzer with <paramref name="file"/> holding <paramref name="text"/>. Returns
    /// what went wrong (an analyzer or generator exception, or no answer within the per-case timeout), or null; the
    /// diagnostics themselves are not judged (an edit may make any of them right).
    /// </summary>
    public async Task<string?> RunAsync(FuzzFile file, string text)
    {
        using var timeout = new CancellationTokenSource(FuzzSettings.PerCaseTimeout);
        var exceptions = new ConcurrentQueue<string>();
        try
        {
            var (withGenerated, analyzerOptions, generator, generatorDiagnostics) = Compile(file, text, timeout.Token);
            if (generator.Exception is not null)
            {
                return "generator exception: " + generator.Exception;
            }

            if (generatorDiagnostics.FirstOrDefault(d => d.Id == "CS8785") is { } generatorFailure)
            {
                return "generator failure: " + generatorFailure;
            }

            var withAnalyzers = withGenerated.WithAnalyzers(
                Analyzers,
                new CompilationWithAnalyzersOptions(analyzerOptions,
                    (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"), concurrentAnalysis: false,
                    logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(timeout.Token);
            var crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()).Concat(exceptions).ToList();
            return crashes.Count == 0 ? null : "analyzer exception: " + string.Join(Environment.NewLine, crashes);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return $"no result within {FuzzSettings.PerCaseTimeout.TotalSeconds} s: a hang";
        }
    }
}
