namespace ConsentAnalyzers.IntegrationTests;

/// <summary>A throwaway consumer: a console project referencing the packed package from the local feed.</summary>
public sealed class ConsumerProject
{
    private readonly PackageFixture _package;

    public ConsumerProject(PackageFixture package, string directory)
    {
        _package = package;
        Directory = directory;
        ProjectFile = Path.Combine(directory, "Consumer.csproj");
        System.IO.Directory.CreateDirectory(directory);
        WriteFile("NuGet.Config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="consent-analyzers-local" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    public string Directory { get; }

    /// <summary>
    /// The project that <see cref="Build"/> and <see cref="Run"/> use: <c>Consumer.csproj</c> unless
    /// <see cref="UseProject"/> names another.
    /// </summary>
    public string ProjectFile { get; private set; } = string.Empty;

    /// <summary>
    /// Writes the project file; <paramref name="properties"/> go into its property group, <paramref name="items"/> into
    /// the item group with the package reference.
    /// </summary>
    public ConsumerProject WithProject(string properties = "", string sdk = "Microsoft.NET.Sdk", string items = "")
    {
        WriteFile("Consumer.csproj", $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RootNamespace>Consumer.App</RootNamespace>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ConsentAnalyzers" Version="{PackageFixture.Version}" PrivateAssets="all" />
                {items}
              </ItemGroup>
            </Project>
            """);
        return this;
    }

    /// <summary>
    /// An ASP.NET Core library (the Web SDK: Razor, wwwroot) that builds with warnings, and a C# file so that it compiles.
    /// </summary>
    public ConsumerProject WithWebProject(string items = "") =>
        WithProject("<OutputType>Library</OutputType><TreatWarningsAsErrors>false</TreatWarningsAsErrors>", sdk: "Microsoft.NET.Sdk.Web", items)
            .WriteFile("Program.cs", "namespace Consumer.App; public static class Marker { }");

    public ConsumerProject WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    /// <summary>Builds and runs a project that another command made (<c>dotnet new</c>) instead of <see cref="WithProject"/>.</summary>
    public ConsumerProject UseProject(string relativePath)
    {
        ProjectFile = Path.Combine(Directory, relativePath);
        return this;
    }

    public DotNet.Result Build(string extraArguments = "") =>
        Command($"build \"{ProjectFile}\" -nologo -clp:NoSummary {extraArguments}");

    public DotNet.Result Run() =>
        Command($"run --project \"{ProjectFile}\" --no-build");

    /// <summary>Any dotnet command, run in the consumer's folder with its own packages folder.</summary>
    public DotNet.Result Command(string arguments) =>
        DotNet.Run(Directory, arguments, IsolatedPackages);

    private Dictionary<string, string> IsolatedPackages => new() { ["NUGET_PACKAGES"] = _package.PackagesFolder };
}
