using System.Globalization;
using System.Text.RegularExpressions;
using ConsentAnalyzers.Tests.Infrastructure;

namespace ConsentAnalyzers.Tests.Corpus;

/// <summary>
/// Precision and recall of the analyzers on the labeled corpus, per language (C#, compiled Razor views and the site's
/// JavaScript), and the figures docs/accuracy.md publishes.
/// </summary>
public class CorpusTests
{
    private static readonly Lazy<Task<IReadOnlyList<CorpusScore>>> Scores = new(CorpusRunner.RunAsync);

    [Fact]
    public async Task Precision_and_recall_are_at_least_98_percent_in_each_language()
    {
        foreach (var score in await Scores.Value)
        {
            var report = $"{score.Language}: missed: {string.Join(", ", score.Missed)}; spurious: {string.Join(", ", score.Spurious)}";
            Assert.True(score.Precision >= 0.98, $"{score.Language} precision {score.Precision:P1}; {report}");
            Assert.True(score.Recall >= 0.98, $"{score.Language} recall {score.Recall:P1}; {report}");
        }
    }

    [Fact]
    public async Task The_corpus_covers_every_rule()
    {
        var scores = await Scores.Value;
        var csharp = Labels(CorpusRunner.Files());
        var scripts = Labels(CorpusRunner.Scripts());

        Assert.True(scores[0].Files >= 10, $"only {scores[0].Files} C# corpus files");
        Assert.True(scores[1].Files >= 3, $"only {scores[1].Files} compiled Razor views in the corpus");
        Assert.True(scores[2].Files >= 20, $"only {scores[2].Files} JavaScript corpus files");
        Assert.Superset(
            new HashSet<string> { "CG0101", "CG0102", "CG0103", "CG0104", "CG0105", "CG0106", "CG0107", "CG0201", "CG0202", "CG0203", "CG0204",
                "CG0205" },
            csharp);
        // Every rule the script analysis reports but CG0206, which needs a manifest that maps no category to Consent Mode
        // (the corpus's maps them, as a site with the Google tag should; the analyzer tests cover it).
        Assert.Superset(
            new HashSet<string> { "CG0101", "CG0102", "CG0103", "CG0104", "CG0105", "CG0109", "CG0201", "CG0202", "CG0203", "CG0207" },
            scripts);
    }

    [Fact]
    public async Task The_published_figures_are_the_measured_ones()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "accuracy.md"));

        foreach (var score in await Scores.Value)
        {
            var row = string.Create(CultureInfo.InvariantCulture,
                $"| {score.Language} | {score.Files} | {score.Labeled} | {score.TruePositives} | {score.Spurious.Count} | {score.Missed.Count} | " +
                $"{score.Precision:P1} | {score.Recall:P1} |");
            Assert.True(doc.Contains(row, StringComparison.Ordinal),
                $"docs/accuracy.md should contain the row:\n{row}\nmissed: {string.Join(", ", score.Missed)}\nspurious: " +
                $"{string.Join(", ", score.Spurious)}");
        }
    }

    private static HashSet<string> Labels(IEnumerable<string> files) =>
        files.SelectMany(File.ReadLines)
            .Select(line => Regex.Match(line, @"//\s*expect:\s*(?<ids>CG\d{4}(?:\s*,\s*CG\d{4})*)"))
            .Where(m => m.Success)
            .SelectMany(m => Regex.Matches(m.Groups["ids"].Value, @"CG\d{4}").Select(id => id.Value))
            .ToHashSet();
}
