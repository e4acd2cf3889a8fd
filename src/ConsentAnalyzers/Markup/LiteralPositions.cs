using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Markup;

/// <summary>
/// Maps a range of a string literal's value back to its source text, through escape sequences, so a finding inside
/// a long piece of Razor markup is reported on its own line of the .cshtml/.razor file (via the #line mapping).
/// </summary>
internal static class LiteralPositions
{
    /// <summary>
    /// The location of value characters [start, start+length) of <paramref name="literal"/>, or the whole literal when
    /// it cannot be mapped.
    /// </summary>
    public static Location Locate(SyntaxNode literal, int start, int length)
    {
        if (literal is not LiteralExpressionSyntax { Token: var token } || !token.IsKind(SyntaxKind.StringLiteralToken))
        {
            return literal.GetLocation();
        }

        var from = TextIndex(token.Text, start);
        var to = TextIndex(token.Text, start + length);
        return from < 0 || to < 0
            ? literal.GetLocation()
            : Location.Create(literal.SyntaxTree, TextSpan.FromBounds(token.SpanStart + from, token.SpanStart + to));
    }

    /// <summary>The index in the token's text where value character <paramref name="valueIndex"/> starts; -1 if unknown.</summary>
    private static int TextIndex(string text, int valueIndex)
    {
        var verbatim = text.StartsWith("@\"", StringComparison.Ordinal);
        if (!verbatim && !text.StartsWith("\"", StringComparison.Ordinal))
        {
            return -1; // raw or interpolated literals: not produced by Razor, not mapped
        }

        var i = verbatim ? 2 : 1;
        for (var value = 0; value < valueIndex; value++)
        {
            if (i >= text.Length - 1)
            {
                return -1;
            }

            i += verbatim ? (text[i] == '"' ? 2 : 1) : EscapeLength(text, i);
        }

        return i;
    }

    private static int EscapeLength(string text, int i)
    {
        if (text[i] != '\\' || i + 1 >= text.Length)
        {
            return 1;
        }

        switch (text[i + 1])
        {
            case 'u':
                return 6;
            case 'x':
                var length = 2;
                while (length < 6 && i + length < text.Length && Uri.IsHexDigit(text[i + length]))
                {
                    length++;
                }

                return length;
            default:
                return 2; // \U (two UTF-16 units) is counted once here; Razor does not emit it
        }
    }
}
