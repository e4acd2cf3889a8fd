using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ConsentAnalyzers.Manifest;

/// <summary>
/// How long a cookie or storage entry may live, as the manifest's <c>maxAge</c> declares it: an ISO-8601 duration
/// (<c>P13M</c>, <c>P1Y6M</c>, <c>P90D</c>, <c>P2W</c>, <c>PT30M</c>) or <c>"session"</c> (gone when the browser closes).
/// <para>
/// Years and months have no fixed length, so a declared duration is a range: <see cref="ShortestSeconds"/> counts a
/// year as 365 days and a month as 30 (what the generated <c>MaxAge</c> and the disclosure use, so they never exceed
/// the declaration), <see cref="LongestSeconds"/> as 366 and 31 (what a written lifetime is checked against, so no
/// calendar reading of the declaration is reported as too long).
/// </para>
/// </summary>
internal sealed record Lifetime(bool IsSession, int Years, int Months, int Weeks, int Days, int Hours, int Minutes, int Seconds)
{
    public const string SessionKeyword = "session";

    public static Lifetime Session { get; } = new(true, 0, 0, 0, 0, 0, 0, 0);

    // Integer components only (ASCII digits: \d would match any script's digits, which int.Parse rejects), each at most once
    // and in order; at least one component; 'T' only before a time part.
    private static readonly Regex Iso8601 = new(
        @"^P(?:(?<y>[0-9]{1,4})Y)?(?:(?<mo>[0-9]{1,5})M)?(?:(?<w>[0-9]{1,5})W)?(?:(?<d>[0-9]{1,6})D)?" +
        @"(?:T(?:(?<h>[0-9]{1,7})H)?(?:(?<mi>[0-9]{1,9})M)?(?:(?<s>[0-9]{1,9})S)?)?\z",
        RegexOptions.CultureInvariant);

    /// <summary>The shortest reading in seconds: a year of 365 days, a month of 30. Zero for a session lifetime.</summary>
    public long ShortestSeconds => Total(365, 30);

    /// <summary>The longest reading in seconds: a year of 366 days, a month of 31. Zero for a session lifetime.</summary>
    public long LongestSeconds => Total(366, 31);

    private long Total(int daysPerYear, int daysPerMonth) => IsSession ? 0 : checked(
        ((((long)Years * daysPerYear) + ((long)Months * daysPerMonth) + ((long)Weeks * 7) + Days) * 86400L)
        + ((long)Hours * 3600) + ((long)Minutes * 60) + Seconds);

    /// <summary>Whether the lifetime is counted in calendar units only (years and months), so it compares in months.</summary>
    public bool IsCalendar => !IsSession && Weeks == 0 && Days == 0 && Hours == 0 && Minutes == 0 && Seconds == 0;

    /// <summary>Years and months in months: what a calendar lifetime compares by.</summary>
    public long TotalMonths => ((long)Years * 12) + Months;

    /// <summary>
    /// Whether this lifetime is longer than <paramref name="limit"/> however the calendar falls: two calendar lifetimes
    /// compare in months (<c>AddYears(1)</c> is not longer than <c>P12M</c>), any other pair compares this one's
    /// shortest reading with the limit's longest (<c>P1Y</c> read as 365 days is not longer than <c>P12M</c> read as
    /// 372). A persistent lifetime is longer than a session one; a session lifetime is longer than nothing.
    /// </summary>
    public bool IsLongerThan(Lifetime limit) =>
        !IsSession
        && (limit.IsSession || (IsCalendar && limit.IsCalendar ? TotalMonths > limit.TotalMonths : ShortestSeconds > limit.LongestSeconds));

    /// <summary>An exact length in days, hours, minutes and seconds; null for none or a negative one (a cookie being deleted).</summary>
    public static Lifetime? FromSeconds(long seconds) => seconds <= 0 || seconds / 86400 > int.MaxValue
        ? null
        : new Lifetime(false, 0, 0, 0, (int)(seconds / 86400), (int)(seconds % 86400 / 3600), (int)(seconds % 3600 / 60), (int)(seconds % 60));

    /// <summary>Reads a <c>maxAge</c> value; null with <paramref name="error"/> saying what is wrong and what is accepted.</summary>
    public static Lifetime? Parse(string text, out string? error)
    {
        error = null;
        if (text == SessionKeyword)
        {
            return Session;
        }

        var match = Iso8601.Match(text);
        if (!match.Success || text == "P" || text.EndsWith("T", StringComparison.Ordinal))
        {
            error = $"'{text}' is not a lifetime: use \"session\" or an ISO-8601 duration in whole units, such as \"P13M\" (13 months), " +
                "\"P1Y\", \"P90D\", \"P2W\" or \"PT30M\" (30 minutes).";
            return null;
        }

        static int Read(Match match, string group) =>
            match.Groups[group].Success ? int.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

        var lifetime = new Lifetime(false, Read(match, "y"), Read(match, "mo"), Read(match, "w"), Read(match, "d"), Read(match, "h"),
            Read(match, "mi"), Read(match, "s"));
        if (lifetime.ShortestSeconds == 0)
        {
            error = $"'{text}' is a lifetime of zero: a cookie that lives until the browser closes is \"session\".";
            return null;
        }

        return lifetime;
    }

    /// <summary>The declaration as the manifest spells it: <c>session</c> or the ISO-8601 duration.</summary>
    public override string ToString()
    {
        if (IsSession)
        {
            return SessionKeyword;
        }

        var text = new StringBuilder("P");
        Append(text, Years, 'Y');
        Append(text, Months, 'M');
        Append(text, Weeks, 'W');
        Append(text, Days, 'D');
        if (Hours + Minutes + Seconds > 0)
        {
            text.Append('T');
            Append(text, Hours, 'H');
            Append(text, Minutes, 'M');
            Append(text, Seconds, 'S');
        }

        return text.ToString();
    }

    /// <summary>"13 months", "1 year and 6 months", "90 days", "the browser session": for messages.</summary>
    public string Describe()
    {
        if (IsSession)
        {
            return "the browser session";
        }

        var parts = new System.Collections.Generic.List<string>();
        void Add(int value, string unit)
        {
            if (value > 0)
            {
                parts.Add(value.ToString(CultureInfo.InvariantCulture) + " " + unit + (value == 1 ? string.Empty : "s"));
            }
        }

        Add(Years, "year");
        Add(Months, "month");
        Add(Weeks, "week");
        Add(Days, "day");
        Add(Hours, "hour");
        Add(Minutes, "minute");
        Add(Seconds, "second");
        return parts.Count == 1 ? parts[0] : string.Join(", ", parts.GetRange(0, parts.Count - 1)) + " and " + parts[parts.Count - 1];
    }

    private static void Append(StringBuilder text, int value, char unit)
    {
        if (value > 0)
        {
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
