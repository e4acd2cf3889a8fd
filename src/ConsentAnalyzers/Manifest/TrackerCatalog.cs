using System.Collections.Immutable;

namespace ConsentAnalyzers.Manifest;

/// <summary>One built-in tracker: how a manifest names it, and how the analyzers recognize its use in code.</summary>
/// <param name="Id">The id a manifest declares with <c>"use"</c>.</param>
/// <param name="Purpose">What the tracker is for: which kind of consent category it usually belongs in.</param>
/// <param name="DisplayName">The provider's name, for messages and the generated metadata.</param>
/// <param name="Apis">Tracking members, as Namespace.Type.Member patterns ('*' for any run of characters).</param>
/// <param name="Urls">Collection endpoints and script URLs, as patterns (lower case, https).</param>
/// <param name="JsFunctions">JavaScript functions called through JS interop, as patterns.</param>
internal sealed record CatalogTracker(string Id, TrackerPurpose Purpose, string DisplayName, ImmutableArray<string> Apis, ImmutableArray<string> Urls,
    ImmutableArray<string> JsFunctions);

/// <summary>
/// What a built-in tracker is for. The manifest decides its category; this only lets the "declare in the manifest"
/// fix offer the likely category first (the Meta pixel as advertising, not as the first category the manifest lists).
/// </summary>
internal enum TrackerPurpose
{
    Analytics,
    Advertising,
}

/// <summary>
/// The built-in trackers a manifest can declare with <c>"use"</c>. This is data: adding a tracker is adding an
/// entry. Teams extend it for their own code with the manifest's <c>api</c> and <c>url</c> trackers.
/// </summary>
internal static class TrackerCatalog
{
    public static readonly ImmutableArray<CatalogTracker> Entries = ImmutableArray.Create(
        Tracker(
            "google-analytics",
            TrackerPurpose.Analytics,
            "Google Analytics",
            apis: [],
            urls: ["https://www.google-analytics.com/*", "https://*.google-analytics.com/*", "https://www.googletagmanager.com/gtag/js?id=g-*",
                "https://www.googletagmanager.com/gtag/js?id=ua-*", "https://analytics.google.com/*"],
            js: ["ga"]),
        Tracker(
            "google-tag-manager",
            TrackerPurpose.Analytics,
            "Google Tag Manager",
            apis: [],
            urls: ["https://www.googletagmanager.com/gtm.js*", "https://www.googletagmanager.com/ns.html*"],
            js: ["dataLayer.push"]),
        Tracker(
            "google-ads",
            TrackerPurpose.Advertising,
            "Google Ads",
            apis: [],
            urls: ["https://www.googleadservices.com/*", "https://googleads.g.doubleclick.net/*", "https://www.googletagmanager.com/gtag/js?id=aw-*",
                "https://ad.doubleclick.net/*"],
            js: []),
        Tracker(
            "application-insights",
            TrackerPurpose.Analytics,
            "Azure Application Insights",
            apis: ["Microsoft.ApplicationInsights.TelemetryClient.Track*", "Microsoft.ApplicationInsights.AspNetCore.JavaScriptSnippet.FullScript",
                "Microsoft.ApplicationInsights.AspNetCore.JavaScriptSnippet.ScriptBody"],
            urls: ["https://dc.services.visualstudio.com/*", "https://*.applicationinsights.azure.com/*", "https://js.monitor.azure.com/*",
                "https://az416426.vo.msecnd.net/*"],
            js: ["appInsights.track*"]),
        Tracker(
            "meta-pixel",
            TrackerPurpose.Advertising,
            "Meta Pixel and Conversions API",
            apis: [],
            urls: ["https://connect.facebook.net/*", "https://www.facebook.com/tr*", "https://graph.facebook.com/*/events*"],
            js: ["fbq"]),
        Tracker(
            "segment",
            TrackerPurpose.Analytics,
            "Segment",
            apis: ["Segment.Analytics.Track", "Segment.Analytics.Page", "Segment.Analytics.Identify", "Segment.Client.Track", "Segment.Client.Page",
                "Segment.Client.Identify"],
            urls: ["https://api.segment.io/*", "https://cdn.segment.com/*"],
            js: ["analytics.track", "analytics.page", "analytics.identify"]),
        Tracker(
            "mixpanel",
            TrackerPurpose.Analytics,
            "Mixpanel",
            apis: ["Mixpanel.MixpanelClient.Track*", "Mixpanel.MixpanelClient.People*"],
            urls: ["https://api.mixpanel.com/*", "https://api-js.mixpanel.com/*", "https://cdn.mxpnl.com/*"],
            js: ["mixpanel.track*", "mixpanel.identify"]),
        Tracker(
            "posthog",
            TrackerPurpose.Analytics,
            "PostHog",
            apis: ["PostHog.PostHogClient.Capture*", "PostHog.IPostHogClient.Capture*"],
            urls: ["https://*.posthog.com/*"],
            js: ["posthog.capture", "posthog.identify"]),
        Tracker(
            "matomo",
            TrackerPurpose.Analytics,
            "Matomo",
            apis: [],
            urls: ["*/matomo.php*", "*/matomo.js*", "*/piwik.php*", "*/piwik.js*", "https://*.matomo.cloud/*"],
            js: ["_paq.push"]),
        Tracker(
            "plausible",
            TrackerPurpose.Analytics,
            "Plausible Analytics",
            apis: [],
            urls: ["https://plausible.io/*"],
            js: ["plausible"]),
        Tracker(
            "hotjar",
            TrackerPurpose.Analytics,
            "Hotjar",
            apis: [],
            urls: ["https://static.hotjar.com/*", "https://*.hotjar.com/*", "https://*.hotjar.io/*"],
            js: ["hj"]),
        Tracker(
            "microsoft-clarity",
            TrackerPurpose.Analytics,
            "Microsoft Clarity",
            apis: [],
            urls: ["https://www.clarity.ms/*", "https://*.clarity.ms/*"],
            js: ["clarity"]),
        Tracker(
            "tiktok",
            TrackerPurpose.Advertising,
            "TikTok Pixel",
            apis: [],
            urls: ["https://analytics.tiktok.com/*", "https://business-api.tiktok.com/*"],
            js: ["ttq.track", "ttq.page", "ttq.identify"]),
        Tracker(
            "linkedin",
            TrackerPurpose.Advertising,
            "LinkedIn Insight Tag",
            apis: [],
            urls: ["https://snap.licdn.com/*", "https://px.ads.linkedin.com/*"],
            js: ["lintrk"]));

    /// <summary>
    /// gtag.js and its <c>gtag(…)</c> function serve Google Analytics and Google Ads alike: which one a call is for
    /// shows in its measurement id (<c>G-…</c>/<c>UA-…</c> for Analytics, <c>AW-…</c> for Ads), when it has one.
    /// </summary>
    public const string GoogleTagFunction = "gtag";

    public const string GoogleTagScript = "https://www.googletagmanager.com/gtag/js*";

    public static string? DisplayName(string id) => Find(id)?.DisplayName;

    public static CatalogTracker? Find(string id)
    {
        foreach (var entry in Entries)
        {
            if (entry.Id == id)
            {
                return entry;
            }
        }

        return null;
    }

    private static CatalogTracker Tracker(string id, TrackerPurpose purpose, string displayName, string[] apis, string[] urls, string[] js) =>
        new(id, purpose, displayName, apis.ToImmutableArray(), urls.ToImmutableArray(), js.ToImmutableArray());
}
