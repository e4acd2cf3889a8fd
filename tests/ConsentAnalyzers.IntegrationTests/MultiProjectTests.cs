namespace ConsentAnalyzers.IntegrationTests;

/// <summary>
/// Two projects with the same root namespace that both reference the package and share one manifest, one referencing
/// the other and seeing its internals, built with warnings as errors through the packed package.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class MultiProjectTests(PackageFixture package)
{
    private const string Manifest = """
        {
          "version": 1,
          "categories": {
            "necessary": { "title": "Strictly Necessary", "essential": true },
            "analytics": { "title": "Analytics" },
          },
          "cookies": [
            { "name": "consent", "category": "necessary" },
            { "name": "_ga", "category": "analytics", "provider": "Google Analytics" },
          ],
        }
        """;

    private static string Props(string extra) => $"""
        <Project>
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <RootNamespace>Shop</RootNamespace>
            <ConsentManifestPath>$(MSBuildThisFileDirectory)consent-manifest.json</ConsentManifestPath>
            {extra}
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="ConsentAnalyzers" Version="{PackageFixture.Version}" PrivateAssets="all" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>Shop.Core: a library that lets Shop.Web see its internals, with a public and an internal API.</summary>
    private static ConsumerProject WithCore(ConsumerProject consumer, string publicApi) => consumer
        .WriteFile("consent-manifest.json", Manifest)
        .WriteFile("Core/Shop.Core.csproj", """<Project Sdk="Microsoft.NET.Sdk" />""")
        .WriteFile("Core/CoreApi.cs", $$"""
            using System.Runtime.CompilerServices;

            [assembly: InternalsVisibleTo("Shop.Web")]

            namespace Shop;

            public static class CoreApi
            {
                public static string AnalyticsCookie => ConsentCookies.Ga;

                {{publicApi}}
            }

            internal static class CoreInternals
            {
                [ConsentGuard(ConsentCategory.Analytics)]
                internal static bool AnalyticsAllowed => ConsentManifest.GetCategory(ConsentCategory.Analytics).IsEssential;
            }
            """)
        .WriteFile("Web/Shop.Web.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Core/Shop.Core.csproj" />
              </ItemGroup>
            </Project>
            """)
        .UseProject("Web/Shop.Web.csproj");

    [Fact]
    public void Internal_types_of_two_projects_that_see_each_others_internals_do_not_collide()
    {
        var consumer = WithCore(package.CreateConsumer("multi-internal"), publicApi: string.Empty)
            .WriteFile("Directory.Build.props", Props(string.Empty))
            .WriteFile("Web/Program.cs", """
                using Shop;

                // Shop.Web's own generated types, Shop.Core's public API and, through InternalsVisibleTo, its internals.
                Console.WriteLine(ConsentCookies.Ga == CoreApi.AnalyticsCookie);
                Console.WriteLine(ConsentManifest.GetCategory(ConsentCategory.Necessary).Id);
                Console.WriteLine(CoreInternals.AnalyticsAllowed);
                Console.WriteLine(typeof(ConsentCookies).Assembly.GetName().Name);
                """);

        var build = consumer.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("CS0436", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS0433", build.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(warning|error) CG\d{4}", build.Output);
        var run = consumer.Run();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["True", "necessary", "False", "Shop.Web"],
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Public_types_are_generated_by_the_referenced_project_alone_and_shared()
    {
        var consumer = WithCore(package.CreateConsumer("multi-public"),
            publicApi: "public static bool IsEssential(ConsentCategory category) => ConsentManifest.GetCategory(category).IsEssential;")
            .WriteFile("Directory.Build.props", Props("<ConsentGeneratedVisibility>public</ConsentGeneratedVisibility>"))
            .WriteFile("Web/Program.cs", """
                using Shop;

                // One ConsentCategory, Shop.Core's: it can be passed to Shop.Core's public API.
                Console.WriteLine(CoreApi.IsEssential(ConsentCategory.Necessary));
                Console.WriteLine(ConsentCookies.Ga == CoreApi.AnalyticsCookie);
                Console.WriteLine(CoreInternals.AnalyticsAllowed);
                Console.WriteLine(typeof(ConsentCookies).Assembly.GetName().Name);
                """);

        // Shop.Web is compiled last, so the log holds its diagnostics; CG0005 is information, not in the console output.
        var sarifPath = Path.Combine(consumer.Directory, "build.sarif");
        var build = consumer.Build($"\"-p:ErrorLog={sarifPath}%2Cversion=2.1\"");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("CS0436", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS0433", build.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(warning|error) CG\d{4}", build.Output);
        var sarif = File.ReadAllText(sarifPath);
        Assert.Contains("\"CG0005\"", sarif, StringComparison.Ordinal);
        Assert.Contains("come from the referenced assembly 'Shop.Core'", sarif, StringComparison.Ordinal);
        var run = consumer.Run();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["True", "True", "False", "Shop.Core"],
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
