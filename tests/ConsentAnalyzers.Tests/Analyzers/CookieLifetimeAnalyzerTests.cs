using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>CG0110 (longer than the declared maxAge) and CG0111 (longer than the lifetime cap) at a cookie write in code.</summary>
public class CookieLifetimeAnalyzerTests
{
    internal const string Manifest = """
        {
          "version": 1,
          "categories": {
            "necessary": { "title": "Strictly Necessary", "essential": true },
            "functional": { "title": "Functional" },
            "analytics": { "title": "Analytics" },
            "advertising": { "title": "Advertising" },
          },
          "cookies": [
            { "name": "app_consent", "category": "necessary", "maxAge": "P2Y" },
            { "name": ".AspNetCore.Session", "category": "necessary", "maxAge": "session" },
            { "name": "theme", "category": "functional", "maxAge": "P1Y" },
            { "name": "cart", "category": "functional", "maxAge": "session" },
            { "name": "recent", "category": "functional", "maxAge": "P30D" },
            { "name": "_ga", "category": "analytics", "maxAge": "P13M" },
            { "name": "_ga_*", "category": "analytics", "maxAge": "P13M" },
            { "name": "promo", "category": "advertising" },
          ],
        }
        """;

    private static ConsentAnalyzerTest<CookieLifetimeAnalyzer> Test(string body) => ConsentAnalyzerTest<CookieLifetimeAnalyzer>.Code($$"""
        using System;
        using Microsoft.AspNetCore.Http;

        static class Lifetimes
        {
            public static readonly TimeSpan TwoYears = TimeSpan.FromDays(730);
            public static readonly TimeSpan OneYear = TimeSpan.FromDays(365);
            public const int Days = 404;
        }

        class Endpoint
        {
            void Handle(HttpContext http, TimeSpan configured, int id, CookieOptions parameterOptions, bool remember)
            {
        {{body}}
            }
        }
        """, Manifest);

    private static Task Verify(string body, params DiagnosticResult[] expected)
    {
        var test = Test(body);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("""http.Response.Cookies.Append("theme", "dark", new CookieOptions { MaxAge = TimeSpan.FromDays(365) });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "dark", new CookieOptions { MaxAge = TimeSpan.FromDays(366) });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "dark", new CookieOptions { MaxAge = Lifetimes.OneYear });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "dark", new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1) });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "dark", new CookieOptions { Expires = DateTimeOffset.UtcNow.AddMonths(12) });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "dark", new CookieOptions { Expires = DateTime.UtcNow.AddDays(365) });""")]
    [InlineData("""http.Response.Cookies.Append("_ga", "1", new CookieOptions { MaxAge = TimeSpan.FromDays(395) });""")]
    [InlineData("""http.Response.Cookies.Append("_ga", "1", new CookieOptions { MaxAge = TimeSpan.FromDays(403) });""")]
    [InlineData("""http.Response.Cookies.Append("_ga", "1", new CookieOptions { Expires = DateTimeOffset.Now.AddMonths(13) });""")]
    [InlineData("""http.Response.Cookies.Append("recent", "1", new CookieOptions { MaxAge = TimeSpan.FromHours(720) });""")]
    [InlineData("""http.Response.Cookies.Append("recent", "1", new CookieOptions { Expires = DateTimeOffset.UtcNow.AddMonths(1) });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "dark", new CookieOptions { MaxAge = configured });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "dark", new CookieOptions { MaxAge = TimeSpan.FromDays(id) });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "dark", new CookieOptions { Expires = DateTime.Today.AddYears(2) });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "dark", new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1).AddDays(30) });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "", new CookieOptions { Expires = DateTimeOffset.UnixEpoch });""")]
    [InlineData("""http.Response.Cookies.Append("cart", "", new CookieOptions { Expires = DateTimeOffset.UtcNow.AddDays(-1) });""")]
    [InlineData("""http.Response.Cookies.Append("cart", "", new CookieOptions { MaxAge = TimeSpan.Zero });""")]
    [InlineData("""http.Response.Cookies.Append("cart", "1", new CookieOptions { HttpOnly = true });""")]
    [InlineData("""http.Response.Cookies.Append("app_consent", "1", new CookieOptions { MaxAge = TimeSpan.FromDays(730) });""")]
    [InlineData("""http.Response.Cookies.Append("undeclared", "1", new CookieOptions { MaxAge = TimeSpan.FromDays(900) });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "dark", parameterOptions);""")]
    [InlineData("""var lifetime = TimeSpan.FromDays(900); lifetime = configured; http.Response.Cookies.Append("theme", "d", new CookieOptions { MaxAge = lifetime });""")]
    [InlineData("""var options = new CookieOptions { MaxAge = TimeSpan.FromDays(900) }; http.Response.Cookies.Delete("theme", options);""")]
    public Task Lifetimes_within_the_declaration_or_unknown_report_nothing(string body) => Verify(body);

