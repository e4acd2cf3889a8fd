using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Tests.Robustness.Manifests;

/// <summary>
/// Regression tests for what the manifest fuzzer found, each reduced to the smallest input that showed it, so
/// they run in every test run whatever the fuzzer's seed.
/// </summary>
public sealed class FuzzFindingsTests
{
    /// <summary>Manifest text in a title or description ends up in an XML doc comment: XML forbids these characters.</summary>
    [Theory]
    [InlineData("a\\ud800b")]
    [InlineData("a\\udc00\\ud800b")]
    [InlineData("\\uFFFF")]
    [InlineData("\\uFFFE x")]
    public void A_title_with_characters_xml_forbids_still_generates_compiling_code(string title)
    {
        var manifest = ExtremeManifests.Minimal(
            "\"necessary\": { \"title\": \"" + title + "\", \"description\": \"" + title + "\", \"essential\": true }");

        var (_, output) = GeneratorHarness.Run(manifest,
            parseOptions: GeneratorHarness.ParseOptions().WithDocumentationMode(Microsoft.CodeAnalysis.DocumentationMode.Diagnose));

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_surrogate_pair_in_a_title_is_kept()
    {
        var (sources, _) = GeneratorHarness.Run(
            ExtremeManifests.Minimal("\"necessary\": { \"title\": \"Cookies \\ud83c\\udf6a\", \"essential\": true }"));

        Assert.Contains("Cookies \U0001F36A", sources["ConsentCategory.g.cs"], StringComparison.Ordinal);
    }

    /// <summary>Messages are shown on one line and quote the manifest: never its line breaks, never a megabyte of it.</summary>
    [Theory]
    [InlineData(
        "{ \"version\": 1, \"categories\": { \"a\": { \"title\": \"A\" } }, \"cookies\": [ { \"name\": \"x\\u2028y\", \"category\": \"a\" } ] }")]
    [InlineData(
        "{ \"version\": 1, \"categories\": { \"a\": { \"title\": \"A\" } }, \"cookies\": [ { \"name\": \"x\\u0085y\", \"category\": \"a\" } ] }")]
    [InlineData("{ \"a\\nb\" 1 }")]
    [InlineData("{ \"a\": \"\\\u2028\" }")]
    [InlineData("{ \"version\": 1, \"categories\": { \"a\\u2028b\": 1 } }")]
    [InlineData("{ \"version\": \u2028 }")]
    public void Messages_quoting_the_manifest_stay_on_one_line(string manifest)
    {
        var issues = ManifestReader.Read(SourceText.From(manifest)).Issues;

        Assert.NotEmpty(issues);
        Assert.All(issues, issue => Assert.True(issue.Message.IndexOfAny(['\r', '\n', '\u2028', '\u2029', '\u0085']) < 0, issue.Message));
    }

    [Theory]
    [InlineData("{ \"version\": 1", " }")]
    [InlineData("{ \"version\": 1a", " }")]
    [InlineData("{ \"version\": 1, \"categories\": {}, \"", "\" 1 }")]
    public void Messages_quote_at_most_a_short_piece_of_a_megabyte_token(string before, string after)
    {
        var manifest = before + new string('0', ExtremeManifests.OneMegabyte) + after;

        var issues = ManifestReader.Read(SourceText.From(manifest)).Issues;

        Assert.NotEmpty(issues);
        Assert.All(issues, issue => Assert.True(issue.Message.Length < 1000, issue.RuleId + " message of " + issue.Message.Length + " characters"));
    }

    /// <summary>
    /// Two huge overlapping patterns: the shortest-example search would need (length + 1)² states, terabytes for
    /// megabyte patterns; the overlap is reported with a built example instead.
    /// </summary>
    [Fact]
    public void Overlapping_megabyte_patterns_are_reported_without_searching_their_product()
    {
        var stem = new string('a', ExtremeManifests.OneMegabyte);
        var manifest = ExtremeManifests.Minimal(
            "\"a\": { \"title\": \"A\" }, \"b\": { \"title\": \"B\" }",
            $"{{ \"name\": \"{stem}*x\", \"category\": \"a\" }}, {{ \"name\": \"{stem}*y*\", \"category\": \"b\" }}");

        var issues = ManifestReader.Read(SourceText.From(manifest)).Issues;

        var issue = Assert.Single(issues);
        Assert.Equal("CG0004", issue.RuleId);
        Assert.Contains("overlaps", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab*", "*ba")]
    [InlineData("a*b*c", "a*d*c")]
    [InlineData("x*", "x*")]
    [InlineData("a*b", "ab")]
    public void A_common_name_is_found_for_patterns_whose_fixed_ends_agree(string first, string second)
    {
        Assert.True(NamePattern.TryFindCommonName(first, second, out var example));
        Assert.True(NamePattern.Matches(first, example) && NamePattern.Matches(second, example));
    }

    [Theory]
    [InlineData("ab*", "ac*")]
    [InlineData("*x", "*y")]
    [InlineData("a*b", "ac")]
    public void Patterns_whose_fixed_ends_disagree_share_no_name(string first, string second) =>
        Assert.False(NamePattern.TryFindCommonName(first, second, out _));

    /// <summary>The built example (for patterns too large to search) is a name both patterns match.</summary>
    [Fact]
    public void The_built_common_name_of_large_patterns_matches_both()
    {
        var stem = new string('q', 300);
        var first = stem + "*mid*" + "end";
        var second = stem + "qq*other*nd";

        Assert.True(NamePattern.TryFindCommonName(first, second, out var example));
        Assert.True(NamePattern.Matches(first, example) && NamePattern.Matches(second, example), example);
    }

    [Fact]
    public void A_cookie_name_quoted_in_a_message_shows_the_code_point_of_an_invisible_character()
    {
        var manifest = ExtremeManifests.Minimal("\"a\": { \"title\": \"A\" }", "{ \"name\": \"x\\u0085\", \"category\": \"a\" }");

        var issue = Assert.Single(ManifestReader.Read(SourceText.From(manifest)).Issues);

        Assert.Contains("U+0085", issue.Message, StringComparison.Ordinal);
    }
}
