namespace ConsentAnalyzers.IntegrationTests;

/// <summary>A throwaway consumer: a console project referencing the packed package from the local feed.</summary>
public sealed class ConsumerProject
{
    private readonly PackageFixture _package;

    public ConsumerProject(PackageFixture package, string directory)
    {
        _package = package;
        Directory = directory;
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

    public string ProjectFile => Path.Combine(Directory, "Consumer.csproj");

    /// <summary>Writes the project file; <paramref name="properties"/> go into its property group.</summary>
    public ConsumerProject WithProject(string properties = "", string sdk = "Microsoft.NET.Sdk")
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
              </ItemGroup>
            </Project>
            """);
        return this;
    }

    public ConsumerProject WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public DotNet.Result Build(string extraArguments = "") =>
        DotNet.Run(Directory, $"build \"{ProjectFile}\" -nologo -clp:NoSummary {extraArguments}", IsolatedPackages);

    public DotNet.Result Run() =>
        DotNet.Run(Directory, $"run --project \"{ProjectFile}\" --no-build", IsolatedPackages);

    private Dictionary<string, string> IsolatedPackages => new() { ["NUGET_PACKAGES"] = _package.PackagesFolder };
}
