using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Analysis;

/// <summary>
/// Operation callbacks that act only in the files of one compilation whose text names one of a few words. A call to a
/// method names it (only implicit calls do not: a collection initializer's Add, a query's Select, so never use this
/// for those), so an analyzer that looks for calls to rare methods (WriteLiteral, UseCookiePolicy) need not be called
/// for every operation of every other file. The text test runs once per file.
/// </summary>
internal sealed class FilesNaming
{
    private readonly ConcurrentDictionary<SyntaxTree, bool> _files = new();
    private readonly Func<SyntaxTree, bool> _names;
    private volatile FileAnswer? _lastFile;

    public FilesNaming(params string[] words) => _names = tree => Names(tree, words);

    /// <summary>
    /// Registers the callbacks only in the members of the files that name a word: for rare words, which most files do
    /// not name (a registration per member costs more than a callback that returns at once).
    /// </summary>
    public void RegisterPerMember(CompilationStartAnalysisContext context, Action<OperationBlockStartAnalysisContext> register) =>
        context.RegisterOperationBlockStartAction(start =>
        {
            foreach (var block in start.OperationBlocks)
            {
                if (AreNamedIn(block.Syntax.SyntaxTree))
                {
                    register(start);
                    return;
                }
            }
        });

    /// <summary>
    /// Registers the callback once for the compilation, and calls it only for the operations of the files that name a
    /// word: for common words, which most files name anyway.
    /// </summary>
    public void RegisterOperationAction(CompilationStartAnalysisContext context, Action<OperationAnalysisContext> action, OperationKind kind) =>
        context.RegisterOperationAction(
            [MethodImpl(HotPath.Optimized)] (c) =>
            {
                if (AreNamedIn(c.Operation.Syntax.SyntaxTree))
                {
                    action(c);
                }
            },
            kind);

    [MethodImpl(HotPath.Optimized)]
    private bool AreNamedIn(SyntaxTree tree)
    {
        // The operations of a member come one after another on one thread: most callbacks ask about the file the
        // previous one asked about, and read the answer without a lookup.
        if (_lastFile is { } last && last.Tree == tree)
        {
            return last.Named;
        }

        var named = _files.GetOrAdd(tree, _names);
        _lastFile = new FileAnswer(tree, named);
        return named;
    }

    private static bool Names(SyntaxTree tree, string[] words)
    {
        if (SourceTexts.MayEscapeNames(tree))
        {
            return true;
        }

        var text = tree.GetText().ToString();
        foreach (var word in words)
        {
            if (text.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An answer for one file, replaced whole (threads may read it while another replaces it).</summary>
    private sealed record FileAnswer(SyntaxTree Tree, bool Named);
}
