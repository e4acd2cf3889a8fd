using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Frameworks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Cookies;

/// <summary>
/// Classic ASP.NET (System.Web): a cookie object written with <c>HttpCookieCollection.Add/Set(cookie)</c> or
/// <c>HttpResponse(Base).SetCookie/AppendCookie(cookie)</c>. The name is the object's: given where it is created
/// (<c>new HttpCookie(name, value)</c>, or <c>{ Name = … }</c> in its initializer) or assigned once to the local that
/// holds it (<c>cookie.Name = …</c>), where it is checked; any other cookie object written has a name the analysis
/// cannot see (CG0102 at the write).
/// </summary>
internal static class ClassicCookieWrites
{
    /// <summary>The cookie argument of a classic cookie write, or null.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static IOperation? CookieWritten(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (method.Name is not ("Add" or "Set" or "SetCookie" or "AppendCookie") || symbols.ClassicHttpCookie is not { } cookieType
            || method.ContainingType.ContainingNamespace?.ToDisplayString() != "System.Web")
        {
            return null;
        }

        return ArgumentOfType(invocation.Arguments, cookieType);
    }

    // A loop, not a lambda: the lambda capturing the type was allocated on every call of CookieWritten (every invocation).
    private static IOperation? ArgumentOfType(ImmutableArray<IArgumentOperation> arguments, ITypeSymbol type)
    {
        foreach (var argument in arguments)
        {
            if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, type))
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the name of the cookie object written is checked where the object is named: created in place, or held
    /// by a local that is initialized by a creation, never reassigned, and named at most once after.
    /// </summary>
    public static bool IsNamedWhereCreated(IOperation cookie) => cookie.WithoutConversions() switch
    {
        IObjectCreationOperation => true,
        ILocalReferenceOperation local => IsTracked(local.Local, cookie.Root(), out _, out _),
        _ => false,
    };

    /// <summary>
    /// A local declared as <c>var cookie = new HttpCookie(…)</c>, never assigned again, whose <c>Name</c> is assigned at
    /// most once (<paramref name="nameAssignment"/>).
    /// </summary>
    public static bool IsTracked(ILocalSymbol local, IOperation body, out IObjectCreationOperation? creation,
        out ISimpleAssignmentOperation? nameAssignment)
    {
        nameAssignment = null;
        creation = null;
        foreach (var operation in body.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    creation = declarator.Initializer?.Value.WithoutConversions() as IObjectCreationOperation;
                    break;
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                    if (reference.Parent is IAssignmentOperation assignment && assignment.Target == reference
                        || reference.Parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out })
                    {
                        return false;
                    }

                    if (reference.Parent is IPropertyReferenceOperation { Property.Name: "Name" } name
                        && name.Parent is ISimpleAssignmentOperation named && named.Target == name)
                    {
                        if (nameAssignment is not null)
                        {
                            return false;
                        }

                        nameAssignment = named;
                    }

                    break;
            }
        }

        return creation is not null;
    }

    /// <summary>
    /// The expression that names a created cookie object: <c>Name = …</c> in its initializer, else the constructor's
    /// name; null when the local it initializes is named afterwards (checked at that assignment instead).
    /// </summary>
    public static IOperation? NameGivenAtCreation(IObjectCreationOperation creation)
    {
        foreach (var initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Name" } } named)
            {
                return named.Value;
            }
        }

        if (CookieObjectUses.LocalInitializedBy(creation) is { } local
            && IsTracked(local, creation.Root(), out _, out var nameAssignment)
            && nameAssignment is not null)
        {
            return null;
        }

        return creation.Arguments.ArgumentFor("name");
    }

    /// <summary>
    /// The name of a cookie reached through the response's collection, which creates it if it is missing:
    /// <c>Response.Cookies["name"].Value = …</c>, <c>Response.Cookies.Get(name).Expires = …</c>; null for anything else
    /// (the request's cookies, read by the same collection type, are never written this way).
    /// </summary>
    public static IOperation? NameOfResponseCookie(IPropertyReferenceOperation target, KnownSymbols symbols)
    {
        if (!SymbolEqualityComparer.Default.Equals(target.Property.ContainingType, symbols.ClassicHttpCookie))
        {
            return null;
        }

        var (collection, name) = target.Instance?.WithoutConversions() switch
        {
            IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer => (indexer.Instance, indexer.Arguments[0].Value),
            IInvocationOperation { TargetMethod.Name: "Get", Arguments.Length: 1 } get => (get.Instance, get.Arguments[0].Value),
            _ => (null, null),
        };
        return name?.Type?.SpecialType == SpecialType.System_String
            && collection?.WithoutConversions() is IPropertyReferenceOperation { Property: { Name: "Cookies" } cookies }
            && cookies.ContainingType.Name.StartsWith("HttpResponse", StringComparison.Ordinal)
            && cookies.ContainingType.ContainingNamespace?.ToDisplayString() == "System.Web"
                ? name
                : null;
    }
}
