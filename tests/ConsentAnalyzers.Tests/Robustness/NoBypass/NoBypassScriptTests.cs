using ConsentAnalyzers.Tests.Scripts;

namespace ConsentAnalyzers.Tests.Robustness.NoBypass;

/// <summary>
/// No silent bypass in the site's JavaScript: each row of <see cref="NoBypassScriptShapes"/> is a script whose
/// <c>{|CGxxxx:…|}</c> markup is exactly what the script analyzer reports, with the consistency checks of the C# table.
/// </summary>
public class NoBypassScriptTests
{
    public static TheoryData<string> ShapeNames()
    {
        var names = new TheoryData<string>();
        foreach (var shape in NoBypassScriptShapes.All)
        {
            names.Add(shape.Name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public Task Each_script_shape_is_resolved_or_reported(string name) =>
        ScriptAnalyzerTests.Verify(NoBypassScriptShapes.All.Single(s => s.Name == name).Code);

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Each_script_row_marks_what_its_outcome_says(string name) =>
        NoBypassTests.AssertMarksItsOutcome(NoBypassScriptShapes.All.Single(s => s.Name == name));

    [Fact]
    public void Script_shape_names_are_unique() =>
        Assert.Equal(NoBypassScriptShapes.All.Count, NoBypassScriptShapes.All.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());

    /// <summary>Every limit of script analysis is written down in docs/guarantees.md, word for word.</summary>
    [Fact]
    public void Every_known_script_limit_is_stated_in_docs_guarantees() => NoBypassTests.AssertLimitsStated(NoBypassScriptShapes.All);
}
