using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ConsentAnalyzers.ConsentApi;
using ConsentAnalyzers.Manifest;

namespace ConsentAnalyzers.Generator;

/// <summary>
/// Emits <c>ConsentCookies</c> and <c>ConsentStorageKeys</c>: a <c>const string</c> per exact name, and for a
/// pattern a <c>…Prefix</c> constant (its fixed text before the first '*') and a <c>…Name(…)</c> method that builds
/// a concrete name from the variable parts.
/// </summary>
internal static class NameConstantsEmitter
{
    /// <summary>One name to emit; <c>Classification</c> is the documentation's "category (consent)" text.</summary>
    private sealed record NamedEntry(string Name, string Classification, string? Provider, string? Purpose, string? Duration);

    public static string EmitCookies(GenerationInput input, CategoryNames categories) =>
        Emit(input, GeneratedNames.Cookies, "cookie", "The cookie names declared in the cookie policy (consent-manifest.json).",
            input.Manifest.Cookies.Select(c => new NamedEntry(c.Name, categories.Describe(c.Category), c.Provider, c.Purpose, c.Duration)));

    public static string EmitStorageKeys(GenerationInput input, CategoryNames categories)
    {
        // A key declared for both areas is one constant; its documentation gives each area's category.
        var entries = input.Manifest.Storage
            .GroupBy(entry => entry.Key)
            .Select(group =>
            {
                var first = group.First();
                var classification = string.Join("; ", group.Select(entry => $"in {AreaName(entry.Area)}, {categories.Describe(entry.Category)}"));
                return new NamedEntry(group.Key, classification, first.Provider, first.Purpose, first.Duration);
            });

        return Emit(input, GeneratedNames.StorageKeys, "storage key",
            "The browser-storage keys declared in the cookie policy (consent-manifest.json).", entries);
    }

    private static string AreaName(StorageArea area) => area == StorageArea.Local ? "localStorage" : "sessionStorage";

    private static string Emit(GenerationInput input, string className, string kind, string summary, IEnumerable<NamedEntry> entries) =>
        SourceFile.Build(input.Options, writer =>
        {
            var entryList = entries.ToList();
            var members = NameConstantsPlan.MemberPlan(className, entryList.Select(e => e.Name));
            writer.Summary(summary);
            writer.TypeAttributes(input.Options);
            writer.Line(SourceFile.ExcludeFromCoverageAttribute);
            writer.Open($"{input.Options.Visibility} static class {className}");
            for (var index = 0; index < entryList.Count; index++)
            {
                if (index > 0)
                {
                    writer.Line();
                }

                var entry = entryList[index];
                var member = members[index].Member;
                var details = Details(entry);
                if (!NamePattern.IsPattern(entry.Name))
                {
                    writer.Summary(new[] { $"The {kind} <c>{CodeWriter.Xml(entry.Name)}</c>: {entry.Classification}." }.Concat(details).ToArray());
                    writer.Line($"public const string {member} = {CodeWriter.Literal(entry.Name)};");
                    continue;
                }

                var stem = member;
                var pieces = NameConstantsPlan.PatternPieces(entry.Name);
                var parameters = Enumerable.Range(1,
                    pieces.Count - 1).Select(i => pieces.Count == 2 ? "part" : "part" + i.ToString(CultureInfo.InvariantCulture)).ToList();
                writer.Summary(
                    new[] { $"The fixed beginning of the {kind} pattern <c>{CodeWriter.Xml(entry.Name)}</c>: {entry.Classification}." }.Concat(
                        details).ToArray());
                writer.Line($"public const string {NameConstantsPlan.PrefixName(stem)} = {CodeWriter.Literal(pieces[0])};");
                writer.Line();
                writer.Summary(
                    $"Builds a concrete name of the {kind} pattern <c>{CodeWriter.Xml(entry.Name)}</c>, each part standing for one '*': " +
                    $"{entry.Classification}.");
                foreach (var parameter in parameters)
                {
                    writer.Line($"/// <param name=\"{parameter}\">The text that stands for {(parameters.Count == 1 ? "the" : "one")} '*'.</param>");
                }

                writer.Line($"/// <returns>The concrete {kind} name.</returns>");
                writer.Open(
                    $"public static string {NameConstantsPlan.BuilderName(stem)}({string.Join(", ", parameters.Select(p => "string " + p))})");
                foreach (var parameter in parameters)
                {
                    writer.Line($"if ({parameter} == null) throw new global::System.ArgumentNullException(nameof({parameter}));");
                }

                var concatenation = new List<string>();
                for (var i = 0; i < pieces.Count; i++)
                {
                    if (pieces[i].Length > 0)
                    {
                        concatenation.Add(CodeWriter.Literal(pieces[i]));
                    }

                    if (i < parameters.Count)
                    {
                        concatenation.Add(parameters[i]);
                    }
                }

                writer.Line($"return {string.Join(" + ", concatenation)};");
                writer.Close();
            }

            writer.Close();
        });

    private static IEnumerable<string> Details(NamedEntry entry)
    {
        if (entry.Provider is not null)
        {
            yield return "Provider: " + CodeWriter.Xml(entry.Provider) + ".";
        }

        if (entry.Purpose is not null)
        {
            yield return "Purpose: " + CodeWriter.Xml(entry.Purpose);
        }

        if (entry.Duration is not null)
        {
            yield return "Duration: " + CodeWriter.Xml(entry.Duration) + ".";
        }

    }
}
