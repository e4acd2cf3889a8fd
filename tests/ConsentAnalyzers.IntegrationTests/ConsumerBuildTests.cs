using System.IO.Compression;
using System.Text.RegularExpressions;

namespace ConsentAnalyzers.IntegrationTests;

/// <summary>The packed package in real consumer builds: generated API, manifest errors, options, strict mode.</summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerBuildTests(PackageFixture package)
{
    private const string Manifest = """
        {
          "version": 1,
          "categories": {
            "necessary": { "title": "Strictly Necessary", "essential": true },
            "analytics": { "title": "Analytics" },
          },
          "cookies": [
            { "name": "_ga", "category": "analytics", "provider": "Google Analytics", "duration": "2 years" },
            { "name": "_ga_*", "category": "analytics" },
          ],
          "storage": [ { "key": "landing_page", "area": "session", "category": "analytics" } ],
        }
        """;

    [Fact]
    public void Generated_api_is_usable_and_a_valid_project_builds_clean()
    {
        var consumer = package.CreateConsumer("api").WithProject()
            .WriteFile("consent-manifest.json", Manifest)
            .WriteFile("Program.cs", """
                using Consumer.App;

                Console.WriteLine(ConsentCookies.Ga);
                Console.WriteLine(ConsentManifest.FindCookie(ConsentCookies.GaName("XYZ"))?.Name);
                Console.WriteLine(ConsentManifest.FindStorageKey(ConsentStorageArea.Session, ConsentStorageKeys.LandingPage)?.Category);
                Console.WriteLine(ConsentManifest.GetCategory(ConsentCategory.Necessary).IsEssential);
                """);

        var build = consumer.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotMatch(@"warning CG\d{4}", build.Output);
        var run = consumer.Run();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["_ga", "_ga_*", "Analytics", "True"],
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void A_syntax_error_in_the_manifest_fails_the_build_with_CG0002_at_its_line()
    {
        var broken = Manifest.Replace("\"essential\": true },", "\"essential\": true }", StringComparison.Ordinal);
        var consumer = package.CreateConsumer("syntax").WithProject()
            .WriteFile("consent-manifest.json", broken)
            .WriteFile("Program.cs", "Console.WriteLine();");

        var build = consumer.Build();

        Assert.NotEqual(0, build.ExitCode);
        AssertOutputMatches(@"consent-manifest\.json\(5,5\): error CG0002: Expected ',' before this property", build);
    }

    [Fact]
    public void An_unknown_category_fails_the_build_with_CG0003_naming_the_declared_ones()
    {
        var consumer = package.CreateConsumer("content").WithProject()
            .WriteFile("consent-manifest.json",
            Manifest.Replace("\"_ga\", \"category\": \"analytics\"", "\"_ga\", \"category\": \"analytic\"", StringComparison.Ordinal))
            .WriteFile("Program.cs", "Console.WriteLine();");

        var build = consumer.Build();

        Assert.NotEqual(0, build.ExitCode);
        AssertOutputMatches(
            @"consent-manifest\.json\(8,34\): error CG0003: Unknown category 'analytic'\. " +
            @"Did you mean 'analytics'\? Declared categories: necessary, analytics\.", build);
    }

    [Fact]
    public void ConsentManifestPath_and_ConsentNamespace_are_honoured()
    {
        var consumer = package.CreateConsumer("options")
            .WithProject("<ConsentManifestPath>../policy/cookie-policy.json</ConsentManifestPath><ConsentNamespace>Company.Policy</ConsentNamespace>")
            .WriteFile("../policy/cookie-policy.json", Manifest)
            .WriteFile("Program.cs", "Console.WriteLine(Company.Policy.ConsentCookies.Ga + \" \" + Company.Policy.ConsentManifest.Cookies.Count);");

        var build = consumer.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal("_ga 2", consumer.Run().Output.Trim());
    }

    [Fact]
    public void A_missing_manifest_is_a_warning_and_in_strict_mode_an_error()
    {
        var consumer = package.CreateConsumer("missing").WithProject("<TreatWarningsAsErrors>false</TreatWarningsAsErrors>")
            .WriteFile("Program.cs", "Console.WriteLine();");

        var lenient = consumer.Build();
        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        Assert.Contains("warning CG0001: ConsentAnalyzers is referenced but the project has no consent-manifest.json: add one", lenient.Output,
            StringComparison.Ordinal);

        var strict = consumer.Build("--no-incremental -p:ConsentAnalyzersStrict=true");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("error CG0001", strict.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_package_has_the_documented_layout()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Subset(entries, new HashSet<string>
        {
            "analyzers/dotnet/cs/ConsentAnalyzers.dll",
            "analyzers/dotnet/cs/ConsentAnalyzers.CodeFixes.dll",
            // The JavaScript parser the analyzers read scripts with: every host loads it from beside them.
            "analyzers/dotnet/cs/Acornima.dll",
            "build/ConsentAnalyzers.props",
            "build/ConsentAnalyzers.targets",
            "buildTransitive/ConsentAnalyzers.props",
            "buildTransitive/ConsentAnalyzers.targets",
            "schema/consent-manifest.schema.json",
            "README.md",
            "THIRD-PARTY-NOTICES.txt",
        });
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.Equal(["Acornima.dll", "ConsentAnalyzers.CodeFixes.dll", "ConsentAnalyzers.dll"],
            entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal))
                .Select(e => e["analyzers/dotnet/cs/".Length..])
                .Order(StringComparer.Ordinal));
        using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var nuspecText = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", nuspecText, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("<dependency "), nuspecText);
    }

    private static void AssertOutputMatches(string pattern, DotNet.Result result) =>
        Assert.True(Regex.IsMatch(result.Output, pattern), $"'{pattern}' not found in the build output:\n{result}");
}
