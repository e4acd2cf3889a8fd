using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ConsentAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ConsentAnalyzers.CodeFixes.Guards;

/// <summary>
/// The frame of the two fixes for CG0105/CG0202: each finding gets at most one action, keyed by the finding's category;
/// Fix All plans every finding of that category in a document and lets the fix apply the plans together.
/// </summary>
/// <remarks>
/// An IDE asks for the actions on every caret move over a finding, so registration only tests whether a fix can be
/// tried (<see cref="Title"/>: no edit, no analyzer run); the plan, which builds candidate documents and verifies each
/// with the analyzers (<see cref="FixVerifier"/>), is made when the action is computed, for its preview or when it is
/// applied.
/// </remarks>
public abstract class GuardFixProvider : CodeFixProvider
{
    private readonly string _equivalenceKeyPrefix;

    private protected GuardFixProvider(string equivalenceKeyPrefix) => _equivalenceKeyPrefix = equivalenceKeyPrefix;

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnguardedWrite,
        DiagnosticIds.UnguardedTracking);

    public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var fixContext = await ConsentFixContext.CreateAsync(context.Document, context.CancellationToken).ConfigureAwait(false);
        if (fixContext is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (ConsentFixContext.Categories(diagnostic).Category is { } category
                && Title(fixContext, diagnostic, context.CancellationToken) is { } title)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, cancellationToken => FixAsync(fixContext, diagnostic, cancellationToken),
                        _equivalenceKeyPrefix + category), diagnostic);
            }
        }
    }

    /// <summary>
    /// The finding's fix, planned and verified now that the action is computed. When no candidate verifies, the
    /// document is returned unchanged: the action was offered on a cheap test and may turn out to have nothing safe to
    /// apply, and an unverified edit is what the verification exists to prevent (an edit that does not compile or does
    /// not repair the finding). Candidates are tried best first, so a rejected first candidate gives way to the next
    /// one that verifies. An unchanged document is an empty change for the IDE and for <c>dotnet format</c>.
    /// </summary>
    private async Task<Document> FixAsync(ConsentFixContext context, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        await PlanAsync(context, diagnostic, cancellationToken).ConfigureAwait(false) is { } plan ? plan.Fixed : context.Document;

    /// <summary>
    /// The action's title when a fix can be tried for the finding, or null: a cheap test on the syntax and semantic
    /// model the document already has (a site, a place for the fix, a candidate), building no document and running no
    /// analyzer. <see cref="PlanAsync"/> may still find that no candidate repairs the finding.
    /// </summary>
    private protected abstract string? Title(ConsentFixContext context, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>The verified fix of one finding, or null when none repairs it.</summary>
    private protected abstract Task<GuardFixPlan?> PlanAsync(ConsentFixContext context, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>The document with the plans of one Fix All (each verified alone, in document order) applied together.</summary>
    private protected abstract Task<Document> ApplyAllAsync(ConsentFixContext context, IReadOnlyList<GuardFixPlan> plans,
        CancellationToken cancellationToken);

    private async Task<Document?> FixAllInDocumentAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var cancellationToken = fixAllContext.CancellationToken;
        var context = await ConsentFixContext.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (context is null || !TryGetCategory(fixAllContext.CodeActionEquivalenceKey, out var category))
        {
            return document;
        }

        var plans = new List<GuardFixPlan>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if ((category is null || ConsentFixContext.Categories(diagnostic).Category == category)
                && await PlanAsync(context, diagnostic, cancellationToken).ConfigureAwait(false) is { } plan)
            {
                plans.Add(plan);
            }
        }

        return await ApplyAllAsync(context, plans, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The category a Fix All covers, from its equivalence key; null for every category when there is no key
    /// (<c>dotnet format</c> passes none when the first finding it meets has no action). False for another key.
    /// </summary>
    private bool TryGetCategory(string? equivalenceKey, out string? category)
    {
        category = equivalenceKey is not null && equivalenceKey.StartsWith(_equivalenceKeyPrefix, StringComparison.Ordinal)
            ? equivalenceKey.Substring(_equivalenceKeyPrefix.Length)
            : null;
        return equivalenceKey is null || category is not null;
    }
}

/// <summary>A verified fix of one finding: the finding's category (which keys the action) and the document with the fix applied alone.</summary>
internal abstract record GuardFixPlan(string Category, Document Fixed);
