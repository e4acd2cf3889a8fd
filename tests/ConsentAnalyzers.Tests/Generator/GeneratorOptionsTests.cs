using System.Reflection;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace ConsentAnalyzers.Tests.Generator;

public class GeneratorOptionsTests
{
    private static Dictionary<string, string> Properties(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => "build_property." + v.Key, v => v.Value);

    private static Assembly Load(IReadOnlyDictionary<string, string> properties, LanguageVersion version = LanguageVersion.CSharp12) =>
        GeneratorHarness.CompileAndLoad(
            GeneratorHarness.Run(TestManifests.Policy, properties, parseOptions: GeneratorHarness.ParseOptions(version)).Output);

    [Fact]
    public void Namespace_defaults_to_the_root_namespace() =>
        Assert.NotNull(Load(Properties(("RootNamespace", "My.App"))).GetType("My.App.ConsentCookies"));

    [Fact]
    public void ConsentNamespace_overrides_the_root_namespace() =>
        Assert.NotNull(
            Load(Properties(("RootNamespace", "My.App"), ("ConsentNamespace", "Policy.Generated"))).GetType("Policy.Generated.ConsentCookies"));

    [Fact]
    public void Without_any_namespace_property_the_assembly_name_is_used() =>
        Assert.NotNull(Load(Properties()).GetType("Consumer.ConsentCookies"));

    [Fact]
    public void Invalid_namespace_segments_are_made_valid_identifiers() =>
        Assert.NotNull(Load(Properties(("ConsentNamespace", "my-app.class.2nd"))).GetType("my_app.class._2nd.ConsentCookies"));

    [Theory]
    [InlineData(null, false)]
    [InlineData("internal", false)]
    [InlineData("Public", true)]
    [InlineData("nonsense", false)]
    public void Visibility_is_internal_unless_public_is_asked_for(string? visibility, bool isPublic)
    {
        var properties = Properties(("RootNamespace", "App"));
        if (visibility is not null)
        {
            properties["build_property.ConsentGeneratedVisibility"] = visibility;
        }

        var assembly = Load(properties);

        foreach (var name in new[] { "ConsentCategory", "ConsentCookies", "ConsentStorageKeys", "ConsentManifest", "ConsentCookieInfo",
            "RequiresConsentAttribute", "ConsentGuardAttribute" })
        {
            Assert.Equal(isPublic, assembly.GetType("App." + name, throwOnError: true)!.IsPublic);
        }
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.CSharp8)]
    [InlineData(LanguageVersion.CSharp12)]
    public void Generated_code_compiles_warning_free_for_every_supported_language_version(LanguageVersion version)
    {
        var assembly = Load(Properties(("RootNamespace", "App")), version);

        Assert.NotNull(assembly.GetType("App.ConsentManifest"));
    }

    [Fact]
    public void Nullable_annotations_are_emitted_only_where_the_language_allows_them()
    {
        var modern = GeneratorHarness.Run(TestManifests.Policy,
            parseOptions: GeneratorHarness.ParseOptions(LanguageVersion.CSharp12)).Sources["ConsentManifest.g.cs"];
        var legacy = GeneratorHarness.Run(TestManifests.Policy,
            parseOptions: GeneratorHarness.ParseOptions(LanguageVersion.CSharp7_3)).Sources["ConsentManifest.g.cs"];

        Assert.Contains("#nullable enable", modern, StringComparison.Ordinal);
        Assert.Contains("public static ConsentCookieInfo? FindCookie(string name)", modern, StringComparison.Ordinal);
        Assert.DoesNotContain("#nullable", legacy, StringComparison.Ordinal);
        Assert.Contains("public static ConsentCookieInfo FindCookie(string name)", legacy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_namespace_with_no_identifier_in_it_means_the_global_namespace() =>
        Assert.NotNull(Load(Properties(("ConsentNamespace", "."))).GetType("ConsentCookies"));
}
