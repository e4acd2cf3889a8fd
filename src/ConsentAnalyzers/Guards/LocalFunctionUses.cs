using System.Collections.Generic;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Guards;

/// <summary>How a use of a local function outside the own code of the function that declares it bears on its entry.</summary>
internal enum LocalFunctionUse
{
    /// <summary>A call in the local function's own code: it holds at least what holds on entry, so it adds nothing.</summary>
    Recursive,

    /// <summary>
    /// A call inside lambdas or other local functions of the declaring function: what holds there is read from the graph
    /// of the function around the call, entered as that function is.
    /// </summary>
    Nested,

    /// <summary>
    /// Nothing can be said to hold: the local function is used as a delegate, or called from its own lambdas or from a
    /// local function that it calls in turn (a cycle, whose entry depends on itself).
    /// </summary>
    Opaque,
}

/// <summary>
/// The uses of a local function inside the lambdas and local functions of the function that declares it. The graph of
/// the declaring function shows only the calls in its own code; a call made from a lambda
/// (<c>items.ForEach(_ =&gt; { if (check) Write(); })</c>) or from another local function also enters it, and is
/// read here so that what holds on entry is what holds at every call.
/// </summary>
internal static class LocalFunctionUses
{
    public static IEnumerable<(IOperation Use, LocalFunctionUse Kind)> Of(ILocalFunctionOperation localFunction)
    {
        var declaring = localFunction.EnclosingFunction();
        var symbol = localFunction.Symbol;
        foreach (var operation in (declaring ?? localFunction.Root()).Descendants())
        {
            if (IsUseOf(operation, symbol) && !ReferenceEquals(operation.EnclosingFunction(), declaring))
            {
                yield return (operation, Classify(operation, localFunction, declaring));
            }
        }
    }

    /// <summary>A call of <paramref name="symbol"/>, or a method group of it.</summary>
    private static bool IsUseOf(IOperation operation, IMethodSymbol symbol) => operation switch
    {
        IInvocationOperation invocation => Is(invocation.TargetMethod, symbol),
        IMethodReferenceOperation reference => Is(reference.Method, symbol),
        _ => false,
    };

    /// <summary>
    /// Whether <paramref name="used"/> (a call's target, a method group's method) is <paramref name="localFunction"/>:
    /// the uses of a generic local function bind to its constructed methods (<c>Write&lt;int&gt;</c>).
    /// </summary>
    public static bool Is(IMethodSymbol used, IMethodSymbol localFunction) =>
        SymbolEqualityComparer.Default.Equals(used.OriginalDefinition, localFunction);

    private static LocalFunctionUse Classify(IOperation use, ILocalFunctionOperation localFunction, IOperation? declaring)
    {
        if (use is IMethodReferenceOperation)
        {
            return LocalFunctionUse.Opaque;
        }

        var function = use.EnclosingFunction();
        if (ReferenceEquals(function, localFunction))
        {
            return LocalFunctionUse.Recursive;
        }

        for (; function is not null && !ReferenceEquals(function, declaring); function = function.EnclosingFunction())
        {
            if (function is ILocalFunctionOperation caller && (ReferenceEquals(caller, localFunction) || Reaches(localFunction, caller)))
            {
                return LocalFunctionUse.Opaque;
            }
        }

        return LocalFunctionUse.Nested;
    }

    /// <summary>
    /// Whether the code of <paramref name="from"/> uses <paramref name="target"/>, directly or through the local
    /// functions it uses (or declares): then what holds on entry to one depends on the other.
    /// </summary>
    private static bool Reaches(ILocalFunctionOperation from, ILocalFunctionOperation target)
    {
        var declarations = new Dictionary<IMethodSymbol, ILocalFunctionOperation>(SymbolEqualityComparer.Default);
        foreach (var operation in from.Root().Descendants())
        {
            if (operation is ILocalFunctionOperation declaration)
            {
                declarations[declaration.Symbol] = declaration;
            }
        }

        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { from.Symbol };
        var pending = new Stack<ILocalFunctionOperation>();
        pending.Push(from);
        while (pending.Count > 0)
        {
            foreach (var operation in pending.Pop().Descendants())
            {
                var used = operation switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IMethodReferenceOperation reference => reference.Method,
                    ILocalFunctionOperation nested => nested.Symbol,
                    _ => null,
                };
                used = used?.OriginalDefinition;
                if (used is not { MethodKind: MethodKind.LocalFunction })
                {
                    continue;
                }

                if (SymbolEqualityComparer.Default.Equals(used, target.Symbol))
                {
                    return true;
                }

                if (visited.Add(used) && declarations.TryGetValue(used, out var next))
                {
                    pending.Push(next);
                }
            }
        }

        return false;
    }
}
