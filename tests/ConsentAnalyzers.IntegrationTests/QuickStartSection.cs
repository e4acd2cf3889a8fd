using System.Text.RegularExpressions;

namespace ConsentAnalyzers.IntegrationTests;

/// <summary>
/// The README's "Quick start" section, read as a newcomer reads it: the command that makes the app, the package
/// reference, the manifest, the code files (each block names its file on its first line) and the build output that
/// follows each instruction.
/// </summary>
public sealed partial class QuickStartSection
{
    private const string Heading = "## Quick start";

    private QuickStartSection(IReadOnlyList<FencedBlock> blocks, string prose)
    {
        Blocks = blocks;
        Prose = prose;
    }

    /// <summary>The fenced blocks in order, each dedented to the fence's indentation.</summary>
    public IReadOnlyList<FencedBlock> Blocks { get; }

    /// <summary>The section's text outside the fenced blocks, with runs of white space collapsed to one space.</summary>
    public string Prose { get; }

    /// <summary>The <c>dotnet new</c> command line of the section's <c>sh</c> block.</summary>
    public string NewAppCommand => Single("sh").Content.Trim();

    /// <summary>The folder the command creates (its <c>-o</c> argument).</summary>
    public string AppFolder =>
        OutputOption().Match(NewAppCommand) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("The quick start's command has no -o folder: " + NewAppCommand);

    /// <summary>The project file the package reference goes in, as the text names it (<c>MyWebApp/MyWebApp.csproj</c>).</summary>
    public string ProjectFile => FirstNamed(ProjectFileName());

    /// <summary>Where the manifest is saved, as the text names it (<c>MyWebApp/consent-manifest.json</c>).</summary>
    public string ManifestFile => FirstNamed(ManifestFileName());

    public string PackageReference => Single("xml").Content;

    public string Manifest => Single("jsonc").Content;

    /// <summary>The code blocks, each with the path its first line names (relative to the project folder).</summary>
    public IEnumerable<(string Path, string Content)> CodeFiles =>
        Blocks.Where(b => b.Language is "csharp" or "cshtml").Select(b =>
        {
            var firstLine = b.Content.Split('\n')[0];
            var match = FileComment().Match(firstLine);
            return match.Success
                ? (match.Groups[1].Value, b.Content)
                : throw new InvalidOperationException("A code block of the quick start does not name its file on its first line: " + firstLine);
        });

    public static QuickStartSection FromReadme()
    {
        var readme = File.ReadAllText(Path.Combine(PackageFixture.RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf(Heading, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("README.md has no section " + Heading);
        }

        var end = readme.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
        var lines = readme[start..(end < 0 ? readme.Length : end)].Split('\n');

        var blocks = new List<FencedBlock>();
        var prose = new List<string>();
        var sinceLastBlock = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                prose.Add(lines[i]);
                sinceLastBlock.Add(lines[i]);
                continue;
            }

            var indent = fence.Groups[1].Value.Length;
            var content = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                content.Add(lines[i].Length >= indent && string.IsNullOrWhiteSpace(lines[i][..indent]) ? lines[i][indent..] : lines[i].TrimStart());
            }

            blocks.Add(new FencedBlock(fence.Groups[2].Value, string.Join('\n', content) + "\n", Collapse(sinceLastBlock)));
            sinceLastBlock.Clear();
        }

        return new QuickStartSection(blocks, Collapse(prose));
    }

    /// <summary>
    /// The <c>text</c> block that shows what the build prints after <paramref name="instruction"/>: the one whose
    /// preceding text gives that instruction (white space collapsed).
    /// </summary>
    public FencedBlock OutputAfter(string instruction)
    {
        var matches = Blocks.Where(b => b.Language == "text" && b.Preceding.Contains(instruction, StringComparison.Ordinal)).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException(
                $"The quick start should give the instruction \"{instruction}\" once, right before a ```text block of the build output; " +
                $"found {matches.Count}.");
    }

    private FencedBlock Single(string language) =>
        Blocks.Where(b => b.Language == language).ToList() is [var block]
            ? block
            : throw new InvalidOperationException($"The quick start should have exactly one ```{language} block.");

    private string FirstNamed(Regex pattern) =>
        pattern.Match(Prose) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"The quick start names no file matching {pattern}.");

    private static string Collapse(IEnumerable<string> lines) => WhiteSpace().Replace(string.Join(' ', lines), " ");

    [GeneratedRegex(@"^(\s*)```(\w*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"\s-o\s+(\S+)")]
    private static partial Regex OutputOption();

    [GeneratedRegex(@"`([^`\s]+\.csproj)`")]
    private static partial Regex ProjectFileName();

    [GeneratedRegex(@"`([^`\s]+/consent-manifest\.json)`")]
    private static partial Regex ManifestFileName();

    /// <summary><c>// Pages/Index.cshtml.cs</c> or <c>@* Pages/Index.cshtml: what it is *@</c>.</summary>
    [GeneratedRegex(@"^(?://|@\*)\s*([\w./-]+\.(?:cs|cshtml|razor))\b")]
    private static partial Regex FileComment();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    /// <param name="Language">The fence's info string: <c>csharp</c>, <c>jsonc</c>, <c>text</c>, ….</param>
    /// <param name="Content">The lines between the fences, dedented, ending with a line break.</param>
    /// <param name="Preceding">The text between the previous block and this one, white space collapsed.</param>
    public sealed record FencedBlock(string Language, string Content, string Preceding);
}
