using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using ConsentAnalyzers.Manifest;

namespace ConsentAnalyzers.Trackers;

/// <summary>What a step of the Google tag's setup does, for the Consent Mode rules (CG0206, CG0207).</summary>
internal enum GoogleTagStep
{
    /// <summary>
    /// <c>gtag('consent', 'default', …)</c> (or <c>dataLayer.push(['consent', 'default', …])</c>): the state the tag
    /// starts from.
    /// </summary>
    ConsentDefault,

    /// <summary>The Google tag's loader: gtag.js or Tag Manager's gtm.js as a script's URL.</summary>
    Loader,

    /// <summary><c>gtag('config', …)</c>: a tag configured, which sends its first hit.</summary>
    Config,
}

/// <summary>
/// The Google tag (gtag.js, and Tag Manager's gtm.js) as Google Consent Mode v2 sees it: its loader URLs, the commands
/// that configure it or set the consent default, and whether the manifest maps any category to a Consent Mode type.
/// </summary>
internal static class GoogleTag
{
    private static readonly string[] LoaderUrls = { TrackerCatalog.GoogleTagScript, "https://www.googletagmanager.com/gtm.js*" };

    /// <summary>The first arguments of a command as written: <c>'config'</c>, <c>"consent", "default"</c>, an array's first items.</summary>
    private static readonly Regex ConsentDefaultCommand = new(@"^\s*\[?\s*(['""`])consent\1\s*,\s*(['""`])default\2", RegexOptions.CultureInvariant);

    private static readonly Regex ConfigCommand = new(@"^\s*(['""`])config\1", RegexOptions.CultureInvariant);

    /// <summary>Whether a URL (as the tracker index reads one) loads the Google tag.</summary>
    public static bool IsLoader(string url)
    {
        var normalized = TrackerIndex.NormalizeUrl(url);
        foreach (var loader in LoaderUrls)
        {
            if (NamePattern.Matches(loader, normalized))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The step a <c>gtag(…)</c> call is, by its arguments' text; null for the other commands (event, set, js, consent update).</summary>
    public static GoogleTagStep? StepOfGtagCall(string argumentsText) =>
        ConsentDefaultCommand.IsMatch(argumentsText) ? GoogleTagStep.ConsentDefault
        : ConfigCommand.IsMatch(argumentsText) ? GoogleTagStep.Config
        : null;

    /// <summary>
    /// Whether a <c>dataLayer.push(…)</c> sets the consent default (<c>dataLayer.push(['consent', 'default', …])</c>):
    /// counted as one, so that a page written that way is never told its default is missing.
    /// </summary>
    public static bool IsConsentDefaultPush(string argumentsText) => ConsentDefaultCommand.IsMatch(argumentsText);

    /// <summary>Whether a category of the manifest maps to a Consent Mode type: then the generated API can tell the Google tag.</summary>
    public static bool MapsConsentMode(ManifestModel manifest)
    {
        foreach (var category in manifest.Categories)
        {
            if (category.ConsentModeTypes.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The Consent Mode types the category of a Google tag should map, as the manifest spells them: Google Ads needs
    /// the three advertising types, Analytics and Tag Manager (and an id-less tag) <c>analytics_storage</c>.
    /// </summary>
    public static ImmutableArray<string> SuggestedTypes(TrackerMatch tracker) =>
        tracker.CatalogId == "google-ads" ? AdvertisingTypes : AnalyticsTypes;

    private static readonly ImmutableArray<string> AnalyticsTypes = ImmutableArray.Create("analytics_storage");

    private static readonly ImmutableArray<string> AdvertisingTypes = ImmutableArray.Create("ad_storage", "ad_user_data", "ad_personalization");

    /// <summary>Types as a JSON array's items: <c>"ad_storage", "ad_user_data"</c>.</summary>
    public static string AsJsonItems(IEnumerable<string> types) => string.Join(", ", types.Select(type => "\"" + type + "\""));
}
