using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Corpus.Web.Analytics;

public sealed record AnalyticsEvent(string Name, IReadOnlyDictionary<string, object> Properties);

// Server-side measurement (no script in the page): the typed HttpClient posts to the collectors itself, so the consent
// check is on the server too.
public sealed class ServerSideAnalytics(HttpClient http, IHttpContextAccessor accessor, IConsent consent)
{
    private const string Collector = "https://collect.example.com/v2/batch";
    private const string GaCollect = "https://www.google-analytics.com/mp/collect?measurement_id=G-CORPUS1&api_secret=k3y";

    private bool CanTrack => accessor.HttpContext?.Features.Get<ITrackingConsentFeature>()?.CanTrack == true;

    public async Task SendAsync(AnalyticsEvent e, CancellationToken cancellationToken)
    {
        if (!consent.AnalyticsAllowed)
        {
            return;
        }

        using var response = await http.PostAsJsonAsync(Collector, new[] { e }, cancellationToken);
        response.EnsureSuccessStatusCode();

        using var request = new HttpRequestMessage(HttpMethod.Post, GaCollect) { Content = JsonContent.Create(new { client_id = "555.1", events = new[] { new { name = e.Name } } }) };
        await http.SendAsync(request, cancellationToken);
    }

    public async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        // CanTrack wraps the feature, but is not marked [ConsentGuard]: the analyzers cannot know it is a consent check.
        if (CanTrack)
        {
            await http.PostAsync(new Uri("https://collect.example.com/v2/heartbeat"), null, cancellationToken); // expect: CG0202
        }
    }

    public async Task SendMany(IEnumerable<AnalyticsEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            if (!consent.IsGranted(ConsentCategory.Analytics))
            {
                break;
            }

            await http.PostAsJsonAsync($"https://collect.example.com/v2/events/{Uri.EscapeDataString(e.Name)}", e.Properties, cancellationToken);
        }
    }

    public Task<HttpResponseMessage> DebugAsync(AnalyticsEvent e) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://www.google-analytics.com/debug/mp/collect") { Content = JsonContent.Create(e) }); // expect: CG0202

    public async Task ForwardToSegmentAsync(AnalyticsEvent e, CancellationToken cancellationToken)
    {
        if (consent.AnalyticsAllowed)
        {
            await http.PostAsJsonAsync("https://api.segment.io/v1/track", new { @event = e.Name, properties = e.Properties }, cancellationToken); // expect: CG0201
        }
    }

    public Task<string> FetchExchangeRatesAsync(CancellationToken cancellationToken) =>
        http.GetStringAsync("https://api.frankfurter.app/latest?from=EUR", cancellationToken);
}
