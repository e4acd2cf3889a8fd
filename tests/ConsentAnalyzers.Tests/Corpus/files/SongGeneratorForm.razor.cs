using System;
using System.Threading;
using System.Threading.Tasks;
using Blazored.LocalStorage;
using Microsoft.ApplicationInsights;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using Mixpanel;

namespace Corpus.Web.Components;

public sealed class SongRequest
{
    public string Prompt { get; set; } = "";

    public string Genre { get; set; } = "pop";

    public int DurationSeconds { get; set; } = 120;
}

// Code-behind of SongGenerator.razor: the form keeps a draft when functional storage is allowed, and generation is
// measured when analytics is allowed.
public partial class SongGeneratorForm : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private EditContext? _editContext;

    [Inject] private ILocalStorageService LocalStorage { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private TelemetryClient Telemetry { get; set; } = default!;

    [Inject] private MixpanelClient Mixpanel { get; set; } = default!;

    [Inject] private IConsent Consent { get; set; } = default!;

    private SongRequest Request { get; set; } = new();

    private bool Generating { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Request = await LocalStorage.GetItemAsync<SongRequest>(ConsentStorageKeys.GenerateFormDraft) ?? new SongRequest();
        _editContext = new EditContext(Request);
        _editContext.OnFieldChanged += async (_, _) => await SaveDraftAsync();
    }

    private async Task SaveDraftAsync()
    {
        if (!await Consent.IsGrantedAsync(ConsentCategory.Functional))
        {
            return;
        }

        await LocalStorage.SetItemAsync(ConsentStorageKeys.GenerateFormDraft, Request, _disposed.Token);
        await LocalStorage.SetItemAsStringAsync(ConsentStorageKeys.DraftName("prompt"), Request.Prompt, _disposed.Token);
    }

    private async Task GenerateAsync()
    {
        Generating = true;
        var started = DateTimeOffset.UtcNow;
        try
        {
            await Task.Delay(100, _disposed.Token);
        }
        finally
        {
            Generating = false;
        }

        var analytics = Consent.AnalyticsAllowed;
        if (analytics)
        {
            Telemetry.TrackEvent("song_generated");
            Telemetry.TrackMetric("generation_seconds", (DateTimeOffset.UtcNow - started).TotalSeconds);
            await Mixpanel.TrackAsync("song_generated", "anonymous", new { Request.Genre, Request.DurationSeconds });
            await JS.InvokeVoidAsync("gtag", "event", "generate_song", new { genre = Request.Genre });
            await JS.InvokeVoidAsync("plausible", "Song Generated", new { props = new { genre = Request.Genre } });
        }

        if (Consent.IsGranted(ConsentCategory.Functional))
        {
            await LocalStorage.RemoveItemAsync(ConsentStorageKeys.GenerateFormDraft);
            await LocalStorage.SetItemAsync(ConsentStorageKeys.DraftName("last-genre"), Request.Genre);
        }
    }

    private async Task ShareAsync(string songId)
    {
        await JS.InvokeVoidAsync("navigator.clipboard.writeText", $"https://corpus.example/songs/{songId}");
        if (Consent.IsGranted(ConsentCategory.Analytics))
        {
            await JS.InvokeVoidAsync("gtag", "event", "share", new { method = "clipboard", content_type = "song", item_id = songId });
            Telemetry.TrackEvent("song_shared");
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
