using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Tests.Manifest;

/// <summary>
/// What a broken manifest still contributes to the generated code: every category and entry read without an issue,
/// and nothing read from an entry with one. Each issue's message says what it left out.
/// </summary>
public class SoundPartTests
{
    private const string EntryLeftOut = " Until this is fixed, the generated code leaves this entry out.";
    private const string EverythingLeftOut = " Until this is fixed, the generated code declares no category, cookie, storage key or tracker.";

    private static string Manifest(string sections, string categories = """
        "necessary": { "title": "Strictly Necessary", "essential": true },
        "analytics": { "title": "Analytics" },
        "advertising": { "title": "Advertising" }
        """) => $$"""
        {
          "version": 1,
          "categories": {
            {{categories}}
          },
          {{sections}}
        }
        """;

    private static ManifestReadResult Read(string text) => ManifestReader.Read(SourceText.From(text));

    private static string[] Categories(ManifestReadResult result) => result.SoundPart.Categories.Select(c => c.Id).ToArray();

    private static string[] Cookies(ManifestReadResult result) => result.SoundPart.Cookies.Select(c => c.Name).ToArray();

    [Fact]
    public void A_valid_manifest_is_its_own_sound_part()
    {
        var result = Read(Manifest("""
            "cookies": [ { "name": "_ga", "category": "analytics" } ],
            "storage": [ { "key": "draft", "area": "local", "category": "necessary" } ],
            "trackers": [ { "use": "google-analytics", "category": "analytics" } ],
            "guards": [ { "api": "Shop.Consent.Allowed", "category": "analytics" } ]
            """));

        Assert.Empty(result.Issues);
        Assert.Same(result.Model, result.SoundPart);
    }

    [Fact]
    public void A_syntax_error_leaves_everything_out_and_says_so()
    {
        var result = Read("{ \"version\": 1 \"categories\": {} }");

        var issue = Assert.Single(result.Issues);
        Assert.EndsWith(EverythingLeftOut, issue.Message, StringComparison.Ordinal);
        Assert.Null(result.Model);
        Assert.Equal(ManifestModel.Empty, result.SoundPart);
    }

    [Fact]
    public void An_unknown_category_in_one_cookie_leaves_out_that_cookie_only()
    {
        var result = Read(Manifest("""
            "cookies": [
              { "name": "_ga", "category": "analytics" },
              { "name": "_gid", "category": "analytic" },
              { "name": "sid", "category": "necessary" }
            ]
            """));

        Assert.EndsWith(EntryLeftOut, Assert.Single(result.Issues).Message, StringComparison.Ordinal);
        Assert.Null(result.Model);
        Assert.Equal(["necessary", "analytics", "advertising"], Categories(result));
        Assert.Equal(["_ga", "sid"], Cookies(result));
    }

    [Fact]
    public void A_misspelt_field_is_one_issue_and_leaves_out_its_entry()
    {
        var result = Read(Manifest("""
            "cookies": [ { "name": "_ga", "categry": "analytics" }, { "name": "sid", "category": "necessary" } ]
            """));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(
            "Unknown field 'categry' in the cookie entry. Did you mean 'category'? " +
            "Known fields: name, category, provider, purpose, duration, maxAge, domain, path, refresh." + EntryLeftOut, issue.Message);
        Assert.Equal(["sid"], Cookies(result));
    }

    [Fact]
    public void An_unknown_field_beside_the_right_one_still_leaves_the_entry_out()
    {
        // The entry reads fine otherwise, but a typo in an optional field may be a field meant to restrict it.
        var result = Read(Manifest("""
            "storage": [
              { "key": "draft", "area": "local", "category": "necessary", "purpse": "Keeps a draft" },
              { "key": "theme", "area": "local", "category": "necessary" }
            ]
            """));

        Assert.Single(result.Issues);
        Assert.Equal(["theme"], result.SoundPart.Storage.Select(s => s.Key));
    }

    [Fact]
    public void A_broken_category_leaves_out_itself_and_every_entry_in_it()
    {
        var result = Read(Manifest(
            """
            "cookies": [ { "name": "_ga", "category": "analytics" }, { "name": "sid", "category": "necessary" } ],
            "trackers": [ { "use": "google-analytics", "category": "analytics" }, { "use": "meta-pixel", "category": "advertising" } ]
            """,
            categories: """
            "necessary": { "title": "Strictly Necessary", "essential": true },
            "analytics": { "titel": "Analytics" },
            "advertising": { "title": "Advertising" }
            """));

        var issue = Assert.Single(result.Issues);
        Assert.EndsWith(" Until this is fixed, the generated code leaves out category 'analytics' and every entry in it.", issue.Message,
            StringComparison.Ordinal);
        Assert.Equal(["necessary", "advertising"], Categories(result));
        Assert.Equal(["sid"], Cookies(result));
        Assert.Equal(["meta-pixel"], result.SoundPart.Trackers.Select(t => t.Value));
    }

