using Microsoft.AspNetCore.Http;

namespace RuleGallery.Rules;

internal static class PromoBanner
{
    /// <summary>Hides the promotion banner for a day once the visitor closes it.</summary>
    public static void Dismiss(HttpResponse response) =>
        // CG0101: "promo_seen" is in no row of consent-manifest.json, so the cookie policy does not tell visitors
        // about this cookie. Fix: declare it (with its category), then write it under a consent check.
        response.Cookies.Append("promo_seen", "1");
}
