using System.Collections.Concurrent;
using System.Text.Json;
using System.Web;
using Microsoft.Playwright;

namespace ConsentAnalyzers.BrowserTests;

/// <summary>
/// A stand-in for Google's tag (gtag.js), which the test machine cannot download: every request to
/// www.googletagmanager.com is answered with a small script that sets the first-party cookies the real tag sets, on
/// the page's host through <c>document.cookie</c> (<c>_ga</c> and <c>_ga_&lt;id&gt;</c> for a Google Analytics id
/// <c>G-…</c>, <c>_gcl_au</c> for a Google Ads id <c>AW-…</c>), and the tag ids requested are recorded. It checks what
/// the site loads and when, not what Google's code does.
/// </summary>
internal sealed class GoogleTagStub
{
    public const string UrlPattern = "https://www.googletagmanager.com/**";

    private readonly ConcurrentQueue<string> _requestedIds = new();

    /// <summary>The <c>id</c> of every tag request so far (the whole URL where it has none), in request order.</summary>
    public IReadOnlyList<string> RequestedIds => [.. _requestedIds];

    public Task RouteAsync(IBrowserContext context) => context.RouteAsync(UrlPattern, FulfillAsync);

    public void Clear() => _requestedIds.Clear();

    private Task FulfillAsync(IRoute route)
    {
        var url = new Uri(route.Request.Url);
        var id = HttpUtility.ParseQueryString(url.Query)["id"];
        _requestedIds.Enqueue(id ?? url.ToString());
        return route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/javascript",
            Body = Script(id ?? ""),
        });
    }

    private static string Script(string id) => $$"""
        (function () {
            var id = {{JsonSerializer.Serialize(id)}};
            var stamp = Math.floor(Date.now() / 1000);
            function set(name, value) {
                document.cookie = name + '=' + value + '; path=/; max-age=' + (2 * 365 * 24 * 3600) + '; SameSite=Lax';
            }
            if (id.indexOf('G-') === 0) {
                set('_ga', 'GA1.1.' + Math.floor(Math.random() * 1e9) + '.' + stamp);
                set('_ga_' + id.substring(2), 'GS1.1.' + stamp + '.1.0.' + stamp + '.0.0.0');
            } else if (id.indexOf('AW-') === 0) {
                set('_gcl_au', '1.1.' + Math.floor(Math.random() * 1e9) + '.' + stamp);
            }
        })();
        """;
}
