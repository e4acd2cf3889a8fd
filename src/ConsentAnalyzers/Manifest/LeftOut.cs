using ConsentAnalyzers.Common;

namespace ConsentAnalyzers.Manifest;

/// <summary>
/// What an issue in the manifest takes out of the generated code. The generator emits every part of a broken
/// manifest that was read without an issue, so that one typo costs the uses of one constant rather than every use of
/// the generated API; each issue's message ends by saying what it left out.
/// </summary>
internal readonly struct LeftOut
{
    private readonly LeftOutKind _kind;
    private readonly string _name;

    private LeftOut(LeftOutKind kind, string name)
    {
        _kind = kind;
        _name = name;
    }

    /// <summary>The issue changes nothing that is generated (a stray field at the top level, a wrong '$schema').</summary>
    public static LeftOut Nothing => default;

    /// <summary>The cookie, storage, tracker or guard entry the issue is in.</summary>
    public static LeftOut Entry => new(LeftOutKind.Entry, string.Empty);

    /// <summary>A category, and with it every entry that refers to it.</summary>
    public static LeftOut Category(string id) => new(LeftOutKind.Category, id);

    /// <summary>A whole section ('cookies', 'storage', …).</summary>
    public static LeftOut Section(string name) => new(LeftOutKind.Section, name);

    /// <summary>Every category and entry: the manifest cannot be read as a whole (syntax, version, shape, categories).</summary>
    public static LeftOut Everything => new(LeftOutKind.Everything, string.Empty);

    public bool IsEverything => _kind == LeftOutKind.Everything;

    /// <summary>The sentence that ends the message, with its leading space; empty for <see cref="Nothing"/>.</summary>
    public string Sentence => _kind switch
    {
        LeftOutKind.Entry => " Until this is fixed, the generated code leaves this entry out.",
        LeftOutKind.Category =>
            $" Until this is fixed, the generated code leaves out category '{MessageText.Printable(_name)}' and every entry in it.",
        LeftOutKind.Section => $" Until this is fixed, the generated code leaves out '{_name}'.",
        LeftOutKind.Everything => " Until this is fixed, the generated code declares no category, cookie, storage key or tracker.",
        _ => string.Empty,
    };

    private enum LeftOutKind
    {
        Nothing,
        Entry,
        Category,
        Section,
        Everything,
    }
}
