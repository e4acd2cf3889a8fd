using System.Reflection;
using System.Text.Json;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ConsentAnalyzers.Tests.Generator;

/// <summary>
/// The runtime helpers generated for the sample's manifest (ASP.NET Core referenced), compiled warning-free and run:
/// Consent Mode, the TCF device storage disclosure, opt-out signals, withdrawal and the enforcement middleware, the last
/// three on a <see cref="DefaultHttpContext"/>. A probe compiled with the generated code calls them with plain types.
/// </summary>
public class RuntimeHelpersTests
{
    private const string Probe = """
        #nullable disable
        using System;
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        namespace AIMusicGens.Web
        {
            public static class Probe
            {
                private static bool Granted(string[] granted, ConsentCategory category) => Array.IndexOf(granted, category.ToString()) >= 0;

                public static string DefaultScript() => ConsentMode.DefaultScript;

                public static string UpdateScript(string[] granted) => ConsentMode.UpdateScript(c => Granted(granted, c));

                public static string Disclosure(string[] domains) => ConsentStorageDisclosure.ToJson(domains);

                public static string OptedOutBy(HttpRequest request, string category) =>
                    ConsentOptOutSignals.OptedOutBy(request, (ConsentCategory)Enum.Parse(typeof(ConsentCategory), category));

                public static IReadOnlyList<string> SentBy(HttpRequest request) => ConsentOptOutSignals.SentBy(request);

                public static IReadOnlyList<string> Expire(HttpContext context, string[] granted) =>
                    ConsentWithdrawal.ExpireWithdrawnCookies(context, c => Granted(granted, c));

                public static RequestDelegate Pipeline(IServiceProvider services, string[] granted, RequestDelegate endpoint)
                {
                    var app = new ApplicationBuilder(services);
                    app.UseConsentEnforcement((context, c) => Granted(granted, c));
                    app.Run(endpoint);
                    return app.Build();
                }
            }
        }
        """;

    private static readonly Lazy<Assembly> Generated = new(() => GeneratorHarness.CompileAndLoad(
        GeneratorHarness.Run(SampleManifestTests.Text, SampleManifestTests.Properties, Probe, aspNetCore: true).Output));

    private static T Call<T>(string method, params object?[] arguments) =>
        (T)GeneratorHarness.Invoke(Generated.Value, "AIMusicGens.Web.Probe", method, arguments)!;

    private static object Instance(object target, string property) => GeneratorHarness.GetInstance(target, property)!;

    [Fact]
    public void Metadata_carries_lifetimes_domains_and_the_category_mappings()
    {
        var ga = GeneratorHarness.Invoke(Generated.Value, "AIMusicGens.Web.ConsentManifest", "FindCookie", "_ga_ABC123")!;
        var antiforgery = GeneratorHarness.Invoke(Generated.Value, "AIMusicGens.Web.ConsentManifest", "FindCookie", "aimg_antiforgery")!;
        var stripe = GeneratorHarness.Invoke(Generated.Value, "AIMusicGens.Web.ConsentManifest", "FindCookie", "__stripe_mid")!;
        var categories = (System.Collections.IList)GeneratorHarness.GetStatic(Generated.Value, "AIMusicGens.Web.ConsentManifest", "Categories")!;

        Assert.Equal((TimeSpan.FromDays(390), false, "P13M", "13 months", ".aimusicgens.com", true), ((TimeSpan?)Instance(ga, "MaxAge"),
            Instance(ga, "IsSession"), Instance(ga, "Lifetime"), Instance(ga, "LifetimeDescription"), Instance(ga, "Domain"),
            Instance(ga, "Refresh")));
        Assert.Equal((null, true, "session", "the browser session"), ((TimeSpan?)GeneratorHarness.GetInstance(antiforgery, "MaxAge"),
            Instance(antiforgery, "IsSession"), Instance(antiforgery, "Lifetime"), Instance(antiforgery, "LifetimeDescription")));
        Assert.Null(GeneratorHarness.GetInstance(stripe, "Lifetime"));
        Assert.Null(GeneratorHarness.GetInstance(stripe, "Path"));
        Assert.Equal(["ad_storage", "ad_user_data", "ad_personalization"], (IEnumerable<string>)Instance(categories[3]!, "ConsentModeTypes"));
        Assert.Equal([1, 7], (IEnumerable<int>)Instance(categories[3]!, "TcfPurposes"));
    }

