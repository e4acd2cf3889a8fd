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
            // every reference) ship with Microsoft.CodeAnalysis itself in every host.
            new HashSet<string> { "netstandard", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "System.Collections.Immutable",
                "System.Memory", "System.Reflection.Metadata" },
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
}
