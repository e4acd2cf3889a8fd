using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using ConsentAnalyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ConsentAnalyzers.Tests.Infrastructure;

/// <summary>Runs the generator in-process on a manifest, and compiles and loads what it emits.</summary>
internal static class GeneratorHarness
{
    public const string ManifestPath = "/project/consent-manifest.json";

    private static readonly Lazy<ImmutableArray<MetadataReference>> RuntimeReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    /// <summary>
    /// The test process's ASP.NET Core and Microsoft.Extensions assemblies, besides the runtime's: for code that runs on a request.
    /// </summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCoreReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
                || Path.GetFileName(path).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                || Path.GetFileName(path) == "Microsoft.Net.Http.Headers.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Concat(RuntimeReferences.Value)
            .ToImmutableArray());

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.CSharp12) => new(version);

    public static CSharpCompilation CreateCompilation(string source = "class Program { static void Main() { } }",
        CSharpParseOptions? parseOptions = null, string assemblyName = "Consumer", bool aspNetCore = false) =>
        CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, parseOptions ?? ParseOptions(), path: "/project/Program.cs")],
            aspNetCore ? AspNetCoreReferences.Value : RuntimeReferences.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: (parseOptions ?? ParseOptions()).LanguageVersion >= LanguageVersion.CSharp8
                    ? NullableContextOptions.Enable
                    : NullableContextOptions.Disable,
                generalDiagnosticOption: ReportDiagnostic.Error));

    public static GeneratorDriver CreateDriver(string manifest, IReadOnlyDictionary<string, string>? properties = null,
        CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create(
            [new ConsentGenerator().AsSourceGenerator()],
            [new InMemoryAdditionalText(ManifestPath, manifest)],
            parseOptions ?? ParseOptions(),
            new TestOptionsProvider(properties),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator on a valid manifest and returns the generated sources by hint name, plus the compilation that
    /// includes them.
    /// </summary>
    /// <param name="aspNetCore">Whether the project references ASP.NET Core (the test process's own assemblies).</param>
    public static (ImmutableDictionary<string, string> Sources, Compilation Output) Run(string manifest,
        IReadOnlyDictionary<string, string>? properties = null, string? source = null, CSharpParseOptions? parseOptions = null,
        bool aspNetCore = false)
    {
        var compilation = source is null
            ? CreateCompilation(parseOptions: parseOptions, aspNetCore: aspNetCore)
            : CreateCompilation(source, parseOptions, aspNetCore: aspNetCore);
        var driver = CreateDriver(manifest, properties, parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output,
            out var diagnostics);
        Assert.Empty(diagnostics);
        var sources = driver.GetRunResult().Results.Single().GeneratedSources
            .ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.True(sources.Count > 0,
            "No output: the manifest has issues: "
                + string.Join("; ", ConsentAnalyzers.Manifest.ManifestReader.Read(Microsoft.CodeAnalysis.Text.SourceText.From(manifest)).Issues));
        return (sources, output);
    }

    /// <summary>Compiles the output warning-free (warnings are errors) and loads it into a collectible context.</summary>
    public static Assembly CompileAndLoad(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
        Assert.Empty(emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        stream.Position = 0;
        return new AssemblyLoadContext("generated", isCollectible: true).LoadFromStream(stream);
    }

    /// <summary>Calls a public or internal static member of a generated type.</summary>
    public static object? Invoke(Assembly assembly, string typeName, string method, params object?[] arguments)
    {
        var type = assembly.GetType(typeName, throwOnError: true)!;
        var member = type.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        try
        {
            return member.Invoke(null, arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }

    public static object? GetStatic(Assembly assembly, string typeName, string member)
    {
        var type = assembly.GetType(typeName, throwOnError: true)!;
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        return type.GetField(member, Flags)?.GetValue(null) ?? type.GetProperty(member, Flags)?.GetValue(null);
    }

    public static object? GetInstance(object target, string property) =>
        target.GetType().GetProperty(property)!.GetValue(target);
}
