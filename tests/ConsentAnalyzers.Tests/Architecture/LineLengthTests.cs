using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Tests.Architecture;

/// <summary>
/// No C# line is longer than 150 characters (<c>max_line_length</c> in .editorconfig): in src without exception; in
/// tests and benchmarks except where the length is test input, which wrapping would change.
/// </summary>
public sealed class LineLengthTests
{
    private const int MaxLineLength = 150;

    /// <summary>
    /// Folders of test input kept as they are: the corpus sources, whose <c>// expect:</c> comments sit on the lines
    /// they test, and the generator snapshots, its output byte for byte.
    /// </summary>
    private static readonly string[] TestInputFolders =
    [
        Path.Combine("tests", "ConsentAnalyzers.Tests", "Corpus", "files"),
        Path.Combine("tests", "ConsentAnalyzers.Tests", "Generator", "Snapshots"),
    ];

    [Fact]
    public void No_line_in_src_is_longer_than_150_characters()
    {
        var lines = LongLines("src", allowRawStrings: false);
        Assert.True(lines.Count == 0, $"Lines over {MaxLineLength} characters:\n" + string.Join("\n", lines));
    }

    /// <summary>
    /// In tests and benchmarks a line may be longer only by the raw string literals on it (C# or JSON test sources):
    /// without them it must fit.
    /// </summary>
    [Fact]
    public void No_line_in_tests_or_benchmarks_is_longer_than_150_characters_but_for_raw_string_test_inputs()
    {
        var lines = LongLines("tests", allowRawStrings: true).Concat(LongLines("benchmarks", allowRawStrings: true)).ToList();
        Assert.True(lines.Count == 0, $"Lines over {MaxLineLength} characters:\n" + string.Join("\n", lines));
    }

    private static List<string> LongLines(string folder, bool allowRawStrings)
    {
        var found = new List<string>();
        foreach (var path in SourceFiles(folder))
        {
            var relative = Path.GetRelativePath(RepositoryPaths.Root, path);
            if (TestInputFolders.Any(input => relative.StartsWith(input + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                continue;
            }

            var text = SourceText.From(File.ReadAllText(path));
            var rawStrings = allowRawStrings ? RawStringSpans(text) : [];
            foreach (var line in text.Lines)
            {
                var length = line.Span.Length;
                if (length <= MaxLineLength)
                {
                    continue;
                }

                var inRawStrings = rawStrings.Sum(raw => raw.Intersection(line.Span)?.Length ?? 0);
                if (length - inRawStrings > MaxLineLength)
                {
                    found.Add($"{relative}:{line.LineNumber + 1} ({length})");
                }
            }
        }

        return found;
    }

    private static IEnumerable<string> SourceFiles(string folder)
    {
        var separator = Path.DirectorySeparatorChar;
        return Directory.GetFiles(Path.Combine(RepositoryPaths.Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{separator}obj{separator}") && !path.Contains($"{separator}bin{separator}"))
            .OrderBy(path => path, StringComparer.Ordinal);
    }

    /// <summary>The spans of the raw string literals in a file, interpolated ones whole.</summary>
    private static List<TextSpan> RawStringSpans(SourceText text)
    {
        var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        var spans = new List<TextSpan>();
        foreach (var node in root.DescendantNodes())
        {
            if (node is LiteralExpressionSyntax literal
                && (literal.Token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                    || literal.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)))
            {
                spans.Add(literal.Span);
            }
            else if (node is InterpolatedStringExpressionSyntax interpolated
                && (interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedSingleLineRawStringStartToken)
                    || interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken)))
            {
                spans.Add(interpolated.Span);
            }
        }

        return spans;
    }
}
