namespace ConsentAnalyzers.IntegrationTests;

/// <summary>
/// Packs ConsentAnalyzers once into a local feed. Consumers restore from that feed (added to the default sources)
/// into a packages folder of their own, so no earlier build of the package can be picked up by mistake.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public const string Version = "0.1.0";

    public PackageFixture()
    {
        Root = Directory.CreateTempSubdirectory("consent-analyzers-it-").FullName;
        Feed = Path.Combine(Root, "feed");
        PackagesFolder = Path.Combine(Root, "packages");
        var pack = DotNet.Run(RepositoryRoot,
            $"pack src/ConsentAnalyzers.Package/ConsentAnalyzers.Package.csproj -c Release -o \"{Feed}\" -p:Version={Version}");
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed: " + pack);
        }

        PackagePath = Path.Combine(Feed, $"ConsentAnalyzers.{Version}.nupkg");
    }

    public string Root { get; }

    public string Feed { get; }

    public string PackagesFolder { get; }

    public string PackagePath { get; }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>A new consumer project folder with a NuGet.config that adds the local feed.</summary>
    public ConsumerProject CreateConsumer(string name) => new(this, Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8]));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the OS eventually.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ConsentAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ConsentAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed ConsentAnalyzers";
}
