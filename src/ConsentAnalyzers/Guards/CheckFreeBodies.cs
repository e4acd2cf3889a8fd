using System.Collections.Immutable;
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
    public static bool IsCheckFree(IOperation root, GuardRecognizer guards)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (MayGrant(operation, guards))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Where in <paramref name="root"/> something may grant a category (the spans of the operations that keep a body
    /// from being check-free, in document order), and whether a <c>goto</c> or a label lets control reach code from
    /// below it.
    /// </summary>
    public static GrantingPlaces Places(IOperation root, GuardRecognizer guards)
    {
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        var jumps = false;
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (MayGrant(operation, guards))
            {
                spans.Add(operation.Syntax.Span);
            }

            jumps |= operation is ILabeledOperation or IBranchOperation { BranchKind: BranchKind.GoTo };
        }

        spans.Sort((x, y) => x.Start.CompareTo(y.Start));
        return new GrantingPlaces(spans.ToImmutable(), jumps);
    }

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
/// Where a body may grant a category (<see cref="CheckFreeBodies.Places"/>): the spans in document order, and whether
/// jumps (<c>goto</c>, labels) may bring control to a place from below it.
/// </summary>
internal sealed record GrantingPlaces(ImmutableArray<TextSpan> Spans, bool Jumps);
