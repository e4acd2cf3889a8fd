using System.Collections.Immutable;

namespace ConsentAnalyzers.Manifest;

/// <summary>One built-in tracker: how a manifest names it, and how the analyzers recognize its use in code.</summary>
/// <param name="Id">The id a manifest declares with <c>"use"</c>.</param>
/// <param name="Purpose">What the tracker is for: which kind of consent category it usually belongs in.</param>
/// <param name="DisplayName">The provider's name, for messages and the generated metadata.</param>
/// <param name="Apis">Tracking members, as Namespace.Type.Member patterns ('*' for any run of characters).</param>
/// <param name="Urls">
/// Collection endpoints, script URLs and embed URLs, as patterns (lower case, https): what a page loads or a script requests,
/// never a vendor's home or privacy page, so that a link to one is not mistaken for tracking.
/// </param>
/// <param name="JsFunctions">
/// The global JavaScript functions and object methods the vendor's snippet defines, as patterns: called through JS
/// interop or in inline script.
/// </param>
internal sealed record CatalogTracker(string Id, TrackerPurpose Purpose, string DisplayName, ImmutableArray<string> Apis, ImmutableArray<string> Urls,
    ImmutableArray<string> JsFunctions);

/// <summary>
/// What kind of tracker a built-in one is, which says what it is likely for. The manifest decides its category; this
/// only lets the "declare in the manifest" fix offer the likely category first (the Meta pixel as advertising, a chat
/// widget as functional or marketing, not as the first category the manifest lists).
/// </summary>
internal enum TrackerPurpose
{
    /// <summary>Web and product analytics, performance monitoring.</summary>
    Analytics,

    /// <summary>Advertising pixels, conversion APIs and ad networks.</summary>
    Advertising,

    /// <summary>Session recording, replay and heatmaps.</summary>
    SessionRecording,

    /// <summary>Chat widgets and marketing automation.</summary>
    ChatAndMarketing,

    /// <summary>A/B testing and customer data platforms, which forward what they collect to other tools.</summary>
    Experimentation,

    /// <summary>
    /// Third-party content embedded in the page (videos, maps, captchas, fonts): loading it sets the provider's
    /// cookies or storage, or passes the visitor's address on, before anything is clicked.
    /// </summary>
    Embed,
}

