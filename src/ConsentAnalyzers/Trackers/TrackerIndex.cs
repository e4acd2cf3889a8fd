using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Manifest;

namespace ConsentAnalyzers.Trackers;

/// <summary>A tracker recognized in code: who it is, whether the manifest declares it, and the category it then needs.</summary>
/// <param name="DisplayName">The provider, for messages.</param>
/// <param name="CatalogId">The built-in tracker's id, or null for a tracker the manifest itself defines.</param>
/// <param name="Category">The category the manifest gives it, or null when the manifest does not declare it.</param>
/// <param name="AlternativeCategory">
/// For a call that may serve either of two declared trackers (gtag without an id), the other one's category.
/// </param>
internal sealed record TrackerMatch(string DisplayName, string? CatalogId, string? Category, string? AlternativeCategory = null)
{
    /// <summary>CG0201's properties: the catalog id a fix declares in the manifest.</summary>
    public ImmutableDictionary<string, string?> UndeclaredProperties() =>
        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Tracker, CatalogId);
}

/// <summary>
/// The trackers to recognize for one manifest: its own <c>api</c> and <c>url</c> entries first, then the built-in
/// catalog (declared with <c>use</c>, or not declared at all). Built once per manifest.
/// </summary>
internal sealed class TrackerIndex
{
    private static readonly ConditionalWeakTable<ManifestModel, TrackerIndex> Indexes = new();

    private readonly List<(string Pattern, TrackerMatch Match)> _apis = new();
    private readonly HashSet<string> _apiMemberNames = new(StringComparer.Ordinal);
    private readonly List<string> _apiMemberPatterns = new();
    private readonly List<(string Pattern, TrackerMatch Match)> _urls = new();
    private readonly List<(string Pattern, TrackerMatch Match)> _jsFunctions = new();
    // A project requests the same URLs from many places (its own API's endpoints): each is matched once per manifest,
    // up to a bound, as the index lives as long as the manifest does (across an IDE session's edits).
    private const int MaxUrlsKept = 4096;
    private readonly ConcurrentDictionary<string, TrackerMatch?> _urlMatches = new(StringComparer.Ordinal);
    private int _urlsKept;
    private readonly string[] _apiAnchors;
    private readonly string[] _urlAnchors;
    private readonly string[] _jsFunctionAnchors;
    private readonly TrackerMatch _googleAnalytics;
    private readonly TrackerMatch _googleAds;
    private readonly TrackerMatch _googleTag;

    private TrackerIndex(ManifestModel manifest)
    {
        var declaredCatalog = new Dictionary<string, string>();
        foreach (var tracker in manifest.Trackers)
        {
            var match = new TrackerMatch(tracker.Provider ?? tracker.Value, null, tracker.Category);
            switch (tracker.Kind)
            {
                case TrackerKind.Catalog:
                    declaredCatalog[tracker.Value] = tracker.Category;
                    break;
                case TrackerKind.Api:
                    _apis.Add((tracker.Value, match));
                    break;
                case TrackerKind.Url:
                    _urls.Add((NormalizeUrl(tracker.Value), match));
                    break;
            }
        }

        TrackerMatch? analytics = null, ads = null;
        var declaredUrls = _urls.ToArray();
        foreach (var entry in TrackerCatalog.Entries)
        {
            var category = declaredCatalog.TryGetValue(entry.Id, out var used) ? used : CategoryOfCoveringUrl(entry, declaredUrls);
            var match = new TrackerMatch(entry.DisplayName, entry.Id, category);
            analytics = entry.Id == "google-analytics" ? match : analytics;
            ads = entry.Id == "google-ads" ? match : ads;
            foreach (var api in entry.Apis)
            {
                _apis.Add((api, match));
            }

            foreach (var url in entry.Urls)
            {
                _urls.Add((url, match));
            }

            foreach (var function in entry.JsFunctions)
            {
                _jsFunctions.Add((function, match));
            }
        }

        IndexApiMembers();

        // The Google tag without an id is either product: declared as one of them, it needs that one's consent.
        _googleAnalytics = analytics!;
        _googleAds = ads!;
        _googleTag = _googleAnalytics.Category is null && _googleAds.Category is not null
            ? _googleAds with { DisplayName = "the Google tag (gtag.js)" }
            : _googleAnalytics with { DisplayName = "the Google tag (gtag.js)", AlternativeCategory = _googleAds.Category };
        _urls.Add((TrackerCatalog.GoogleTagScript, _googleTag));
        _apiAnchors = Anchors(_apis);
        _urlAnchors = Anchors(_urls);
        _jsFunctionAnchors = Anchors(_jsFunctions);
    }

