using System.Text.RegularExpressions;

namespace ConsentAnalyzers.IntegrationTests;

/// <summary>
/// The README's quick start, followed literally: its <c>dotnet new webapp</c> command makes the app, its package
/// reference goes into the project file, its manifest and code blocks into the files they name; then each instruction
/// the text gives is applied as written, and the build must print exactly the diagnostic lines the README shows after
/// it. When a comparison fails, the message lists the actual lines in the README's format, ready to paste.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class QuickStartTests(PackageFixture package)
{
    private static readonly QuickStartSection QuickStart = QuickStartSection.FromReadme();

    [Fact]
    public void The_first_build_succeeds_with_no_warnings_and_the_schema_the_manifest_names_exists()
    {
        Assert.Contains("it succeeds with no warnings", QuickStart.Prose, StringComparison.Ordinal);
        var app = CreateApp();

        // What an IDE runs when it loads the project: the schema is there before anything is compiled.
        var designTime = app.Command(
            $"msbuild \"{app.ProjectFile}\" -restore -nologo -t:Compile -p:DesignTimeBuild=true -p:SkipCompilerExecution=true " +
            $"-p:ProvideCommandLineArgs=true");
        Assert.True(designTime.ExitCode == 0, designTime.ToString());
        var schemaReference = Regex.Match(QuickStart.Manifest, "\"\\$schema\":\\s*\"([^\"]+)\"").Groups[1].Value;
        var schema = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(app.Directory, QuickStart.ManifestFile))!, schemaReference));
        Assert.True(File.Exists(schema), $"\"$schema\": \"{schemaReference}\" names {schema}, which a design-time build did not write");
        Assert.Equal(
            File.ReadAllText(
                Path.Combine(PackageFixture.RepositoryRoot, "src", "ConsentAnalyzers.Package", "schema", "consent-manifest.schema.json")),
            File.ReadAllText(schema));

        var build = app.Build();

        Assert.True(build.ExitCode == 0 && !BuildDiagnostic.AnyIn(build.Output),
            "The quick start says the first build succeeds with no warnings:\n" + build);
    }

    [Fact]
    public void Without_the_antiforgery_entry_the_build_warns_as_the_quick_start_shows() =>
        AssertWarnsAsShownAfter(
            "Delete the `.AspNetCore.Antiforgery.*` entry",
            app => Edit(app, QuickStart.ManifestFile, manifest => RemoveLine(manifest, "\"name\": \".AspNetCore.Antiforgery.*\"")));

    [Fact]
    public void An_unguarded_call_is_reported_as_the_quick_start_shows() =>
        AssertWarnsAsShownAfter(
            "delete the line `if (HttpContext.HasConsent(ConsentCategory.Analytics))` in `OnGet`",
            app => Edit(app, CodeFile("Pages/Index.cshtml.cs"), code => RemoveLine(code, "if (HttpContext.HasConsent(ConsentCategory.Analytics))")));

    [Fact]
    public void A_misspelt_field_is_reported_at_its_line_and_only_code_that_uses_the_entry_fails()
    {
        var (build, expected, actual, directory) = BuildAfter(
            "Misspell `category` as `categry` in the `_ga` entry",
            app => Edit(app, QuickStart.ManifestFile,
                manifest => EditLine(manifest, "\"name\": \"_ga\",", line => ReplaceFirst(line, "\"category\"", "\"categry\""))));

        Assert.NotEqual(0, build.ExitCode);
        AssertSame(expected, actual, build);
        AssertCodeErrorsOnlyAtLinesThatUse(@"ConsentCookies\.Ga\b", actual, build, directory);
    }

    [Fact]
    public void A_missing_comma_is_reported_at_its_line_and_only_code_that_uses_a_category_fails()
    {
        var (build, expected, actual, directory) = BuildAfter(
            "delete the comma after `\"version\": 1`",
            app => Edit(app, QuickStart.ManifestFile, manifest => ReplaceFirst(manifest, "\"version\": 1,", "\"version\": 1")));

        Assert.NotEqual(0, build.ExitCode);
        AssertSame(expected, actual, build);
        AssertCodeErrorsOnlyAtLinesThatUse(@"ConsentCategory\.\w|ConsentCookies\.", actual, build, directory);
    }

    /// <summary>Makes the app and pastes everything the quick start gives into it.</summary>
    private ConsumerProject CreateApp()
    {
        var app = package.CreateConsumer("quickstart");
        Assert.StartsWith("dotnet new webapp ", QuickStart.NewAppCommand, StringComparison.Ordinal);
        var created = app.Command(QuickStart.NewAppCommand["dotnet ".Length..]);
        Assert.True(created.ExitCode == 0, created.ToString());

        Assert.Equal(PackageFixture.Version, Regex.Match(QuickStart.PackageReference, "Version=\"([^\"]+)\"").Groups[1].Value);
        Edit(app, QuickStart.ProjectFile, project =>
        {
            var end = project.LastIndexOf("</Project>", StringComparison.Ordinal);
            return project[..end] + QuickStart.PackageReference + "\n" + project[end..];
        });
        app.UseProject(QuickStart.ProjectFile).WriteFile(QuickStart.ManifestFile, QuickStart.Manifest);
        foreach (var (path, content) in QuickStart.CodeFiles)
        {
            app.WriteFile(CodeFile(path), content);
        }

        return app;
    }

    /// <summary>The app with one instruction applied, built; the diagnostics the README shows after it, and the build's.</summary>
    private (DotNet.Result Build, IReadOnlyList<BuildDiagnostic> Expected, IReadOnlyList<BuildDiagnostic> Actual,
        string ProjectDirectory) BuildAfter(string instruction, Action<ConsumerProject> apply)
    {
        var expected = BuildDiagnostic.InDocs(QuickStart.OutputAfter(instruction).Content);
        Assert.NotEmpty(expected);
        var app = CreateApp();
        apply(app);
        var build = app.Build();
        var projectDirectory = Path.GetDirectoryName(app.ProjectFile)!;
        return (build, expected, BuildDiagnostic.InBuildOutput(build.Output, projectDirectory), projectDirectory);
    }

    /// <summary>The build still succeeds, with exactly the warnings the README shows after the instruction.</summary>
    private void AssertWarnsAsShownAfter(string instruction, Action<ConsumerProject> apply)
    {
        var (build, expected, actual, _) = BuildAfter(instruction, apply);
        Assert.True(build.ExitCode == 0, build.ToString());
        AssertSame(expected, actual, build);
    }

    private static void AssertSame(IReadOnlyList<BuildDiagnostic> expected, IReadOnlyList<BuildDiagnostic> actual, DotNet.Result build,
        IReadOnlyList<BuildDiagnostic>? all = null)
    {
        var expectedLines = expected.Select(d => d.ToString()).Order(StringComparer.Ordinal).ToList();
        var actualLines = actual.Select(d => d.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            expectedLines.SequenceEqual(actualLines),
            $"""
            The build's diagnostics differ from the README's quick start.
            README:
            {BuildDiagnostic.Lines(expected)}
            Build (README format):
            {BuildDiagnostic.Lines(all ?? actual)}

            {build}
            """);
    }

    /// <summary>No error in the code except at a line that uses what the broken manifest no longer defines.</summary>
    private static void AssertCodeErrorsOnlyAtLinesThatUse(string usesBrokenEntry, IReadOnlyList<BuildDiagnostic> diagnostics, DotNet.Result build,
        string projectDirectory)
    {
        var unexpected = diagnostics
            .Where(d => d.Severity == "error" && !d.File.EndsWith(".json", StringComparison.Ordinal))
            .Where(d => !Regex.IsMatch(LineOf(d), usesBrokenEntry))
            .ToList();
        Assert.True(unexpected.Count == 0,
            $"Errors at lines that do not use the broken entry ({usesBrokenEntry}):\n{BuildDiagnostic.Lines(unexpected)}\n\n{build}");

        string LineOf(BuildDiagnostic d)
        {
            var lines = File.ReadAllLines(Path.Combine(projectDirectory, d.File));
            return d.Line >= 1 && d.Line <= lines.Length ? lines[d.Line - 1] : string.Empty;
        }
    }

    private static string CodeFile(string pathInProject) => Path.Combine(QuickStart.AppFolder, pathInProject);

    private static void Edit(ConsumerProject app, string relativePath, Func<string, string> edit)
    {
        var path = Path.Combine(app.Directory, relativePath);
        var before = File.ReadAllText(path);
        var after = edit(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    private static string RemoveLine(string text, string lineContaining) => EditLine(text, lineContaining, _ => null);

    /// <summary>Edits (or, for null, removes) the one line that contains <paramref name="lineContaining"/>.</summary>
    private static string EditLine(string text, string lineContaining, Func<string, string?> edit)
    {
        var lines = text.Split('\n').ToList();
        var index = Assert.Single(Enumerable.Range(0, lines.Count), i => lines[i].Contains(lineContaining, StringComparison.Ordinal));
        if (edit(lines[index]) is { } edited)
        {
            lines[index] = edited;
        }
        else
        {
            lines.RemoveAt(index);
        }

        return string.Join('\n', lines);
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var index = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{old}' not found in:\n{text}");
        return text[..index] + replacement + text[(index + old.Length)..];
    }
}
