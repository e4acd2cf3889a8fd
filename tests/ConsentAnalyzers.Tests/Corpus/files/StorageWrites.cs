using System.Threading.Tasks;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;

namespace Corpus.Web;

public class StorageWrites(IJSRuntime js, ProtectedLocalStorage local, ProtectedSessionStorage session, IConsent consent)
{
    public async Task SaveDraft(string text)
    {
        if (!consent.IsGranted(ConsentCategory.Functional))
        {
            return;
        }

        await local.SetAsync(ConsentStorageKeys.GenerateFormDraft, text);
        await js.InvokeVoidAsync("localStorage.setItem", ConsentStorageKeys.DraftName("lyrics"), text);
        await js.InvokeVoidAsync("localStorage.setItem", "promo_banner", "hidden"); // expect: CG0103
        await session.SetAsync("generate_form_draft", text); // expect: CG0104
    }

    public async Task CaptureAttribution(string landingPage, string? gclid)
    {
        if (await consent.IsGrantedAsync(ConsentCategory.Analytics))
        {
            await js.InvokeVoidAsync("sessionStorage.setItem", ConsentStorageKeys.LandingPage, landingPage);
        }

        if (gclid is not null && consent.IsGranted(ConsentCategory.Advertising))
        {
            await js.InvokeVoidAsync("sessionStorage.setItem", ConsentStorageKeys.Gclid, gclid);
        }

        await js.InvokeVoidAsync("sessionStorage.setItem", ConsentStorageKeys.Gclid, gclid); // expect: CG0105
    }

    public async Task Read()
    {
        await js.InvokeAsync<string>("localStorage.getItem", "anything");
        await local.DeleteAsync("anything");
    }
}
