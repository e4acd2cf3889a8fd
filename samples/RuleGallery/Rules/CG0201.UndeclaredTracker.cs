using System.Threading.Tasks;
using Microsoft.JSInterop;

namespace RuleGallery.Rules;

internal sealed class PurchaseTracking(IJSRuntime js, IVisitorConsent consent)
{
    public async Task TrackPurchaseAsync()
    {
        if (consent.IsGranted(ConsentCategory.Advertising))
        {
            // CG0201: fbq is the Meta pixel, and the manifest's "trackers" do not list it. The check above does
            // not help: only the manifest can say which category the pixel needs. Fix: add
            // { "use": "meta-pixel", "category": "advertising" } to "trackers".
            await js.InvokeVoidAsync("fbq", "track", "Purchase");
        }
    }
}
