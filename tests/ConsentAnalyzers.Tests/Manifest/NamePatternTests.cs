using ConsentAnalyzers.Manifest;

namespace ConsentAnalyzers.Tests.Manifest;

public class NamePatternTests
{
    [Theory]
    [InlineData("_ga", "_ga", true)]
    [InlineData("_ga", "_gA", false)]
    [InlineData("_ga_*", "_ga_ABC123", true)]
    [InlineData("_ga_*", "_ga_", true)]
    [InlineData("_ga_*", "_ga", false)]
    [InlineData("sb-*-auth-token", "sb-xyz-auth-token", true)]
    [InlineData("sb-*-auth-token", "sb-xyz-auth-token.0", false)]
    [InlineData("*-auth-token*", "sb-x-auth-token.1", true)]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    [InlineData("a**b", "ab", true)]
    public void Matches_concrete_names(string pattern, string name, bool expected) =>
        Assert.Equal(expected, NamePattern.Matches(pattern, name));

    [Theory]
    [InlineData("_ga_*", "_ga*", "_ga_")]
    [InlineData("a*", "*b", "ab")]
    [InlineData("*_id", "ab*", "ab_id")]
    [InlineData("x*y", "x*y", "xy")]
    [InlineData("a*c", "*b*", "abc")]
    public void Finds_a_name_both_patterns_match(string first, string second, string example)
    {
        Assert.True(NamePattern.TryFindCommonName(first, second, out var found));
        Assert.Equal(example, found);
        Assert.True(NamePattern.Matches(first, found));
        Assert.True(NamePattern.Matches(second, found));
    }

    [Theory]
    [InlineData("a*", "b*")]
    [InlineData("*a", "*b")]
    [InlineData("a*b", "b*a")]
    [InlineData("_ga", "_ga_*")]
    public void Disjoint_patterns_have_no_common_name(string first, string second) =>
        Assert.False(NamePattern.TryFindCommonName(first, second, out _));

    [Theory]
    [InlineData("*", true)]
    [InlineData("***", true)]
    [InlineData("a*", false)]
    [InlineData("", false)]
    public void Recognizes_bare_wildcards(string name, bool expected) => Assert.Equal(expected, NamePattern.IsBareWildcard(name));

    [Theory]
    [InlineData("_ga", "_ga")]
    [InlineData("_ga_*", "_ga_")]
    [InlineData("https://*.google-analytics.com/*", ".google-analytics.com/")]
    [InlineData("*track*", "track")]
    [InlineData("ab*cd", "ab")]
    [InlineData("*", "")]
    [InlineData("", "")]
    public void The_longest_literal_run_is_held_by_every_name_the_pattern_matches(string pattern, string expected)
    {
        Assert.Equal(expected, NamePattern.LongestLiteral(pattern));
        var name = pattern.Replace("*", "xyz");
        Assert.True(NamePattern.Matches(pattern, name));
        Assert.Contains(expected, name, StringComparison.Ordinal);
    }
}
