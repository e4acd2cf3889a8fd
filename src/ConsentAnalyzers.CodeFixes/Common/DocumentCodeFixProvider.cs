using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ConsentAnalyzers.CodeFixes.Common;

/// <summary>
/// A code fix whose edit for several diagnostics of a document is one edit of that document: the same code serves one
/// diagnostic and Fix All (document, project, solution), which <c>dotnet format analyzers</c> needs to apply a fix at
/// all. Fixing all of a document's diagnostics in one pass, rather than merging one edit per diagnostic, lets a fix
/// add one <c>using</c> for many references and keep removals next to each other consistent.
/// </summary>
public abstract class DocumentCodeFixProvider : CodeFixProvider
{
    /// <summary>One key for every action of the fix, so that Fix All takes all of its diagnostics.</summary>
    private protected abstract string EquivalenceKey { get; }

    public sealed override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(
            async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await TitleAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } title)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), c), EquivalenceKey), diagnostic);
            }
        }
    }

    /// <summary>The title of the fix for <paramref name="diagnostic"/>, or null when the fix does not apply to it.</summary>
    private protected abstract Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>The document with the diagnostics it can fix fixed (the others left alone).</summary>
    private protected abstract Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics,
        CancellationToken cancellationToken);
}