    [Fact]
    public void Consent_mode_default_denies_every_type_but_those_of_essential_categories_in_manifest_order() =>
        Assert.Equal(
            "gtag('consent', 'default', {\"security_storage\":\"granted\",\"functionality_storage\":\"denied\"," +
            "\"personalization_storage\":\"denied\",\"analytics_storage\":\"denied\",\"ad_storage\":\"denied\",\"ad_user_data\":\"denied\"," +
            "\"ad_personalization\":\"denied\"});",
            Call<string>("DefaultScript"));

    [Fact]
    public void Consent_mode_update_grants_the_types_of_the_granted_categories()
    {
        var script = Call<string>("UpdateScript", new object[] { new[] { "Analytics" } });

        Assert.Equal(
            "gtag('consent', 'update', {\"security_storage\":\"granted\",\"functionality_storage\":\"denied\"," +
            "\"personalization_storage\":\"denied\",\"analytics_storage\":\"granted\",\"ad_storage\":\"denied\",\"ad_user_data\":\"denied\"," +
            "\"ad_personalization\":\"denied\"});",
            script);
        var json = script["gtag('consent', 'update', ".Length..^2];
        Assert.Equal(7, JsonDocument.Parse(json).RootElement.EnumerateObject().Count());
    }

    /// <summary>
    /// The fields of the IAB TCF v2.2 "Vendor Device Storage &amp; Operational Disclosures" specification, section
    /// "Required Information and JSON Structure": the Disclosures array (identifier, type, maxAgeSeconds, cookieRefresh,
    /// domains, domain, purposes, specialPurposes, description, optOut) and the Domains array (domain, purposes,
    /// specialPurposes, use). <c>domains</c> is preferred over the single <c>domain</c>, which may be removed; both may
    /// not be used together.
    /// </summary>
    private static readonly string[] DisclosureFields =
        ["identifier", "type", "maxAgeSeconds", "cookieRefresh", "domains", "domain", "purposes", "specialPurposes", "description", "optOut"];

    private static readonly string[] DomainFields = ["domain", "purposes", "specialPurposes", "use"];

