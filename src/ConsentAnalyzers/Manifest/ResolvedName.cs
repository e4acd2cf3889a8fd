namespace ConsentAnalyzers.Manifest;

internal enum ResolvedNameKind
{
    /// <summary>The name is known exactly at compile time.</summary>
    Exact,

    /// <summary>Known in part: fixed text around holes whose values are not (an interpolation or concatenation).</summary>
    Template,

    /// <summary>Nothing is known: a parameter, a non-constant field, a method result.</summary>
    Unresolved,
}

/// <summary>
/// What the compiler can tell about a cookie name or storage key written in code. A template keeps its holes as
/// <see cref="NamePattern.Hole"/>, so that "does a declared pattern cover every value?" is a plain
/// pattern match.
/// </summary>
internal readonly struct ResolvedName
{
    private ResolvedName(ResolvedNameKind kind, string text, bool isLiteral)
    {
        Kind = kind;
        Text = text;
        IsLiteral = isLiteral;
    }

    public static ResolvedName Unresolved { get; } = new(ResolvedNameKind.Unresolved, string.Empty, false);

    public ResolvedNameKind Kind { get; }

    /// <summary>The name, with a hole character where a template has a hole.</summary>
    public string Text { get; }

    /// <summary>The expression is itself a string literal (as opposed to a constant, nameof or a concatenation).</summary>
    public bool IsLiteral { get; }

    /// <summary>The name as a message shows it: holes as <c>{…}</c>.</summary>
    public string Display => Text.Replace(NamePattern.Hole.ToString(), "{…}");

    public static ResolvedName Exact(string text, bool isLiteral = false) => new(ResolvedNameKind.Exact, text, isLiteral);

    public static ResolvedName Template(string text) => new(ResolvedNameKind.Template, text, false);

    /// <summary>The concatenation of two names: exact only when both are.</summary>
    public static ResolvedName Concat(ResolvedName left, ResolvedName right)
    {
        if (left.Kind == ResolvedNameKind.Unresolved || right.Kind == ResolvedNameKind.Unresolved)
        {
            return Unresolved;
        }

        var text = left.Text + right.Text;
        return left.Kind == ResolvedNameKind.Exact && right.Kind == ResolvedNameKind.Exact ? Exact(text) : Template(text);
    }

    /// <summary>A hole: some value the compiler cannot know.</summary>
    public static ResolvedName Hole { get; } = new(ResolvedNameKind.Template, NamePattern.Hole.ToString(), false);
}
