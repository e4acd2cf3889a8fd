using Microsoft.AspNetCore.Http;

namespace RuleGallery.Rules;

internal static class Theme
{
    public static void Set(HttpResponse response, IVisitorConsent consent, string theme)
    {
        if (consent.IsGranted(ConsentCategory.Functional))
        {
            response.Cookies.Append(ConsentCookies.Theme, theme, new CookieOptions
            {
                // CG0106: the theme cookie is functional, not strictly necessary, yet IsEssential = true tells
                // ASP.NET Core's cookie policy middleware to write it even without consent. Fix: remove it.
                IsEssential = true,
            });
        }
    }
}