    [Fact]
    public void A_category_declared_twice_is_left_out_in_both_places()
    {
        // Which title, and whether it is essential, cannot be told: neither declaration is used.
        var result = Read("""
            {
              "version": 1,
              "categories": {
                "necessary": { "title": "Strictly Necessary", "essential": true },
                "analytics": { "title": "Analytics" },
                "analytics": { "title": "Analytics", "essential": true }
              },
              "cookies": [ { "name": "_ga", "category": "analytics" }, { "name": "sid", "category": "necessary" } ]
            }
            """);

        Assert.Equal("CG0004", Assert.Single(result.Issues).RuleId);
        Assert.Equal(["necessary"], Categories(result));
        Assert.Equal(["sid"], Cookies(result));
    }

    [Theory]
    [InlineData("analytics", new[] { "_ga" })]
    [InlineData("advertising", new string[0])]
    public void A_cookie_declared_twice_keeps_the_first_only_when_both_agree_on_the_category(string secondCategory, string[] generated)
    {
        var result = Read(Manifest($$"""
            "cookies": [ { "name": "_ga", "category": "analytics" }, { "name": "_ga", "category": "{{secondCategory}}" } ]
            """));

        Assert.EndsWith(EntryLeftOut, Assert.Single(result.Issues).Message, StringComparison.Ordinal);
        Assert.Equal(generated, Cookies(result));
    }

    [Fact]
    public void Overlapping_patterns_in_different_categories_are_both_left_out()
    {
        var result = Read(Manifest("""
            "cookies": [
              { "name": "_gcl_*", "category": "advertising" },
              { "name": "_gcl_au", "category": "analytics" },
              { "name": "_ga", "category": "analytics" },
              { "name": "*", "category": "necessary" }
            ]
            """));

        Assert.Equal(["CG0004", "CG0004"], result.Issues.Select(i => i.RuleId));
        Assert.Equal(["_ga"], Cookies(result));
    }

    [Fact]
    public void Duplicate_trackers_and_guards_follow_the_same_rule()
    {
        var result = Read(Manifest("""
            "trackers": [
              { "use": "google-analytics", "category": "analytics" },
              { "use": "google-analytics", "category": "advertising" },
              { "use": "meta-pixel", "category": "advertising" },
              { "use": "meta-pixel", "category": "advertising" }
            ],
            "guards": [ { "api": "Shop.Consent.Allowed", "category": "analytics" }, { "api": "Shop.Consent.Allowed", "category": "analytics" } ]
            """));

        Assert.Equal(3, result.Issues.Length);
        Assert.Equal(["meta-pixel"], result.SoundPart.Trackers.Select(t => t.Value));
        Assert.Equal(["Shop.Consent.Allowed"], result.SoundPart.Guards.Select(g => g.Api));
    }

    [Fact]
    public void A_section_of_the_wrong_shape_leaves_out_that_section_only()
    {
        var result = Read(Manifest("""
            "cookies": { "name": "_ga", "category": "analytics" },
            "storage": [ { "key": "draft", "area": "local", "category": "necessary" }, "theme" ]
            """));

        Assert.Equal(
            ["'cookies' must be an array of entry objects, not an object. Until this is fixed, the generated code leaves out 'cookies'.",
                "Each entry of 'storage' must be an object, not a string." + EntryLeftOut],
            result.Issues.Select(i => i.Message));
        Assert.Empty(result.SoundPart.Cookies);
        Assert.Equal(["draft"], result.SoundPart.Storage.Select(s => s.Key));
    }

    [Fact]
    public void An_unknown_top_level_field_leaves_nothing_out()
    {
        var result = Read(Manifest("""
            "cookies": [ { "name": "_ga", "category": "analytics" } ],
            "trackres": []
            """));

        Assert.Equal(
            "Unknown field 'trackres' in the manifest. Did you mean 'trackers'? Known fields: " +
            "$schema, version, categories, cookies, storage, trackers, guards.", Assert.Single(result.Issues).Message);
        Assert.Equal(["_ga"], Cookies(result));
    }

    [Theory]
    [InlineData("""{ "categories": { "a": { "title": "A" } }, "cookies": [ { "name": "x", "category": "a" } ] }""")]
    [InlineData("""{ "version": 2, "categories": { "a": { "title": "A" } }, "cookies": [ { "name": "x", "category": "a" } ] }""")]
    [InlineData("""{ "version": 1, "cookies": [ { "name": "x", "category": "a" } ] }""")]
    [InlineData("""{ "version": 1, "categories": { "a": { "title": "A" } }, "categories": {}, "cookies": [ { "name": "x", "category": "a" } ] }""")]
    [InlineData("""[ { "version": 1 } ]""")]
    public void Without_a_readable_version_shape_or_categories_everything_is_left_out(string text)
    {
        var result = Read(text);

        Assert.Contains(result.Issues, issue => issue.Message.EndsWith(EverythingLeftOut, StringComparison.Ordinal));
        Assert.Equal(ManifestModel.Empty, result.SoundPart);
    }
}
