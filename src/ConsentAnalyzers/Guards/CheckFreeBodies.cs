using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

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
            switch (operation)
            {
                case IInvocationOperation invocation when guards.MayCheck(invocation.TargetMethod):
                case IPropertyReferenceOperation property when guards.MayCheck(property.Property):
                case IFieldReferenceOperation field when guards.MayCheck(field.Field):
                    return false;
                case IDefaultValueOperation when !IsInert(operation):
                case { ConstantValue: { HasValue: true, Value: null or bool } } when !IsInert(operation):
                    return false;
            }
        }

        return true;
    }

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
