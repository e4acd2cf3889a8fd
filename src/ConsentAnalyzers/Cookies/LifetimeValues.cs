using System;
using System.Collections.Immutable;
using System.Linq;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Cookies;

/// <summary>
/// The lifetime a cookie's <c>MaxAge</c> or <c>Expires</c> gives it, when the code fixes it at compile time:
/// <c>TimeSpan.FromDays/FromHours/FromMinutes/FromSeconds/FromMilliseconds(…)</c> and <c>new TimeSpan(…)</c> with
/// constant arguments; <c>DateTimeOffset.UtcNow</c> or <c>Now</c> (or <c>DateTime</c>'s) with <c>AddYears</c>,
/// <c>AddMonths</c> (a calendar lifetime, compared in months), <c>AddDays</c>, <c>AddHours</c>, … or <c>Add</c>/<c>+</c> of
/// such a <c>TimeSpan</c>; and a local assigned only in its declaration or a <c>static readonly</c> field of the same
/// file holding one of these. Anything else (configuration, a parameter, <c>DateTime.Today</c>, a chain of calls) is
/// unknown: null, never a guess. A zero or negative lifetime (a cookie being deleted) is null too.
/// </summary>
internal static class LifetimeValues
{
    /// <summary>How many locals and fields deep a value is followed: enough for a constant kept in a field, and no cycle.</summary>
    private const int MaxDepth = 4;

    /// <summary>Longer than any TimeSpan (about 29,000 years): a constant beyond it throws at run time, so it is no lifetime.</summary>
    private const double MaxSeconds = 1e12;

    public static Lifetime? OfMaxAge(IOperation value) => Seconds(value, 0) is { } seconds ? Lifetime.FromSeconds(seconds) : null;

    public static Lifetime? OfExpires(IOperation value) => Expiry(value, 0);

    /// <summary>A TimeSpan expression in whole seconds (rounded down: a written lifetime is never read longer than it is).</summary>
    private static long? Seconds(IOperation value, int depth)
    {
        value = value.WithoutConversions();
        return value switch
        {
            IInvocationOperation { Instance: null, TargetMethod: { Name: var name } method } when IsTimeSpan(method.ContainingType)
                && name.StartsWith("From", StringComparison.Ordinal) => Sum(name.Substring("From".Length), method.Parameters, ArgumentsOf(value)),
            IObjectCreationOperation { Constructor: { } constructor } creation when IsTimeSpan(creation.Type) =>
                Sum(null, constructor.Parameters, ArgumentsOf(value)),
            _ when depth < MaxDepth && Assigned(value) is { } assigned => Seconds(assigned, depth + 1),
            _ => null,
        };
    }

    private static Lifetime? Expiry(IOperation value, int depth)
    {
        value = value.WithoutConversions();
        switch (value)
        {
            case IInvocationOperation { Instance: { } instance, TargetMethod: var method } when IsNow(instance) && method.Parameters.Length == 1:
                var argument = ArgumentsOf(value)[0];
                return method.Name switch
                {
                    "AddYears" => Whole(argument) is { } years and > 0 and < 10000 ? new Lifetime(false, (int)years, 0, 0, 0, 0, 0, 0) : null,
                    "AddMonths" => Whole(argument) is { } months and > 0 and < 120000 ? new Lifetime(false, 0, (int)months, 0, 0, 0, 0, 0) : null,
                    "Add" => Seconds(argument, depth) is { } added ? Lifetime.FromSeconds(added) : null,
                    _ when method.Name.StartsWith("Add", StringComparison.Ordinal) => Sum(method.Name.Substring("Add".Length),
                        method.Parameters, ImmutableArray.Create(argument)) is { } seconds ? Lifetime.FromSeconds(seconds) : null,
                    _ => null,
                };
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum when IsNow(sum.LeftOperand):
                return Seconds(sum.RightOperand, depth) is { } right ? Lifetime.FromSeconds(right) : null;
            default:
                return depth < MaxDepth && Assigned(value) is { } assigned ? Expiry(assigned, depth + 1) : null;
        }
    }

