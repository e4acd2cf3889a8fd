using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.ConsentApi;

/// <summary>The MSBuild options that shape the generated code, plus what the consumer's language version allows.</summary>
internal sealed record GeneratorOptions(string Namespace, bool IsPublic, bool SupportsNullable)
{
    private const string NamespaceProperty = "build_property.ConsentNamespace";
    private const string RootNamespaceProperty = "build_property.RootNamespace";
    private const string VisibilityProperty = "build_property.ConsentGeneratedVisibility";

    public string Visibility => IsPublic ? "public" : "internal";

    /// <summary>"?" where nullable annotations are allowed, so the code compiles from C# 7.3 up and warning-free under nullable.</summary>
    public string NullableMark => SupportsNullable ? "?" : string.Empty;

    public static GeneratorOptions From(AnalyzerConfigOptions globalOptions, string? assemblyName, ParseOptions? parseOptions)
    {
        var ns = Read(globalOptions, NamespaceProperty) ?? Read(globalOptions, RootNamespaceProperty) ?? assemblyName ?? string.Empty;
        var isPublic = string.Equals(Read(globalOptions, VisibilityProperty), "public", StringComparison.OrdinalIgnoreCase);
        var supportsNullable = parseOptions is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp8;
        return new GeneratorOptions(IdentifierNames.ToNamespace(ns), isPublic, supportsNullable);
    }

    private static string? Read(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
