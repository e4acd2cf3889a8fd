using System;
using System.Collections.Generic;
using System.Linq;
using ConsentAnalyzers.Json;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.CodeFixes.ManifestEntries;

/// <summary>
/// Writes one member of a JSON object or array; <c>indent</c> is the indentation of its first line, or null to write it
/// on one line.
/// </summary>
internal delegate string RenderMember(string? indent);

/// <summary>
/// How the user writes the manifest, read from the file itself, so the text a fix adds looks as if they had typed it:
/// the line break (CRLF or LF), the indentation unit (tabs or spaces, how many), trailing commas, and whether entry
/// objects are written on one line or one property per line (as editors' JSON formatters do).
/// </summary>
internal sealed class ManifestLayout
{
    private static readonly string[] EntrySections = ["cookies", "storage", "trackers", "guards"];

    private ManifestLayout(string? newLine, string indentUnit, bool trailingCommas, string? entryPropertyIndent)
    {
        NewLine = newLine;
        IndentUnit = indentUnit;
        TrailingCommas = trailingCommas;
        EntryPropertyIndent = entryPropertyIndent;
    }

    /// <summary>The file's line break; null when the whole manifest is one line, and then what is added stays on it.</summary>
    public string? NewLine { get; }

    /// <summary>One level of indentation: that of the top-level properties.</summary>
    public string IndentUnit { get; }

    /// <summary>Whether the last member of the top-level object has a trailing comma: the style for new lists.</summary>
    public bool TrailingCommas { get; }

    /// <summary>
    /// Null when entries are written on one line (<c>{ "name": …, "category": … }</c>); otherwise how much deeper than
    /// its braces each property of an entry stands on its own line.
    /// </summary>
    public string? EntryPropertyIndent { get; }

    public static ManifestLayout Detect(SourceText text, JsonObject root)
    {
        var first = root.Properties.FirstOrDefault();
        var unit = first is not null && ManifestText.StartsLine(text, first.NameSpan.Start)
            ? ManifestText.Indentation(text, first.NameSpan.Start)
            : string.Empty;
        if (unit.Length == 0)
        {
            unit = "  "; // top-level properties beside the brace: nothing to learn from
        }

        var last = root.Properties.LastOrDefault();
        var trailingCommas = last is not null && HasCommaAfter(text, last.Value.Span);
        return new ManifestLayout(ManifestText.NewLine(text), unit, trailingCommas, EntryPropertyIndentOf(text, root, unit));
    }

    private static bool HasCommaAfter(SourceText text, TextSpan member)
    {
        var next = ManifestText.NextToken(text, member.End);
        return next < text.Length && text[next] == ',';
    }

    /// <summary>
    /// The lines of members written one per line at <paramref name="indent"/>, with commas between (and after the last
    /// one, if asked).
    /// </summary>
    public IEnumerable<string> MemberLines(IReadOnlyList<RenderMember> members, string indent, bool trailingComma) =>
        members.Select((render, i) => indent + render(indent) + (i < members.Count - 1 || trailingComma ? "," : string.Empty));

    /// <summary>Members on one line, after one another: <c>{ … }, { … }</c>.</summary>
    public static string OnOneLine(IEnumerable<RenderMember> members) => string.Join(", ", members.Select(render => render(null)));

    /// <summary>An entry object, on one line or one property per line, as the manifest's other entries are.</summary>
    public string Entry(NewManifestEntry entry, string? indent)
    {
        var pairs = entry.Fields().Select(f => ManifestText.Quote(f.Field) + ": " + ManifestText.Quote(f.Value));
        if (indent is null || EntryPropertyIndent is null)
        {
            return "{ " + string.Join(", ", pairs) + " }";
        }

        var propertyIndent = indent + EntryPropertyIndent;
        return "{" + NewLine + string.Join("," + NewLine, pairs.Select(p => propertyIndent + p)) + NewLine + indent + "}";
    }

    /// <summary>A whole new section: <c>"cookies": [ … ]</c>, its entries one level deeper than the section's name.</summary>
    public string Section(string name, IReadOnlyList<RenderMember> entries, string? indent)
    {
        if (indent is null)
        {
            return ManifestText.Quote(name) + ": [ " + OnOneLine(entries) + " ]";
        }

        var lines = MemberLines(entries, indent + IndentUnit, TrailingCommas);
        return ManifestText.Quote(name) + ": [" + NewLine + string.Join(NewLine, lines) + NewLine + indent + "]";
    }

    /// <summary>
    /// Whether existing entries put each property on its own line, judged by the last entry of the first list that
    /// has one; and if so, how much deeper than the entry's first line its properties stand.
    /// </summary>
    private static string? EntryPropertyIndentOf(SourceText text, JsonObject root, string unit)
    {
        var sample = EntrySections
            .Select(section => (root.Find(section)?.Value as JsonArray)?.Items.OfType<JsonObject>().LastOrDefault(o => o.Properties.Length > 0))
            .FirstOrDefault(o => o is not null);
        if (sample is null)
        {
            return null;
        }

        // A property that starts its line is on a line after the entry's '{'.
        var firstProperty = sample.Properties[0].NameSpan.Start;
        if (!ManifestText.StartsLine(text, firstProperty))
        {
            return null;
        }

        var entryIndent = ManifestText.Indentation(text, sample.Span.Start);
        var propertyIndent = ManifestText.Indentation(text, firstProperty);
        return propertyIndent.Length > entryIndent.Length && propertyIndent.StartsWith(entryIndent, StringComparison.Ordinal)
            ? propertyIndent.Substring(entryIndent.Length)
            : unit;
    }
}
