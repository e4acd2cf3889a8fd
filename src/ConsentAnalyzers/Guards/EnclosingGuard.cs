using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Guards;

/// <summary>
/// The common guard shapes, <c>if (check) { site }</c>, <c>if (!check) { … } else { site }</c> and
/// <c>if (!check) return; site</c> (or <c>continue</c>, <c>break</c>, <c>throw</c>), also inside loops, try, using and
/// lock bodies and lambdas run in place (<c>list.ForEach(x =&gt; site)</c>), with a check held in a local
/// (<c>var ok = check; if (ok) …</c>), recognized without a control-flow graph. Building the graph is most of what
/// checking a site costs, and a site in a branch of an <c>if</c> (or after an <c>if</c> that leaves the block) is
/// reached only through that branch (or past it): whatever the condition implies there holds at the site, and the
/// graph's analysis, which only adds what holds along a path and keeps at a join what holds on every way in, can only
/// add to it. So when that alone grants the category, the site is guarded; in every other case (and to say what does
/// guard a site that is not) the graph decides.
/// </summary>
/// <remarks>
/// Only where the two cannot disagree: the site and the <c>if</c> in the member's own body or in lambdas handed to a
/// call that runs them before it returns (the graph starts such a lambda from what holds where it is created; not in a
/// local function, whose entry is what holds at every call, nor in a lambda kept or run later), nothing between them
/// that the graph gives entry facts of its own (catch and finally blocks, a using's resources) or splits (switch), a
/// condition whose operations the graph keeps as they are (no <c>?.</c>, <c>??</c>, initializers or declarations;
/// <c>&amp;&amp;</c> and <c>||</c> only on the condition's own spine; a <c>?:</c> on the spine only between values kept
/// as they are, read as what both imply; no <c>true</c>, <c>false</c> or <c>null</c> standing as a condition), a
/// local read in it that its initializer alone writes, and a site the compiler
/// finds reachable (the graph's analysis may grant nothing at unreachable code).
/// </remarks>
internal static class EnclosingGuard
{
    /// <summary>
    /// Whether an enclosing <c>if</c>'s condition, true, grants <paramref name="category"/> (or
    /// <paramref name="alternativeCategory"/>) at <paramref name="site"/>, or the member's <paramref name="entry"/> does:
    /// what <c>[RequiresConsent]</c> on the member grants holds wherever its graph reaches, and in the lambdas run in place.
    /// </summary>
    public static bool Grants(GuardRecognizer guards, IOperation site, string category, string? alternativeCategory, CategorySet entry)
    {
        var granted = entry;
        var crossesLambda = false;
        Func<IOperation, bool, CategorySet?> lookup = (variable, value) =>
            variable is ILocalReferenceOperation local ? ImpliedByLocal(guards, local, value) : null;
        var child = site;
        for (var parent = site.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IAnonymousFunctionOperation lambda when RunsInPlace(lambda):
                    // list.ForEach(item => site): the lambda's graph starts from what holds where the lambda is
                    // created, so what grants the call grants the site.
                    crossesLambda = true;
                    break;
                case var _ when IsBodyOf(parent, child):
                    break;
                case var _ when IsOpaque(parent):
                    return false;
                case IConditionalOperation conditional when conditional.Syntax is IfStatementSyntax && ReferenceEquals(conditional.WhenTrue, child):
                    if (!KeepsShape(conditional.Condition, onSpine: true))
                    {
                        return false;
                    }

                    granted = granted.Union(guards.Implied(conditional.Condition, true, lookup));
                    break;
                case IConditionalOperation conditional when conditional.Syntax is IfStatementSyntax && ReferenceEquals(conditional.WhenFalse, child):
                    // if (!check) { … } else { site }: the else branch is reached only when the condition is false.
                    if (!KeepsShape(conditional.Condition, onSpine: true))
                    {
                        return false;
                    }

                    granted = granted.Union(guards.Implied(conditional.Condition, false, lookup));
                    break;
                case IBlockOperation block:
                    granted = granted.Union(ExitsBefore(guards, block, child, lookup));
                    break;
            }
        }

        if (!granted.Grants(category) && (alternativeCategory is null || !granted.Grants(alternativeCategory)))
        {
            return false;
        }

