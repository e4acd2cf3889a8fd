using System.Collections.Generic;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Frameworks;

/// <summary>
/// A <c>CookieBuilder</c> held in a local and used to write a cookie by hand:
/// <c>Response.Cookies.Append(builder.Name, value, builder.Build(context))</c>. The builder's name and
/// <c>IsEssential</c> are followed when the local is created with an initializer that names the cookie and is then
/// only read (its properties, <c>Build</c>): nothing else can rename it.
/// </summary>
internal static class CookieBuilders
{
    /// <summary>
    /// The value assigned to <c>Name</c> in the initializer of the builder a local holds, for <c>builder.Name</c>; null
    /// if not knowable.
    /// </summary>
    public static IOperation? NameOf(IOperation read, KnownSymbols symbols) =>
        read is IPropertyReferenceOperation { Property.Name: "Name", Instance: ILocalReferenceOperation local } name
        && SymbolFacts.IsOrInherits(name.Property.ContainingType, symbols.CookieBuilder)
        && Sealed(local) is { } creation
            ? InitializerValue(creation, "Name")
            : null;

    /// <summary>
    /// <c>IsEssential = true</c> set on the builder of <c>builder.Build(context)</c>, when the builder is a followed
    /// local.
    /// </summary>
    public static IEnumerable<ISimpleAssignmentOperation> EssentialOfBuild(IOperation options, KnownSymbols symbols)
    {
        if (options is not IInvocationOperation { TargetMethod.Name: "Build", Instance: ILocalReferenceOperation local } build
            || !SymbolFacts.IsOrInherits(build.TargetMethod.ContainingType, symbols.CookieBuilder)
            || Sealed(local) is not { } creation)
        {
            yield break;
        }

        foreach (var operation in creation.Root().Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "IsEssential" } target } assignment
                && assignment.Value.IsConstantTrue()
                && (target.Instance is ILocalReferenceOperation on
                    ? SymbolEqualityComparer.Default.Equals(on.Local, local.Local)
                    : assignment.Parent == creation.Initializer))
            {
                yield return assignment;
            }
        }
    }

    /// <summary>The creation that initializes the local, if every other use of the local only reads it; else null.</summary>
    private static IObjectCreationOperation? Sealed(ILocalReferenceOperation reference)
    {
        IObjectCreationOperation? creation = null;
        foreach (var operation in reference.Root().Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                    creation = declarator.Initializer?.Value.WithoutConversions() as IObjectCreationOperation;
                    break;
                case ILocalReferenceOperation use when SymbolEqualityComparer.Default.Equals(use.Local, reference.Local) && !OnlyReads(use):
                    return null;
            }
        }

        return creation is not null && InitializerValue(creation, "Name") is not null ? creation : null;
    }

    /// <summary>A read of a property other than the name (or an assignment of another property), or a call of <c>Build</c>.</summary>
    private static bool OnlyReads(ILocalReferenceOperation use) => use.Parent switch
    {
        IPropertyReferenceOperation property => property.Property.Name != "Name"
            || !(property.Parent is IAssignmentOperation assignment && assignment.Target == property),
        IInvocationOperation { TargetMethod.Name: "Build" } => true,
        _ => false,
    };

    private static IOperation? InitializerValue(IObjectCreationOperation creation, string property)
    {
        if (creation.Initializer is null)
        {
            return null;
        }

        foreach (var initializer in creation.Initializer.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                && target.Property.Name == property)
            {
                return assignment.Value;
            }
        }

        return null;
    }
}
