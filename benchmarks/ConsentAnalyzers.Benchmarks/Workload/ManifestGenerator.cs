using System.Globalization;
using System.Text;

namespace ConsentAnalyzers.Benchmarks.Workload;

/// <summary>Where a declared name may be written.</summary>
public enum NameKind
{
    Cookie,
    LocalStorage,
    SessionStorage,
}

/// <summary>One declared cookie or storage key, as the workload's code refers to it.</summary>
/// <param name="Name">The name or pattern (<c>seg12_*</c>) as declared.</param>
/// <param name="Member">The generated member: the constant (<c>Theme12</c>), or a pattern's stem (<c>Seg12</c> for <c>Seg12Name(…)</c>).</param>
public sealed record DeclaredName(string Name, NameKind Kind, string Category, bool IsPattern, string Member)
{
    public bool IsEssential => Category == ManifestGenerator.Essential;
}

/// <summary>A generated consent manifest and what the code generator needs to know of it.</summary>
public sealed record GeneratedManifest(string Json, int Entries, IReadOnlyList<DeclaredName> Names);

/// <summary>
/// Writes a valid consent-manifest.json of exactly <c>entries</c> entries (cookies, storage keys, trackers and
/// guards together). Ten entries are the core every workload uses (the framework cookies, Google Analytics and Ads,
/// Application Insights, the in-house tracker API, the consent manager known only through the manifest); the rest
/// are cookies (about half), storage keys (a third) and trackers, each under one of the four categories. Names are
/// unique and no two patterns overlap, as a real policy's are. Deterministic: no randomness at all.
/// </summary>
public static class ManifestGenerator
{
    public const string Essential = "necessary";

    public const int CoreEntries = 10;

    private static readonly string[] Categories = ["functional", "analytics", "advertising", Essential];

    private static readonly string[] CookieWords = ["theme", "cart", "promo", "locale", "seen", "ref", "pref", "visit", "banner", "tour"];

    private static readonly string[] StorageWords = ["draft", "filters", "recent", "layout", "wizard", "compare"];

    private static readonly string[] CatalogTrackers = ["google-tag-manager", "meta-pixel", "segment", "mixpanel", "posthog", "matomo", "plausible",
        "hotjar", "microsoft-clarity", "tiktok", "linkedin"];

