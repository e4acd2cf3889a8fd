using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Tests.Manifest;

/// <summary>The fields for lifetimes, removal and the consent frameworks: maxAge, domain, path, refresh, consentMode, tcfPurposes.</summary>
public partial class ManifestReaderTests
{
    private static ManifestModel Model(string text) => ManifestReader.Read(SourceText.From(text)).Model
        ?? throw new InvalidOperationException(string.Join("\n", Issues(text).Select(issue => issue.Message)));

    private static string WithCategories(string categories) => $$"""
        {
          "version": 1,
          "categories": { {{categories}} }
        }
        """;

    [Fact]
    public void Reads_lifetimes_domain_path_and_refresh_of_cookies_and_storage()
    {
        var model = Model(Manifest("""
            "cookies": [
              { "name": "_ga", "category": "analytics", "duration": "13 months", "maxAge": "P13M", "domain": ".example.com", "path": "/",
                "refresh": true },
              { "name": "sid", "category": "necessary", "maxAge": "session", "path": "/account" },
              { "name": "plain", "category": "necessary" },
            ],
            "storage": [ { "key": "draft", "area": "local", "category": "analytics", "maxAge": "P30D" } ]
            """));

        var ga = model.Cookies[0];
        Assert.Equal(("P13M", ".example.com", "/", true), (ga.MaxAge!.ToString(), ga.Domain, ga.Path, ga.Refresh));
        Assert.Equal("13 months", ga.Duration);
        Assert.True(model.Cookies[1].MaxAge!.IsSession);
        Assert.Equal(("/account", null as string, false), (model.Cookies[1].Path, model.Cookies[1].Domain, model.Cookies[1].Refresh));
        Assert.Equal((null as Lifetime, null as string, null as string, false),
            (model.Cookies[2].MaxAge, model.Cookies[2].Domain, model.Cookies[2].Path, model.Cookies[2].Refresh));
        Assert.Equal("P30D", model.Storage[0].MaxAge!.ToString());
    }

    [Fact]
    public void Reads_Consent_Mode_types_and_TCF_purposes_of_categories()
    {
        var model = Model(WithCategories("""
            "analytics": { "title": "Analytics", "consentMode": ["analytics_storage"], "tcfPurposes": [1, 8, 9] },
            "advertising": { "title": "Ads", "consentMode": ["ad_storage", "ad_user_data", "ad_personalization"], "tcfPurposes": [1, 2, 7] },
            "necessary": { "title": "Necessary", "essential": true }
            """));

        Assert.Equal(["analytics_storage"], model.Categories[0].ConsentModeTypes);
        Assert.Equal([1, 8, 9], model.Categories[0].TcfPurposes);
        Assert.Equal(["ad_storage", "ad_user_data", "ad_personalization"], model.Categories[1].ConsentModeTypes);
        Assert.Empty(model.Categories[2].ConsentModeTypes);
        Assert.Empty(model.Categories[2].TcfPurposes);
    }

