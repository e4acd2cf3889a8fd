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
        string[] codeRules = ["CG0101", "CG0102", "CG0103", "CG0104", "CG0105", "CG0106", "CG0107", "CG0108", "CG0110", "CG0111", "CG0201",
            "CG0202", "CG0203", "CG0204", "CG0205", "CG0206"];
        Assert.Equal(codeRules.ToDictionary(id => id, _ => 1), reported);
    }

    /// <summary>
    /// What a team does with a backlog of findings: <c>dotnet format analyzers</c> applies every fix in bulk (Fix All),
    /// manifest entries included. A fix can reveal the next finding (a newly declared cookie that needs consent), so
    /// format runs until nothing changes; then the code and manifest are repaired and the rebuild reports none of the
    /// fixed rules.
    /// </summary>
    [Fact]
    public void Dotnet_format_repairs_the_rule_gallery_and_the_rebuild_reports_none_of_the_fixed_rules()
    {
        string[] fixable = ["CG0101", "CG0103", "CG0105", "CG0106", "CG0107", "CG0110", "CG0201", "CG0202", "CG0203", "CG0206"];
        var directory = CopyOf("RuleGallery");
        var restore = Run(directory, "restore RuleGallery.csproj");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        for (var pass = 0; pass < 3; pass++)
        {
            var format = Run(directory,
                $"format analyzers RuleGallery.csproj --no-restore --severity info --diagnostics {string.Join(' ', fixable)} -v diag");
            Assert.True(format.ExitCode == 0, format.ToString());
        }

        var manifest = File.ReadAllText(Path.Combine(directory, "consent-manifest.json"));
        Assert.Contains("\"name\": \"promo_seen\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"key\": \"tour_step\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"use\": \"meta-pixel\"", manifest, StringComparison.Ordinal);
        string Rule(string file) => File.ReadAllText(Path.Combine(directory, "Rules", file));
        // the comment naming it stays
        Assert.DoesNotMatch(new Regex(@"^\s*IsEssential = true", RegexOptions.Multiline), Rule("CG0106.EssentialMisdeclared.cs"));
        Assert.Contains("ConsentStorageKeys.LandingPage", Rule("CG0107.LiteralDuplicatesConstant.cs"), StringComparison.Ordinal);
        Assert.Contains("RequiresConsent", Rule("CG0202.UnguardedTracking.cs"), StringComparison.Ordinal);
        Assert.Contains("\"consentMode\"", manifest, StringComparison.Ordinal);
        Assert.Contains("MaxAge = TimeSpan.FromDays(365)", Rule("CG0110.LifetimeLongerThanDeclared.cs"), StringComparison.Ordinal);

        var rebuild = Build(directory, "RuleGallery", "--no-restore");
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        var remaining = Regex.Matches(rebuild.Output, @"(?:warning|info|error) (CG\d{4}):").Select(m => m.Groups[1].Value).Intersect(fixable);
        Assert.Empty(remaining);
    }

    /// <summary>Copies a sample and builds it against the package.</summary>
    private DotNet.Result BuildCopyOf(string sample, string arguments) => Build(CopyOf(sample), sample, arguments);

    private DotNet.Result Build(string directory, string sample, string arguments) =>
        Run(directory, $"build {sample}.csproj -nologo {arguments}");

    private DotNet.Result Run(string directory, string arguments) =>
        DotNet.Run(directory, arguments, new Dictionary<string, string> { ["NUGET_PACKAGES"] = package.PackagesFolder });

    /// <summary>
    /// Copies a sample into a fresh folder whose build files reference the package from the local feed (instead of
    /// the repository's, which reference the analyzers' source): the repository's central versions, plus one item
    /// group with the package's version (one, whatever item groups the file has).
    /// </summary>
    private string CopyOf(string sample)
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
                "</Project>",
                $"  <ItemGroup>\n    <PackageVersion Include=\"ConsentAnalyzers\" Version=\"{PackageFixture.Version}\" />\n  " +
                $"</ItemGroup>\n</Project>",
                StringComparison.Ordinal));
        return consumer.Directory;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj"
                || relative.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || relative.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
