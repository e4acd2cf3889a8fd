using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ConsentAnalyzers.ConsentApi;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Names;

/// <summary>
/// Resolves the expression that gives a cookie name or storage key: literals, constants from anywhere (also other
/// assemblies), <c>nameof</c>, and concatenations and interpolations of them. A part that is not constant becomes a
/// hole; an expression with no constant part at all is unresolved (never silently accepted).
/// </summary>
internal static class NameResolver
{
    /// <summary>
    /// Framework cookie names that are <c>static readonly</c> rather than <c>const</c>, so the compiler cannot fold
    /// them; their values are fixed by the framework and documented.
    /// </summary>
    private static readonly (string Type, string Field, string Value)[] FrameworkNames =
    {
        ("Microsoft.AspNetCore.Localization.CookieRequestCultureProvider", "DefaultCookieName", ".AspNetCore.Culture"),
        ("Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions", "DefaultCookiePrefix", ".AspNetCore.Antiforgery."),
        ("Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider", "CookieName", ".AspNetCore.Mvc.CookieTempDataProvider"),
        ("Microsoft.Net.Http.Headers.HeaderNames", "SetCookie", "Set-Cookie"),
    };

    /// <param name="operation">The expression that gives the name.</param>
    /// <param name="generated">The generated constants and builders, so <c>ConsentCookies.GaName(id)</c> resolves as "_ga_" + id.</param>
    public static ResolvedName Resolve(IOperation operation, GeneratedConstants? generated = null) =>
        Resolve(operation, generated, new NameFollower.Trail());

    /// <param name="operation">The expression that gives the name.</param>
    /// <param name="generated">The generated constants and builders.</param>
    /// <param name="trail">The symbols being followed on the way to this expression (against recursion).</param>
    internal static ResolvedName Resolve(IOperation operation, GeneratedConstants? generated, NameFollower.Trail trail)
    {
        operation = SkipConversions(operation);
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            return ResolvedName.Exact(constant, isLiteral: operation is ILiteralOperation);
        }

