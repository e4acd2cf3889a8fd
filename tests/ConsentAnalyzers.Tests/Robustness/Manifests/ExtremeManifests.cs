using System.Globalization;
using System.Text;
using ConsentAnalyzers.Tests.Generator;
using ConsentAnalyzers.Tests.Infrastructure;

namespace ConsentAnalyzers.Tests.Robustness.Manifests;

/// <summary>
/// Fixed inputs at the edges random search rarely reaches: megabyte strings, 10,000-level nesting, byte order
/// marks, invalid UTF-8, lone surrogates, NULs, line-ending mixes, 10 MB manifests, and every kind of place a
/// file can be cut off.
/// </summary>
internal static class ExtremeManifests
{
    public const int OneMegabyte = 1 << 20;

    private const int DeepNesting = 10_000;

    /// <summary>The manifests the fuzzer starts from: the sample app's real one and the tests' policy.</summary>
    public static IReadOnlyList<(string Name, string Text)> Seeds { get; } =
    [
        ("sample", File.ReadAllText(RepositoryPaths.SampleManifest)),
        ("policy", TestManifests.Policy),
        ("minimal",
            Minimal("\"necessary\": { \"title\": \"Nécessaire – 必要\", \"essential\": true }",
                "{ \"name\": \"sb-*\", \"category\": \"necessary\" }")),
    ];

    public static string Minimal(string categories, string cookies = "") =>
        "{ \"version\": 1, \"categories\": { " + categories + " }, \"cookies\": [ " + cookies + " ] }";

    /// <summary>A manifest with one category and one cookie whose given field holds this JSON string content.</summary>
    private static string WithField(string field, string jsonStringContent)
    {
        var title = field == "title" ? jsonStringContent : "T";
        var name = field == "name" ? jsonStringContent : "c";
        var purpose = field == "purpose" ? jsonStringContent : "p";
        return Minimal(
            "\"necessary\": { \"title\": \"" + title + "\", \"essential\": true }",
            "{ \"name\": \"" + name + "\", \"category\": \"necessary\", \"purpose\": \"" + purpose + "\" }");
    }

    public static IEnumerable<FuzzCase> Strings()
    {
        var megabyte = new string('a', OneMegabyte);
        yield return FuzzCase.FromText("huge-title", WithField("title", megabyte));
        yield return FuzzCase.FromText("huge-purpose-of-escapes",
            WithField("purpose", string.Concat(Enumerable.Repeat("\\u0041\\n", OneMegabyte / 8))));
        yield return FuzzCase.FromText("huge-cookie-name", WithField("name", megabyte));
        yield return FuzzCase.FromText("huge-unknown-field", "{ \"version\": 1, \"categories\": {}, \"" + megabyte + "\": 1 }");
        yield return FuzzCase.FromText("huge-unterminated-string", "{ \"version\": 1, \"categories\": { \"" + megabyte);
        yield return FuzzCase.FromText("huge-unquoted-word", "{ \"version\": " + megabyte + " }");
        yield return FuzzCase.FromText("huge-number", "{ \"version\": 1" + new string('0', OneMegabyte) + " }");
        yield return FuzzCase.FromText("huge-whitespace", new string(' ', OneMegabyte) + Minimal(string.Empty));
        yield return FuzzCase.FromText("huge-comment", "/*" + megabyte + "*/" + Minimal(string.Empty));
        yield return FuzzCase.FromText("huge-unclosed-comment", Minimal(string.Empty) + "/*" + megabyte);
        yield return FuzzCase.FromText("huge-category-reference",
            WithField("title", "x").Replace("\"category\": \"necessary\"", "\"category\": \"" + megabyte + "\"", StringComparison.Ordinal));
    }

    public static IEnumerable<FuzzCase> Nesting()
    {
        yield return FuzzCase.FromText("deep-arrays-closed", new string('[', DeepNesting) + new string(']', DeepNesting));
        yield return FuzzCase.FromText("deep-arrays-open", new string('[', DeepNesting));
        var objects = new StringBuilder();
        for (var i = 0; i < DeepNesting; i++)
        {
            objects.Append("{\"a\":");
        }

        yield return FuzzCase.FromText("deep-objects-open", objects.ToString());
        yield return FuzzCase.FromText("deep-objects-closed", objects + "1" + new string('}', DeepNesting));
        yield return FuzzCase.FromText("deep-inside-a-valid-manifest",
            WithField("title", "x").Replace("\"purpose\": \"p\"", "\"purpose\": " + new string('[', DeepNesting) + new string(']', DeepNesting),
                StringComparison.Ordinal));
        yield return FuzzCase.FromText("deep-mixed", string.Concat(Enumerable.Repeat("[{\"a\":", DeepNesting / 2)));
    }

