namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>The manifest the code-rule tests check against.</summary>
internal static class CodeManifests
{
    public const string Policy = """
        {
          "version": 1,
          "categories": {
            "necessary": { "title": "Strictly Necessary", "essential": true },
            "functional": { "title": "Functional" },
            "analytics": { "title": "Analytics" },
            "advertising": { "title": "Advertising" },
          },
          "cookies": [
            { "name": "sb-*", "category": "necessary" },
            { "name": "app_consent", "category": "necessary" },
            { "name": ".AspNetCore.Session", "category": "necessary" },
            { "name": "_ga", "category": "analytics" },
            { "name": "_ga_*", "category": "analytics" },
            { "name": "_gcl_*", "category": "advertising" },
            { "name": "theme", "category": "functional" },
          ],
          "storage": [
            { "key": "landing_page", "area": "session", "category": "analytics" },
            { "key": "gclid", "area": "session", "category": "advertising" },
            { "key": "draft:*", "area": "local", "category": "functional" },
            { "key": "return_page", "area": "local", "category": "functional" },
            { "key": "return_page", "area": "session", "category": "functional" },
          ],
        }
        """;

}
