using System;
using System.Collections.Immutable;
using ConsentAnalyzers.Guards;

namespace ConsentAnalyzers.Scripts;

/// <summary>
/// What is granted at a place of a script, once for each way into it that grants something different: a helper
/// called under a check for analytics and, elsewhere, under one for advertising runs with either set, and a site in it
/// that needs either category is guarded on every path although no category is granted on all of them. Up to
/// <see cref="Limit"/> sets are told apart; beyond that they merge into what all of them grant, which can only report
/// more, never less.
/// </summary>
internal readonly struct GrantedSets : IEquatable<GrantedSets>
{
    private const int Limit = 4;

    private readonly ImmutableArray<CategorySet> _sets;

    private GrantedSets(ImmutableArray<CategorySet> sets) => _sets = sets;

    public static GrantedSets Of(CategorySet set) => new(ImmutableArray.Create(set));

    public static GrantedSets None { get; } = Of(CategorySet.Empty);

    public ImmutableArray<CategorySet> Sets => _sets.IsDefault ? None._sets : _sets;

    public GrantedSets With(CategorySet set)
    {
        if (Sets.Contains(set))
        {
            return this;
        }

        if (Sets.Length < Limit)
        {
            return new GrantedSets(Sets.Add(set));
        }

        var common = set;
        foreach (var other in Sets)
        {
            common = common.Intersect(other);
        }

        return Of(common);
    }

    public GrantedSets Union(GrantedSets other)
    {
        var result = this;
        foreach (var set in other.Sets)
        {
            result = result.With(set);
        }

        return result;
    }

    /// <summary>The first set that does not pass <paramref name="grants"/>, or null when every one does.</summary>
    public CategorySet? FirstFailing(Func<CategorySet, bool> grants)
    {
        foreach (var set in Sets)
        {
            if (!grants(set))
            {
                return set;
            }
        }

        return null;
    }

    public bool Equals(GrantedSets other)
    {
        if (Sets.Length != other.Sets.Length)
        {
            return false;
        }

        foreach (var set in Sets)
        {
            if (!other.Sets.Contains(set))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is GrantedSets other && Equals(other);

    public override int GetHashCode() => Sets.Length;
}
