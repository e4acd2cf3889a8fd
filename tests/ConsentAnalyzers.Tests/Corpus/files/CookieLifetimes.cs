using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Corpus.Web.Preferences;

public sealed class CookieLifetimeSettings
{
    public TimeSpan LanguageLifetime { get; set; } = TimeSpan.FromDays(365);
}

// Preference and promotion cookies, written with the lifetimes the cookie policy declares (maxAge) or not.
public sealed class CookieLifetimes(IOptions<CookieLifetimeSettings> settings, IConsent consent)
{
    private static readonly TimeSpan OneYear = TimeSpan.FromDays(365);
    private static readonly TimeSpan Quarter = TimeSpan.FromDays(90);

    public void RememberLanguage(HttpResponse response, string culture)
    {
        if (!consent.IsGranted(ConsentCategory.Functional))
        {
            return;
        }

        // The configured lifetime is only known at run time: not checked.
        response.Cookies.Append(ConsentCookies.UiLanguage, culture, new CookieOptions { MaxAge = settings.Value.LanguageLifetime });
        response.Cookies.Append(ConsentCookies.UiLanguage, culture, new CookieOptions { MaxAge = OneYear });
        response.Cookies.Append(ConsentCookies.UiLanguage, culture, new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1) });
        response.Cookies.Append(ConsentCookies.UiLanguage, culture, new CookieOptions { Expires = DateTime.UtcNow.AddDays(366) });
    }

    public void RememberLanguageForLong(HttpResponse response, string culture)
    {
        if (consent.IsGranted(ConsentCategory.Functional))
        {
            response.Cookies.Append(ConsentCookies.UiLanguage, culture, new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(2), // expect: CG0110, CG0111
                SameSite = SameSiteMode.Lax,
            });
        }
    }

    public void RememberProduct(HttpResponse response, string sku, TimeSpan lifetime)
    {
        if (!consent.IsGranted(ConsentCategory.Functional))
        {
            return;
        }

        var options = new CookieOptions { HttpOnly = true };
        options.MaxAge = Quarter; // expect: CG0110
        response.Cookies.Append(ConsentCookies.SeenProducts, sku, options);

        // A parameter: not checked.
        response.Cookies.Append(ConsentCookies.SeenProducts, sku, new CookieOptions { MaxAge = lifetime });
        response.Cookies.Append(ConsentCookies.SeenProducts, sku, new CookieOptions { MaxAge = TimeSpan.FromHours(720) });
    }

    public void ShowPromotion(HttpResponse response, string promotion)
    {
        if (consent.IsGranted(ConsentCategory.Advertising))
        {
            response.Cookies.Append(ConsentCookies.OfferShown, promotion, new CookieOptions { HttpOnly = true });
            response.Cookies.Append(ConsentCookies.OfferShown, promotion, new CookieOptions { Expires = DateTimeOffset.UtcNow.AddDays(7) }); // expect: CG0110
        }
    }

    public void HidePromotion(HttpResponse response)
    {
        if (consent.IsGranted(ConsentCategory.Advertising))
        {
            // Expired: the cookie is deleted, not made persistent.
            response.Cookies.Append(ConsentCookies.OfferShown, "", new CookieOptions { Expires = DateTimeOffset.UnixEpoch });
        }
    }
}
