using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Web.Accounts;

public sealed class SiteUser { }

public sealed class SiteRole { }

// ASP.NET Core Identity for the member area, and the endpoints of the consent banner's script.
public static class AccountIdentity
{
    public static IServiceCollection AddSiteIdentity(this IServiceCollection services)
    {
        // Identity's four cookies: the app's options class (ConfigureAuthCookie) names every scheme's cookie.
        services.AddIdentity<SiteUser, SiteRole>();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "site_auth"; // expect: CG0101
            options.Cookie.IsEssential = true;
            options.LoginPath = "/account/login";
        });
        services.ConfigureExternalCookie(options => options.Cookie = new CookieBuilder
        {
            Name = ConsentCookies.SbName("external"),
            HttpOnly = true,
        });
        return services;
    }

    public static void MapConsentScript(this WebApplication app)
    {
        // The banner's script writes the consent cookie itself: document.cookie = the Set-Cookie string.
        app.MapGet("/consent/script.js", (HttpContext context) =>
        {
            var feature = context.Features.Get<ITrackingConsentFeature>();
            var cookieString = feature?.CreateConsentCookie();
            return Results.Text($"document.cookie = '{cookieString}';", "application/javascript");
        });
        app.MapPost("/consent/accept", (HttpContext context) =>
        {
            context.Features.Get<ITrackingConsentFeature>()?.GrantConsent();
            // Granting consent in this request does not make the request carry it: no check guards this write.
            context.Response.Cookies.Append(ConsentCookies.Theme, "dark"); // expect: CG0105
            return Results.NoContent();
        });
        app.MapPost("/consent/withdraw", (HttpContext context) =>
        {
            context.Features.Get<ITrackingConsentFeature>()?.WithdrawConsent();
            return Results.NoContent();
        });
    }
}
