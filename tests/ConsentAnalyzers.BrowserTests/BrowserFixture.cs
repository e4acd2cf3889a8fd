using Microsoft.Playwright;

namespace ConsentAnalyzers.BrowserTests;

/// <summary>
/// One sample app server and one headless Chromium for a test class; each test opens its own browser context (a new
/// cookie jar). Without a Chromium the tests skip, saying why (<see cref="SkipReason"/>).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private SampleAppServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri? _baseAddress;

    /// <summary>Why the browser tests cannot run on this machine and how to make them, or <c>null</c> when they can.</summary>
    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        var chromium = ChromiumLocator.FindOrInstall(out var missingReason);
        if (chromium is null)
        {
            SkipReason = "Browser tests skipped: " + missingReason;
            SkipReport.Add(SkipReason);
            return;
        }

        _server = new SampleAppServer();
        _baseAddress = _server.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
    }

    /// <summary>A new browser context on the sample app, its Google tag stubbed; with <paramref name="globalPrivacyControl"/>
    /// every request carries <c>Sec-GPC: 1</c>.</summary>
    public async Task<BrowserSession> NewSessionAsync(bool globalPrivacyControl = false)
    {
        if (_browser is null || _baseAddress is null)
        {
            throw new InvalidOperationException(SkipReason ?? "The browser did not start.");
        }

        var options = new BrowserNewContextOptions { BaseURL = _baseAddress.ToString() };
        if (globalPrivacyControl)
        {
            options.ExtraHTTPHeaders = new Dictionary<string, string> { ["Sec-GPC"] = "1" };
        }

        return await BrowserSession.OpenAsync(await _browser.NewContextAsync(options));
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
