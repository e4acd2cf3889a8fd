using System.Collections.Generic;
using System.Text;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Names;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Markup;

/// <summary>
/// The text a C# string expression that is rendered as HTML can hold, as far as the compiler can tell, with the place
/// each part of it is written in the member (the literal, the <c>+=</c>, the <c>StringBuilder.Append</c>). A tracker
/// in a part is guarded when either the rendering or the writing of that part is under a consent check: a script
/// appended only <c>if (consented)</c> and rendered unconditionally is as guarded as one rendered under the check.
/// </summary>
internal sealed class HtmlStringText
{
    /// <summary>More text than any script snippet: the following stops there (a hole).</summary>
    private const int MaxLength = 64 * 1024;

    private const int MaxDepth = 8;

    private readonly StringBuilder _text = new();
    private readonly List<(int Start, IOperation? Site)> _parts = new();
    private readonly HashSet<ISymbol> _following = new(SymbolEqualityComparer.Default);

    private HtmlStringText()
    {
    }

    /// <summary>The text, a hole (<see cref="NamePattern.Hole"/>) wherever a value is unknown or alternatives meet.</summary>
    public string Text => _text.ToString();

    /// <summary>
    /// Follows <paramref name="value"/> back through literals, interpolations, concatenations, <c>?:</c>, locals (every
    /// write to them), StringBuilders and the names <see cref="NameResolver"/> follows.
    /// </summary>
    /// <param name="value">The rendered string.</param>
    /// <param name="prefix">Markup the rendering puts around it (a script TagBuilder's <c>&lt;script src="</c>).</param>
    /// <param name="suffix">Markup after it.</param>
    public static HtmlStringText Of(IOperation value, string prefix = "", string suffix = "")
    {
        var text = new HtmlStringText();
        text.Append(prefix, null);
        text.Add(value, depth: 0);
        text.Append(suffix, null);
        return text;
    }

    /// <summary>
    /// Where the part holding <paramref name="position"/> is written in this member (null when it is written elsewhere:
    /// a constant, a field's initializer, a helper method).
    /// </summary>
    public IOperation? SiteAt(int position)
    {
        IOperation? site = null;
        foreach (var (start, partSite) in _parts)
        {
            if (start > position)
            {
                break;
            }

            site = partSite;
        }

        return site;
    }

    private void Append(string text, IOperation? site)
    {
        if (_text.Length + text.Length > MaxLength)
        {
            AppendHole();
            return;
        }

        _parts.Add((_text.Length, site));
        _text.Append(text);
    }

    private void AppendHole() => Append(NamePattern.Hole.ToString(), null);

