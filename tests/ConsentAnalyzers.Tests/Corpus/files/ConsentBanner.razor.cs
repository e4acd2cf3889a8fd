using System.Threading.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;

namespace Corpus.Web.Components;

// Code-behind of ConsentBanner.razor: shows the categories from the manifest, stores the choice (strictly
// necessary), and tells the Google tag about it (Consent Mode).
public partial class ConsentBanner : ComponentBase
{
    [Inject] private ProtectedLocalStorage Storage { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private IConsent Consent { get; set; } = default!;

    private bool Visible { get; set; }

    private bool Functional { get; set; }

    private bool Analytics { get; set; }

    private bool Advertising { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // Consent Mode defaults: everything denied until the visitor chooses. This sends nothing.
        await JS.InvokeVoidAsync("gtag", "consent", "default", new { ad_storage = "denied", analytics_storage = "denied", ad_user_data = "denied", ad_personalization = "denied" });

        var stored = await Storage.GetAsync<string>(ConsentStorageKeys.ConsentChoices);
        Visible = !stored.Success;
        StateHasChanged();
    }

    private async Task SaveAsync()
    {
        var choice = $"f={(Functional ? 1 : 0)};a={(Analytics ? 1 : 0)};ad={(Advertising ? 1 : 0)}";
        await Storage.SetAsync(ConsentStorageKeys.ConsentChoices, choice);
        await JS.InvokeVoidAsync("localStorage.setItem", ConsentStorageKeys.ConsentChoices, choice);
        await Storage.SetAsync("consent_choices", choice); // expect: CG0107
        Visible = false;

        if (Consent.AnalyticsAllowed)
        {
            await JS.InvokeVoidAsync("gtag", "config", "G-CORPUS1", new { send_page_view = true });
            await JS.InvokeVoidAsync("plausible", "pageview");
        }

        if (await Consent.IsGrantedAsync(ConsentCategory.Advertising))
        {
            await JS.InvokeVoidAsync("gtag", "config", "AW-1234567");
        }
    }

    private async Task AcceptAllAsync()
    {
        Functional = Analytics = Advertising = true;
        await SaveAsync();
        await JS.InvokeVoidAsync("gtag", "event", "consent_accept_all"); // expect: CG0202
    }

    private async Task ReopenAsync()
    {
        await Storage.DeleteAsync(ConsentStorageKeys.ConsentChoices);
        Visible = true;
    }
}
