using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Corpus.Web.Middleware;

// Honours the Global Privacy Control signal (Sec-GPC: 1), which the manifest lists as an opt-out for advertising:
// records the opt-out in the (essential) choice cookie and removes the advertising cookies already set.
public sealed class GlobalPrivacyControlMiddleware(RequestDelegate next)
{
    private static readonly CookieOptions ChoiceOptions = new() { MaxAge = TimeSpan.FromDays(180), IsEssential = true, SameSite = SameSiteMode.Lax };

    public Task InvokeAsync(HttpContext context, IConsent consent)
    {
        if (context.Request.Headers["Sec-GPC"] != "1")
        {
            return next(context);
        }

        var advertising = ConsentManifest.GetCategory(ConsentCategory.Advertising);
        if (!advertising.OptOutSignals.Contains("gpc"))
        {
            return next(context);
        }

        var current = context.Request.Cookies[ConsentCookies.AppConsent] ?? string.Empty;
        var withoutAds = string.Join(',', current.Split(',', StringSplitOptions.RemoveEmptyEntries).Where(c => c != advertising.Id));
        context.Response.Cookies.Append(ConsentCookies.AppConsent, withoutAds + ",gpc", ChoiceOptions);

        foreach (var name in context.Request.Cookies.Keys)
        {
            if (ConsentManifest.FindCookie(name) is { Category: ConsentCategory.Advertising })
            {
                context.Response.Cookies.Delete(name);
            }
        }

        // Functional and analytics choices are untouched by GPC.
        if (consent.IsGranted(ConsentCategory.Functional) && context.Request.Query.TryGetValue("theme", out var theme))
        {
            context.Response.Cookies.Append(ConsentCookies.Theme, theme.ToString(), new CookieOptions { MaxAge = TimeSpan.FromDays(365) });
        }

        if (consent.AnalyticsAllowed && !context.Request.Cookies.ContainsKey(ConsentCookies.Ga))
        {
            context.Response.Cookies.Append(ConsentCookies.Ga, $"GA1.1.{Random.Shared.Next()}.{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}");
        }

        return next(context);
    }
}
