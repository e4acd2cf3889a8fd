using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Corpus.Web.Analytics;

// Reads the client id that gtag.js stored in the _ga cookie ("GA1.1.1234567890.1700000000") so server-side events
// join the same session. Reading a cookie needs no consent; sending the event does.
public static class GaClientId
{
    public static string? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue("_ga", out var value) || value.Split('.') is not { Length: 4 } parts)
        {
            return null;
        }

        return parts[2] + "." + parts[3];
    }

    public static string? SessionId(HttpRequest request, string measurementId) =>
        request.Cookies[ConsentCookies.GaName(measurementId.Replace("G-", ""))]?.Split('.') is { Length: > 2 } parts ? parts[2] : null;

    public static void Ensure(HttpContext context)
    {
        if (context.Features.Get<ITrackingConsentFeature>() is not { CanTrack: true })
        {
            return;
        }

        if (Read(context.Request) is null)
        {
            var id = $"GA1.1.{Random.Shared.Next()}.{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}";
            context.Response.Cookies.Append(ConsentCookies.Ga, id, new CookieOptions { MaxAge = TimeSpan.FromDays(730), SameSite = SameSiteMode.Lax }); // expect: CG0111
        }
    }

    // Safari caps script-written cookies at 7 days; rewriting _ga from the server keeps the client id for two years.
    // IsEssential = true makes ASP.NET Core's cookie policy write it even without consent.
    public static void ExtendLifetime(HttpContext context)
    {
        if (context.Request.Cookies[ConsentCookies.Ga] is { } value)
        {
            context.Response.Cookies.Append(ConsentCookies.Ga, value, new CookieOptions { MaxAge = TimeSpan.FromDays(730), IsEssential = true }); // expect: CG0105, CG0106, CG0111
        }
    }

    public static void StartSession(HttpContext context, IConsent consent, string measurementId)
    {
        if (!consent.AnalyticsAllowed)
        {
            return;
        }

        var options = new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(730), // expect: CG0111
            SameSite = SameSiteMode.Lax,
            IsEssential = true, // expect: CG0106
        };
        context.Response.Cookies.Append(ConsentCookies.GaName(measurementId.Replace("G-", "")), $"GS1.1.{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.1.0", options);
    }

    public static async Task SendAsync(HttpClient http, HttpContext context, string eventName, CancellationToken cancellationToken)
    {
        var clientId = Read(context.Request);
        if (clientId is null)
        {
            return; // no _ga cookie, so no consent was ever given on this device
        }

        await http.PostAsJsonAsync("https://www.google-analytics.com/mp/collect?measurement_id=G-CORPUS1&api_secret=k3y", new { client_id = clientId, events = new[] { new { name = eventName } } }, cancellationToken); // expect: CG0202
    }

    public static void Rotate(HttpResponse response, string clientId, IConsent consent)
    {
        response.Cookies.Delete(ConsentCookies.Ga);
        if (consent.IsGranted(ConsentCategory.Analytics) is true)
        {
            response.Cookies.Append(ConsentCookies.Ga, clientId, new CookieOptions { MaxAge = TimeSpan.FromDays(730), IsEssential = false }); // expect: CG0111
        }
    }
}
