using System.Threading.Tasks;
using Microsoft.JSInterop;

namespace Corpus.Web.Services;

// A scoped Blazor service around the Google tag loaded by the layout (gtag.js): page views for Analytics,
// conversions for Google Ads.
public sealed class GoogleTagInterop(IJSRuntime js, IConsent consent)
{
    private const string AnalyticsId = "G-CORPUS1";
    private const string AdsId = "AW-1234567";

    public async ValueTask InitializeAsync()
    {
        await js.InvokeVoidAsync("gtag", "js", System.DateTime.UtcNow);
        if (consent.AnalyticsAllowed)
        {
            await js.InvokeVoidAsync("gtag", "config", AnalyticsId, new { send_page_view = false });
        }

        if (consent.IsGranted(ConsentCategory.Advertising))
        {
            await js.InvokeVoidAsync("gtag", "config", AdsId);
        }
    }

    public async ValueTask PageViewAsync(string path)
    {
        if (!consent.AnalyticsAllowed)
        {
            return;
        }

        await js.InvokeVoidAsync("gtag", "event", "page_view", new { page_path = path, send_to = AnalyticsId });
    }

    public async ValueTask SignUpAsync()
    {
        // No id: the event goes to every configured Google tag, Analytics or Ads; either consent covers it.
        if (consent.IsGranted(ConsentCategory.Advertising))
        {
            await js.InvokeVoidAsync("gtag", "event", "sign_up");
        }
    }

    public async ValueTask PurchaseAsync(string orderId, decimal value)
    {
        if (await consent.IsGrantedAsync(ConsentCategory.Advertising).ConfigureAwait(false))
        {
            await js.InvokeVoidAsync("gtag", "event", "conversion", new { send_to = AdsId + "/purchase", value, currency = "EUR", transaction_id = orderId });
        }

        if (consent.AnalyticsAllowed)
        {
            await js.InvokeVoidAsync("gtag", "config", AdsId, new { allow_enhanced_conversions = true }); // expect: CG0203
            await js.InvokeVoidAsync("gtag", "event", "conversion", new { send_to = "AW-1234567/purchase", value }); // expect: CG0203
        }
    }

    public ValueTask RemarketingAsync() =>
        js.InvokeVoidAsync("gtag", "event", "view_item"); // expect: CG0202

    public async ValueTask PushToTagManagerAsync(string eventName)
    {
        if (consent.AnalyticsAllowed)
        {
            await js.InvokeVoidAsync("dataLayer.push", new { @event = eventName }); // expect: CG0201
        }
    }
}