    public static GeneratedManifest Generate(int entries)
    {
        if (entries < CoreEntries)
        {
            throw new ArgumentOutOfRangeException(nameof(entries), $"a manifest of the workload has at least {CoreEntries} entries");
        }

        var cookies = new List<string>();
        var storage = new List<string>();
        var trackers = new List<string>();
        var guards = new List<string>();
        var names = new List<DeclaredName>();

        void Cookie(string name, string category, string member, string provider, string purpose, string duration)
        {
            cookies.Add(
                $"{{ \"name\": {Json(name)}, \"category\": \"{category}\", \"provider\": {Json(provider)}, \"purpose\": " +
                $"{Json(purpose)}, \"duration\": {Json(duration)} }}");
            names.Add(new DeclaredName(name, NameKind.Cookie, category, name.Contains('*'), member));
        }

        void Storage(string key, NameKind area, string category, string member, string purpose)
        {
            storage.Add(
                $"{{ \"key\": {Json(key)}, \"area\": \"{(area == NameKind.LocalStorage ? "local" : "session")}\", \"category\": " +
                $"\"{category}\", \"purpose\": {Json(purpose)} }}");
            names.Add(new DeclaredName(key, area, category, key.Contains('*'), member));
        }

        // The core: ten entries.
        Cookie(".AspNetCore.Antiforgery.*", Essential, "AspNetCoreAntiforgery", "ASP.NET Core", "Protects forms against cross-site request forgery",
            "Session");
        Cookie(".AspNetCore.Mvc.CookieTempDataProvider", Essential, "AspNetCoreMvcCookieTempDataProvider", "ASP.NET Core",
            "Status messages across a redirect", "Session");
        Cookie("_ga", "analytics", "Ga", "Google Analytics", "Distinguishes visitors", "2 years");
        Cookie("_ga_*", "analytics", "Ga", "Google Analytics", "Keeps session state", "2 years");
        Storage("consent_choices", NameKind.LocalStorage, Essential, "ConsentChoices", "The visitor's consent choices");
        trackers.Add("{ \"use\": \"google-analytics\", \"category\": \"analytics\" }");
        trackers.Add("{ \"use\": \"google-ads\", \"category\": \"advertising\" }");
        trackers.Add("{ \"use\": \"application-insights\", \"category\": \"analytics\" }");
        trackers.Add("{ \"api\": \"Shop.Web.Telemetry.Tracker.Send*\", \"category\": \"advertising\", \"provider\": \"In-house attribution\" }");
        guards.Add(
            "{ \"api\": \"Shop.Web.Privacy.IConsentManager.IsAllowed\", \"arguments\": { \"Shop.Web.Privacy.CookieType.Analytics\": " +
            "\"analytics\", \"Shop.Web.Privacy.CookieType.Marketing\": \"advertising\" } }");

        var catalog = 0;
        for (var i = 0; i < entries - CoreEntries; i++)
        {
            var category = Categories[i % Categories.Length];
            var n = i.ToString(CultureInfo.InvariantCulture);
            switch (i % 20)
            {
                case < 10:
                    var word = CookieWords[i / 20 % CookieWords.Length];
                    Cookie($"{word}_{n}", category, Pascal(word) + n, "Shop", $"Remembers the {word} setting", i % 3 == 0 ? "Session" : "1 year");
                    break;
                case 10 or 11:
                    Cookie($"seg{n}_*", category, "Seg" + n, "Shop experiments", "Experiment assignment", "30 days");
                    break;
                case < 17:
                    var storageWord = StorageWords[i / 20 % StorageWords.Length];
                    var area = i % 2 == 0 ? NameKind.LocalStorage : NameKind.SessionStorage;
                    if (i % 20 == 16)
                    {
                        Storage($"cache{n}:*", area, category, "Cache" + n, "Cached view state");
                    }
                    else
                    {
                        Storage($"{storageWord}_{n}", area, category, Pascal(storageWord) + n, $"Keeps the {storageWord} between visits");
                    }

                    break;
                case 17 when catalog < CatalogTrackers.Length:
                    trackers.Add(
                        $"{{ \"use\": \"{CatalogTrackers[catalog++]}\", \"category\": \"{(category == Essential ? "analytics" : category)}\" }}");
                    break;
                case 17 or 18:
                    trackers.Add(
                        $"{{ \"api\": \"Shop.Web.Integrations.Partner{n}.Track*\", \"category\": " +
                        $"\"{(category == Essential ? "advertising" : category)}\", \"provider\": \"Partner {n}\" }}");
                    break;
                default:
                    trackers.Add(
                        $"{{ \"url\": \"https://px{n}.partner.example/*\", \"category\": " +
                        $"\"{(category == Essential ? "analytics" : category)}\", \"provider\": \"Partner {n}\" }}");
                    break;
            }
        }

        var json = new StringBuilder();
        json.Append(
            "// The cookie policy of the benchmark workload (generated by ConsentAnalyzers.Benchmarks).\n{\n  \"version\": 1,\n  \"categories\": " +
            "{\n");
        json.Append("    \"necessary\": { \"title\": \"Strictly Necessary\", \"essential\": true },\n");
        json.Append("    \"functional\": { \"title\": \"Functional\" },\n");
        json.Append("    \"analytics\": { \"title\": \"Analytics and Performance\" },\n");
        json.Append("    \"advertising\": { \"title\": \"Advertising and Attribution\", \"optOutSignals\": [\"gpc\"] },\n  },\n");
        Section(json, "cookies", cookies);
        Section(json, "storage", storage);
        Section(json, "trackers", trackers);
        Section(json, "guards", guards);
        json.Append("}\n");
        return new GeneratedManifest(json.ToString(), cookies.Count + storage.Count + trackers.Count + guards.Count, names);
    }

    private static void Section(StringBuilder json, string name, List<string> entries)
    {
        json.Append("  \"").Append(name).Append("\": [\n");
        foreach (var entry in entries)
        {
            json.Append("    ").Append(entry).Append(",\n");
        }

        json.Append("  ],\n");
    }

    private static string Pascal(string word) => char.ToUpperInvariant(word[0]) + word.Substring(1);

    private static string Json(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
