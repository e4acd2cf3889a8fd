using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.CodeFixes.ManifestEntries;
using ConsentAnalyzers.Tests.Analyzers;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using static ConsentAnalyzers.Tests.CodeFixes.ManifestEntryFixTest;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>CG0206's fix: the Consent Mode types added to the Google tag's category, written like its other properties.</summary>
public class MapConsentModeFixTests
{
    private static readonly string[] Analytics = ["analytics_storage"];

    private static string? Apply(string manifest, string category, params string[] types) =>
        ConsentModeMappingEdit.Apply(SourceText.From(manifest), category, types)?.ToString();

    [Fact]
    public void A_category_on_one_line_gets_the_mapping_on_that_line()
    {
        var manifest = Lf("""
            {
              "version": 1,
              "categories": {
                "analytics": { "title": "Analytics" },
              },
            }
            """);
        Assert.Equal(Lf("""
            {
              "version": 1,
              "categories": {
                "analytics": { "title": "Analytics", "consentMode": ["analytics_storage"] },
              },
            }
            """), Apply(manifest, "analytics", Analytics));
    }

    [Fact]
    public void A_category_of_several_lines_gets_a_line_of_its_own_with_its_indentation_and_line_breaks()
    {
        var manifest = Crlf("""
            {
              "version": 1,
              "categories": {
                "advertising": {
                  "title": "Advertising",
                  "optOutSignals": ["gpc"]
                }
              }
            }
            """);
        Assert.Equal(Crlf("""
            {
              "version": 1,
              "categories": {
                "advertising": {
                  "title": "Advertising",
                  "optOutSignals": ["gpc"],
                  "consentMode": ["ad_storage", "ad_user_data", "ad_personalization"]
                }
              }
            }
            """), Apply(manifest, "advertising", "ad_storage", "ad_user_data", "ad_personalization"));
    }

    [Fact]
    public void A_trailing_comma_stays_after_the_new_last_property()
    {
        var manifest = Lf("""
            {
              "version": 1,
              "categories": {
                "analytics": {
                  "title": "Analytics",
                },
              },
            }
            """);
        Assert.Equal(Lf("""
            {
              "version": 1,
              "categories": {
                "analytics": {
                  "title": "Analytics",
                  "consentMode": ["analytics_storage"],
                },
              },
            }
            """), Apply(manifest, "analytics", Analytics));
    }

    [Theory]
    [InlineData("""{ "version": 1, "categories": { "analytics": { "title": "A", "consentMode": ["ad_storage"] } } }""")]
    [InlineData("""{ "version": 1, "categories": { "necessary": { "title": "N", "essential": true } } }""")]
    [InlineData("""{ "version": 1, "categories": { "analytics": { "title": """)]
    public void No_edit_when_the_category_has_a_mapping_is_missing_or_the_file_does_not_parse(string manifest) =>
        Assert.Null(Apply(manifest, "analytics", Analytics));

    [Fact]
    public async Task The_fix_maps_the_category_and_the_finding_goes_away()
    {
        var manifest = TrackingCallAnalyzerTests.WithoutConsentMode(TrackingCallAnalyzerTests.Manifest);
        const string Code = """
            using System.Threading.Tasks;
            using Microsoft.JSInterop;
            using TestProject;

            class Tags(IJSRuntime js, IConsent consent)
            {
                async Task Configure()
                {
                    if (consent.AnalyticsAllowed) await {|CG0206:js.InvokeVoidAsync("gtag", "config", "G-1")|};
                }
            }
            """;
        var test = new CSharpCodeFixTest<TrackingCallAnalyzer, MapConsentModeCodeFixProvider, DefaultVerifier> { TestCode = Code }.Setup(manifest);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        test.FixedState.Sources.Add(WithoutMarkup(Code));
        test.FixedState.Sources.Add(ConsentTestProject.ConsentService);
        var mapped = manifest.Replace(
            "\"title\": \"Analytics\" }", "\"title\": \"Analytics\", \"consentMode\": [\"analytics_storage\"] }", StringComparison.Ordinal);
        test.FixedState.AdditionalFiles.Add((ManifestPath, mapped));
        await test.RunAsync();
    }
}
