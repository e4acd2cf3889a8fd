using System.Collections.Generic;
using System.Linq;
using ConsentAnalyzers.ConsentApi;
using ConsentAnalyzers.Manifest;

namespace ConsentAnalyzers.Generator;

/// <summary>
/// Emits <c>static class ConsentMode</c>: Google Consent Mode v2 states from the categories' <c>consentMode</c>
/// mappings, as JSON and as the <c>gtag('consent', …)</c> statements a page runs before any Google tag. Keys follow the
/// manifest (category order, then each category's types), so the text is deterministic and testable as a whole. The
/// type names come from a fixed list the manifest reader checks, so the JSON needs no escaping and is safe inside a
/// <c>&lt;script&gt;</c>.
/// </summary>
internal static class ConsentModeEmitter
{
    public const string HintName = "ConsentMode.g.cs";

    private const string Granted = "granted";
    private const string Denied = "denied";

    /// <summary>Only a manifest that maps a category to Consent Mode gets the class.</summary>
    public static bool Applies(ManifestModel manifest) => manifest.Categories.Any(category => category.ConsentModeTypes.Count > 0);

    public static string Emit(GenerationInput input, CategoryNames categories) => SourceFile.Build(input.Options, writer =>
    {
        var mapped = input.Manifest.Categories.Where(category => category.ConsentModeTypes.Count > 0).ToList();
        writer.Summary(
            "Google Consent Mode v2 states from the cookie policy (the categories' <c>consentMode</c> in consent-manifest.json).",
            "Render <see cref=\"DefaultScript\"/> and then <see cref=\"UpdateScript\"/> in an inline script before the Google tag loads, " +
            "so the tag starts from the visitor's choices.");
        writer.OpenType(input.Options, "static class ConsentMode");

        var defaults = mapped.SelectMany(category => category.ConsentModeTypes.Select(type => (type, category.IsEssential ? Granted : Denied)));
        writer.Summary(
            "The state before the visitor chooses: every mapped type <c>denied</c>, except those of essential categories, <c>granted</c>.");
        writer.Line($"public const string DefaultJson = {CodeWriter.Literal(Json(defaults))};");
        writer.Line();
        writer.Summary("<c>gtag('consent', 'default', …);</c> with <see cref=\"DefaultJson\"/>.");
        writer.Line($"public const string DefaultScript = \"gtag('consent', 'default', \" + DefaultJson + \");\";");
        writer.Line();

        writer.Summary(
            "The visitor's state: each mapped type <c>granted</c> or <c>denied</c> as its category is; essential categories are always granted.");
        writer.Line(
            "/// <param name=\"isGranted\">Whether the visitor consented to a category; asked once per non-essential mapped category.</param>");
        writer.Open($"public static string UpdateJson(global::System.Func<{GeneratedNames.Category}, bool> isGranted)");
        writer.Line("if (isGranted == null) throw new global::System.ArgumentNullException(nameof(isGranted));");
        var parts = new List<string>();
        var first = true;
        foreach (var category in mapped)
        {
            var state = category.IsEssential ? CodeWriter.Literal(Quoted(Granted)) : StateVariable(categories.Member(category.Id));
            if (!category.IsEssential)
            {
                writer.Line(
                    $"var {state} = isGranted({categories.Reference(category.Id)}) ? {CodeWriter.Literal(Quoted(Granted))} : " +
                    $"{CodeWriter.Literal(Quoted(Denied))};");
            }

            foreach (var type in category.ConsentModeTypes)
            {
                parts.Add(CodeWriter.Literal((first ? "{" : ",") + Quoted(type) + ":"));
                parts.Add(state);
                first = false;
            }
        }

        parts.Add(CodeWriter.Literal("}"));
        writer.Line($"return string.Concat(new string[] {{ {string.Join(", ", parts)} }});");
        writer.Close();
        writer.Line();

        writer.Summary("<c>gtag('consent', 'update', …);</c> with <see cref=\"UpdateJson\"/>.");
        writer.Line("/// <param name=\"isGranted\">Whether the visitor consented to a category.</param>");
        writer.Line(
            $"public static string UpdateScript(global::System.Func<{GeneratedNames.Category}, bool> isGranted) => " +
            "\"gtag('consent', 'update', \" + UpdateJson(isGranted) + \");\";");
        writer.Close();
    });

    private static string Quoted(string value) => "\"" + value + "\"";

    private static string StateVariable(string member) => char.ToLowerInvariant(member[0]) + member.Substring(1) + "State";

    private static string Json(IEnumerable<(string Type, string State)> states) =>
        "{" + string.Join(",", states.Select(state => Quoted(state.Type) + ":" + Quoted(state.State))) + "}";
}
