using System;
using System.Globalization;
using System.Text;

namespace ConsentAnalyzers.Common;

/// <summary>Quoting text from the manifest in a diagnostic message, which the IDE shows on one line.</summary>
internal static class MessageText
{
    /// <summary>
    /// Text from the manifest made safe to quote in a one-line message: control characters, line separators and lone
    /// surrogates escaped, long text cut.
    /// </summary>
    public static string Printable(string text)
    {
        const int MaxLength = 80;
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (builder.Length >= MaxLength)
            {
                return builder.Append('…').ToString();
            }

            if (char.IsSurrogatePair(text, i))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
