using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Benchmarks.Harness;

/// <summary>The build properties MSBuild would pass to analyzers for the workload's project (one global config).</summary>
public sealed class BuildOptions : AnalyzerConfigOptionsProvider
{
    private readonly Options _global;

    public BuildOptions(IReadOnlyDictionary<string, string> properties) => _global = new Options(properties);

    /// <summary>
    /// An ASP.NET Core app on the running .NET: what our generator (root namespace) and CA1416 (target framework,
    /// supported platforms) read.
    /// </summary>
    public static BuildOptions ForWorkload(string rootNamespace) => new(new Dictionary<string, string>
    {
        ["build_property.RootNamespace"] = rootNamespace,
        ["build_property.ConsentGeneratedVisibility"] = "public",
        ["build_property.TargetFramework"] = References.TargetFramework,
        ["build_property.TargetFrameworkIdentifier"] = ".NETCoreApp",
        ["build_property.TargetFrameworkVersion"] = "v" + Environment.Version.Major + ".0",
        ["build_property._SupportedPlatformList"] = "Linux,macOS,Windows",
    });

    public override AnalyzerConfigOptions GlobalOptions => _global;

    // MSBuild writes build properties into a global config, which applies to every source file as well.
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _global;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => values.Keys;
    }
}

/// <summary>An additional file held in memory; each instance has its own <see cref="SourceText"/>, as a fresh build reads the file anew.</summary>
public sealed class MemoryText(string path, string content) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(content);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