        // The graph's analysis reaches only what the compiler can reach (code after a return grants nothing).
        if (site.Syntax.FirstAncestorOrSelf<StatementSyntax>() is not { } statement || site.SemanticModel is not { } model)
        {
            return false;
        }

        // Past a lambda, whether one statement is reachable does not say whether the lambda's creation is.
        return !MayBeUnreachable(site)
            || (!crossesLambda && model.AnalyzeControlFlow(statement) is { Succeeded: true, StartPointIsReachable: true });
    }

    /// <summary>
    /// What the graph grants at <paramref name="site"/>, when the enclosing <c>if</c>s decide it alone; otherwise null
    /// (the graph decides). <paramref name="function"/> is the graph's own function: the lambda that holds the site (its
    /// graph starts from <paramref name="entry"/>, what holds where the lambda runs), or null for the member's code
    /// (which starts from what <c>[RequiresConsent]</c> on the member grants). The enclosing <c>if</c>s decide alone when
    /// no jump can reach the site from below, every place in that function before the site that may grant a category
    /// (<paramref name="places"/>; those in other lambdas and local functions are in other graphs) is in the condition
    /// of an enclosing <c>if</c>, and each such condition is a shape whose branches the graph reads as
    /// <see cref="GrantedBy"/> does. The first way to the site then passes only those conditions, and any other way
    /// (round a loop) can only grant less.
    /// </summary>
    /// <remarks>
    /// Unguarded sites in bodies that check consent elsewhere (<c>if (flag || check) { site }</c>, a check for another
    /// category) are answered here; the graph was built for them only to find nothing.
    /// </remarks>
    public static CategorySet? ExactlyGranted(GuardRecognizer guards, IOperation site, GrantingPlaces places, CategorySet entry,
        IOperation? function)
    {
        if (places.Jumps)
        {
            return null;
        }

        var granted = entry;
        List<TextSpan>? conditions = null;
        var child = site;
        for (var parent = site.Parent; parent is not null && !ReferenceEquals(parent, function); child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case var _ when IsBodyOf(parent, child):
                    break;
                case ISwitchOperation @switch when IsCaseTrueOfCheck(@switch, child):
                    // switch (check) { case true: site }: the graph tests the captured check against each label in
                    // turn; only true reaches the section, and a label false passed on the way implies the same.
                    granted = granted.Union(guards.Implied(@switch.Value, true));
                    (conditions ??= new List<TextSpan>()).Add(@switch.Value.Syntax.Span);
                    break;
                case var _ when IsOpaque(parent):
                    return null;
                case IConditionalOperation { Syntax: IfStatementSyntax } conditional
                    when ReferenceEquals(conditional.WhenTrue, child) || ReferenceEquals(conditional.WhenFalse, child):
                    if (!KeepsShape(conditional.Condition, onSpine: true)
                        || GrantedBy(guards, conditional.Condition, ReferenceEquals(conditional.WhenTrue, child)) is not { } byCondition)
                    {
                        return null;
                    }

                    granted = granted.Union(byCondition);
                    (conditions ??= new List<TextSpan>()).Add(conditional.Condition.Syntax.Span);
                    break;
            }
        }

        var end = site.Syntax.Span.End;
        foreach (var place in places.Places)
        {
            if (place.Span.Start >= end)
            {
                break;
            }

            if (ReferenceEquals(place.Function, function) && !InAny(conditions, place.Span))
            {
                return null;
            }
        }

        // An unreachable site is granted nothing by the graph. The function's own graph says what is reachable from its
        // entry: what holds where a lambda is created (entry) already says whether that creation is reachable.
        return granted.IsEmpty || !MayBeUnreachable(site, function) ? granted : null;
    }

    /// <summary>
    /// Whether <paramref name="section"/> is the <c>case true:</c> section of a switch on a plain boolean
    /// (<see cref="IsPlainBoolean"/>, nothing the graph splits), in a switch whose every label is <c>true</c> or <c>false</c> alone (no
    /// pattern, no <c>when</c>) or <c>default</c>: a section entered only when the check is true.
    /// </summary>
    private static bool IsCaseTrueOfCheck(ISwitchOperation @switch, IOperation? section)
    {
        if (section is not ISwitchCaseOperation { Clauses.Length: 1 } caseTrue
            || !IsBooleanLabel(caseTrue.Clauses[0], true)
            || !IsPlainBoolean(@switch.Value))
        {
            return false;
        }

        foreach (var other in @switch.Cases)
        {
            foreach (var clause in other.Clauses)
            {
                if (clause is not IDefaultCaseClauseOperation && !IsBooleanLabel(clause, true) && !IsBooleanLabel(clause, false))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsBooleanLabel(ICaseClauseOperation clause, bool value) =>
        clause is ISingleValueCaseClauseOperation { Value.ConstantValue: { HasValue: true, Value: bool label } } && label == value;

    private static bool InAny(List<TextSpan>? spans, TextSpan span)
    {
        if (spans is not null)
        {
            foreach (var candidate in spans)
            {
                if (candidate.Contains(span))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="child"/> is the body of a try, using or lock statement, which is entered only from the
    /// statement's start (a catch or finally block is not).
    /// </summary>
    private static bool IsBodyOf(IOperation parent, IOperation? child) => parent switch
    {
        ITryOperation tryOperation => ReferenceEquals(tryOperation.Body, child),
        IUsingOperation usingOperation => ReferenceEquals(usingOperation.Body, child),
        ILockOperation lockOperation => ReferenceEquals(lockOperation.Body, child),
        _ => false,
    };

    /// <summary>What the shortcuts do not read through (a function, a catch or finally block, a switch, a label): the graph decides.</summary>
    private static bool IsOpaque(IOperation parent) => parent is IAnonymousFunctionOperation or ILocalFunctionOperation or ITryOperation
        or ISwitchOperation or IUsingOperation or ILockOperation or ILabeledOperation or IUsingDeclarationOperation;

    /// <summary>
    /// What the graph grants where <paramref name="condition"/> has been found <paramref name="value"/>: it branches on
    /// each operand of <c>&amp;&amp;</c> and <c>||</c> in turn and joins the ways that reach the same place. Null for
    /// anything else the graph may read otherwise (locals, captures of a <c>?.</c>, patterns, constants).
    /// </summary>
    private static CategorySet? GrantedBy(GuardRecognizer guards, IOperation condition, bool value)
    {
        switch (condition)
        {
            case IParenthesizedOperation parenthesized:
                return GrantedBy(guards, parenthesized.Operand, value);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return GrantedBy(guards, not.Operand, !value);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical:
                // a || b stops at a true a, a && b at a false one. The outcome a stops at is reached two ways (a alone,
                // or a the other way and then b), and the graph keeps what both grant; the other outcome, one way.
                var stopsAt = logical.OperatorKind == BinaryOperatorKind.ConditionalOr;
                if (GrantedBy(guards, logical.LeftOperand, stopsAt) is not { } leftStops
                    || GrantedBy(guards, logical.LeftOperand, !stopsAt) is not { } leftGoesOn
                    || GrantedBy(guards, logical.RightOperand, value) is not { } right)
                {
                    return null;
                }

                return value == stopsAt ? leftStops.Intersect(leftGoesOn.Union(right)) : leftGoesOn.Union(right);
            case var _ when IsPlainBoolean(condition):
                return guards.Implied(condition, value);
            default:
                return null;
        }
    }

    /// <summary>A boolean the graph reads as it is: a call, a property, field or parameter read, not a constant.</summary>
    private static bool IsPlainBoolean(IOperation operation) =>
        operation is IInvocationOperation or IPropertyReferenceOperation or IFieldReferenceOperation or IParameterReferenceOperation
        && operation.Type?.SpecialType == SpecialType.System_Boolean
        && !operation.ConstantValue.HasValue;

    /// <summary>
    /// A lambda handed to a call that runs it before it returns, as far as the graph can tell: an argument of a
    /// method that is not one of those that run delegates later (<see cref="DelegateRuns.IsDeferring"/>).
    /// </summary>
    private static bool RunsInPlace(IAnonymousFunctionOperation lambda) =>
        DelegateRuns.Receiver(lambda) is IArgumentOperation { Parent: IInvocationOperation invocation }
        && !DelegateRuns.IsDeferring(invocation.TargetMethod);

    /// <summary>
    /// What a local that holds a check (<c>var canTrack = consent.IsGranted(…); if (canTrack) …</c>) implies when it
    /// is <paramref name="value"/>, as the graph remembers it: read in the function that declares it, written by its
    /// initializer alone (no assignment, <c>out</c>, <c>ref</c> or write from a lambda anywhere in the member), an
    /// initializer the graph keeps as it is (no <c>&amp;&amp;</c>, <c>?.</c> or constant). Otherwise null: the graph decides.
    /// </summary>
    private static CategorySet? ImpliedByLocal(GuardRecognizer guards, ILocalReferenceOperation reference, bool value)
    {
        var local = reference.Local;
        if (local.RefKind != RefKind.None
            || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer: not null } declaration
            || LocalWrites.FunctionOf(declaration) != LocalWrites.FunctionOf(reference.Syntax))
        {
            return null;
        }

        var initializer = BodyLocals.Of(reference).OnlyValueOf(local);
        return initializer is null
            || initializer.ConstantValue.HasValue
            || !KeepsShape(initializer, onSpine: false)
            || !ConsentFlow.CanHoldCheck(initializer.WithoutConversions().Type)
                ? null
                : guards.Implied(initializer, value);
    }

    /// <summary>
    /// Whether the compiler's flow analysis must say if <paramref name="site"/> is reachable. Every <c>if</c> on the way
    /// to it has a condition that is not constant (<see cref="KeepsShape"/>), so only a loop with a constant condition
    /// or a statement before it in one of the blocks around it can make it unreachable; in the graph of
    /// <paramref name="function"/> (null: the member's), whose entry is reachable.
    /// </summary>
    private static bool MayBeUnreachable(IOperation site, IOperation? function = null)
    {
        var child = site;
        for (var parent = site.Parent; parent is not null && !ReferenceEquals(parent, function); child = parent, parent = parent.Parent)
        {
            var mayBeUnreachable = parent switch
            {
                IWhileLoopOperation { Condition.ConstantValue.HasValue: true }
                    or IForLoopOperation { Condition.ConstantValue.HasValue: true } => true,
                IBlockOperation block => MayJumpBefore(block, child),
                _ => false,
            };
            if (mayBeUnreachable)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a statement before <paramref name="statement"/> in <paramref name="block"/> may end where control does
    /// not go on: it holds a jump, a throw, a loop (<c>while (true)</c> never ends) or a label (which a jump may reach
    /// past code that ends); an <c>if</c> without <c>else</c> only by its condition.
    /// </summary>
    private static bool MayJumpBefore(IBlockOperation block, IOperation statement)
    {
        foreach (var operation in block.Operations)
        {
            if (ReferenceEquals(operation, statement))
            {
                return false;
            }

            // `if (!check) return;` goes on past its end whenever its condition is not constant.
            var mayNotGoOn = operation is IConditionalOperation { WhenFalse: null, Syntax: IfStatementSyntax } exit
                    && !exit.Condition.ConstantValue.HasValue
                ? MayJumpIn(exit.Condition.Syntax)
                : MayJumpIn(operation.Syntax);
            if (mayNotGoOn)
            {
                return true;
            }
        }

        return true; // the statement is not one of the block's own
    }

    /// <summary>
    /// Whether <paramref name="syntax"/> holds a jump of its own function: one inside a lambda or a local function
    /// (<c>app.MapGet(…, () =&gt; { return …; })</c>) ends that function, not the statement around it.
    /// </summary>
    private static bool MayJumpIn(SyntaxNode syntax) =>
        syntax.DescendantNodesAndSelf(descendIntoChildren: node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .Any(MayJump);

    private static bool MayJump(SyntaxNode node) => node is ReturnStatementSyntax or ThrowStatementSyntax or ThrowExpressionSyntax
        or GotoStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax or YieldStatementSyntax or LabeledStatementSyntax
        or WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax;

    /// <summary>
    /// What the early exits before <paramref name="statement"/> in <paramref name="block"/> imply: after
    /// <c>if (!check) return;</c> (or <c>throw</c>) the check holds, since the only way on is its false branch. Not
    /// past a label, which a <c>goto</c> could reach another way.
    /// </summary>
    private static CategorySet ExitsBefore(GuardRecognizer guards, IBlockOperation block, IOperation statement,
        Func<IOperation, bool, CategorySet?> lookup)
    {
        var granted = CategorySet.Empty;
        foreach (var operation in block.Operations)
        {
            if (ReferenceEquals(operation, statement))
            {
                return granted;
            }

            if (operation is ILabeledOperation)
            {
                granted = CategorySet.Empty;
            }
            else if (operation is IConditionalOperation { WhenFalse: null, Syntax: IfStatementSyntax } exit
                && Exits(exit.WhenTrue)
                && KeepsShape(exit.Condition, onSpine: true))
            {
                granted = granted.Union(guards.Implied(exit.Condition, false, lookup));
            }
        }

        return CategorySet.Empty; // the statement is not one of the block's own
    }

    /// <summary>A return, a throw, a <c>continue</c> or a <c>break</c>, alone or as the only statement of a block.</summary>
    private static bool Exits(IOperation operation) => operation switch
    {
        IReturnOperation { Kind: OperationKind.Return } => true,
        IBranchOperation { BranchKind: BranchKind.Continue or BranchKind.Break } => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IThrowOperation => true,
        IBlockOperation { Operations: { Length: 1 } operations } => Exits(operations[0]),
        _ => false,
    };

    /// <summary>Whether the graph keeps <paramref name="operation"/> as it is, so it implies there what it implies here.</summary>
    private static bool KeepsShape(IOperation operation, bool onSpine)
    {
        // A bool or null constant where a condition is tested says "everything holds" on the branch it never takes.
        if (onSpine && operation.ConstantValue is { HasValue: true, Value: null or bool })
        {
            return false;
        }

        switch (operation)
        {
            case IParenthesizedOperation parenthesized:
                return KeepsShape(parenthesized.Operand, onSpine);
            case IUnaryOperation unary:
                return KeepsShape(unary.Operand, onSpine && unary.OperatorKind == UnaryOperatorKind.Not);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical:
                return onSpine && KeepsShape(logical.LeftOperand, onSpine: true) && KeepsShape(logical.RightOperand, onSpine: true);
            case IBinaryOperation binary:
                return KeepsShape(binary.LeftOperand, onSpine: false) && KeepsShape(binary.RightOperand, onSpine: false);
            case IConditionalOperation { WhenFalse: { } whenFalse } choice when onSpine:
                // if (flag ? check : false): each value is a check the graph keeps as it is (no && or || to split it).
                return KeepsShape(choice.Condition, onSpine: true) && KeepsShape(choice.WhenTrue, onSpine: false)
                    && KeepsShape(whenFalse, onSpine: false);
            case ICoalesceOperation coalesce:
                // feature?.CanTrack ?? false: the graph tests the value for null and captures either side.
                return KeepsShape(coalesce.Value, onSpine: false) && KeepsShape(coalesce.WhenNull, onSpine: false);
            case IConditionalAccessOperation access:
                return KeepsShape(access.Operation, onSpine: false) && KeepsShape(access.WhenNotNull, onSpine: false);
            case IConversionOperation conversion:
                return KeepsShape(conversion.Operand, onSpine: false);
            case IAwaitOperation awaited:
                return KeepsShape(awaited.Operation, onSpine: false);
            case IInvocationOperation invocation:
                return (invocation.Instance is null || KeepsShape(invocation.Instance, onSpine: false)) && ArgumentsKeepShape(invocation.Arguments);
            case IPropertyReferenceOperation property:
                return (property.Instance is null || KeepsShape(property.Instance, onSpine: false)) && ArgumentsKeepShape(property.Arguments);
            case IFieldReferenceOperation field:
                return field.Instance is null || KeepsShape(field.Instance, onSpine: false);
            case IIsPatternOperation isPattern:
                return KeepsShape(isPattern.Value, onSpine: false) && PatternKeepsShape(isPattern.Pattern);
            case ILiteralOperation or ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation or INameOfOperation
                or ITypeOfOperation or IConditionalAccessInstanceOperation:
                return true;
            default:
                return false;
        }
    }

    private static bool ArgumentsKeepShape(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit
                || argument.Parameter?.RefKind is not RefKind.None
                || !KeepsShape(argument.Value, onSpine: false))
            {
                return false;
            }
        }

        return true;
    }

    private static bool PatternKeepsShape(IPatternOperation pattern)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                return KeepsShape(constant.Value, onSpine: false);
            case INegatedPatternOperation negated:
                return PatternKeepsShape(negated.Pattern);
            case IRecursivePatternOperation recursive when recursive.DeclaredSymbol is null && recursive.DeconstructionSubpatterns.IsEmpty:
                foreach (var property in recursive.PropertySubpatterns)
                {
                    if (property.Member is not IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation }
                        || !PatternKeepsShape(property.Pattern))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }
}
