using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Guards;

/// <summary>Where a lambda or method group handed to a call runs: in place, or later and elsewhere.</summary>
internal static class DelegateRuns
{
    /// <summary>Methods that run a delegate later or elsewhere: a guard around the call does not hold inside it.</summary>
    private static readonly HashSet<string> DeferringMethods = new()
    {
        "System.Threading.Tasks.Task.Run",
        "System.Threading.Tasks.Task.ContinueWith",
        "System.Threading.Tasks.TaskFactory.StartNew",
        "System.Threading.ThreadPool.QueueUserWorkItem",
        "System.Threading.ThreadPool.UnsafeQueueUserWorkItem",
    };

    /// <summary>Their names alone, asked first: formatting the type of every method a lambda is handed to is not free.</summary>
    private static readonly HashSet<string> DeferringNames = new(DeferringMethods.Select(method => method.Substring(method.LastIndexOf('.') + 1)));

    /// <summary>Whether <paramref name="method"/> runs the delegates it is given later or on another thread.</summary>
    public static bool IsDeferring(IMethodSymbol method) =>
        DeferringNames.Contains(method.Name)
        && DeferringMethods.Contains(
            method.ContainingType.OriginalDefinition.ToDisplayString(
                SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None)) + "." + method.Name);

    /// <summary>
    /// The operation that creates <paramref name="function"/> (its delegate creation, if any), with the conversions
    /// and parentheses around it skipped: what the delegate is handed to.
    /// </summary>
    public static IOperation? Receiver(IOperation function)
    {
        var operation = function.Parent is IDelegateCreationOperation delegateCreation ? delegateCreation : function;
        for (operation = operation.Parent; operation is IConversionOperation or IParenthesizedOperation or IDelegateCreationOperation;)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
