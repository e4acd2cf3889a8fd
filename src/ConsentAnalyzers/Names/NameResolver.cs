using ConsentAnalyzers.Analysis;
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
    public static ResolvedName Resolve(IOperation operation, GeneratedConstants? generated = null)
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
                return Combine(ResolvePart(concatenation.LeftOperand, generated), ResolvePart(concatenation.RightOperand, generated));
            case IInterpolatedStringOperation interpolation:
                return ResolveInterpolation(interpolation, generated);
            case IInvocationOperation invocation when generated?.PatternBuiltBy(invocation.TargetMethod) is { } pattern:
                return ResolveBuilder(invocation, pattern, generated);
            default:
                return ResolvedName.Unresolved;
        }
    }

    /// <summary>Inside a concatenation or interpolation, a part that is not constant is a hole, not a failure.</summary>
    private static ResolvedName ResolvePart(IOperation part, GeneratedConstants? generated)
    {
        var resolved = Resolve(part, generated);
        return resolved.Kind == ResolvedNameKind.Unresolved ? ResolvedName.Hole : resolved;
    }

    private static ResolvedName Combine(ResolvedName left, ResolvedName right)
    {
        var combined = ResolvedName.Concat(left, right);

        // A name made of holes only says nothing about the name: it is unresolved.
        return combined.Kind == ResolvedNameKind.Template && IsOnlyHoles(combined.Text) ? ResolvedName.Unresolved : combined;
    }

    /// <summary>A generated builder: the pattern's fixed pieces around its arguments, one per '*'.</summary>
    private static ResolvedName ResolveBuilder(IInvocationOperation invocation, string pattern, GeneratedConstants generated)
    {
        var pieces = Generator.NameConstantsEmitter.PatternPieces(pattern);
        var result = ResolvedName.Exact(pieces[0]);
        for (var i = 1; i < pieces.Count; i++)
        {
            var part = i - 1 < invocation.Arguments.Length ? ResolvePart(invocation.Arguments[i - 1].Value, generated) : ResolvedName.Hole;
            result = ResolvedName.Concat(ResolvedName.Concat(result, part), ResolvedName.Exact(pieces[i]));
        }

        return result;
    }

    private static ResolvedName ResolveInterpolation(IInterpolatedStringOperation interpolation, GeneratedConstants? generated)
    {
        var result = ResolvedName.Exact(string.Empty);
        foreach (var part in interpolation.Parts)
        {
            var resolved = part switch
            {
                IInterpolatedStringTextOperation text => text.Text.ConstantValue.Value is string literal ? ResolvedName.Exact(literal) : ResolvedName.Hole,
                IInterpolationOperation { Alignment: null, FormatString: null } hole => ResolvePart(hole.Expression, generated),
                _ => ResolvedName.Hole, // an alignment or format string changes the text in ways a name check should not guess
            };
            result = ResolvedName.Concat(result, resolved);
        }

        return result.Kind == ResolvedNameKind.Template && IsOnlyHoles(result.Text) ? ResolvedName.Unresolved : result;
    }

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

    private static bool IsOnlyHoles(string text)
    {
        foreach (var c in text)
        {
            if (c != Manifest.NamePattern.Hole)
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
