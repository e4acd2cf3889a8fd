using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Benchmarks.Harness;

/// <summary>
/// The reference assemblies the workload compiles against: the .NET and ASP.NET Core reference packs of the SDK
/// that runs the benchmark (found from the running runtime's location, or DOTNET_ROOT), for the runtime's major version.
/// </summary>
public static class References
{
    private static IReadOnlyList<MetadataReference>? s_references;

    public static string TargetFramework => $"net{Environment.Version.Major}.0";

    public static IReadOnlyList<MetadataReference> AspNetCore => s_references ??= Load();

    private static IReadOnlyList<MetadataReference> Load()
    {
        var root = DotNetRoot();
        var references = new List<MetadataReference>();
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            var folder = PackFolder(root, pack);
            foreach (var dll in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                references.Add(MetadataReference.CreateFromFile(dll));
            }
        }

        return references;
    }

    /// <summary>The dotnet root: DOTNET_ROOT if set, else three folders above the running runtime (shared/Microsoft.NETCore.App/x.y.z).</summary>
    private static string DotNetRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(Path.Combine(fromEnvironment, "packs")))
        {
            return fromEnvironment;
        }

        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var root = runtime.Parent?.Parent?.Parent;
        if (root is null || !Directory.Exists(Path.Combine(root.FullName, "packs")))
        {
            throw new InvalidOperationException(
                $"No reference packs found above the runtime at {runtime.FullName}; set DOTNET_ROOT to the .NET SDK's folder.");
        }

        return root.FullName;
    }

    /// <summary>The ref/netX.0 folder of the newest version of a pack for the running runtime's major version.</summary>
    private static string PackFolder(string root, string pack)
    {
        var major = Environment.Version.Major;
        var versions = Directory.Exists(Path.Combine(root, "packs", pack)) ? Directory.GetDirectories(Path.Combine(root, "packs", pack)) : [];
        var best = versions
            .Select(path => (Path: path, Version: Version.TryParse(Path.GetFileName(path).Split('-')[0], out var v) ? v : null))
            .Where(candidate => candidate.Version?.Major == major)
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => Path.Combine(candidate.Path, "ref", TargetFramework))
            .FirstOrDefault(Directory.Exists);
        return best ?? throw new InvalidOperationException($"The SDK at {root} has no {pack} for {TargetFramework}.");
    }
}