        if (operation is IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field } && FrameworkName(field) is { } frameworkName)
        {
            return ResolvedName.Exact(frameworkName);
        }

        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when IsString(concatenation.Type):
                return Combine(ResolvePart(concatenation.LeftOperand, generated, trail), ResolvePart(concatenation.RightOperand, generated, trail));
            case IInterpolatedStringOperation interpolation:
                return ResolveInterpolation(interpolation, generated, trail);
            case IInvocationOperation invocation when generated?.PatternBuiltBy(invocation.TargetMethod) is { } pattern:
                return ResolveBuilder(invocation, pattern, generated, trail);
            case IInvocationOperation invocation when IsStringMethod(invocation.TargetMethod, "Concat"):
                return ResolveConcat(invocation, generated, trail);
            case IInvocationOperation invocation when IsStringMethod(invocation.TargetMethod, "Format"):
                return ResolveFormat(invocation, generated, trail);
            default:
                // Names fixed in practice though not const: a static readonly field or get-only static property
                // with a constant-foldable value, a local assigned once, a small helper method (NameFollower).
                return NameFollower.Follow(operation, generated, trail);
        }
    }

    /// <summary>Inside a concatenation or interpolation, a part that is not constant is a hole, not a failure.</summary>
    private static ResolvedName ResolvePart(IOperation part, GeneratedConstants? generated, NameFollower.Trail trail)
    {
        var resolved = Resolve(part, generated, trail);
        return resolved.Kind == ResolvedNameKind.Unresolved ? ResolvedName.Hole : resolved;
    }

    private static ResolvedName Combine(ResolvedName left, ResolvedName right)
    {
        var combined = ResolvedName.Concat(left, right);

        // A name made of holes only says nothing about the name: it is unresolved.
        return combined.Kind == ResolvedNameKind.Template && IsOnlyHoles(combined.Text) ? ResolvedName.Unresolved : combined;
    }

    /// <summary>A generated builder: the pattern's fixed pieces around its arguments, one per '*'.</summary>
    private static ResolvedName ResolveBuilder(IInvocationOperation invocation, string pattern, GeneratedConstants generated,
        NameFollower.Trail trail)
    {
        var pieces = NameConstantsPlan.PatternPieces(pattern);
        var result = ResolvedName.Exact(pieces[0]);
        for (var i = 1; i < pieces.Count; i++)
        {
            var part = i - 1 < invocation.Arguments.Length ? ResolvePart(invocation.Arguments[i - 1].Value, generated, trail) : ResolvedName.Hole;
            result = ResolvedName.Concat(ResolvedName.Concat(result, part), ResolvedName.Exact(pieces[i]));
        }

        return result;
    }

    private static ResolvedName ResolveInterpolation(IInterpolatedStringOperation interpolation, GeneratedConstants? generated,
        NameFollower.Trail trail)
    {
        var result = ResolvedName.Exact(string.Empty);
        foreach (var part in interpolation.Parts)
        {
            var resolved = part switch
            {
                IInterpolatedStringTextOperation text => text.Text.ConstantValue.Value is string literal
                    ? ResolvedName.Exact(literal)
                    : ResolvedName.Hole,
                IInterpolationOperation { Alignment: null, FormatString: null } hole => ResolvePart(hole.Expression, generated, trail),
                _ => ResolvedName.Hole, // an alignment or format string changes the text in ways a name check should not guess
            };
            result = ResolvedName.Concat(result, resolved);
        }

        return result.Kind == ResolvedNameKind.Template && IsOnlyHoles(result.Text) ? ResolvedName.Unresolved : result;
    }

    /// <summary>
    /// <c>string.Concat</c> of strings (also its <c>params string[]</c> and span forms are not followed): the
    /// concatenation of its arguments, each one not constant a hole.
    /// </summary>
    private static ResolvedName ResolveConcat(IInvocationOperation invocation, GeneratedConstants? generated, NameFollower.Trail trail)
    {
        var parts = new List<IOperation>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                if (argument.Value is not IArrayCreationOperation { Initializer: { } initializer })
                {
                    return ResolvedName.Unresolved; // an array passed as a whole: its elements are data
                }

                parts.AddRange(initializer.ElementValues);
            }
            else if (IsString(argument.Parameter?.Type) || argument.Parameter?.Type.SpecialType == SpecialType.System_Object)
            {
                parts.Add(argument.Value);
            }
            else
            {
                return ResolvedName.Unresolved; // spans, enumerables: not followed
            }
        }

        var result = ResolvedName.Exact(string.Empty);
        foreach (var part in parts)
        {
            // A non-string object argument is a hole unless it is itself a string constant.
            result = ResolvedName.Concat(result, ResolvePart(part, generated, trail));
        }

        return result.Kind == ResolvedNameKind.Template && IsOnlyHoles(result.Text) ? ResolvedName.Unresolved : result;
    }

    /// <summary>
    /// <c>string.Format</c> with a constant format string (no format provider): its text with each <c>{n}</c> replaced
    /// by argument n. A placeholder with an alignment or format (<c>{0,5}</c>, <c>{0:D4}</c>) is a hole.
    /// </summary>
    private static ResolvedName ResolveFormat(IInvocationOperation invocation, GeneratedConstants? generated, NameFollower.Trail trail)
    {
        var arguments = invocation.Arguments;
        if (arguments.Length == 0
            || !IsString(arguments[0].Parameter?.Type)
            || arguments[0].Value.ConstantValue is not { HasValue: true, Value: string format })
        {
            return ResolvedName.Unresolved;
        }

        var values = new List<IOperation>();
        for (var a = 1; a < arguments.Length; a++)
        {
            if (arguments[a].ArgumentKind == ArgumentKind.ParamArray)
            {
                if (arguments[a].Value is not IArrayCreationOperation { Initializer: { } initializer })
                {
                    return ResolvedName.Unresolved;
                }

                values.AddRange(initializer.ElementValues);
            }
            else if (arguments[a].Parameter?.Type.SpecialType == SpecialType.System_Object)
            {
                values.Add(arguments[a].Value);
            }
            else
            {
                return ResolvedName.Unresolved; // a span of arguments or a composite format: not followed
            }
        }

        var result = ResolvedName.Exact(string.Empty);
        var text = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                text.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                return ResolvedName.Unresolved; // malformed: throws at run time
            }

            if (c != '{')
            {
                text.Append(c);
                continue;
            }

            var close = format.IndexOf('}', i);
            if (close < 0)
            {
                return ResolvedName.Unresolved;
            }

            var placeholder = format.Substring(i + 1, close - i - 1);
            result = ResolvedName.Concat(result, ResolvedName.Exact(text.ToString()));
            text.Clear();
            if (int.TryParse(placeholder, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                if (index >= values.Count)
                {
                    return ResolvedName.Unresolved; // throws at run time
                }

                result = ResolvedName.Concat(result, ResolvePart(values[index], generated, trail));
            }
            else
            {
                result = ResolvedName.Concat(result, ResolvedName.Hole);
            }

            i = close;
        }

        result = ResolvedName.Concat(result, ResolvedName.Exact(text.ToString()));
        return result.Kind == ResolvedNameKind.Template && IsOnlyHoles(result.Text) ? ResolvedName.Unresolved : result;
    }

    private static bool IsStringMethod(IMethodSymbol method, string name) =>
        method.IsStatic && method.Name == name && method.ContainingType.SpecialType == SpecialType.System_String && IsString(method.ReturnType);

    private static string? FrameworkName(IFieldSymbol field)
    {
        foreach (var (type, name, value) in FrameworkNames)
        {
            if (field.Name == name && field.ContainingType.ToDisplayString() == type)
            {
                return value;
            }
        }

        return null;
    }

    internal static bool IsOnlyHoles(string text)
    {
        foreach (var c in text)
        {
            if (c != NamePattern.Hole)
            {
                return false;
            }
        }

        return true;
    }

    private static IOperation SkipConversions(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                // Built-in conversions (to object, to string), and user-defined ones from a string such as
                // string → StringValues, keep the text.
                case IConversionOperation conversion when conversion.OperatorMethod is null || IsString(conversion.Operand.Type):
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    private static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;
}
