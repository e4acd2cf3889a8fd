using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Benchmarks.Harness;

/// <summary>
/// The analyzers ours are compared with, loaded from their NuGet packages' analyzer assemblies (copied next to the
/// benchmark under peers/) through <see cref="AnalyzerFileReference"/>, as the compiler loads them.
/// </summary>
public static class Peers
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "peers");

    static Peers()
    {
        // An analyzer assembly's sibling (Microsoft.CodeAnalysis.NetAnalyzers.dll next to the C# one) is found in its own folder.
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            foreach (var dll in Directory.EnumerateFiles(Folder, name.Name + ".dll", SearchOption.AllDirectories))
            {
                return context.LoadFromAssemblyPath(dll);
            }

            return null;
        };
    }

    /// <summary>CA1416's analyzer, PlatformCompatibilityAnalyzer, from Microsoft.CodeAnalysis.NetAnalyzers.</summary>
    public static DiagnosticAnalyzer PlatformCompatibility() =>
        Load(Path.Combine("NetAnalyzers", "Microsoft.CodeAnalysis.NetAnalyzers.dll"), "PlatformCompatibilityAnalyzer");

    /// <summary>RS0030's analyzer (the banned-symbol list), from Microsoft.CodeAnalysis.BannedApiAnalyzers.</summary>
    public static DiagnosticAnalyzer BannedSymbols() =>
        Load(Path.Combine("BannedApiAnalyzers", "Microsoft.CodeAnalysis.CSharp.BannedApiAnalyzers.dll"), "CSharpSymbolIsBannedAnalyzer");

    /// <summary>
    /// Every analyzer of another build of ConsentAnalyzers.dll (--compare), in a load context of its own, since it has
    /// the identity of the one this benchmark references; Roslyn still comes from the default context.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> ConsentAnalyzersFrom(string path)
    {
        var assembly = new AssemblyLoadContext("compare:" + path).LoadFromAssemblyPath(Path.GetFullPath(path));
        return assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
    }

    private static DiagnosticAnalyzer Load(string relativePath, string typeName)
    {
        var path = Path.Combine(Folder, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The peer analyzer assembly is missing: {path} (the benchmark project copies it from its package on build).");
        }

        var reference = new AnalyzerFileReference(path, Loader.Instance);
        string? failure = null;
        reference.AnalyzerLoadFailed += (_, e) => failure = $"{e.ErrorCode}: {e.Message}";
        var analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
        var analyzer = analyzers.FirstOrDefault(a => a.GetType().Name == typeName);
        return analyzer
            ?? throw new InvalidOperationException(
                $"{typeName} not found in {path} ({analyzers.Length} analyzers loaded){(failure is null ? string.Empty : ": " + failure)}.");
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public static readonly Loader Instance = new();

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}
