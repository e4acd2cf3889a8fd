using System.Globalization;
using System.Text.RegularExpressions;
using ConsentAnalyzers.Tests.Infrastructure;

namespace ConsentAnalyzers.Tests.Corpus;

/// <summary>Precision and recall of the analyzers on the labeled corpus, and the figures docs/accuracy.md publishes.</summary>
public class CorpusTests
{
    private static readonly Lazy<Task<CorpusScore>> Score = new(CorpusRunner.RunAsync);

    [Fact]
    public async Task Precision_and_recall_are_at_least_98_percent()
    {
        var score = await Score.Value;

        var report = $"missed: {string.Join(", ", score.Missed)}; spurious: {string.Join(", ", score.Spurious)}";
        Assert.True(score.Precision >= 0.98, $"precision {score.Precision:P1}; {report}");
        Assert.True(score.Recall >= 0.98, $"recall {score.Recall:P1}; {report}");
    }

    [Fact]
    public async Task The_corpus_covers_every_rule()
    {
        var score = await Score.Value;
        var labels = Directory.GetFiles(CorpusRunner.Folder, "*.cs")
            .SelectMany(File.ReadLines)
            .SelectMany(line => Regex.Matches(line, @"CG\d{4}").Select(m => m.Value))
            .ToHashSet();

        Assert.True(score.Files >= 10, $"only {score.Files} corpus files");
        Assert.Superset(
            new HashSet<string> { "CG0101", "CG0102", "CG0103", "CG0104", "CG0105", "CG0106", "CG0107", "CG0201", "CG0202", "CG0203", "CG0204",
                "CG0205" },
            labels);
    }

    [Fact]
    public async Task The_published_figures_are_the_measured_ones()
    {
        var score = await Score.Value;
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "accuracy.md"));

        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {score.Files} | {score.Labeled} | {score.TruePositives} | {score.Spurious.Count} | {score.Missed.Count} | {score.Precision:P1} | " +
            $"{score.Recall:P1} |");
        Assert.True(doc.Contains(row, StringComparison.Ordinal),
            $"docs/accuracy.md should contain the row:\n{row}\nmissed: {string.Join(", ", score.Missed)}\nspurious: " +
            $"{string.Join(", ", score.Spurious)}");
    }
}
