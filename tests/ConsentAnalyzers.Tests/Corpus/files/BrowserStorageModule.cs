using System;
using System.Threading.Tasks;
using Microsoft.JSInterop;

namespace Corpus.Web.Interop;

// wwwroot/js/storage.js loaded as a JS module, plus direct storage calls on WebAssembly's in-process runtime.
public sealed class BrowserStorageModule(IJSRuntime js, IConsent consent) : IAsyncDisposable
{
    private readonly Lazy<Task<IJSObjectReference>> _module = new(() => js.InvokeAsync<IJSObjectReference>("import", "./js/storage.js").AsTask());

    public async Task SaveDraftAsync(string songId, string lyrics)
    {
        var module = await _module.Value;
        if (consent.IsGranted(ConsentCategory.Functional))
        {
            // The module's own function: the analyzers cannot see which key it writes (documented limitation).
            await module.InvokeVoidAsync("saveDraft", songId, lyrics);
            await module.InvokeVoidAsync("localStorage.setItem", ConsentStorageKeys.DraftName(songId), lyrics);
        }

        await module.InvokeVoidAsync("localStorage.setItem", $"draft:{songId}:autosave", lyrics); // expect: CG0105
    }

    public async Task RestoreAsync(string songId)
    {
        var module = await _module.Value;
        await module.InvokeAsync<string?>("localStorage.getItem", ConsentStorageKeys.DraftName(songId));
    }

    public async ValueTask DisposeAsync()
    {
        if (_module.IsValueCreated)
        {
            await (await _module.Value).DisposeAsync();
        }
    }
}

public sealed class WasmStorage(IJSInProcessRuntime js, IConsent consent)
{
    public void RememberReturnPage(string url)
    {
        if (consent.IsGranted(ConsentCategory.Functional))
        {
            js.InvokeVoid("sessionStorage.setItem", ConsentStorageKeys.ReturnPage, url);
        }
    }

    public void RememberLanding(string path)
    {
        if (!consent.AnalyticsAllowed)
        {
            return;
        }

        js.InvokeVoid("window.sessionStorage.setItem", ConsentStorageKeys.LandingPage, path);
        js.Invoke<object>("sessionStorage.setItem", "landing_page", path); // expect: CG0107
    }

    public void Write(string area, string key, string value)
    {
        var args = new object[] { key, value };
        if (consent.IsGranted(ConsentCategory.Functional))
        {
            js.InvokeVoid("localStorage.setItem", args); // expect: CG0102
            js.InvokeVoid(area + ".setItem", key, value);
        }
    }

    public string? ReadTheme() => js.Invoke<string?>("localStorage.getItem", "theme");
}
