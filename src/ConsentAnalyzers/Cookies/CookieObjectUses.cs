using System.Collections.Generic;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Cookies;

/// <summary>
/// Where a cookie object (<c>SetCookieHeaderValue</c>, classic <c>HttpCookie</c>) is written. Creating one writes
/// nothing: the cookie is written where the object leaves for a header or a response (<c>Response.Cookies.Add(cookie)</c>,
/// <c>Headers.Append(SetCookie, cookie.ToString())</c>). That write is rarely recognizable by itself, so the places
/// that need consent are those where the object leaves its local: every use other than reading or setting its
/// properties; or the creation itself when it is not kept in a local.
/// </summary>
internal static class CookieObjectUses
{
    public static IEnumerable<IOperation> WriteSites(IObjectCreationOperation creation)
    {
        var local = LocalInitializedBy(creation);
        if (local is null)
        {
            yield return creation;
            yield break;
        }

        foreach (var operation in creation.Root().Descendants())
        {
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && reference.Parent is not IPropertyReferenceOperation
                && !(reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference))
            {
                yield return reference;
            }
        }
    }

    /// <summary>The local that <c>var cookie = new HttpCookie(…)</c> declares.</summary>
    public static ILocalSymbol? LocalInitializedBy(IObjectCreationOperation creation)
    {
        var value = (IOperation)creation;
        while (value.Parent is IConversionOperation or IParenthesizedOperation)
        {
            value = value.Parent;
        }

        return value.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
    }
}
