using Microsoft.AspNetCore.Http;

namespace RuleGallery.Rules;

internal static class AnalyticsIdentity
{
    /// <summary>Gives the browser a Google Analytics client id, set by the server so it survives browser limits on script cookies.</summary>
    public static void Identify(HttpResponse response, string clientId) =>
        // CG0105: _ga is declared as analytics, and nothing checks the visitor's consent for analytics first.
        // Fix: if (consent.IsGranted(ConsentCategory.Analytics)) { … }, or [RequiresConsent(ConsentCategory.Analytics)]
        // on this method so that its callers must check.
        response.Cookies.Append(ConsentCookies.Ga, clientId);
}
