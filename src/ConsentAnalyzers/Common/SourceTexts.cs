using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Common;

/// <summary>Facts about a source file's text that the searches by text need, each worked out once per file.</summary>
internal static class SourceTexts
{
    private static readonly ConditionalWeakTable<SyntaxTree, object> Escapes = new();
    private static readonly object Escaped = new();
    private static readonly object Plain = new();

    /// <summary>
    /// Whether the file may spell an identifier with a \u escape (<c>Ht\u006Dl</c>), which a search of its text for the
    /// word would miss: such a file may name any word. Several analyzers search every file, so the answer is kept per
    /// file (one pass over the text instead of one per search).
    /// </summary>
    public static bool MayEscapeNames(SyntaxTree tree) =>
        Escapes.GetValue(tree, static file => file.GetText().ToString().IndexOf("\\u", StringComparison.Ordinal) >= 0 ? Escaped : Plain) == Escaped;
}
