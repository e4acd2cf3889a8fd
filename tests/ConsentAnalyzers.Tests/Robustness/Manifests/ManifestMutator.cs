using System.Text;

namespace ConsentAnalyzers.Tests.Robustness.Manifests;

/// <summary>
/// Breaks valid manifests the ways files really break, and some ways only an attacker would: byte-level edits
/// (truncation, deletion, duplication, swaps, bit flips, invalid UTF-8, NULs, byte order marks, line-ending
/// rewrites) and token-level ones (a token deleted, doubled, swapped, or replaced by a value of another type,
/// a key/value line duplicated).
/// </summary>
internal static class ManifestMutator
{
    /// <summary>Byte sequences that are invalid or awkward in UTF-8: overlongs, encoded surrogates, stray continuations, U+2028, BOMs.</summary>
    private static readonly byte[][] NastyBytes =
    [
        [0x00], [0xFF], [0xFE], [0x80], [0xC0, 0x80], [0xC3], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
        [0xE2, 0x80], [0xE2, 0x80, 0xA8], [0xC2, 0x85], [0xEF, 0xBB, 0xBF], [0x0D], [0x0A], [0x1B], [0x7F], [0xF0, 0x9F, 0x8D, 0xAA],
    ];

    private static readonly string[] ValueTokens =
    [
        "1", "-0", "1e999", "true", "null", "{}", "[]", "\"\"", "\"*\"", "{\"x\":1}", "[1,2]", "'x'", "NaN", "\"\\ud800\"", "\"\\u00\"", "\"\\q\"",
    ];

    public static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = input;
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            bytes = random.Next(3) == 0 ? MutateTokens(bytes, random) : MutateBytes(bytes, random);
        }

        return bytes;
    }

    private static byte[] MutateBytes(byte[] bytes, Random random)
    {
        var list = new List<byte>(bytes);
        var at = random.Next(list.Count + 1);
        var length = Math.Min(list.Count - at, random.Next(1, 17));
        switch (random.Next(9))
        {
            case 0:
                return bytes[..at];
            case 1:
                list.RemoveRange(at, length);
                break;
            case 2:
                list.InsertRange(at, list.GetRange(at, length));
                break;
            case 3 when list.Count > 1:
                var other = random.Next(list.Count);
                at = Math.Min(at, list.Count - 1);
                (list[at], list[other]) = (list[other], list[at]);
                break;
            case 4 when list.Count > 0:
                at = Math.Min(at, list.Count - 1);
                list[at] ^= (byte)(1 << random.Next(8));
                break;
            case 5:
                list.InsertRange(at, NastyBytes[random.Next(NastyBytes.Length)]);
                break;
            case 6:
                return WithByteOrderMark(bytes, random);
            case 7:
                return RewriteLineEndings(bytes, random);
            default:
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    list.Insert(random.Next(list.Count + 1), 0);
                }

                break;
        }

        return list.ToArray();
    }

    /// <summary>A BOM that matches the encoding, or one that lies about it.</summary>
    private static byte[] WithByteOrderMark(byte[] utf8, Random random)
    {
        var text = Encoding.UTF8.GetString(utf8);
        return random.Next(5) switch
        {
            0 => [.. Encoding.UTF8.GetPreamble(), .. utf8],
            1 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            2 => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            3 => [.. Encoding.Unicode.GetPreamble(), .. utf8],
            _ => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetPreamble(), .. utf8],
        };
    }

    private static byte[] RewriteLineEndings(byte[] utf8, Random random)
    {
        var text = Encoding.UTF8.GetString(utf8).Replace("\r\n", "\n", StringComparison.Ordinal);
        var builder = new StringBuilder(text.Length);
        var mode = random.Next(4);
        foreach (var c in text)
        {
            if (c != '\n')
            {
                builder.Append(c);
                continue;
            }

            builder.Append((mode == 3 ? random.Next(3) : mode) switch
            {
                0 => "\r\n",
                1 => "\r",
                _ => "\n",
            });
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>Token edits, on the text as UTF-8 decodes it (bytes that are not UTF-8 become U+FFFD here).</summary>
    private static byte[] MutateTokens(byte[] utf8, Random random)
    {
        var text = Encoding.UTF8.GetString(utf8);
        var tokens = JsonTokens.Lex(text).Where(t => t.Kind != JsonTokenKind.Trivia).ToList();
        if (tokens.Count == 0)
        {
            return utf8;
        }

        var token = tokens[random.Next(tokens.Count)];
        var tokenText = text.Substring(token.Start, token.Length);
        string result;
        switch (random.Next(5))
        {
            case 0:
                result = text.Remove(token.Start, token.Length);
                break;
            case 1:
                result = text.Insert(token.Start, tokenText);
                break;
            case 2:
                var index = tokens.IndexOf(token);
                if (index + 1 >= tokens.Count)
                {
                    return utf8;
                }

                var next = tokens[index + 1];
                var between = text.Substring(token.Start + token.Length, next.Start - token.Start - token.Length);
                result = text.Substring(0, token.Start) + text.Substring(next.Start, next.Length) + between + tokenText
                    + text.Substring(next.Start + next.Length);
                break;
            case 3:
                result = text.Remove(token.Start, token.Length).Insert(token.Start, ValueTokens[random.Next(ValueTokens.Length)]);
                break;
            default:
                result = DuplicateLine(text, token.Start);
                break;
        }

        return Encoding.UTF8.GetBytes(result);
    }

    /// <summary>Doubles the line a token stands on: in a pretty-printed manifest, usually a key with its value (a duplicate key).</summary>
    private static string DuplicateLine(string text, int position)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        var end = text.IndexOf('\n', position);
        end = end < 0 ? text.Length : end + 1;
        var line = text.Substring(start, end - start);
        return text.Insert(end, line.EndsWith('\n') ? line : "\n" + line);
    }
}
