using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ConsentAnalyzers.ConsentApi;
using ConsentAnalyzers.Manifest;

namespace ConsentAnalyzers.Generator;

/// <summary>
/// Emits <c>static class ConsentManifest</c>: the whole policy as data (so an app renders its cookie table and banner
/// from the same source the analyzers check), plus <c>FindCookie</c> / <c>FindStorageKey</c>, which resolve a
/// concrete name through exact names first, then patterns from the most specific (most fixed characters) down.
/// </summary>
internal static class ManifestEmitter
{
    public const string ClassName = "ConsentManifest";

    public static string Emit(GenerationInput input, CategoryNames categories) => SourceFile.Build(input.Options, writer =>
    {
        var manifest = input.Manifest;
        var n = input.Options.NullableMark;
        writer.Summary("The cookie policy (consent-manifest.json) as data: categories, cookies, storage keys and trackers with all their metadata.");
        writer.TypeAttributes(input.Options);
        writer.Line(SourceFile.ExcludeFromCoverageAttribute);
        writer.Open($"{input.Options.Visibility} static class {ClassName}");

        writer.Summary("The manifest format version.");
        writer.Line($"public const int Version = {manifest.Version.ToString(CultureInfo.InvariantCulture)};");
        writer.Line();

        WriteArray(writer, "ConsentCategoryInfo", "s_categories", manifest.Categories.Select(c =>
            $"new ConsentCategoryInfo({categories.Reference(c.Id)}, {CodeWriter.Literal(c.Id)}, {CodeWriter.Literal(c.Title)}, " +
            $"{CodeWriter.Literal(c.Description)}, {Bool(c.IsEssential)}, {StringArray(c.OptOutSignals)}, {StringArray(c.ConsentModeTypes)}, " +
            $"{IntArray(c.TcfPurposes)})"));
        WriteArray(writer, "ConsentCookieInfo", "s_cookies", manifest.Cookies.Select(c =>
            $"new ConsentCookieInfo({CodeWriter.Literal(c.Name)}, {categories.Reference(c.Category)}, {CodeWriter.Literal(c.Provider)}, " +
            $"{CodeWriter.Literal(c.Purpose)}, {CodeWriter.Literal(c.Duration)}, {LifetimeArguments(c.MaxAge)}, {CodeWriter.Literal(c.Domain)}, " +
            $"{CodeWriter.Literal(c.Path)}, {Bool(c.Refresh)})"));
        WriteArray(writer, "ConsentStorageKeyInfo", "s_storageKeys", manifest.Storage.Select(s =>
            $"new ConsentStorageKeyInfo({CodeWriter.Literal(s.Key)}, ConsentStorageArea.{s.Area}, {categories.Reference(s.Category)}, " +
            $"{CodeWriter.Literal(s.Provider)}, {CodeWriter.Literal(s.Purpose)}, {CodeWriter.Literal(s.Duration)}, {LifetimeArguments(s.MaxAge)})"));
        WriteArray(writer, "ConsentTrackerInfo", "s_trackers", manifest.Trackers.Select(t =>
            $"new ConsentTrackerInfo(ConsentTrackerKind.{t.Kind}, {CodeWriter.Literal(t.Value)}, {categories.Reference(t.Category)}, " +
            $"{CodeWriter.Literal(t.Provider)})"));

        WriteList(writer, "ConsentCategoryInfo", "Categories", "s_categories",
            "The consent categories, in manifest order (the order of <see cref=\"ConsentCategory\"/>).");
        WriteList(writer, "ConsentCookieInfo", "Cookies", "s_cookies", "The declared cookies, in manifest order.");
        WriteList(writer, "ConsentStorageKeyInfo", "StorageKeys", "s_storageKeys", "The declared browser-storage keys, in manifest order.");
        WriteList(writer, "ConsentTrackerInfo", "Trackers", "s_trackers", "The declared trackers, in manifest order.");
        WriteExactIndexes(writer, manifest);

        writer.Summary("The metadata of a category.");
        writer.Line("/// <param name=\"category\">The category.</param>");
        writer.Open($"public static ConsentCategoryInfo GetCategory({GeneratedNames.Category} category)");
        writer.Line("var index = (int)category;");
        writer.Line("if (index < 0 || index >= s_categories.Length) throw new global::System.ArgumentOutOfRangeException(nameof(category));");
        writer.Line("return s_categories[index];");
        writer.Close();
        writer.Line();

        writer.Summary(
            "Finds the declaration that covers a concrete cookie name: the exact name if declared, else the most specific matching pattern; " +
            "<c>null</c> if the policy does not declare it.");
        writer.Line("/// <param name=\"name\">A concrete cookie name, e.g. <c>_ga_ABC123</c>.</param>");
        writer.Open($"public static ConsentCookieInfo{n} FindCookie(string name)");
        writer.Line("if (name == null) throw new global::System.ArgumentNullException(nameof(name));");
        WriteLookup(writer, "name", "s_cookies", ExactCookiesField, manifest.Cookies.Select((c, i) => (c.Name, i)));
        writer.Line("return null;");
        writer.Close();
        writer.Line();

        writer.Summary(
            "Finds the declaration that covers a concrete browser-storage key in an area: " +
            "the exact key if declared, else the most specific matching pattern; <c>null</c> if the policy does not declare it.");
        writer.Line("/// <param name=\"area\">localStorage or sessionStorage.</param>");
        writer.Line("/// <param name=\"key\">A concrete storage key.</param>");
        writer.Open($"public static ConsentStorageKeyInfo{n} FindStorageKey(ConsentStorageArea area, string key)");
        writer.Line("if (key == null) throw new global::System.ArgumentNullException(nameof(key));");
        foreach (var area in new[] { StorageArea.Local, StorageArea.Session })
        {
            var entries = manifest.Storage.Select((s, i) => (s, i)).Where(x => x.s.Area == area).Select(x => (x.s.Key, x.i)).ToList();
            if (entries.Count == 0)
            {
                continue;
            }

            writer.Open($"if (area == ConsentStorageArea.{area})");
            WriteLookup(writer, "key", "s_storageKeys", ExactStorageKeysField(area), entries);
            writer.Close();
        }

        writer.Line("return null;");
        writer.Close();
        writer.Line();

        writer.Summary(
            "Whether <paramref name=\"value\"/> equals <paramref name=\"pattern\"/> or matches it, '*' standing for any run of characters.");
        writer.Line("/// <param name=\"pattern\">A name or pattern from the manifest.</param>");
        writer.Line("/// <param name=\"value\">A concrete name.</param>");
        writer.Open("internal static bool MatchesPattern(string pattern, string value)");
        writer.Line("if (value == null) throw new global::System.ArgumentNullException(nameof(value));");
        writer.Line("return MatchesPattern(pattern, value, 0, value.Length);");
        writer.Close();
        writer.Line();

        writer.Summary(
            "Whether the run of <paramref name=\"length\"/> characters of <paramref name=\"text\"/> from <paramref name=\"start\"/> " +
            "matches <paramref name=\"pattern\"/>: a name read in place, e.g. from a <c>Set-Cookie</c> header, without a substring.");
        writer.Line("/// <param name=\"pattern\">A name or pattern from the manifest.</param>");
        writer.Line("/// <param name=\"text\">The text that holds the name.</param>");
        writer.Line("/// <param name=\"start\">Where the name starts.</param>");
        writer.Line("/// <param name=\"length\">The name's length.</param>");
        writer.Open("internal static bool MatchesPattern(string pattern, string text, int start, int length)");
        writer.Line("int p = 0, v = 0, starP = -1, starV = 0;");
        writer.Open("while (v < length)");
        writer.Line("if (p < pattern.Length && pattern[p] == '*') { starP = p++; starV = v; }");
        writer.Line("else if (p < pattern.Length && pattern[p] == text[start + v]) { p++; v++; }");
        writer.Line("else if (starP >= 0) { p = starP + 1; v = ++starV; }");
        writer.Line("else return false;");
        writer.Close();
        writer.Line("while (p < pattern.Length && pattern[p] == '*') p++;");
        writer.Line("return p == pattern.Length;");
        writer.Close();

        writer.Close();
    });

