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
        "System.Threading.CancellationToken.Register",
        "System.Threading.CancellationToken.UnsafeRegister",
    };

    /// <summary>
    /// Namespaces whose methods keep the delegates they are given for later: ASP.NET Core's endpoint and middleware
    /// registrations (<c>MapGet</c>, <c>Use</c>, <c>Run</c>, <c>MapWhen</c>) and the service container's
    /// (<c>AddSingleton(sp =&gt; …)</c>, <c>Configure(o =&gt; …)</c>). A check around <c>app.MapGet(…)</c> runs once, at
    /// start-up; the handler runs at every request, and the factory whenever the service is first asked for.
    /// </summary>
    private static readonly string[][] RegisteringNamespaces =
    {
        new[] { "Microsoft", "AspNetCore", "Builder" },
        new[] { "Microsoft", "AspNetCore", "Routing" },
        new[] { "Microsoft", "Extensions", "DependencyInjection" },
    };

    /// <summary>Their names alone, asked first: formatting the type of every method a lambda is handed to is not free.</summary>
    private static readonly HashSet<string> DeferringNames = new(DeferringMethods.Select(method => method.Substring(method.LastIndexOf('.') + 1)));

    /// <summary>
    /// Whether <paramref name="method"/> runs the delegates it is given later or on another thread, or registers them
    /// to be run later.
    /// </summary>
    public static bool IsDeferring(IMethodSymbol method) =>
        (DeferringNames.Contains(method.Name)
            && DeferringMethods.Contains(
                method.ContainingType.OriginalDefinition.ToDisplayString(
                    SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None)) + "." + method.Name))
        || IsRegistration(method);

    private static bool IsRegistration(IMethodSymbol method)
    {
        foreach (var names in RegisteringNamespaces)
        {
            if (IsNamespace(method.ContainingType?.ContainingNamespace, names))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="ns"/> is the namespace named by <paramref name="names"/>, compared part by part.</summary>
    private static bool IsNamespace(INamespaceSymbol? ns, string[] names)
    {
        for (var i = names.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.IsGlobalNamespace || ns.Name != names[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: true };
    }

    /// <summary>
    /// Where the delegate of <paramref name="function"/> (a lambda, a method group) runs, as the flow analysis reads
    /// its creation: later (stored, returned, handed to a deferring method or a constructor), through the local
    /// <paramref name="local"/> that holds it, or in place.
    /// </summary>
    public static DelegateRun Kind(IOperation function, out ILocalSymbol? local)
    {
        local = null;
        switch (Receiver(function))
        {
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                local = declarator.Symbol;
                return DelegateRun.ThroughLocal;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation reference }:
                local = reference.Local;
                return DelegateRun.ThroughLocal;
            case ISimpleAssignmentOperation or IEventAssignmentOperation or IReturnOperation:
            case IArgumentOperation { Parent: IInvocationOperation invocation } when IsDeferring(invocation.TargetMethod):
            case IArgumentOperation { Parent: IObjectCreationOperation }: // new Thread(…), new Timer(…), new Task(…)
                return DelegateRun.Later;
            default:
                return DelegateRun.InPlace;
        }
    }

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

/// <summary>Where a delegate runs (<see cref="DelegateRuns.Kind"/>).</summary>
internal enum DelegateRun
{
    InPlace,
    Later,
    ThroughLocal,
}
