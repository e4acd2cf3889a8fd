using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Analysis;

/// <summary>
/// Operation callbacks registered only in the members of files whose text names one of a few methods. A call to a
/// method names it (only implicit calls do not: a collection initializer's Add, a query's Select, so never use this
/// for those), so an analyzer that looks for calls to rare methods (WriteLiteral, UseCookiePolicy) need not be called
/// for every invocation and block of every other file: the test runs once per file, the registration once per member.
/// </summary>
internal static class FilesNaming
{
    public static void RegisterOperationActions(CompilationStartAnalysisContext context, string[] words,
        Action<OperationBlockStartAnalysisContext> register)
    {
        var files = new ConcurrentDictionary<SyntaxTree, bool>();
        Func<SyntaxTree, bool> names = tree => Names(tree, words);
        context.RegisterOperationBlockStartAction(start =>
        {
            foreach (var block in start.OperationBlocks)
            {
                if (files.GetOrAdd(block.Syntax.SyntaxTree, names))
                {
                    register(start);
                    return;
                }
            }
        });
    }

    private static bool Names(SyntaxTree tree, string[] words)
    {
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
}
