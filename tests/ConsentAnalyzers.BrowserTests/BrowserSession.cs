using System.Text.Json;
using Microsoft.Playwright;

namespace ConsentAnalyzers.BrowserTests;

/// <summary>One visitor: a fresh browser context (no cookies) with one page, and the Google tag requests it made.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    // Loopback pages load in milliseconds, but `dotnet test` runs the other test assemblies on the same cores at the
    // same time: generous, since only a wait for something that never happens takes this long.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly IBrowserContext _context;
    private readonly GoogleTagStub _tags;

    private BrowserSession(IBrowserContext context, IPage page, GoogleTagStub tags)
    {
        _context = context;
        _tags = tags;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>The ids of the Google tags requested (<c>G-…</c>, <c>AW-…</c>) since the last <see cref="ForgetTagRequests"/>.</summary>
    public IReadOnlyList<string> RequestedTagIds => _tags.RequestedIds;

    internal static async Task<BrowserSession> OpenAsync(IBrowserContext context)
    {
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        var tags = new GoogleTagStub();
        await tags.RouteAsync(context);
        return new BrowserSession(context, await context.NewPageAsync(), tags);
    }

    public void ForgetTagRequests() => _tags.Clear();

    /// <summary>Opens a page of the app and waits until its scripts (and any tag they load) have run.</summary>
    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
    }

    /// <summary>
    /// Clicks a submit button and waits for the page the form's post redirects to, and its scripts. Returns the response
    /// to the post itself (the redirect), whose <c>Set-Cookie</c> headers record the choice.
    /// </summary>
    public async Task<IResponse> SubmitAsync(ILocator button)
    {
        // The redirect lands on the same URL, so the URL cannot tell the new page from the old: its load event can.
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        Page.Load += OnLoad;
        IResponse post;
        try
        {
            post = await Page.RunAndWaitForResponseAsync(() => button.ClickAsync(), response => response.Request.Method == "POST");
            await loaded.Task.WaitAsync(Timeout);
        }
        finally
        {
            Page.Load -= OnLoad;
        }

        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return post;
    }

    /// <summary>The names of the cookies the browser holds for the app.</summary>
    public async Task<IReadOnlyList<string>> CookieNamesAsync() =>
        (await _context.CookiesAsync()).Select(cookie => cookie.Name).ToArray();

    /// <summary>
    /// <c>window.dataLayer</c> as JSON: each <c>gtag(…)</c> call's arguments as an array, e.g.
    /// <c>["consent", "default", { "analytics_storage": "denied" }]</c>, other entries as pushed.
    /// </summary>
    public async Task<JsonElement[]> DataLayerAsync()
    {
        var json = await Page.EvaluateAsync<string>("""
            () => JSON.stringify((window.dataLayer || []).map(entry =>
                entry && typeof entry === 'object' && !Array.isArray(entry) && 'length' in entry ? Array.from(entry) : entry))
            """);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(entry => entry.Clone()).ToArray();
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
