using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ConsentAnalyzers.ConsentApi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ConsentAnalyzers.CodeFixes.Guards;

/// <summary>
/// CG0105/CG0202 "Require consent from callers": marks the member that contains the site
/// <c>[RequiresConsent(ConsentCategory.X)]</c>. Its body then counts as guarded and every caller is checked instead
/// (CG0202 moves to them, as intended). Not offered where no caller in the user's code would be checked (see
/// <see cref="RequiresConsentTarget"/>), nor for findings in Razor markup. The mark is verified when the action is
/// computed; when it would not repair the finding (a lambda that runs later), the action changes nothing.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRequiresConsentCodeFixProvider)), Shared]
public sealed class AddRequiresConsentCodeFixProvider : GuardFixProvider
{
    public AddRequiresConsentCodeFixProvider()
        : base("ConsentAnalyzers.AddRequiresConsent:")
    {
    }

    /// <summary>A requirement: the declaration to mark for the finding's category.</summary>
    private sealed record Requirement(SyntaxNode Declaration, string Category, Document Fixed)
        : GuardFixPlan(Category, Fixed);

    /// <summary>A finding that a requirement may repair: its site, the member around it and the declaration to mark.</summary>
    private sealed record Target(string Category, INamedTypeSymbol Attribute, SyntaxNode Site, SyntaxNode Member, SyntaxNode Declaration,
        ISymbol Symbol);

    /// <summary>Offered when a declaration can be marked for the finding's category.</summary>
    private protected override string? Title(ConsentFixContext context, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        Find(context, diagnostic, cancellationToken) is { } target
            ? $"Require '{target.Category}' consent from callers of " +
                $"'{target.Symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}'"
            : null;

    private protected override async Task<GuardFixPlan?> PlanAsync(ConsentFixContext context, Diagnostic diagnostic,
        CancellationToken cancellationToken)
    {
        if (Find(context, diagnostic, cancellationToken) is not { } target)
        {
            return null;
        }

        var annotation = new SyntaxAnnotation();
        var fixedDocument = await ApplyAsync(context, target.Attribute, new Dictionary<SyntaxNode, string> { [target.Declaration] = target.Category },
            cancellationToken, (target.Site, annotation)).ConfigureAwait(false);
        return fixedDocument is not null
            && await FixVerifier.RepairsAsync(context.Model, target.Member, fixedDocument, annotation, diagnostic.Id,
                cancellationToken).ConfigureAwait(false)
            ? new Requirement(target.Declaration, target.Category, fixedDocument)
            : null;
    }

    /// <summary>
    /// The declaration to mark for a finding, when its category has a <c>ConsentCategory</c> member and the attribute
    /// is generated.
    /// </summary>
    private static Target? Find(ConsentFixContext context, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        ConsentFixContext.Categories(diagnostic).Category is { } category
            && context.CategoryExpression(category) is not null
            && context.GeneratedType(GeneratedNames.RequiresConsentAttribute) is { } attribute
            && ConsentFixContext.FindSite(context.Root, diagnostic) is { } site
            && FixVerifier.ContainingMember(site) is { } member
            && RequiresConsentTarget.Find(context, site, attribute, cancellationToken) is var (declaration, symbol)
            ? new Target(category, attribute, site, member, declaration, symbol)
            : null;

    /// <summary>The document with each declaration marked for its category; null if a category has no <c>ConsentCategory</c> member.</summary>
    private static async Task<Document?> ApplyAsync(ConsentFixContext context, INamedTypeSymbol attribute,
        IReadOnlyDictionary<SyntaxNode, string> requirements, CancellationToken cancellationToken,
        (SyntaxNode Node, SyntaxAnnotation Annotation)? site = null)
    {
        var endOfLine = ConsentFixContext.EndOfLineOf(context.Root);
        var editor = new SyntaxEditor(context.Root, context.Document.Project.Solution.Services);
        if (site is var (node, annotation))
        {
            editor.ReplaceNode(node, (current, _) => current.WithAdditionalAnnotations(annotation));
        }

        foreach (var pair in requirements.OrderByDescending(pair => pair.Key.SpanStart))
        {
            if (context.CategoryExpression(pair.Value) is not { } category)
            {
                return null;
            }

            var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(
                (NameSyntax)context.Generator.TypeExpression(attribute),
                SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(category))))));
            editor.ReplaceNode(pair.Key, (current, _) => WithAttribute(current, list, endOfLine));
        }

        return await context.WithImportsAsync(editor.GetChangedRoot(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The declaration with the attribute list first, on its own line, where the declaration's comments and indentation were.</summary>
    private static SyntaxNode WithAttribute(SyntaxNode declaration, AttributeListSyntax list, SyntaxTrivia endOfLine)
    {
        var leading = declaration.GetLeadingTrivia();
        var indentation = SyntaxFactory.TriviaList(leading.Reverse().TakeWhile(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
        list = list.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine).WithAdditionalAnnotations(Formatter.Annotation);
        return declaration.WithLeadingTrivia(indentation) switch
        {
            LocalFunctionStatementSyntax function => function.WithAttributeLists(function.AttributeLists.Insert(0, list)),
            MemberDeclarationSyntax member => member.WithAttributeLists(member.AttributeLists.Insert(0, list)),
            var other => other,
        };
    }

    /// <summary>Marks each member once, with the category of its first finding (the attribute is not repeatable).</summary>
    private protected override async Task<Document> ApplyAllAsync(ConsentFixContext context, IReadOnlyList<GuardFixPlan> plans,
        CancellationToken cancellationToken)
    {
        var requirements = new Dictionary<SyntaxNode, string>();
        foreach (Requirement requirement in plans)
        {
            if (!requirements.ContainsKey(requirement.Declaration))
            {
                requirements.Add(requirement.Declaration, requirement.Category);
            }
        }

        return context.GeneratedType(GeneratedNames.RequiresConsentAttribute) is { } attribute
            && await ApplyAsync(context, attribute, requirements, cancellationToken).ConfigureAwait(false) is { } fixedDocument
            ? fixedDocument
            : context.Document;
    }
}
