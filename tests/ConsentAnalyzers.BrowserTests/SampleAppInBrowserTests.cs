using System.Text.Json;
using Microsoft.Playwright;

namespace ConsentAnalyzers.BrowserTests;

/// <summary>
/// The sample app's cookie policy as a visitor's browser sees it: the real app on Kestrel, a real headless Chromium
/// driving its banner and cookie settings form. Google's tag is a stub (<see cref="GoogleTagStub"/>) that sets the
/// cookies the real one sets: these tests check when the site loads it, not what Google does.
/// </summary>
public sealed class SampleAppInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string AnalyticsTagPrefix = "G-";
    private const string AdvertisingTagPrefix = "AW-";

    [SkippableFact]
    public async Task Before_any_choice_no_Google_tag_loads_and_no_Google_cookie_is_set()
    {
        await using var visitor = await OpenAsync();

        foreach (var path in new[] { "/", "/cookie-policy" })
        {
            await visitor.GotoAsync(path);

            Assert.Empty(visitor.RequestedTagIds);
            Assert.Equal(0, await visitor.Page.Locator("script[src*='googletagmanager.com']").CountAsync());
            Assert.DoesNotContain(await visitor.CookieNamesAsync(), IsGoogleCookie);
        }
    }

    [SkippableFact]
    public async Task Accept_all_in_the_banner_loads_the_analytics_tag_which_sets_ga()
    {
        await using var visitor = await OpenAsync();
        await visitor.GotoAsync("/");

        await AcceptAllInBannerAsync(visitor);

        Assert.Contains(visitor.RequestedTagIds, id => id.StartsWith(AnalyticsTagPrefix, StringComparison.Ordinal));
        Assert.Contains("_ga", await visitor.CookieNamesAsync());
    }

    [SkippableFact]
    public async Task Reject_all_after_accepting_expires_the_analytics_cookies_and_no_tag_loads_afterwards()
    {
        await using var visitor = await OpenAsync();
        await visitor.GotoAsync("/");
        await AcceptAllInBannerAsync(visitor);
        Assert.Contains(await visitor.CookieNamesAsync(), name => name.StartsWith("_ga_", StringComparison.Ordinal));

        await visitor.GotoAsync("/cookie-policy#settings");
        visitor.ForgetTagRequests();
        var rejection = await visitor.SubmitAsync(visitor.Page.Locator("#settings").GetByRole(AriaRole.Button, new() { Name = "Reject all" }));
        await visitor.GotoAsync("/");

        // Only the consent endpoint's response can have removed them: nothing on the page runs the tag any more.
        var left = (await visitor.CookieNamesAsync()).Where(IsAnalyticsCookie).ToArray();
        Assert.True(
            left.Length == 0,
            $"After Reject all the browser still has {string.Join(", ", left)}. The response to the consent form set: "
            + string.Join(" | ", await rejection.HeaderValuesAsync("set-cookie")));
        Assert.Empty(visitor.RequestedTagIds);
    }

    [SkippableFact]
    public async Task With_Global_Privacy_Control_accept_all_turns_analytics_on_and_advertising_stays_off()
    {
        await using var visitor = await OpenAsync(globalPrivacyControl: true);
        await visitor.GotoAsync("/");

        await AcceptAllInBannerAsync(visitor);

        Assert.Contains(visitor.RequestedTagIds, id => id.StartsWith(AnalyticsTagPrefix, StringComparison.Ordinal));
        Assert.DoesNotContain(visitor.RequestedTagIds, id => id.StartsWith(AdvertisingTagPrefix, StringComparison.Ordinal));
        var cookies = await visitor.CookieNamesAsync();
        Assert.Contains("_ga", cookies);
        Assert.DoesNotContain(cookies, name => name.StartsWith("_gcl_", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task The_policy_page_lists_exactly_the_manifest_cookies_and_storage_keys_with_their_max_age()
    {
        await using var visitor = await OpenAsync();
        await visitor.GotoAsync("/cookie-policy");

        // Razor leaves out an attribute whose value is null, so a row without data-lifetime reads as "" too.
        var rows = await visitor.Page.EvaluateAsync<string[][]>("""
            () => Array.from(document.querySelectorAll('tr[data-name]'),
                row => [row.getAttribute('data-name'), row.getAttribute('data-lifetime') ?? ''])
            """);

        Assert.True(rows.Length > 0, "The policy page has no <tr data-name=\"…\" data-lifetime=\"…\"> rows.");
        var declared = ConsentManifestFile.DeclaredLifetimes();
        Assert.Equal(declared.Keys.Order(StringComparer.Ordinal), rows.Select(row => row[0]).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            Assert.True(declared[row[0]] == row[1], $"{row[0]}: the page shows data-lifetime '{row[1]}', the manifest maxAge '{declared[row[0]]}'.");
        }
    }

    [SkippableFact]
    public async Task Consent_Mode_defaults_to_denied_before_any_tag_config_and_accepting_updates_it_to_granted()
    {
        await using var visitor = await OpenAsync();
        await visitor.GotoAsync("/");

        var before = await visitor.DataLayerAsync();
        var defaults = IndexOfConsentCommand(before, "default");
        Assert.True(defaults >= 0, "No gtag('consent', 'default', …) in window.dataLayer: " + Describe(before));
        Assert.Equal("denied", ConsentModeValue(before[defaults], "analytics_storage"));
        Assert.True(defaults < IndexOfFirstConfig(before), "A gtag('config', …) comes before the consent default: " + Describe(before));

        await AcceptAllInBannerAsync(visitor);

        var after = await visitor.DataLayerAsync();
        var defaultsAfter = IndexOfConsentCommand(after, "default");
        Assert.True(
            defaultsAfter >= 0 && defaultsAfter < IndexOfFirstConfig(after),
            "No gtag('consent', 'default', …) before every gtag('config', …): " + Describe(after));
        Assert.Contains(after, entry => IsConsentCommand(entry, "update") && ConsentModeValue(entry, "analytics_storage") == "granted");
    }

    private async Task<BrowserSession> OpenAsync(bool globalPrivacyControl = false)
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        return await browser.NewSessionAsync(globalPrivacyControl);
    }

    private static Task AcceptAllInBannerAsync(BrowserSession visitor) =>
        visitor.SubmitAsync(visitor.Page.Locator(".consent-banner").GetByRole(AriaRole.Button, new() { Name = "Accept all" }));

    private static bool IsAnalyticsCookie(string name) => name == "_ga" || name.StartsWith("_ga_", StringComparison.Ordinal);

    private static bool IsGoogleCookie(string name) => IsAnalyticsCookie(name) || name.StartsWith("_gcl_", StringComparison.Ordinal);

    private static bool IsConsentCommand(JsonElement entry, string command) =>
        entry.ValueKind == JsonValueKind.Array && entry.GetArrayLength() >= 3
        && entry[0].ValueKind == JsonValueKind.String && entry[0].GetString() == "consent"
        && entry[1].ValueKind == JsonValueKind.String && entry[1].GetString() == command;

    private static int IndexOfConsentCommand(JsonElement[] dataLayer, string command) =>
        Array.FindIndex(dataLayer, entry => IsConsentCommand(entry, command));

    /// <summary>The first <c>gtag('config', …)</c>, or the length of the data layer when there is none.</summary>
    private static int IndexOfFirstConfig(JsonElement[] dataLayer)
    {
        var index = Array.FindIndex(dataLayer, entry => entry.ValueKind == JsonValueKind.Array && entry.GetArrayLength() > 0
            && entry[0].ValueKind == JsonValueKind.String && entry[0].GetString() == "config");
        return index < 0 ? dataLayer.Length : index;
    }

    private static string? ConsentModeValue(JsonElement consentCommand, string type) =>
        consentCommand[2].ValueKind == JsonValueKind.Object && consentCommand[2].TryGetProperty(type, out var value) ? value.ToString() : null;

    private static string Describe(JsonElement[] dataLayer) => JsonSerializer.Serialize(dataLayer);
}
