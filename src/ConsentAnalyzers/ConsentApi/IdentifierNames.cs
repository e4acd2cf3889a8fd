using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ConsentAnalyzers.ConsentApi;

/// <summary>Turns cookie names, storage keys and category ids into valid C# identifiers.</summary>
internal static class IdentifierNames
{
    /// <summary>
    /// PascalCase of the name's words, where anything that cannot stand in an identifier ('_', '-', '.', '*', spaces,
    /// symbols) separates words: <c>_ga</c> → <c>Ga</c>, <c>landing_page</c> → <c>LandingPage</c>,
    /// <c>sb-*</c> → <c>Sb</c>. A leading digit gets an underscore; a name with no letters or digits becomes
    /// <paramref name="fallback"/>.
    /// </summary>
    public static string ToPascalCase(string name, string fallback)
    {
        var builder = new StringBuilder(name.Length);
        var startOfWord = true;
        foreach (var c in name)
        {
            if (c == '_' || !SyntaxFacts.IsIdentifierPartCharacter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                startOfWord = true;
                continue;
            }

            builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        if (builder.Length == 0)
        {
            return fallback;
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return EscapeKeyword(builder.ToString());
    }

    /// <summary>A namespace from an MSBuild property: each dotted segment made a valid identifier.</summary>
    public static string ToNamespace(string value)
    {
        var segments = value.Split('.');
        var parts = new List<string>(segments.Length);
        foreach (var segment in segments)
        {
            var trimmed = segment.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            parts.Add(ToIdentifierKeepingCase(trimmed));
        }

        return string.Join(".", parts);
    }

    private static string ToIdentifierKeepingCase(string segment)
    {
        var builder = new StringBuilder(segment.Length);
        foreach (var c in segment)
        {
            builder.Append(SyntaxFacts.IsIdentifierPartCharacter(c) ? c : '_');
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return EscapeKeyword(builder.ToString());
    }

    private static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
}

/// <summary>
/// Hands out member names within one type, never twice and never one that would clash with the type itself or the
/// members every object inherits. Deterministic: the same requests in the same order give the same names.
/// </summary>
internal sealed class UniqueNames
{
    private static readonly string[] InheritedMembers = { "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", "MemberwiseClone",
        "Finalize" };

    private readonly HashSet<string> _taken = new();

    public UniqueNames(string typeName)
    {
        _taken.Add(typeName);
        foreach (var member in InheritedMembers)
        {
            _taken.Add(member);
        }
    }

    /// <summary>Reserves a name outright (for the type's own fixed members).</summary>
    public void Reserve(string name) => _taken.Add(name);

    /// <summary>
    /// The first free base name (<paramref name="baseName"/>, then <c>baseName_2</c>, …) for which every
    /// <c>base + suffix</c> is free; all of them are then taken.
    /// </summary>
    public string Allocate(string baseName, params string[] suffixes)
    {
        for (var attempt = 1; ; attempt++)
        {
            var candidate = attempt == 1 ? baseName : baseName + "_" + attempt.ToString(CultureInfo.InvariantCulture);
            if (!AllFree(candidate, suffixes))
            {
                continue;
            }

            if (suffixes.Length == 0)
            {
                _taken.Add(candidate);
            }

            foreach (var suffix in suffixes)
            {
                _taken.Add(candidate + suffix);
            }

            return candidate;
        }
    }

    private bool AllFree(string candidate, string[] suffixes)
    {
        if (suffixes.Length == 0)
        {
            return !_taken.Contains(candidate);
        }

        foreach (var suffix in suffixes)
        {
            if (_taken.Contains(candidate + suffix))
            {
                return false;
            }
        }

        return true;
    }
}
