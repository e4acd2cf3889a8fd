using static ConsentAnalyzers.Tests.CodeFixes.ManifestEntryFixTest;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>The "declare in the manifest" fix end to end: the findings, the manifest before and after, and the findings gone.</summary>
public class ManifestEntryFixTests
{
    private const string Manifest = """
        {
          "version": 1,
          "categories": {
            "necessary": { "title": "Strictly Necessary", "essential": true },
            "functional": { "title": "Functional" },
            "advertising": { "title": "Advertising and Attribution" },
          },
          "cookies": [
            { "name": "_ga", "category": "functional" },
          ],
        }
        """;

    /// <summary>Cookie writes under a consent check, so the only findings are the undeclared names.</summary>
    private static string Cookies(string body) => $$"""
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.Features;

        class Endpoint
        {
            void Handle(HttpContext http)
            {
                if (http.Features.Get<ITrackingConsentFeature>()?.CanTrack == true)
                {
        {{body}}
                }
            }
        }
        """;

    [Fact]
    public async Task A_cookie_is_declared_in_the_chosen_category()
    {
        var test = Create(
            Cookies("""            http.Response.Cookies.Append({|CG0101:"_fbp"|}, "1");"""),
            Manifest,
            """
            {
              "version": 1,
              "categories": {
                "necessary": { "title": "Strictly Necessary", "essential": true },
                "functional": { "title": "Functional" },
                "advertising": { "title": "Advertising and Attribution" },
              },
              "cookies": [
                { "name": "_ga", "category": "functional" },
                { "name": "_fbp", "category": "advertising", "provider": "TODO: who sets it (this site or a third party)", "purpose": "TODO: why it is used, as the cookie policy says", "duration": "TODO: how long it is kept (Session, P1Y, 90 days)" },
              ],
            }
            """,
            Key("advertising"));
        await test.RunAsync();
    }
}
