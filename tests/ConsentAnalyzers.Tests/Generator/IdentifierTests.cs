using ConsentAnalyzers.ConsentApi;
using ConsentAnalyzers.Generator;
using ConsentAnalyzers.Tests.Infrastructure;

namespace ConsentAnalyzers.Tests.Generator;

public class IdentifierTests
{
    [Theory]
    [InlineData("_ga", "Ga")]
    [InlineData("sb-*", "Sb")]
    [InlineData("_gcl_*", "Gcl")]
    [InlineData("landing_page", "LandingPage")]
    [InlineData("ASP.NET_SessionId", "ASPNETSessionId")]
    [InlineData("__Host-next-auth.csrf-token", "HostNextAuthCsrfToken")]
    [InlineData("ai_session.v2", "AiSessionV2")]
    [InlineData("2fa_remember", "_2faRemember")]
    [InlineData("über_cookie", "ÜberCookie")]
    [InlineData("クッキー", "クッキー")]
    [InlineData("class", "Class")]
    [InlineData("__", "Name")]
    [InlineData("***", "Name")]
    public void Names_become_PascalCase_identifiers(string name, string expected) =>
        Assert.Equal(expected, IdentifierNames.ToPascalCase(name, "Name"));

    [Fact]
    public void Colliding_names_get_numbered_deterministically()
    {
        var names = new UniqueNames("ConsentCookies");

        Assert.Equal("Ga", names.Allocate("Ga"));
        Assert.Equal("Ga_2", names.Allocate("Ga"));
        Assert.Equal("ConsentCookies_2", names.Allocate("ConsentCookies"));
        Assert.Equal("Equals_2", names.Allocate("Equals"));
        Assert.Equal("Sb", names.Allocate("Sb", "Prefix", "Name"));
        Assert.Equal("Sb_2", names.Allocate("Sb", "Prefix", "Name"));
        Assert.Equal("SbPrefix_2", names.Allocate("SbPrefix"));
    }

    /// <summary>Every awkward name in one manifest: the generated code must compile and keep every value.</summary>
    [Fact]
    public void Awkward_names_compile_to_distinct_members()
    {
        string[] cookieNames = ["_ga", "ga", "GA", "_ga_*", "ga_prefix", "GaName", "consent_cookies", "equals", "to-string", "class", "2fa", "a.b.c",
            "x*y*z", "__Host-id", "ASP.NET_SessionId", "__", "_-_*"];
        string[] storageKeys = ["über", "クッキー", "user settings", "a\"quote", "back\\slash", "ConsentStorageKeys"];
        var cookies = string.Join(",\n", cookieNames.Select(n => $$"""{ "name": "{{n}}", "category": "c" }"""));
        var storage = string.Join(",\n",
            storageKeys.Select(k => $$"""{ "key": {{System.Text.Json.JsonSerializer.Serialize(k)}}, "area": "local", "category": "c" }"""));
        var manifest =
            $$"""{ "version": 1, "categories": { "c": { "title": "C" }, "class": { "title": "Keyword" }, "to-string": { "title": "T" } }, "cookies": [ {{cookies}} ], "storage": [ {{storage}} ] }""";

        var (_, output) = GeneratorHarness.Run(manifest, new Dictionary<string, string> { ["build_property.RootNamespace"] = "App" });
        var assembly = GeneratorHarness.CompileAndLoad(output);

        Assert.Equal(Exact(cookieNames), Constants(assembly, "App.ConsentCookies"));
        Assert.Equal(["über", "クッキー", "user settings", "a\"quote", "back\\slash", "ConsentStorageKeys"],
            Constants(assembly, "App.ConsentStorageKeys"));
        Assert.Equal(["C", "Class", "ToString_2"], Enum.GetNames(assembly.GetType("App.ConsentCategory")!));
    }

    private static string[] Exact(string[] names) => names.Where(n => !n.Contains('*', StringComparison.Ordinal)).ToArray();

    /// <summary>The exact-name constants of a generated class, in declaration order (pattern prefixes left out).</summary>
    private static string[] Constants(System.Reflection.Assembly assembly, string type) =>
        assembly.GetType(type, throwOnError: true)!.GetFields()
            .Where(f => f.IsLiteral && !f.Name.EndsWith("Prefix", StringComparison.Ordinal))
            .OrderBy(f => f.MetadataToken)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
}
