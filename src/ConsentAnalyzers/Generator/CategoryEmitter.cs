using ConsentAnalyzers.ConsentApi;
namespace ConsentAnalyzers.Generator;

/// <summary>Emits <c>enum ConsentCategory</c>: one member per declared category, in manifest order.</summary>
internal static class CategoryEmitter
{
    public static string Emit(GenerationInput input, CategoryNames names) => SourceFile.Build(input.Options, writer =>
    {
        writer.Summary("The consent categories of the cookie policy (consent-manifest.json).");
        writer.TypeAttributes(input.Options);
        writer.Open($"{input.Options.Visibility} enum {GeneratedNames.Category}");
        var value = 0;
        foreach (var category in input.Manifest.Categories)
        {
            writer.Summary(
                $"{CodeWriter.Xml(category.Title)} " +
                $"(<c>{CodeWriter.Xml(category.Id)}</c>){(category.IsEssential ? ": essential, needs no consent." : ": needs the user's consent.")}",
                category.Description is null ? null : CodeWriter.Xml(category.Description),
                category.OptOutSignals.Count == 0
                    ? null
                    : "Honours the opt-out signals: " + CodeWriter.Xml(string.Join(", ", category.OptOutSignals)) + ".");
            writer.Line($"{names.Member(category.Id)} = {value++},");
        }

        writer.Close();
    });
}
