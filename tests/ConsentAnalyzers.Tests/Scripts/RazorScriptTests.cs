using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Analyzers;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Scripts;

/// <summary>Script in Razor markup, read by the same JavaScript analysis as the site's script files.</summary>
public class RazorScriptTests
{
    private static Task Verify(string body, params DiagnosticResult[] expected) =>
        MarkupAnalyzerTests.Verify(ScriptAnalyzerTests.Manifest, body, expected);

    [Theory]
    [InlineData("""WriteLiteral("<script>if (consent.has('analytics')) { gtag('event', 'x'); sessionStorage.setItem('landing_page', '/'); }</script>");""")]
    [InlineData("""WriteLiteral("<script>consent.whenGranted('ads', () => sessionStorage.setItem('gclid', id));</script>");""")]
    [InlineData("""WriteLiteral("<button onclick=\"if (consent.has('prefs')) localStorage.setItem('return_page', location.href)\">Save</button>");""")]
    [InlineData("""WriteLiteral("<button @click=\"consent.has('prefs') && localStorage.setItem('return_page', location.href)\">Save</button>");""")]
    [InlineData("""if (Consent.AnalyticsAllowed) { WriteLiteral("<script>gtag('event', 'x');</script>"); }""")]
    [InlineData("""WriteLiteral("<script type=\"module\">import { go } from '/js/go.js'; if (consent.has('analytics')) { gtag('event', 'x'); }</script>");""")]
    public Task Checks_in_the_script_or_around_the_markup_guard_it(string body) => Verify(body);

    [Fact]
    public Task Handlers_in_html_vue_and_alpine_attributes_are_read() =>
        Verify(
            """
            WriteLiteral("<button onclick=\"localStorage.setItem('{|#0:h1|}', 1)\">A</button>");
            WriteLiteral("<button @click=\"localStorage.setItem('{|#1:h2|}', 1)\">B</button>");
            WriteLiteral("<button v-on:click.prevent='localStorage.setItem(\"{|#2:h3|}\", 1)'>C</button>");
            WriteLiteral("<div x-on:click=\"localStorage.setItem('{|#3:h4|}', 1)\" x-init=\"sessionStorage.setItem('{|#4:h5|}', 1)\"></div>");
            """,
            Undeclared(0, "Local-storage", "h1"), Undeclared(1, "Local-storage", "h2"), Undeclared(2, "Local-storage", "h3"),
            Undeclared(3, "Local-storage", "h4"), Undeclared(4, "Session-storage", "h5"));

    [Fact]
    public Task A_script_that_a_Razor_expression_interrupts_is_still_read_by_the_markup_scanner() =>
        Verify(
            """
            WriteLiteral("<script>\n  if (consent.has('analytics')) { localStorage.setItem('{|#0:visit|}', '");
            Write(Model);
            WriteLiteral("'); }\n  {|#1:fbq|}('track', 'PageView');\n</script>");
            """,
            Undeclared(0, "Local-storage", "visit"),
            new DiagnosticResult(Rules.UndeclaredTracker).WithLocation(1).WithArguments("Meta Pixel and Conversions API", "meta-pixel"));

    [Fact]
    public Task A_check_for_another_category_in_the_script_is_CG0203() =>
        Verify(
            """WriteLiteral("<script>if (consent.has('ads')) { {|#0:gtag|}('config', 'G-1'); }</script>");""",
            new DiagnosticResult(Rules.WrongCategoryGuard).WithLocation(0)
                .WithArguments("Tracking call to Google Analytics", "analytics", "'advertising'"));

    private static DiagnosticResult Undeclared(int location, string area, string key) =>
        new DiagnosticResult(Rules.UndeclaredStorageKey).WithLocation(location).WithArguments(area, key, "");
}
