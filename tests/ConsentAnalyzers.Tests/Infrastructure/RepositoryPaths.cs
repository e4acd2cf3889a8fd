namespace ConsentAnalyzers.Tests.Infrastructure;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the first folder above the test binaries that holds ConsentAnalyzers.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string SampleManifest => Path.Combine(Root, "samples", "AIMusicGens.Web", "consent-manifest.json");

    private static string FindRoot()
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
