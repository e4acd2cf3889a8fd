using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NuGet.Configuration;

namespace ConsentAnalyzers.Tests.Infrastructure;

/// <summary>
/// The reference assemblies every test compiles its test code against, in one place: each set is resolved once per
/// test run, on first use, before any test gets it, and checked for completeness.
/// </summary>
/// <remarks>
/// The packs come from the NuGet global packages folder, where the test project's restore put them
/// (<c>PackageDownload</c> of the <c>TestReferencePack</c> items in Directory.Packages.props). The testing library
/// (Microsoft.CodeAnalysis.Testing 1.1.4) queries that folder first, as a local package source, and copies from it into
/// its own folder, <c>$TMPDIR/test-packages</c>, instead of downloading. Its download from the network is what broke a
/// fresh machine's first run: the resolution that downloads Microsoft.AspNetCore.App.Ref returns a set without it (every
/// later run finds the package already in <c>$TMPDIR/test-packages</c>), and the instance keeps that set for the whole
/// run: hundreds of CS0234 errors. A set that lacks an assembly its tests need now fails every test that uses it with
/// one <see cref="ReferenceSetIncompleteException"/> naming what is missing and where it was looked for.
/// <para>
/// Each <see cref="ResolvedReferences.ReferenceAssemblies"/> is the testing library's instance, resolved: the library
/// keeps what an instance resolved, so the verifiers that resolve it again get this same, checked set.
/// </para>
/// </remarks>
internal static class TestReferences
{
    /// <summary>Assemblies the .NET 8 set must hold.</summary>
    public static readonly ImmutableArray<string> Net80Assemblies = ["System.Runtime", "System.Collections", "System.Net.Http", "netstandard"];

    /// <summary>Assemblies the ASP.NET Core set must hold: .NET 8's and those of the ASP.NET Core APIs the tests use.</summary>
    public static readonly ImmutableArray<string> AspNetCoreAssemblies =
    [
        .. Net80Assemblies,
        "Microsoft.AspNetCore.Http.Abstractions", "Microsoft.AspNetCore.Http.Features", "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Server", "Microsoft.AspNetCore.Mvc.Core", "Microsoft.AspNetCore.Mvc.ViewFeatures",
        "Microsoft.JSInterop", "Microsoft.Extensions.DependencyInjection.Abstractions",
    ];

    /// <summary>Assemblies the .NET Framework 4.7.2 set must hold.</summary>
    public static readonly ImmutableArray<string> Net472Assemblies = ["mscorlib", "System", "System.Core", "Microsoft.CSharp", "netstandard"];

    /// <summary>Assemblies the .NET Standard 2.0 set must hold.</summary>
    public static readonly ImmutableArray<string> NetStandard20Assemblies = ["netstandard", "System.Runtime"];

    private static readonly Lazy<ResolvedReferences> LazyNet80 = new(() => Resolve("net8.0", ReferenceAssemblies.Net.Net80, Net80Assemblies));

    private static readonly Lazy<ResolvedReferences> LazyAspNetCore = new(
        () => Resolve("net8.0 + ASP.NET Core", AspNetCoreDefinition, AspNetCoreAssemblies));

    private static readonly Lazy<ResolvedReferences> LazyNet472 = new(
        () => Resolve("net472", ReferenceAssemblies.NetFramework.Net472.Default, Net472Assemblies));

    private static readonly Lazy<ResolvedReferences> LazyNet472Web = new(
        () => Resolve("net472 + System.Web", ReferenceAssemblies.NetFramework.Net472.Default.AddAssemblies(["System.Web"]),
            [.. Net472Assemblies, "System.Web"]));

    private static readonly Lazy<ResolvedReferences> LazyNetStandard20 = new(
        () => Resolve("netstandard2.0", ReferenceAssemblies.NetStandard.NetStandard20, NetStandard20Assemblies));

    /// <summary>
    /// .NET 8 with ASP.NET Core (cookies, headers, JS interop, protected browser storage): what the analyzer, code-fix
    /// and robustness tests compile against.
    /// </summary>
    public static ResolvedReferences AspNetCore => LazyAspNetCore.Value;

    /// <summary>.NET 8 alone.</summary>
    public static ResolvedReferences Net80 => LazyNet80.Value;

    /// <summary>.NET Framework 4.7.2, for the generated code's compatibility.</summary>
    public static ResolvedReferences Net472 => LazyNet472.Value;

    /// <summary>.NET Framework 4.7.2 with System.Web, for classic ASP.NET cookie writes (from the same reference pack).</summary>
    public static ResolvedReferences Net472Web => LazyNet472Web.Value;

    /// <summary>.NET Standard 2.0, for the generated code's compatibility.</summary>
    public static ResolvedReferences NetStandard20 => LazyNetStandard20.Value;

    /// <summary>Every set, unresolved: the packages they ask for, for the check that restore fetches them all.</summary>
    public static ImmutableArray<ReferenceAssemblies> AllDefinitions =>
        [ReferenceAssemblies.Net.Net80, AspNetCoreDefinition, ReferenceAssemblies.NetFramework.Net472.Default,
            ReferenceAssemblies.NetStandard.NetStandard20];

