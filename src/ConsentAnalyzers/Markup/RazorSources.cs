using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Markup;

/// <summary>
/// Points a finding in Razor's literal markup at the .cshtml/.razor file it came from. Razor maps only C# code back
/// to the source with #line; literal HTML stays unmapped. The generated file names its source in
/// <c>#pragma checksum</c>, the source is one of the compilation's additional files, and the literal is a verbatim
/// piece of it, so its position there is found by searching the source for the literal's text.
/// </summary>
internal static class RazorSources
{
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<string?>> SourcePaths = new();
    private static readonly ConditionalWeakTable<SourceText, string> Texts = new();
    private static readonly char[] LineEnds = { '\r', '\n' };

    public static Location Locate(AnalyzerOptions options, IOperation literal, string markup, int start, int length,
        CancellationToken cancellationToken)
    {
        var inGenerated = LiteralPositions.Locate(literal.Syntax, start, length);
        if (inGenerated.GetMappedLineSpan().HasMappedPath)
        {
            return inGenerated;
        }

        var path = SourcePaths.GetValue(literal.Syntax.SyntaxTree, tree => new StrongBox<string?>(RazorPathOf(tree, cancellationToken))).Value;
        if (path is null)
        {
            return inGenerated;
        }

        foreach (var file in options.AdditionalFiles)
        {
            if (!string.Equals(file.Path, path, StringComparison.Ordinal) || file.GetText(cancellationToken) is not { } text)
            {
                continue;
            }

            // Views keep markup verbatim; components normalize it (attributes, whitespace, comments dropped), so there
            // the finding's text is looked up instead.
            var source = Texts.GetValue(text, t => t.ToString());
            var offset = source.IndexOf(markup, StringComparison.Ordinal);
            var found = offset >= 0 ? offset + start : InNormalized(source, markup, start, length);
            if (found < 0)
            {
                break;
            }

            var span = new TextSpan(found, length);
            return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
        }

        return inGenerated;
    }

    /// <summary>
    /// Where a finding of normalized component markup is in the source: the rest of its line (a script's code is kept
    /// as written), at the same occurrence as in the markup, so that a function's name is not placed at the first
    /// mention of that name in the file (a dropped comment, an earlier script); else the first occurrence of its own text.
    /// </summary>
    private static int InNormalized(string source, string markup, int start, int length)
    {
        var lineEnd = markup.IndexOfAny(LineEnds, start + length);
        var rest = markup.Substring(start, (lineEnd < 0 ? markup.Length : lineEnd) - start).TrimEnd();
        var occurrence = 0;
        for (var before = markup.IndexOf(rest, StringComparison.Ordinal); before >= 0 && before < start;
             before = markup.IndexOf(rest, before + 1, StringComparison.Ordinal))
        {
            occurrence++;
        }

        var found = source.IndexOf(rest, StringComparison.Ordinal);
        for (; found >= 0 && occurrence > 0; occurrence--)
        {
            found = source.IndexOf(rest, found + 1, StringComparison.Ordinal);
        }

        return found >= 0 ? found : source.IndexOf(markup.Substring(start, length), StringComparison.Ordinal);
    }

    /// <summary>The .cshtml/.razor file a Razor-generated tree was compiled from, from its <c>#pragma checksum</c>.</summary>
    private static string? RazorPathOf(SyntaxTree tree, CancellationToken cancellationToken)
    {
        foreach (var trivia in tree.GetRoot(cancellationToken).GetLeadingTrivia())
        {
            if (trivia.GetStructure() is PragmaChecksumDirectiveTriviaSyntax checksum)
            {
                var path = checksum.File.ValueText;
                return path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase)
                    ? path
                    : null;
            }

            if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia) && !trivia.IsKind(SyntaxKind.EndOfLineTrivia) && !trivia.IsDirective)
            {
                break;
            }
        }

        return null;
    }
}
