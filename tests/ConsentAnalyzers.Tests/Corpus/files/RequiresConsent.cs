using Microsoft.AspNetCore.Http;

namespace Corpus.Web;

public class Attribution
{
    [RequiresConsent(ConsentCategory.Advertising)]
    public static void RememberClick(HttpResponse response, string gclid) =>
        response.Cookies.Append(ConsentCookies.GclName("aw"), gclid);

    public void Landing(HttpContext context, IConsent consent, string? gclid)
    {
        if (gclid is null)
        {
            return;
        }

        if (consent.IsGranted(ConsentCategory.Advertising))
        {
            RememberClick(context.Response, gclid);
        }

        RememberClick(context.Response, gclid); // expect: CG0202
    }
}
