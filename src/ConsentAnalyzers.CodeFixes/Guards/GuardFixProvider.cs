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
/// The frame of the two fixes for CG0105/CG0202: each finding gets at most one action, planned and verified before it
/// is offered, keyed by the finding's category; Fix All plans every finding of that category in a document and lets
/// the fix apply the plans together.
/// </summary>
public abstract class GuardFixProvider : CodeFixProvider
{
    private readonly string _equivalenceKeyPrefix;

    private protected GuardFixProvider(string equivalenceKeyPrefix) => _equivalenceKeyPrefix = equivalenceKeyPrefix;

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnguardedWrite, DiagnosticIds.UnguardedTracking);

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
            if (await PlanAsync(fixContext, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan)
            {
                context.RegisterCodeFix(CodeAction.Create(plan.Title, _ => Task.FromResult(plan.Fixed), _equivalenceKeyPrefix + plan.Category), diagnostic);
            }
        }
    }

    /// <summary>The verified fix of one finding, or null when none repairs it.</summary>
    private protected abstract Task<GuardFixPlan?> PlanAsync(ConsentFixContext context, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>The document with the plans of one Fix All (each verified alone, in document order) applied together.</summary>
    private protected abstract Task<Document> ApplyAllAsync(ConsentFixContext context, IReadOnlyList<GuardFixPlan> plans, CancellationToken cancellationToken);

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
        category = equivalenceKey is not null && equivalenceKey.StartsWith(_equivalenceKeyPrefix, System.StringComparison.Ordinal)
            ? equivalenceKey.Substring(_equivalenceKeyPrefix.Length)
            : null;
        return equivalenceKey is null || category is not null;
    }
}

/// <summary>A verified fix of one finding: the action's title, the finding's category (which keys the action), and the document with the fix applied alone.</summary>
internal abstract record GuardFixPlan(string Title, string Category, Document Fixed);
