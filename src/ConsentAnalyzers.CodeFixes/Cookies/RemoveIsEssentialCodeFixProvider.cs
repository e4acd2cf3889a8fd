using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ConsentAnalyzers.CodeFixes.Common;
using ConsentAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConsentAnalyzers.CodeFixes.Cookies;

/// <summary>
/// CG0106: removes <c>IsEssential = true</c> from a cookie whose category needs consent, as <see cref="AssignmentRemoval"/>
/// removes an assignment.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveIsEssentialCodeFixProvider)), Shared]
public sealed class RemoveIsEssentialCodeFixProvider : DocumentCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.EssentialMisdeclared);

    private protected override string EquivalenceKey => "CG0106.RemoveIsEssential";

    private protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is not null && Removable(document, root, diagnostic) is not null ? "Remove IsEssential = true" : null;
    }

    private protected override async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var removals = new HashSet<SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            if (Removable(document, root, diagnostic) is { } node)
            {
                removals.Add(node);
            }
        }

        var fixedRoot = root.TrackNodes(removals);
        foreach (var removal in removals)
        {
            fixedRoot = AssignmentRemoval.Remove(fixedRoot, removal);
        }

        return document.WithSyntaxRoot(fixedRoot);
    }

    /// <summary>
    /// What to remove for the diagnostic: the <c>IsEssential = true</c> element of an object initializer, or the
    /// statement that assigns it. Null elsewhere (an embedded statement such as <c>if (…) o.IsEssential = true;</c>
    /// would leave an empty branch behind, which the user should decide about).
    /// </summary>
    private static SyntaxNode? Removable(Document document, SyntaxNode root, Diagnostic diagnostic)
    {
        if (!EditableLocation.Allows(document, diagnostic)
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax assignment
            || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
        {
            return null;
        }

        return AssignmentRemoval.Removable(assignment);
    }
}
