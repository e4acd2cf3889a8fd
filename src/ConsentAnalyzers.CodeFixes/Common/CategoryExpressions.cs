using System.Threading;
using System.Threading.Tasks;
using ConsentAnalyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConsentAnalyzers.CodeFixes.Common;

/// <summary>
/// The <c>ConsentCategory</c> member for a category id, for fixes that write a category into code
/// (<c>consent.IsGranted(ConsentCategory.Analytics)</c>, <c>[RequiresConsent(ConsentCategory.Analytics)]</c>).
/// The member is resolved from the compilation rather than re-derived from the id: the generated enum's values are
/// the manifest's categories in order, which is also how the analyzers read a category back from an enum value.
/// </summary>
internal static class CategoryExpressions
{
    /// <summary>The generated <c>ConsentCategory</c> field for <paramref name="categoryId"/>, or null (no such category, no generated enum).</summary>
    public static async Task<IFieldSymbol?> MemberAsync(Document document, string categoryId, CancellationToken cancellationToken)
    {
        var manifest = ConsentProject.Manifest(document.Project, cancellationToken);
        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (manifest is null || compilation is null
            || ConsentProject.GeneratedType(document.Project, compilation, CategoryNames.EnumName) is not { TypeKind: TypeKind.Enum } categoryEnum)
        {
            return null;
        }

        for (var index = 0; index < manifest.Categories.Count; index++)
        {
            if (manifest.Categories[index].Id != categoryId)
            {
                continue;
            }

            foreach (var member in categoryEnum.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: int value } field && value == index)
                {
                    return field;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// <c>ConsentCategory.Analytics</c> as an expression to put into a document: written fully qualified and annotated,
    /// so that <see cref="QualifiedReferences.ImportAndSimplifyAsync"/> adds the <c>using</c> if needed and shortens it.
    /// </summary>
    public static ExpressionSyntax Expression(IFieldSymbol member) => QualifiedReferences.MemberAccess(member);
}
