using System;
using System.Linq;
using ConsentAnalyzers.ConsentApi;
namespace ConsentAnalyzers.Generator;

/// <summary>
/// Emits the metadata record types that <c>ConsentManifest</c> exposes (<c>ConsentCategoryInfo</c>,
/// <c>ConsentCookieInfo</c>, <c>ConsentStorageKeyInfo</c>, <c>ConsentTrackerInfo</c>) and their enums
/// (<c>ConsentStorageArea</c> comes with the writer attributes, <see cref="WriterAttributesEmitter"/>). They are
/// immutable classes with constructor-set properties so the code compiles for any consumer language version.
/// </summary>
internal static class MetadataTypesEmitter
{
    private const string ReadOnlyCollection = "global::System.Collections.ObjectModel.ReadOnlyCollection";
    private const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";

    public static string Emit(GenerationInput input) => SourceFile.Build(input.Options, writer =>
    {
        var visibility = input.Options.Visibility;
        var n = input.Options.NullableMark;
        var category = GeneratedNames.Category;

        writer.Summary("How a tracker is declared in the manifest.");
        writer.TypeAttributes(input.Options);
        writer.Open($"{visibility} enum ConsentTrackerKind");
        writer.Summary("A built-in catalog entry, by id (<c>\"use\": \"google-analytics\"</c>).").Line("Catalog = 0,");
        writer.Summary("A tracking API, as a member pattern (<c>\"api\"</c>).").Line("Api = 1,");
        writer.Summary("A tracking endpoint or script URL pattern (<c>\"url\"</c>).").Line("Url = 2,");
        writer.Close().Line();

        Record(writer, input.Options, "ConsentCategoryInfo", "A consent category of the cookie policy.", "Title", new[]
        {
            new Property(category, "Category", "category", "The category's enum member."),
            new Property("string", "Id", "id", "The category id in the manifest, e.g. <c>analytics</c>."),
            new Property("string", "Title", "title", "The title shown to users, e.g. <c>Analytics and Performance</c>."),
            new Property("string" + n, "Description", "description", "What the category covers, or <c>null</c>."),
            new Property("bool", "IsEssential", "isEssential", "Whether the category is strictly necessary and needs no consent."),
            new Property($"{ReadOnlyList}<string>", "OptOutSignals", "optOutSignals",
                "The browser opt-out signals (<c>gpc</c>, <c>dnt</c>) that withdraw this category's consent.",
                $"new {ReadOnlyCollection}<string>(optOutSignals)", "string[]"),
            new Property($"{ReadOnlyList}<string>", "ConsentModeTypes", "consentModeTypes",
                "The Google Consent Mode types this category's consent grants (<c>analytics_storage</c>, <c>ad_storage</c>, …), " +
                "in manifest order; none when the category is not mapped.",
                $"new {ReadOnlyCollection}<string>(consentModeTypes)", "string[]"),
            new Property($"{ReadOnlyList}<int>", "TcfPurposes", "tcfPurposes",
                "The IAB TCF v2.2 purposes (1–11) the category's cookies and storage serve, as the device storage disclosure lists them.",
                $"new {ReadOnlyCollection}<int>(tcfPurposes)", "int[]"),
        });

        Record(writer, input.Options, "ConsentCookieInfo",
            "A cookie of the cookie policy: an exact name, or a pattern where '*' stands for any run of characters.", "Name",
        [
            new Property("string", "Name", "name", "The cookie name or pattern, e.g. <c>_ga</c> or <c>_ga_*</c>."),
            new Property(category, "Category", "category", "The consent category the cookie belongs to."),
            new Property("string" + n, "Provider", "provider", "Who sets the cookie, or <c>null</c>."),
            new Property("string" + n, "Purpose", "purpose", "Why the cookie is used, or <c>null</c>."),
            new Property("string" + n, "Duration", "duration", "How long the cookie lives, or <c>null</c>."),
            .. LifetimeProperties(n, "cookie"),
            new Property("string" + n, "Domain", "domain",
                "The domain the cookie is set on (<c>.example.com</c> for the site's registrable domain), or <c>null</c> for the host itself."),
            new Property("string" + n, "Path", "path", "The path the cookie is set on, or <c>null</c> for <c>/</c>."),
            new Property("bool", "Refresh", "refresh", "Whether the cookie's expiry is renewed on each visit."),
        ], extra: w => WritePatternMembers(w, "Name", "cookie name"));

        Record(writer, input.Options, "ConsentStorageKeyInfo",
            "A browser-storage key of the cookie policy: an exact key, or a pattern where '*' stands for any run of characters.", "Key",
        [
            new Property("string", "Key", "key", "The storage key or pattern, e.g. <c>landing_page</c>."),
            new Property("ConsentStorageArea", "Area", "area", "Whether the key lives in localStorage or sessionStorage."),
            new Property(category, "Category", "category", "The consent category the key belongs to."),
            new Property("string" + n, "Provider", "provider", "Who writes the key, or <c>null</c>."),
            new Property("string" + n, "Purpose", "purpose", "Why the key is used, or <c>null</c>."),
            new Property("string" + n, "Duration", "duration", "How long the value is kept, or <c>null</c>."),
            .. LifetimeProperties(n, "value"),
        ], extra: w => WritePatternMembers(w, "Key", "storage key"));

        Record(writer, input.Options, "ConsentTrackerInfo",
            "A tracker the cookie policy declares: a built-in catalog entry, a tracking API or a tracking URL.", "Value", new[]
        {
            new Property("ConsentTrackerKind", "Kind", "kind", "How the tracker is declared."),
            new Property("string", "Value", "value", "The catalog id, member pattern or URL pattern."),
            new Property(category, "Category", "category", "The consent category a tracking call needs."),
            new Property("string" + n, "Provider", "provider", "Who runs the tracker, or <c>null</c>."),
        });
    });

