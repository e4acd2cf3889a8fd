using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Analyzers;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Scripts;

/// <summary>Google Consent Mode in Razor markup: CG0206 once per page, CG0207 in the order the page writes its scripts.</summary>
public class ConsentModeRazorTests
{
    private static readonly string Unmapped = TrackingCallAnalyzerTests.WithoutConsentMode(ScriptAnalyzerTests.Manifest);

    private const string Loader = """<script async src=\"{|#0:https://www.googletagmanager.com/gtag/js?id=G-1|}\"></script>""";

    private const string Config = """<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-1');</script>""";

    [Fact]
    public Task The_Google_tag_in_a_page_whose_manifest_maps_no_category_is_one_CG0206() =>
        MarkupAnalyzerTests.Verify(Unmapped,
            $$"""
            if (Consent.AnalyticsAllowed)
            {
                WriteLiteral("{{Loader}}\n");
                WriteLiteral("{{Config}}");
            }
            """,
            new DiagnosticResult(Rules.ConsentModeNotMapped).WithLocation(0).WithArguments("Google Analytics", "analytics", "\"analytics_storage\""));

    [Fact]
    public Task The_loader_before_the_default_script_is_CG0207() =>
        MarkupAnalyzerTests.Verify(ScriptAnalyzerTests.Manifest,
            $$"""
            if (Consent.AnalyticsAllowed)
            {
                WriteLiteral("{{Loader}}\n");
                WriteLiteral("<script>\n  function gtag(){dataLayer.push(arguments);}\n  {|#1:gtag|}('consent', 'default', { analytics_storage: 'denied' });\n</script>");
            }
            """,
            new DiagnosticResult(Rules.ConsentDefaultAfterGoogleTag).WithLocation(0).WithLocation(1).WithArguments("Google Analytics", "loaded", 17));

    /// <summary>The layout of CG0207's page: the loader, then a script whose default's values C# renders.</summary>
    [Fact]
    public Task The_loader_before_a_default_that_Csharp_renders_is_CG0207() =>
        MarkupAnalyzerTests.Verify(ScriptAnalyzerTests.Manifest,
            """
            if (Consent.AnalyticsAllowed)
            {
                WriteLiteral("<script async src=\"{|#0:https://www.googletagmanager.com/gtag/js?id=G-XXXXXXX|}\"></script>\n<script>\n    window.dataLayer = window.dataLayer || [];\n    function gtag(){dataLayer.push(arguments);}\n    {|#1:gtag|}('consent', 'default', ");
                Write(Consent);
                WriteLiteral(");\n    gtag('js', new Date());\n    gtag('config', 'G-XXXXXXX');\n</script>");
            }
            """,
            new DiagnosticResult(Rules.ConsentDefaultAfterGoogleTag).WithLocation(0).WithLocation(1).WithArguments("Google Analytics", "loaded", 16));

    /// <summary>
    /// A script inserted by one script element may run before the page's next element: a default there comes too late.
    /// </summary>
    [Fact]
    public Task A_loader_inserted_by_one_script_before_the_default_of_the_next_is_CG0207() =>
        MarkupAnalyzerTests.Verify(ScriptAnalyzerTests.Manifest,
            """
            if (Consent.AnalyticsAllowed)
            {
                WriteLiteral("<script>\n  const s = document.createElement('script');\n  s.src = '{|#0:https://www.googletagmanager.com/gtag/js?id=G-1|}';\n  document.head.appendChild(s);\n</script>\n");
                WriteLiteral("<script>\n  function gtag(){dataLayer.push(arguments);}\n  {|#1:gtag|}('consent', 'default', { analytics_storage: 'denied' });\n</script>");
            }
            """,
            new DiagnosticResult(Rules.ConsentDefaultAfterGoogleTag).WithLocation(0).WithLocation(1).WithArguments("Google Analytics", "loaded", 17));

    [Theory]
    // An inline script that inserts the loader, then sets the default: the inserted script runs after this one.
    [InlineData("""
        if (Consent.AnalyticsAllowed)
        {
            WriteLiteral("<script>\n  const s = document.createElement('script');\n  s.src = 'https://www.googletagmanager.com/gtag/js?id=G-1';\n  document.head.appendChild(s);\n  window.dataLayer = window.dataLayer || [];\n  function gtag(){dataLayer.push(arguments);}\n  gtag('consent', 'default', { analytics_storage: 'denied' });\n  gtag('config', 'G-1');\n</script>");
        }
        """)]
    // CG0207's corrected layout: the default in a script of its own, before the loader.
    [InlineData("""
        if (Consent.AnalyticsAllowed)
        {
            WriteLiteral("<script>\n    window.dataLayer = window.dataLayer || [];\n    function gtag(){dataLayer.push(arguments);}\n    gtag('consent', 'default', ");
            Write(Consent);
            WriteLiteral(");\n</script>\n<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-XXXXXXX\"></script>\n<script>\n    gtag('js', new Date());\n    gtag('config', 'G-XXXXXXX');\n</script>");
        }
        """)]
    // Google's order: the default, then the loader and the config.
    [InlineData("""
        WriteLiteral("<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('consent', 'default', { analytics_storage: 'denied' });</script>\n");
        if (Consent.AnalyticsAllowed) { WriteLiteral("<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script>"); }
        if (Consent.AnalyticsAllowed) { WriteLiteral("<script>gtag('js', new Date()); gtag('config', 'G-1');</script>"); }
        """)]
    // The default's values rendered by C# inside the inline script: the markup is cut at the expression.
    [InlineData("""
        WriteLiteral("<script>\n  function gtag(){dataLayer.push(arguments);}\n  gtag('consent', 'default', ");
        Write(Consent);
        WriteLiteral(");\n</script>\n");
        if (Consent.AnalyticsAllowed) { WriteLiteral("<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script><script>gtag('config', 'G-1');</script>"); }
        """)]
    // The layout's default only (the config is in a script file): nothing to compare.
    [InlineData("""WriteLiteral("<script>function gtag(){dataLayer.push(arguments);} gtag('consent', 'default', { analytics_storage: 'denied' });</script><script src=\"/js/analytics.js\"></script>");""")]
    // A section's markup runs where the layout renders it: not ordered against the page's own.
    [InlineData("""
        DefineSection("Scripts", async () => { await Task.Yield(); if (Consent.AnalyticsAllowed) { WriteLiteral("<script>gtag('config', 'G-1');</script>"); } });
        WriteLiteral("<script>gtag('consent', 'default', { analytics_storage: 'denied' });</script>");
        """)]
    // A blocked script (a consent manager's) does not run; a config in a function of an interrupted script is in no known scope.
    [InlineData("""
        if (Consent.AnalyticsAllowed)
        {
            WriteLiteral("<script type=\"text/plain\" src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script><script>\n  function later() {\n    gtag('config', '");
            Write(Consent);
            WriteLiteral("');\n  }\n  gtag('consent', 'default', { analytics_storage: 'denied' });\n</script>");
        }
        """)]
    public Task No_CG0207_for_the_right_order_or_an_order_the_page_does_not_show(string body) =>
        MarkupAnalyzerTests.Verify(ScriptAnalyzerTests.Manifest, body);
}
