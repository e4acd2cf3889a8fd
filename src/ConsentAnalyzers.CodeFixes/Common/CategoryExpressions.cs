using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using ConsentAnalyzers.ConsentApi;
using ConsentAnalyzers.Manifest;
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
    /// <summary>The generated <c>ConsentCategory</c> field for <paramref name="categoryId"/> in the document's project, or null.</summary>
    public static async Task<IFieldSymbol?> MemberAsync(Document document, string categoryId, CancellationToken cancellationToken)
    {
        var manifest = ConsentProject.Manifest(document.Project, cancellationToken);
        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        return manifest is null || compilation is null ? null : Member(Enum(document.Project, compilation), manifest, categoryId);
    }

    /// <summary>The generated <c>ConsentCategory</c> enum, or null when the compilation has none.</summary>
    public static INamedTypeSymbol? Enum(Project project, Compilation compilation) =>
        ConsentProject.GeneratedType(project, compilation, GeneratedNames.Category) is { TypeKind: TypeKind.Enum } categoryEnum ? categoryEnum : null;

    /// <summary>The field of <paramref name="categoryEnum"/> for <paramref name="categoryId"/>, or null.</summary>
    public static IFieldSymbol? Member(INamedTypeSymbol? categoryEnum, ManifestModel manifest, string categoryId)
    {
        var value = Value(manifest, categoryId);
        foreach (var member in categoryEnum?.GetMembers() ?? ImmutableArray<ISymbol>.Empty)
        {
            if (value >= 0 && member is IFieldSymbol { HasConstantValue: true, ConstantValue: int constant } field && constant == value)
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>The <c>ConsentCategory</c> value of a category: its position in the manifest; -1 for an unknown id.</summary>
    public static int Value(ManifestModel manifest, string categoryId)
    {
        for (var index = 0; index < manifest.Categories.Count; index++)
        {
            if (manifest.Categories[index].Id == categoryId)
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>
    /// <c>ConsentCategory.Analytics</c> as an expression to put into a document: written fully qualified and annotated,
    /// so that <see cref="QualifiedReferences.ImportAndSimplifyAsync"/> adds the <c>using</c> if needed and shortens it.
    /// </summary>
    public static ExpressionSyntax Expression(IFieldSymbol member) => QualifiedReferences.MemberAccess(member);
}
