using System;
using System.Globalization;
using System.Text;
using Acornima.Ast;
using ConsentAnalyzers.Manifest;

namespace ConsentAnalyzers.Scripts;

/// <summary>
/// The text of a string expression in a script, as far as it is known without running it: literals, template
/// literals (each <c>${…}</c> a hole unless its value is known), <c>+</c> concatenation, names bound once
/// (<see cref="ScriptBindings"/>) and properties of an object literal bound once (<c>KEYS.draft</c>). The result is
/// a <see cref="ResolvedName"/>, matched against the manifest's names and patterns the same way as in C#.
/// </summary>
internal static class ScriptValues
{
    private const int MaxDepth = 16;

    public static ResolvedName Evaluate(Node? expression, ScriptBindings bindings) => Evaluate(expression, bindings, 0);

    private static ResolvedName Evaluate(Node? expression, ScriptBindings bindings, int depth)
    {
        if (depth > MaxDepth)
        {
            return ResolvedName.Unresolved;
        }

        switch (expression)
        {
            case StringLiteral literal:
                return ResolvedName.Exact(literal.Value, isLiteral: true);
            case NumericLiteral number:
                return ResolvedName.Exact(number.Value.ToString(CultureInfo.InvariantCulture));
            case TemplateLiteral template:
                return Template(template, bindings, depth);
            case BinaryExpression { Operator: Acornima.Operator.Addition } concatenation:
                return Concat(concatenation.Left, concatenation.Right, bindings, depth);
            case ParenthesizedExpression parenthesized:
                return Evaluate(parenthesized.Expression, bindings, depth + 1);
            case Identifier identifier:
                return bindings.ValueOf(identifier) is { } value and not IFunction
                    ? Evaluate(value, bindings, depth + 1)
                    : ResolvedName.Unresolved;
            case MemberExpression member when ScriptPaths.MemberName(member) is { } name
                && member.Object is Identifier owner && bindings.ObjectOf(owner) is { } literal:
                return Evaluate(PropertyValue(literal, name), bindings, depth + 1);
            default:
                return ResolvedName.Unresolved;
        }
    }

    /// <summary>Unknown parts of a concatenation or template are holes; a name that is nothing but holes is unresolved.</summary>
    private static ResolvedName Concat(Node left, Node right, ScriptBindings bindings, int depth) =>
        AtLeastSomeText(ResolvedName.Concat(Part(left, bindings, depth), Part(right, bindings, depth)));

    private static ResolvedName Template(TemplateLiteral template, ScriptBindings bindings, int depth)
    {
        var text = new StringBuilder();
        var exact = true;
        for (var i = 0; i < template.Quasis.Count; i++)
        {
            text.Append(template.Quasis[i].Value.Cooked ?? template.Quasis[i].Value.Raw);
            if (i < template.Expressions.Count)
            {
                var hole = Part(template.Expressions[i], bindings, depth);
                exact &= hole.Kind == ResolvedNameKind.Exact;
                text.Append(hole.Text);
            }
        }

        return exact ? ResolvedName.Exact(text.ToString()) : AtLeastSomeText(ResolvedName.Template(text.ToString()));
    }

    private static ResolvedName Part(Node expression, ScriptBindings bindings, int depth)
    {
        var value = Evaluate(expression, bindings, depth + 1);
        return value.Kind == ResolvedNameKind.Unresolved ? ResolvedName.Hole : value;
    }

    private static ResolvedName AtLeastSomeText(ResolvedName name) =>
        name.Kind == ResolvedNameKind.Template && name.Text.Trim(NamePattern.Hole).Length == 0 ? ResolvedName.Unresolved : name;

    /// <summary>The value of an object literal's property <paramref name="name"/>, when no spread or computed key may override it.</summary>
    public static Node? PropertyValue(ObjectExpression literal, string name)
    {
        Node? found = null;
        foreach (var node in literal.Properties)
        {
            if (node is not Property property)
            {
                return null; // a spread may override anything
            }

            if (property.Computed)
            {
                return null; // a computed key may be any name
            }

            var key = property.Key switch
            {
                Identifier identifier => identifier.Name,
                StringLiteral text => text.Value,
                _ => null,
            };
            if (string.Equals(key, name, StringComparison.Ordinal) && property.Kind == PropertyKind.Init && !property.Method)
            {
                found = property.Value;
            }
        }

        return found;
    }
}
