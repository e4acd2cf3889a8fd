using System.Text.RegularExpressions;

namespace ConsentAnalyzers.IntegrationTests;

/// <summary>
/// The samples, built against the packed package instead of the analyzers' source: the app stays clean in strict
/// mode, and the rule gallery reports each code rule exactly once, as it does from source.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SampleThroughPackageTests(PackageFixture package)
{
    [Fact]
    public void The_sample_app_builds_clean_in_strict_mode()
    {
        var build = BuildCopyOf("AIMusicGens.Web", "-p:ConsentAnalyzersStrict=true");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotMatch(@"\bCG\d{4}\b", build.Output);
    }

    [Fact]
    public void The_rule_gallery_reports_each_code_rule_once()
    {
        var build = BuildCopyOf("RuleGallery", string.Empty);

        Assert.True(build.ExitCode == 0, build.ToString());
        var reported = Regex.Matches(build.Output, @"warning (CG\d{4}):.*\[")
            .Select(m => m.Value)
            .Distinct()
            .Select(line => Regex.Match(line, @"CG\d{4}").Value)
            .GroupBy(id => id)
            .ToDictionary(g => g.Key, g => g.Count());
        string[] codeRules = ["CG0101", "CG0102", "CG0103", "CG0104", "CG0105", "CG0106", "CG0107", "CG0201", "CG0202", "CG0203"];
        Assert.Equal(codeRules.ToDictionary(id => id, _ => 1), reported);
    }

    /// <summary>
    /// Copies a sample into a fresh folder whose build files reference the package from the local feed (instead of
    /// the repository's, which reference the analyzers' source), and builds it.
    /// </summary>
    private DotNet.Result BuildCopyOf(string sample, string arguments)
    {
        var consumer = package.CreateConsumer(sample);
        Copy(Path.Combine(PackageFixture.RepositoryRoot, "samples", sample), consumer.Directory);
        var versions = File.ReadAllText(Path.Combine(PackageFixture.RepositoryRoot, "Directory.Packages.props"));
        consumer
            .WriteFile("Directory.Build.props", """
                <Project>
                  <PropertyGroup>
                    <Nullable>enable</Nullable>
                    <LangVersion>latest</LangVersion>
                    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="ConsentAnalyzers" PrivateAssets="all" />
                  </ItemGroup>
                </Project>
                """)
            .WriteFile("Directory.Packages.props", versions.Replace(
                "</ItemGroup>",
                $"  <PackageVersion Include=\"ConsentAnalyzers\" Version=\"{PackageFixture.Version}\" />\n  </ItemGroup>",
                StringComparison.Ordinal));
        return DotNet.Run(consumer.Directory, $"build {sample}.csproj -nologo {arguments}", new Dictionary<string, string> { ["NUGET_PACKAGES"] = package.PackagesFolder });
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj" || relative.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || relative.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
