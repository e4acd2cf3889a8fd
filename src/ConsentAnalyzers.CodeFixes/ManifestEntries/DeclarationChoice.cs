using System;
using System.Collections.Generic;
using System.Linq;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.CodeFixes.ManifestEntries;

/// <summary>
/// What one "declare in the manifest" action chooses: the category, and for a storage write whose area the code
/// does not fix (a <c>ProtectedBrowserStorage</c> variable), the area. The choice is the action's equivalence key,
/// so Fix All applies it to every finding in scope that offers the same action: a choice with an area to the
/// storage writes of unknown area, one without to every other finding.
/// </summary>
internal sealed record DeclarationChoice(string Category, StorageArea? AreaForAnyStorage = null)
{
    private const string KeyPrefix = "ConsentAnalyzers.AddToManifest:";

    public string EquivalenceKey =>
        KeyPrefix + Category + (AreaForAnyStorage is { } area ? ":" + NewManifestEntry.AreaName(area) : string.Empty);

    public static DeclarationChoice? FromEquivalenceKey(string? key)
    {
        if (key is null || !key.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = key.Substring(KeyPrefix.Length).Split(':');
        return (parts.Length, parts.Length == 2 ? parts[1] : null) switch
        {
            (1, _) => new DeclarationChoice(parts[0]),
            (2, "local") => new DeclarationChoice(parts[0], StorageArea.Local),
            (2, "session") => new DeclarationChoice(parts[0], StorageArea.Session),
            _ => null,
        };
    }

    /// <summary>
    /// The choices to offer for a finding: each declared category in manifest order, but the essential ones last and,
    /// for a built-in tracker, the categories named for its purpose first, the best-named first (<c>advertising</c>,
    /// then <c>marketing</c> for the Meta pixel; <c>functional</c> for a video embed); for a storage write of unknown
    /// area, each category for local storage, then each for session storage (either area declares it).
    /// </summary>
    /// <remarks>
    /// The first action is the one a quick "apply" in the editor and <c>dotnet format analyzers</c> (which applies the
    /// first action's Fix All to the whole solution) choose. It must not be an essential category: that would
    /// declare every finding as needing no consent and silence the consent checks for all of them at once.
    /// </remarks>
    public static IEnumerable<DeclarationChoice> For(Diagnostic diagnostic, ManifestModel manifest)
    {
        StorageArea?[] areas = TargetOf(diagnostic) == NameTarget.AnyStorage ? [StorageArea.Local, StorageArea.Session] : [null];
        foreach (var area in areas)
        {
            var purpose = PurposeOf(diagnostic);
            foreach (var category in manifest.Categories.OrderBy(c => c.IsEssential).ThenBy(c => Fit(purpose, c.Id)))
            {
                yield return new DeclarationChoice(category.Id, area);
            }
        }
    }

    /// <summary>
    /// The entry that declares what the finding reports, or null when this choice is not offered for it (an area is
    /// chosen only for storage of unknown area) or the finding has nothing a manifest can name exactly.
    /// </summary>
    public NewManifestEntry? EntryFor(Diagnostic diagnostic)
    {
        var target = TargetOf(diagnostic);
        if ((target == NameTarget.AnyStorage) != (AreaForAnyStorage is not null))
        {
            return null;
        }

        if (diagnostic.Id == DiagnosticIds.UndeclaredTracker)
        {
            return diagnostic.Properties.TryGetValue(DiagnosticProperties.Tracker, out var tracker) && tracker is not null
                ? NewManifestEntry.Tracker(tracker, Category)
                : null;
        }

        // A name with holes ($"promo_{id}") has no Name: which pattern declares it is the user's decision.
        if (diagnostic.Id is not (DiagnosticIds.UndeclaredCookie or DiagnosticIds.UndeclaredStorageKey)
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Name, out var name) || name is null)
        {
            return null;
        }

        return target switch
        {
            NameTarget.Cookie => NewManifestEntry.Cookie(name, Category),
            NameTarget.LocalStorage => NewManifestEntry.StorageKey(name, StorageArea.Local, Category),
            NameTarget.SessionStorage => NewManifestEntry.StorageKey(name, StorageArea.Session, Category),
            NameTarget.AnyStorage => NewManifestEntry.StorageKey(name, AreaForAnyStorage!.Value, Category),
            _ => null,
        };
    }

    /// <summary>
    /// Words in category ids that say what a tracker of each purpose is for, as consent banners usually name them,
    /// the best fit first.
    /// </summary>
    private static readonly string[] AnalyticsWords = ["analytic", "statistic", "performance", "measurement"];
    private static readonly string[] AdvertisingWords = ["advertis", "marketing", "ads", "targeting"];
    private static readonly string[] SessionRecordingWords = ["analytic", "statistic", "performance", "measurement", "experience"];
    private static readonly string[] ChatAndMarketingWords = ["marketing", "functional", "preference", "support", "chat"];
    private static readonly string[] ExperimentationWords =
        ["analytic", "statistic", "performance", "measurement", "experiment", "personali"];
    private static readonly string[] EmbedWords = ["embed", "media", "functional", "preference", "third", "marketing"];

    /// <summary>
    /// How well a category id fits a tracker of this purpose: the position of the first of its purpose's words the id
    /// contains, or past all of them (as for every category when the finding is not a built-in tracker).
    /// </summary>
    internal static int Fit(TrackerPurpose? purpose, string categoryId)
    {
        var words = purpose switch
        {
            null => [],
            TrackerPurpose.Advertising => AdvertisingWords,
            TrackerPurpose.SessionRecording => SessionRecordingWords,
            TrackerPurpose.ChatAndMarketing => ChatAndMarketingWords,
            TrackerPurpose.Experimentation => ExperimentationWords,
            TrackerPurpose.Embed => EmbedWords,
            _ => AnalyticsWords,
        };
        for (var i = 0; i < words.Length; i++)
        {
            if (categoryId.IndexOf(words[i], StringComparison.Ordinal) >= 0)
            {
                return i;
            }
        }

        return words.Length;
    }

    private static TrackerPurpose? PurposeOf(Diagnostic diagnostic) =>
        diagnostic.Id == DiagnosticIds.UndeclaredTracker
        && diagnostic.Properties.TryGetValue(DiagnosticProperties.Tracker, out var id) && id is not null
        && TrackerCatalog.Find(id) is { } tracker
            ? tracker.Purpose
            : null;

    private static NameTarget? TargetOf(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(DiagnosticProperties.Target, out var target) && Enum.TryParse<NameTarget>(target, out var parsed)
            ? parsed
            : null;
}
