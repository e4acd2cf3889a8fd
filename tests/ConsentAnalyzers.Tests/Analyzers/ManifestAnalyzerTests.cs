using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

public class ManifestAnalyzerTests
{
    private const string ValidManifest = """
        {
          // The cookie policy, machine-readable.
          "$schema": "./consent-manifest.schema.json",
          "version": 1,
          "categories": {
            "necessary": { "title": "Strictly Necessary", "essential": true },
            "analytics": { "title": "Analytics" },
          },
          "cookies": [ { "name": "_ga", "category": "analytics" } ],
        }
        """;

    private static ConsentAnalyzerTest<ManifestAnalyzer> Test() => new();

    [Fact]
    public async Task Valid_manifest_reports_nothing() =>
        await Test().WithManifest(ValidManifest).RunAsync();

    [Fact]
    public async Task Syntax_error_is_reported_at_the_exact_token() =>
        await Test().WithManifest("""
            {
              "version": 1
              {|CG0002:"categories"|}: {}
            }
            """).RunAsync();

    [Fact]
    public async Task Unterminated_string_is_reported_from_its_opening_quote_to_the_end_of_the_line() =>
        await Test().WithManifest("""
            {
              "version": 1,
              "categories": { "a": { "title": {|CG0002:"Analytics|}
            }
            """).RunAsync();

    [Fact]
    public async Task Content_errors_are_reported_each_at_its_own_span_with_a_helpful_message()
    {
        var test = Test().WithManifest("""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [
                { "name": "_ga", "category": {|#0:"analytic"|} },
                { "name": "_gid", {|#1:"categry"|}: "analytics", "category": "analytics" },
              ],
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ManifestContent).WithLocation(0)
            .WithArguments(
            "Unknown category 'analytic'. Did you mean 'analytics'? Declared categories: analytics. " +
            "Until this is fixed, the generated code leaves this entry out."));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ManifestContent).WithLocation(1)
            .WithArguments(
            "Unknown field 'categry' in the cookie entry. Did you mean 'category'? " +
            "Known fields: name, category, provider, purpose, duration, maxAge, domain, path, refresh. " +
            "Until this is fixed, the generated code leaves this entry out."));
        await test.RunAsync();
    }

    [Fact]
    public async Task Conflicts_are_reported_on_the_later_declaration() =>
        await Test().WithManifest("""
            {
              "version": 1,
              "categories": { "analytics": { "title": "A" }, "advertising": { "title": "B" } },
              "cookies": [
                { "name": "_gcl_*", "category": "advertising" },
                { "name": {|CG0004:"_gcl_au"|}, "category": "analytics" },
                { "name": {|CG0004:"*"|}, "category": "analytics" },
              ],
            }
            """).RunAsync();

    [Fact]
    public async Task Missing_manifest_is_CG0001_once_for_the_compilation()
    {
        var test = Test();
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.ManifestNotFound).WithNoLocation().WithArguments(
                "the project has no consent-manifest.json: add one to the project folder, or set ConsentManifestPath to the manifest to use"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Missing_manifest_names_the_configured_path()
    {
        var test = Test().WithGlobalConfig(
            "build_property.ConsentManifestPath = ../policy/consent.json\nbuild_property._ConsentManifestFullPath = /policy/consent.json\n");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ManifestNotFound).WithNoLocation()
            .WithArguments(
            "ConsentManifestPath '../policy/consent.json' names no file (looked for '/policy/consent.json'): " +
            "a relative path resolves against each project's folder"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_configured_path_that_names_no_file_is_not_replaced_by_a_stray_default_manifest()
    {
        var test = Test().WithManifest(ValidManifest).WithGlobalConfig("build_property.ConsentManifestPath = shared.json\n");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ManifestNotFound).WithNoLocation()
            .WithArguments("ConsentManifestPath 'shared.json' names no file: a relative path resolves against each project's folder"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_manifest_marked_by_the_build_may_have_any_file_name() =>
        await Test()
            .WithManifest("""{ "version": 1, "categories": {}, {|CG0003:"cookie"|}: [] }""", "/shared/cookie-policy.json")
            .WithGlobalConfig("""

                [/shared/cookie-policy.json]
                build_metadata.AdditionalFiles.ConsentManifest = true
                """)
            .RunAsync();

    [Fact]
    public async Task Other_additional_files_are_ignored() =>
        await Test().WithManifest(ValidManifest).WithManifest("{ not json", "/0/appsettings.json").RunAsync();

    [Fact]
    public async Task A_second_manifest_is_a_conflict_reported_on_that_file()
    {
        var test = Test()
            .WithManifest(ValidManifest, "/shared/consent-manifest.json")
            .WithManifest(ValidManifest)
            .WithGlobalConfig("""

                [/shared/consent-manifest.json]
                build_metadata.AdditionalFiles.ConsentManifest = true
                """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ManifestConflict).WithSpan(ConsentTestProject.ManifestPath, 1, 1, 1, 1)
            .WithArguments(
            "Only one consent manifest is read per project, and it is '/shared/consent-manifest.json'; " +
            "remove this one from the project's additional files or point ConsentManifestPath at the one you mean."));
        await test.RunAsync();
    }
}
