using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.CodeFixes.Guards;

/// <summary>
/// Where a consent check goes so that it guards a site: around the statement that contains the site (extended over
/// the statements that use the locals it declares), around an embedded statement (made a block), or around the body
/// of an expression-bodied member or lambda that returns nothing (made a block body).
/// </summary>
internal sealed class GuardPlacement
{
    private enum PlacementKind
    {
        /// <summary>Statements <see cref="First"/>..<see cref="Last"/> of a block or switch section.</summary>
        StatementRun,

        /// <summary>A statement embedded in an if/else/loop/using without braces.</summary>
        EmbeddedStatement,

        /// <summary>The expression body of a method, accessor, local function or lambda that returns nothing.</summary>
        ExpressionBody,
    }

    private GuardPlacement(PlacementKind kind, SyntaxNode owner, int first, int last, SyntaxNode function, TextSpan span)
    {
        EndOfLine = ConsentFixContext.EndOfLineOf(owner.SyntaxTree.GetRoot());
        Kind = kind;
        Owner = owner;
        First = first;
        Last = last;
        Function = function;
        Span = span;
    }

    private PlacementKind Kind { get; }

    /// <summary>The document's line break, for the lines the check adds.</summary>
    private SyntaxTrivia EndOfLine { get; }

    /// <summary>The block or switch section, the embedded statement, or the member/lambda with the expression body.</summary>
    private SyntaxNode Owner { get; }

    private int First { get; }

    private int Last { get; }

    /// <summary>The function (member, local function, lambda) the guarded code runs in.</summary>
    private SyntaxNode Function { get; }

    /// <summary>The code the check will guard.</summary>
    public TextSpan Span { get; }

    /// <summary>Where the check will stand, for binding candidate checks in the right scope.</summary>
    public int Position => Span.Start;

    private bool IsStatementRun => Kind == PlacementKind.StatementRun;

