using Microsoft.AspNetCore.Http;

namespace Corpus.Web;

public class CookieWrites
{
    private const string PromoCookie = "promo_seen";

    public void Essential(HttpResponse response)
    {
        response.Cookies.Append("app_consent", "analytics=1", new CookieOptions { IsEssential = true, HttpOnly = true }); // expect: CG0107
        response.Cookies.Append($"sb-{"ref"}-auth-token", "token");
        response.Cookies.Delete(PromoCookie);
    }

    public void Undeclared(HttpResponse response, IConsent consent)
    {
        if (!consent.AnalyticsAllowed)
        {
            return;
        }

        response.Cookies.Append(PromoCookie, "1"); // expect: CG0101
        response.Cookies.Append("_ga", "GA1.1"); // expect: CG0107
        response.Cookies.Append(ConsentCookies.Ga, "GA1.1");
        response.Cookies.Append(ConsentCookies.GaName("G1"), "GS1");
    }

    public void Unguarded(HttpResponse response)
    {
        response.Cookies.Append(ConsentCookies.Theme, "dark"); // expect: CG0105
    }

    public void WrongGuard(HttpResponse response, IConsent consent)
    {
        if (consent.IsGranted(ConsentCategory.Analytics))
        {
            response.Cookies.Append("_gcl_au", "1"); // expect: CG0203
        }
    }

    public void EssentialFlag(HttpResponse response, IConsent consent)
    {
        if (consent.IsGranted(ConsentCategory.Functional))
        {
            response.Cookies.Append(ConsentCookies.Theme, "dark", new CookieOptions { IsEssential = true }); // expect: CG0106
        }
    }

    public void Unresolved(HttpResponse response, string name)
    {
        response.Cookies.Append(name, "1"); // expect: CG0102
    }
}
