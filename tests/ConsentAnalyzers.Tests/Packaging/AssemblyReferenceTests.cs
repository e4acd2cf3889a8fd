using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ConsentAnalyzers.Analyzers;

namespace ConsentAnalyzers.Tests.Packaging;

/// <summary>
/// What the analyzer assembly binds to decides whether it loads in every host: the compiler server (.NET), Visual
/// Studio (.NET Framework), Rider and dotnet format. It may bind only to what every Roslyn 4.8+ host provides.
/// </summary>
public class AssemblyReferenceTests
{
    [Fact]
    public void The_analyzer_assembly_references_only_netstandard_and_the_compiler()
    {
        var references = typeof(ManifestAnalyzer).Assembly.GetReferencedAssemblies();

        Assert.Subset(
            // System.Memory, System.Collections.Immutable and System.Reflection.Metadata (with which the compiler reads
            // every reference) ship with Microsoft.CodeAnalysis itself in every host; Acornima, the JavaScript parser,
            // ships beside the analyzer assembly in the package.
            new HashSet<string> { "netstandard", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "System.Collections.Immutable",
                "System.Memory", "System.Reflection.Metadata", "Acornima" },
            references.Select(r => r.Name!).ToHashSet());
    }

    [Fact]
    public void The_analyzer_assembly_builds_against_the_lowest_supported_roslyn()
    {
        var roslyn = typeof(ManifestAnalyzer).Assembly.GetReferencedAssemblies().Single(r => r.Name == "Microsoft.CodeAnalysis");

        Assert.Equal(new Version(4, 8, 0, 0), roslyn.Version);
    }

    [Fact]
    public void The_analyzer_assembly_binds_to_the_metadata_reader_that_the_lowest_supported_roslyn_ships_with()
    {
        var metadata = typeof(ManifestAnalyzer).Assembly.GetReferencedAssemblies().Single(r => r.Name == "System.Reflection.Metadata");

        Assert.Equal(new Version(7, 0, 0, 0), metadata.Version);
    }

    [Fact]
    public void The_analyzer_assembly_binds_to_the_parser_version_that_ships_beside_it()
    {
        var bound = typeof(ManifestAnalyzer).Assembly.GetReferencedAssemblies().Single(r => r.Name == "Acornima");
        var shipped = AssemblyName.GetAssemblyName(ShippedDependency("Acornima.dll"));

        Assert.Equal(new Version(1, 9, 0, 0), bound.Version);
        Assert.Equal(bound.Version, shipped.Version);
        Assert.Equal(bound.GetPublicKeyToken(), shipped.GetPublicKeyToken());
    }

    /// <summary>
    /// The parser that ships beside the analyzers (its netstandard2.0 build, not the one this test process runs)
    /// may itself bind only to what every host provides: netstandard and the two assemblies Roslyn ships with.
    /// </summary>
    [Fact]
    public void The_shipped_parser_references_only_netstandard_and_what_the_compiler_ships_with()
    {
        using var stream = File.OpenRead(ShippedDependency("Acornima.dll"));
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToHashSet();

        Assert.Subset(new HashSet<string> { "netstandard", "System.Memory", "System.Runtime.CompilerServices.Unsafe" }, references);
        Assert.Contains("netstandard", references);
    }

    [Fact]
    public void The_analyzer_assembly_does_not_reference_workspaces() =>
        Assert.DoesNotContain(typeof(ManifestAnalyzer).Assembly.GetReferencedAssemblies(),
            r => r.Name!.Contains("Workspaces", StringComparison.Ordinal));

    [Fact]
    public void Both_assemblies_are_built_for_netstandard20()
    {
        var analyzer = typeof(ManifestAnalyzer).Assembly;
        var codeFixes = System.Reflection.Assembly.Load("ConsentAnalyzers.CodeFixes");

        foreach (var assembly in new[] { analyzer, codeFixes })
        {
            var references = assembly.GetReferencedAssemblies();
            Assert.Equal(new Version(2, 0, 0, 0), references.Single(r => r.Name == "netstandard").Version);
            Assert.DoesNotContain(references, r => r.Name is "System.Runtime" or "mscorlib");
        }
    }

    /// <summary>A file the package ships beside the analyzers, at the path the analyzer project gives the package.</summary>
    private static string ShippedDependency(string fileName)
    {
        var paths = typeof(AssemblyReferenceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "ConsentAnalyzers.Tests.ShippedDependencies").Value!;
        return paths.Split(';').Single(path => string.Equals(Path.GetFileName(path), fileName, StringComparison.OrdinalIgnoreCase));
    }
}
