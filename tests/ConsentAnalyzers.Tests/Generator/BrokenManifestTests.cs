using System.Collections.Immutable;
using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Generator;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Generator;

/// <summary>
/// A broken manifest generates its sound part: the attributes and the category enum always, every entry read without
/// an issue, nothing of a broken one. Code that uses the generated API then fails only where it uses a broken entry,
/// and the generator reports the manifest rules in a command-line build, where they survive those failures.
/// </summary>
public class BrokenManifestTests
{
    private static readonly Dictionary<string, string> CommandLineBuild = new() { ["build_property._ConsentCommandLineBuild"] = "true" };

    private const string Policy = """
        {
          "version": 1,
          "categories": {
            "necessary": { "title": "Strictly Necessary", "essential": true },
            "analytics": { "title": "Analytics" },
            "advertising": { "title": "Advertising" }
          },
          "cookies": [
            { "name": "_ga", "category": "analytics" },
            { "name": "_gid", "category": "analytics" },
            { "name": "_gcl_*", "category": "advertising" }
          ],
          "storage": [ { "key": "landing_page", "area": "session", "category": "analytics" } ],
          "trackers": [ { "use": "google-analytics", "category": "analytics" } ]
        }
        """;

    /// <summary>Uses every generated type in declarations (attributes, parameters, fields) and in method bodies, one use per line.</summary>
    private const string Consumer = """
        namespace Consumer.App
        {
            internal sealed class ConsentService
            {
                private ConsentCategory _lastAsked;
                private ConsentCookieInfo? _lastCookie;

                [ConsentGuard]
                public bool IsGranted(ConsentCategory category) { _lastAsked = category; return false; }

                [RequiresConsent(ConsentCategory.Analytics)]
                public string Analytics() => ConsentCookies.Ga;

                public string Session() => ConsentCookies.Gid;

                public string Ads(string id) => ConsentCookies.GclName(id);

                public string Landing() => ConsentStorageKeys.LandingPage;

                public int Count(ConsentStorageArea area, ConsentTrackerKind kind) => ConsentManifest.Cookies.Count + ConsentManifest.Categories.Count + (int)area + (int)kind + (int)_lastAsked;

                public ConsentCookieInfo? Find(string name) => _lastCookie = ConsentManifest.FindCookie(name);

                public ConsentCookieInfo? LastFound => _lastCookie;

                public ConsentCategoryInfo Describe(ConsentCategory category) => ConsentManifest.GetCategory(category);

                public ConsentStorageKeyInfo? Key() => ConsentManifest.FindStorageKey(ConsentStorageArea.Session, "x");

                public ConsentTrackerInfo? Tracker() => ConsentManifest.Trackers.Count > 0 ? ConsentManifest.Trackers[0] : null;
            }
        }
        """;

