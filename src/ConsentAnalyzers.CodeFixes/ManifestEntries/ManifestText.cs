using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.CodeFixes.ManifestEntries;

/// <summary>Questions about the manifest's text around a JSON value: its line, its indentation, what follows it.</summary>
internal static class ManifestText
{
    /// <summary>The spaces and tabs that begin the line holding <paramref name="position"/>.</summary>
    public static string Indentation(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position);
        var end = line.Start;
        while (end < line.End && text[end] is ' ' or '\t')
        {
            end++;
        }

        return text.ToString(TextSpan.FromBounds(line.Start, end));
    }

    /// <summary>Whether only spaces and tabs stand before <paramref name="position"/> on its line.</summary>
    public static bool StartsLine(SourceText text, int position)
    {
        var start = LineStart(text, position);
        return Indentation(text, position).Length == position - start;
    }

    public static int LineStart(SourceText text, int position) => text.Lines.GetLineFromPosition(position).Start;

    /// <summary>The position of the first character from <paramref name="position"/> on that is not whitespace or a comment.</summary>
    public static int NextToken(SourceText text, int position)
    {
        while (position < text.Length)
        {
            var c = text[position];
            var next = position + 1 < text.Length ? text[position + 1] : '\0';
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                position++;
            }
            else if (c == '/' && next == '/')
            {
                position = text.Lines.GetLineFromPosition(position).End;
            }
            else if (c == '/' && next == '*')
            {
                var end = position + 2;
                while (end + 1 < text.Length && !(text[end] == '*' && text[end + 1] == '/'))
                {
                    end++;
                }

                position = Math.Min(text.Length, end + 2);
            }
            else
            {
                return position;
            }
        }

        return position;
    }

    /// <summary>The file's line break (that of its first line), or null when the whole file is one line.</summary>
    public static string? NewLine(SourceText text)
    {
        if (text.Lines.Count < 2)
        {
            return null;
        }

        var first = text.Lines[0];
        return text.ToString(TextSpan.FromBounds(first.End, first.EndIncludingLineBreak));
    }

    /// <summary>A JSON string literal: quotes, backslashes and control characters escaped, everything else as is.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;

                // Line and paragraph separators are legal in JSON strings but break the line in editors.
                case < ' ' or '\u007F' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }
}
