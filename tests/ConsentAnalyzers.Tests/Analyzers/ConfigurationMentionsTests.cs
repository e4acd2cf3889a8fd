using ConsentAnalyzers.Cookies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>
/// The configuration scan reads only the nodes around the mentions of its words: every node whose text holds a
/// mention, and the access after a <c>?.</c> among them, each once, in document order with parents first. Checked
/// against the plain definition (every node of the file, filtered and sorted) on text where mentions nest, repeat,
/// sit side by side in one token and follow a <c>?.</c>.
/// </summary>
public sealed class ConfigurationMentionsTests
{
    private const string Source = """
        using Microsoft.AspNetCore.Mvc;

        public sealed class NotesController : Controller
        {
            public IActionResult Save(string tempData)
            {
                TempData?.Add("note", tempData);
                TempData["TempData"] = TempData.Peek("TempDataTempData");
                ViewData?.Add("x", TempData?.Count);
                return Ok();
            }

            private static void Configure(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
                services.AddControllersWithViews().AddSessionStateTempDataProvider();
        }
        """;

    [Theory]
    [InlineData("TempData")]
    [InlineData("TempData", "AddControllersWithViews")]
    [InlineData("Peek", "TempData", "Save")]
    [InlineData("NoSuchWord")]
    public void The_nodes_read_are_those_that_hold_a_mention_in_document_order(params string[] words)
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        List<int> Mentions(string text) => [.. words.SelectMany(word => Positions(text, word)).Order()];

        var read = ConfigurationText.NodesAroundMentions(tree, Mentions, CancellationToken.None).ToList();

        var mentions = Mentions(Source);
        var holding = tree.GetRoot().DescendantNodesAndSelf().Where(node => mentions.Exists(node.FullSpan.Contains)).ToList();
        var expected = holding
            .Concat(holding.OfType<ConditionalAccessExpressionSyntax>().Select(access => access.WhenNotNull).Except(holding))
            .OrderBy(node => node.FullSpan.Start).ThenByDescending(node => node.FullSpan.Length)
            .ToList();
        Assert.Equal(expected, read);
        Assert.Equal(read.Count, read.Distinct().Count());
    }

    private static IEnumerable<int> Positions(string text, string word)
    {
        const StringComparison AnyCase = StringComparison.OrdinalIgnoreCase;
        for (var at = text.IndexOf(word, AnyCase); at >= 0; at = text.IndexOf(word, at + 1, AnyCase))
        {
            yield return at;
        }
    }
}
