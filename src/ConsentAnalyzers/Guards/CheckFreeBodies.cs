using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Guards;

/// <summary>
/// Bodies in which nothing can grant consent, answered without a control-flow graph. The graph's analysis grants a
/// category only on entry (<c>[RequiresConsent]</c> on the member) or where a condition reads a member that may be a
/// consent check; the one other source is a constant condition (<c>true</c>, <c>false</c>, <c>null</c>,
/// <c>default</c>), which it reads as "everything holds on the branch never taken". A body with neither grants
/// nothing anywhere, whatever its shape, so an unguarded site there (the usual defect: a write in a method that never
/// asks) costs no graph. Building the graph is most of what checking a site costs.
/// </summary>
/// <remarks>
/// Exact, not a guess: a constant stands "inert" only where the analysis cannot read it as a condition (an argument, a
/// return value, a property or a non-boolean local assigned, an operand of <c>==</c>, a pattern); anywhere else, or
/// with any member that may be a check, the graph decides as before.
/// </remarks>
internal static class CheckFreeBodies
{
    /// <summary>
    /// Whether no condition in <paramref name="root"/> (a member's whole body, lambdas and local functions included)
    /// can grant a category.
    /// </summary>
    public static bool IsCheckFree(IOperation root, GuardRecognizer guards) => Places(root, guards).IsEmpty;

    /// <summary>
    /// Where in <paramref name="root"/> something may grant a category (the operations that keep a body from being
    /// check-free, in document order, each with the lambda or local function whose graph holds it), and whether a
    /// <c>goto</c> or a label lets control reach code from below it.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static GrantingPlaces Places(IOperation root, GuardRecognizer guards)
    {
        ImmutableArray<GrantingPlace>.Builder? places = null;
        var jumps = false;
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (MayGrant(operation, guards) && !InBranchFreeCall(operation))
            {
                places ??= ImmutableArray.CreateBuilder<GrantingPlace>();
                places.Add(new GrantingPlace(operation.Syntax.Span, operation.EnclosingFunction()));
            }

            jumps |= operation is ILabeledOperation or IBranchOperation { BranchKind: BranchKind.GoTo };
        }

        if (places is null)
        {
            return new GrantingPlaces(ImmutableArray<GrantingPlace>.Empty, jumps);
        }

        places.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
        return new GrantingPlaces(places.ToImmutable(), jumps);
    }

    /// <summary>
    /// Whether <paramref name="place"/> is read only as a value handed to a call made as a statement
    /// (<c>Debug.Assert(consent.AnalyticsAllowed);</c>, <c>Log(consent.IsGranted(…));</c>) with nothing on the way that
    /// branches or stores it: the graph makes no branch on it, so it grants nothing anywhere.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private static bool InBranchFreeCall(IOperation place)
    {
        for (var current = place.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IExpressionStatementOperation { Operation: IInvocationOperation or IAwaitOperation { Operation: IInvocationOperation } }:
                    return true;
                case IArgumentOperation or IInvocationOperation or IAwaitOperation or IConversionOperation or IParenthesizedOperation
                    or IPropertyReferenceOperation or IFieldReferenceOperation:
                case IBinaryOperation { OperatorKind: not (BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr) }:
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }:
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    [MethodImpl(HotPath.Optimized)]
    private static bool MayGrant(IOperation operation, GuardRecognizer guards) => operation switch
    {
        IInvocationOperation invocation when guards.MayCheck(invocation.TargetMethod) => true,
        IPropertyReferenceOperation property when guards.MayCheck(property.Property) => true,
        IFieldReferenceOperation field when guards.MayCheck(field.Field) => true,
        IDefaultValueOperation => !IsInert(operation),
        { ConstantValue: { HasValue: true, Value: null or bool } } => !IsInert(operation),
        _ => false,
    };

    /// <summary>Whether a constant stands where the flow analysis never reads it as a condition or as a boolean it remembers.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static bool IsInert(IOperation constant)
    {
        var child = constant;
        var parent = constant.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        return parent switch
        {
            IArgumentOperation or IReturnOperation or IArrayInitializerOperation or IConstantPatternOperation => true,

            // case true: the graph compares the switch's value with it, as in x == true.
            ISingleValueCaseClauseOperation => true,
            IFieldInitializerOperation or IPropertyInitializerOperation or IParameterInitializerOperation => true,

            // x == null, flag != true: the comparison, not the constant, is the condition (a constant comparison is a
            // constant itself, and is looked at on its own).
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } => true,
            ISimpleAssignmentOperation assignment => ReferenceEquals(assignment.Value, child)
                && !(assignment.Target is ILocalReferenceOperation local && ConsentFlow.CanHoldCheck(local.Local.Type)),
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => !ConsentFlow.CanHoldCheck(declarator.Symbol.Type),
            _ => false,
        };
    }
}

/// <summary>
/// Where a body may grant a category (<see cref="CheckFreeBodies.Places"/>): the places in document order, and whether
/// jumps (<c>goto</c>, labels) may bring control to a place from below it.
/// </summary>
internal sealed record GrantingPlaces(ImmutableArray<GrantingPlace> Places, bool Jumps)
{
    /// <summary>Whether nothing in the body can grant a category, whatever its shape.</summary>
    public bool IsEmpty => Places.IsEmpty;
}

/// <summary>An operation that may grant a category, and the lambda or local function whose graph holds it (null: the member's).</summary>
internal readonly record struct GrantingPlace(TextSpan Span, IOperation? Function);