    private void Add(IOperation value, int depth)
    {
        value = value.WithoutConversions();
        if (depth > MaxDepth)
        {
            AppendHole();
            return;
        }

        if (value.ConstantValue is { HasValue: true, Value: string constant })
        {
            Append(constant, value);
            return;
        }

        switch (value)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when IsString(concatenation.Type):
                AddConcatenation(concatenation, depth);
                return;
            case IInterpolatedStringOperation interpolation:
                foreach (var part in interpolation.Parts)
                {
                    if (part is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string literal } })
                    {
                        Append(literal, interpolation);
                    }
                    else if (part is IInterpolationOperation { Alignment: null, FormatString: null } hole && IsString(hole.Expression.Type))
                    {
                        Add(hole.Expression, depth);
                    }
                    else
                    {
                        AppendHole(); // a number or a formatted value: never script text
                    }
                }

                return;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                // Either branch: each is scanned, apart, and each is written under its own condition.
                Add(conditional.WhenTrue, depth);
                AppendHole();
                Add(whenFalse, depth);
                return;
            case ICoalesceOperation coalesce:
                Add(coalesce.Value, depth);
                AppendHole();
                Add(coalesce.WhenNull, depth);
                return;
            case ILocalReferenceOperation { Local: { IsConst: false, RefKind: RefKind.None } local } when IsString(local.Type):
                AddWrites(local, value, depth);
                return;
            case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } builder } when IsStringBuilder(builder.Type):
                AddBuilder(builder, depth);
                return;
        }

        var resolved = NameResolver.Resolve(value);
        if (resolved.Kind == ResolvedNameKind.Unresolved)
        {
            AppendHole();
        }
        else
        {
            Append(resolved.Text, value);
        }
    }

    /// <summary>
    /// <c>a + b + c + …</c>: a script written as one long concatenation nests to the left as deep as it has parts, so
    /// the left spine is walked in a loop rather than by recursion (the depth limit is for following symbols).
    /// </summary>
    private void AddConcatenation(IBinaryOperation concatenation, int depth)
    {
        var rightOperands = new Stack<IOperation>();
        IOperation left = concatenation;
        while (left is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary && IsString(binary.Type))
        {
            rightOperands.Push(binary.RightOperand);
            left = binary.LeftOperand.WithoutConversions();
        }

        Add(left, depth);
        while (rightOperands.Count > 0)
        {
            Add(rightOperands.Pop(), depth);
        }
    }

    /// <summary>
    /// A local's text: every value written to it in its member, in the order written (an initializer, <c>=</c> and
    /// <c>+=</c>), so a script assembled piece by piece is read whole. The local itself on the right (<c>s = s + x</c>)
    /// adds nothing more.
    /// </summary>
    private void AddWrites(ILocalSymbol local, IOperation reference, int depth)
    {
        if (!_following.Add(local))
        {
            return;
        }

        var writes = new List<IOperation>();
        foreach (var operation in reference.Root().Descendants())
        {
            var written = operation switch
            {
                IVariableDeclaratorOperation declarator
                    when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) => declarator.Initializer?.Value,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, local) => assignment.Value,
                ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: ILocalReferenceOperation target } compound
                    when SymbolEqualityComparer.Default.Equals(target.Local, local) => compound.Value,
                _ => null,
            };
            if (written is not null)
            {
                writes.Add(written);
            }
        }

        writes.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        foreach (var written in writes)
        {
            Add(written, depth + 1);
        }

        _following.Remove(local);
    }

    /// <summary>
    /// A StringBuilder's text: what its creation and every <c>Append</c>/<c>AppendLine</c>/<c>Insert</c> on it (also
    /// chained) add, in the order written, when it is a local or created in the same expression.
    /// </summary>
    private void AddBuilder(IOperation builder, int depth)
    {
        var appended = new List<IOperation>();
        var chain = builder.WithoutConversions();
        while (chain is IInvocationOperation { Instance: { } inner } && IsStringBuilder(chain.Type))
        {
            chain = inner.WithoutConversions();
        }

        if (chain is ILocalReferenceOperation { Local: var local })
        {
            // Every call on the local, the chain that ends in ToString() included.
            if (!_following.Add(local))
            {
                return;
            }

            foreach (var operation in builder.Root().Descendants())
            {
                if (operation is IVariableDeclaratorOperation declarator
                    && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local)
                    && declarator.Initializer is { } initializer)
                {
                    CollectCreation(initializer.Value, appended);
                }
                else if (operation is IInvocationOperation call
                    && IsStringBuilder(call.Type)
                    && SymbolEqualityComparer.Default.Equals(ReceiverLocal(call), local))
                {
                    CollectAppended(call, appended);
                }
            }

            _following.Remove(local);
        }
        else
        {
            // new StringBuilder(…).Append(…)….ToString(): the chain itself.
            for (var call = builder.WithoutConversions(); call is IInvocationOperation { Instance: { } inner } invocation
                && IsStringBuilder(call.Type); call = inner.WithoutConversions())
            {
                CollectAppended(invocation, appended);
            }

            CollectCreation(chain, appended);
        }

        appended.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        foreach (var value in appended)
        {
            Add(value, depth + 1);
        }
    }

    private static void CollectCreation(IOperation creation, List<IOperation> appended)
    {
        if (creation.WithoutConversions() is IObjectCreationOperation { Arguments: { Length: > 0 } arguments } && IsString(arguments[0].Value.Type))
        {
            appended.Add(arguments[0].Value);
        }
    }

    private static void CollectAppended(IInvocationOperation call, List<IOperation> appended)
    {
        if (call.TargetMethod.Name is "Append" or "AppendLine" or "Insert" or "AppendFormat")
        {
            foreach (var argument in call.Arguments)
            {
                if (IsString(argument.Parameter?.Type))
                {
                    appended.Add(argument.Value);
                }
            }
        }
    }

    /// <summary>The local a chain of StringBuilder calls starts from (<c>sb.Append(a).Append(b)</c>: sb).</summary>
    private static ILocalSymbol? ReceiverLocal(IInvocationOperation call)
    {
        var receiver = call.Instance?.WithoutConversions();
        while (receiver is IInvocationOperation { Instance: { } inner } chained && IsStringBuilder(chained.Type))
        {
            receiver = inner.WithoutConversions();
        }

        return receiver is ILocalReferenceOperation reference ? reference.Local : null;
    }

    private static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

    private static bool IsStringBuilder(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && SymbolFacts.HasFullName(named, "System.Text.StringBuilder");
}
