using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>CG0204: CanTrack checks in a project whose cookie policy runs but never requires consent.</summary>
public class CookiePolicyAnalyzerTests
{
    /// <summary>
    /// A banner-wired controller: two CanTrack checks and one HasConsent check (which reads the consent cookie, and is
    /// not always true).
    /// </summary>
    private const string Guards = """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.Features;

        class Tracking
        {
            void Visit(HttpContext http)
            {
                if (http.Features.Get<ITrackingConsentFeature>()?.{|#1:CanTrack|} == true)
                {
                    http.Response.Cookies.Append("_ga", "1");
                }

                if (http.Features.Get<ITrackingConsentFeature>() is { {|#2:CanTrack|}: true })
                {
                    http.Response.Cookies.Append("_ga", "2");
                }

                if (http.Features.Get<ITrackingConsentFeature>()?.HasConsent == true)
                {
                    http.Response.Cookies.Append("_ga", "3");
                }
            }
        }
        """;

    private static string Program(string services, string pipeline = "app.UseCookiePolicy();") => $$"""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.CookiePolicy;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Services(IServiceCollection services)
            {
                {{services}}
            }

            static void Pipeline(WebApplication app)
            {
                {{pipeline}}
            }
        }
        """;

    private static ConsentAnalyzerTest<CookiePolicyAnalyzer> Test(string program, string guards = Guards)
    {
        var test = ConsentAnalyzerTest<CookiePolicyAnalyzer>.Code(program, CodeManifests.Policy);
        test.TestState.Sources.Add(guards);
        return test;
    }

    private static DiagnosticResult AlwaysTrue(int checks, string first) =>
        new DiagnosticResult(Rules.AlwaysTrueGuard).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(checks, first);