    private static string StringArray(IEnumerable<string> values)
    {
        var items = string.Join(", ", values.Select(CodeWriter.Literal));
        return items.Length == 0 ? "new string[0]" : $"new string[] {{ {items} }}";
    }

    internal static string IntArray(IEnumerable<int> values)
    {
        var items = string.Join(", ", values.Select(value => value.ToString(CultureInfo.InvariantCulture)));
        return items.Length == 0 ? "new int[0]" : $"new int[] {{ {items} }}";
    }

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>
    /// <c>maxAge, isSession, lifetime, lifetimeDescription</c>: the span at its shortest reading (so it never exceeds the
    /// declaration), as days, hours, minutes and seconds for the reader.
    /// </summary>
    private static string LifetimeArguments(Lifetime? lifetime)
    {
        if (lifetime is null)
        {
            return "null, false, null, null";
        }

        var maxAge = "null";
        if (!lifetime.IsSession)
        {
            var seconds = lifetime.ShortestSeconds;
            maxAge = string.Format(CultureInfo.InvariantCulture, "new global::System.TimeSpan({0}, {1}, {2}, {3})",
                seconds / 86400, seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
        }

        return $"{maxAge}, {Bool(lifetime.IsSession)}, {CodeWriter.Literal(lifetime.ToString())}, {CodeWriter.Literal(lifetime.Describe())}";
    }

    private static void WriteArray(CodeWriter writer, string type, string field, IEnumerable<string> items)
    {
        writer.Open($"private static readonly {type}[] {field} = new {type}[]");
        foreach (var item in items)
        {
            writer.Line(item + ",");
        }

        writer.Close("};");
        writer.Line();
    }

    private static void WriteList(CodeWriter writer, string type, string property, string field, string summary)
    {
        writer.Summary(summary);
        writer.Line(
            $"public static global::System.Collections.Generic.IReadOnlyList<{type}> {property} {{ get; }} = new " +
            $"global::System.Collections.ObjectModel.ReadOnlyCollection<{type}>({field});");
        writer.Line();
    }

    private const string ExactCookiesField = "s_exactCookies";

    private static string ExactStorageKeysField(StorageArea area) => $"s_exact{area}StorageKeys";

    /// <summary>
    /// Dictionaries of the exact names, built once from the arrays when the class is first used. Not a <c>switch</c>:
    /// the compiler takes minutes over a string switch of thousands of cases, and a manifest can declare that many.
    /// </summary>
    private static void WriteExactIndexes(CodeWriter writer, ManifestModel manifest)
    {
        const string Dictionary = "global::System.Collections.Generic.Dictionary";
        const string NewIndex = "new " + Dictionary + "<string, {0}>(global::System.StringComparer.Ordinal)";
        if (manifest.Cookies.Any(c => !NamePattern.IsPattern(c.Name)))
        {
            writer.Line($"private static readonly {Dictionary}<string, ConsentCookieInfo> {ExactCookiesField} = IndexExactCookies();");
            writer.Line();
            writer.Open($"private static {Dictionary}<string, ConsentCookieInfo> IndexExactCookies()");
            writer.Line("var index = " + string.Format(CultureInfo.InvariantCulture, NewIndex, "ConsentCookieInfo") + ";");
            writer.Line("foreach (var cookie in s_cookies) if (cookie.Name.IndexOf('*') < 0) index.Add(cookie.Name, cookie);");
            writer.Line("return index;");
            writer.Close();
            writer.Line();
        }

        var areas = StorageAreasWithExactKeys(manifest).ToList();
        foreach (var area in areas)
        {
            writer.Line(
                $"private static readonly {Dictionary}<string, ConsentStorageKeyInfo> {ExactStorageKeysField(area)} = " +
                $"IndexExactStorageKeys(ConsentStorageArea.{area});");
            writer.Line();
        }

        if (areas.Count > 0)
        {
            writer.Open($"private static {Dictionary}<string, ConsentStorageKeyInfo> IndexExactStorageKeys(ConsentStorageArea area)");
            writer.Line("var index = " + string.Format(CultureInfo.InvariantCulture, NewIndex, "ConsentStorageKeyInfo") + ";");
            writer.Line("foreach (var key in s_storageKeys) if (key.Area == area && key.Key.IndexOf('*') < 0) index.Add(key.Key, key);");
            writer.Line("return index;");
            writer.Close();
            writer.Line();
        }
    }

    private static IEnumerable<StorageArea> StorageAreasWithExactKeys(ManifestModel manifest) =>
        new[] { StorageArea.Local, StorageArea.Session }.Where(area => manifest.Storage.Any(s => s.Area == area && !NamePattern.IsPattern(s.Key)));

    /// <summary>The exact names through their dictionary, then the patterns, most specific first.</summary>
    private static void WriteLookup(CodeWriter writer, string variable, string field, string exactIndex,
        IEnumerable<(string Name, int Index)> entries)
    {
        var list = entries.ToList();
        if (list.Any(e => !NamePattern.IsPattern(e.Name)))
        {
            writer.Line($"if ({exactIndex}.TryGetValue({variable}, out var exact)) return exact;");
        }

        var patterns = list
            .Where(e => NamePattern.IsPattern(e.Name))
            .OrderByDescending(e => e.Name.Length - e.Name.Count(c => c == NamePattern.Wildcard))
            .ThenBy(e => e.Index);
        foreach (var (name, index) in patterns)
        {
            writer.Line(
                $"if (MatchesPattern({CodeWriter.Literal(name)}, {variable})) return {field}[{index.ToString(CultureInfo.InvariantCulture)}];");
        }
    }
}
