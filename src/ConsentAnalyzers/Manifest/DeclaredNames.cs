using System;
using System.Collections.Generic;
using System.Linq;

namespace ConsentAnalyzers.Manifest;

/// <summary>
/// One set of declared names (the cookies, or the keys of one storage area) indexed for lookup: exact names in a
/// hash table, patterns from the most specific (most fixed characters) down.
/// </summary>
internal sealed class DeclaredNames<T>
    where T : class
{
    private readonly Dictionary<string, T> _exact = new();
    private readonly List<(string Pattern, T Entry)> _patterns = new();

    public DeclaredNames(IEnumerable<T> entries, Func<T, string> nameOf)
    {
        foreach (var entry in entries)
        {
            var name = nameOf(entry);
            if (NamePattern.IsPattern(name))
            {
                _patterns.Add((name, entry));
            }
            else
            {
                _exact[name] = entry;
            }
        }

        _patterns = _patterns.OrderByDescending(p => p.Pattern.Count(c => c != NamePattern.Wildcard)).ToList();
    }

    /// <summary>
    /// The declaration covering a name written in code: for an exact name, the exact entry or a matching pattern;
    /// for a template, a pattern that matches every value it can take. Null when nothing covers it.
    /// </summary>
    public T? Find(ResolvedName name)
    {
        if (name.Kind == ResolvedNameKind.Unresolved)
        {
            return null;
        }

        if (name.Kind == ResolvedNameKind.Exact && _exact.TryGetValue(name.Text, out var exact))
        {
            return exact;
        }

        foreach (var (pattern, entry) in _patterns)
        {
            if (NamePattern.Matches(pattern, name.Text))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether some value of the name could be a declared one: for an exact name, whether it is declared; for a
    /// template (its holes read as '*'), whether a declared exact name matches it or a declared pattern shares a
    /// name with it.
    /// </summary>
    public bool CouldMatch(ResolvedName name)
    {
        if (name.Kind == ResolvedNameKind.Unresolved)
        {
            return true; // nothing is known, so nothing is excluded
        }

        if (name.Kind == ResolvedNameKind.Exact)
        {
            return Find(name) is not null;
        }

        var template = name.Text.Replace(NamePattern.Hole, NamePattern.Wildcard);
        foreach (var exact in _exact.Keys)
        {
            if (NamePattern.Matches(template, exact))
            {
                return true;
            }
        }

        foreach (var (pattern, _) in _patterns)
        {
            if (NamePattern.TryFindCommonName(template, pattern, out _))
            {
                return true;
            }
        }

        return false;
    }
}