    [Fact]
    public async Task Policy_that_never_requires_consent_is_reported_once_at_UseCookiePolicy_with_the_CanTrack_checks()
    {
        var test = Test(Program(
            "services.AddCookiePolicy(options => options.MinimumSameSitePolicy = SameSiteMode.Lax);",
            "{|#0:app.UseCookiePolicy()|};\n        app.UseCookiePolicy();"));
        test.ExpectedDiagnostics.Add(AlwaysTrue(2, "Test2.cs(8)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task With_UseCookiePolicy_in_several_files_only_the_first_file_in_compilation_order_reports()
    {
        var test = Test(Program("", "{|#0:app.UseCookiePolicy()|};"));
        test.TestState.Sources.Add("""
            using Microsoft.AspNetCore.Builder;

            static class Admin
            {
                static void Pipeline(IApplicationBuilder admin) => admin.UseCookiePolicy();
            }
            """);
        test.ExpectedDiagnostics.Add(AlwaysTrue(2, "Test2.cs(8)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Policy_with_no_configuration_at_all_is_reported()
    {
        var test = Test(Program("services.AddRazorPages();", "{|#0:app.UseCookiePolicy()|};"));
        test.ExpectedDiagnostics.Add(AlwaysTrue(2, "Test2.cs(8)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Options_passed_to_UseCookiePolicy_without_CheckConsentNeeded_are_reported()
    {
        var test = Test(Program("", "{|#0:app.UseCookiePolicy(new CookiePolicyOptions { MinimumSameSitePolicy = SameSiteMode.Strict })|};"));
        test.ExpectedDiagnostics.Add(AlwaysTrue(2, "Test2.cs(8)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task An_app_member_named_CheckConsentNeeded_does_not_count()
    {
        var test = Test(Program("var settings = new Settings { CheckConsentNeeded = true };", "{|#0:app.UseCookiePolicy()|};")
            + "\nclass Settings { public bool CheckConsentNeeded { get; set; } }");
        test.ExpectedDiagnostics.Add(AlwaysTrue(2, "Test2.cs(8)"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("services.AddCookiePolicy(options => options.CheckConsentNeeded = context => true);")]
    [InlineData("services.AddCookiePolicy(options => { options.CheckConsentNeeded = context => context.Request.Path != \"/health\"; });")]
    [InlineData("services.Configure<CookiePolicyOptions>(options => options.CheckConsentNeeded = _ => true);")]
    [InlineData(
        "services.Configure<CookiePolicyOptions>(Configure); static void Configure(CookiePolicyOptions o) => o.CheckConsentNeeded = _ => true;")]
    [InlineData("var policy = new CookiePolicyOptions { CheckConsentNeeded = _ => true }; services.AddSingleton(policy);")]
    [InlineData(
        "services.PostConfigure<CookiePolicyOptions>(o => { System.Func<HttpContext, bool> check = _ => true; o.CheckConsentNeeded = check; });")]
    [InlineData("typeof(CookiePolicyOptions).GetProperty(\"CheckConsentNeeded\");")]
    [InlineData("dynamic options = services; options.CheckConsentNeeded = null;")]
    public async Task Policy_that_sets_CheckConsentNeeded_anywhere_or_perhaps_is_silent(string services) =>
        await Test(Program(services)).RunAsync();

    [Fact]
    public async Task CheckConsentNeeded_set_in_another_file_is_silent()
    {
        var test = Test(Program("services.AddCookiePolicy(o => { });"));
        test.TestState.Sources.Add("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Options;

            sealed class CookiePolicySetup : IConfigureOptions<CookiePolicyOptions>
            {
                public void Configure(CookiePolicyOptions options) => options.CheckConsentNeeded = _ => true;
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Options_passed_to_UseCookiePolicy_with_CheckConsentNeeded_are_silent() =>
        await Test(Program("", "app.UseCookiePolicy(new CookiePolicyOptions { CheckConsentNeeded = _ => true });")).RunAsync();

    [Fact]
    public async Task Without_UseCookiePolicy_the_feature_is_missing_and_nothing_is_reported() =>
        await Test(Program("services.AddCookiePolicy(o => { });", "app.UseRouting();")).RunAsync();

    [Fact]
    public async Task Only_HasConsent_checks_are_not_reported()
    {
        var guards = Guards.Replace("{|#1:CanTrack|} == true", "HasConsent == true").Replace("{ {|#2:CanTrack|}: true }", "{ HasConsent: true }");
        await Test(Program(""), guards).RunAsync();
    }

    [Fact]
    public async Task An_own_ITrackingConsentFeature_is_silent()
    {
        var test = Test(Program(""));
        test.TestState.Sources.Add("""
            using Microsoft.AspNetCore.Http.Features;

            sealed class BannerConsent : ITrackingConsentFeature
            {
                public bool IsConsentNeeded => true;
                public bool HasConsent { get; private set; }
                public bool CanTrack => HasConsent;
                public void GrantConsent() => HasConsent = true;
                public void WithdrawConsent() => HasConsent = false;
                public string CreateConsentCookie() => "";
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Configuration_possibly_in_a_referenced_library_is_silent()
    {
        var library = await CookieWriteAnalyzerTests.CompileLibraryAsync("Shared.Policy", """
            using Microsoft.Extensions.DependencyInjection;

            namespace Shared.Policy
            {
                public static class PolicyExtensions
                {
                    public static IServiceCollection AddSharedCookiePolicy(this IServiceCollection services) =>
                        services.AddCookiePolicy(options => options.CheckConsentNeeded = _ => true);
                }
            }
            """);
        var test = Test(Program("Shared.Policy.PolicyExtensions.AddSharedCookiePolicy(services);"));
        test.TestState.AdditionalReferences.Add(library);
        await test.RunAsync();
    }

    [Fact]
    public async Task ConsentGuard_and_manifest_guards_are_unaffected()
    {
        await OtherGuards<CookiePolicyAnalyzer>().RunAsync();
        await OtherGuards<CookieWriteAnalyzer>().RunAsync(); // still consent checks: the guarded writes are not CG0105
    }

    private static ConsentAnalyzerTest<TAnalyzer> OtherGuards<TAnalyzer>()
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var manifest = CodeManifests.Policy.Replace("\"cookies\": [",
            "\"guards\": [ { \"api\": \"Banner.Allowed\", \"category\": \"analytics\" } ],\n  \"cookies\": [", StringComparison.Ordinal);
        var test = ConsentAnalyzerTest<TAnalyzer>.Code(Program(""), manifest);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        test.TestState.Sources.Add("""
            using Microsoft.AspNetCore.Http;
            using TestProject;

            static class Banner { public static bool Allowed(HttpContext http) => http.Request.Cookies["app_consent"] == "yes"; }

            class Tracking
            {
                void Visit(HttpContext http, IConsent consent)
                {
                    if (consent.AnalyticsAllowed) http.Response.Cookies.Append("_ga", "1");
                    if (Banner.Allowed(http)) http.Response.Cookies.Append("_ga", "2");
                }
            }
            """);
        return test;
    }

    [Fact]
    public async Task Writes_under_an_always_true_CanTrack_are_not_reported_again_as_unguarded()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code(Program(""), CodeManifests.Policy);
        test.TestState.Sources.Add(Guards.Replace("{|#1:", "").Replace("{|#2:", "").Replace("CanTrack|}", "CanTrack"));
        await test.RunAsync();
    }
}
