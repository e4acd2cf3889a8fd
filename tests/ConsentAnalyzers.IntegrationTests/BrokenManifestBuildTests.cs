using System.Text.RegularExpressions;

namespace ConsentAnalyzers.IntegrationTests;

/// <summary>
/// A broken manifest in a real build of a consumer that uses the generated API everywhere a real one does: the
/// manifest error is in the output at its line and column, exactly once, and the only other errors are at the lines
/// that use what the broken part of the manifest would have declared.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed partial class BrokenManifestBuildTests(PackageFixture package)
{
    private const string Manifest = """
        {
          "version": 1,
          "categories": {
            "necessary": { "title": "Strictly Necessary", "essential": true },
            "analytics": { "title": "Analytics" },
          },
          "cookies": [
            { "name": "_ga", "category": "analytics" },
            { "name": "_gid", "category": "analytics" },
            { "name": "_ga_*", "category": "analytics" },
          ],
          "storage": [ { "key": "landing_page", "area": "session", "category": "analytics" } ],
          "trackers": [ { "use": "google-analytics", "category": "analytics" } ],
        }
        """;

    /// <summary>Every generated type in declarations (attributes, fields, parameters, return types) and in method bodies.</summary>
    private const string ConsentService = """
        namespace Consumer.App;

        internal sealed class ConsentService
        {
            private ConsentCategory _lastAsked;
            private ConsentCookieInfo? _lastFound;

            [ConsentGuard]
            public bool IsGranted(ConsentCategory category) { _lastAsked = category; return false; }

            [ConsentGuard(ConsentCategory.Analytics)]
            public bool AnalyticsAllowed => IsGranted(ConsentCategory.Analytics);

            [RequiresConsent(ConsentCategory.Analytics)]
            public string VisitorCookie() => ConsentCookies.Ga;

            [RequiresConsent(ConsentCategory.Analytics)]
            public string SessionCookie() => ConsentCookies.Gid;

            [RequiresConsent(ConsentCategory.Analytics)]
            public string PropertyCookie(string id) => ConsentCookies.GaName(id);

            public string LandingKey() => ConsentStorageKeys.LandingPage;

            public ConsentCookieInfo? Find(string name) => _lastFound = ConsentManifest.FindCookie(name);

            public ConsentStorageKeyInfo? FindKey(ConsentStorageArea area, string key) => ConsentManifest.FindStorageKey(area, key);

            public ConsentCategoryInfo Describe(ConsentCategory category) => ConsentManifest.GetCategory(category);

            public int Count(ConsentTrackerKind kind) => ConsentManifest.Cookies.Count + ConsentManifest.Trackers.Count(t => t.Kind == kind) + (int)_lastAsked + (_lastFound is null ? 0 : 1);
        }
        """;

    [Fact]
    public void An_unknown_category_in_one_entry_costs_its_CG0003_and_the_uses_of_that_entry_only()
    {
        var broken = Manifest.Replace("{ \"name\": \"_gid\", \"category\": \"analytics\" }", "{ \"name\": \"_gid\", \"category\": \"analytic\" }",
            StringComparison.Ordinal);

        var build = BuildConsumer("category", broken);

        Assert.NotEqual(0, build.ExitCode);
        AssertManifestDiagnostics(build,
            [$"consent-manifest.json(9,35): error CG0003: Unknown category 'analytic'. Did you mean 'analytics'? Declared categories: " +
                $"necessary, analytics. Until this is fixed, the generated code leaves this entry out."]);
        Assert.Equal(LinesUsing("ConsentCookies.Gid").Select(line => $"ConsentService.cs({line}): CS0117"), CodeErrors(build));
    }

    [Fact]
    public void A_syntax_error_costs_its_CG0002_and_the_uses_of_declared_names_only()
    {
        var broken = Manifest.Replace("\"essential\": true },", "\"essential\": true }", StringComparison.Ordinal);

        var build = BuildConsumer("syntax", broken);

        Assert.NotEqual(0, build.ExitCode);
        AssertManifestDiagnostics(build,
            ["consent-manifest.json(5,5): error CG0002: Expected ',' before this property: the previous property is not followed by a comma. " +
                "Until this is fixed, the generated code declares no category, cookie, storage key or tracker."]);

        // The attributes and every generated type still exist: only the members the manifest would declare are
        // missing. (The uses in attributes are declaration errors, after which the compiler binds no method body:
        // the uses in bodies may go unreported, but no other line may have an error.)
        var allowed = LinesUsing("ConsentCategory.Analytics", "ConsentCookies.", "ConsentStorageKeys.")
            .Select(line => $"ConsentService.cs({line}): CS0117")
            .ToHashSet();
        var errors = CodeErrors(build);
        Assert.NotEmpty(errors);
        Assert.True(errors.All(allowed.Contains),
            $"Errors at lines that use nothing the manifest declares: {string.Join(", ", errors.Where(e => !allowed.Contains(e)))}\n{build}");
    }

    [Fact]
    public void Without_a_manifest_code_that_marks_its_consent_checks_builds_and_CG0001_is_shown()
    {
        var consumer = package.CreateConsumer("no-manifest-guards").WithProject("<TreatWarningsAsErrors>false</TreatWarningsAsErrors>")
            .WriteFile("Program.cs", "Console.WriteLine(new Consumer.App.Checks().IsGranted(default));")
            .WriteFile("Checks.cs", """
                namespace Consumer.App;

                internal sealed class Checks
                {
                    [ConsentGuard]
                    public bool IsGranted(ConsentCategory category) => false;
                }
                """);

        var build = consumer.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Single(
            Regex.Matches(LiveOutput(build), @"warning CG0001: ConsentAnalyzers is referenced but the project has no consent-manifest\.json"));
    }

    [Fact]
    public void A_global_config_sets_the_severity_of_the_manifest_rules_in_a_build()
    {
        var consumer = package.CreateConsumer("severity").WithProject()
            .WriteFile(".globalconfig", "is_global = true\ndotnet_diagnostic.CG0001.severity = none\n")
            .WriteFile("Program.cs", "Console.WriteLine();");

        var build = consumer.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("CG0001", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generator_reports_the_manifest_rules_in_builds_and_the_analyzer_in_design_time_builds()
    {
        var consumer = package.CreateConsumer("who-reports").WithProject().WriteFile("consent-manifest.json", Manifest);
        var restore = consumer.Command($"restore \"{consumer.ProjectFile}\"");
        Assert.True(restore.ExitCode == 0, restore.ToString());

        var build = consumer.Command($"msbuild \"{consumer.ProjectFile}\" -getItem:EditorConfigFiles");
        var designTime = consumer.Command($"msbuild \"{consumer.ProjectFile}\" -p:DesignTimeBuild=true -getItem:EditorConfigFiles");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(designTime.ExitCode == 0, designTime.ToString());
        Assert.Contains("ConsentAnalyzers.CommandLineBuild.globalconfig", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ConsentAnalyzers.CommandLineBuild.globalconfig", designTime.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compiled_with_the_options_of_a_design_time_build_the_analyzer_reports_each_manifest_error_once()
    {
        var broken = Manifest.Replace("{ \"name\": \"_gid\", \"category\": \"analytics\" }", "{ \"name\": \"_gid\", \"category\": \"analytic\" }",
            StringComparison.Ordinal);
        var consumer = package.CreateConsumer("design-time").WithProject()
            .WriteFile("consent-manifest.json", broken)
            .WriteFile("Program.cs", "Console.WriteLine();");

        var build = consumer.Build("-p:DesignTimeBuild=true");

        Assert.NotEqual(0, build.ExitCode);
        AssertManifestDiagnostics(build,
            ["consent-manifest.json(9,35): error CG0003: Unknown category 'analytic'. Did you mean 'analytics'? Declared categories: " +
                "necessary, analytics. Until this is fixed, the generated code leaves this entry out."]);
    }

    private DotNet.Result BuildConsumer(string name, string manifest) =>
        package.CreateConsumer(name).WithProject()
            .WriteFile("consent-manifest.json", manifest)
            .WriteFile("ConsentService.cs", ConsentService)
            .WriteFile("Program.cs", "Console.WriteLine(new Consumer.App.ConsentService().AnalyticsAllowed);")
            .Build();

    /// <summary>The 1-based lines of <see cref="ConsentService"/> that contain any of the fragments.</summary>
    private static IEnumerable<int> LinesUsing(params string[] fragments) =>
        ConsentService.Split('\n')
            .Select((text, index) => (Text: text, Line: index + 1))
            .Where(line => fragments.Any(fragment => line.Text.Contains(fragment, StringComparison.Ordinal)))
            .Select(line => line.Line);

    /// <summary>The compiler errors in the consumer's code, once each, as "File.cs(line): id", in line order.</summary>
    private static List<string> CodeErrors(DotNet.Result build) =>
        CodeError().Matches(build.Output)
            .Select(match => (File: match.Groups["file"].Value,
                Line: int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), Id: match.Groups["id"].Value))
            .Distinct()
            .OrderBy(error => error.File, StringComparer.Ordinal).ThenBy(error => error.Line)
            .Select(error => $"{error.File}({error.Line}): {error.Id}")
            .ToList();

    /// <summary>The build's output up to its summary, which repeats every warning and error.</summary>
    private static string LiveOutput(DotNet.Result build)
    {
        var summary = Regex.Match(build.Output, @"^\s*Build (FAILED|succeeded)\.\s*$", RegexOptions.Multiline);
        return summary.Success ? build.Output[..summary.Index] : build.Output;
    }

    /// <summary>The manifest diagnostics in the output must be exactly these, each printed once.</summary>
    private static void AssertManifestDiagnostics(DotNet.Result build, string[] expected)
    {
        var actual = ManifestDiagnostic().Matches(LiveOutput(build)).Select(match => match.Groups["diagnostic"].Value.Trim()).ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"Expected the manifest diagnostics\n{string.Join('\n', expected)}\nbut the build printed\n{string.Join('\n', actual)}\n\n{build}");
    }

    [GeneratedRegex(@"(?<file>[A-Za-z]+\.cs)\((?<line>\d+),\d+\): error (?<id>CS\d{4})")]
    private static partial Regex CodeError();

    /// <summary>A manifest diagnostic without the help link and the project that MSBuild appends to it.</summary>
    [GeneratedRegex(
        @"(?<diagnostic>consent-manifest\.json\(\d+,\d+\): (error|warning) CG\d{4}: .*?)(?: \(https?://[^\s)]*\))?(?: \[[^\]\n]*\])?[ \t\r]*$",
        RegexOptions.Multiline)]
    private static partial Regex ManifestDiagnostic();
}