    /// <summary>Every set, resolved.</summary>
    public static ImmutableArray<ResolvedReferences> All => [Net80, AspNetCore, Net472, Net472Web, NetStandard20];

    private static ReferenceAssemblies AspNetCoreDefinition =>
        ReferenceAssemblies.Net.Net80.AddPackages([new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0")]);

    /// <summary>The packs the test project's restore downloads (<c>id/version</c>), as the build recorded them.</summary>
    public static ImmutableArray<string> RestoredPacks { get; } =
        (Metadata("ConsentAnalyzers.Tests.ReferencePacks") ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToImmutableArray();

    /// <summary>The NuGet global packages folder the test project's restore used, as the build recorded it.</summary>
    public static string? RestorePackagesFolder { get; } = Metadata("ConsentAnalyzers.Tests.RestorePackagesFolder");

    /// <summary>The NuGet global packages folder the testing library reads at run time (NUGET_PACKAGES, else the NuGet configuration).</summary>
    public static string RuntimePackagesFolder => SettingsUtility.GetGlobalPackagesFolder(Settings.LoadDefaultSettings(root: null));

    /// <summary>Where the testing library copies or downloads packages to, and looks for them first.</summary>
    public static string LibraryDownloadFolder => Path.Combine(Path.GetTempPath(), "test-packages");

    /// <summary>The folders a set's packages are looked for in, for error messages.</summary>
    public static string WhereLooked() =>
        $"the NuGet global packages folder {RuntimePackagesFolder} (the test project's restore used {RestorePackagesFolder ?? "(not recorded)"}), " +
        $"then the testing library's download folder {LibraryDownloadFolder}";

    /// <summary>
    /// Throws <see cref="ReferenceSetIncompleteException"/> unless <paramref name="referencePaths"/> holds an assembly
    /// named each of <paramref name="requiredAssemblies"/> (file name without extension, case-insensitive).
    /// </summary>
    public static void CheckComplete(string name, IReadOnlyCollection<string> referencePaths, IEnumerable<string> requiredAssemblies,
        string whereLooked)
    {
        var present = referencePaths.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = requiredAssemblies.Where(assembly => !present.Contains(assembly)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var folders = referencePaths.Select(Path.GetDirectoryName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        throw new ReferenceSetIncompleteException(
            $"The reference set '{name}' is incomplete: {referencePaths.Count} assemblies, missing {string.Join(", ", missing)}. " +
            $"Looked in {whereLooked}. " +
            $"It was resolved from: {(folders.Count == 0 ? "nothing" : string.Join(", ", folders))}. " +
            "The test project's restore downloads the reference packs " +
            "(the TestReferencePack items in Directory.Packages.props, as PackageDownload): " +
            "run `dotnet restore tests/ConsentAnalyzers.Tests` and check it succeeds; " +
            "if the packs were taken from the testing library's download folder, delete that folder.",
            missing);
    }

    private static ResolvedReferences Resolve(string name, ReferenceAssemblies referenceAssemblies, ImmutableArray<string> requiredAssemblies)
    {
        ImmutableArray<MetadataReference> references;
        try
        {
            // Off the test's synchronization context: the library's continuations must not need the blocked thread.
            references = Task.Run(() => referenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            throw new ReferenceSetIncompleteException(
                $"The reference set '{name}' could not be resolved ({exception.GetType().Name}: {exception.Message}). Looked in {WhereLooked()}. " +
                "The test project's restore downloads the reference packs " +
                "(the TestReferencePack items in Directory.Packages.props, as PackageDownload): " +
                "run `dotnet restore tests/ConsentAnalyzers.Tests` and check it succeeds.",
                requiredAssemblies,
                exception);
        }

        CheckComplete(name, references.Select(reference => reference.Display ?? string.Empty).ToList(), requiredAssemblies, WhereLooked());
        return new ResolvedReferences(name, referenceAssemblies, references);
    }

    private static string? Metadata(string key) =>
        typeof(TestReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(attribute => attribute.Key == key)?.Value;
}

/// <summary>A reference set resolved once and checked: the testing library's instance and what it resolved to.</summary>
internal sealed class ResolvedReferences(string name, ReferenceAssemblies referenceAssemblies, ImmutableArray<MetadataReference> references)
{
    public string Name { get; } = name;

    /// <summary>For the verifiers (<c>test.ReferenceAssemblies = …</c>): already resolved, to <see cref="References"/>.</summary>
    public ReferenceAssemblies ReferenceAssemblies { get; } = referenceAssemblies;

    /// <summary>For compilations made directly.</summary>
    public ImmutableArray<MetadataReference> References { get; } = references;

    public override string ToString() => $"{Name} ({References.Length} assemblies)";
}

/// <summary>A reference set is missing assemblies the tests need, or could not be resolved at all.</summary>
internal sealed class ReferenceSetIncompleteException(string message, IReadOnlyList<string> missing, Exception? inner = null)
    : InvalidOperationException(message, inner)
{
    public IReadOnlyList<string> Missing { get; } = missing;
}
