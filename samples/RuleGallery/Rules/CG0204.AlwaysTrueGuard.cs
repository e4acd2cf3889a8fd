using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace RuleGallery.Rules;

internal static class CookiePolicyBanner
{
    /// <summary>Turns on ASP.NET Core's cookie policy, whose consent feature the banner below checks.</summary>
    public static WebApplication UseBannerCookiePolicy(this WebApplication app)
    {
        // CG0204: the cookie policy runs, but nothing in the project sets CookiePolicyOptions.CheckConsentNeeded, so
        // IsConsentNeeded is false on every request and CanTrack (= !IsConsentNeeded || HasConsent) is always true:
        // the check in RememberVisitor lets the _ga cookie through without consent. Fix:
        // builder.Services.AddCookiePolicy(options => options.CheckConsentNeeded = context => true);
        app.UseCookiePolicy();
        return app;
    }

    public static void RememberVisitor(HttpContext http, string clientId)
    {
        if (http.Features.Get<ITrackingConsentFeature>()?.CanTrack == true)
        {
            http.Response.Cookies.Append(ConsentCookies.Ga, clientId);
        }
    }
}
