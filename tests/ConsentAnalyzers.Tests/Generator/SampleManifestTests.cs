using System.Collections.Immutable;
using System.Reflection;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Tests.Generator;

/// <summary>The sample app's manifest transcribes the seed cookie policy's table; the generated API covers every row.</summary>
public class SampleManifestTests
{
    public static readonly string Text = File.ReadAllText(RepositoryPaths.SampleManifest);

    /// <summary>
    /// The options of samples/AIMusicGens.Web/AIMusicGens.Web.csproj: RootNamespace AIMusicGens.Web, no ConsentNamespace
    /// and no ConsentGeneratedVisibility (so internal).
    /// </summary>
    public static readonly IReadOnlyDictionary<string,
        string> Properties = new Dictionary<string, string> { ["build_property.RootNamespace"] = "AIMusicGens.Web" };

    /// <summary>
    /// The checked-in copy of every file generated for the sample, one per hint name: with ASP.NET Core referenced, as in
    /// the sample, so the runtime helpers are among them.
    /// </summary>
    private static readonly string SnapshotFolder = Path.Combine("tests", "ConsentAnalyzers.Tests", "Generator", "Snapshots");

    private static readonly Lazy<(ImmutableDictionary<string, string> Sources,
        Compilation Output)> Run = new(() => GeneratorHarness.Run(Text, Properties, aspNetCore: true));

    private static readonly Lazy<Assembly> Generated = new(() => GeneratorHarness.CompileAndLoad(Run.Value.Output));

    private static string? CategoryOfCookie(string name) =>
        Category(GeneratorHarness.Invoke(Generated.Value, "AIMusicGens.Web.ConsentManifest", "FindCookie", name));

    private static string? CategoryOfStorageKey(string area, string key)
    {
        var areaType = Generated.Value.GetType("AIMusicGens.Web.ConsentStorageArea")!;
        return Category(
            GeneratorHarness.Invoke(Generated.Value, "AIMusicGens.Web.ConsentManifest", "FindStorageKey", Enum.Parse(areaType, area), key));
    }

    private static string? Category(object? info) => info is null ? null : GeneratorHarness.GetInstance(info, "Category")!.ToString();

    [Fact]
    public void The_sample_manifest_is_valid() =>
        Assert.Empty(ManifestReader.Read(SourceText.From(Text)).Issues);

    [Fact]
    public void It_declares_the_four_categories_of_the_policy()
    {
        var model = ManifestReader.Read(SourceText.From(Text)).Model!;

        Assert.Equal(["necessary", "functional", "analytics", "advertising"], model.Categories.Select(c => c.Id));
        Assert.Equal([true, false, false, false], model.Categories.Select(c => c.IsEssential));
        Assert.Contains("gpc", model.Categories.Single(c => c.Id == "advertising").OptOutSignals);
    }

    [Theory]
    [InlineData("sb-abcdefgh-auth-token", "Necessary")] // authentication (Supabase)
    [InlineData("_ga", "Analytics")] // Google Analytics
    [InlineData("_ga_G1234567", "Analytics")]
    [InlineData("_gcl_au", "Advertising")] // Google Ads conversion measurement
    [InlineData("__stripe_mid", "Necessary")] // Stripe
    [InlineData("__stripe_sid", "Necessary")]
    public void Every_cookie_row_of_the_policy_is_declared(string cookie, string category) =>
        Assert.Equal(category, CategoryOfCookie(cookie));

    [Theory]
    [InlineData("Session", "landing_page", "Analytics")] // attribution storage
    [InlineData("Session", "gclid", "Advertising")]
    [InlineData("Session", "gbraid", "Advertising")]
    [InlineData("Session", "wbraid", "Advertising")]
    public void Every_attribution_key_of_the_policy_is_declared(string area, string key, string category) =>
        Assert.Equal(category, CategoryOfStorageKey(area, key));

    [Fact]
    public void App_storage_for_drafts_results_workflow_and_return_page_is_functional()
    {
        var model = ManifestReader.Read(SourceText.From(Text)).Model!;
        var functional = model.Storage.Where(s => s.Category == "functional").Select(s => s.Key).ToList();

        Assert.Contains(functional, key => key.Contains("draft", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(functional, key => key.Contains("lyrics", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(functional, key => key.Contains("certificate", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(functional, key => key.Contains("return", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_entry_documents_its_provider_purpose_and_duration()
    {
        var model = ManifestReader.Read(SourceText.From(Text)).Model!;

        Assert.All(model.Cookies, c => Assert.False(c.Provider is null || c.Purpose is null || c.Duration is null, c.Name));
        Assert.All(model.Storage, s => Assert.False(s.Provider is null || s.Purpose is null || s.Duration is null, s.Key));
    }

    [Fact]
    public void Undeclared_names_are_not_found() =>
        Assert.Null(CategoryOfCookie("_fbp"));

    /// <summary>
    /// The full text of every file the generator emits for the sample (the attributes, the enum, the name constants,
    /// the metadata types and the lookup), so that any change to the generated API is a visible, reviewed diff.
    /// After an intended change: UPDATE_SNAPSHOTS=1 dotnet test --filter SampleManifestTests, then review the diff.
    /// </summary>
    [Fact]
    public void Every_generated_file_matches_its_snapshot() =>
        Snapshots.Match(SnapshotFolder, Run.Value.Sources);
}
