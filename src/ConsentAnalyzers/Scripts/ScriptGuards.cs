using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Acornima;
using Acornima.Ast;
using ConsentAnalyzers.Guards;
using ConsentAnalyzers.Manifest;

namespace ConsentAnalyzers.Scripts;

/// <summary>
/// The manifest's script guards (<see cref="ScriptGuardEntry"/>), recognized in code: JavaScript has no types, so a
/// consent check is a path the manifest declares. Conditions combine as in C#: <c>!</c>, <c>&amp;&amp;</c>,
/// <c>||</c>, <c>=== true</c>/<c>=== false</c>, <c>await</c> and a name bound once to a check.
/// </summary>
internal sealed class ScriptGuards
{
    private static readonly ConditionalWeakTable<ManifestModel, ScriptGuards> ByManifest = new();
    private readonly Dictionary<string, ScriptGuardEntry> _byPath = new();

    private ScriptGuards(ManifestModel manifest)
    {
        foreach (var guard in manifest.ScriptGuards)
        {
            _byPath[guard.Path] = guard;
        }
    }

    public static ScriptGuards For(ManifestModel manifest) => ByManifest.GetValue(manifest, m => new ScriptGuards(m));

    private const int MaxDepth = 32;

    /// <summary>The categories known to be granted where <paramref name="condition"/> is <paramref name="whenTrue"/>.</summary>
    public CategorySet Implied(Node? condition, bool whenTrue, ScriptBindings bindings) => Implied(condition, whenTrue, bindings, 0);

    private CategorySet Implied(Node? condition, bool whenTrue, ScriptBindings bindings, int depth)
    {
        if (condition is null || depth > MaxDepth || _byPath.Count == 0)
        {
            return CategorySet.Empty;
        }

        switch (condition)
        {
            case UnaryExpression { Operator: Operator.LogicalNot } not:
                return Implied(not.Argument, !whenTrue, bindings, depth + 1);
            case LogicalExpression { Operator: Operator.LogicalAnd } and:
                return whenTrue
                    ? Implied(and.Left, true, bindings, depth + 1).Union(Implied(and.Right, true, bindings, depth + 1))
                    : Implied(and.Left, false, bindings, depth + 1).Intersect(Implied(and.Right, false, bindings, depth + 1));
            case LogicalExpression { Operator: Operator.LogicalOr } or:
                return whenTrue
                    ? Implied(or.Left, true, bindings, depth + 1).Intersect(Implied(or.Right, true, bindings, depth + 1))
                    : Implied(or.Left, false, bindings, depth + 1).Union(Implied(or.Right, false, bindings, depth + 1));
            case BinaryExpression { Operator: Operator.StrictEquality or Operator.Equality } equality
                when BooleanOperand(equality) is var (operand, value) && operand is not null:
                return Implied(operand, value ? whenTrue : !whenTrue, bindings, depth + 1);
            case BinaryExpression { Operator: Operator.StrictInequality or Operator.Inequality } inequality
                when BooleanOperand(inequality) is var (operand, value) && operand is not null:
                return Implied(operand, value ? !whenTrue : whenTrue, bindings, depth + 1);
            case ParenthesizedExpression parenthesized:
                return Implied(parenthesized.Expression, whenTrue, bindings, depth + 1);
            case AwaitExpression awaited:
                return Implied(awaited.Argument, whenTrue, bindings, depth + 1);
            case ChainExpression chain:
                return Implied(chain.Expression, whenTrue, bindings, depth + 1);
            case Identifier identifier when bindings.ValueOf(identifier) is Expression value and not IFunction:
                return Implied(value, whenTrue, bindings, depth + 1);
            default:
                return whenTrue && Checked(condition, bindings) is { } category ? CategorySet.Of(category) : CategorySet.Empty;
        }
    }

    /// <summary>
    /// The category a callback guard's call grants to the function it runs (<c>consent.whenGranted('analytics',
    /// () =&gt; …)</c>), or null when <paramref name="call"/> is no such call.
    /// </summary>
    public string? CallbackCategory(CallExpression call, ScriptBindings bindings) =>
        Guard(call.Callee) is { Callback: true } guard ? CategoryOf(guard, call, bindings) : null;

    /// <summary>The category a plain check grants when it is true: a guard call or a guard property.</summary>
    private string? Checked(Node expression, ScriptBindings bindings) => expression switch
    {
        CallExpression call when Guard(call.Callee) is { Callback: false } guard => CategoryOf(guard, call, bindings),
        not CallExpression when Guard(expression) is { Callback: false, Category: { } category } => category,
        _ => null,
    };

    private ScriptGuardEntry? Guard(Node callee) =>
        ScriptPaths.Of(callee) is { } path && _byPath.TryGetValue(path, out var guard) ? guard : null;

    private static string? CategoryOf(ScriptGuardEntry guard, CallExpression call, ScriptBindings bindings)
    {
        if (guard.Category is not null)
        {
            return guard.Category;
        }

        if (call.Arguments.Count == 0 || ScriptValues.Evaluate(call.Arguments[0], bindings) is not { Kind: ResolvedNameKind.Exact } argument)
        {
            return null;
        }

        foreach (var mapped in guard.Arguments)
        {
            if (mapped.Value == argument.Text)
            {
                return mapped.Category;
            }
        }

        return null;
    }

    /// <summary>The other side of <c>x === true</c> / <c>false == x</c>, and the boolean it is compared with.</summary>
    private static (Node? Operand, bool Value) BooleanOperand(BinaryExpression comparison) => (comparison.Left, comparison.Right) switch
    {
        (_, BooleanLiteral literal) => (comparison.Left, literal.Value),
        (BooleanLiteral literal, _) => (comparison.Right, literal.Value),
        _ => (null, false),
    };
}
