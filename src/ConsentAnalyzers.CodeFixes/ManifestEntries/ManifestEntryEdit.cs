using System.Collections.Generic;
using System.Linq;
using ConsentAnalyzers.Json;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.CodeFixes.ManifestEntries;

/// <summary>
/// Adds entries to a manifest text with the smallest edit that does it: new entries go at the end of their list (a
/// missing list is added after the last top-level property), written in the file's own line breaks, indentation and
/// comma style. Nothing else in the file changes: comments, blank lines and spacing stay as the user
/// wrote them.
/// </summary>
internal static class ManifestEntryEdit
{
    /// <summary>
    /// The text with the entries added, or null when it cannot be edited safely (not JSON, not an object, a list
    /// that is not an array) or the result would not be a valid manifest (the name cannot be declared as it is).
    /// </summary>
    public static SourceText? Apply(SourceText text, IReadOnlyCollection<NewManifestEntry> entries)
    {
        var changes = Changes(text, entries);
        if (changes is null)
        {
            return null;
        }

        var result = text.WithChanges(changes);

        // The reader is the judge: an entry must not bring an error (a cookie name with a space, a duplicate).
        return ManifestReader.Read(result).Model is null ? null : result;
    }

    private static List<TextChange>? Changes(SourceText text, IReadOnlyCollection<NewManifestEntry> entries)
    {
        var (root, syntaxError) = JsonParser.Parse(text.ToString());
        if (syntaxError is not null || root is not JsonObject rootObject)
        {
            return null;
        }

        var layout = ManifestLayout.Detect(text, rootObject);
        var changes = new List<TextChange>();
        var newSections = new List<RenderMember>();
        foreach (var section in entries.GroupBy(e => e.Section).OrderBy(g => g.Key))
        {
            var name = NewManifestEntry.SectionName(section.Key);
            var rendered = section.Select(entry => (RenderMember)(indent => layout.Entry(entry, indent))).ToList();
            var property = rootObject.Find(name);
            switch (property?.Value)
            {
                case null:
                    newSections.Add(indent => layout.Section(name, rendered, indent));
                    break;
                case JsonArray array:
                    var besideOtherMembers = !ManifestText.StartsLine(text, property.NameSpan.Start);
                    changes.AddRange(Insert(text, layout, array.Span, array.Items.LastOrDefault()?.Span, rendered, besideOtherMembers));
                    break;
                default:
                    return null;
            }
        }

        if (newSections.Count > 0)
        {
            var lastProperty = rootObject.Properties.LastOrDefault();
            var lastSpan = lastProperty is null ? (TextSpan?)null : TextSpan.FromBounds(lastProperty.NameSpan.Start, lastProperty.Value.Span.End);
            changes.AddRange(Insert(text, layout, rootObject.Span, lastSpan, newSections, besideOtherMembers: false));
        }

        return changes.OrderBy(change => change.Span.Start).ToList();
    }

    /// <summary>
    /// The changes that add <paramref name="members"/> at the end of the object or array at <paramref name="container"/>.
    /// Where its last member stands says how to lay out the new ones; an empty container written
    /// <paramref name="besideOtherMembers"/> on a line (<c>{ "version": 1, "cookies": [] }</c>) gets them on that line.
    /// </summary>
    private static IEnumerable<TextChange> Insert(SourceText text, ManifestLayout layout, TextSpan container, TextSpan? lastMember,
        IReadOnlyList<RenderMember> members, bool besideOtherMembers) =>
        lastMember is { } last
            ? InsertAfter(text, layout, container, last, members)
            : InsertIntoEmpty(text, layout, container, members, besideOtherMembers);

    private static IEnumerable<TextChange> InsertAfter(SourceText text, ManifestLayout layout, TextSpan container, TextSpan last,
        IReadOnlyList<RenderMember> members)
    {
        var commaAt = ManifestText.NextToken(text, last.End);
        var trailingComma = commaAt < text.Length && text[commaAt] == ',';
        if (layout.NewLine is not { } newLine || !ManifestText.StartsLine(text, last.Start))
        {
            // Members written side by side ([ {…}, {…} ]): the new ones follow on the same line.
            return trailingComma
                ? [Insertion(commaAt + 1, " " + ManifestLayout.OnOneLine(members) + ",")]
                : [Insertion(last.End, ", " + ManifestLayout.OnOneLine(members))];
        }

        var indent = ManifestText.Indentation(text, last.Start);
        var lines = layout.MemberLines(members, indent, trailingComma).ToList();
        var close = container.End - 1;
        if (ManifestText.StartsLine(text, close))
        {
            // Whole lines before the closing bracket's line: a comment after the last member stays where it is,
            // and so does a commented-out entry below it.
            var block = string.Concat(lines.Select(line => line + newLine));
            var insertBlock = Insertion(ManifestText.LineStart(text, close), block);
            return trailingComma ? [insertBlock] : [Insertion(last.End, ","), insertBlock];
        }

        // The closing bracket follows the last member on its line ({…} ]): break the line after that member.
        return [Insertion(trailingComma ? commaAt + 1 : last.End,
            (trailingComma ? string.Empty : ",") + string.Concat(lines.Select(line => newLine + line)))];
    }

    private static IEnumerable<TextChange> InsertIntoEmpty(SourceText text, ManifestLayout layout, TextSpan container,
        IReadOnlyList<RenderMember> members, bool besideOtherMembers)
    {
        var open = container.Start;
        var close = container.End - 1;
        var interior = TextSpan.FromBounds(open + 1, close);
        var interiorIsBlank = string.IsNullOrWhiteSpace(text.ToString(interior));
        if (layout.NewLine is not { } newLine || besideOtherMembers)
        {
            var oneLine = " " + ManifestLayout.OnOneLine(members) + " ";
            return [interiorIsBlank ? new TextChange(interior, oneLine) : Insertion(close, oneLine)];
        }

        // Members one level deeper than the line that opens the list ("cookies": [), which is where ']' belongs too.
        var baseIndent = ManifestText.Indentation(text, open);
        var lines = layout.MemberLines(members, baseIndent + layout.IndentUnit, layout.TrailingCommas).ToList();
        if (ManifestText.StartsLine(text, close))
        {
            // "[", a comment perhaps, then "]" on its own line: the members go on lines of their own before it.
            return [Insertion(ManifestText.LineStart(text, close), string.Concat(lines.Select(line => line + newLine)))];
        }

        var block = newLine + string.Join(newLine, lines) + newLine + baseIndent;
        return [interiorIsBlank ? new TextChange(interior, block) : Insertion(close, block)];
    }

    private static TextChange Insertion(int position, string text) => new(new TextSpan(position, 0), text);
}
