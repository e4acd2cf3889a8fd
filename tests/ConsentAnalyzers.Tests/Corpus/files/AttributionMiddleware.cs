using System;
using System.Threading.Tasks;
using Corpus.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Corpus.Web.Middleware;

// Captures ad-click ids from landing URLs (?gclid=…, ?gbraid=…) into first-party cookies, the way the Google tag's
// conversion linker would, but only for visitors who allowed advertising cookies.
public sealed class AttributionMiddleware(RequestDelegate next, IConsentManager consentManager)
{
    private static readonly TimeSpan ClickWindow = TimeSpan.FromDays(90);

    public async Task InvokeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (query.TryGetValue("gclid", out var gclid) && !StringValues.IsNullOrEmpty(gclid))
        {
            RememberClick(context, "aw", gclid.ToString());
        }

        if (query.TryGetValue("gbraid", out var gbraid) && consentManager.MarketingAllowed)
        {
            context.Response.Cookies.Append(ConsentCookies.GclName("gb"), $"GCL.{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{gbraid}", Options());
        }

        if (query.TryGetValue("utm_source", out var source))
        {
            if (consentManager.IsAllowed(CookieType.Analytics))
            {
                context.Response.Cookies.Append(ConsentCookies.GclName("src"), source.ToString(), Options()); // expect: CG0203
                context.Response.Cookies.Append("utm_source", source.ToString(), Options()); // expect: CG0104
            }
        }

        await next(context);
    }

    private void RememberClick(HttpContext context, string kind, string clickId)
    {
        if (!consentManager.IsAllowed(CookieType.Marketing))
        {
            return;
        }

        context.Response.Cookies.Append(ConsentCookies.GclName(kind), $"GCL.{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{clickId}", Options());
    }

    public static void RememberClickUnchecked(HttpContext context, string clickId) =>
        context.Response.Cookies.Append($"_gcl_{"aw"}", clickId); // expect: CG0105

    private static CookieOptions Options() => new() { MaxAge = ClickWindow, SameSite = SameSiteMode.Lax, Secure = true };
}

public static class AttributionMiddlewareExtensions
{
    public static IApplicationBuilder UseAttribution(this IApplicationBuilder app) => app.UseMiddleware<AttributionMiddleware>();
}