    public static IEnumerable<FuzzCase> Encodings()
    {
        var policy = TestManifests.Policy;
        var utf8 = Encoding.UTF8.GetBytes(policy);
        yield return FuzzCase.FromBytes("bom-utf8", [.. Encoding.UTF8.GetPreamble(), .. utf8]);
        yield return FuzzCase.FromBytes("bom-utf8-twice", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetPreamble(), .. utf8]);
        yield return FuzzCase.FromBytes("bom-utf16le", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(policy)]);
        yield return FuzzCase.FromBytes("bom-utf16be", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(policy)]);
        yield return FuzzCase.FromBytes("bom-utf32le", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(policy)]);
        yield return FuzzCase.FromBytes("bom-utf16-but-utf8-content", [.. Encoding.Unicode.GetPreamble(), .. utf8]);
        yield return FuzzCase.FromBytes("utf16-without-bom", Encoding.Unicode.GetBytes(policy));
        yield return FuzzCase.FromBytes("bom-only", Encoding.UTF8.GetPreamble());
        yield return FuzzCase.FromBytes("empty", []);
        yield return FuzzCase.FromText("whitespace-only", " \t\r\n");
        yield return FuzzCase.FromText("comment-only", "// nothing here\n/* still nothing */");
        foreach (var field in new[] { "title", "name", "purpose" })
        {
            yield return FuzzCase.FromBytes("invalid-utf8-in-" + field,
                Encoding.UTF8.GetBytes(WithField(field, "a\uFFFDb")).ReplaceReplacementCharacter([0xC0, 0xAF, 0xFF]));
            yield return FuzzCase.FromBytes("encoded-surrogate-in-" + field,
                Encoding.UTF8.GetBytes(WithField(field, "a\uFFFDb")).ReplaceReplacementCharacter([0xED, 0xA0, 0x80]));
            foreach (var escape in new[] { "\\ud800", "\\udfff", "\\udc00\\ud800", "\\ud83d\\ude00", "\\u0000", "\\u2028", "\\u0085", "\\uFEFF",
                "\\uFFFF", "\\u00", "\\u12G4", "\\" })
            {
                yield return FuzzCase.FromText($"escape-{escape.TrimStart('\\')}-in-{field}", WithField(field, "a" + escape + "b"));
            }

            foreach (var raw in new[] { "\0", "\u2028", "\u0085", "\ud800", "\udc00", "\u200d", "\u202e", "\r", "\t" })
            {
                yield return FuzzCase.FromText($"raw-U+{(int)raw[0]:X4}-in-{field}", WithField(field, "a" + raw + "b"));
            }
        }

        yield return FuzzCase.FromText("nul-before", "\0" + policy);
        yield return FuzzCase.FromText("nul-after", policy + "\0");
        yield return FuzzCase.FromText("nul-between-tokens", policy.Replace(", ", ",\0 ", StringComparison.Ordinal));
        yield return FuzzCase.FromText("line-endings-cr", policy.ReplaceLineEndings("\r"));
        yield return FuzzCase.FromText("line-endings-crlf", policy.ReplaceLineEndings("\r\n"));
        yield return FuzzCase.FromText("line-endings-mixed",
            string.Concat(
                policy.ReplaceLineEndings("\n").Split('\n').Select((line, i) => line + (i % 3) switch { 0 => "\r\n", 1 => "\r", _ => "\n" })));
        yield return FuzzCase.FromText("line-endings-unicode", policy.ReplaceLineEndings("\u2028"));
        yield return FuzzCase.FromText("line-comment-ended-by-cr", policy.Replace("{\n", "{ // comment\r", StringComparison.Ordinal));
    }

    /// <summary>
    /// Cuts each seed at each kind of place (in and after every token kind, inside an escape, a comment, a
    /// multi-byte character), a few positions of each kind, so every "never closed" path is reached.
    /// </summary>
    public static IEnumerable<FuzzCase> Truncations()
    {
        foreach (var (name, text) in Seeds)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var seen = new Dictionary<string, int>();
            for (var position = 0; position <= bytes.Length; position++)
            {
                var kind = KindOfPoint(bytes, position);
                seen[kind] = seen.GetValueOrDefault(kind) + 1;
                if (seen[kind] <= 3)
                {
                    yield return FuzzCase.FromBytes($"truncated-{name}-at-{position}-{kind}", bytes[..position]);
                }
            }
        }
    }

    /// <summary>What precedes the cut: the last byte's class, and whether the cut is inside a string, an escape or a comment.</summary>
    private static string KindOfPoint(byte[] bytes, int position)
    {
        if (position == 0)
        {
            return "start";
        }

        if (position < bytes.Length && (bytes[position] & 0xC0) == 0x80)
        {
            return "mid-utf8-character";
        }

        var text = Encoding.UTF8.GetString(bytes, 0, position);
        var tokens = JsonTokens.Lex(text);
        var last = tokens[^1];
        var lastText = text.Substring(last.Start, last.Length);
        var inside = last.Kind switch
        {
            JsonTokenKind.String when lastText.Length == 1 || !lastText.EndsWith('"') || lastText.EndsWith("\\\"", StringComparison.Ordinal) =>
                System.Text.RegularExpressions.Regex.IsMatch(lastText, @"\\u?[0-9a-fA-F]{0,3}$") ? "in-escape" : "in-string",
            JsonTokenKind.Trivia
                when lastText.StartsWith("/*", StringComparison.Ordinal) && !lastText.EndsWith("*/", StringComparison.Ordinal) => "in-block-comment",
            JsonTokenKind.Trivia when lastText.StartsWith("//", StringComparison.Ordinal) => "in-line-comment",
            JsonTokenKind.Trivia => "after-whitespace",
            JsonTokenKind.Word => "in-or-after-word",
            _ => "after-" + lastText,
        };
        return inside.Length > 30 ? "after-string" : inside;
    }

    /// <summary>
    /// A valid manifest of about <paramref name="bytes"/> bytes: many cookies and storage keys, one in twenty of
    /// them a pattern, across four categories; optionally with one error at the very end (the worst place).
    /// </summary>
    /// <param name="purposeLength">How long each entry's purpose is: longer means fewer, larger entries.</param>
    public static string Large(int bytes, string? errorAtEnd = null, int purposeLength = 0)
    {
        var builder = new StringBuilder(bytes + 1024);
        builder.Append("{\n  \"version\": 1,\n  \"categories\": {\n");
        string[] categories = ["necessary", "functional", "analytics", "advertising"];
        foreach (var category in categories)
        {
            builder.Append("    \"").Append(category).Append("\": { \"title\": \"").Append(category).Append("\" },\n");
        }

        builder.Append("  },\n  \"cookies\": [\n");
        for (var i = 0; builder.Length < bytes * 2 / 3; i++)
        {
            AppendEntry(builder, "name", i, categories, null, purposeLength);
        }

        builder.Append("  ],\n  \"storage\": [\n");
        for (var i = 0; builder.Length < bytes - 200; i++)
        {
            AppendEntry(builder, "key", i, categories, i % 2 == 0 ? "local" : "session", purposeLength);
        }

        builder.Append(errorAtEnd ?? string.Empty).Append("  ]\n}\n");
        return builder.ToString();
    }

    private static void AppendEntry(StringBuilder builder, string field, int i, string[] categories, string? area, int purposeLength)
    {
        var index = i.ToString(CultureInfo.InvariantCulture);

        // Patterns get a prefix no other name starts with, so the manifest stays free of overlaps; they get
        // different categories, so every pair of them has to be checked for an overlap.
        var isPattern = i % 20 == 0;
        var name = isPattern ? "p" + index + "_*" : "n" + index;
        var category = categories[(isPattern ? i / 20 : i) % categories.Length];
        builder.Append("    { \"").Append(field).Append("\": \"").Append(name).Append("\", ");
        if (area is not null)
        {
            builder.Append("\"area\": \"").Append(area).Append("\", ");
        }

        builder.Append("\"category\": \"").Append(category).Append("\", \"purpose\": \"Entry ").Append(index).Append(" of the policy").Append('.',
            purposeLength).Append("\" },\n");
    }

    /// <summary>Replaces the UTF-8 bytes of U+FFFD with the given bytes (to plant invalid UTF-8 at a known place).</summary>
    private static byte[] ReplaceReplacementCharacter(this byte[] bytes, byte[] replacement)
    {
        var marker = Encoding.UTF8.GetBytes("\uFFFD");
        var index = bytes.AsSpan().IndexOf(marker);
        return [.. bytes[..index], .. replacement, .. bytes[(index + marker.Length)..]];
    }
}
