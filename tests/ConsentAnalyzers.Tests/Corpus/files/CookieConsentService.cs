using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Corpus.Web.Privacy;

// The app's IConsent implementation: reads the choice cookie the banner writes ("functional,analytics,…").
public sealed class CookieConsentService(IHttpContextAccessor accessor) : IConsent
{
    private string Choice => accessor.HttpContext?.Request.Cookies[ConsentCookies.AppConsent] ?? string.Empty;

    public bool AnalyticsAllowed => IsGranted(ConsentCategory.Analytics);

    public bool IsGranted(ConsentCategory category) =>
        ConsentManifest.GetCategory(category) is { } info && (info.IsEssential || Choice.Contains(info.Id, StringComparison.Ordinal));

    public Task<bool> IsGrantedAsync(ConsentCategory category) => Task.FromResult(IsGranted(category));
}

// Callers that hold the concrete service: the attributes on the interface members still apply.
public sealed class VisitorCookies(CookieConsentService consent)
{
    public void OnSignIn(HttpResponse response, string projectRef, string measurementId)
    {
        response.Cookies.Append(ConsentCookies.SbName($"{projectRef}-auth-token"), Guid.NewGuid().ToString("N"), new CookieOptions { HttpOnly = true, Secure = true, IsEssential = true });
        response.Cookies.Append($"sb-{projectRef}-refresh-token", Guid.NewGuid().ToString("N"), new CookieOptions { HttpOnly = true, Secure = true, IsEssential = true });

        if (consent.AnalyticsAllowed)
        {
            response.Cookies.Append(ConsentCookies.GaName(measurementId), $"GS1.1.{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}");
        }
    }

    public async Task OnPreferenceChangedAsync(HttpResponse response, string theme)
    {
        var functional = await consent.IsGrantedAsync(ConsentCategory.Functional).ConfigureAwait(false);
        if (functional is false)
        {
            return;
        }

        response.Cookies.Append(ConsentCookies.Theme, theme);
    }

    public void OnPreferenceChangedBlocking(HttpResponse response, string theme)
    {
        if (consent.IsGrantedAsync(ConsentCategory.Functional).Result)
        {
            response.Cookies.Append(ConsentCookies.Theme, theme); // expect: CG0105
        }
    }

    public void OnFirstVisit(HttpResponse response, string clientId)
    {
        var allowed = consent.AnalyticsAllowed;
        var stillAllowed = allowed;
        if (stillAllowed)
        {
            response.Cookies.Append(ConsentCookies.Ga, clientId);
        }

        allowed = response.HttpContext.Request.Query.ContainsKey("preview");
        if (allowed)
        {
            response.Cookies.Append(ConsentCookies.Ga, clientId); // expect: CG0105
        }
    }

    public void OnSignOut(HttpResponse response, string projectRef)
    {
        response.Cookies.Delete(ConsentCookies.SbName($"{projectRef}-auth-token"));
        response.Cookies.Delete($"sb-{projectRef}-refresh-token");
        response.Cookies.Delete(ConsentCookies.Ga);
    }
}
