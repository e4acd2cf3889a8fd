using System;
using System.Collections.Generic;
using System.Text;

namespace ConsentAnalyzers.Manifest;

/// <summary>
/// Cookie and storage-key patterns: '*' matches any run of characters (also none); everything else matches itself.
/// </summary>
internal static class NamePattern
{
    public const char Wildcard = '*';

    /// <summary>
    /// Stands for an unknown part of a name written in code (an interpolation hole). Only a wildcard matches it, so
    /// <c>Matches(pattern, template)</c> holds exactly when the pattern covers every value the template can take.
    /// </summary>
    public const char Hole = '\uFFFF';

    public static bool IsPattern(string name) => name.IndexOf(Wildcard) >= 0;

    /// <summary>A name made only of wildcards matches everything: it would declare every cookie at once.</summary>
    public static bool IsBareWildcard(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c != Wildcard)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The literal text before the first wildcard.</summary>
    public static string FixedPrefix(string pattern)
    {
        var star = pattern.IndexOf(Wildcard);
        return star < 0 ? pattern : pattern.Substring(0, star);
    }

    /// <summary>
    /// The longest run of the pattern without a wildcard (the first of equal ones): every name the pattern matches
    /// holds it.
    /// </summary>
    public static string LongestLiteral(string pattern)
    {
        int bestStart = 0, bestLength = 0, start = 0;
        for (var i = 0; i <= pattern.Length; i++)
        {
            if (i == pattern.Length || pattern[i] == Wildcard)
            {
                if (i - start > bestLength)
                {
                    bestStart = start;
                    bestLength = i - start;
                }

                start = i + 1;
            }
        }

        return pattern.Substring(bestStart, bestLength);
    }

    /// <summary>Whether a concrete name matches a pattern (or equals an exact name). Linear-time greedy matching.</summary>
    public static bool Matches(string pattern, string name)
    {
        int p = 0, n = 0, starP = -1, starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && pattern[p] == Wildcard)
            {
                starP = p++;
                starN = n;
            }
            else if (p < pattern.Length && pattern[p] == name[n])
            {
                p++;
                n++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                n = ++starN;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == Wildcard)
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>
    /// Finds a name that both patterns match, if there is one (a shortest one, as an example for the message).
    /// Searches the product of the two patterns' automata: states are positions (i, j), a wildcard may be skipped,
    /// and a character may be produced when both sides accept it. Jointly consumed characters by two wildcards are
    /// never needed: removing them from a common name leaves a common name.
    /// </summary>
    public static bool TryFindCommonName(string first, string second, out string example)
    {
        example = string.Empty;
        if (!FixedEndsAgree(first, second))
        {
            return false; // the usual case among many patterns, decided without allocating
        }

        if (!IsPattern(first) || !IsPattern(second))
        {
            var (pattern, name) = IsPattern(first) ? (first, second) : (second, first);
            example = name;
            return Matches(pattern, name);
        }

        if ((long)(first.Length + 1) * (second.Length + 1) > MaxSearchStates)
        {
            // Too large to search (two megabyte patterns would need terabytes); and no search is needed, see below.
            example = BuildCommonName(first, second);
            return true;
        }

        var width = second.Length + 1;
        var parent = new int[(first.Length + 1) * width];
        var produced = new char[parent.Length];
        for (var k = 0; k < parent.Length; k++)
        {
            parent[k] = -2;
        }

        var queue = new Queue<int>();
        parent[0] = -1;
        queue.Enqueue(0);
        var goal = (first.Length * width) + second.Length;
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            if (state == goal)
            {
                example = Reconstruct(parent, produced, goal);
                return true;
            }

            int i = state / width, j = state % width;
            var a = i < first.Length ? first[i] : '\0';
            var b = j < second.Length ? second[j] : '\0';
            var aStar = i < first.Length && a == Wildcard;
            var bStar = j < second.Length && b == Wildcard;
            if (aStar)
            {
                Visit(i + 1, j, '\0');
            }

            if (bStar)
            {
                Visit(i, j + 1, '\0');
            }

            if (i < first.Length && j < second.Length)
            {
                if (!aStar && !bStar && a == b)
                {
                    Visit(i + 1, j + 1, a);
                }
                else if (!aStar && bStar)
                {
                    Visit(i + 1, j, a);
                }
                else if (aStar && !bStar)
                {
                    Visit(i, j + 1, b);
                }
            }

            void Visit(int ni, int nj, char c)
            {
                var next = (ni * width) + nj;
                if (parent[next] == -2)
                {
                    parent[next] = state;
                    produced[next] = c;
                    queue.Enqueue(next);
                }
            }
        }

        example = string.Empty;
        return false;
    }

    /// <summary>Beyond this many product states the shortest example is not searched for but built.</summary>
    private const long MaxSearchStates = 1 << 16;

    /// <summary>
    /// Whether the literal text before the first wildcard of each is a prefix of the other's, and the literal text
    /// after the last wildcard a suffix: necessary for a common name, and for two patterns also sufficient
    /// (<see cref="BuildCommonName"/> builds one).
    /// </summary>
    private static bool FixedEndsAgree(string first, string second)
    {
        var firstPrefix = PrefixLength(first);
        var secondPrefix = PrefixLength(second);
        var prefix = Math.Min(firstPrefix, secondPrefix);
        if (string.CompareOrdinal(first, 0, second, 0, prefix) != 0)
        {
            return false;
        }

        var suffix = Math.Min(first.Length - SuffixStart(first), second.Length - SuffixStart(second));
        return string.CompareOrdinal(first, first.Length - suffix, second, second.Length - suffix, suffix) == 0;
    }

    private static int PrefixLength(string pattern)
    {
        var star = pattern.IndexOf(Wildcard);
        return star < 0 ? pattern.Length : star;
    }

    private static int SuffixStart(string pattern) => pattern.LastIndexOf(Wildcard) + 1;

    /// <summary>
    /// A name two patterns whose fixed ends agree both match: the longer fixed prefix, every literal between the
    /// first and last wildcard of each, then the longer fixed suffix. Each pattern's first wildcard takes the rest
    /// of the longer prefix, its middle literals match themselves, and its last wildcard takes everything else.
    /// </summary>
    private static string BuildCommonName(string first, string second)
    {
        var prefix = PrefixLength(first) >= PrefixLength(second)
            ? first.Substring(0, PrefixLength(first))
            : second.Substring(0, PrefixLength(second));
        var firstSuffix = first.Length - SuffixStart(first);
        var secondSuffix = second.Length - SuffixStart(second);
        var suffix = firstSuffix >= secondSuffix ? first.Substring(SuffixStart(first)) : second.Substring(SuffixStart(second));
        return prefix + Middle(first) + Middle(second) + suffix;
    }

    private static string Middle(string pattern)
    {
        var start = PrefixLength(pattern) + 1;
        var end = SuffixStart(pattern) - 1;
        return end > start ? pattern.Substring(start, end - start).Replace("*", string.Empty) : string.Empty;
    }

    private static string Reconstruct(int[] parent, char[] produced, int goal)
    {
        var chars = new List<char>();
        for (var state = goal; parent[state] >= 0; state = parent[state])
        {
            if (produced[state] != '\0')
            {
                chars.Add(produced[state]);
            }
        }

        chars.Reverse();
        var builder = new StringBuilder(chars.Count);
        foreach (var c in chars)
        {
            builder.Append(c);
        }

        return builder.ToString();
    }
}
