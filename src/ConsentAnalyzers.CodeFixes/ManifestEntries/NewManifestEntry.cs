using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ConsentAnalyzers.Manifest;

namespace ConsentAnalyzers.CodeFixes.ManifestEntries;

/// <summary>The manifest sections a fix adds to, in the order new sections are written.</summary>
internal enum ManifestSection
{
    Cookies,
    Storage,
    Trackers,
}

/// <summary>
/// An entry to add to the manifest: a cookie, a storage key in one area, or a built-in tracker, with its category.
/// The policy fields only a person can fill in (provider, purpose, duration) get placeholders that say so.
/// </summary>
internal sealed record NewManifestEntry(ManifestSection Section, string Name, string Category, StorageArea? Area = null)
{
    // "TODO:" is what people search a file for; the rest says what the cookie policy expects there.
    public const string ProviderPlaceholder = "TODO: who sets it (this site or a third party)";
    public const string PurposePlaceholder = "TODO: why it is used, as the cookie policy says";
    public const string DurationPlaceholder = "TODO: how long it is kept (Session, P1Y, 90 days)";

    public static NewManifestEntry Cookie(string name, string category) => new(ManifestSection.Cookies, name, category);

    public static NewManifestEntry StorageKey(string key, StorageArea area, string category) => new(ManifestSection.Storage, key, category, area);

    public static NewManifestEntry Tracker(string catalogId, string category) => new(ManifestSection.Trackers, catalogId, category);

    /// <summary>The section's property name in the manifest.</summary>
    public static string SectionName(ManifestSection section) => section switch
    {
        ManifestSection.Cookies => "cookies",
        ManifestSection.Storage => "storage",
        _ => "trackers",
    };

    public static string AreaName(StorageArea area) => area == StorageArea.Local ? "local" : "session";

    /// <summary>The entry's fields in the order the manifest reference lists them.</summary>
    public ImmutableArray<(string Field, string Value)> Fields() => Section switch
    {
        ManifestSection.Cookies =>
            ImmutableArray.Create(("name", Name), ("category", Category), ("provider", ProviderPlaceholder), ("purpose", PurposePlaceholder),
                ("duration", DurationPlaceholder)),
        ManifestSection.Storage =>
            ImmutableArray.Create(("key", Name), ("area", AreaName(Area!.Value)), ("category", Category), ("provider", ProviderPlaceholder),
                ("purpose", PurposePlaceholder), ("duration", DurationPlaceholder)),

        // A built-in tracker's provider defaults to the catalog's name, and its purpose is not a manifest field.
        _ => ImmutableArray.Create(("use", Name), ("category", Category)),
    };

    /// <summary>
    /// One entry per name (a name written twice is declared once), in a stable order: by section, then by name
    /// (ordinal), then by area; so Fix All gives the same file whatever order the diagnostics arrive in.
    /// </summary>
    public static ImmutableArray<NewManifestEntry> DistinctInOrder(IEnumerable<NewManifestEntry> entries) =>
        entries
            .GroupBy(e => (e.Section, e.Name, e.Area))
            .Select(g => g.First())
            .OrderBy(e => e.Section)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ThenBy(e => e.Area)
            .ToImmutableArray();
}
