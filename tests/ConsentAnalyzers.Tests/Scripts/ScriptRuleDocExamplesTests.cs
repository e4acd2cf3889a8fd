using System.Globalization;
using System.Text.RegularExpressions;
using ConsentAnalyzers.Tests.Analyzers;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Scripts;

/// <summary>
/// The "In the site's JavaScript" example of each rule page reports exactly what the page prints, at the line and
/// column it prints (run against the script tests' manifest, whose names and guards the examples use).
/// </summary>
public class ScriptRuleDocExamplesTests
{
    private const string Section = "### In the site's JavaScript";

    private static readonly Regex Script = new(@"```js\n(.*?)```", RegexOptions.Singleline);
    private static readonly Regex Output = new(@"```text\n(.*?)```", RegexOptions.Singleline);
    private static readonly Regex Line = new(@"^wwwroot/js/[\w.-]+\((\d+),(\d+)\): (warning|info) (CG\d{4}): (.*)$");

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs", "rules"), "CG*.md").Order(StringComparer.Ordinal))
        {
            if (File.ReadAllText(path).Contains(Section, StringComparison.Ordinal))
            {
                pages.Add(Path.GetFileNameWithoutExtension(path));
            }
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public Task The_script_example_reports_what_the_page_says(string rule)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "rules", rule + ".md"))
            .Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = page.IndexOf(Section, StringComparison.Ordinal);
        var section = page.Substring(start, page.IndexOf("\n## ", start, StringComparison.Ordinal) - start);
        var expected = Output.Match(section).Groups[1].Value.Trim().Split('\n').Select(line =>
        {
            var match = Line.Match(line);
            Assert.True(match.Success, $"{rule}: not a diagnostic line: {line}");
            var severity = match.Groups[3].Value == "info" ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning;
            return new DiagnosticResult(match.Groups[4].Value, severity)
                .WithLocation(ScriptAnalyzerTests.ScriptPath, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                    int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
                .WithMessage(match.Groups[5].Value)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations); // a page prints the primary location only
        }).ToArray();
        Assert.Contains(expected, result => result.Id == rule);

        // CG0206 is about a project whose manifest maps no category to Google Consent Mode; the tests' manifest maps one.
        var manifest = rule == "CG0206" ? TrackingCallAnalyzerTests.WithoutConsentMode(ScriptAnalyzerTests.Manifest) : ScriptAnalyzerTests.Manifest;
        return ScriptAnalyzerTests.Verify(manifest, Script.Match(section).Groups[1].Value, ScriptAnalyzerTests.ScriptPath, expected);
    }
}
