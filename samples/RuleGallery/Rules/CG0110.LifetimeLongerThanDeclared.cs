using System;
using Microsoft.AspNetCore.Http;

namespace RuleGallery.Rules;

internal static class RememberedTheme
{
    public static void Set(HttpResponse response, IVisitorConsent consent, string theme)
    {
        if (consent.IsGranted(ConsentCategory.Functional))
        {
            response.Cookies.Append(ConsentCookies.Theme, theme, new CookieOptions
            {
                // CG0110: the manifest declares the theme cookie for at most a year ("maxAge": "P1Y"), but it is
                // written to live 400 days. Fix: TimeSpan.FromDays(365), or declare the longer lifetime.
                MaxAge = TimeSpan.FromDays(400),
            });
        }
    }
}
