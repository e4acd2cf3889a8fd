using ConsentAnalyzers.Guards;

namespace ConsentAnalyzers.Tests.Guards;

/// <summary>
/// A category set is a bit mask with an overflow set for ids beyond its 64 bits: both halves must behave as one set.
/// </summary>
public sealed class CategorySetTests
{
    [Fact]
    public void Union_intersection_and_equality_are_those_of_sets_also_past_the_bits_of_the_mask()
    {
        // More ids than the mask has bits: whatever other tests saw first, some of these land in the overflow set.
        var ids = Enumerable.Range(0, 70).Select(i => $"category-set-test-{i}").ToArray();
        var evens = ids.Where((_, i) => i % 2 == 0).Aggregate(CategorySet.Empty, (set, id) => set.Union(CategorySet.Of(id)));
        var firstHalf = ids.Take(35).Aggregate(CategorySet.Empty, (set, id) => set.Union(CategorySet.Of(id)));
        var lastHalf = ids.Skip(35).Aggregate(CategorySet.Empty, (set, id) => set.Union(CategorySet.Of(id)));

        Assert.Equal(ids.Where((_, i) => i % 2 == 0).ToHashSet(), evens.Ids.ToHashSet());
        Assert.All(ids, id => Assert.Equal(Array.IndexOf(ids, id) % 2 == 0, evens.Grants(id)));
        Assert.Equal(ids.ToHashSet(), firstHalf.Union(lastHalf).Ids.ToHashSet());
        Assert.True(firstHalf.Intersect(lastHalf).IsEmpty);
        Assert.Equal(ids.Skip(35).Where((_, i) => (i + 35) % 2 == 0).ToHashSet(), evens.Intersect(lastHalf).Ids.ToHashSet());
        Assert.Equal(lastHalf.Union(firstHalf), firstHalf.Union(lastHalf));
        Assert.NotEqual(firstHalf, lastHalf);
        Assert.Equal(evens, evens.Intersect(firstHalf.Union(lastHalf)));
    }

    [Fact]
    public void All_grants_every_category_and_is_neutral_for_intersection()
    {
        var analytics = CategorySet.Of("analytics");

        Assert.True(CategorySet.All.Grants("anything"));
        Assert.Equal(analytics, CategorySet.All.Intersect(analytics));
        Assert.Equal(CategorySet.All, analytics.Union(CategorySet.All));
        Assert.True(CategorySet.Empty.IsEmpty);
        Assert.False(CategorySet.All.IsEmpty);
        Assert.Equal("'analytics', 'marketing'", analytics.Union(CategorySet.Of("marketing")).Describe());
    }
}