    [Theory]
    [InlineData("""  "cookies": [{ "name": "_ga", "category": "analytics", "maxAge": "13 months" }]  """, "\"13 months\"",
        "'maxAge' of the cookie entry: '13 months' is not a lifetime: use \"session\" or an ISO-8601 duration in whole units, such as " +
        "\"P13M\" (13 months), \"P1Y\", \"P90D\", \"P2W\" or \"PT30M\" (30 minutes).")]
    [InlineData("""  "cookies": [{ "name": "_ga", "category": "analytics", "maxAge": "P0D" }]  """, "\"P0D\"",
        "'maxAge' of the cookie entry: 'P0D' is a lifetime of zero: a cookie that lives until the browser closes is \"session\".")]
    [InlineData("""  "cookies": [{ "name": "_ga", "category": "analytics", "maxAge": 13 }]  """, "13", "'maxAge'")]
    [InlineData("""  "storage": [{ "key": "k", "area": "local", "category": "analytics", "maxAge": "P1.5Y" }]  """, "\"P1.5Y\"",
        "'maxAge' of the storage entry: 'P1.5Y' is not a lifetime")]
    [InlineData("""  "cookies": [{ "name": "_ga", "category": "analytics", "domain": "https://example.com" }]  """, "\"https://example.com\"",
        "'domain' of the cookie entry must be a host name such as \"example.com\", or \".example.com\" for a cookie set on the parent domain, " +
        "not 'https://example.com'.")]
    [InlineData("""  "cookies": [{ "name": "_ga", "category": "analytics", "domain": "example..com" }]  """, "\"example..com\"", "'domain'")]
    [InlineData("""  "cookies": [{ "name": "_ga", "category": "analytics", "path": "account" }]  """, "\"account\"",
        "'path' of the cookie entry must start with '/' and hold no space, control character or ';', not 'account'.")]
    [InlineData("""  "cookies": [{ "name": "_ga", "category": "analytics", "path": "/a;b" }]  """, "\"/a;b\"", "'path'")]
    [InlineData("""  "cookies": [{ "name": "_ga", "category": "analytics", "path": "/a b" }]  """, "\"/a b\"", "'path'")]
    [InlineData("""  "cookies": [{ "name": "_ga", "category": "analytics", "refresh": "yes" }]  """, "\"yes\"",
        "'refresh' of the cookie entry must be true or false, not a string.")]
    public void Lifetime_and_removal_field_errors_are_CG0003_at_the_value(string sections, string spanned, string message)
    {
        var issue = Single(Manifest(sections));

        Assert.Equal(("CG0003", spanned), (issue.Id, issue.Spanned));
        Assert.Contains(message, issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(""" "a": { "title": "A", "consentMode": "analytics_storage" } """, "\"analytics_storage\"", "CG0003",
        "'consentMode' of category 'a' must be an array of strings such as [\"ad_storage\"], not a string.")]
    [InlineData(""" "a": { "title": "A", "consentMode": ["analytic_storage"] } """, "\"analytic_storage\"", "CG0003",
        "Unknown Consent Mode type 'analytic_storage'. Did you mean 'analytics_storage'? Known Consent Mode types: ad_storage, ad_user_data, " +
        "ad_personalization, analytics_storage, functionality_storage, personalization_storage, security_storage.")]
    [InlineData(""" "a": { "title": "A", "consentMode": [7] } """, "7", "CG0003", "Each Consent Mode type must be a string, not a number.")]
    [InlineData(""" "a": { "title": "A", "consentMode": ["ad_storage", "ad_storage"] } """, "\"ad_storage\"", "CG0004",
        "Consent Mode type 'ad_storage' is listed twice.")]
    [InlineData(""" "a": { "title": "A", "consentMode": ["ad_storage"] }, "b": { "title": "B", "consentMode": ["ad_storage"] } """,
        "\"ad_storage\"", "CG0004",
        "Consent Mode type 'ad_storage' is already mapped to category 'a': each type follows the consent for one category.")]
    [InlineData(""" "a": { "title": "A", "tcfPurposes": 1 } """, "1", "CG0003",
        "'tcfPurposes' of category 'a' must be an array of TCF purpose numbers such as [1, 8], not a number.")]
    [InlineData(""" "a": { "title": "A", "tcfPurposes": [12] } """, "12", "CG0003",
        "A TCF purpose is a whole number from 1 to 11 (TCF v2.2), not 12.")]
    [InlineData(""" "a": { "title": "A", "tcfPurposes": [0] } """, "0", "CG0003", "not 0.")]
    [InlineData(""" "a": { "title": "A", "tcfPurposes": [1.5] } """, "1.5", "CG0003", "not 1.5.")]
    [InlineData(""" "a": { "title": "A", "tcfPurposes": ["1"] } """, "\"1\"", "CG0003", "not a string.")]
    [InlineData(""" "a": { "title": "A", "tcfPurposes": [1, 1] } """, "1", "CG0004", "TCF purpose 1 is listed twice.")]
    public void Consent_framework_field_errors_are_at_the_value(string categories, string spanned, string rule, string message)
    {
        var issue = Single(WithCategories(categories));

        Assert.Equal((rule, spanned), (issue.Id, issue.Spanned));
        Assert.Contains(message, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_TCF_purpose_is_reported_at_the_repeat()
    {
        var issue = Single(WithCategories(""" "a": { "title": "A", "tcfPurposes": [1, 2, 1] } """));

        Assert.Equal((3, 63), (issue.Line, issue.Column));
    }
}
