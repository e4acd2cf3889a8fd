using ConsentAnalyzers.CodeFixes.Guards;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>"Guard it" (CG0105, CG0202): which check is chosen, where it goes, and Fix All.</summary>
public class GuardCheckTests
{
    private static GuardFixTest<AddConsentCheckCodeFixProvider> Test(string code, string fixedCode, params string[] sources) =>
        new(code, fixedCode, GuardFixTest<AddConsentCheckCodeFixProvider>.Manifest, sources);

    [Fact]
    public async Task A_ConsentGuard_property_of_an_injected_service_guards_the_write()
    {
        await Test("""
            using Microsoft.AspNetCore.Http;
            using TestProject;

            class Page(IConsent consent)
            {
                void OnGet(HttpResponse response)
                {
                    // remember the visitor
                    {|CG0105:response.Cookies.Append("_ga", "1")|}; // for two years
                    response.Cookies.Append("sb-session", "1");
                }
            }
            """, """
            using Microsoft.AspNetCore.Http;
            using TestProject;

            class Page(IConsent consent)
            {
                void OnGet(HttpResponse response)
                {
                    // remember the visitor
                    if (consent.AnalyticsAllowed)
                    {
                        response.Cookies.Append("_ga", "1"); // for two years
                    }
                    response.Cookies.Append("sb-session", "1");
                }
            }
            """).RunAsync();
    }
}
