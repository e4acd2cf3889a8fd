using System.Threading.Tasks;
using Microsoft.JSInterop;

namespace RuleGallery.Rules;

internal sealed class AdClickCapture(IJSRuntime js, IVisitorConsent consent)
{
    public async Task RememberClickAsync(string gclid)
    {
        if (consent.IsGranted(ConsentCategory.Analytics))
        {
            // CG0203: gclid is an advertising key, and this checks consent for analytics. Agreeing to analytics
            // is not agreeing to advertising. Fix: check ConsentCategory.Advertising.
            await js.InvokeVoidAsync("sessionStorage.setItem", ConsentStorageKeys.Gclid, gclid);
        }
    }
}
