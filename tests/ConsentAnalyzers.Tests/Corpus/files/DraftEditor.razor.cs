using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;

namespace Corpus.Web.Components;

// Code-behind of DraftEditor.razor (Blazor Server): autosaves the song-generation form so a reload keeps it.
public partial class DraftEditor : ComponentBase, IAsyncDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private Timer? _autosave;

    [Inject] private ProtectedLocalStorage LocalStore { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private IConsent Consent { get; set; } = default!;

    [Parameter] public string SongId { get; set; } = "";

    private string Lyrics { get; set; } = "";

    private string Prompt { get; set; } = "";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        var saved = await LocalStore.GetAsync<string>(ConsentStorageKeys.GenerateFormDraft);
        if (saved.Success)
        {
            Prompt = saved.Value ?? "";
            StateHasChanged();
        }

        await JS.InvokeVoidAsync("localStorage.setItem", ConsentStorageKeys.DraftName(SongId), Lyrics); // expect: CG0105
    }

    private async Task OnPromptChanged(ChangeEventArgs e)
    {
        Prompt = e.Value?.ToString() ?? "";
        if (await Consent.IsGrantedAsync(ConsentCategory.Functional))
        {
            await LocalStore.SetAsync(ConsentStorageKeys.GenerateFormDraft, Prompt);
        }
    }

    private async Task OnLyricsChanged(ChangeEventArgs e)
    {
        Lyrics = e.Value?.ToString() ?? "";
        var remember = Consent.IsGranted(ConsentCategory.Functional);
        if (remember)
        {
            await JS.InvokeVoidAsync("localStorage.setItem", ConsentStorageKeys.DraftName(SongId), Lyrics);
            await JS.InvokeVoidAsync("localStorage.setItem", $"draft:{SongId}:title", Prompt);
            await LocalStore.SetAsync("generate_form_draft", Prompt); // expect: CG0107
        }
    }

    private void StartAutosave()
    {
        if (!Consent.IsGranted(ConsentCategory.Functional))
        {
            return;
        }

        _autosave = new Timer(_ => _ = LocalStore.SetAsync(ConsentStorageKeys.DraftName(SongId), Lyrics), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)); // expect: CG0105
    }

    private async Task SaveUnderKey(string key)
    {
        if (Consent.IsGranted(ConsentCategory.Functional))
        {
            await LocalStore.SetAsync(key, Lyrics); // expect: CG0102
        }
    }

    private async Task Discard()
    {
        await LocalStore.DeleteAsync(ConsentStorageKeys.GenerateFormDraft);
        await JS.InvokeVoidAsync("localStorage.removeItem", ConsentStorageKeys.DraftName(SongId));
        Lyrics = Prompt = "";
    }

    public async ValueTask DisposeAsync()
    {
        _closing.Cancel();
        if (_autosave is not null)
        {
            await _autosave.DisposeAsync();
        }
    }
}
