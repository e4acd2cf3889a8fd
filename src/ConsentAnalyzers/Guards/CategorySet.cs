using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace ConsentAnalyzers.Guards;

/// <summary>
/// The consent categories known to be granted at a point in the code. <see cref="All"/> stands for a check that
/// grants every non-essential category at once (<c>ITrackingConsentFeature.CanTrack</c>).
/// </summary>
internal readonly struct CategorySet : IEquatable<CategorySet>
{
    private readonly ImmutableHashSet<string>? _ids;

    private CategorySet(ImmutableHashSet<string>? ids, bool all)
    {
        _ids = ids;
        IsAll = all;
    }

    public static CategorySet Empty { get; } = new(ImmutableHashSet<string>.Empty, false);

    public static CategorySet All { get; } = new(ImmutableHashSet<string>.Empty, true);

    public bool IsAll { get; }

    public bool IsEmpty => !IsAll && Ids.IsEmpty;

    public ImmutableHashSet<string> Ids => _ids ?? ImmutableHashSet<string>.Empty;

    public static CategorySet Of(string id) => new(ImmutableHashSet.Create(id), false);

    public bool Grants(string id) => IsAll || Ids.Contains(id);

    public CategorySet Union(CategorySet other) =>
        IsAll || other.IsAll ? All : new CategorySet(Ids.Union(other.Ids), false);

    public CategorySet Intersect(CategorySet other) =>
        IsAll ? other : other.IsAll ? this : new CategorySet(Ids.Intersect(other.Ids), false);

    /// <summary>"'analytics'" or "'analytics', 'functional'", for messages.</summary>
    public string Describe() => string.Join(", ", SortedIds().Select(id => $"'{id}'"));

    public IEnumerable<string> SortedIds() => Ids.OrderBy(id => id, StringComparer.Ordinal);

    public bool Equals(CategorySet other) => IsAll == other.IsAll && Ids.SetEquals(other.Ids);

    public override bool Equals(object? obj) => obj is CategorySet other && Equals(other);

    public override int GetHashCode() => IsAll ? 1 : Ids.Count;
}
