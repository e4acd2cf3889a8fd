using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ConsentAnalyzers.Tests.Robustness.Code;

/// <summary>One edited text of a file: what the IDE would analyze after some keystrokes.</summary>
internal sealed record EditedCode(FuzzFile File, string Label, string Text);

/// <summary>The edits the fuzz tests make: the file typed up to a token boundary, and tokens deleted or duplicated.</summary>
internal static class FuzzCases
{
    /// <summary>
    /// The file cut at the end of a token: everything typed so far, as if written from top to bottom. The long mode
    /// takes every such prefix; the fast mode a seeded selection of them.
    /// </summary>
    public static IEnumerable<EditedCode> Prefixes(FuzzFile file)
    {
        var ends = Tokens(file).Select(t => t.Span.End).Prepend(0).Distinct().ToList();
        var chosen = FuzzSettings.Long ? ends : Pick(ends, FuzzSettings.RandomFor(file.Name, "prefix"));
        return chosen.Select(end => new EditedCode(file, $"prefix {end} of {file.Text.Length}", file.Text.Substring(0, end)));
    }

    /// <summary>
    /// The file with one to three tokens deleted or written twice (seeded): a half-finished edit anywhere in the
    /// file, which leaves code after it that the parser has to recover from.
    /// </summary>
    public static IEnumerable<EditedCode> Mutations(FuzzFile file)
    {
        var tokens = Tokens(file).ToList();
        var random = FuzzSettings.RandomFor(file.Name, "mutation");
        var count = FuzzSettings.Long ? FuzzSettings.LongMutationsPerFile : FuzzSettings.CasesPerFile;
        for (var i = 0; i < count && tokens.Count > 0; i++)
        {
            var edits = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => (Token: tokens[random.Next(tokens.Count)], Delete: random.Next(2) == 0))
                .DistinctBy(edit => edit.Token.SpanStart)
                .OrderByDescending(edit => edit.Token.SpanStart)
                .ToList();
            var text = file.Text;
            foreach (var (token, delete) in edits)
            {
                text = delete ? text.Remove(token.SpanStart, token.Span.Length) : text.Insert(token.Span.End, " " + token.Text);
            }

            var label = "mutation " + i + ": "
                + string.Join(", ", edits.Select(e => $"{(e.Delete ? "delete" : "duplicate")} '{e.Token.Text}' at {e.Token.SpanStart}"));
            yield return new EditedCode(file, label, text);
        }
    }

    private static IEnumerable<SyntaxToken> Tokens(FuzzFile file) =>
        CSharpSyntaxTree.ParseText(file.Text, FuzzProject.ParseOptions).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0);

    private static List<int> Pick(List<int> ends, Random random) =>
        Enumerable.Range(0, Math.Min(FuzzSettings.CasesPerFile, ends.Count)).Select(_ => ends[random.Next(ends.Count)]).Distinct().Order().ToList();
}
