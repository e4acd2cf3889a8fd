using System;
using System.Collections.Generic;
using System.Threading;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Manifest;

/// <summary>A cookie name or storage key as declared: its text, category and where it stands.</summary>
internal sealed record DeclaredName(string Name, string Category, TextSpan Span);

/// <summary>
/// Two declarations that cannot both stand. The later one is reported; the earlier is left out of the generated code
/// too when the two disagree on a category, since then neither can be trusted to be the one meant.
/// </summary>
internal sealed record DeclarationConflict(TextSpan Reported, TextSpan? AlsoLeftOut, string Message);

/// <summary>
/// CG0004 checks: a name declared twice, a bare '*', and two patterns that can match the same concrete name but
/// put it in different categories (the analyzers could not tell which consent it needs).
/// </summary>
internal static class DeclarationConflicts
{
    public static void CheckNames(IEnumerable<DeclaredName> declared, string what, SourceText text, List<DeclarationConflict> conflicts,
        CancellationToken cancellationToken)
    {
        var exact = new Dictionary<string, DeclaredName>(StringComparer.Ordinal);
        var patterns = new List<DeclaredName>();
        var patternsByName = new Dictionary<string, DeclaredName>(StringComparer.Ordinal);
        foreach (var name in declared)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (NamePattern.IsBareWildcard(name.Name))
            {
                conflicts.Add(
                    new DeclarationConflict(name.Span, null,
                        $"{what} pattern '{MessageText.Printable(name.Name)}' matches every name, which would declare anything at all: " +
                        $"list the names, or use a pattern with a fixed part such as 'prefix_*'."));
                continue;
            }

            if (exact.TryGetValue(name.Name, out var first) || patternsByName.TryGetValue(name.Name, out first))
            {
                conflicts.Add(Duplicate(what, name.Name, name.Span, name.Category, first!.Span, first.Category, text));
                continue;
            }

            if (name.Name.IndexOf(NamePattern.Wildcard) >= 0)
            {
                patterns.Add(name);
                patternsByName.Add(name.Name, name);
            }
            else
            {
                exact.Add(name.Name, name);
            }
        }

        CheckPatternOverlaps(patterns, exact, what, text, conflicts, cancellationToken);
    }

    /// <summary>Duplicates of tracker and guard entries, compared by a key; <c>Meaning</c> is what the entry maps to (its categories).</summary>
    public static void CheckUnique(IEnumerable<(string Key, string Shown, string Meaning, TextSpan Span)> entries, string what, SourceText text,
        List<DeclarationConflict> conflicts)
    {
        var seen = new Dictionary<string, (string Meaning, TextSpan Span)>(StringComparer.Ordinal);
        foreach (var (key, shown, meaning, span) in entries)
        {
            if (seen.TryGetValue(key, out var first))
            {
                conflicts.Add(Duplicate(what, shown, span, meaning, first.Span, first.Meaning, text));
            }
            else
            {
                seen.Add(key, (meaning, span));
            }
        }
    }

    private static DeclarationConflict Duplicate(string what, string shown, TextSpan span, string meaning, TextSpan firstSpan, string firstMeaning,
        SourceText text) =>
        new(
            span,
            string.Equals(meaning, firstMeaning, StringComparison.Ordinal) ? null : firstSpan,
            $"{what} '{MessageText.Printable(shown)}' is declared twice (first at line {LineOf(text, firstSpan)}): remove one of the entries.");

    /// <summary>
    /// Pattern against pattern pairwise (patterns are few, and a pair whose fixed ends disagree is ruled out without
    /// allocating), pattern against exact names through a sorted list, so that a manifest of thousands of exact
    /// names stays near-linear.
    /// </summary>
    private static void CheckPatternOverlaps(List<DeclaredName> patterns, Dictionary<string, DeclaredName> exact, string what, SourceText text,
        List<DeclarationConflict> conflicts, CancellationToken cancellationToken)
    {
        if (patterns.Count == 0)
        {
            return;
        }

        var sortedExact = new List<string>(exact.Keys);
        sortedExact.Sort(StringComparer.Ordinal);
        for (var i = 0; i < patterns.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pattern = patterns[i];
            for (var j = 0; j < i; j++)
            {
                var earlier = patterns[j];
                if (earlier.Category != pattern.Category && NamePattern.TryFindCommonName(earlier.Name, pattern.Name, out var example))
                {
                    conflicts.Add(Overlap(what, pattern, earlier, example, text));
                }
            }

            var prefix = NamePattern.FixedPrefix(pattern.Name);
            for (var k = LowerBound(sortedExact, prefix); k < sortedExact.Count && sortedExact[k].StartsWith(prefix, StringComparison.Ordinal); k++)
            {
                var name = exact[sortedExact[k]];
                if (name.Category != pattern.Category && NamePattern.Matches(pattern.Name, name.Name))
                {
                    var (later, other) = name.Span.Start > pattern.Span.Start ? (name, pattern) : (pattern, name);
                    conflicts.Add(Overlap(what, later, other, name.Name, text));
                }
            }
        }
    }

    private static int LowerBound(List<string> sorted, string value)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (string.CompareOrdinal(sorted[mid], value) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static DeclarationConflict Overlap(string what, DeclaredName reported, DeclaredName other, string example, SourceText text) =>
        new(
            reported.Span,
            other.Span,
            $"{what} '{MessageText.Printable(reported.Name)}' (category '{MessageText.Printable(reported.Category)}') " +
            $"overlaps '{MessageText.Printable(other.Name)}' " +
            $"(category '{MessageText.Printable(other.Category)}', line {LineOf(text, other.Span)}): " +
            $"a name such as '{MessageText.Printable(example)}' would match both. Give them the same category or make the patterns disjoint.");

    private static int LineOf(SourceText text, TextSpan span) => text.Lines.GetLinePosition(span.Start).Line + 1;
}
