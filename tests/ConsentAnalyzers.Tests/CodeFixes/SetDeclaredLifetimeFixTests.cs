using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.CodeFixes.Cookies;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Analyzers;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>CG0110 "Set the declared lifetime": the written lifetime becomes the declared one; a session cookie loses MaxAge or Expires.</summary>
public class SetDeclaredLifetimeFixTests
{
    private static CSharpFixTest<SetDeclaredLifetimeCodeFixProvider> Test(string code, string fixedCode) =>
        new CSharpFixTest<SetDeclaredLifetimeCodeFixProvider>(code, fixedCode, CookieLifetimeAnalyzerTests.Manifest)
            .WithAnalyzer(new CookieLifetimeAnalyzer())
            .Disable(DiagnosticIds.UnguardedWrite);

    private static string InMethod(string body) => $$"""
        using System;
        using Microsoft.AspNetCore.Http;

        class Endpoint
        {
            void Handle(HttpContext http)
            {
        {{body}}
            }
        }
        """;

    private static Task Verify(string body, string fixedBody) => Test(InMethod(body), InMethod(fixedBody)).RunAsync();

    [Fact]
    public Task A_too_long_MaxAge_becomes_the_declared_lifetime_in_days() => Test(
        InMethod("""
                http.Response.Cookies.Append("theme", "dark", new CookieOptions { MaxAge = {|CG0110:TimeSpan.FromDays(400)|} });
        """),
        InMethod("""
                http.Response.Cookies.Append("theme", "dark", new CookieOptions { MaxAge = TimeSpan.FromDays(365) });
        """)).WithAction("Set the declared lifetime", "CG0110.SetDeclaredLifetime").RunAsync();

    [Theory]
    [InlineData("""{ Expires = {|CG0110:DateTimeOffset.UtcNow.AddDays(400)|} }""", """{ Expires = DateTimeOffset.UtcNow.AddYears(1) }""")]
    [InlineData("""{ Expires = {|CG0110:DateTime.Now.AddMonths(13)|} }""", """{ Expires = DateTime.Now.AddYears(1) }""")]
    [InlineData("""{ Expires = {|CG0110:DateTimeOffset.UtcNow + TimeSpan.FromDays(400)|} }""", """{ Expires = DateTimeOffset.UtcNow.AddYears(1) }""")]
    [InlineData("""{ MaxAge = {|CG0110:new TimeSpan(400, 0, 0, 0)|}, HttpOnly = true }""", """{ MaxAge = TimeSpan.FromDays(365), HttpOnly = true }""")]
    public Task The_theme_cookie_gets_one_year(string options, string fixedOptions) => Verify(
        $$"""        http.Response.Cookies.Append("theme", "dark", new CookieOptions {{options}});""",
        $$"""        http.Response.Cookies.Append("theme", "dark", new CookieOptions {{fixedOptions}});""");

    [Fact]
    public Task An_expiry_in_days_adds_the_declared_days_to_the_same_now() => Verify(
        """        http.Response.Cookies.Append("recent", "1", new CookieOptions { Expires = {|CG0110:DateTime.UtcNow.AddMonths(2)|} });""",
        """        http.Response.Cookies.Append("recent", "1", new CookieOptions { Expires = DateTime.UtcNow.Add(TimeSpan.FromDays(30)) });""");

    [Fact]
    public Task A_value_from_a_local_is_replaced_where_it_is_assigned() => Verify(
        """
                var lifetime = TimeSpan.FromDays(400);
                var options = new CookieOptions();
                options.MaxAge = {|CG0110:lifetime|};
                http.Response.Cookies.Append("theme", "dark", options);
        """,
        """
                var lifetime = TimeSpan.FromDays(400);
                var options = new CookieOptions();
                options.MaxAge = TimeSpan.FromDays(365);
                http.Response.Cookies.Append("theme", "dark", options);
        """);

    [Fact]
    public Task A_session_cookie_loses_its_MaxAge_element() => Test(
        InMethod("""
                http.Response.Cookies.Append("cart", "1", new CookieOptions { HttpOnly = true, MaxAge = {|CG0110:TimeSpan.FromMinutes(30)|} });
        """),
        InMethod("""
                http.Response.Cookies.Append("cart", "1", new CookieOptions { HttpOnly = true });
        """)).WithAction("Remove MaxAge: the cookie is declared a session cookie", "CG0110.SetDeclaredLifetime").RunAsync();

    [Fact]
    public Task A_session_cookie_loses_its_Expires_statement() => Verify(
        """
                var options = new CookieOptions { HttpOnly = true };
                // a day is enough
                options.Expires = {|CG0110:DateTimeOffset.UtcNow.AddDays(1)|};
                http.Response.Cookies.Append("cart", "1", options);
        """,
        """
                var options = new CookieOptions { HttpOnly = true };
                // a day is enough
                http.Response.Cookies.Append("cart", "1", options);
        """);

    [Fact]
    public Task Fix_all_sets_every_declared_lifetime_in_every_document()
    {
        var test = Test(
            InMethod("""
                    http.Response.Cookies.Append("theme", "dark", new CookieOptions { MaxAge = {|CG0110:TimeSpan.FromDays(400)|} });
                    http.Response.Cookies.Append("cart", "1", new CookieOptions { Expires = {|CG0110:DateTimeOffset.UtcNow.AddHours(2)|} });
                    http.Response.Cookies.Append("recent", "1", new CookieOptions { MaxAge = {|CG0110:TimeSpan.FromDays(31)|} });
            """),
            InMethod("""
                    http.Response.Cookies.Append("theme", "dark", new CookieOptions { MaxAge = TimeSpan.FromDays(365) });
                    http.Response.Cookies.Append("cart", "1", new CookieOptions());
                    http.Response.Cookies.Append("recent", "1", new CookieOptions { MaxAge = TimeSpan.FromDays(30) });
            """));
        test.WithDocument(
            "/0/Other.cs",
            """
            using Microsoft.AspNetCore.Http;

            static class Other
            {
                static void Write(HttpResponse response) =>
                    response.Cookies.Append("theme", "1", new() { MaxAge = {|CG0110:System.TimeSpan.FromDays(380)|} });
            }
            """,
            """
            using System;
            using Microsoft.AspNetCore.Http;

            static class Other
            {
                static void Write(HttpResponse response) =>
                    response.Cookies.Append("theme", "1", new() { MaxAge = TimeSpan.FromDays(365) });
            }
            """);
        return test.RunAsync();
    }
}