    /// <summary>
    /// Constant arguments times their unit, read from the parameter's name (<c>new TimeSpan(days, hours, …)</c>,
    /// .NET 9's <c>FromDays(int days, int hours = 0, …)</c>) or, for a single <c>value</c>, from the method's name.
    /// </summary>
    private static long? Sum(string? unitOfValue, ImmutableArray<IParameterSymbol> parameters, ImmutableArray<IOperation> arguments)
    {
        var total = 0.0;
        for (var i = 0; i < parameters.Length; i++)
        {
            var unit = UnitSeconds(parameters[i].Name == "value" ? unitOfValue : parameters[i].Name);
            if (unit is null || i >= arguments.Length || Number(arguments[i]) is not { } number)
            {
                return null;
            }

            total += number * unit.Value;
        }

        return total is > 0 and < MaxSeconds ? (long)Math.Floor(total) : null;
    }

    private static double? UnitSeconds(string? unit) => unit?.ToLowerInvariant() switch
    {
        "days" => 86400,
        "hours" => 3600,
        "minutes" => 60,
        "seconds" => 1,
        "milliseconds" => 1e-3,
        "microseconds" => 1e-6,
        "ticks" => 1e-7,
        _ => null,
    };

    /// <summary>The arguments in the order of the parameters, default values included.</summary>
    private static ImmutableArray<IOperation> ArgumentsOf(IOperation call)
    {
        var arguments = call is IInvocationOperation invocation ? invocation.Arguments : ((IObjectCreationOperation)call).Arguments;
        return arguments.Where(a => a.Parameter is not null).OrderBy(a => a.Parameter!.Ordinal).Select(a => a.Value).ToImmutableArray();
    }

    private static double? Number(IOperation value) => value.ConstantValue is { HasValue: true, Value: { } constant }
        && constant is int or long or double or float or short or byte or uint or ulong or ushort or sbyte or decimal
            ? Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static long? Whole(IOperation value) => Number(value) is { } number && number == Math.Floor(number) ? (long)number : null;

    private static bool IsTimeSpan(ITypeSymbol? type) => type is { Name: "TimeSpan" } && IsInSystem(type);

    /// <summary><c>DateTimeOffset.UtcNow</c>, <c>DateTimeOffset.Now</c>, <c>DateTime.UtcNow</c> or <c>DateTime.Now</c>.</summary>
    private static bool IsNow(IOperation operation) =>
        operation.WithoutConversions() is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "UtcNow" or "Now" } property }
        && property.ContainingType is { Name: "DateTimeOffset" or "DateTime" } type && IsInSystem(type);

    private static bool IsInSystem(ITypeSymbol type) => type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

    /// <summary>
    /// The value a local or field always holds: a local never written after its declaration (no assignment,
    /// <c>ref</c>/<c>out</c>, increment or deconstruction in its member); a <c>static readonly</c> field declared with
    /// an initializer in the same file, in a type without a static constructor.
    /// </summary>
    private static IOperation? Assigned(IOperation value)
    {
        switch (value)
        {
            case ILocalReferenceOperation { Local: { IsConst: false, RefKind: RefKind.None } local }:
                IOperation? initializer = null;
                foreach (var operation in value.Root().Descendants())
                {
                    if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                    {
                        initializer = declarator.Initializer?.Value;
                    }
                    else if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                        && IsWritten(reference))
                    {
                        return null;
                    }
                }

                return initializer;
            case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true, IsConst: false } field }
                when field.DeclaringSyntaxReferences.Length == 1
                    && field.ContainingType.StaticConstructors.All(constructor => constructor.IsImplicitlyDeclared)
                    && field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } expression }
                    && value.SemanticModel is { } model && model.SyntaxTree == expression.SyntaxTree:
                return model.GetOperation(expression);
            default:
                return null;
        }
    }

    private static bool IsWritten(ILocalReferenceOperation reference) => reference.Parent switch
    {
        IAssignmentOperation assignment => assignment.Target == reference,
        IIncrementOrDecrementOperation => true,
        IArgumentOperation argument => argument.Parameter?.RefKind is not RefKind.None and not RefKind.In,
        ITupleOperation => true,
        _ => false,
    };
}
