using System.Collections.Immutable;

namespace ConsentAnalyzers.Manifest;

/// <summary>
/// The field names of manifest format v1, per object. The generator, the analyzers, the JSON schema shipped in the
/// package and the "unknown field, did you mean …?" check all follow this one list.
/// </summary>
internal static class ManifestFields
{
    public const int SupportedVersion = 1;

    /// <summary>Category ids: lowercase, starting with a letter. The schema carries the same pattern.</summary>
    public const string CategoryIdPattern = "^[a-z][a-z0-9_-]*$";

    /// <summary>Namespace.Type.Member: dotted identifiers, at least two, '*' allowed anywhere. The schema carries the same pattern.</summary>
    public const string ApiPattern = @"^[A-Za-z_*][A-Za-z0-9_*]*(\.[A-Za-z_*][A-Za-z0-9_*]*)+$";

    public static readonly ImmutableArray<string> Root = ImmutableArray.Create("$schema", "version", "categories", "cookies", "storage",
        "trackers", "guards");

    public static readonly ImmutableArray<string> Category = ImmutableArray.Create("title", "description", "essential", "optOutSignals",
        "consentMode", "tcfPurposes");

    public static readonly ImmutableArray<string> Cookie = ImmutableArray.Create("name", "category", "provider", "purpose", "duration", "maxAge",
        "domain", "path", "refresh");

    public static readonly ImmutableArray<string> Storage = ImmutableArray.Create("key", "area", "category", "provider", "purpose", "duration",
        "maxAge");

    public static readonly ImmutableArray<string> Tracker = ImmutableArray.Create("use", "api", "url", "category", "provider");

    /// <summary>A guard names a C# member (<c>api</c>) or a JavaScript function or property path (<c>script</c>).</summary>
    public static readonly ImmutableArray<string> Guard = ImmutableArray.Create("api", "script", "category", "arguments", "callback");

    /// <summary>A script guard's path: dotted JavaScript identifiers, at least one. The schema carries the same pattern.</summary>
    public const string ScriptPathPattern = @"^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$";

    public static readonly ImmutableArray<string> StorageAreas = ImmutableArray.Create("local", "session");

    /// <summary>Browser opt-out preference signals a category can honour: Global Privacy Control and Do Not Track.</summary>
    public static readonly ImmutableArray<string> OptOutSignals = ImmutableArray.Create("gpc", "dnt");

    /// <summary>The consent types of Google Consent Mode v2 a category can map to. The schema carries the same list.</summary>
    public static readonly ImmutableArray<string> ConsentModeTypes = ImmutableArray.Create("ad_storage", "ad_user_data", "ad_personalization",
        "analytics_storage", "functionality_storage", "personalization_storage", "security_storage");

    /// <summary>The purposes of the IAB Transparency and Consent Framework v2.2 are numbered 1 to 11.</summary>
    public const int TcfPurposeCount = 11;

    /// <summary>A cookie's domain: a host name, optionally with a leading '.' for the parent domain. The schema carries the same pattern.</summary>
    public const string CookieDomainPattern = @"^\.?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$";
}