    /// <summary>
    /// The placement that guards <paramref name="site"/>, or null when no statement can hold a check there (a field
    /// or property initializer, a constructor initializer, a value-returning expression body, top-level statements).
    /// </summary>
    public static GuardPlacement? Find(SyntaxNode site, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode? child = null;
        for (var node = site; node is not null; child = node, node = node.Parent)
        {
            switch (node)
            {
                case ArrowExpressionClauseSyntax arrow:
                    return arrow.Parent is { } member && ReturnsNothing(member, model, cancellationToken)
                        ? new GuardPlacement(PlacementKind.ExpressionBody, member, 0, 0, member, arrow.Expression.Span)
                        : null;
                case AnonymousFunctionExpressionSyntax { ExpressionBody: { } body } lambda when body == child:
                    if (ReturnsNothing(lambda, model, cancellationToken))
                    {
                        return new GuardPlacement(PlacementKind.ExpressionBody, lambda, 0, 0, lambda, body.Span);
                    }

                    break; // A lambda that returns a value: guard the statement around it, if that guards the lambda.
                case StatementSyntax statement when statement.Parent is LabeledStatementSyntax:
                    break;
                case StatementSyntax statement when statement.Parent is BlockSyntax or SwitchSectionSyntax:
                    return StatementRunFrom(statement, model, cancellationToken);
                case StatementSyntax when node.Parent is GlobalStatementSyntax:
                    return null;
                case StatementSyntax statement:
                    return new GuardPlacement(PlacementKind.EmbeddedStatement, statement, 0, 0, EnclosingFunction(statement), statement.Span);
                case MemberDeclarationSyntax or AttributeSyntax or ParameterSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Wraps this placement's code in <c>if (<paramref name="check"/>) { … }</c>. Edits are recorded on
    /// <paramref name="editor"/>; several placements in one document must be recorded innermost and, within one block,
    /// last first (see <see cref="EditOrder"/>).
    /// </summary>
    public void Wrap(SyntaxEditor editor, ExpressionSyntax check)
    {
        switch (Kind)
        {
            case PlacementKind.StatementRun:
                editor.ReplaceNode(Owner, (current, _) => WrapRun(current, First, Last, check));
                break;
            case PlacementKind.EmbeddedStatement:
                editor.ReplaceNode(Owner,
                    (current, _) => Braced(new[] { Guarded(new[] { (StatementSyntax)current }, check) }, current.GetTrailingTrivia())
                    .WithAdditionalAnnotations(Formatter.Annotation));
                break;
            default:
                editor.ReplaceNode(Owner, (current, _) => WithGuardedBlockBody(current, check));
                break;
        }
    }

    /// <summary>The order in which placements are recorded on one editor: later in the document first, inner before outer.</summary>
    public static IOrderedEnumerable<T> EditOrder<T>(IEnumerable<T> items, Func<T, GuardPlacement> placement) =>
        items.OrderByDescending(item => placement(item).Span.Start).ThenBy(item => placement(item).Span.Length);

    /// <summary>
    /// Whether <paramref name="other"/>'s code lies within this placement's and runs in the same function, so this
    /// check guards it too.
    /// </summary>
    public bool Covers(GuardPlacement other) =>
        Span.Contains(other.Span) && Function == other.Function;

    /// <summary>Whether both placements rewrite the same statements differently, so that only one of them can be applied.</summary>
    public bool Conflicts(GuardPlacement other) =>
        Owner == other.Owner && Span.OverlapsWith(other.Span);

    /// <summary>The union of two runs of one statement list that overlap or touch, else null.</summary>
    public GuardPlacement? MergeWith(GuardPlacement other)
    {
        if (!IsStatementRun || !other.IsStatementRun || Owner != other.Owner || other.First > Last + 1 || First > other.Last + 1)
        {
            return null;
        }

        var statements = Statements(Owner);
        var first = Math.Min(First, other.First);
        var last = Math.Max(Last, other.Last);
        return new GuardPlacement(PlacementKind.StatementRun, Owner, first, last, Function,
            TextSpan.FromBounds(statements[first].SpanStart, statements[last].Span.End));
    }

    private static GuardPlacement StatementRunFrom(StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
    {
        var owner = statement.Parent!;
        var statements = Statements(owner);
        var first = statements.IndexOf(statement);
        var last = ExtendOverUses(statements, first, model, cancellationToken);
        return new GuardPlacement(PlacementKind.StatementRun, owner, first, last, EnclosingFunction(owner),
            TextSpan.FromBounds(statements[first].SpanStart, statements[last].Span.End));
    }

    /// <summary>
    /// The last statement the run from <paramref name="first"/> must include: a local (variable, pattern variable,
    /// out variable, local function) declared in the run stays in scope only inside the check, so every later
    /// statement that uses one joins the run; a <c>using</c> declaration keeps its resource to the end of the block.
    /// </summary>
    private static int ExtendOverUses(SyntaxList<StatementSyntax> statements, int first, SemanticModel model, CancellationToken cancellationToken)
    {
        var declared = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var names = new HashSet<string>();
        var last = first;
        var collected = first - 1;
        while (true)
        {
            for (var index = collected + 1; index <= last; index++)
            {
                if (statements[index] is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword })
                {
                    return statements.Count - 1;
                }

                CollectDeclarations(statements[index], model, declared, names, cancellationToken);
            }

            collected = last;
            for (var index = statements.Count - 1; index > last; index--)
            {
                if (Uses(statements[index], model, declared, names, cancellationToken))
                {
                    last = index;
                    break;
                }
            }

            if (collected == last)
            {
                return last;
            }
        }
    }

    private static void CollectDeclarations(StatementSyntax statement, SemanticModel model, HashSet<ISymbol> declared, HashSet<string> names,
        CancellationToken cancellationToken)
    {
        foreach (var node in statement.DescendantNodesAndSelf())
        {
            if (node is VariableDeclaratorSyntax or SingleVariableDesignationSyntax or LocalFunctionStatementSyntax
                && model.GetDeclaredSymbol(node, cancellationToken) is { } symbol)
            {
                declared.Add(symbol);
                names.Add(symbol.Name);
            }
        }
    }

    private static bool Uses(StatementSyntax statement, SemanticModel model, HashSet<ISymbol> declared, HashSet<string> names,
        CancellationToken cancellationToken)
    {
        foreach (var node in statement.DescendantNodesAndSelf())
        {
            if (node is IdentifierNameSyntax identifier
                && names.Contains(identifier.Identifier.ValueText)
                && model.GetSymbolInfo(identifier, cancellationToken).Symbol is { } symbol
                && declared.Contains(symbol.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private SyntaxNode WrapRun(SyntaxNode owner, int first, int last, ExpressionSyntax check)
    {
        var statements = Statements(owner);
        var run = statements.Skip(first).Take(last - first + 1).ToList();
        var wrapped = Guarded(run, check);
        var updated = SyntaxFactory.List(statements.Take(first).Append(wrapped).Concat(statements.Skip(last + 1)));
        return owner is BlockSyntax block ? block.WithStatements(updated) : ((SwitchSectionSyntax)owner).WithStatements(updated);
    }

    /// <summary>
    /// <c>if (check) { statements }</c>: the comments and blank lines before the first statement move above the
    /// <c>if</c>; the statements keep their own trivia and are re-indented by the formatter.
    /// </summary>
    private IfStatementSyntax Guarded(IReadOnlyList<StatementSyntax> statements, ExpressionSyntax check)
    {
        var inner = statements.Select((statement, index) => index == 0 ? statement.WithLeadingTrivia(SyntaxFactory.ElasticMarker) : statement);
        return SyntaxFactory.IfStatement(check.WithoutTrivia(), Braced(inner, statements[statements.Count - 1].GetTrailingTrivia()))
            .WithLeadingTrivia(statements[0].GetLeadingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>
    /// A block on several lines (so that the formatter does not keep it on one), whose closing brace ends the line as
    /// the code it replaces did, or stays on it (a lambda's closing parenthesis).
    /// </summary>
    private BlockSyntax Braced(IEnumerable<StatementSyntax> statements, SyntaxTriviaList trailing) =>
        SyntaxFactory.Block(statements)
            .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(EndOfLine))
            .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(
            trailing.Count > 0 && trailing.Last().IsKind(SyntaxKind.EndOfLineTrivia)
                ? SyntaxFactory.TriviaList(trailing.Last())
                : SyntaxFactory.TriviaList(SyntaxFactory.ElasticMarker)));

    /// <summary>The member or lambda with its expression body turned into <c>{ if (check) { expression; } }</c>.</summary>
    private SyntaxNode WithGuardedBlockBody(SyntaxNode owner, ExpressionSyntax check)
    {
        // Comments between the arrow and the expression move above the check with the statement's leading trivia.
        BlockSyntax Body(ExpressionSyntax expression, SyntaxToken semicolon) =>
            Braced(new[] { Guarded(
                new[] { SyntaxFactory.ExpressionStatement(expression.WithoutTrivia()).WithLeadingTrivia(CommentsOf(expression.GetLeadingTrivia())) },
                check) }, semicolon.TrailingTrivia);

        SyntaxNode updated = owner switch
        {
            BaseMethodDeclarationSyntax { ExpressionBody: { } arrow } method =>
                method.WithBody(Body(arrow.Expression, method.SemicolonToken)).WithExpressionBody(null).WithSemicolonToken(default),
            AccessorDeclarationSyntax { ExpressionBody: { } arrow } accessor =>
                accessor.WithBody(Body(arrow.Expression, accessor.SemicolonToken)).WithExpressionBody(null).WithSemicolonToken(default),
            LocalFunctionStatementSyntax { ExpressionBody: { } arrow } function =>
                function.WithBody(Body(arrow.Expression, function.SemicolonToken)).WithExpressionBody(null).WithSemicolonToken(default),
            AnonymousFunctionExpressionSyntax { ExpressionBody: { } body } lambda =>
                lambda.WithBlock(Body(body, default)).WithExpressionBody(null),
            _ => owner,
        };
        return updated.WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>The comments of a trivia list, each on its own line; the formatter indents them.</summary>
    private SyntaxTriviaList CommentsOf(SyntaxTriviaList trivia)
    {
        var comments = new List<SyntaxTrivia>();
        foreach (var item in trivia)
        {
            if (item.IsKind(SyntaxKind.SingleLineCommentTrivia) || item.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                comments.Add(item);
                comments.Add(EndOfLine);
            }
        }

        return SyntaxFactory.TriviaList(comments);
    }

    /// <summary>Whether a member or lambda returns nothing, so that its expression body can become a statement under a check.</summary>
    private static bool ReturnsNothing(SyntaxNode owner, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (owner)
        {
            case ConstructorDeclarationSyntax or DestructorDeclarationSyntax:
                return true;
            case AccessorDeclarationSyntax accessor:
                return !accessor.IsKind(SyntaxKind.GetAccessorDeclaration);
            case MethodDeclarationSyntax or LocalFunctionStatementSyntax:
                return IsVoidLike(model.GetDeclaredSymbol(owner, cancellationToken) as IMethodSymbol);
            case AnonymousFunctionExpressionSyntax:
                return IsVoidLike(model.GetSymbolInfo(owner, cancellationToken).Symbol as IMethodSymbol);
            default:
                return false;
        }
    }

    private static bool IsVoidLike(IMethodSymbol? method) =>
        method is not null
            && (method.ReturnsVoid || method.IsAsync && method.ReturnType is INamedTypeSymbol { Arity: 0, Name: "Task" or "ValueTask" });

    private static SyntaxList<StatementSyntax> Statements(SyntaxNode owner) =>
        owner is BlockSyntax block ? block.Statements : ((SwitchSectionSyntax)owner).Statements;

    private static SyntaxNode EnclosingFunction(SyntaxNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or MemberDeclarationSyntax)
            {
                return current;
            }
        }

        return node.SyntaxTree.GetRoot();
    }
}