    /// <summary>The declared <c>maxAge</c>, as a span, as written and in words (<c>Duration</c> is the policy's free text).</summary>
    private static Property[] LifetimeProperties(string n, string what) =>
    [
        new Property("global::System.TimeSpan?", "MaxAge", "maxAge",
            $"How long the {what} may live, from the manifest's <c>maxAge</c> (a year counted as 365 days, a month as 30); " +
            "<c>null</c> for a session lifetime or when none is declared."),
        new Property("bool", "IsSession", "isSession", $"Whether the {what} lives for the browser session only (<c>\"maxAge\": \"session\"</c>)."),
        new Property("string" + n, "Lifetime", "lifetime",
            "The declared <c>maxAge</c> as the manifest writes it (<c>P13M</c>, <c>session</c>), or <c>null</c> when none is declared."),
        new Property("string" + n, "LifetimeDescription", "lifetimeDescription",
            "The declared <c>maxAge</c> in words (<c>13 months</c>, <c>the browser session</c>), or <c>null</c> when none is declared."),
    ];

    private sealed record Property(string Type, string Name, string Parameter, string Doc, string? Initializer = null, string? ParameterType = null);

    private static void Record(CodeWriter writer, GeneratorOptions options, string typeName, string summary, string displayProperty,
        Property[] properties, Action<CodeWriter>? extra = null)
    {
        writer.Summary(summary);
        writer.TypeAttributes(options);
        writer.Line(SourceFile.ExcludeFromCoverageAttribute);
        writer.Open($"{options.Visibility} sealed class {typeName}");
        var parameters = string.Join(", ", Enumerable.Select(properties, p => (p.ParameterType ?? p.Type) + " " + p.Parameter));
        writer.Open($"internal {typeName}({parameters})");
        foreach (var property in properties)
        {
            writer.Line($"{property.Name} = {property.Initializer ?? property.Parameter};");
        }

        writer.Close();
        foreach (var property in properties)
        {
            writer.Line();
            writer.Summary(property.Doc);
            writer.Line($"public {property.Type} {property.Name} {{ get; }}");
        }

        extra?.Invoke(writer);
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override string ToString() => {displayProperty};");
        writer.Close();
        writer.Line();
    }

    private static void WritePatternMembers(CodeWriter writer, string nameProperty, string what)
    {
        writer.Line();
        writer.Summary($"Whether <see cref=\"{nameProperty}\"/> is a pattern with '*'.");
        writer.Line($"public bool IsPattern => {nameProperty}.IndexOf('*') >= 0;");
        writer.Line();
        writer.Summary($"Whether a concrete {what} is this entry: equal to it, or matched by its pattern.");
        writer.Line($"/// <param name=\"value\">The concrete {what}.</param>");
        writer.Line($"public bool Matches(string value) => ConsentManifest.MatchesPattern({nameProperty}, value);");
        writer.Line();
        writer.Summary("Whether the entry's category is essential, so writing it needs no consent.");
        writer.Line("public bool IsEssential => ConsentManifest.GetCategory(Category).IsEssential;");
    }
}
