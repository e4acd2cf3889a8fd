using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Common;

internal static class OperationExtensions
{
    /// <summary>The value passed for the parameter of that name (named, positional or defaulted), or null.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static IOperation? ArgumentFor(this ImmutableArray<IArgumentOperation> arguments, string parameterName)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The operation without the conversions and parentheses around it.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    /// <summary>The outermost operation of the member body that contains this one.</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>The lambda or local function whose own control-flow graph holds <paramref name="operation"/>; null for the member's.</summary>
    public static IOperation? EnclosingFunction(this IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>
    /// The operations of <paramref name="function"/>'s own code (a lambda's, a local function's, or the member's when
    /// given its root), without the bodies of the lambdas and local functions inside it, which have graphs of their own.
    /// </summary>
    public static IEnumerable<IOperation> OwnOperations(this IOperation function)
    {
        var pending = new Stack<IOperation>(function.ChildOperations);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            yield return operation;
            if (operation is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
            {
                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
            }
        }
    }

    public static bool IsConstantTrue(this IOperation operation) => operation.ConstantValue is { HasValue: true, Value: true };
}
