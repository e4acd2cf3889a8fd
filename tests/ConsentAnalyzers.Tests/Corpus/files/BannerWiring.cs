using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Web;

// The consent banner of the old ASP.NET Core template, wired to a cookie policy that never requires consent: the
// CheckConsentNeeded line was left out, so CanTrack is true for every visitor and the banner never shows.
public static class BannerWiring
{
    public static void AddBanner(IServiceCollection services)
    {
        services.AddCookiePolicy(options =>
        {
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
            options.Secure = CookieSecurePolicy.Always;
        });
    }

    public static void UseBanner(WebApplication app)
    {
        app.UseCookiePolicy(); // expect: CG0204
        app.MapGet("/banner", (HttpContext context) =>
        {
            var consent = context.Features.Get<ITrackingConsentFeature>();
            return Results.Json(new { show = !(consent?.CanTrack ?? false), cookie = consent?.CreateConsentCookie() });
        });
        app.MapPost("/banner/accept", (HttpContext context) =>
        {
            context.Features.Get<ITrackingConsentFeature>()?.GrantConsent();
            return Results.NoContent();
        });
        app.MapGet("/visit", (HttpContext context) =>
        {
            // Under the always-true check: the finding is the policy above, not this write.
            if (context.Features.Get<ITrackingConsentFeature>()?.CanTrack == true)
            {
                context.Response.Cookies.Append(ConsentCookies.Ga, Guid.NewGuid().ToString("N"));
            }

            // HasConsent reads the consent cookie that GrantConsent writes: a real check, needed or not.
            if (context.Features.Get<ITrackingConsentFeature>()?.HasConsent == true)
            {
                context.Response.Cookies.Append(ConsentCookies.Theme, "dark");
            }

            context.Response.Cookies.Append(ConsentCookies.Ga, "returning"); // expect: CG0105
            return Results.NoContent();
        });
    }
}
