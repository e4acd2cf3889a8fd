using System.Collections.Generic;
using System.Runtime.CompilerServices;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Frameworks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Cookies;

/// <summary>
/// The other way round from <see cref="OptionsAssignments"/>: from an assignment on a <c>CookieOptions</c> (in its
/// object initializer, or on a local), the cookie writes in the same member body that use those options, each as the
/// expression of the cookie's name: <c>Response.Cookies.Append(name, value, options)</c>,
/// <c>ICookieManager.AppendResponseCookie(context, key, value, options)</c> and <c>options.CreateCookieHeader(name, value)</c>.
/// </summary>
internal static class OptionsWrites
{
    // A body sets MaxAge and Expires on several options: its cookie writes are found once per body.
    private static readonly ConditionalWeakTable<IOperation, List<(IOperation Key, IOperation? Options)>> WritesPerBody = new();

    public static IEnumerable<IOperation> NamesWrittenWith(ISimpleAssignmentOperation assignment, KnownSymbols symbols)
    {
        if (assignment.Target is not IPropertyReferenceOperation target)
        {
            yield break;
        }

        IOperation? options = null;
        ILocalSymbol? local = null;
        if (target.Instance is IInstanceReferenceOperation && assignment.Parent is IObjectOrCollectionInitializerOperation
            { Parent: IObjectCreationOperation creation })
        {
            options = creation;
            local = LocalInitializedWith(creation);
        }
        else if (target.Instance is ILocalReferenceOperation reference)
        {
            local = reference.Local;
        }

        foreach (var (key, used) in WritesIn(assignment.Root(), symbols))
        {
            var written = used?.WithoutConversions();
            if (written is not null
                && (written == options
                    || (local is not null && written is ILocalReferenceOperation read && SymbolEqualityComparer.Default.Equals(read.Local, local))))
            {
                yield return key;
            }
        }
    }

    /// <summary>The cookie writes of a body, in order: each name's expression and the options written with it.</summary>
    private static List<(IOperation Key, IOperation? Options)> WritesIn(IOperation root, KnownSymbols symbols) =>
        WritesPerBody.GetValue(root, body =>
        {
            var writes = new List<(IOperation Key, IOperation? Options)>();
            foreach (var operation in body.Descendants())
            {
                if (operation is IInvocationOperation invocation && Write(invocation, symbols) is { } write)
                {
                    writes.Add(write);
                }
            }

            return writes;
        });

    /// <summary>The local a <c>new CookieOptions { … }</c> is the initializer of (<c>var options = new CookieOptions { … }</c>).</summary>
    private static ILocalSymbol? LocalInitializedWith(IOperation creation)
    {
        var value = creation;
        while (value.Parent is IConversionOperation conversion)
        {
            value = conversion;
        }

        return value.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
    }

    private static (IOperation Key, IOperation? Options)? Write(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var arguments = invocation.Arguments;
        return method.Name switch
        {
            "Append" when SymbolFacts.IsOrInherits(method.ContainingType, symbols.ResponseCookies) && arguments.ArgumentFor("key") is { } key =>
                (key, arguments.ArgumentFor("options")),
            "AppendResponseCookie" when SymbolFacts.IsOrInherits(method.ContainingType, symbols.CookieManager)
                && arguments.ArgumentFor("key") is { } key => (key, arguments.ArgumentFor("options")),
            "CreateCookieHeader" when SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.CookieOptions)
                && arguments.ArgumentFor("name") is { } name => (name, invocation.Instance),
            _ => null,
        };
    }
}
