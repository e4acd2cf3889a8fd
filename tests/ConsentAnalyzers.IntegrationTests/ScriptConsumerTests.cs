using System.Text.Json;

namespace ConsentAnalyzers.IntegrationTests;

/// <summary>
/// The site's JavaScript in a web project built against the packed package: the files the package's props pick
/// (wwwroot scripts but minified files and lib/ folders, plus what the project adds), checked by the command-line
/// compiler with the parser the package ships beside the analyzers, at the script's line and column.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ScriptConsumerTests(PackageFixture package)
{
    private const string Manifest = """
        {
          "version": 1,
          "categories": {
            "necessary": { "title": "Strictly Necessary", "essential": true },
            "analytics": { "title": "Analytics" },
          },
          "storage": [ { "key": "landing_page", "area": "session", "category": "analytics" } ],
          "trackers": [ { "use": "google-analytics", "category": "analytics" } ],
          "guards": [ { "script": "consent.has", "arguments": { "analytics": "analytics" } } ],
        }
        """;

    /// <summary>An undeclared storage key, an unguarded gtag call and a guarded one.</summary>
    private const string SiteScript = """
        localStorage.setItem('wizard_state', JSON.stringify(state));
        gtag('event', 'generate', { value: 1 });
        if (consent.has('analytics')) {
          gtag('event', 'share');
        }
        """;

    /// <summary>The messages of the compiler failing to load or run an analyzer, the parser included.</summary>
    private static readonly string[] LoadFailures = ["AD0001", "CS8032", "CS8784", "CS8785"];

    /// <summary>
    /// The issue's acceptance check, with the compiler server (the default) and without it: each loads the parser
    /// from the package on its own. In the same project: a minified copy and a client library under wwwroot/lib carry
    /// violations that are not analyzed, a script outside wwwroot is analyzed because the project adds it as a
    /// ConsentScript item, and a script that does not parse costs no warning (its CG0109 is hidden). Then
    /// ConsentScriptAnalysis=false turns the scripts off.
    /// </summary>
    [Fact]
    public void A_script_reports_its_undeclared_key_and_unguarded_gtag_call_at_their_lines_with_and_without_the_compiler_server()
    {
        const string undeclaredWrite = "localStorage.setItem('not_analyzed', '1');";
        var consumer = package.CreateConsumer("scripts").WithWebProject(items: """<ConsentScript Include="Scripts/**/*.js" />""")
            .WriteFile("consent-manifest.json", Manifest)
            .WriteFile("wwwroot/js/site.js", SiteScript)
            .WriteFile("wwwroot/js/site.min.js", undeclaredWrite)
            .WriteFile("wwwroot/js/widget.min.mjs", undeclaredWrite)
            .WriteFile("wwwroot/lib/tracker/tracker.js", undeclaredWrite)
            .WriteFile("wwwroot/js/broken.js", "function ( {\n" + undeclaredWrite)
            .WriteFile("Scripts/admin.js", "sessionStorage.setItem('admin_tab', '1');");
        string[] expected =
        [
            "Scripts/admin.js(1,25): CG0103",
            "wwwroot/js/site.js(1,23): CG0103",
            "wwwroot/js/site.js(2,1): CG0202",
        ];

        foreach (var arguments in new[] { "", "--no-incremental -p:UseSharedCompilation=false" })
        {
            var build = consumer.Build(arguments);

            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.DoesNotContain(LoadFailures, id => build.Output.Contains(id, StringComparison.Ordinal));
            Assert.True(expected.SequenceEqual(ConsentDiagnostics(consumer, build)),
                $"expected [{string.Join(", ", expected)}] ({arguments}):\n{build}");
            Assert.Contains("Local-storage key 'wizard_state' is not declared", build.Output, StringComparison.Ordinal);
            Assert.Contains("Tracking call to the Google tag (gtag.js)", build.Output, StringComparison.Ordinal);
        }

        var off = consumer.Build("--no-incremental -p:ConsentScriptAnalysis=false");
        Assert.True(off.ExitCode == 0, off.ToString());
        Assert.True(ConsentDiagnostics(consumer, off).Count == 0, off.ToString());
    }

    /// <summary>
    /// The scripts are additional files when the project is evaluated, before any target runs: the IDE, which takes
    /// them from evaluation and design-time builds, checks them live, as it does the manifest. A script the project
    /// already passes as an additional file is marked, not passed twice.
    /// </summary>
    [Fact]
    public void The_scripts_are_additional_files_marked_for_the_analyzers_at_evaluation()
    {
        var consumer = package.CreateConsumer("script-items")
            .WithWebProject(items: """<AdditionalFiles Include="wwwroot/js/listed.js" Listed="yes" />""")
            .WriteFile("wwwroot/js/site.js", SiteScript)
            .WriteFile("wwwroot/js/listed.js", SiteScript)
            .WriteFile("wwwroot/js/module.mjs", SiteScript)
            .WriteFile("wwwroot/js/site.min.js", SiteScript)
            .WriteFile("wwwroot/js/lib/helper.js", SiteScript)
            .WriteFile("wwwroot/lib/jquery/jquery.js", SiteScript);
        var restore = consumer.Command("restore");
        Assert.True(restore.ExitCode == 0, restore.ToString());

        var evaluation = consumer.Command($"msbuild \"{consumer.ProjectFile}\" -nologo -getItem:AdditionalFiles -getProperty:ConsentScriptAnalysis");

        Assert.True(evaluation.ExitCode == 0, evaluation.ToString());
        using var json = JsonDocument.Parse(evaluation.Output);
        Assert.Equal("true", json.RootElement.GetProperty("Properties").GetProperty("ConsentScriptAnalysis").GetString());
        var scripts = json.RootElement.GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray()
            .Where(file => file.TryGetProperty("ConsentScript", out var marker) && marker.GetString() == "true")
            .Select(file => Path.GetRelativePath(consumer.Directory, Path.Combine(consumer.Directory, file.GetProperty("Identity").GetString()!))
                .Replace('\\', '/') + (file.TryGetProperty("Listed", out var listed) ? " " + listed.GetString() : ""))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(["wwwroot/js/listed.js yes", "wwwroot/js/module.mjs", "wwwroot/js/site.js"], scripts);
    }

    /// <summary>The ConsentAnalyzers diagnostics of a build, as "file(line,col): id", sorted.</summary>
    private static List<string> ConsentDiagnostics(ConsumerProject consumer, DotNet.Result build) =>
        BuildDiagnostic.InBuildOutput(build.Output, consumer.Directory)
            .Where(d => d.Id.StartsWith("CG", StringComparison.Ordinal))
            .Select(d => $"{d.File}({d.Line},{d.Column}): {d.Id}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
}