    /// <summary>
    /// The category of a manifest <c>url</c> tracker that covers a catalog entry's URLs (<c>https://mc.yandex.ru/*</c>
    /// covers Yandex Metrica's script), or null: a team that declared the tracker by its URL has declared it, and its
    /// script API (<c>ym(…)</c>) needs the same consent, not a second declaration. Each URL pattern of the entry stands
    /// for a URL with its '*' filled in; declared <c>use</c> entries come first.
    /// </summary>
    private static string? CategoryOfCoveringUrl(CatalogTracker entry, (string Pattern, TrackerMatch Match)[] declaredUrls)
    {
        foreach (var url in entry.Urls)
        {
            var example = url.Replace("*", "x");
            foreach (var (pattern, declared) in declaredUrls)
            {
                if (NamePattern.Matches(pattern, example))
                {
                    return declared.Category;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A <c>gtag(…)</c> call, by the measurement id among its arguments: Analytics, Ads, or either when it names
    /// none (<c>gtag('event', 'sign_up')</c> goes to every configured tag); null for the commands that send nothing.
    /// </summary>
    public TrackerMatch? ForGoogleTagCall(string argumentsText)
    {
        // 'js' starts the library, 'consent' and 'set' configure it (Consent Mode defaults, shared fields): they send nothing.
        var first = argumentsText.TrimStart().TrimStart('\'', '"');
        if (first.StartsWith("js", StringComparison.Ordinal)
            || first.StartsWith("consent", StringComparison.Ordinal)
            || first.StartsWith("set", StringComparison.Ordinal))
        {
            return null;
        }

        var id = MeasurementId.Match(argumentsText);
        if (!id.Success)
        {
            return _googleTag;
        }

        return id.Groups["product"].Value == "AW" ? _googleAds : _googleAnalytics;
    }

    /// <summary>A Google tag id as a word of its own: G-XXXX or UA-XXXX (Analytics), AW-XXXX (Ads); not BLOG-POST.</summary>
    private static readonly Regex MeasurementId = new(@"(?<![A-Za-z0-9_-])(?<product>AW|G|UA)-[A-Za-z0-9]", RegexOptions.CultureInvariant);

    /// <summary>
    /// The member part of each API pattern (after its last '.'), for <see cref="MayBeApi"/>: exact names in a set,
    /// each distinct wildcard pattern once (a manifest's many <c>Vendor.Track*</c> trackers share one <c>Track*</c>),
    /// so the test on every call costs a lookup and a few matches however many trackers the manifest declares.
    /// </summary>
    private void IndexApiMembers()
    {
        foreach (var (pattern, _) in _apis)
        {
            var member = pattern.Substring(pattern.LastIndexOf('.') + 1);
            if (!NamePattern.IsPattern(member))
            {
                _apiMemberNames.Add(member);
            }
            else if (!_apiMemberPatterns.Contains(member))
            {
                _apiMemberPatterns.Add(member);
            }
        }
    }

    public static TrackerIndex For(ManifestModel manifest) => Indexes.GetValue(manifest, m => new TrackerIndex(m));

    /// <summary>The tracker a member belongs to, by its Namespace.Type.Member name.</summary>
    public TrackerMatch? ForApi(string memberName) => Find(_apis, _apiAnchors, memberName);

    /// <summary>The API patterns (Namespace.Type.Member), the manifest's first, with their trackers.</summary>
    public IReadOnlyList<(string Pattern, TrackerMatch Match)> Apis => _apis;

    /// <summary>
    /// Whether some API pattern could match a member of this simple name: a cheap test before building the member's
    /// full name, since it runs on every invocation.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public bool MayBeApi(string simpleName)
    {
        if (_apiMemberNames.Contains(simpleName))
        {
            return true;
        }

        foreach (var memberPattern in _apiMemberPatterns)
        {
            if (NamePattern.Matches(memberPattern, simpleName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The tracker an endpoint or script URL belongs to.</summary>
    public TrackerMatch? ForUrl(string url)
    {
        if (_urlMatches.TryGetValue(url, out var known))
        {
            return known;
        }

        var match = Find(_urls, _urlAnchors, NormalizeUrl(url));
        if (Interlocked.Increment(ref _urlsKept) <= MaxUrlsKept)
        {
            _urlMatches.TryAdd(url, match);
        }

        return match;
    }

    /// <summary>How many URLs' answers are kept (at most 4,096): what the index holds on to after a long IDE session.</summary>
    internal int UrlsKept => _urlMatches.Count;

    /// <summary>The tracker a JS-interop function identifier belongs to (a leading "window." is ignored).</summary>
    public TrackerMatch? ForJsFunction(string identifier) =>
        Find(_jsFunctions, _jsFunctionAnchors,
            identifier.StartsWith("window.", StringComparison.Ordinal) ? identifier.Substring("window.".Length) : identifier);

    /// <summary>Lower case, and https for http and protocol-relative URLs, so one pattern covers every spelling.</summary>
    internal static string NormalizeUrl(string url)
    {
        if (IsNormalized(url))
        {
            return url; // the common case, with no copy: an https URL written in lower case
        }

        var lower = url.Trim().ToLowerInvariant();
        if (lower.StartsWith("//", StringComparison.Ordinal))
        {
            return "https:" + lower;
        }

        return lower.StartsWith("http://", StringComparison.Ordinal) ? "https://" + lower.Substring("http://".Length) : lower;
    }

    private static bool IsNormalized(string url)
    {
        if (!url.StartsWith("https://", StringComparison.Ordinal) || char.IsWhiteSpace(url[url.Length - 1]))
        {
            return false;
        }

        foreach (var c in url)
        {
            if (c is >= 'A' and <= 'Z' || (c > '\x7F' && c != NamePattern.Hole))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The first pattern that matches; a pattern is matched only when the value holds its longest literal run (its
    /// anchor), a necessary condition that one vectorized search tests, where a match of a URL against a pattern with
    /// a leading '*' retries at every position. Most values (a shop's own API URLs) match no tracker at all.
    /// </summary>
    private static TrackerMatch? Find(List<(string Pattern, TrackerMatch Match)> patterns, string[] anchors, string value)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            var (pattern, match) = patterns[i];
            if (value.IndexOf(anchors[i], StringComparison.Ordinal) >= 0 && NamePattern.Matches(pattern, value))
            {
                return match;
            }
        }

        return null;
    }

    private static string[] Anchors(List<(string Pattern, TrackerMatch Match)> patterns)
    {
        var anchors = new string[patterns.Count];
        for (var i = 0; i < anchors.Length; i++)
        {
            anchors[i] = NamePattern.LongestLiteral(patterns[i].Pattern);
        }

        return anchors;
    }
}
