using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace ConsentAnalyzers.CodeFixes.Guards;

/// <summary>
/// CG0105/CG0202 "Guard it": wraps the statement that writes the cookie or calls the tracker (with the statements
/// that use what it declares) in <c>if (check) { … }</c>, where the check is one that compiles there and that the
/// analyzers recognize for the finding's category (see <see cref="GuardCandidates"/>). No action when no check is in
/// reach, when the site cannot hold a statement (a field initializer) or when the finding is in Razor markup; the
/// checks are verified when the action is computed, and when none repairs the finding the action changes nothing.
/// Fix All puts neighbouring sites that need the same category under one check.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddConsentCheckCodeFixProvider)), Shared]
public sealed class AddConsentCheckCodeFixProvider : GuardFixProvider
{
    /// <summary>How many checks are tried, best first, before the action is given up.</summary>
    private const int CandidatesTried = 3;

    public AddConsentCheckCodeFixProvider()
        : base("ConsentAnalyzers.AddConsentCheck:")
    {
    }

    /// <summary>A guard: where it goes and the check (for the finding's category or its alternative).</summary>
    private sealed record Guard(GuardPlacement Placement, ExpressionSyntax Check, string Category, Document Fixed)
        : GuardFixPlan(Category, Fixed);

    /// <summary>A finding that a guard may repair: its site, the member around it and where the guard would go.</summary>
    private sealed record Site(SyntaxNode Node, SyntaxNode Member, GuardPlacement Placement);

    /// <summary>
    /// Offered when the guard has a place and a check exists for the category or its alternative; named after the
    /// first of those that has a check, which is the one the fix uses unless the verification rejects all its checks.
    /// </summary>
    private protected override string? Title(ConsentFixContext context, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        Find(context, diagnostic, cancellationToken) is { } site
            && Wanted(diagnostic).FirstOrDefault(wanted => GuardCandidates.Exist(context, site.Node, site.Placement, wanted, cancellationToken))
                is { } checkedCategory
            ? $"Guard with a consent check for '{checkedCategory}'"
            : null;

    /// <summary>The best check that repairs the finding, tried in place and verified, or null.</summary>
    private protected override async Task<GuardFixPlan?> PlanAsync(ConsentFixContext context, Diagnostic diagnostic,
        CancellationToken cancellationToken)
    {
        if (Find(context, diagnostic, cancellationToken) is not var (site, member, placement))
        {
            return null;
        }

        foreach (var wanted in Wanted(diagnostic))
        {
            foreach (var check in GuardCandidates.For(context, site, placement, wanted, cancellationToken).Take(CandidatesTried))
            {
                var annotation = new SyntaxAnnotation();
                var fixedDocument = await ApplyAsync(context, new[] { (placement, check) }, cancellationToken,
                    (site, annotation)).ConfigureAwait(false);
                if (await FixVerifier.RepairsAsync(context.Model, member, fixedDocument, annotation, diagnostic.Id,
                    cancellationToken).ConfigureAwait(false))
                {
                    return new Guard(placement, check, ConsentFixContext.Categories(diagnostic).Category!, fixedDocument);
                }
            }
        }

        return null;
    }

    /// <summary>The site of a finding with a category, when a guard has a place there.</summary>
    private static Site? Find(ConsentFixContext context, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        ConsentFixContext.Categories(diagnostic).Category is not null
            && ConsentFixContext.FindSite(context.Root, diagnostic) is { } site
            && FixVerifier.ContainingMember(site) is { } member
            && GuardPlacement.Find(site, context.Model, cancellationToken) is { } placement
            ? new Site(site, member, placement)
            : null;

    /// <summary>The categories a check may grant to repair the finding, best first: its own, then its alternative.</summary>
    private static string[] Wanted(Diagnostic diagnostic) =>
        ConsentFixContext.Categories(diagnostic) switch
        {
            (null, _) => [],
            (var category, null) => [category],
            var (category, alternative) => [category, alternative],
        };

    private static Task<Document> ApplyAsync(ConsentFixContext context, IEnumerable<(GuardPlacement Placement, ExpressionSyntax Check)> guards,
        CancellationToken cancellationToken, (SyntaxNode Node, SyntaxAnnotation Annotation)? site = null)
    {
        var editor = new SyntaxEditor(context.Root, context.Document.Project.Solution.Services);
        if (site is var (node, annotation))
        {
            editor.ReplaceNode(node, (current, _) => current.WithAdditionalAnnotations(annotation));
        }

        foreach (var (placement, check) in GuardPlacement.EditOrder(guards, guard => guard.Placement))
        {
            placement.Wrap(editor, check);
        }

        return context.WithImportsAsync(editor.GetChangedRoot(), cancellationToken);
    }

    /// <summary>
    /// Each finding gets the check its own fix would use; a site inside code another guard already wraps (in the same
    /// function) needs nothing more, and runs of statements that overlap or touch and use the same check become one
    /// <c>if</c>.
    /// </summary>
    private protected override Task<Document> ApplyAllAsync(ConsentFixContext context, IReadOnlyList<GuardFixPlan> plans,
        CancellationToken cancellationToken) =>
        ApplyAsync(context, Combine(plans.Cast<Guard>()), cancellationToken);

    private static List<(GuardPlacement Placement, ExpressionSyntax Check)> Combine(IEnumerable<Guard> guards)
    {
        var combined = new List<(GuardPlacement Placement, ExpressionSyntax Check)>();
        foreach (var guard in guards.OrderBy(g => g.Placement.Span.Start).ThenByDescending(g => g.Placement.Span.Length))
        {
            var placement = guard.Placement;
            if (combined.Any(c => c.Placement.Covers(placement)))
            {
                continue;
            }

            var text = guard.Check.ToString();
            var index = combined.FindIndex(c => c.Check.ToString() == text && c.Placement.MergeWith(placement) is not null);
            if (index >= 0)
            {
                combined[index] = (combined[index].Placement.MergeWith(placement)!, combined[index].Check);
            }
            else if (!combined.Any(c => c.Placement.Conflicts(placement)))
            {
                combined.Add((placement, guard.Check));
            }
        }

        return combined;
    }
}
