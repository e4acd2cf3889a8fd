using System.Net.Http;
using System.Threading.Tasks;
using Corpus.Telemetry;
using Microsoft.ApplicationInsights;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.JSInterop;

namespace Corpus.Web;

public class Trackers(IJSRuntime js, HttpClient http, TelemetryClient telemetry, IConsent consent)
{
    public async Task OnSignUp(HttpContext context)
    {
        if (context.Features.Get<ITrackingConsentFeature>()?.CanTrack == true)
        {
            await js.InvokeVoidAsync("gtag", "event", "sign_up");
            telemetry.TrackEvent("sign_up");
        }

        telemetry.TrackEvent("sign_up_unguarded"); // expect: CG0202
        telemetry.Flush();
        await js.InvokeVoidAsync("fbq", "track", "CompleteRegistration"); // expect: CG0201
    }

    public async Task Conversion(string id)
    {
        if (consent.IsGranted(ConsentCategory.Advertising))
        {
            Tracker.SendConversion(id);
        }

        if (consent.AnalyticsAllowed)
        {
            Tracker.SendConversion(id); // expect: CG0203
        }

        Tracker.Configure();
        await http.PostAsync("https://collect.example.com/v1/events", null); // expect: CG0202
        await http.GetAsync("https://api.example.com/songs");
    }
}
