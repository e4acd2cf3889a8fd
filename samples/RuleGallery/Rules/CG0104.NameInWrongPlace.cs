using System.Threading.Tasks;
using Microsoft.JSInterop;

namespace RuleGallery.Rules;

internal sealed class LandingPageTracker(IJSRuntime js, IVisitorConsent consent)
{
    public async Task RememberAsync(string path)
    {
        if (consent.IsGranted(ConsentCategory.Analytics))
        {
            // CG0104: 'landing_page' is declared as a sessionStorage key (gone when the tab closes); written to
            // localStorage it stays for good, which is not what the policy tells visitors. Even the generated
            // constant cannot make that right. Fix: "sessionStorage.setItem".
            await js.InvokeVoidAsync("localStorage.setItem", ConsentStorageKeys.LandingPage, path);
        }
    }
}
