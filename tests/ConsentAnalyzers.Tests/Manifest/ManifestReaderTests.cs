using ConsentAnalyzers.Common;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Tests.Manifest;

public partial class ManifestReaderTests
{
    private const string Categories = """
        "categories": {
          "necessary": { "title": "Strictly Necessary", "essential": true },
          "analytics": { "title": "Analytics" },
          "advertising": { "title": "Advertising", "optOutSignals": ["gpc"] }
        }
        """;

    private static string Manifest(string sections) => $$"""
        {
          "version": 1,
          {{Categories}}{{(sections.Length > 0 ? "," : "")}}
          {{sections}}
        }
        """;

    private sealed record Issue(string Id, int Line, int Column, string Spanned, string Message);

    private static List<Issue> Issues(string text)
    {
        var source = SourceText.From(text);
        var result = ManifestReader.Read(source);
        Assert.Equal(result.Issues.IsEmpty, result.Model is not null);
        return result.Issues.Select(issue =>
        {
            var position = source.Lines.GetLinePosition(issue.Span.Start);
            return new Issue(issue.RuleId, position.Line + 1, position.Character + 1, source.ToString(issue.Span), issue.Message);
        }).ToList();
    }

    private static Issue Single(string text) => Assert.Single(Issues(text));

    [Fact]
    public void Reads_a_complete_manifest_into_the_model()
    {
        var text = Manifest("""
            "cookies": [
              { "name": "_ga", "category": "analytics", "provider": "Google Analytics", "purpose": "Measure use", "duration": "2 years" },
              { "name": "sb-*", "category": "necessary" },
            ],
            "storage": [ { "key": "landing_page", "area": "session", "category": "analytics" } ],
            "trackers": [
              { "use": "google-analytics", "category": "analytics" },
              { "api": "MyApp.Telemetry.Tracker.Send*", "category": "analytics", "provider": "In-house" },
              { "url": "https://collect.example.com/*", "category": "analytics" },
            ],
            "guards": [
              { "api": "Shop.Privacy.IConsentManager.IsAllowedAsync", "arguments": { "Shop.Privacy.CookieType.Analytics": "analytics" } },
              { "api": "Shop.Privacy.IConsentManager.AnalyticsAllowed", "category": "analytics" },
              { "script": "window.consent.has", "arguments": { "analytics": "analytics" } },
              { "script": "siteConsent.analytics", "category": "analytics" },
              { "script": "consent.whenGranted", "callback": true, "arguments": { "ads": "advertising" } },
            ]
            """);

        var model = ManifestReader.Read(SourceText.From(text)).Model;

        Assert.NotNull(model);
        Assert.Equal(["necessary", "analytics", "advertising"], model.Categories.Select(c => c.Id));
        Assert.True(model.Categories[0].IsEssential);
        Assert.Equal(["gpc"], model.Categories[2].OptOutSignals);
        Assert.Equal(new CookieEntry("_ga", "analytics", "Google Analytics", "Measure use", "2 years"), model.Cookies[0]);
        Assert.True(model.Cookies[1].IsPattern);
        Assert.Equal(new StorageEntry("landing_page", StorageArea.Session, "analytics", null, null, null), model.Storage[0]);
        Assert.Equal([TrackerKind.Catalog, TrackerKind.Api, TrackerKind.Url], model.Trackers.Select(t => t.Kind));
        Assert.Equal("Google Analytics", model.Trackers[0].Provider);
        Assert.Equal("In-house", model.Trackers[1].Provider);
        Assert.Equal("analytics", model.Guards[0].Arguments.Single().Category);
        Assert.Equal("analytics", model.Guards[1].Category);
        Assert.Equal(2, model.Guards.Count);
        Assert.Equal(
            [
                new ScriptGuardEntry("consent.has", null, new[] { new GuardArgument("analytics", "analytics") }.ToEquatableArray(), false),
                new ScriptGuardEntry("siteConsent.analytics", "analytics", EquatableArray<GuardArgument>.Empty, false),
                new ScriptGuardEntry("consent.whenGranted", null, new[] { new GuardArgument("ads", "advertising") }.ToEquatableArray(), true),
            ],
            model.ScriptGuards);
    }

    [Fact]
    public void The_model_ignores_formatting_so_the_generator_caches_across_reformatting()
    {
        var compact = ManifestReader.Read(SourceText.From(Manifest("""  "cookies": [{ "name": "_ga", "category": "analytics" }]  """))).Model;
        var spacious = ManifestReader.Read(SourceText.From(Manifest("""
              // Google Analytics
              "cookies": [
                {
                  "name": "_ga",
                  "category": "analytics",
                },
              ]
            """).Replace("\n", "\r\n", StringComparison.Ordinal))).Model;

        Assert.Equal(compact, spacious);
    }

