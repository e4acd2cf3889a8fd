using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ConsentAnalyzers.Generator;

/// <summary>Writes indented C# with '\n' line endings, so output is byte-identical on every platform.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4).Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    public CodeWriter Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string closing = "}")
    {
        _indent--;
        return Line(closing);
    }

    /// <summary>A <c>/// &lt;summary&gt;</c> block; each paragraph is XML-escaped and folded onto one line.</summary>
    public CodeWriter Summary(params string?[] paragraphs)
    {
        Line("/// <summary>");
        var first = true;
        foreach (var paragraph in paragraphs)
        {
            if (string.IsNullOrWhiteSpace(paragraph))
            {
                continue;
            }

            Line(first ? "/// " + paragraph : "/// <para>" + paragraph + "</para>");
            first = false;
        }

        return Line("/// </summary>");
    }

    public override string ToString() => _builder.ToString();

    /// <summary>A C# string literal for any text (quotes, backslashes, control and unicode characters escaped).</summary>
    public static string Literal(string? value) =>
        value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>
    /// Text made safe inside an XML doc comment: escaped, on one line, and made of XML characters only (a lone
    /// surrogate, U+FFFE or U+FFFF, all possible through JSON \u escapes, would make the comment malformed: CS1570).
    /// </summary>
    public static string Xml(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogatePair(text, i))
            {
                builder.Append(c).Append(text[++i]);
                lastWasSpace = false;
                continue;
            }

            if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                c = '\uFFFD';
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString().Trim();
    }
}
