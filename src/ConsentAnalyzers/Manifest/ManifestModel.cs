using ConsentAnalyzers.Common;

namespace ConsentAnalyzers.Manifest;

// The validated manifest. Value-equatable records only (no spans, no Roslyn objects), so the generator's pipeline
// can cache on them: re-indenting or commenting the JSON does not change the model and regenerates nothing.

/// <summary>A manifest (or the sound part of one), entries in the order the file declares them.</summary>
internal sealed record ManifestModel(
    int Version,
    EquatableArray<CategoryEntry> Categories,
    EquatableArray<CookieEntry> Cookies,
    EquatableArray<StorageEntry> Storage,
    EquatableArray<TrackerEntry> Trackers,
    EquatableArray<GuardEntry> Guards,
    EquatableArray<ScriptGuardEntry> ScriptGuards)
{
    /// <summary>No category and no entry: what a manifest that cannot be read as a whole contributes to the generated code.</summary>
    public static ManifestModel Empty { get; } = new(
        ManifestFields.SupportedVersion,
        EquatableArray<CategoryEntry>.Empty,
        EquatableArray<CookieEntry>.Empty,
        EquatableArray<StorageEntry>.Empty,
        EquatableArray<TrackerEntry>.Empty,
        EquatableArray<GuardEntry>.Empty,
        EquatableArray<ScriptGuardEntry>.Empty);
}

internal sealed record CategoryEntry(
    string Id,
    string Title,
    string? Description,
    bool IsEssential,
    EquatableArray<string> OptOutSignals)
{
    /// <summary>The Google Consent Mode types this category's consent grants (<c>analytics_storage</c>, <c>ad_storage</c>, …).</summary>
    public EquatableArray<string> ConsentModeTypes { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The IAB TCF v2.2 purposes (1–11) the category's cookies and storage serve, for the device storage disclosure.</summary>
    public EquatableArray<int> TcfPurposes { get; init; } = EquatableArray<int>.Empty;
}

/// <summary>A cookie by exact name, or by a pattern in which '*' stands for any run of characters.</summary>
internal sealed record CookieEntry(
    string Name,
    string Category,
    string? Provider,
    string? Purpose,
    string? Duration)
{
    public bool IsPattern => NamePattern.IsPattern(Name);

    /// <summary>The declared lifetime (<c>maxAge</c>), or null when the manifest gives none.</summary>
    public Lifetime? MaxAge { get; init; }

    /// <summary>The domain the cookie is set on (<c>.example.com</c> for a parent domain), or null for the host itself.</summary>
    public string? Domain { get; init; }

    /// <summary>The path the cookie is set on, or null for <c>/</c>.</summary>
    public string? Path { get; init; }

    /// <summary>Whether the cookie's expiry is renewed on each visit (<c>refresh</c>), as the TCF disclosure's <c>cookieRefresh</c> says.</summary>
    public bool Refresh { get; init; }
}

internal enum StorageArea
{
    Local,
    Session,
}

internal sealed record StorageEntry(
    string Key,
    StorageArea Area,
    string Category,
    string? Provider,
    string? Purpose,
    string? Duration)
{
    public bool IsPattern => NamePattern.IsPattern(Key);

    /// <summary>The declared lifetime (<c>maxAge</c>), or null when the manifest gives none.</summary>
    public Lifetime? MaxAge { get; init; }
}

internal enum TrackerKind
{
    /// <summary>A built-in catalog entry, by id (<c>"use": "google-analytics"</c>).</summary>
    Catalog,

    /// <summary>A member pattern, namespace.type.member with '*' allowed.</summary>
    Api,

    /// <summary>An endpoint or script URL pattern.</summary>
    Url,
}

internal sealed record TrackerEntry(TrackerKind Kind, string Value, string Category, string? Provider);

/// <summary>
/// A consent check in code the team cannot annotate: either the member itself means one category, or its argument
/// (an enum member or constant) names the category.
/// </summary>
internal sealed record GuardEntry(string Api, string? Category, EquatableArray<GuardArgument> Arguments);

internal sealed record GuardArgument(string Value, string Category);

/// <summary>
/// A consent check in the site's JavaScript, which has no types to annotate: a function or property path
/// (<c>consent.has</c>, <c>siteConsent.analytics</c>) written without <c>window.</c>. With <see cref="Category"/> the
/// path's value (or its call's result) means consent for that category; with <see cref="Arguments"/> the call's first
/// argument, a string, names it. A <see cref="Callback"/> guard runs its function argument once consent is given.
/// </summary>
internal sealed record ScriptGuardEntry(string Path, string? Category, EquatableArray<GuardArgument> Arguments, bool Callback);
