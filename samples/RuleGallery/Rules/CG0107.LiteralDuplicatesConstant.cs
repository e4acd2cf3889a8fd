using System.Threading.Tasks;
using Microsoft.JSInterop;

namespace RuleGallery.Rules;

internal sealed class Attribution(IJSRuntime js, IVisitorConsent consent)
{
    public async Task RememberLandingPageAsync(string path)
    {
        if (consent.IsGranted(ConsentCategory.Analytics))
        {
            // CG0107: the write is declared and guarded, but "landing_page" repeats ConsentStorageKeys.LandingPage.
            // With the constant, renaming the key in the manifest breaks the build instead of silently writing an
            // undeclared key. (A suggestion by default; .globalconfig raises it to a warning.)
            await js.InvokeVoidAsync("sessionStorage.setItem", "landing_page", path);
        }
    }
}
