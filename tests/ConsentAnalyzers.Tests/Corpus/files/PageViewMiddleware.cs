using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Corpus.Privacy;
using Microsoft.ApplicationInsights;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Mixpanel;

namespace Corpus.Web.Middleware;

// Server-side page-view measurement for HTML requests, after the response is produced.
public sealed class PageViewMiddleware(RequestDelegate next, ILogger<PageViewMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, TelemetryClient telemetry, MixpanelClient mixpanel, IHttpClientFactory httpClients, IConsent consent, IConsentManager cmp)
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);

        if (!HttpMethods.IsGet(context.Request.Method) || context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) != true)
        {
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        var elapsed = Stopwatch.GetElapsedTime(started);
        logger.LogDebug("Rendered {Path} in {Elapsed}", path, elapsed);

        var tracking = context.Features.Get<ITrackingConsentFeature>();
        if (tracking is null || !tracking.CanTrack)
        {
            return;
        }

        telemetry.TrackPageView(path);
        telemetry.TrackMetric("render_ms", elapsed.TotalMilliseconds);
        await mixpanel.TrackAsync("page_view", context.TraceIdentifier, new { path });

        var http = httpClients.CreateClient("collect");
        await http.PostAsJsonAsync("https://collect.example.com/v1/pageviews", new { path, ms = elapsed.TotalMilliseconds });
        await http.PostAsync($"https://plausible.io/api/event?name=pageview&url={Uri.EscapeDataString(path)}", null);

        if (consent.IsGranted(ConsentCategory.Advertising) && context.Request.Query.ContainsKey("gclid"))
        {
            await http.GetAsync("https://www.googleadservices.com/pagead/conversion/1234567/?label=landing");
        }

        if (cmp.MarketingAllowed)
        {
            Corpus.Telemetry.Tracker.SendConversion("landing:" + path);
        }
    }
}

// Errors are reported whether or not the visitor consented to analytics: the exception telemetry is pseudonymous
// and configured as necessary in this app, so it goes through a logger, not through TelemetryClient.Track*.
public sealed class ErrorReportingMiddleware(RequestDelegate next, ILogger<ErrorReportingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, TelemetryClient telemetry, IConsent consent)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Unhandled exception for {Path}", context.Request.Path);
            if (consent.AnalyticsAllowed)
            {
                telemetry.TrackException(ex);
            }

            throw;
        }
        finally
        {
            telemetry.Flush();
        }
    }
}
