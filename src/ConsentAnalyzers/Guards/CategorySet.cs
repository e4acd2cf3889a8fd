using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;

namespace ConsentAnalyzers.Guards;

/// <summary>
/// The consent categories known to be granted at a point in the code. <see cref="All"/> stands for a check that
/// grants every non-essential category at once (<c>ITrackingConsentFeature.CanTrack</c>).
/// </summary>
/// <remarks>
/// The flow analysis unions, intersects and compares these at every branch and join of a graph, so a set is a bit mask:
/// each category id gets a bit the first time it is seen in the process. A manifest has a handful of categories; ids
/// beyond the 64 bits of the mask (many manifests in one IDE process) are kept in an overflow set instead.
/// </remarks>
internal readonly struct CategorySet : IEquatable<CategorySet>
{
    private const int MaskBits = 64;

    private static readonly object BitsLock = new();
    // Copied on write, never changed once published: readers need no lock.
    private static Dictionary<string, int> _bitOf = new(StringComparer.Ordinal);
    private static readonly string[] IdOfBit = new string[MaskBits];

    private readonly ulong _bits;
    private readonly ImmutableHashSet<string>? _overflow;

    private CategorySet(ulong bits, ImmutableHashSet<string>? overflow, bool all)
    {
        _bits = bits;
        _overflow = overflow is { IsEmpty: true } ? null : overflow;
        IsAll = all;
    }

    public static CategorySet Empty { get; } = new(0, null, false);

    public static CategorySet All { get; } = new(0, null, true);

    public bool IsAll { get; }

    public bool IsEmpty => !IsAll && _bits == 0 && _overflow is null;

    /// <summary>The ids in the set (none for <see cref="All"/>, which names no category).</summary>
    public ImmutableHashSet<string> Ids
    {
        get
        {
            var ids = _overflow ?? ImmutableHashSet<string>.Empty;
            for (var bit = 0; bit < MaskBits; bit++)
            {
                if ((_bits & (1UL << bit)) != 0)
                {
                    ids = ids.Add(Volatile.Read(ref IdOfBit[bit]));
                }
            }

            return ids;
        }
    }

    public static CategorySet Of(string id) =>
        BitOf(id) is { } bit
            ? new CategorySet(1UL << bit, null, false)
            : new CategorySet(0, ImmutableHashSet.Create(StringComparer.Ordinal, id), false);

    public bool Grants(string id) =>
        IsAll || (BitOf(id) is { } bit ? (_bits & (1UL << bit)) != 0 : _overflow?.Contains(id) == true);

    public CategorySet Union(CategorySet other) =>
        IsAll || other.IsAll ? All
        : other.IsEmpty ? this
        : IsEmpty ? other
        : new CategorySet(_bits | other._bits, Combine(_overflow, other._overflow, union: true), false);

    public CategorySet Intersect(CategorySet other) =>
        IsAll ? other
        : other.IsAll ? this
        : new CategorySet(_bits & other._bits, Combine(_overflow, other._overflow, union: false), false);

    /// <summary>"'analytics'" or "'analytics', 'functional'", for messages.</summary>
    public string Describe() => string.Join(", ", SortedIds().Select(id => $"'{id}'"));

    public IEnumerable<string> SortedIds() => Ids.OrderBy(id => id, StringComparer.Ordinal);

    public bool Equals(CategorySet other) =>
        IsAll == other.IsAll && _bits == other._bits
        && (_overflow is null ? other._overflow is null : other._overflow is not null && _overflow.SetEquals(other._overflow));

    public override bool Equals(object? obj) => obj is CategorySet other && Equals(other);

    public override int GetHashCode() => IsAll ? 1 : _bits.GetHashCode() ^ (_overflow?.Count ?? 0);

    private static ImmutableHashSet<string>? Combine(ImmutableHashSet<string>? mine, ImmutableHashSet<string>? theirs, bool union) =>
        mine is null ? (union ? theirs : null)
        : theirs is null ? (union ? mine : null)
        : union ? mine.Union(theirs) : mine.Intersect(theirs);

    /// <summary>The bit of <paramref name="id"/>, assigned on first sight while bits are left; null for an id in the overflow set.</summary>
    private static int? BitOf(string id)
    {
        if (Volatile.Read(ref _bitOf).TryGetValue(id, out var bit))
        {
            return bit;
        }

        lock (BitsLock)
        {
            if (_bitOf.TryGetValue(id, out bit))
            {
                return bit;
            }

            if (_bitOf.Count == MaskBits)
            {
                return null;
            }

            bit = _bitOf.Count;
            Volatile.Write(ref IdOfBit[bit], id);
            Volatile.Write(ref _bitOf, new Dictionary<string, int>(_bitOf, StringComparer.Ordinal) { [id] = bit });
            return bit;
        }
    }
}