/// <summary>
/// The built-in trackers a manifest can declare with <c>"use"</c>. This is data: adding a tracker is adding an
/// entry (and its id to the schema's enum and docs/manifest.md). Teams extend it for their own code with the
/// manifest's <c>api</c> and <c>url</c> trackers. A C# API is listed only where the vendor ships a .NET SDK.
/// </summary>
/// <remarks>
/// youtube-nocookie.com is an entry of its own: the privacy-enhanced player sets no cookie before the video plays, but
/// its frame still writes local storage and sends the visitor's address to Google on load, so it needs a category;
/// a manifest may give it a different one from youtube.com's. Server-to-server calls that carry no visitor's browser
/// state are not listed: reCAPTCHA's and hCaptcha's <c>siteverify</c>, the Maps geocoding and places web services.
/// </remarks>
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
            TrackerPurpose.Experimentation,
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
            TrackerPurpose.SessionRecording,
            "Hotjar",
            apis: [],
            urls: ["https://static.hotjar.com/*", "https://*.hotjar.com/*", "https://*.hotjar.io/*"],
            js: ["hj"]),
        Tracker(
            "microsoft-clarity",
            TrackerPurpose.SessionRecording,
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
            js: ["lintrk"]),

        // Analytics, beyond the first entries above.
        Tracker(
            "amplitude",
            TrackerPurpose.Analytics,
            "Amplitude",
            apis: [],
            urls: ["https://cdn.amplitude.com/*", "https://api2.amplitude.com/*", "https://api.amplitude.com/*", "https://api.eu.amplitude.com/*"],
            js: ["amplitude.init", "amplitude.track", "amplitude.logEvent", "amplitude.identify", "amplitude.setUserId", "amplitude.getInstance"]),
        Tracker(
            "heap",
            TrackerPurpose.Analytics,
            "Heap",
            apis: [],
            urls: ["https://cdn.heapanalytics.com/*", "https://heapanalytics.com/h?*", "https://*.heap-api.com/*"],
            js: ["heap.load", "heap.track", "heap.identify", "heap.addUserProperties"]),
        Tracker(
            "adobe-analytics",
            TrackerPurpose.Analytics,
            "Adobe Analytics and Experience Platform tags",
            apis: [],
            urls: ["https://assets.adobedtm.com/*", "https://*.omtrdc.net/*", "https://*.2o7.net/*", "https://edge.adobedc.net/*"],
            js: ["alloy", "_satellite.track"]),
        Tracker(
            "yandex-metrica",
            TrackerPurpose.Analytics,
            "Yandex Metrica",
            apis: [],
            urls: ["https://mc.yandex.ru/*", "https://mc.yandex.com/*"],
            js: ["ym"]),
        Tracker(
            "baidu-tongji",
            TrackerPurpose.Analytics,
            "Baidu Tongji",
            apis: [],
            urls: ["https://hm.baidu.com/*"],
            js: ["_hmt.push"]),
        Tracker(
            "clicky",
            TrackerPurpose.Analytics,
            "Clicky",
            apis: [],
            urls: ["https://static.getclicky.com/*", "https://in.getclicky.com/*"],
            js: ["clicky.log", "clicky.goal"]),
        Tracker(
            "statcounter",
            TrackerPurpose.Analytics,
            "StatCounter",
            apis: [],
            urls: ["https://www.statcounter.com/counter/*", "https://statcounter.com/counter/*", "https://c.statcounter.com/*"],
            js: []),
        Tracker(
            "chartbeat",
            TrackerPurpose.Analytics,
            "Chartbeat",
            apis: [],
            urls: ["https://static.chartbeat.com/*", "https://ping.chartbeat.net/*"],
            js: []),
        Tracker(
            "new-relic-browser",
            TrackerPurpose.Analytics,
            "New Relic Browser",
            apis: ["NewRelic.Api.Agent.NewRelic.GetBrowserTimingHeader"],
            urls: ["https://js-agent.newrelic.com/*", "https://bam.nr-data.net/*", "https://bam-cell.nr-data.net/*",
                "https://bam.eu01.nr-data.net/*"],
            js: ["newrelic.addPageAction", "newrelic.setCustomAttribute", "newrelic.setUserId"]),
        Tracker(
            "fathom",
            TrackerPurpose.Analytics,
            "Fathom Analytics",
            apis: [],
            urls: ["https://cdn.usefathom.com/*"],
            js: ["fathom.trackPageview", "fathom.trackEvent", "fathom.trackGoal"]),

        // Advertising pixels and ad networks.
        Tracker(
            "pinterest",
            TrackerPurpose.Advertising,
            "Pinterest Tag",
            apis: [],
            urls: ["https://s.pinimg.com/ct/*", "https://ct.pinterest.com/*", "https://api.pinterest.com/v5/ad_accounts/*/events*"],
            js: ["pintrk"]),
        Tracker(
            "snapchat",
            TrackerPurpose.Advertising,
            "Snap Pixel",
            apis: [],
            urls: ["https://sc-static.net/scevent*", "https://tr.snapchat.com/*", "https://tr-shadow.snapchat.com/*"],
            js: ["snaptr"]),
        Tracker(
            "x-pixel",
            TrackerPurpose.Advertising,
            "X (Twitter) Pixel",
            apis: [],
            urls: ["https://static.ads-twitter.com/*", "https://analytics.twitter.com/*", "https://t.co/i/adsct*",
                "https://ads-api.twitter.com/*/measurement/conversions/*"],
            js: ["twq"]),
        Tracker(
            "bing-uet",
            TrackerPurpose.Advertising,
            "Microsoft Advertising UET (Bing)",
            apis: [],
            urls: ["https://bat.bing.com/*"],
            js: ["uetq.push"]),
        Tracker(
            "criteo",
            TrackerPurpose.Advertising,
            "Criteo OneTag",
            apis: [],
            urls: ["https://static.criteo.net/*", "https://sslwidget.criteo.com/*", "https://dynamic.criteo.com/*", "https://gum.criteo.com/*"],
            js: ["criteo_q.push"]),
        Tracker(
            "reddit",
            TrackerPurpose.Advertising,
            "Reddit Pixel",
            apis: [],
            urls: ["https://www.redditstatic.com/ads/*", "https://alb.reddit.com/*", "https://ads-api.reddit.com/api/*/conversions/*"],
            js: ["rdt"]),
        Tracker(
            "quora",
            TrackerPurpose.Advertising,
            "Quora Pixel",
            apis: [],
            urls: ["https://a.quora.com/qevents.js*", "https://q.quora.com/_/ad/*"],
            js: []),
        Tracker(
            "amazon-ads",
            TrackerPurpose.Advertising,
            "Amazon Ads",
            apis: [],
            urls: ["https://*.amazon-adsystem.com/*"],
            js: ["apstag.init", "apstag.fetchBids"]),
        Tracker(
            "google-adsense",
            TrackerPurpose.Advertising,
            "Google AdSense",
            apis: [],
            urls: ["https://pagead2.googlesyndication.com/*", "https://tpc.googlesyndication.com/*"],
            js: []),
        Tracker(
            "google-ad-manager",
            TrackerPurpose.Advertising,
            "Google Ad Manager (GPT)",
            apis: [],
            urls: ["https://securepubads.g.doubleclick.net/*", "https://www.googletagservices.com/tag/js/gpt.js*"],
            js: ["googletag.cmd.push", "googletag.defineSlot", "googletag.display", "googletag.pubads"]),
        Tracker(
            "taboola",
            TrackerPurpose.Advertising,
            "Taboola Pixel",
            apis: [],
            urls: ["https://cdn.taboola.com/*", "https://trc.taboola.com/*", "https://trc-events.taboola.com/*"],
            js: ["_tfa.push"]),
        Tracker(
            "outbrain",
            TrackerPurpose.Advertising,
            "Outbrain Pixel",
            apis: [],
            urls: ["https://amplify.outbrain.com/*", "https://tr.outbrain.com/*", "https://widgets.outbrain.com/*"],
            js: ["obApi"]),
        Tracker(
            "adroll",
            TrackerPurpose.Advertising,
            "AdRoll",
            apis: [],
            urls: ["https://s.adroll.com/*", "https://d.adroll.com/*"],
            js: ["__adroll.record_user", "adroll.track"]),

        // Session recording and heatmaps.
        Tracker(
            "fullstory",
            TrackerPurpose.SessionRecording,
            "FullStory",
            apis: [],
            urls: ["https://edge.fullstory.com/*", "https://rs.fullstory.com/*", "https://fullstory.com/s/fs.js*"],
            js: ["FS", "FS.identify", "FS.setUserVars", "FS.event"]),
        Tracker(
            "logrocket",
            TrackerPurpose.SessionRecording,
            "LogRocket",
            apis: [],
            urls: ["https://cdn.logrocket.io/*", "https://cdn.lgrckt-in.com/*", "https://*.lr-ingest.io/*", "https://*.lr-ingest.com/*"],
            js: ["LogRocket.init", "LogRocket.track", "LogRocket.identify"]),
        Tracker(
            "mouseflow",
            TrackerPurpose.SessionRecording,
            "Mouseflow",
            apis: [],
            urls: ["https://cdn.mouseflow.com/*"],
            js: ["_mfq.push"]),
        Tracker(
            "smartlook",
            TrackerPurpose.SessionRecording,
            "Smartlook",
            apis: [],
            urls: ["https://web-sdk.smartlook.com/*", "https://rec.smartlook.com/*", "https://*.smartlook.cloud/*"],
            js: ["smartlook"]),
        Tracker(
            "crazy-egg",
            TrackerPurpose.SessionRecording,
            "Crazy Egg",
            apis: [],
            urls: ["https://script.crazyegg.com/*"],
            js: []),
        Tracker(
            "inspectlet",
            TrackerPurpose.SessionRecording,
            "Inspectlet",
            apis: [],
            urls: ["https://cdn.inspectlet.com/*"],
            js: ["__insp.push"]),
        Tracker(
            "lucky-orange",
            TrackerPurpose.SessionRecording,
            "Lucky Orange",
            apis: [],
            urls: ["https://tools.luckyorange.com/*"],
            js: ["LOQ.push"]),
        Tracker(
            "contentsquare",
            TrackerPurpose.SessionRecording,
            "Contentsquare",
            apis: [],
            urls: ["https://*.contentsquare.net/*"],
            js: ["_uxa.push"]),

        // Chat and marketing automation.
        Tracker(
            "hubspot",
            TrackerPurpose.ChatAndMarketing,
            "HubSpot",
            apis: [],
            urls: ["https://js.hs-scripts.com/*", "https://js-*.hs-scripts.com/*", "https://js.hs-analytics.net/*", "https://track.hubspot.com/*",
                "https://js.usemessages.com/*"],
            js: ["_hsq.push", "HubSpotConversations.widget.*"]),
        Tracker(
            "intercom",
            TrackerPurpose.ChatAndMarketing,
            "Intercom",
            apis: [],
            urls: ["https://widget.intercom.io/widget/*", "https://js.intercomcdn.com/*", "https://api-iam.intercom.io/*",
                "https://api-iam.*.intercom.io/*"],
            js: ["Intercom"]),
        Tracker(
            "drift",
            TrackerPurpose.ChatAndMarketing,
            "Drift",
            apis: [],
            urls: ["https://js.driftt.com/*"],
            js: ["drift.load", "drift.track", "drift.identify", "drift.page"]),
        Tracker(
            "zendesk",
            TrackerPurpose.ChatAndMarketing,
            "Zendesk Web Widget",
            apis: [],
            urls: ["https://static.zdassets.com/ekr/*", "https://ekr.zdassets.com/*", "https://v2.zopim.com/*"],
            js: ["zE", "zE.*"]),
        Tracker(
            "tawk-to",
            TrackerPurpose.ChatAndMarketing,
            "Tawk.to",
            apis: [],
            urls: ["https://embed.tawk.to/*", "https://va.tawk.to/*"],
            js: ["Tawk_API.*"]),
        Tracker(
            "crisp",
            TrackerPurpose.ChatAndMarketing,
            "Crisp",
            apis: [],
            urls: ["https://client.crisp.chat/*"],
            js: ["$crisp.push"]),
        Tracker(
            "livechat",
            TrackerPurpose.ChatAndMarketing,
            "LiveChat",
            apis: [],
            urls: ["https://cdn.livechatinc.com/*"],
            js: ["LiveChatWidget.*"]),
        Tracker(
            "freshchat",
            TrackerPurpose.ChatAndMarketing,
            "Freshchat",
            apis: [],
            urls: ["https://wchat.freshchat.com/*"],
            js: ["fcWidget.*"]),
        Tracker(
            "tidio",
            TrackerPurpose.ChatAndMarketing,
            "Tidio",
            apis: [],
            urls: ["https://code.tidio.co/*"],
            js: ["tidioChatApi.*"]),
        Tracker(
            "klaviyo",
            TrackerPurpose.ChatAndMarketing,
            "Klaviyo",
            apis: [],
            urls: ["https://static.klaviyo.com/onsite/js/*", "https://static-tracking.klaviyo.com/*", "https://a.klaviyo.com/*"],
            js: ["_learnq.push", "klaviyo.push", "klaviyo.identify", "klaviyo.track"]),
        Tracker(
            "marketo",
            TrackerPurpose.ChatAndMarketing,
            "Marketo Munchkin",
            apis: [],
            urls: ["https://munchkin.marketo.net/*", "https://*.mktoresp.com/*"],
            js: ["Munchkin.init", "Munchkin.munchkinFunction"]),
        Tracker(
            "pardot",
            TrackerPurpose.ChatAndMarketing,
            "Salesforce Marketing Cloud Account Engagement (Pardot)",
            apis: [],
            urls: ["https://pi.pardot.com/*"],
            js: []),
        Tracker(
            "mailchimp",
            TrackerPurpose.ChatAndMarketing,
            "Mailchimp site tracking",
            apis: [],
            urls: ["https://chimpstatic.com/mcjs-connected/*"],
            js: []),

        // A/B testing and customer data platforms.
        Tracker(
            "optimizely",
            TrackerPurpose.Experimentation,
            "Optimizely",
            apis: ["OptimizelySDK.Optimizely.Activate", "OptimizelySDK.Optimizely.Track", "OptimizelySDK.OptimizelyUserContext.TrackEvent"],
            urls: ["https://cdn.optimizely.com/*", "https://cdn-pci.optimizely.com/*", "https://logx.optimizely.com/*"],
            js: ["optimizely.push"]),
        Tracker(
            "vwo",
            TrackerPurpose.Experimentation,
            "VWO",
            apis: [],
            urls: ["https://*.visualwebsiteoptimizer.com/*"],
            js: ["_vwo_code.*", "VWO.push"]),
        Tracker(
            "ab-tasty",
            TrackerPurpose.Experimentation,
            "AB Tasty",
            apis: [],
            urls: ["https://try.abtasty.com/*", "https://ariane.abtasty.com/*"],
            js: []),
        Tracker(
            "convert",
            TrackerPurpose.Experimentation,
            "Convert Experiences",
            apis: [],
            urls: ["https://*.convertexperiments.com/*"],
            js: ["_conv_q.push"]),
        Tracker(
            "rudderstack",
            TrackerPurpose.Experimentation,
            "RudderStack",
            apis: [],
            urls: ["https://cdn.rudderlabs.com/*", "https://*.dataplane.rudderstack.com/*"],
            js: ["rudderanalytics.load", "rudderanalytics.track", "rudderanalytics.page", "rudderanalytics.identify"]),
        Tracker(
            "mparticle",
            TrackerPurpose.Experimentation,
            "mParticle",
            apis: [],
            urls: ["https://jssdkcdns.mparticle.com/*", "https://jssdks.mparticle.com/*"],
            js: ["mParticle.*"]),
        Tracker(
            "tealium",
            TrackerPurpose.Experimentation,
            "Tealium iQ and EventStream",
            apis: [],
            urls: ["https://tags.tiqcdn.com/*", "https://collect.tealiumiq.com/*", "https://datacloud.tealiumiq.com/*"],
            js: ["utag.view", "utag.link", "utag.track"]),
        Tracker(
            "customer-io",
            TrackerPurpose.Experimentation,
            "Customer.io",
            apis: [],
            urls: ["https://assets.customer.io/assets/track*", "https://track.customer.io/*", "https://track-eu.customer.io/*",
                "https://cdp.customer.io/*", "https://cdp-eu.customer.io/*"],
            js: ["_cio.identify", "_cio.track", "_cio.page"]),

        // Third-party embeds that set cookies or storage (or pass the visitor's address on) when the page loads them.
        Tracker(
            "youtube",
            TrackerPurpose.Embed,
            "YouTube",
            apis: [],
            urls: ["https://www.youtube.com/embed/*", "https://youtube.com/embed/*", "https://www.youtube.com/iframe_api*",
                "https://www.youtube.com/player_api*"],
            js: ["YT.Player"]),
        Tracker(
            "youtube-nocookie",
            TrackerPurpose.Embed,
            "YouTube (privacy-enhanced mode)",
            apis: [],
            urls: ["https://www.youtube-nocookie.com/embed/*", "https://youtube-nocookie.com/embed/*"],
            js: []),
        Tracker(
            "vimeo",
            TrackerPurpose.Embed,
            "Vimeo",
            apis: [],
            urls: ["https://player.vimeo.com/*"],
            js: ["Vimeo.Player"]),
        Tracker(
            "google-maps",
            TrackerPurpose.Embed,
            "Google Maps",
            apis: [],
            urls: ["https://www.google.com/maps/embed*", "https://maps.google.com/maps?*output=embed*", "https://maps.googleapis.com/maps/api/js*",
                "https://maps.googleapis.com/maps/api/staticmap*"],
            js: ["google.maps.Map"]),
        Tracker(
            "recaptcha",
            TrackerPurpose.Embed,
            "Google reCAPTCHA",
            apis: [],
            urls: ["https://www.google.com/recaptcha/api.js*", "https://www.google.com/recaptcha/enterprise.js*",
                "https://www.google.com/recaptcha/api2/*", "https://www.recaptcha.net/recaptcha/api.js*",
                "https://www.recaptcha.net/recaptcha/enterprise.js*", "https://www.gstatic.com/recaptcha/*"],
            js: ["grecaptcha.*"]),
        Tracker(
            "hcaptcha",
            TrackerPurpose.Embed,
            "hCaptcha",
            apis: [],
            urls: ["https://js.hcaptcha.com/*", "https://hcaptcha.com/1/*", "https://newassets.hcaptcha.com/*"],
            js: ["hcaptcha.render", "hcaptcha.execute"]),
        Tracker(
            "google-fonts",
            TrackerPurpose.Embed,
            "Google Fonts",
            apis: [],
            urls: ["https://fonts.googleapis.com/*", "https://fonts.gstatic.com/*"],
            js: []),
        Tracker(
            "x-embed",
            TrackerPurpose.Embed,
            "X (Twitter) embedded posts and buttons",
            apis: [],
            urls: ["https://platform.twitter.com/*"],
            js: ["twttr.widgets.*"]),
        Tracker(
            "instagram-embed",
            TrackerPurpose.Embed,
            "Instagram embeds",
            apis: [],
            urls: ["https://www.instagram.com/embed.js*", "https://www.instagram.com/p/*/embed*", "https://www.instagram.com/reel/*/embed*"],
            js: ["instgrm.Embeds.process"]),
        Tracker(
            "spotify-embed",
            TrackerPurpose.Embed,
            "Spotify embeds",
            apis: [],
            urls: ["https://open.spotify.com/embed*"],
            js: []),
        Tracker(
            "soundcloud",
            TrackerPurpose.Embed,
            "SoundCloud player",
            apis: [],
            urls: ["https://w.soundcloud.com/player/*"],
            js: ["SC.Widget"]),
        Tracker(
            "disqus",
            TrackerPurpose.Embed,
            "Disqus",
            apis: [],
            urls: ["https://*.disqus.com/embed.js*", "https://*.disqus.com/count.js*", "https://disqus.com/embed/*"],
            js: ["DISQUS.reset"]),
        Tracker(
            "calendly",
            TrackerPurpose.Embed,
            "Calendly",
            apis: [],
            urls: ["https://assets.calendly.com/assets/external/*"],
            js: ["Calendly.initInlineWidget", "Calendly.initPopupWidget", "Calendly.initBadgeWidget"]));

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
