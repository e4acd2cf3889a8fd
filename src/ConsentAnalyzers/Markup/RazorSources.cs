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

            // Views keep markup verbatim; components normalize it (attributes, whitespace), so there the finding's
            // own text (a URL, a function name) is looked up instead.
            var source = Texts.GetValue(text, t => t.ToString());
            var offset = source.IndexOf(markup, StringComparison.Ordinal);
            var found = offset >= 0 ? offset + start : source.IndexOf(markup.Substring(start, length), StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            var span = new TextSpan(found, length);
            return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
        }

        return inGenerated;
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
