using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConsentAnalyzers.CodeFixes.Common;

/// <summary>
/// Removes a property assignment (<c>IsEssential = true</c>, <c>MaxAge = …</c>) and nothing else. In an object
/// initializer the element goes (with its comma; an initializer left empty becomes <c>()</c>); as a statement
/// (<c>options.Cookie.IsEssential = true;</c>) the statement goes. Comments and directives on the lines above the
/// removed code stay; a comment at the end of its line goes with it.
/// </summary>
internal static class AssignmentRemoval
{
    /// <summary>
    /// What to remove for an assignment: its element of an object initializer, or the statement it is. Null elsewhere
    /// (an embedded statement such as <c>if (…) o.IsEssential = true;</c> would leave an empty branch behind, which the
    /// user should decide about).
    /// </summary>
    public static SyntaxNode? Removable(AssignmentExpressionSyntax assignment) => assignment.Parent switch
    {
        InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ObjectInitializerExpression) => assignment,
        ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement => statement,
        ExpressionStatementSyntax { Parent: GlobalStatementSyntax global } => global,
        _ => null,
    };

    /// <summary>Removes <paramref name="original"/> (tracked in <paramref name="root"/>).</summary>
    public static SyntaxNode Remove(SyntaxNode root, SyntaxNode original)
    {
        var node = root.GetCurrentNode(original)!;
        if (node.Parent is InitializerExpressionSyntax initializer)
        {
            var remaining = WithoutElement(initializer, (ExpressionSyntax)node);
            return initializer.Parent is BaseObjectCreationExpressionSyntax creation && remaining.Expressions.Count == 0
                && IsBlank(remaining.OpenBraceToken.TrailingTrivia) && IsBlank(remaining.CloseBraceToken.LeadingTrivia)
                ? root.ReplaceNode(creation, WithoutInitializer(creation))
                : root.ReplaceNode(initializer, remaining);
        }

        // The statement's lines go; what the lines above it say stays, on the token that now follows.
        var next = node.GetLastToken().GetNextToken();
        root = root.ReplaceToken(next, Prepend(next, KeptTrivia(node.GetLeadingTrivia())));
        return root.RemoveNode(root.GetCurrentNode(original)!, SyntaxRemoveOptions.KeepNoTrivia)!;
    }

    /// <summary>The initializer without <paramref name="element"/> and one comma next to it.</summary>
    private static InitializerExpressionSyntax WithoutElement(InitializerExpressionSyntax initializer, ExpressionSyntax element)
    {
        var items = initializer.Expressions.GetWithSeparators();
        var index = items.IndexOf(element);
        var kept = KeptTrivia(element.GetLeadingTrivia());
        var close = initializer.CloseBraceToken;
        if (index + 1 < items.Count)
        {
            // A comma follows: the element, the comma and the rest of their line go.
            items = items.RemoveAt(index + 1).RemoveAt(index);
            if (index < items.Count)
            {
                items = items.Replace(items[index], items[index].WithLeadingTrivia(kept.AddRange(items[index].GetLeadingTrivia())));
            }
            else
            {
                close = Prepend(close, kept);
            }
        }
        else
        {
            // The last element, without a trailing comma: the comma before it goes, but not what follows that comma
            // (the line break, or a comment about the element before).
            if (index > 0)
            {
                var comma = items[index - 1].AsToken();
                var previous = items[index - 2];
                items = items.Replace(previous,
                    previous.WithTrailingTrivia(previous.GetTrailingTrivia().AddRange(comma.TrailingTrivia))).RemoveAt(index).RemoveAt(index - 1);
            }
            else
            {
                items = items.RemoveAt(index);
            }

            close = Prepend(close, kept);
        }

        return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items)).WithCloseBraceToken(close);
    }

    /// <summary><c>new CookieOptions { }</c> → <c>new CookieOptions()</c>.</summary>
    private static BaseObjectCreationExpressionSyntax WithoutInitializer(BaseObjectCreationExpressionSyntax creation)
    {
        var withArguments = creation is ObjectCreationExpressionSyntax { ArgumentList: null } named
            ? named.WithType(named.Type.WithoutTrailingTrivia()).WithArgumentList(SyntaxFactory.ArgumentList())
            : creation.WithArgumentList(creation.ArgumentList!.WithoutTrailingTrivia());
        return withArguments.WithInitializer(null).WithTrailingTrivia(creation.GetTrailingTrivia());
    }

    /// <summary>
    /// The comments and directives in the leading trivia of removed code, without the removed line's indentation;
    /// nothing when there are none (blank lines and indentation go with the code).
    /// </summary>
    private static SyntaxTriviaList KeptTrivia(SyntaxTriviaList leading)
    {
        if (IsBlank(leading))
        {
            return SyntaxTriviaList.Empty;
        }

        var end = leading.Count;
        while (end > 0 && leading[end - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            end--;
        }

        return SyntaxFactory.TriviaList(leading.Take(end));
    }

    private static SyntaxToken Prepend(SyntaxToken token, SyntaxTriviaList trivia) =>
        trivia.Count == 0 ? token : token.WithLeadingTrivia(trivia.AddRange(token.LeadingTrivia));

    private static bool IsBlank(SyntaxTriviaList trivia) =>
        trivia.All(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia));
}
