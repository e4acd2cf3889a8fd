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

namespace ConsentAnalyzers.CodeFixes.Constants;

/// <summary>
/// CG0107: replaces a string literal with the generated constant that holds the same name
/// (<c>"_ga"</c> → <c>ConsentCookies.Ga</c>), adding a <c>using</c> for the generated namespace where the constant's
/// class is not in scope yet.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseGeneratedConstantCodeFixProvider)), Shared]
public sealed class UseGeneratedConstantCodeFixProvider : DocumentCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.LiteralDuplicatesConstant);

    private protected override string EquivalenceKey => "CG0107.UseGeneratedConstant";

    private protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model is not null && Find(document, model, diagnostic, cancellationToken) is not null
            ? $"Use {diagnostic.Properties[DiagnosticProperties.Constant]}"
            : null;
    }

    private protected override async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, IFieldSymbol>();
        foreach (var diagnostic in diagnostics)
        {
            if (Find(document, model, diagnostic, cancellationToken) is { } replacement)
            {
                replacements[replacement.Literal] = replacement.Constant;
            }
        }

        if (replacements.Count == 0)
        {
            return document;
        }

        var fixedRoot = root.ReplaceNodes(replacements.Keys,
            (original, _) => QualifiedReferences.MemberAccess(replacements[original]).WithTriviaFrom(original));
        return await QualifiedReferences.ImportAndSimplifyAsync(document.WithSyntaxRoot(fixedRoot), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The literal the diagnostic reports and the constant to put in its place: the member the diagnostic names, of the
    /// generated class, holding exactly the literal's value and accessible from the literal. Null when any of that
    /// does not hold (the generated code changed since the diagnostic, the location is in generated code).
    /// </summary>
    private static (LiteralExpressionSyntax Literal, IFieldSymbol Constant)? Find(Document document, SemanticModel model, Diagnostic diagnostic,
        CancellationToken cancellationToken)
    {
        if (!EditableLocation.Allows(document, diagnostic)
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Constant, out var constant) || constant is null
            || constant.IndexOf('.') is var dot && dot < 0)
        {
            return null;
        }

        var node = model.SyntaxTree.GetRoot(cancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if ((node is ArgumentSyntax argument ? argument.Expression : node) is not LiteralExpressionSyntax literal
            || !literal.IsKind(SyntaxKind.StringLiteralExpression)
            || model.GetConstantValue(literal, cancellationToken) is not { HasValue: true, Value: string text })
        {
            return null;
        }

        // "ConsentCookies.Ga": the generated class's simple name and the member.
        var type = ConsentProject.GeneratedType(document.Project, model.Compilation, constant.Substring(0, dot));
        foreach (var member in type?.GetMembers(constant.Substring(dot + 1)) ?? ImmutableArray<ISymbol>.Empty)
        {
            if (member is IFieldSymbol { IsConst: true, ConstantValue: string value } field
                && value == text
                && model.IsAccessible(literal.SpanStart, field))
            {
                return (literal, field);
            }
        }

        return null;
    }
}