    private sealed record Generated(ImmutableDictionary<string, string> Sources, ImmutableArray<Diagnostic> Diagnostics, Compilation Output)
    {
        /// <summary>The errors in the consumer's code, as "line: id" (1-based lines).</summary>
        public List<string> ConsumerErrors() => Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath == "/project/Program.cs")
            .Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id}")
            .Distinct()
            .ToList();
    }

    private static Generated Generate(string? manifest, Dictionary<string, string>? properties = null, string consumer = Consumer)
    {
        var compilation = GeneratorHarness.CreateCompilation(consumer);
        var additionalTexts = manifest is null ? [] : new[] { new InMemoryAdditionalText(GeneratorHarness.ManifestPath, manifest) };
        var driver = CSharpGeneratorDriver.Create(
            [new ConsentGenerator().AsSourceGenerator()],
            additionalTexts,
            GeneratorHarness.ParseOptions(),
            new TestOptionsProvider(properties ?? CommandLineBuild))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var sources = driver.GetRunResult().Results.Single().GeneratedSources.ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString());
        return new Generated(sources, diagnostics, output);
    }

    private static int LineOf(string text, string fragment) =>
        text[..text.IndexOf(fragment, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    private static string ConsumerLine(string fragment) => $"{LineOf(Consumer, fragment)}";

    [Fact]
    public void A_valid_manifest_compiles_with_every_use()
    {
        var generated = Generate(Policy);

        Assert.Empty(generated.Diagnostics);
        Assert.Empty(generated.ConsumerErrors());
    }

    [Fact]
    public void An_unknown_category_in_one_cookie_costs_only_the_uses_of_that_cookie()
    {
        var generated = Generate(
            Policy.Replace("{ \"name\": \"_gid\", \"category\": \"analytics\" }", "{ \"name\": \"_gid\", \"category\": \"analytic\" }",
                StringComparison.Ordinal));

        var diagnostic = Assert.Single(generated.Diagnostics);
        Assert.Equal(("CG0003", 10), (diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.Equal([ConsumerLine("ConsentCookies.Gid") + ": CS0117"], generated.ConsumerErrors());
        Assert.DoesNotContain("_gid", generated.Sources["ConsentManifest.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_in_one_cookie_costs_only_the_uses_of_that_cookie()
    {
        var generated = Generate(Policy.Replace("{ \"name\": \"_ga\", \"category\"", "{ \"name\": \"_ga\", \"categry\"", StringComparison.Ordinal));

        Assert.Equal(["CG0003"], generated.Diagnostics.Select(d => d.Id));
        Assert.Equal([ConsumerLine("=> ConsentCookies.Ga;") + ": CS0117"], generated.ConsumerErrors());
    }

    [Fact]
    public void A_broken_category_costs_its_member_and_the_entries_in_it()
    {
        var generated = Generate(
            Policy.Replace("\"advertising\": { \"title\": \"Advertising\" }", "\"advertising\": { \"tilte\": \"Advertising\" }",
                StringComparison.Ordinal));

        Assert.Equal(["CG0003"], generated.Diagnostics.Select(d => d.Id));
        Assert.Contains("leaves out category 'advertising' and every entry in it", generated.Diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Equal([ConsumerLine("ConsentCookies.GclName") + ": CS0117"], generated.ConsumerErrors());
        Assert.DoesNotContain("Advertising", generated.Sources["ConsentCategory.g.cs"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"version\": 1 \"categories\": {} }", "CG0002")]
    [InlineData("{ \"version\": 2, \"categories\": { \"a\": { \"title\": \"A\" } } }", "CG0003")]
    [InlineData("", "CG0002")]
    public void An_unreadable_manifest_still_generates_every_type_so_declarations_compile(string manifest, string rule)
    {
        var generated = Generate(manifest);

        Assert.Equal([rule], generated.Diagnostics.Select(d => d.Id));
        Assert.Equal(
            ["ConsentAttributes.g.cs", "ConsentCategory.g.cs", "ConsentCookies.g.cs", "ConsentManifest.g.cs", "ConsentMetadata.g.cs",
                "ConsentStorageDisclosure.g.cs", "ConsentStorageKeys.g.cs", "ConsentWriterAttributes.g.cs",
                "Microsoft.CodeAnalysis.EmbeddedAttribute.g.cs"],
            generated.Sources.Keys.Order(StringComparer.Ordinal));

        // Only member uses of what the manifest would declare fail; every declaration that names a generated type compiles.
        Assert.Equal(
            new[] { "[RequiresConsent(ConsentCategory.Analytics)]", "=> ConsentCookies.Ga;", "ConsentCookies.Gid", "ConsentCookies.GclName",
                "ConsentStorageKeys.LandingPage" }
                .Select(use => ConsumerLine(use) + ": CS0117"),
            generated.ConsumerErrors());
    }

    [Fact]
    public void Without_a_manifest_the_attributes_and_an_empty_enum_keep_consent_checks_and_writers_compiling()
    {
        const string Checks = """
            namespace Consumer.App
            {
                internal sealed class ConsentService
                {
                    [ConsentGuard]
                    public bool IsGranted(ConsentCategory category) => false;

                    [ConsentGuard((ConsentCategory)0)]
                    public bool Any => false;

                    [CookieWriter]
                    public void Put([ConsentName] string name, string value) { }

                    [StorageWriter(ConsentStorageArea.Session)]
                    public void Keep([ConsentName] string key, string value) { }
                }
            }
            """;

        var generated = Generate(manifest: null, consumer: Checks);

        Assert.Equal(
            ["ConsentAttributes.g.cs", "ConsentCategory.g.cs", "ConsentWriterAttributes.g.cs", "Microsoft.CodeAnalysis.EmbeddedAttribute.g.cs"],
            generated.Sources.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(generated.ConsumerErrors());
        var diagnostic = Assert.Single(generated.Diagnostics);
        Assert.Equal(("CG0001", Location.None), (diagnostic.Id, diagnostic.Location));
        Assert.Contains("the project has no consent-manifest.json", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_generator_reports_exactly_what_the_manifest_analyzer_reports_elsewhere()
    {
        var manifest = Policy
            .Replace("{ \"name\": \"_ga\", \"category\"", "{ \"name\": \"_ga\", \"categry\"", StringComparison.Ordinal)
            .Replace("\"advertising\": { \"title\": \"Advertising\" }", "\"advertising\": { \"title\": 7 }", StringComparison.Ordinal)
            .Replace("\"_gcl_*\"", "\"*\"", StringComparison.Ordinal);

        var fromGenerator = Generate(manifest).Diagnostics.Select(Describe).ToList();
        var fromAnalyzer = AnalyzerDiagnostics(manifest, new Dictionary<string, string>()).Select(Describe).ToList();

        Assert.Equal(3, fromGenerator.Count);
        Assert.Equal(fromAnalyzer.Order(StringComparer.Ordinal), fromGenerator.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_manifest_issue_is_reported_once_by_the_generator_in_a_build_and_once_by_the_analyzer_elsewhere()
    {
        var manifest = Policy.Replace("{ \"name\": \"_gid\", \"category\": \"analytics\" }", "{ \"name\": \"_gid\", \"category\": \"analytic\" }",
            StringComparison.Ordinal);
        var noProperties = new Dictionary<string, string>();

        Assert.Single(Generate(manifest, CommandLineBuild).Diagnostics);
        Assert.Empty(AnalyzerDiagnostics(manifest, CommandLineBuild));
        Assert.Empty(Generate(manifest, noProperties).Diagnostics);
        Assert.Single(AnalyzerDiagnostics(manifest, noProperties));
        Assert.Empty(Generate(manifest: null, noProperties).Diagnostics);
    }

    [Fact]
    public void A_second_manifest_is_reported_at_its_start_and_not_read()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = CSharpGeneratorDriver.Create(
            [new ConsentGenerator().AsSourceGenerator()],
            [new InMemoryAdditionalText(GeneratorHarness.ManifestPath, Policy),
                new InMemoryAdditionalText("/project/sub/consent-manifest.json", "{ broken")],
            GeneratorHarness.ParseOptions(),
            new TestOptionsProvider(CommandLineBuild));

        driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("CG0004", "/project/sub/consent-manifest.json", 0),
            (diagnostic.Id, diagnostic.Location.GetLineSpan().Path, diagnostic.Location.SourceSpan.Start));
        Assert.Contains("Only one consent manifest is read per project, and it is '/project/consent-manifest.json'", diagnostic.GetMessage(),
            StringComparison.Ordinal);
    }

    /// <summary>Through the testing library's generator verifier: the expected diagnostics are marked in the manifest itself.</summary>
    [Fact]
    public async Task The_generator_verifier_finds_the_diagnostics_marked_in_the_manifest()
    {
        var test = new CSharpSourceGeneratorTest<ConsentGenerator, DefaultVerifier> { CompilerDiagnostics = CompilerDiagnostics.Errors }
            .Setup(references: TestReferences.Net80)
            .WithGlobalConfig("build_property.RootNamespace = App\nbuild_property._ConsentCommandLineBuild = true\n");
        test.TestState.Sources.Add("""
            namespace App
            {
                internal static class Uses
                {
                    [RequiresConsent(ConsentCategory.Analytics)]
                    public static string Ga() => ConsentCookies.Ga;

                    public static string Gid() => ConsentCookies.{|CS0117:Gid|};
                }
            }
            """);
        test.WithManifest(
            Policy.Replace("\"name\": \"_gid\", \"category\": \"analytics\"", "\"name\": \"_gid\", \"category\": {|CG0003:\"analytic\"|}",
                StringComparison.Ordinal));

        await test.RunAsync();
    }

    private static string Describe(Diagnostic diagnostic) =>
        $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()} {diagnostic.GetMessage()}";

    private static ImmutableArray<Diagnostic> AnalyzerDiagnostics(string manifest, Dictionary<string, string> properties)
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var options = new AnalyzerOptions([new InMemoryAdditionalText(GeneratorHarness.ManifestPath, manifest)], new TestOptionsProvider(properties));
        return compilation
            .WithAnalyzers([new ManifestAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None)
            .GetAwaiter()
            .GetResult();
    }
}
