using System.Collections.Generic;
using System.Linq;
using AIMusicGens.Web.Consent;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AIMusicGens.Web.Pages;

/// <summary>The cookie policy page: the categories, cookies and storage keys of <see cref="ConsentManifest"/>, and the visitor's status.</summary>
internal sealed class CookiePolicyModel(ConsentService consent) : PageModel
{
    public IReadOnlyList<PolicySection> Sections { get; private set; } = [];

    public IReadOnlyList<OptOutNotice> OptOutNotices { get; private set; } = [];

    public void OnGet()
    {
        Sections = ConsentManifest.Categories.Select(category => new PolicySection(
            category,
            StatusOf(category),
            RowsOf(category.Category),
            ConsentManifest.Trackers.Where(t => t.Category == category.Category).Select(t => t.Provider ?? t.Value).ToArray())).ToArray();

        // Grouped by signal rather than hard-coded to GPC and advertising: the manifest says which category honours what.
        OptOutNotices = ConsentManifest.Categories
            .Select(category => (category.Title, Signal: consent.OptedOutBy(category.Category)))
            .Where(entry => entry.Signal is not null)
            .GroupBy(entry => entry.Signal!)
            .Select(group => new OptOutNotice(ConsentOptOutSignals.DisplayName(group.Key), group.Select(entry => entry.Title).ToArray()))
            .ToArray();
    }

    private string StatusOf(ConsentCategoryInfo category)
    {
        if (category.IsEssential)
        {
            return "Always on";
        }

        if (consent.OptedOutBy(category.Category) is { } signal)
        {
            return "Off (" + ConsentOptOutSignals.DisplayName(signal) + ")";
        }

        return consent.IsGranted(category.Category) ? "On"
            : consent.Choices[category.Category] is null ? "Off until you choose"
            : "Off";
    }

    private static IReadOnlyList<PolicyRow> RowsOf(ConsentCategory category) =>
        ConsentManifest.Cookies
            .Where(cookie => cookie.Category == category)
            .Select(cookie => new PolicyRow(cookie.Name, "Cookie", cookie.Provider, cookie.Purpose, cookie.Duration, cookie.Lifetime,
                cookie.LifetimeDescription))
            .Concat(ConsentManifest.StorageKeys
                .Where(key => key.Category == category)
                .Select(key => new PolicyRow(key.Key, key.Area == ConsentStorageArea.Local ? "Local storage" : "Session storage", key.Provider,
                    key.Purpose, key.Duration, key.Lifetime, key.LifetimeDescription)))
            .ToArray();
}

/// <summary>One category of the policy with its rows and the visitor's status.</summary>
internal sealed record PolicySection(ConsentCategoryInfo Category, string Status, IReadOnlyList<PolicyRow> Rows, IReadOnlyList<string> Services);

/// <summary>A cookie or storage key as the policy table shows it.</summary>
/// <param name="Lifetime">The declared <c>maxAge</c> as the manifest writes it (<c>P13M</c>, <c>session</c>), or <c>null</c>.</param>
/// <param name="LifetimeDescription">The same in words (<c>13 months</c>), or <c>null</c>.</param>
internal sealed record PolicyRow(string Name, string Type, string? Provider, string? Purpose, string? Duration, string? Lifetime,
    string? LifetimeDescription)
{
    /// <summary>"13 months", "The browser session", or "Not fixed" when the manifest declares no maxAge (the provider decides).</summary>
    public string LifetimeText => LifetimeDescription is { Length: > 0 } text ? char.ToUpperInvariant(text[0]) + text[1..] : "Not fixed";
}

/// <summary>An opt-out signal the browser sent and the categories it turned off.</summary>
internal sealed record OptOutNotice(string Signal, IReadOnlyList<string> Categories);
