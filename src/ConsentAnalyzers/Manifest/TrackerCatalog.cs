using System.Collections.Immutable;

namespace ConsentAnalyzers.Manifest;

/// <summary>
/// The built-in trackers a manifest can declare with <c>"use"</c>: catalog id and display name. The analyzers match
/// each one by API symbol, endpoint URL and JS-interop identifier.
/// </summary>
internal static class TrackerCatalog
{
    public static readonly ImmutableArray<(string Id, string DisplayName)> Entries = ImmutableArray.Create(
        ("google-analytics", "Google Analytics"),
        ("google-tag-manager", "Google Tag Manager"),
        ("google-ads", "Google Ads"),
        ("application-insights", "Azure Application Insights"),
        ("meta-pixel", "Meta Pixel and Conversions API"),
        ("segment", "Segment"),
        ("mixpanel", "Mixpanel"),
        ("posthog", "PostHog"),
        ("matomo", "Matomo"),
        ("plausible", "Plausible Analytics"),
        ("hotjar", "Hotjar"),
        ("microsoft-clarity", "Microsoft Clarity"),
        ("tiktok", "TikTok Pixel"),
        ("linkedin", "LinkedIn Insight Tag"));

    public static string? DisplayName(string id)
    {
        foreach (var entry in Entries)
        {
            if (entry.Id == id)
            {
                return entry.DisplayName;
            }
        }

        return null;
    }
}
