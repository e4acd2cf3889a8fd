using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Infrastructure;

/// <summary>
/// The shared reference sets (<see cref="TestReferences"/>): the completeness check rejects what the testing library
/// returned on a fresh machine (.NET 8 without ASP.NET Core), every set is complete and is what the verifiers get, and
/// the test project's restore fetches every pack the sets ask for.
/// </summary>
public sealed class TestReferencesTests
{
    private const string Where = "the folders of the test";

    [Fact]
    public void The_completeness_check_rejects_a_set_without_ASP_NET_Core_and_names_what_is_missing_and_where_it_looked()
    {
        // What a fresh machine's first run got: Microsoft.NETCore.App.Ref alone.
        var paths = TestReferences.Net80.References.Select(reference => reference.Display!).ToList();

        var exception = Assert.Throws<ReferenceSetIncompleteException>(
            () => TestReferences.CheckComplete("net8.0 + ASP.NET Core", paths, TestReferences.AspNetCoreAssemblies, Where));

        Assert.Contains("Microsoft.AspNetCore.Http.Abstractions", exception.Missing);
        Assert.Contains("Microsoft.JSInterop", exception.Missing);
        Assert.DoesNotContain("System.Runtime", exception.Missing);
        Assert.Contains("'net8.0 + ASP.NET Core' is incomplete", exception.Message);
        Assert.Contains("missing Microsoft.AspNetCore.Http.Abstractions", exception.Message);
        Assert.Contains("Microsoft.JSInterop", exception.Message);
        Assert.Contains("Looked in " + Where, exception.Message);
        Assert.Contains(Path.GetDirectoryName(paths[0])!, exception.Message);
        Assert.Contains("dotnet restore tests/ConsentAnalyzers.Tests", exception.Message);
    }

    [Fact]
    public void The_completeness_check_rejects_an_empty_set()
    {
        var exception = Assert.Throws<ReferenceSetIncompleteException>(
            () => TestReferences.CheckComplete("net8.0", [], TestReferences.Net80Assemblies, Where));

        Assert.Equal(TestReferences.Net80Assemblies, exception.Missing);
        Assert.Contains("0 assemblies", exception.Message);
        Assert.Contains("resolved from: nothing", exception.Message);
    }

    [Fact]
    public void The_completeness_check_accepts_a_set_that_has_every_required_assembly_whatever_the_case_and_extension()
    {
        string[] paths = ["/packs/a/system.runtime.dll", "/packs/a/System.Collections.DLL", "/packs/a/System.Net.Http.dll",
            "/packs/a/netstandard.dll", "/packs/a/Other.dll"];

        TestReferences.CheckComplete("net8.0", paths, TestReferences.Net80Assemblies, Where);
    }

    [Fact]
    public async Task Every_shared_set_is_complete_and_is_the_set_its_ReferenceAssemblies_resolve_to()
    {
        foreach (var set in TestReferences.All)
        {
            Assert.True(set.References.Length > 10, set.ToString());

            // The verifiers resolve the instance again: they must get this checked set, not a new resolution.
            var again = await set.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            Assert.True(again == set.References, $"{set}: ResolveAsync returned another set ({again.Length} assemblies) than the checked one");
        }
    }

    [Fact]
    public void The_test_project_restore_fetches_every_package_the_shared_sets_ask_for()
    {
        Assert.NotEmpty(TestReferences.RestoredPacks);
        var restored = TestReferences.RestoredPacks.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in TestReferences.AllDefinitions)
        {
            var packages = definition.Packages.Prepend(definition.ReferenceAssemblyPackage).OfType<PackageIdentity>();
            foreach (var package in packages)
            {
                Assert.True(
                    restored.Contains(package.Id + "/" + package.Version),
                    $"{definition.TargetFramework} asks for {package.Id} {package.Version}, " +
                    $"which is not a TestReferencePack in Directory.Packages.props ({string.Join(", ", restored)})");
            }
        }
    }

    [Fact]
    public void Every_restored_pack_is_in_the_global_packages_folder_the_testing_library_reads()
    {
        var folder = TestReferences.RuntimePackagesFolder;
        foreach (var pack in TestReferences.RestoredPacks)
        {
            var (id, version) = (pack.Split('/')[0], pack.Split('/')[1]);

            // NuGet writes .nupkg.metadata last: its presence means the package is complete.
            var marker = Path.Combine(folder, id.ToLowerInvariant(), version, ".nupkg.metadata");
            Assert.True(File.Exists(marker),
                $"{pack} is not in the NuGet global packages folder the testing library reads " +
                $"({folder}; the restore used {TestReferences.RestorePackagesFolder}): no {marker}");
        }
    }
}
