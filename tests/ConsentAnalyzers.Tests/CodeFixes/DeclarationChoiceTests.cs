using ConsentAnalyzers.CodeFixes.ManifestEntries;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Trackers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>
/// Which category the "declare in the manifest" fix offers first for a built-in tracker: the one whose id fits the
/// tracker's kind best, whatever order the manifest lists its categories in; an essential category never first.
/// </summary>
public class DeclarationChoiceTests
{
    private const string BannerCategories = """
        {
          "version": 1,
          "categories": {
            "necessary": { "title": "Strictly Necessary", "essential": true },
            "preferences": { "title": "Preferences" },
            "marketing": { "title": "Marketing" },
            "functional": { "title": "Functional" },
            "statistics": { "title": "Statistics" },
            "advertising": { "title": "Advertising" },
          },
        }
        """;

    private const string FewCategories = """
        {
          "version": 1,
          "categories": {
            "necessary": { "title": "Strictly Necessary", "essential": true },
            "social-media": { "title": "Social media and videos" },
            "personalization": { "title": "Personalization" },
            "performance": { "title": "Performance" },
          },
        }
        """;

    [Theory]
    [InlineData("meta-pixel", "advertising", "social-media")] // no advertising word: the manifest's order
    [InlineData("pinterest", "advertising", "social-media")]
    [InlineData("google-analytics", "statistics", "performance")]
    [InlineData("hotjar", "statistics", "performance")]
    [InlineData("fullstory", "statistics", "performance")]
    [InlineData("intercom", "marketing", "social-media")]
    [InlineData("hubspot", "marketing", "social-media")]
    [InlineData("optimizely", "statistics", "performance")]
    [InlineData("segment", "statistics", "performance")]
    [InlineData("youtube", "functional", "social-media")]
    [InlineData("google-fonts", "functional", "social-media")]
    public void The_category_that_fits_the_trackers_kind_comes_first(string tracker, string withBannerCategories, string withFewCategories)
    {
        Assert.Equal(withBannerCategories, First(tracker, BannerCategories));
        Assert.Equal(withFewCategories, First(tracker, FewCategories));
    }

    [Theory]
    [InlineData(nameof(TrackerPurpose.SessionRecording), "analytics", "marketing")]
    [InlineData(nameof(TrackerPurpose.ChatAndMarketing), "marketing", "functional")]
    [InlineData(nameof(TrackerPurpose.ChatAndMarketing), "functional", "preferences")]
    [InlineData(nameof(TrackerPurpose.Experimentation), "analytics", "personalization")]
    [InlineData(nameof(TrackerPurpose.Embed), "external-media", "functional")]
    [InlineData(nameof(TrackerPurpose.Embed), "functional", "marketing")]
    [InlineData(nameof(TrackerPurpose.Advertising), "advertising", "marketing")]
    public void Each_kind_ranks_its_words(string kind, string better, string worse)
    {
        var purpose = Enum.Parse<TrackerPurpose>(kind);
        Assert.True(DeclarationChoice.Fit(purpose, better) < DeclarationChoice.Fit(purpose, worse), $"{better} before {worse}");
    }

    [Fact]
    public void A_finding_that_is_not_a_built_in_tracker_keeps_the_manifest_order_with_essential_categories_last()
    {
        Assert.All(Enum.GetValues<TrackerPurpose>(), purpose => Assert.NotEqual(0, DeclarationChoice.Fit(purpose, "necessary")));
        Assert.Equal(0, DeclarationChoice.Fit(null, "analytics"));
        Assert.Equal("preferences", First(trackerId: null, BannerCategories));
    }

    private static string First(string? trackerId, string manifest)
    {
        var model = ManifestReader.Read(SourceText.From(manifest)).Model!;
        var diagnostic = Diagnostic.Create(Rules.UndeclaredTracker, Location.None,
            new TrackerMatch("a tracker", trackerId, Category: null).UndeclaredProperties(), "a tracker", trackerId);
        return DeclarationChoice.For(diagnostic, model).First().Category;
    }
}
