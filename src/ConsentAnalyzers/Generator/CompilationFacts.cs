using System.Linq;
using System.Threading;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.ConsentApi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
/// <param name="ReferencesAspNetCore">
/// A reference defines ASP.NET Core's <c>HttpContext</c> and <c>IApplicationBuilder</c>: the runtime helpers that work
/// on requests (opt-out signals, withdrawal) are generated.
/// </param>
/// <param name="ReferencesLogging">
/// A reference defines <c>Microsoft.Extensions.Logging.ILogger</c>: with ASP.NET Core, the enforcement middleware is generated.
/// </param>
internal sealed record CompilationFacts(
    bool DeclaresEmbeddedAttribute,
    ProvidedConsentTypes? ProvidedBy,
    bool ReferencesAspNetCore = false,
    bool ReferencesLogging = false)
{
    public static readonly CompilationFacts None = new(false, null);

    /// <remarks>
    /// The first two answers are almost always no, and asking the symbols builds the compilation's declaration table and
    /// binds every reference: work the compiler does anyway, but after the generators run, so it would be billed to this
    /// one. Names are read first (the files' top-level declarations, each reference's type names in its metadata), and the
    /// symbols only on a match. Whether ASP.NET Core and logging are referenced is read from the names alone.
    /// </remarks>
    public static CompilationFacts From(Compilation compilation, string ns, CancellationToken cancellationToken)
    {
        var declaresEmbedded = SourceMayDeclareClass(compilation, EmbeddedAttributeEmitter.TypeName, cancellationToken)
            && WellKnownTypes.FindInSource(compilation, EmbeddedAttributeEmitter.MetadataName) is not null;
        var providedBy = ReferenceTypeNames.MayDefine(compilation, ns, GeneratedNames.Category) ? FindProvided(compilation, ns) : null;
        var aspNetCore = ReferenceTypeNames.MayDefine(compilation, "Microsoft.AspNetCore.Http", "HttpContext")
            && ReferenceTypeNames.MayDefine(compilation, "Microsoft.AspNetCore.Builder", "IApplicationBuilder");
        var logging = ReferenceTypeNames.MayDefine(compilation, "Microsoft.Extensions.Logging", "ILogger");
        return new CompilationFacts(declaresEmbedded, providedBy, aspNetCore, logging);
    }

    /// <summary>Whether a file declares a class of that name outside any type (in whichever namespace).</summary>
    private static bool SourceMayDeclareClass(Compilation compilation, string name, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var outerDeclarations = tree.GetRoot(cancellationToken)
                .DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax);
            if (outerDeclarations.Any(node => node is ClassDeclarationSyntax declaration && declaration.Identifier.ValueText == name))
            {
                return true;
            }
        }

        return false;
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
                || !attributes.Any(GeneratedNames.IsGeneratedCodeOfThisPackage))
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
}
