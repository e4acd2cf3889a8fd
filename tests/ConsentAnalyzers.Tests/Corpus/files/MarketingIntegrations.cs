using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.JSInterop;
using Segment;

namespace Corpus.Web.Marketing;

// Integrations the marketing team asked for. None of these providers is in the cookie policy yet.
public sealed class MarketingIntegrations(IJSRuntime js, IConsent consent, IHttpContextAccessor accessor)
{
    public static void Configure(string writeKey) => Analytics.Initialize(writeKey);

    public void Identify(string userId)
    {
        if (accessor.HttpContext?.Features.Get<ITrackingConsentFeature>()?.HasConsent == true)
        {
            Analytics.Client.Track(userId, "Signed In"); // expect: CG0201
        }

        Analytics.Client.Flush();
    }

    public async Task StartSessionReplayAsync()
    {
        if (consent.AnalyticsAllowed)
        {
            await js.InvokeVoidAsync("clarity", "consent"); // expect: CG0201
            await js.InvokeVoidAsync("hj", "identify", null, new { plan = "pro" }); // expect: CG0201
        }
    }

    public async Task TrackLeadAsync(string email)
    {
        await js.InvokeVoidAsync("lintrk", "track", new { conversion_id = 7654321 }); // expect: CG0201
        if (consent.IsGranted(ConsentCategory.Advertising))
        {
            await js.InvokeVoidAsync("ttq.track", "SubmitForm"); // expect: CG0201
            await js.InvokeVoidAsync("fbq", "track", "Lead"); // expect: CG0201
        }
    }

    public async Task TrackPlausibleGoalAsync(string goal)
    {
        if (consent.AnalyticsAllowed)
        {
            await js.InvokeVoidAsync("plausible", goal, new { props = new { source = "web" } });
        }

        await js.InvokeVoidAsync("plausible", goal + "_unchecked"); // expect: CG0202
    }
}
