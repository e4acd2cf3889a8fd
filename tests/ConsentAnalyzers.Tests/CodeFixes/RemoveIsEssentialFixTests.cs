using ConsentAnalyzers.CodeFixes;
using ConsentAnalyzers.CodeFixes.Cookies;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>CG0106 "Remove IsEssential = true": the assignment goes, and the code around it keeps its shape.</summary>
public class RemoveIsEssentialFixTests
{
    private static CSharpFixTest<RemoveIsEssentialCodeFixProvider> Test(string code, string fixedCode) =>
        new CSharpFixTest<RemoveIsEssentialCodeFixProvider>(code, fixedCode).Disable(DiagnosticIds.UnguardedWrite);

    /// <summary>A method body around <paramref name="body"/>, indented as a method body is.</summary>
    private static string InMethod(string body) => $$"""
        using System;
        using Microsoft.AspNetCore.Http;

        class Endpoint
        {
            void Handle(HttpContext http, bool development)
            {
        {{body}}
            }
        }
        """;

    private static Task Verify(string body, string fixedBody) => Test(InMethod(body), InMethod(fixedBody)).RunAsync();

    /// <summary>For options kept in a local, whose <c>IsEssential = true</c> the analyzer reports away from the write.</summary>
    private static Task VerifyAwayFromTheWrite(string body, string fixedBody) =>
        Test(InMethod(body), InMethod(fixedBody)).AllowNonLocalDiagnostics().RunAsync();

    [Fact]
    public Task The_element_of_a_multi_line_initializer_goes_with_its_line() => Test(
        InMethod("""
                http.Response.Cookies.Append("theme", "dark", new CookieOptions
                {
                    MaxAge = TimeSpan.FromDays(365),
                    {|CG0106:IsEssential = true|},
                    HttpOnly = true,
                });
        """),
        InMethod("""
                http.Response.Cookies.Append("theme", "dark", new CookieOptions
                {
                    MaxAge = TimeSpan.FromDays(365),
                    HttpOnly = true,
                });
        """)).WithAction("Remove IsEssential = true", "CG0106.RemoveIsEssential").RunAsync();

    [Theory]
    [InlineData("""new CookieOptions { Path = "/", {|CG0106:IsEssential = true|} }""", """new CookieOptions { Path = "/" }""")]
    [InlineData("""new CookieOptions { Path = "/", {|CG0106:IsEssential = true|}, HttpOnly = true }""",
        """new CookieOptions { Path = "/", HttpOnly = true }""")]
    [InlineData("""new CookieOptions { {|CG0106:IsEssential = true|}, HttpOnly = true }""", """new CookieOptions { HttpOnly = true }""")]
    [InlineData("""new CookieOptions { {|CG0106:IsEssential = true|} }""", """new CookieOptions()""")]
    [InlineData("""new CookieOptions() { {|CG0106:IsEssential = true|}, }""", """new CookieOptions()""")]
    public Task The_element_of_a_one_line_initializer_goes_with_one_comma(string options, string fixedOptions) => Verify(
        $$"""        http.Response.Cookies.Append("theme", "dark", {{options}});""",
        $$"""        http.Response.Cookies.Append("theme", "dark", {{fixedOptions}});""");

    [Fact]
    public Task The_comma_before_a_last_element_goes_but_not_the_comment_after_it() => Verify(
        """
                http.Response.Cookies.Append("theme", "dark", new CookieOptions
                {
                    Path = "/", // the whole site
                    {|CG0106:IsEssential = true|}
                });
        """,
        """
                http.Response.Cookies.Append("theme", "dark", new CookieOptions
                {
                    Path = "/" // the whole site
                });
        """);

    [Fact]
    public Task An_initializer_left_empty_becomes_an_argument_list() => VerifyAwayFromTheWrite(
        """
                CookieOptions options = new()
                {
                    {|CG0106:IsEssential = true|},
                };
                http.Response.Cookies.Append("theme", "dark", options);
        """,
        """
                CookieOptions options = new();
                http.Response.Cookies.Append("theme", "dark", options);
        """);

    [Fact]
    public Task A_statement_goes_with_its_end_of_line_comment_and_the_comment_above_stays() => VerifyAwayFromTheWrite(
        """
                var options = new CookieOptions();
                // Theme cookie: see the cookie policy.
                {|CG0106:options.IsEssential = true|}; // so that it survives the banner
                http.Response.Cookies.Append("theme", "dark", options);
        """,
        """
                var options = new CookieOptions();
                // Theme cookie: see the cookie policy.
                http.Response.Cookies.Append("theme", "dark", options);
        """);

