using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Tests.Generator;
using ConsentAnalyzers.Trackers;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Tests.Catalog;

/// <summary>
/// The tracker index keeps the answer for each URL it matched (a project requests its own endpoints from many
/// places), up to a bound: the index lives as long as the manifest, across an IDE session's edits. Past the bound a
/// URL is matched again each time, and answered the same.
/// </summary>
public sealed class TrackerUrlCacheTests
{
    [Fact]
    public void Answers_are_kept_up_to_the_bound_and_urls_past_it_are_still_matched()
    {
        // A manifest read anew (it declares Google Analytics): the index is made per manifest, so this one starts with
        // nothing kept.
        var index = TrackerIndex.For(ManifestReader.Read(SourceText.From(TestManifests.Policy)).Model!);
        for (var i = 0; i < 5_000; i++)
        {
            Assert.Null(index.ForUrl($"https://shop.example/api/orders/{i}"));
        }

        Assert.Equal(4_096, index.UrlsKept);
        for (var asked = 0; asked < 2; asked++)
        {
            Assert.Equal("google-analytics", index.ForUrl("https://www.google-analytics.com/g/collect?v=2")?.CatalogId);
            Assert.Equal("analytics", index.ForUrl("https://www.google-analytics.com/g/collect?v=2")?.Category);
            Assert.Null(index.ForUrl("https://shop.example/api/orders/1"));
            Assert.Null(index.ForUrl("https://shop.example/api/orders/4999"));
        }

        Assert.Equal(4_096, index.UrlsKept);
    }
}
