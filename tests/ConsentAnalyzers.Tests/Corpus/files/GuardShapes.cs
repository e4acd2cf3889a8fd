using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Corpus.Privacy;
using Microsoft.AspNetCore.Http;

namespace Corpus.Web;

public class GuardShapes(IConsent consent, IConsentManager manager)
{
    public void EarlyReturn(HttpResponse response)
    {
        if (!consent.AnalyticsAllowed) return;
        response.Cookies.Append(ConsentCookies.Ga, "1");
    }

    public void CachedInLocal(HttpResponse response)
    {
        var allowed = consent.IsGranted(ConsentCategory.Analytics);
        if (allowed)
        {
            response.Cookies.Append(ConsentCookies.Ga, "1");
        }
    }

    public void OrDoesNotGuard(HttpResponse response, bool preview)
    {
        if (preview || consent.AnalyticsAllowed)
        {
            response.Cookies.Append(ConsentCookies.Ga, "1"); // expect: CG0105
        }
    }

    public void AssertIsNotAGuard(HttpResponse response)
    {
        Debug.Assert(consent.AnalyticsAllowed);
        response.Cookies.Append(ConsentCookies.Ga, "1"); // expect: CG0105
    }

    public void ManifestGuard(HttpResponse response)
    {
        if (manager.IsAllowed(CookieType.Marketing))
        {
            response.Cookies.Append("_gcl_dc", "1");
        }
    }

    public void Loop(HttpResponse response, List<string> ids)
    {
        foreach (var id in ids)
        {
            if (!consent.IsGranted(ConsentCategory.Analytics)) continue;
            response.Cookies.Append(ConsentCookies.GaName(id), "1");
        }
    }

    public void Escaping(HttpResponse response)
    {
        if (consent.AnalyticsAllowed)
        {
            Task.Run(() => response.Cookies.Append(ConsentCookies.Ga, "1")); // expect: CG0105
            new List<int> { 1 }.ForEach(_ => response.Cookies.Append(ConsentCookies.Ga, "1"));
        }
    }

    public void Switch(HttpResponse response)
    {
        switch (consent.AnalyticsAllowed)
        {
            case true:
                response.Cookies.Append(ConsentCookies.Ga, "1");
                break;
            default:
                response.Cookies.Append(ConsentCookies.Ga, "0"); // expect: CG0105
                break;
        }
    }

    public void TryFinally(HttpResponse response)
    {
        if (!consent.AnalyticsAllowed) throw new InvalidOperationException("no consent");
        try
        {
            response.Cookies.Append(ConsentCookies.Ga, "1");
        }
        finally
        {
            response.Cookies.Append(ConsentCookies.GaName("x"), "1");
        }
    }
}
