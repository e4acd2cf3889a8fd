using System;
using Microsoft.AspNetCore.Http;

namespace RuleGallery.Rules;

internal static class AdVisit
{
    public static void Record(HttpResponse response, IVisitorConsent consent, string campaign)
    {
        if (consent.IsGranted(ConsentCategory.Advertising))
        {
            response.Cookies.Append(ConsentCookies.AdVisit, campaign, new CookieOptions
            {
                // CG0111: an advertising cookie that needs consent, written to live two years: longer than the
                // 13 months after which consent must be asked again. Fix: at most TimeSpan.FromDays(390).
                MaxAge = TimeSpan.FromDays(730),
            });
        }
    }
}