    [Fact]
    public void The_storage_disclosure_follows_the_published_field_list()
    {
        using var json = JsonDocument.Parse(Call<string>("Disclosure", new object[] { new[] { "www.aimusicgens.com" } }));
        var disclosures = json.RootElement.GetProperty("disclosures").EnumerateArray().ToList();
        var domains = json.RootElement.GetProperty("domains").EnumerateArray().ToList();

        Assert.Equal(["disclosures", "domains"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.All(disclosures, d => Assert.Empty(d.EnumerateObject().Select(p => p.Name).Except(DisclosureFields)));
        Assert.All(disclosures, d => Assert.False(d.TryGetProperty("domain", out _), "domains is preferred, and both may not be used"));
        // Required: identifier, type, purposes; maxAgeSeconds an integer for cookies ("0 indicates session") and null otherwise;
        // cookieRefresh for cookies; domains for cookie and web types. A wildcard alone is not an identifier.
        Assert.All(disclosures, d =>
        {
            Assert.NotEqual("*", d.GetProperty("identifier").GetString());
            Assert.Contains(d.GetProperty("type").GetString(), new[] { "cookie", "web" });
            Assert.Equal(JsonValueKind.Array, d.GetProperty("purposes").ValueKind);
            Assert.NotEmpty(d.GetProperty("domains").EnumerateArray());
            var isCookie = d.GetProperty("type").GetString() == "cookie";
            Assert.Equal(isCookie, d.TryGetProperty("cookieRefresh", out _));
            if (!isCookie)
            {
                Assert.Equal(JsonValueKind.Null, d.GetProperty("maxAgeSeconds").ValueKind);
            }
        });
        Assert.All(domains, d => Assert.Empty(d.EnumerateObject().Select(p => p.Name).Except(DomainFields)));

        var ga = disclosures.Single(d => d.GetProperty("identifier").GetString() == "_ga");
        Assert.Equal(13 * 30 * 86400, ga.GetProperty("maxAgeSeconds").GetInt64());
        Assert.True(ga.GetProperty("cookieRefresh").GetBoolean());
        Assert.Equal(["aimusicgens.com"], ga.GetProperty("domains").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([1, 8, 9, 10], ga.GetProperty("purposes").EnumerateArray().Select(e => e.GetInt32()));
        var antiforgery = disclosures.Single(d => d.GetProperty("identifier").GetString() == "aimg_antiforgery");
        Assert.Equal(0, antiforgery.GetProperty("maxAgeSeconds").GetInt64());
        Assert.Equal(["www.aimusicgens.com"], antiforgery.GetProperty("domains").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(antiforgery.GetProperty("purposes").EnumerateArray());
        Assert.Equal(["www.aimusicgens.com", "aimusicgens.com"], domains.Select(d => d.GetProperty("domain").GetString()));
    }

    [Fact]
    public void The_storage_disclosure_needs_the_site_domains() =>
        Assert.Throws<ArgumentException>(() => Call<string>("Disclosure", new object[] { Array.Empty<string>() }));

    [Fact]
    public void A_category_is_opted_out_by_the_first_of_its_signals_the_request_sends()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["Sec-GPC"] = "1";
        context.Request.Headers["DNT"] = "0";

        Assert.Equal("gpc", Call<string?>("OptedOutBy", context.Request, "Advertising"));
        Assert.Null(Call<string?>("OptedOutBy", context.Request, "Analytics"));
        Assert.Equal(["gpc"], Call<IReadOnlyList<string>>("SentBy", context.Request));
        Assert.Equal("Global Privacy Control",
            GeneratorHarness.Invoke(Generated.Value, "AIMusicGens.Web.ConsentOptOutSignals", "DisplayName", "gpc"));
    }

    [Fact]
    public void Withdrawal_expires_the_refused_categories_cookies_host_only_and_on_their_declared_domain()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = "_ga=GA1.1.1; _ga_ABC123=GS1.1; aimg_consent=analytics%3D0; _gcl_au=1.1; unknown=1";

        var expired = Call<IReadOnlyList<string>>("Expire", context, new[] { "Advertising" });

        Assert.Equal(["_ga", "_ga_ABC123"], expired);
        var setCookies = context.Response.Headers.SetCookie.Select(v => v!).ToList();
        Assert.Equal(4, setCookies.Count);
        Assert.Contains(setCookies, c => c.StartsWith("_ga=;", StringComparison.Ordinal) && !c.Contains("domain=", StringComparison.Ordinal));
        Assert.Contains(setCookies,
            c => c.StartsWith("_ga=;", StringComparison.Ordinal) && c.Contains("domain=.aimusicgens.com", StringComparison.Ordinal));
        Assert.All(setCookies, c => Assert.Contains("expires=Thu, 01 Jan 1970", c, StringComparison.Ordinal));
        Assert.All(setCookies, c => Assert.Contains("path=/", c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Enforcement_strips_refused_cookies_keeps_and_warns_about_undeclared_ones()
    {
        var logs = new List<(Microsoft.Extensions.Logging.LogLevel Level, string Message)>();
        var context = RecordingHttpContext.Create();
        var pipeline = Call<RequestDelegate>("Pipeline", new LoggingServices(logs), new[] { "Advertising" }, (RequestDelegate)(c =>
        {
            c.Response.Headers.Append("Set-Cookie", "aimg_consent=advertising%3D1; path=/");
            c.Response.Headers.Append("Set-Cookie", "_ga=GA1.1.1; path=/; domain=.aimusicgens.com");
            c.Response.Headers.Append("Set-Cookie", "_gcl_au=1.1; path=/");
            c.Response.Headers.Append("Set-Cookie", "vendor_id=42; path=/");
            return Task.CompletedTask;
        }));

        await pipeline(context);
        RecordingHttpContext.Start(context);

        Assert.Equal(["aimg_consent=advertising%3D1; path=/", "_gcl_au=1.1; path=/", "vendor_id=42; path=/"],
            context.Response.Headers.SetCookie.Select(v => v!).ToArray());
        Assert.Equal(
            [(Microsoft.Extensions.Logging.LogLevel.Information,
                    "Removed the cookie _ga (_ga) from the response: its category Analytics is not granted."),
                (Microsoft.Extensions.Logging.LogLevel.Warning,
                    "The response sets the cookie vendor_id, which consent-manifest.json does not declare: declare it with its category.")],
            logs);
    }

    /// <summary>Withdrawal and enforcement together, as the sample runs them: the expiries of a refused category pass.</summary>
    [Fact]
    public async Task Enforcement_lets_the_expiries_of_a_withdrawal_through()
    {
        var logs = new List<(Microsoft.Extensions.Logging.LogLevel Level, string Message)>();
        var context = RecordingHttpContext.Create();
        context.Request.Headers.Cookie = "_ga=GA1.1.1; _gcl_au=1.1";
        var pipeline = Call<RequestDelegate>("Pipeline", new LoggingServices(logs), Array.Empty<string>(), (RequestDelegate)(c =>
        {
            Call<IReadOnlyList<string>>("Expire", c, Array.Empty<string>());
            c.Response.Headers.Append("Set-Cookie", "_gcl_aw=2; max-age=0; path=/");
            c.Response.Headers.Append("Set-Cookie", "_gcl_dc=3; max-age=600; path=/");
            return Task.CompletedTask;
        }));

        await pipeline(context);
        RecordingHttpContext.Start(context);

        var kept = context.Response.Headers.SetCookie.Select(v => v!).ToList();
        Assert.Equal(["_ga", "_ga", "_gcl_au", "_gcl_au", "_gcl_aw"], kept.Select(c => c[..c.IndexOf('=')]));
        Assert.Equal([(Microsoft.Extensions.Logging.LogLevel.Information,
            "Removed the cookie _gcl_dc (_gcl_*) from the response: its category Advertising is not granted.")], logs);
    }

    [Fact]
    public async Task Enforcement_leaves_the_header_alone_when_every_cookie_is_declared_and_granted()
    {
        var logs = new List<(Microsoft.Extensions.Logging.LogLevel Level, string Message)>();
        var context = RecordingHttpContext.Create();
        var headers = new Microsoft.Extensions.Primitives.StringValues(["_ga=1; path=/", " _ga_ABC = 2", "aimg_antiforgery=x"]);
        var pipeline = Call<RequestDelegate>("Pipeline", new LoggingServices(logs), new[] { "Analytics" }, (RequestDelegate)(c =>
        {
            c.Response.Headers.SetCookie = headers;
            return Task.CompletedTask;
        }));

        await pipeline(context);
        RecordingHttpContext.Start(context);

        Assert.Equal(headers, context.Response.Headers.SetCookie);
        Assert.Empty(logs);
    }

    public static TheoryData<LanguageVersion, bool> LanguageVersions => new()
    {
        { LanguageVersion.CSharp7_3, false }, { LanguageVersion.CSharp7_3, true }, { LanguageVersion.CSharp8, true },
        { LanguageVersion.Latest, false }, { LanguageVersion.Latest, true },
    };

    /// <summary>Against the .NET 8 reference packs, with and without ASP.NET Core, from C# 7.3 (no nullable) up (nullable on).</summary>
    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public void The_runtime_helpers_compile_warning_free(LanguageVersion version, bool aspNetCore)
    {
        var parseOptions = GeneratorHarness.ParseOptions(version);
        var compilation = CSharpCompilation.Create("Consumer",
            [CSharpSyntaxTree.ParseText("class Program { }", parseOptions)],
            (aspNetCore ? TestReferences.AspNetCore : TestReferences.Net80).References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: version >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable));

        GeneratorHarness.CreateDriver(SampleManifestTests.Text, SampleManifestTests.Properties, parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        var hints = output.SyntaxTrees.Select(tree => Path.GetFileName(tree.FilePath)).ToList();
        Assert.Equal(aspNetCore, hints.Contains("ConsentEnforcement.g.cs"));
        Assert.Contains("ConsentMode.g.cs", hints);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
