using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>
/// The cookie policy's consent cookie: <c>ITrackingConsentFeature.GrantConsent()</c> appends it and
/// <c>CreateConsentCookie()</c> returns its Set-Cookie string for a script to write, under
/// <c>CookiePolicyOptions.ConsentCookie.Name</c> (<c>.AspNet.Consent</c> unless the app names it).
/// </summary>
public class ConsentCookieTests
{
    internal const string GrantNote =
        " (the default name of the consent cookie, which GrantConsent writes; " +
        "declare it, or name the cookie with CookiePolicyOptions.ConsentCookie.Name)";
    internal const string CreateNote =
        " (the default name of the consent cookie, whose Set-Cookie string CreateConsentCookie returns for a script to write; " +
        "declare it, or name the cookie with CookiePolicyOptions.ConsentCookie.Name)";

    private static string Endpoint(string body) => $$"""
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.Features;

        class Banner
        {
            string? Handle(HttpContext http, ITrackingConsentFeature feature)
            {
        {{body}}
            }
        }
        """;

    private static ConsentAnalyzerTest<CookieWriteAnalyzer> Test(string manifest, bool guards, params string[] sources)
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code(sources[0], manifest);
        foreach (var source in sources.Skip(1))
        {
            test.TestState.Sources.Add(source);
        }

        if (!guards)
        {
            test.DisabledDiagnostics.AddRange(CookieWriteAnalyzerTests.GuardRules);
        }

        return test;
    }

    private static string Declaring(string category) => CodeManifests.Policy.Replace(
        """{ "name": "theme", "category": "functional" },""",
        $$"""
        { "name": "theme", "category": "functional" },
            { "name": ".AspNet.Consent", "category": "{{category}}" },
        """);

    [Fact]
    public async Task GrantConsent_and_CreateConsentCookie_write_the_consent_cookie_under_its_default_name()
    {
        var test = Test(CodeManifests.Policy, false, Endpoint("""
                http.Features.Get<ITrackingConsentFeature>()?{|#0:.GrantConsent()|};
                {|#1:feature.GrantConsent()|};
                feature.WithdrawConsent();
                return {|#2:feature.CreateConsentCookie()|};
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments(".AspNet.Consent", GrantNote));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(1).WithArguments(".AspNet.Consent", GrantNote));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(2).WithArguments(".AspNet.Consent", CreateNote));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("necessary")]
    [InlineData("functional")]
    public async Task The_declared_consent_cookie_is_the_consent_record_and_needs_no_guard(string category)
    {
        await Test(Declaring(category), true, Endpoint("""
                feature.GrantConsent();
                return feature.CreateConsentCookie();
            """)).RunAsync();
    }

    [Fact]
    public async Task A_consent_cookie_named_anywhere_is_checked_where_it_is_named_not_at_the_writes()
    {
        var test = Test(CodeManifests.Policy, false, Endpoint("""
                feature.GrantConsent();
                return feature.CreateConsentCookie();
            """), """
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services) =>
                    services.AddCookiePolicy(options => options.ConsentCookie.Name = {|#0:"consent"|});
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments("consent", ""));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_consent_feature_of_the_project_is_its_own_cookie()
    {
        await Test(CodeManifests.Policy, false, Endpoint("""
                feature.GrantConsent();
                return null;
            """), """
            using Microsoft.AspNetCore.Http.Features;

            class MyConsent : ITrackingConsentFeature
            {
                public bool IsConsentNeeded => true;
                public bool HasConsent => false;
                public bool CanTrack => false;
                public string CreateConsentCookie() => "my_consent=yes";
                public void GrantConsent() { }
                public void WithdrawConsent() { }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Another_member_named_ConsentCookie_does_not_name_the_consent_cookie()
    {
        var test = Test(CodeManifests.Policy, false, Endpoint("""
                var header = Headers.ConsentCookie("yes");
                {|#0:feature.GrantConsent()|};
                return header;
            """), """
            static class Headers
            {
                public static string ConsentCookie(string value) => value;
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments(".AspNet.Consent", GrantNote));
        await test.RunAsync();
    }

    [Fact]
    public async Task Longer_names_that_begin_with_ConsentCookie_neither_name_the_cookie_nor_hide_a_ConsentCookie_beside_them()
    {
        var test = Test(CodeManifests.Policy, false, Endpoint("""
                var names = ConsentCookieNames.All + ConsentCookies_2.Count;
                {|#0:feature.GrantConsent()|};
                return names;
            """), """
            static class ConsentCookieNames { public const string All = "all"; }
            static class ConsentCookies_2 { public const int Count = 2; }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments(".AspNet.Consent", GrantNote));
        await test.RunAsync();

        test = Test(CodeManifests.Policy, false, Endpoint("""
                feature.GrantConsent();
                return null;
            """), """
            using Microsoft.Extensions.DependencyInjection;

            static class ConsentCookieNames { public const string All = "all"; }

            static class Startup
            {
                static void Configure(IServiceCollection services) =>
                    services.AddCookiePolicy(options => { var all = ConsentCookieNames.All; options.ConsentCookie.Name = {|#0:"consent"|}; });
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments("consent", ""));
        await test.RunAsync();
    }
}
