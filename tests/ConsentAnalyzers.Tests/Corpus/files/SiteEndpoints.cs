using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.ApplicationInsights;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Corpus.Web.Endpoints;

// Minimal API endpoints that touch cookies without needing consent: sign-in state, the cart, CSRF tokens, health,
// the cookie list, and cleanup.
public static class SiteEndpoints
{
    public static void MapSiteEndpoints(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok", at = DateTimeOffset.UtcNow }));

        app.MapGet("/api/cookies", () => ConsentManifest.Cookies.Select(c => new { c.Name, c.Category, c.Purpose, c.Duration }));

        app.MapGet("/api/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return Results.Ok(new { tokens.RequestToken, tokens.HeaderName });
        });

        app.MapPost("/api/cart", (HttpContext context) =>
        {
            var cartId = context.Request.Cookies[ConsentCookies.CartId] ?? Guid.NewGuid().ToString("N");
            context.Response.Cookies.Append(ConsentCookies.CartId, cartId, new CookieOptions { HttpOnly = true, Secure = true, IsEssential = true });
            return Results.Ok(cartId);
        });

        app.MapPost("/api/session/{project}", (string project, string token, HttpContext context) =>
        {
            context.Response.Cookies.Append(ConsentCookies.SbName(project + "-auth-token"), token, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax });
            context.Response.Cookies.Append("sb-" + project + "-auth-token.0", token[..Math.Min(token.Length, 3000)]);
            return Results.NoContent();
        });

        app.MapDelete("/api/session", (HttpContext context) =>
        {
            foreach (var name in context.Request.Cookies.Keys.Where(n => n.StartsWith(ConsentCookies.SbPrefix, StringComparison.Ordinal)))
            {
                context.Response.Cookies.Delete(name, new CookieOptions { Path = "/" });
            }

            return Results.NoContent();
        });

        app.MapGet("/api/consent/status", (HttpContext context) =>
        {
            var feature = context.Features.Get<ITrackingConsentFeature>();
            return Results.Ok(new { needed = feature?.IsConsentNeeded ?? true, given = feature?.HasConsent ?? false });
        });

        app.MapGet("/api/songs/{id}", async (string id, IHttpClientFactory factory, CancellationToken cancellationToken) =>
        {
            var http = factory.CreateClient("songs");
            var song = await http.GetStringAsync($"https://api.example.com/songs/{Uri.EscapeDataString(id)}", cancellationToken);
            return Results.Content(song, "application/json");
        });

        app.MapPost("/api/errors", (ClientError error, ILogger<ClientError> logger, TelemetryClient telemetry) =>
        {
            logger.LogWarning("Client error {Message} at {Url}", error.Message, error.Url);
            telemetry.Flush();
            return Results.Accepted();
        });

        app.MapPost("/api/theme/{theme}", (string theme, HttpContext context, IConsent consent) =>
        {
            if (!consent.IsGranted(ConsentCategory.Functional))
            {
                return Results.Ok(new { persisted = false });
            }

            context.Response.Cookies.Append(ConsentCookies.Theme, theme);
            return Results.Ok(new { persisted = true });
        });

        app.MapPost("/api/promo/{campaign}", (string campaign, HttpContext context, IConsent consent) =>
        {
            if (consent.IsGranted(ConsentCategory.Advertising))
            {
                context.Response.Cookies.Append($"promo_{campaign}", "1"); // expect: CG0101
            }

            return Results.NoContent();
        });
    }
}

public sealed record ClientError(string Message, string Url);