    [Fact]
    public void Syntax_error_is_CG0002_and_nothing_else()
    {
        var issue = Single("{\n  \"version\": 1\n  \"categories\": {}\n}");

        Assert.Equal(("CG0002", 3, 3, "\"categories\""), (issue.Id, issue.Line, issue.Column, issue.Spanned));
    }

    [Fact]
    public void Unknown_field_suggests_the_closest_known_one()
    {
        var issue = Single(Manifest("""  "cookies": [{ "name": "_ga", "categry": "analytics", "category": "analytics" }]  """));

        Assert.Equal(("CG0003", "\"categry\""), (issue.Id, issue.Spanned));
        Assert.Contains("Unknown field 'categry' in the cookie entry. Did you mean 'category'?", issue.Message, StringComparison.Ordinal);
        Assert.Contains("Known fields: name, category, provider, purpose, duration, maxAge, domain, path, refresh.", issue.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_category_suggests_and_lists_the_declared_ones()
    {
        var issue = Single(Manifest("""  "cookies": [{ "name": "_ga", "category": "analytic" }]  """));

        Assert.Equal(("CG0003", "\"analytic\""), (issue.Id, issue.Spanned));
        Assert.Equal(
            "Unknown category 'analytic'. Did you mean 'analytics'? Declared categories: necessary, analytics, advertising. " +
            "Until this is fixed, the generated code leaves this entry out.", issue.Message);
    }

    [Fact]
    public void Missing_required_field_points_at_the_entry()
    {
        var issue = Single(Manifest("""  "cookies": [{ "name": "_ga" }]  """));

        Assert.Equal(("CG0003", "{"), (issue.Id, issue.Spanned));
        Assert.Equal("The cookie entry is missing the required field 'category'. Until this is fixed, the generated code leaves this entry out.",
            issue.Message);
    }

    [Theory]
    [InlineData("""{ "categories": {} }""", "{", "missing the required field 'version'")]
    [InlineData("""{ "version": 1 }""", "{", "missing the required field 'categories'")]
    [InlineData("""{ "version": 2, "categories": {} }""", "2", "Unsupported manifest version 2")]
    [InlineData("""{ "version": "1", "categories": {} }""", "\"1\"", "'version' must be the number 1, not a string")]
    [InlineData("""[]""", "[]", "must be a JSON object")]
    [InlineData("""{ "version": 1, "categories": [] }""", "[]", "'categories' must be an object")]
    [InlineData("""{ "version": 1, "categories": { "Analytics": { "title": "A" } } }""", "\"Analytics\"", "Category id 'Analytics' is not valid")]
    [InlineData("""{ "version": 1, "categories": { "a": { } } }""", "{", "Category 'a' is missing the required field 'title'")]
    [InlineData("""{ "version": 1, "categories": { "a": { "title": "A", "essential": "yes" } } }""", "\"yes\"",
        "'essential' of category 'a' must be true or false, not a string")]
    [InlineData("""{ "version": 1, "categories": { "a": { "title": "A", "optOutSignals": ["gcp"] } } }""", "\"gcp\"",
        "Unknown opt-out signal 'gcp'. Did you mean 'gpc'?")]
    [InlineData("""{ "version": 1, "categories": {}, "cookies": {} }""", "{}", "'cookies' must be an array")]
    [InlineData("""{ "version": 1, "categories": {}, "cookies": [ "_ga" ] }""", "\"_ga\"", "Each entry of 'cookies' must be an object, not a string")]
    [InlineData("""{ "version": 1, "categories": {}, "versoin": 1 }""", "\"versoin\"", "Did you mean 'version'?")]
    public void Content_errors_are_CG0003_at_the_offending_token(string text, string spanned, string message)
    {
        var issue = Issues(text).First();

        Assert.Equal(("CG0003", spanned), (issue.Id, issue.Spanned));
        Assert.Contains(message, issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""  "cookies": [{ "name": "", "category": "analytics" }]  """, "\"\"", "'name' must not be empty")]
    [InlineData("""  "cookies": [{ "name": "my cookie", "category": "analytics" }]  """, "\"my cookie\"", "contains a space")]
    [InlineData("""  "cookies": [{ "name": "a;b", "category": "analytics" }]  """, "\"a;b\"", "contains ';'")]
    [InlineData("""  "cookies": [{ "name": 42, "category": "analytics" }]  """, "42", "'name' of the cookie entry must be a string, not a number")]
    [InlineData("""  "storage": [{ "key": "k", "area": "locale", "category": "analytics" }]  """, "\"locale\"",
        "Unknown storage area 'locale'. Did you mean 'local'?")]
    [InlineData("""  "storage": [{ "key": "k", "category": "analytics" }]  """, "{", "missing the required field 'area'")]
    [InlineData("""  "trackers": [{ "use": "google-analytic", "category": "analytics" }]  """, "\"google-analytic\"",
        "Did you mean 'google-analytics'?")]
    [InlineData("""  "trackers": [{ "category": "analytics" }]  """, "{", "needs one of 'use'")]
    [InlineData("""  "trackers": [{ "use": "segment", "url": "https://x/*", "category": "analytics" }]  """, "\"url\"",
        "exactly one of 'use', 'api' or 'url'")]
    [InlineData("""  "trackers": [{ "url": "collect.example.com/*", "category": "analytics" }]  """, "\"collect.example.com/*\"",
        "absolute http(s) URL")]
    [InlineData("""  "trackers": [{ "api": "Send()", "category": "analytics" }]  """, "\"Send()\"", "Namespace.Type.Member")]
    [InlineData("""  "trackers": [{ "api": "https://collect.example.com/*", "category": "analytics" }]  """, "\"https://collect.example.com/*\"",
        "Namespace.Type.Member")]
    [InlineData("""  "trackers": [{ "api": "Send", "category": "analytics" }]  """, "\"Send\"", "Namespace.Type.Member")]
    [InlineData("""  "trackers": [{ "api": "A..B", "category": "analytics" }]  """, "\"A..B\"", "Namespace.Type.Member")]
    [InlineData("""  "guards": [{ "api": "A.B.C" }]  """, "{", "needs 'category'")]
    [InlineData("""  "guards": [{ "api": "A.B.C", "category": "analytics", "arguments": { "X": "analytics" } }]  """, "\"arguments\"", "not both")]
    [InlineData("""  "guards": [{ "api": "A.B.C", "arguments": { "X.Y": "analytic" } }]  """, "\"analytic\"", "Unknown category 'analytic'")]
    [InlineData("""  "guards": [{ "api": "A.B.C", "arguments": { } }]  """, "{ }", "'arguments' is empty")]
    [InlineData("""  "guards": [{ "script": "consent.has" }]  """, "{", "Accepted script guards:")]
    [InlineData("""  "guards": [{ "script": "consent.has('analytics')", "category": "analytics" }]  """, "\"consent.has('analytics')\"",
        "dotted identifiers without parentheses")]
    [InlineData("""  "guards": [{ "script": "consent.*", "category": "analytics" }]  """, "\"consent.*\"", "Accepted script guards:")]
    [InlineData("""  "guards": [{ "script": "consent.has", "api": "A.B.C", "category": "analytics" }]  """, "\"script\"", "not both")]
    [InlineData("""  "guards": [{ "script": "consent.when", "callback": "yes", "category": "analytics" }]  """, "\"yes\"",
        "'callback' must be true or false")]
    [InlineData("""  "guards": [{ "api": "A.B.C", "callback": true, "category": "analytics" }]  """, "\"callback\"",
        "applies to script guards only")]
    [InlineData("""  "guards": [{ "script": "consent.has", "arguments": { "analytics": "analytic" } }]  """, "\"analytic\"",
        "Unknown category 'analytic'")]
    public void Entry_content_errors_are_CG0003_at_the_offending_token(string sections, string spanned, string message)
    {
        var issue = Single(Manifest(sections));

        Assert.Equal(("CG0003", spanned), (issue.Id, issue.Spanned));
        Assert.Contains(message, issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""  "cookies": [{ "name": "_ga", "category": "analytics" }, { "name": "_ga", "category": "analytics" }]  """,
        "'_ga' is declared twice (first at line 8)")]
    [InlineData("""  "cookies": [{ "name": "*", "category": "analytics" }]  """, "matches every name")]
    [InlineData("""  "cookies": [{ "name": "_ga_*", "category": "analytics" }, { "name": "_ga*", "category": "advertising" }]  """,
        "a name such as '_ga_' would match both")]
    [InlineData("""  "cookies": [{ "name": "_gcl_au", "category": "analytics" }, { "name": "_gcl_*", "category": "advertising" }]  """,
        "a name such as '_gcl_au' would match both")]
    [InlineData("""  "cookies": [{ "name": "*_id", "category": "analytics" }, { "name": "ab*", "category": "advertising" }]  """,
        "a name such as 'ab_id' would match both")]
    [InlineData(
        """  "storage": [{ "key": "k", "area": "local", "category": "analytics" }, { "key": "k", "area": "local", "category": "analytics" }]  """,
        "Local-storage key 'k' is declared twice")]
    [InlineData("""  "trackers": [{ "use": "segment", "category": "analytics" }, { "use": "segment", "category": "analytics" }]  """,
        "Tracker 'segment' is declared twice")]
    [InlineData("""  "guards": [{ "api": "A.B.C", "category": "analytics" }, { "api": "A.B.C", "category": "advertising" }]  """,
        "Guard 'A.B.C' is declared twice")]
    [InlineData("""  "guards": [{ "script": "ok", "category": "analytics" }, { "script": "window.ok", "category": "advertising" }]  """,
        "Guard 'ok' is declared twice")]
    [InlineData("""  "cookies": [{ "name": "_ga", "name": "_gb", "category": "analytics" }]  """, "Duplicate field 'name'")]
    public void Conflicts_are_CG0004(string sections, string message)
    {
        var issue = Single(Manifest(sections));

        Assert.Equal("CG0004", issue.Id);
        Assert.Contains(message, issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MyApp.Telemetry.Tracker.Send*")]
    [InlineData("Tracker.Send")]
    [InlineData("*.TelemetryClient.Track*")]
    public void Api_patterns_accept_dotted_identifiers_with_wildcards(string api) =>
        Assert.Empty(Issues(Manifest($$"""  "trackers": [{ "api": "{{api}}", "category": "analytics" }]  """)));

    [Fact]
    public void A_category_id_with_a_trailing_line_break_is_invalid()
    {
        var issue = Single("""{ "version": 1, "categories": { "analytics\n": { "title": "A" } } }""");

        Assert.Equal("CG0003", issue.Id);
        Assert.Contains("Category id 'analytics\\u000A' is not valid", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_readable_categories_only_that_is_reported_not_every_reference()
    {
        var issues = Issues("""
            {
              "version": 1,
              "categories": [ "necessary" ],
              "cookies": [ { "name": "_ga", "category": "analytics" }, { "name": "_gid", "category": "analytics" } ],
            }
            """);

        Assert.Equal(
            "'categories' must be an object keyed by category id, not an array. " +
            "Until this is fixed, the generated code declares no category, cookie, storage key or tracker.", Assert.Single(issues).Message);
    }

    [Fact]
    public void Overlap_is_reported_on_the_later_declaration()
    {
        var issue = Single(Manifest("""
              "cookies": [
                { "name": "_gcl_*", "category": "advertising" },
                { "name": "_gcl_au", "category": "analytics" }
              ]
            """));

        Assert.Equal(("CG0004", "\"_gcl_au\"", 10), (issue.Id, issue.Spanned, issue.Line));
    }

    [Theory]
    [InlineData(
        """  "cookies": [{ "name": "_ga", "category": "analytics" }, { "name": "_ga_*", "category": "analytics" }, { "name": "_gcl_*", "category": "advertising" }]  """)]
    [InlineData("""  "cookies": [{ "name": "_ga*", "category": "analytics" }, { "name": "_ga_*", "category": "analytics" }]  """)]
    [InlineData(
        """  "storage": [{ "key": "k", "area": "local", "category": "analytics" }, { "key": "k", "area": "session", "category": "advertising" }]  """)]
    [InlineData(
        """  "cookies": [{ "name": "a*b", "category": "analytics" }, { "name": "b*a", "category": "advertising" }, { "name": "abc", "category": "advertising" }]  """)]
    public void Compatible_declarations_are_accepted(string sections) => Assert.Empty(Issues(Manifest(sections)));

    [Fact]
    public void Several_independent_errors_are_all_reported_without_cascades()
    {
        var issues = Issues(Manifest("""
              "cookies": [
                { "name": "_ga", "category": "analytic" },
                { "nmae": "_gb", "category": "analytics" }
              ]
            """));

        // The misspelt field leaves the entry without 'name': reported once, as the misspelling, not again as missing.
        Assert.Equal(
            new[] { ("CG0003", "\"analytic\""), ("CG0003", "\"nmae\"") }.OrderBy(i => i.Item2, StringComparer.Ordinal),
            issues.Select(i => (i.Id, i.Spanned)).OrderBy(i => i.Spanned, StringComparer.Ordinal));
    }

    [Fact]
    public void Many_exact_names_and_a_few_patterns_are_checked_quickly()
    {
        var cookies = string.Join(",\n", Enumerable.Range(0, 10_000).Select(i => $$"""{ "name": "c{{i}}", "category": "analytics" }"""));
        var text = Manifest(
            $$"""  "cookies": [{{cookies}}, { "name": "x*", "category": "advertising" }, { "name": "c1*", "category": "analytics" }]  """);

        Assert.Empty(Issues(text));
    }
}
