using Acornima.Ast;
using ConsentAnalyzers.Manifest;

namespace ConsentAnalyzers.Scripts;

/// <summary>
/// The dotted path an expression names (<c>consent.has</c>, <c>localStorage.setItem</c>), as the catalog and the
/// manifest write it: what is reached through the global object (<c>window.</c>, <c>self.</c>, <c>globalThis.</c>) is
/// the same global, and <c>a?.b</c>, <c>a["b"]</c> and <c>(a).b</c> are <c>a.b</c>.
/// </summary>
internal static class ScriptPaths
{
    private const int MaxDepth = 32;

    /// <summary>The path, or null for anything else (a call's result, a computed member, <c>this</c>).</summary>
    public static string? Of(Node? expression) => Strip(Raw(expression, 0));

    private static string? Raw(Node? expression, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (expression)
        {
            case Identifier identifier:
                return identifier.Name;
            case ParenthesizedExpression parenthesized:
                return Raw(parenthesized.Expression, depth + 1);
            case ChainExpression chain:
                return Raw(chain.Expression, depth + 1);
            case MemberExpression member when MemberName(member) is { } name && Raw(member.Object, depth + 1) is { } owner:
                return owner + "." + name;
            default:
                return null;
        }
    }

    /// <summary>The member's name: <c>.name</c> or <c>["name"]</c>.</summary>
    public static string? MemberName(MemberExpression member) => member switch
    {
        { Computed: false, Property: Identifier name } => name.Name,
        { Computed: true, Property: StringLiteral literal } => literal.Value,
        _ => null,
    };

    private static string? Strip(string? path) => path is null ? null : ScriptGlobals.WithoutGlobalObject(path);
}
