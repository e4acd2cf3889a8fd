using System.Text.RegularExpressions;

namespace ConsentAnalyzers.IntegrationTests;

/// <summary>
/// A diagnostic line as the docs write it, <c>Pages/Index.cshtml.cs(12,13): warning CG0202: message</c>: the path
/// relative to the project folder with '/' separators, and without the help link and project that MSBuild appends.
/// </summary>
public sealed partial record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}: {Message}";

    /// <summary>Every diagnostic with a position in a build's output, once each, in order.</summary>
    public static IReadOnlyList<BuildDiagnostic> InBuildOutput(string output, string projectDirectory) =>
        Parse(output, file => Path.GetRelativePath(projectDirectory, file).Replace('\\', '/'));

    /// <summary>The diagnostic lines of a <c>text</c> block of the docs.</summary>
    public static IReadOnlyList<BuildDiagnostic> InDocs(string block) => Parse(block, file => file);

    /// <summary>Whether the output has a diagnostic of any kind, with a position or without (<c>CSC : warning …</c>).</summary>
    public static bool AnyIn(string output) => AnyDiagnostic().IsMatch(output);

    /// <summary>One diagnostic a line, for a failure message a README block can be regenerated from.</summary>
    public static string Lines(IEnumerable<BuildDiagnostic> diagnostics) =>
        string.Join('\n', diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).Select(d => "   " + d));

    private static List<BuildDiagnostic> Parse(string text, Func<string, string> file) =>
        Positioned().Matches(text)
            .Select(m => new BuildDiagnostic(
                file(m.Groups["file"].Value.Trim()),
                int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["severity"].Value,
                m.Groups["id"].Value,
                m.Groups["message"].Value.Trim()))
            .Distinct()
            .ToList();

    [GeneratedRegex(
        @"^[ \t]*(?<file>[^\s(][^(\n]*?)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning|info) (?<id>[A-Z]+\d+): " +
        @"(?<message>.*?)(?: \(https?://[^\s)]*\))?(?: \[[^\]\n]*\])?[ \t\r]*$",
        RegexOptions.Multiline)]
    private static partial Regex Positioned();

    [GeneratedRegex(@"\b(?:error|warning) [A-Z]{2,}\d{3,}:")]
    private static partial Regex AnyDiagnostic();
}
