using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ConsentAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ConsentAnalyzers.CodeFixes.Guards;

/// <summary>
/// CG0105/CG0202 "Require consent from callers": marks the member that contains the site
/// <c>[RequiresConsent(ConsentCategory.X)]</c>. Its body then counts as guarded and every caller is checked instead
/// (CG0202 moves to them, as intended). Not offered where no caller in the user's code would be checked (see
/// <see cref="RequiresConsentTarget"/>), nor for findings in Razor markup.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRequiresConsentCodeFixProvider)), Shared]
public sealed class AddRequiresConsentCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKeyPrefix = "ConsentAnalyzers.AddRequiresConsent:";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnguardedWrite, DiagnosticIds.UnguardedTracking);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var fixContext = await ConsentFixContext.CreateAsync(context.Document, context.CancellationToken).ConfigureAwait(false);
        if (fixContext is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (await PlanAsync(fixContext, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } requirement)
            {
                var name = requirement.Symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
                context.RegisterCodeFix(
                    CodeAction.Create($"Require '{requirement.Category}' consent from callers of '{name}'", _ => Task.FromResult(requirement.Fixed), EquivalenceKeyPrefix + requirement.Category),
                    diagnostic);
            }
        }
    }

    /// <summary>A verified requirement for one finding: the declaration to mark, and the document with it marked.</summary>
    private sealed record Requirement(SyntaxNode Declaration, ISymbol Symbol, string Category, Document Fixed);

    private static async Task<Requirement?> PlanAsync(ConsentFixContext context, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var category = ConsentFixContext.Categories(diagnostic).Category;
        if (category is null
            || context.GeneratedType("RequiresConsentAttribute") is not { } attribute
            || ConsentFixContext.FindSite(context.Root, diagnostic) is not { } site
            || FixVerifier.ContainingMember(site) is not { } member
            || RequiresConsentTarget.Find(context, site, attribute, cancellationToken) is not var (declaration, symbol))
        {
            return null;
        }

        var annotation = new SyntaxAnnotation();
        var fixedDocument = await ApplyAsync(context, attribute, new Dictionary<SyntaxNode, string> { [declaration] = category }, cancellationToken, (site, annotation)).ConfigureAwait(false);
        return fixedDocument is not null && await FixVerifier.RepairsAsync(context.Model, member, fixedDocument, annotation, diagnostic.Id, cancellationToken).ConfigureAwait(false)
            ? new Requirement(declaration, symbol, category, fixedDocument)
            : null;
    }

    /// <summary>The document with each declaration marked for its category; null if a category has no <c>ConsentCategory</c> member.</summary>
    private static async Task<Document?> ApplyAsync(ConsentFixContext context, INamedTypeSymbol attribute, IReadOnlyDictionary<SyntaxNode, string> requirements, CancellationToken cancellationToken, (SyntaxNode Node, SyntaxAnnotation Annotation)? site = null)
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

    /// <summary>Marks, once each, every member whose finding of the action's category the attribute repairs.</summary>
    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var cancellationToken = fixAllContext.CancellationToken;
        var context = await ConsentFixContext.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (context?.GeneratedType("RequiresConsentAttribute") is not { } attribute
            || !ConsentFixContext.TryGetCategory(fixAllContext.CodeActionEquivalenceKey, EquivalenceKeyPrefix, out var category))
        {
            return document;
        }

        // Each member once, with the category of its first finding (the attribute is not repeatable).
        var requirements = new Dictionary<SyntaxNode, string>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if ((category is null || ConsentFixContext.Categories(diagnostic).Category == category)
                && await PlanAsync(context, diagnostic, cancellationToken).ConfigureAwait(false) is { } requirement
                && !requirements.ContainsKey(requirement.Declaration))
            {
                requirements.Add(requirement.Declaration, requirement.Category);
            }
        }

        return await ApplyAsync(context, attribute, requirements, cancellationToken).ConfigureAwait(false) ?? document;
    }
}
