using System.Linq;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.ConsentApi;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Generator;

/// <summary>
/// The consent types another assembly already provides to this compilation: the types a project generated
/// <c>public</c> (or, from an older version of the package, <c>internal</c> without <c>[Embedded]</c> and seen through
/// <c>InternalsVisibleTo</c>) in the namespace this project generates into.
/// </summary>
/// <param name="AssemblyName">The assembly that provides them.</param>
/// <param name="CategoryMembers">The members of its <c>ConsentCategory</c>, in value order.</param>
internal sealed record ProvidedConsentTypes(string AssemblyName, EquatableArray<string> CategoryMembers);

/// <summary>
/// What the generator needs to know of the compilation beyond the manifest and options. A few strings, so the step that
/// reads them from the compilation after every edit stops the pipeline there unless one of them changed.
/// </summary>
/// <param name="DeclaresEmbeddedAttribute">
/// The project's own code already declares <c>Microsoft.CodeAnalysis.EmbeddedAttribute</c>: the generator uses it and
/// declares none.
/// </param>
/// <param name="ProvidedBy">The consent types a referenced assembly provides in the generated namespace, or null.</param>
internal sealed record CompilationFacts(bool DeclaresEmbeddedAttribute, ProvidedConsentTypes? ProvidedBy)
{
    public static readonly CompilationFacts None = new(false, null);

    private const string GeneratedCodeAttribute = "System.CodeDom.Compiler.GeneratedCodeAttribute";

    public static CompilationFacts From(Compilation compilation, string ns)
    {
        var declaresEmbedded = WellKnownTypes.FindInSource(compilation, EmbeddedAttributeEmitter.MetadataName) is not null;
        return new CompilationFacts(declaresEmbedded, FindProvided(compilation, ns));
    }

    /// <summary>
    /// The <c>ConsentCategory</c> this package generated in another assembly that this compilation can see (public, or
    /// internal through <c>InternalsVisibleTo</c>, and not hidden by <c>[Embedded]</c>); the first by reference order.
    /// </summary>
    private static ProvidedConsentTypes? FindProvided(Compilation compilation, string ns)
    {
        var metadataName = (ns.Length == 0 ? string.Empty : ns + ".") + GeneratedNames.Category;
        foreach (var type in compilation.GetTypesByMetadataName(metadataName))
        {
            if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)
                || type.TypeKind != TypeKind.Enum
                || !compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
            {
                continue;
            }

            var attributes = type.GetAttributes();
            if (attributes.Any(a => a.AttributeClass?.ToDisplayString() == EmbeddedAttributeEmitter.MetadataName)
                || !attributes.Any(IsGeneratedByThisPackage))
            {
                continue;
            }

            var members = type.GetMembers()
                .OfType<IFieldSymbol>()
                .Where(field => field.HasConstantValue && field.ConstantValue is int)
                .OrderBy(field => (int)field.ConstantValue!)
                .Select(field => field.Name)
                .ToEquatableArray();
            return new ProvidedConsentTypes(type.ContainingAssembly.Name, members);
        }

        return null;
    }

    private static bool IsGeneratedByThisPackage(AttributeData attribute) =>
        attribute.AttributeClass?.ToDisplayString() == GeneratedCodeAttribute
        && attribute.ConstructorArguments.Length > 0
        && attribute.ConstructorArguments[0].Value as string == SourceFile.ToolName;
}
