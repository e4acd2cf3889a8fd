using System.Text.RegularExpressions;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;

namespace ConsentAnalyzers.Tests.Robustness.NoBypass;

/// <summary>
/// No silent bypass: every way a name or call can escape resolution is either resolved correctly or reported, and
/// what is neither is a documented limit. Each row of <see cref="NoBypassShapes"/> states exactly what is reported.
/// </summary>
public class NoBypassTests
{
    private static readonly Regex Markup = new(@"\{\|(CG\d{4}):", RegexOptions.Compiled);

    public static TheoryData<string> ShapeNames()
    {
        var names = new TheoryData<string>();
        foreach (var shape in NoBypassShapes.All)
        {
            names.Add(shape.Name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public async Task Each_shape_is_resolved_or_reported(string name)
    {
        var shape = NoBypassShapes.All.Single(s => s.Name == name);
        var test = await NoBypassTest.ForAsync(shape);
        await test.RunAsync();
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Each_row_marks_what_its_outcome_says(string name) => AssertMarksItsOutcome(NoBypassShapes.All.Single(s => s.Name == name));

    /// <summary>A row's markup is what its outcome says: a rule for Resolved, CG0102 for ReportedUnresolved, none for Allowed.</summary>
    internal static void AssertMarksItsOutcome(BypassShape shape)
    {
        var rules = Markup.Matches(shape.Code).Select(m => m.Groups[1].Value).ToList();
        switch (shape.Outcome)
        {
            case BypassOutcome.Resolved:
                Assert.Contains(rules, id => id != DiagnosticIds.UnresolvedName);
                Assert.Null(shape.Reason);
                break;
            case BypassOutcome.ReportedUnresolved:
                Assert.Contains(DiagnosticIds.UnresolvedName, rules);
                Assert.Null(shape.Reason);
                break;
            case BypassOutcome.Allowed:
                Assert.Empty(rules);
                Assert.Null(shape.Reason);
                break;
            case BypassOutcome.KnownLimit:
                Assert.False(string.IsNullOrWhiteSpace(shape.Reason), "a known limit states its reason");
                break;
        }
    }

    [Fact]
    public void Shape_names_are_unique() =>
        Assert.Equal(NoBypassShapes.All.Count, NoBypassShapes.All.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());

    /// <summary>Every limit is written down where users read what the analyzers guarantee, word for word.</summary>
    [Fact]
    public void Every_known_limit_is_stated_in_docs_guarantees() => AssertLimitsStated(NoBypassShapes.All);

    /// <summary>The reason of every known limit among <paramref name="shapes"/> is in docs/guarantees.md, word for word.</summary>
    internal static void AssertLimitsStated(IEnumerable<BypassShape> shapes)
    {
        var path = Path.Combine(RepositoryPaths.Root, "docs", "guarantees.md");
        Assert.True(File.Exists(path), "docs/guarantees.md states the known limits of the no-bypass guarantee");
        var text = Normalize(File.ReadAllText(path));
        var missing = shapes
            .Where(s => s.Outcome == BypassOutcome.KnownLimit)
            .Select(s => s.Reason!)
            .Distinct(StringComparer.Ordinal)
            .Where(reason => !text.Contains(Normalize(reason), StringComparison.Ordinal))
            .ToList();
        Assert.True(missing.Count == 0, "docs/guarantees.md does not state: " + string.Join(" | ", missing));
    }

    /// <summary>Line breaks and runs of spaces are the page's layout, not its words.</summary>
    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ");
}
