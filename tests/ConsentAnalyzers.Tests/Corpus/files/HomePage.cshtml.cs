using System;
using System.Net.Http;
using System.Threading.Tasks;
using Corpus.Privacy;
using Microsoft.ApplicationInsights;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

// Pages/Index.cshtml.cs: the landing page. Measurement and attribution run only under the matching consent.
public class IndexModel(TelemetryClient telemetry, IConsent consent, IConsentManager consentManager, IHttpClientFactory httpClients) : PageModel
{
    public string? Theme { get; private set; }

    public bool ShowBanner { get; private set; }

    public async Task OnGetAsync(string? gclid, string? utm_source)
    {
        Theme = Request.Cookies[ConsentCookies.Theme];
        ShowBanner = !Request.Cookies.ContainsKey(ConsentCookies.AppConsent);

        var tracking = HttpContext.Features.Get<ITrackingConsentFeature>();
        if (tracking?.CanTrack == true)
        {
            telemetry.TrackPageView("Home");
            Response.Cookies.Append(ConsentCookies.GaName("CORPUS1"), $"GS1.1.{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.1.0");
        }

        if (gclid is not null && consentManager.IsAllowed(CookieType.Marketing))
        {
            Response.Cookies.Append(ConsentCookies.GclName("aw"), $"GCL.{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{gclid}", new CookieOptions { MaxAge = TimeSpan.FromDays(90) });
            Corpus.Telemetry.Tracker.SendConversion("landing");
        }

        if (utm_source is not null && consent.IsGranted(ConsentCategory.Advertising))
        {
            Response.Cookies.Append(ConsentCookies.GclName("src"), utm_source, new CookieOptions { MaxAge = TimeSpan.FromDays(30) });
        }

        if (await consent.IsGrantedAsync(ConsentCategory.Analytics))
        {
            var http = httpClients.CreateClient();
            await http.PostAsync($"https://plausible.io/api/event?name=pageview&url={Uri.EscapeDataString(Request.Path)}", null);
            await http.PostAsync("https://collect.example.com/v1/landing", null);
        }
    }

    public void OnPostTheme(string theme)
    {
        if (consent.IsGranted(ConsentCategory.Functional))
        {
            Response.Cookies.Append(ConsentCookies.Theme, theme, new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = false });
            Theme = theme;
        }
    }
}
