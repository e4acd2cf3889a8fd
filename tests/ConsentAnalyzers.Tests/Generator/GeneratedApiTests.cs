using System.Reflection;
using ConsentAnalyzers.Tests.Infrastructure;

namespace ConsentAnalyzers.Tests.Generator;

/// <summary>The generated API, compiled warning-free and executed: constants, builders, metadata and lookups.</summary>
public class GeneratedApiTests
{
    private static readonly Lazy<Assembly> Generated = new(() =>
        GeneratorHarness.CompileAndLoad(
            GeneratorHarness.Run(TestManifests.Policy, new Dictionary<string, string> { ["build_property.RootNamespace"] = "Shop.Web" }).Output));

    private static object? Call(string type, string method, params object?[] arguments) =>
        GeneratorHarness.Invoke(Generated.Value, "Shop.Web." + type, method, arguments);

    private static object? Static(string type, string member) => GeneratorHarness.GetStatic(Generated.Value, "Shop.Web." + type, member);

    [Fact]
    public void Emits_the_documented_files() =>
        Assert.Equal(
            ["ConsentAttributes.g.cs", "ConsentCategory.g.cs", "ConsentCookies.g.cs", "ConsentManifest.g.cs", "ConsentMetadata.g.cs",
                "ConsentStorageDisclosure.g.cs", "ConsentStorageKeys.g.cs", "ConsentWriterAttributes.g.cs",
                "Microsoft.CodeAnalysis.EmbeddedAttribute.g.cs"],
            GeneratorHarness.Run(TestManifests.Policy).Sources.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Writer_attributes_mark_a_method_and_its_name_parameter_and_the_storage_writer_keeps_its_area()
    {
        var cookieWriter = Generated.Value.GetType("Shop.Web.CookieWriterAttribute")!;
        var storageWriter = Generated.Value.GetType("Shop.Web.StorageWriterAttribute")!;
        var consentName = Generated.Value.GetType("Shop.Web.ConsentNameAttribute")!;
        var area = Generated.Value.GetType("Shop.Web.ConsentStorageArea")!;

        Assert.Equal(AttributeTargets.Method, cookieWriter.GetCustomAttribute<AttributeUsageAttribute>()!.ValidOn);
        Assert.Equal(AttributeTargets.Method, storageWriter.GetCustomAttribute<AttributeUsageAttribute>()!.ValidOn);
        Assert.Equal(AttributeTargets.Parameter, consentName.GetCustomAttribute<AttributeUsageAttribute>()!.ValidOn);
        var session = Activator.CreateInstance(storageWriter, Enum.ToObject(area, 1))!;
        Assert.Equal("Session", storageWriter.GetProperty("Area")!.GetValue(session)!.ToString());
    }

    [Fact]
    public void Categories_become_enum_members_in_manifest_order()
    {
        var category = Generated.Value.GetType("Shop.Web.ConsentCategory")!;

        Assert.Equal(["Necessary", "Functional", "Analytics", "Advertising"], Enum.GetNames(category));
    }

    [Fact]
    public void Exact_names_become_constants()
    {
        Assert.Equal("_ga", Static("ConsentCookies", "Ga"));
        Assert.Equal("_gcl_au", Static("ConsentCookies", "GclAu"));
        Assert.Equal("landing_page", Static("ConsentStorageKeys", "LandingPage"));
        Assert.Equal("return_page", Static("ConsentStorageKeys", "ReturnPage"));
    }

    [Fact]
    public void Patterns_get_a_prefix_constant_and_a_builder()
    {
        Assert.Equal("sb-", Static("ConsentCookies", "SbPrefix"));
        Assert.Equal("sb-abc", Call("ConsentCookies", "SbName", "abc"));
        Assert.Equal("_ga_", Static("ConsentCookies", "GaPrefix"));
        Assert.Equal("_ga_G123", Call("ConsentCookies", "GaName", "G123"));
        Assert.Equal("draft:lyrics", Call("ConsentStorageKeys", "DraftName", "lyrics"));
        Assert.Throws<ArgumentNullException>(() => Call("ConsentCookies", "SbName", [null]));
    }

    [Theory]
    [InlineData("_ga", "_ga")]
    [InlineData("_ga_G123", "_ga_*")]
    [InlineData("sb-ref-auth-token", "sb-*")]
    [InlineData("_gcl_au", "_gcl_au")] // the exact name wins over the pattern that also matches
    [InlineData("_gcl_dc", "_gcl_*")]
    public void FindCookie_resolves_concrete_names(string name, string declared)
    {
        var info = Call("ConsentManifest", "FindCookie", name)!;

        Assert.Equal(declared, GeneratorHarness.GetInstance(info, "Name"));
        Assert.Equal(declared.Contains('*', StringComparison.Ordinal), GeneratorHarness.GetInstance(info, "IsPattern"));
        Assert.True((bool)info.GetType().GetMethod("Matches")!.Invoke(info, [name])!);
    }

    [Theory]
    [InlineData("_gid")]
    [InlineData("sb")]
    [InlineData("")]
    public void FindCookie_returns_null_for_undeclared_names(string name) =>
        Assert.Null(Call("ConsentManifest", "FindCookie", name));

    [Fact]
    public void FindStorageKey_respects_the_area()
    {
        var area = Generated.Value.GetType("Shop.Web.ConsentStorageArea")!;
        object Area(string name) => Enum.Parse(area, name);

        Assert.NotNull(Call("ConsentManifest", "FindStorageKey", Area("Session"), "landing_page"));
        Assert.Null(Call("ConsentManifest", "FindStorageKey", Area("Local"), "landing_page"));
        var draft = Call("ConsentManifest", "FindStorageKey", Area("Local"), "draft:song")!;
        Assert.Equal("draft:*", GeneratorHarness.GetInstance(draft, "Key"));
        Assert.Equal(Area("Local"), GeneratorHarness.GetInstance(draft, "Area"));
        Assert.NotNull(Call("ConsentManifest", "FindStorageKey", Area("Session"), "return_page"));
        Assert.NotNull(Call("ConsentManifest", "FindStorageKey", Area("Local"), "return_page"));
    }

    [Fact]
    public void Metadata_carries_every_field_of_the_manifest()
    {
        var categories = (System.Collections.IList)Static("ConsentManifest", "Categories")!;
        var cookies = (System.Collections.IList)Static("ConsentManifest", "Cookies")!;
        var storage = (System.Collections.IList)Static("ConsentManifest", "StorageKeys")!;
        var trackers = (System.Collections.IList)Static("ConsentManifest", "Trackers")!;

        Assert.Equal((4, 5, 6, 2), (categories.Count, cookies.Count, storage.Count, trackers.Count));
        var necessary = categories[0]!;
        Assert.Equal(("necessary", "Strictly Necessary", "Required to run the site.", true), (
            GeneratorHarness.GetInstance(necessary, "Id"), GeneratorHarness.GetInstance(necessary, "Title"),
            GeneratorHarness.GetInstance(necessary, "Description"), GeneratorHarness.GetInstance(necessary, "IsEssential")));
        Assert.Equal(["gpc"], (IEnumerable<string>)GeneratorHarness.GetInstance(categories[3]!, "OptOutSignals")!);
        var ga = cookies[1]!;
        Assert.Equal(("Google Analytics", "Distinguishes users & sessions <anonymously>.", "2 years", false), (
            GeneratorHarness.GetInstance(ga, "Provider"), GeneratorHarness.GetInstance(ga, "Purpose"),
            GeneratorHarness.GetInstance(ga, "Duration"), GeneratorHarness.GetInstance(ga, "IsEssential")));
        Assert.Equal("Analytics", GeneratorHarness.GetInstance(ga, "Category")!.ToString());
        Assert.Equal(("Catalog", "google-analytics", "Google Analytics"), (
            GeneratorHarness.GetInstance(trackers[0]!, "Kind")!.ToString(), GeneratorHarness.GetInstance(trackers[0]!, "Value"),
            GeneratorHarness.GetInstance(trackers[0]!, "Provider")));
        Assert.Equal("Url", GeneratorHarness.GetInstance(trackers[1]!, "Kind")!.ToString());
    }

    [Fact]
    public void GetCategory_returns_the_category_metadata()
    {
        var category = Generated.Value.GetType("Shop.Web.ConsentCategory")!;

        var advertising = Call("ConsentManifest", "GetCategory", Enum.Parse(category, "Advertising"))!;

        Assert.Equal("Advertising and Attribution", GeneratorHarness.GetInstance(advertising, "Title"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Call("ConsentManifest", "GetCategory", Enum.ToObject(category, 42)));
    }

    [Fact]
    public void Xml_docs_carry_provider_purpose_and_duration_for_hover()
    {
        var cookies = GeneratorHarness.Run(TestManifests.Policy).Sources["ConsentCookies.g.cs"];

        Assert.Contains("/// The cookie <c>_ga</c>: Analytics and Performance (needs consent: <see cref=\"ConsentCategory.Analytics\"/>).", cookies,
            StringComparison.Ordinal);
        Assert.Contains("/// <para>Provider: Google Analytics.</para>", cookies, StringComparison.Ordinal);
        Assert.Contains("/// <para>Purpose: Distinguishes users &amp; sessions &lt;anonymously&gt;.</para>", cookies, StringComparison.Ordinal);
        Assert.Contains("/// <para>Duration: 2 years.</para>", cookies, StringComparison.Ordinal);
        Assert.Contains("/// The fixed beginning of the cookie pattern <c>sb-*</c>: Strictly Necessary (essential: no consent needed).", cookies,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_declared_for_both_storage_areas_is_one_constant_documented_for_each_area()
    {
        var manifest = TestManifests.Policy.Replace(
            "{ \"key\": \"return_page\", \"area\": \"session\", \"category\": \"functional\" }",
            "{ \"key\": \"return_page\", \"area\": \"session\", \"category\": \"analytics\" }",
            StringComparison.Ordinal);

        var storage = GeneratorHarness.Run(manifest).Sources["ConsentStorageKeys.g.cs"];

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(storage, "public const string ReturnPage "));
        Assert.Contains(
            "/// The storage key <c>return_page</c>: in localStorage, Functional (needs consent: <see cref=\"ConsentCategory.Functional\"/>); " +
            "in sessionStorage, Analytics and Performance (needs consent: <see cref=\"ConsentCategory.Analytics\"/>).",
            storage,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_attributes_are_usable_on_members()
    {
        const string Source = """
            namespace Shop.Web
            {
                internal class Consent
                {
                    [ConsentGuard(ConsentCategory.Analytics)] public bool AnalyticsAllowed => true;
                    [ConsentGuard] public bool IsGranted(ConsentCategory category) => category == ConsentCategory.Necessary;
                    [RequiresConsent(ConsentCategory.Advertising)] public void TrackConversion() { }
                }
            }
            """;

        var (_, output) = GeneratorHarness.Run(TestManifests.Policy,
            new Dictionary<string, string> { ["build_property.RootNamespace"] = "Shop.Web" }, Source);
        var assembly = GeneratorHarness.CompileAndLoad(output);

        var consent = assembly.GetType("Shop.Web.Consent")!;
        var guard = consent.GetProperty("AnalyticsAllowed")!.GetCustomAttributes().Single();
        Assert.Equal("Analytics", guard.GetType().GetProperty("Category")!.GetValue(guard)!.ToString());
        var requires = consent.GetMethod("TrackConversion")!.GetCustomAttributes().Single();
        Assert.Equal("Advertising", requires.GetType().GetProperty("Category")!.GetValue(requires)!.ToString());
    }
}
