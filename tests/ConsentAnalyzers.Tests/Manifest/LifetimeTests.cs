using ConsentAnalyzers.Manifest;

namespace ConsentAnalyzers.Tests.Manifest;

/// <summary>Reading a maxAge, its range, its text and its comparisons.</summary>
public class LifetimeTests
{
    private static Lifetime Parse(string text) => Lifetime.Parse(text, out var error) ?? throw new InvalidOperationException(error);

    [Theory]
    [InlineData("session")]
    [InlineData("P13M")]
    [InlineData("P1Y")]
    [InlineData("P1Y6M")]
    [InlineData("P90D")]
    [InlineData("P2W")]
    [InlineData("PT30M")]
    [InlineData("PT1H30M")]
    [InlineData("P1DT12H")]
    [InlineData("P1Y2M3W4DT5H6M7S")]
    [InlineData("PT45S")]
    public void Reads_and_writes_back_the_same_text(string text) => Assert.Equal(text, Parse(text).ToString());

    [Theory]
    [InlineData("P", "is not a lifetime")]
    [InlineData("PT", "is not a lifetime")]
    [InlineData("P1YT", "is not a lifetime")]
    [InlineData("P0D", "is a lifetime of zero")]
    [InlineData("PT0S", "is a lifetime of zero")]
    [InlineData("P0Y0M", "is a lifetime of zero")]
    [InlineData("P1.5Y", "is not a lifetime")]
    [InlineData("P1,5D", "is not a lifetime")]
    [InlineData("P12345Y", "is not a lifetime")]
    [InlineData("P1234567D", "is not a lifetime")]
    [InlineData("PT99999999999S", "is not a lifetime")]
    [InlineData("P1M1Y", "is not a lifetime")]
    [InlineData("p1y", "is not a lifetime")]
    [InlineData("1Y", "is not a lifetime")]
    [InlineData("P-1D", "is not a lifetime")]
    [InlineData(" P1Y", "is not a lifetime")]
    [InlineData("P1Y\n", "is not a lifetime")]
    [InlineData("Session", "is not a lifetime")]
    [InlineData("", "is not a lifetime")]
    [InlineData("P１Y", "is not a lifetime")]
    public void Rejects_what_is_not_a_whole_positive_duration(string text, string error)
    {
        Assert.Null(Lifetime.Parse(text, out var message));
        Assert.Contains(error, message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_values_do_not_overflow()
    {
        var lifetime = Parse("P9999Y99999M99999W999999DT9999999H999999999M999999999S");

        Assert.True(lifetime.LongestSeconds > lifetime.ShortestSeconds);
    }

    [Theory]
    [InlineData("P1Y", 365, 366)]
    [InlineData("P13M", 390, 403)]
    [InlineData("P2W", 14, 14)]
    [InlineData("P90D", 90, 90)]
    public void Years_and_months_are_a_range_of_days(string text, int shortestDays, int longestDays)
    {
        var lifetime = Parse(text);

        Assert.Equal((shortestDays * 86400L, longestDays * 86400L), (lifetime.ShortestSeconds, lifetime.LongestSeconds));
    }

    [Fact]
    public void A_session_lifetime_has_no_length() => Assert.Equal((0L, 0L), (Lifetime.Session.ShortestSeconds, Lifetime.Session.LongestSeconds));

    [Theory]
    [InlineData("session", "the browser session")]
    [InlineData("P1Y", "1 year")]
    [InlineData("P13M", "13 months")]
    [InlineData("P1Y6M", "1 year and 6 months")]
    [InlineData("P1DT2H30M", "1 day, 2 hours and 30 minutes")]
    [InlineData("PT1S", "1 second")]
    [InlineData("P2W", "2 weeks")]
    public void Describes_itself_for_messages(string text, string description) => Assert.Equal(description, Parse(text).Describe());

    [Theory]
    [InlineData("P1Y", "P12M", false)] // calendar against calendar: in months
    [InlineData("P13M", "P1Y", true)]
    [InlineData("P365D", "P1Y", false)]
    [InlineData("P366D", "P1Y", false)]
    [InlineData("P367D", "P1Y", true)]
    [InlineData("P395D", "P13M", false)]
    [InlineData("P403D", "P13M", false)]
    [InlineData("P404D", "P13M", true)]
    [InlineData("P1M", "P30D", false)] // a month read as 30 days is not longer
    [InlineData("P2M", "P30D", true)]
    [InlineData("PT1S", "session", true)]
    [InlineData("session", "session", false)]
    [InlineData("session", "PT1S", false)]
    public void Is_longer_than_only_however_the_calendar_falls(string written, string limit, bool longer) =>
        Assert.Equal(longer, Parse(written).IsLongerThan(Parse(limit)));

    [Theory]
    [InlineData(0L, null)]
    [InlineData(-5L, null)]
    [InlineData(90061L, "P1DT1H1M1S")]
    [InlineData(31536000L, "P365D")]
    public void An_exact_length_in_seconds_is_days_hours_minutes_and_seconds(long seconds, string? text) =>
        Assert.Equal(text, Lifetime.FromSeconds(seconds)?.ToString());
}
