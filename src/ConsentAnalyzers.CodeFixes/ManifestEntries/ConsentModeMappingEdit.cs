using System.Collections.Generic;
using ConsentAnalyzers.Json;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Trackers;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.CodeFixes.ManifestEntries;

/// <summary>
/// Adds <c>"consentMode": [ … ]</c> to one category of the manifest (CG0206), written like the category's own
/// properties: after the last one, on a line of its own with its indentation when they are on lines of their own, else
/// on the same line.
/// </summary>
internal static class ConsentModeMappingEdit
{
    /// <summary>The new text, or null when the category is not an object of the manifest or already has a mapping.</summary>
    public static SourceText? Apply(SourceText text, string categoryId, IReadOnlyCollection<string> types)
    {
        var (root, syntaxError) = JsonParser.Parse(text.ToString());
        if (syntaxError is not null
            || root is not JsonObject manifest
            || manifest.Find("categories")?.Value is not JsonObject categories
            || categories.Find(categoryId)?.Value is not JsonObject category
            || category.Find("consentMode") is not null)
        {
            return null;
        }

        var property = ManifestText.Quote("consentMode") + ": [" + GoogleTag.AsJsonItems(types) + "]";
        TextChange change;
        if (category.Properties.Length == 0)
        {
            change = new TextChange(new TextSpan(category.Span.Start + 1, category.Span.Length - 2), " " + property + " ");
        }
        else
        {
            var last = category.Properties[category.Properties.Length - 1];
            var ownLine = ManifestText.StartsLine(text, last.NameSpan.Start) && !OnOneLine(text, category);
            var separator = ownLine ? "," + (ManifestText.NewLine(text) ?? "\n") + ManifestText.Indentation(text, last.NameSpan.Start) : ", ";
            change = new TextChange(new TextSpan(last.Value.Span.End, 0), separator + property);
        }

        var result = text.WithChanges(change);

        // The reader is the judge, as for the other manifest edits: the mapping must not bring an error (a type that
        // another category already maps).
        return ManifestReader.Read(result).Model is null ? null : result;
    }

    private static bool OnOneLine(SourceText text, JsonObject category) =>
        text.Lines.GetLineFromPosition(category.Span.Start).LineNumber == text.Lines.GetLineFromPosition(category.Span.End).LineNumber;
}
