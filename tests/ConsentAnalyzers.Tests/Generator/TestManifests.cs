namespace ConsentAnalyzers.Tests.Generator;

internal static class TestManifests
{
    /// <summary>A small policy in the shape of a real one: exact names, patterns, both storage areas, trackers.</summary>
    public const string Policy = """
        {
          "version": 1,
          "categories": {
            "necessary": { "title": "Strictly Necessary", "essential": true, "description": "Required to run the site." },
            "functional": { "title": "Functional" },
            "analytics": { "title": "Analytics and Performance" },
            "advertising": { "title": "Advertising and Attribution", "optOutSignals": ["gpc"] },
          },
          "cookies": [
            { "name": "sb-*", "category": "necessary", "provider": "Supabase", "purpose": "Keeps you signed in.", "duration": "Session" },
            { "name": "_ga", "category": "analytics", "provider": "Google Analytics", "purpose": "Distinguishes users & sessions <anonymously>.", "duration": "2 years" },
            { "name": "_ga_*", "category": "analytics", "provider": "Google Analytics", "purpose": "Keeps session state.", "duration": "2 years" },
            { "name": "_gcl_*", "category": "advertising", "provider": "Google Ads", "duration": "90 days" },
            { "name": "_gcl_au", "category": "advertising", "provider": "Google Ads", "purpose": "Conversion linker." },
          ],
          "storage": [
            { "key": "landing_page", "area": "session", "category": "analytics", "purpose": "First page of the visit." },
            { "key": "gclid", "area": "session", "category": "advertising" },
            { "key": "generate_form_draft", "area": "local", "category": "functional" },
            { "key": "return_page", "area": "local", "category": "functional" },
            { "key": "return_page", "area": "session", "category": "functional" },
            { "key": "draft:*", "area": "local", "category": "functional" },
          ],
          "trackers": [
            { "use": "google-analytics", "category": "analytics" },
            { "url": "https://collect.example.com/*", "category": "analytics", "provider": "Example" },
          ],
        }
        """;
}
