using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Analyzers;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Scripts;

/// <summary>CG0110 and CG0111 in the site's JavaScript: a constant max-age, js-cookie's expires in days.</summary>
public class ScriptCookieLifetimeTests
{
    private static readonly string Manifest = CookieLifetimeAnalyzerTests.Manifest.Replace(
        "  \"cookies\": [",
        """
          "guards": [ { "script": "consent.has", "arguments": { "prefs": "functional", "analytics": "analytics", "ads": "advertising" } } ],
          "cookies": [
        """,
        StringComparison.Ordinal);

    private static Task Verify(string script, params DiagnosticResult[] expected)
    {
        var test = ConsentAnalyzerTest<ScriptAnalyzer>.Code("class Site { }", Manifest);
        test.TestState.AdditionalFiles.Add(("/0/wwwroot/js/site.js", script));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("document.cookie = 'theme=dark; path=/; max-age=31536000';")]
    [InlineData("document.cookie = 'theme=dark; max-age=31622400; path=/';")]
    [InlineData("document.cookie = `theme=${theme}; max-age=${60 * 60 * 24 * 400}`;")]
    [InlineData("document.cookie = 'theme=' + theme + '; max-age=' + age;")]
    [InlineData("document.cookie = 'theme=; max-age=0';")]
    [InlineData("document.cookie = 'cart=; max-age=-1';")]
    [InlineData("document.cookie = 'theme=dark; expires=Fri, 31 Dec 9999 23:59:59 GMT';")]
    [InlineData("document.cookie = 'cart=1; path=/';")]
    [InlineData("Cookies.set('theme', theme, { expires: 365 });")]
    [InlineData("Cookies.set('theme', theme, { expires: days });")]
    [InlineData("Cookies.set('theme', theme, { expires: new Date(2030, 0, 1) });")]
    [InlineData("Cookies.set('cart', id);")]
    [InlineData("document.cookie = 'undeclared_x=1; max-age=99999999';")]
    [InlineData("document.cookie = 'app_consent=1; max-age=63072000';")]
    public Task Lifetimes_within_the_declaration_or_not_constant_report_nothing(string write) =>
        Verify($"if (consent.has('prefs') && consent.has('analytics') && consent.has('ads')) {{ {write} }}",
            write.Contains("undeclared_x", StringComparison.Ordinal)
                ? [new DiagnosticResult(Rules.UndeclaredCookie).WithSpan("/0/wwwroot/js/site.js", 1, 98, 1, 110).WithArguments("undeclared_x", "")]
                : []);

    [Fact]
    public Task Too_long_and_persistent_where_session_are_reported_at_the_attribute() => Verify(
        """
        if (consent.has('prefs') && consent.has('analytics')) {
          document.cookie = 'theme=dark; path=/; {|#0:max-age=34560000|}';
          document.cookie = `cart=${id}; {|#1:Max-Age=1800|}`;
          document.cookie = '_ga=GA1.1.' + id + '; {|#2:max-age=63072000|}; path=/';
          Cookies.set('theme', theme, { expires: {|#3:400|} });
          Cookies.set('_ga_X', id, { expires: {|#4:730|} });
        }
        """,
        new DiagnosticResult(Rules.LifetimeLongerThanDeclared).WithLocation(0)
            .WithArguments("theme", "400 days", "at most 1 year (maxAge \"P1Y\")"),
        new DiagnosticResult(Rules.LifetimeLongerThanDeclared).WithLocation(1)
            .WithArguments("cart", "30 minutes", "a session cookie, gone when the browser closes (maxAge \"session\")"),
        new DiagnosticResult(Rules.LifetimeLongerThanDeclared).WithLocation(2)
            .WithArguments("_ga", "730 days", "at most 13 months (maxAge \"P13M\")"),
        OverCap(2, "_ga", "analytics"),
        new DiagnosticResult(Rules.LifetimeLongerThanDeclared).WithLocation(3)
            .WithArguments("theme", "400 days", "at most 1 year (maxAge \"P1Y\")"),
        new DiagnosticResult(Rules.LifetimeLongerThanDeclared).WithLocation(4)
            .WithArguments("_ga_X", "730 days", "at most 13 months (maxAge \"P13M\")"),
        OverCap(4, "_ga_X", "analytics"));

    [Fact]
    public Task A_max_age_from_a_constant_is_reported_at_the_value() => Verify(
        """
        const TWO_YEARS = 63072000;
        if (consent.has('ads')) {
          document.cookie = {|#0:'promo=1; max-age=' + TWO_YEARS|};
        }
        """,
        OverCap(0, "promo", "advertising"));

    private static DiagnosticResult OverCap(int location, string name, string category) =>
        new DiagnosticResult(Rules.LifetimeOverCap).WithLocation(location).WithArguments(
            $"Cookie '{name}' is written to live 730 days, longer than the lifetime cap of 13 months for what needs consent " +
            $"(category '{category}'): write a shorter lifetime, or set the cap with the MSBuild property ConsentLifetimeCap");
}
