using System.Text;
using ConsentAnalyzers.Tests.Robustness.Code;

namespace ConsentAnalyzers.Tests.Robustness.Scripts;

/// <summary>One edited text of a script: what the analyzer reads after some keystrokes.</summary>
internal sealed record EditedScript(ScriptSource Source, string Label, string Text);

/// <summary>
/// The edits the script fuzz tests make: the file typed up to a token boundary; tokens deleted, duplicated or
/// swapped; and fragments that JavaScript parsers and scanners trip on inserted anywhere (an unbalanced bracket or
/// quote, a template literal or <c>${</c> left open, a regular expression literal, <c>&lt;/script&gt;</c> in a string).
/// Seeded like <see cref="FuzzCases"/>: a few cases per file by default, every prefix in the long mode.
/// </summary>
internal static class ScriptFuzzCases
{
    /// <summary>What a half-finished edit leaves in a script.</summary>
    private static readonly string[] Fragments =
    [
        "(", ")", "{", "}", "[", "]", "'", "\"", "`", "${", "`${", "}`", "/", "/[/", "/(?<n>a)\\1/gu", "/*", "*/", "//", "=>", "?.", "??=",
        "'</script>'", "\"</script>\"", "`</script>${a}`", "</script>", "<!--", "-->", "\\u{", "#priv", "@dec", "async", "yield", "await",
        "import(", "export default", "localStorage.setItem(", "document.cookie = '", "gtag('event'", "consent.has(", "\u2028", "\0",
    ];

    public static IEnumerable<EditedScript> Prefixes(ScriptSource source)
    {
        var ends = ScriptToken.Split(source.Text).Select(t => t.End).Prepend(0).Distinct().ToList();
        var random = Random(source, "prefix");
        var chosen = FuzzSettings.Long
            ? ends
            : Enumerable.Range(0, Math.Min(FuzzSettings.CasesPerFile, ends.Count)).Select(_ => ends[random.Next(ends.Count)])
                .Distinct().Order().ToList();
        return chosen.Select(end => new EditedScript(source, $"prefix {end} of {source.Text.Length}", source.Text.Substring(0, end)));
    }

    public static IEnumerable<EditedScript> Mutations(ScriptSource source)
    {
        var tokens = ScriptToken.Split(source.Text);
        var random = Random(source, "mutation");
        var count = FuzzSettings.Long ? FuzzSettings.LongMutationsPerFile : FuzzSettings.CasesPerFile;
        for (var i = 0; i < count && tokens.Count > 1; i++)
        {
            // Edits from the end of the file to its start, so each one's position still holds.
            var edits = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => (Index: random.Next(tokens.Count - 1), Kind: random.Next(4), Fragment: Fragments[random.Next(Fragments.Length)]))
                .DistinctBy(edit => edit.Index)
                .OrderByDescending(edit => edit.Index)
                .ToList();
            var text = new StringBuilder(source.Text);
            var labels = new List<string>();
            foreach (var (index, kind, fragment) in edits)
            {
                var token = tokens[index];
                var next = tokens[index + 1];
                switch (kind)
                {
                    case 0:
                        text.Remove(token.Start, token.Length);
                        labels.Add($"delete '{token.Text(source.Text)}' at {token.Start}");
                        break;
                    case 1:
                        text.Insert(token.End, " " + token.Text(source.Text));
                        labels.Add($"duplicate '{token.Text(source.Text)}' at {token.Start}");
                        break;
                    case 2:
                        text.Remove(token.Start, next.End - token.Start)
                            .Insert(token.Start, next.Text(source.Text) + source.Text[token.End..next.Start] + token.Text(source.Text));
                        labels.Add($"swap '{token.Text(source.Text)}' and '{next.Text(source.Text)}' at {token.Start}");
                        break;
                    default:
                        text.Insert(token.End, fragment);
                        labels.Add($"insert {Escape(fragment)} after {token.End}");
                        break;
                }
            }

            yield return new EditedScript(source, $"mutation {i}: {string.Join(", ", labels)}", text.ToString());
        }
    }

    private static Random Random(ScriptSource source, string purpose) => FuzzSettings.RandomFor(source.Name, "script " + purpose);

    private static string Escape(string fragment) => "'" + fragment.Replace("\0", "\\0").Replace("\u2028", "\\u2028") + "'";
}
