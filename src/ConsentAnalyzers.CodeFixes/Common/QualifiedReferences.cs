using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace ConsentAnalyzers.CodeFixes.Common;

/// <summary>
/// References to a type's member written fully qualified and annotated, so that <see cref="ImportAndSimplifyAsync"/>
/// adds a <c>using</c> only where the type is not in scope yet and then shortens the reference as far as it still
/// binds to the same symbol (it stays qualified when another type of that name is in scope).
/// </summary>
internal static class QualifiedReferences
{
    private static readonly SymbolDisplayFormat QualifiedMember = SymbolDisplayFormat.FullyQualifiedFormat.WithMemberOptions(
        SymbolDisplayMemberOptions.IncludeContainingType);

    /// <summary><c>global::Namespace.Type.Member</c>, annotated for <see cref="ImportAndSimplifyAsync"/>.</summary>
    public static ExpressionSyntax MemberAccess(ISymbol member) =>
        SyntaxFactory.ParseExpression(member.ToDisplayString(QualifiedMember))
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    /// <summary>Adds the imports the annotated references need, then simplifies them and formats what was added.</summary>
    public static async Task<Document> ImportAndSimplifyAsync(Document document, CancellationToken cancellationToken)
    {
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