    [Fact]
    public Task Directives_around_the_statement_stay() => VerifyAwayFromTheWrite(
        """
                var options = new CookieOptions();
        #if !LEGACY_BANNER
                {|CG0106:options.IsEssential = true|};
        #endif
                http.Response.Cookies.Append("theme", "dark", options);
        """,
        """
                var options = new CookieOptions();
        #if !LEGACY_BANNER
        #endif
                http.Response.Cookies.Append("theme", "dark", options);
        """);

    [Fact]
    public async Task The_statement_in_an_options_lambda_goes()
    {
        const string Code = """
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services)
                {
                    services.AddAntiforgery(options =>
                    {
                        options.Cookie.Name = "theme";
                        {|CG0106:options.Cookie.IsEssential = true|};
                    });
                    _ = new Microsoft.AspNetCore.Http.CookieBuilder { Name = "_ga", {|CG0106:IsEssential = true|} };
                }
            }
            """;
        const string Fixed = """
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services)
                {
                    services.AddAntiforgery(options =>
                    {
                        options.Cookie.Name = "theme";
                    });
                    _ = new Microsoft.AspNetCore.Http.CookieBuilder { Name = "_ga" };
                }
            }
            """;
        await Test(Code, Fixed).RunAsync();
    }

    [Fact]
    public async Task A_top_level_statement_goes()
    {
        var test = Test(
            """
            using Microsoft.AspNetCore.Http;

            var options = new CookieOptions();
            {|CG0106:options.IsEssential = true|};
            new DefaultHttpContext().Response.Cookies.Append("theme", "dark", options);
            """,
            """
            using Microsoft.AspNetCore.Http;

            var options = new CookieOptions();
            new DefaultHttpContext().Response.Cookies.Append("theme", "dark", options);
            """).AllowNonLocalDiagnostics();
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task No_fix_is_offered_for_an_embedded_statement()
    {
        var code = InMethod("""
                    var options = new CookieOptions();
                    if (development) {|CG0106:options.IsEssential = true|};
                    http.Response.Cookies.Append("theme", "dark", options);
            """);
        await Test(code, code).AllowNonLocalDiagnostics().RunAsync();
    }

    private static ProjectState SecondProject(string source) => new("Second", LanguageNames.CSharp, "/Second/Test", "cs")
    {
        Sources = { source },
        AdditionalFiles = { ("/Second/consent-manifest.json", CodeManifests.Policy) },
    };

    [Fact]
    public async Task Fix_all_removes_every_assignment_in_every_document_and_project()
    {
        var test = Test(
            InMethod("""
                    var options = new CookieOptions { {|CG0106:IsEssential = true|} };
                    {|CG0106:options.IsEssential = true|};
                    http.Response.Cookies.Append("theme", "dark", options);
                    http.Response.Cookies.Append("_ga", "1", new CookieOptions { Secure = true, {|CG0106:IsEssential = true|} });
            """),
            InMethod("""
                    var options = new CookieOptions();
                    http.Response.Cookies.Append("theme", "dark", options);
                    http.Response.Cookies.Append("_ga", "1", new CookieOptions { Secure = true });
            """)).AllowNonLocalDiagnostics();
        test.WithDocument(
            "/0/Other.cs",
            """
            using Microsoft.AspNetCore.Http;

            static class Other
            {
                static void Write(HttpResponse response) => response.Cookies.Append("_ga", "1", new() { {|CG0106:IsEssential = true|} });
            }
            """,
            """
            using Microsoft.AspNetCore.Http;

            static class Other
            {
                static void Write(HttpResponse response) => response.Cookies.Append("_ga", "1", new());
            }
            """);
        test.TestState.AdditionalProjects.Add("Second", SecondProject("""
                using Microsoft.Extensions.DependencyInjection;

                static class Startup
                {
                    static void Configure(IServiceCollection services) => services.AddAntiforgery(options =>
                    {
                        options.Cookie.Name = "theme";
                        {|CG0106:options.Cookie.IsEssential = true|};
                    });
                }
                """));
        test.FixedState.AdditionalProjects.Add("Second", SecondProject("""
                using Microsoft.Extensions.DependencyInjection;

                static class Startup
                {
                    static void Configure(IServiceCollection services) => services.AddAntiforgery(options =>
                    {
                        options.Cookie.Name = "theme";
                    });
                }
                """));
        await test.RunAsync();
    }
}
