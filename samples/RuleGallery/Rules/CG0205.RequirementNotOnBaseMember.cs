using System.Threading.Tasks;
using Microsoft.JSInterop;

namespace RuleGallery.Rules;

/// <summary>Where the app keeps an ad click; the checkout calls it through this interface.</summary>
internal interface IClickStore
{
    Task SaveAsync(string gclid);
}

internal sealed class SessionClickStore(IJSRuntime js) : IClickStore
{
    // CG0205: the implementation requires advertising consent, but IClickStore.SaveAsync does not, and callers that
    // hold an IClickStore call that one: none of them is checked for consent. Fix: mark IClickStore.SaveAsync
    // [RequiresConsent(ConsentCategory.Advertising)] too.
    [RequiresConsent(ConsentCategory.Advertising)]
    public async Task SaveAsync(string gclid) =>
        await js.InvokeVoidAsync("sessionStorage.setItem", ConsentStorageKeys.Gclid, gclid);
}