    [Theory]
    [InlineData("""http.Response.Cookies.Append("theme", "dark", new CookieOptions { MaxAge = {|CG0110:TimeSpan.FromDays(367)|} });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "dark", new CookieOptions { MaxAge = {|CG0110:new TimeSpan(367, 0, 0, 0)|} });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "dark", new CookieOptions { Expires = {|CG0110:DateTimeOffset.UtcNow.AddMonths(13)|} });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "dark", new CookieOptions { Expires = {|CG0110:DateTime.Now.AddDays(367)|} });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "dark", new CookieOptions { Expires = {|CG0110:DateTimeOffset.UtcNow + TimeSpan.FromDays(400)|} });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "dark", new CookieOptions { Expires = {|CG0110:DateTimeOffset.UtcNow.Add(TimeSpan.FromDays(400))|} });""")]
    [InlineData("""http.Response.Cookies.Append("recent", "1", new CookieOptions { Expires = {|CG0110:DateTimeOffset.UtcNow.AddMonths(2)|} });""")]
    [InlineData("""http.Response.Cookies.Append("cart", "1", new CookieOptions { MaxAge = {|CG0110:TimeSpan.FromMinutes(30)|} });""")]
    [InlineData("""http.Response.Cookies.Append("cart", "1", new CookieOptions { Expires = {|CG0110:DateTimeOffset.UtcNow.AddHours(1)|} });""")]
    [InlineData("""var options = new CookieOptions { MaxAge = {|CG0110:TimeSpan.FromDays(400)|} }; http.Response.Cookies.Append("theme", "d", options);""")]
    [InlineData("""var options = new CookieOptions(); options.MaxAge = {|CG0110:TimeSpan.FromDays(400)|}; http.Response.Cookies.Append("theme", "d", options);""")]
    [InlineData("""var options = new CookieOptions(); if (remember) options.MaxAge = {|CG0110:TimeSpan.FromDays(400)|}; http.Response.Cookies.Append("theme", "d", options);""")]
    [InlineData("""var lifetime = TimeSpan.FromDays(400); http.Response.Cookies.Append("theme", "d", new CookieOptions { MaxAge = {|CG0110:lifetime|} });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "d", new CookieOptions { MaxAge = {|CG0110:TimeSpan.FromSeconds(60 * 60 * 24 * 400)|} });""")]
    [InlineData("""var header = new CookieOptions { MaxAge = {|CG0110:TimeSpan.FromDays(400)|} }.CreateCookieHeader("theme", "dark");""")]
    public Task Lifetimes_longer_than_the_declaration_are_CG0110(string body) => Verify(body);

    [Theory]
    [InlineData("""http.Response.Cookies.Append("_ga", "1", new CookieOptions { MaxAge = {|CG0110:{|CG0111:TimeSpan.FromDays(404)|}|} });""")]
    [InlineData("""http.Response.Cookies.Append("_ga", "1", new CookieOptions { MaxAge = {|CG0110:{|CG0111:TimeSpan.FromDays(Lifetimes.Days)|}|} });""")]
    [InlineData("""http.Response.Cookies.Append($"_ga_{id}", "1", new CookieOptions { MaxAge = {|CG0110:{|CG0111:Lifetimes.TwoYears|}|} });""")]
    [InlineData("""http.Response.Cookies.Append("theme", "d", new CookieOptions { Expires = {|CG0110:{|CG0111:DateTimeOffset.UtcNow.AddYears(2)|}|} });""")]
    [InlineData("""http.Response.Cookies.Append("promo", "1", new CookieOptions { MaxAge = {|CG0111:TimeSpan.FromDays(404)|} });""")]
    [InlineData("""http.Response.Cookies.Append("promo", "1", new CookieOptions { Expires = {|CG0111:DateTimeOffset.UtcNow.AddMonths(14)|} });""")]
    public Task Lifetimes_of_non_essential_cookies_longer_than_the_cap_are_CG0111(string body) => Verify(body);

    [Fact]
    public Task The_messages_say_the_written_and_the_declared_lifetime_and_the_cookie() => Verify(
        """
                http.Response.Cookies.Append("_ga", "1", new CookieOptions { MaxAge = {|#0:TimeSpan.FromDays(404)|} });
                http.Response.Cookies.Append("cart", "1", new CookieOptions { Expires = {|#1:DateTimeOffset.UtcNow.AddHours(1)|} });
        """,
        new DiagnosticResult(Rules.LifetimeLongerThanDeclared).WithLocation(0)
            .WithArguments("_ga", "404 days", "at most 13 months (maxAge \"P13M\")"),
        new DiagnosticResult(Rules.LifetimeOverCap).WithLocation(0).WithArguments(
            "Cookie '_ga' is written to live 404 days, longer than the lifetime cap of 13 months for what needs consent (category 'analytics'): " +
            "write a shorter lifetime, or set the cap with the MSBuild property ConsentLifetimeCap"),
        new DiagnosticResult(Rules.LifetimeLongerThanDeclared).WithLocation(1).WithArguments("cart", "1 hour",
            "a session cookie, gone when the browser closes (maxAge \"session\")"));

    [Fact]
    public Task A_builder_named_beside_its_MaxAge_is_checked() => Verify(
        """
                var builder = new CookieBuilder { Name = "theme", MaxAge = {|CG0110:TimeSpan.FromDays(400)|} };
                var session = new CookieBuilder { Name = ".AspNetCore.Session", MaxAge = {|CG0110:TimeSpan.FromDays(1)|} };
        """);

    [Theory]
    [InlineData("ConsentLifetimeCap = P25M", "")]
    [InlineData("ConsentLifetimeCap = none", "")]
    [InlineData("ConsentLifetimeCap = P1Y", "CG0111")]
    public Task The_cap_is_set_by_the_build_property(string property, string expected)
    {
        var value = expected.Length == 0 ? "TimeSpan.FromDays(700)" : "{|CG0111:TimeSpan.FromDays(700)|}";
        var test = Test($$"""        http.Response.Cookies.Append("promo", "1", new CookieOptions { MaxAge = {{value}} });""")
            .WithGlobalConfig("build_property." + property);
        return test.RunAsync();
    }
}
