using System.Threading.Tasks;
using Microsoft.JSInterop;

namespace RuleGallery.Rules;

internal sealed class AnalyticsSetup(IJSRuntime js, IVisitorConsent consent)
{
    public async Task ConfigureAsync()
    {
        if (consent.IsGranted(ConsentCategory.Analytics))
        {
            // CG0206: this configures Google Analytics, and no category of the manifest maps to Google Consent Mode,
            // so the tag never learns what the visitor chose. Fix: add "consentMode": ["analytics_storage"] to the
            // 'analytics' category.
            await js.InvokeVoidAsync("gtag", "config", "G-GALLERY1");
        }
    }
}
