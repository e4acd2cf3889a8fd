using System;
using System.Threading.Tasks;
using Corpus.Privacy;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.JSInterop;

namespace Corpus.Web.Components;

// Code-behind of CampaignLanding.razor. The consent state comes from the company's consent-management SDK
// (Corpus.Privacy), whose checks the manifest lists under "guards".
public partial class CampaignLanding : ComponentBase
{
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private ProtectedSessionStorage Session { get; set; } = default!;

    [Inject] private IConsentManager ConsentManager { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        var uri = new Uri(Navigation.Uri);
        var query = QueryHelpers.ParseQuery(uri.Query);

        var analytics = ConsentManager.IsAllowed(CookieType.Analytics);
        if (analytics)
        {
            await JS.InvokeVoidAsync("sessionStorage.setItem", ConsentStorageKeys.LandingPage, uri.AbsolutePath);
        }

        if (!ConsentManager.IsAllowed(CookieType.Marketing))
        {
            return;
        }

        foreach (var (name, value) in query)
        {
            if (name.StartsWith(ConsentStorageKeys.UtmPrefix, StringComparison.Ordinal))
            {
                await JS.InvokeVoidAsync("sessionStorage.setItem", ConsentStorageKeys.UtmName(name.Substring(4)), value.ToString());
            }
        }

        if (query.TryGetValue("gclid", out var gclid))
        {
            await Session.SetAsync(ConsentStorageKeys.Gclid, gclid.ToString());
            await JS.InvokeVoidAsync("sessionStorage.setItem", "gclid", gclid.ToString()); // expect: CG0107
        }
    }

    private async Task RememberCampaign(string campaign)
    {
        if (ConsentManager.IsAllowed(CookieType.Analytics))
        {
            await JS.InvokeVoidAsync("sessionStorage.setItem", "utm_campaign", campaign); // expect: CG0203
        }
    }

    private async Task RememberFor(CookieType type, string campaign)
    {
        if (ConsentManager.IsAllowed(type))
        {
            await JS.InvokeVoidAsync("sessionStorage.setItem", ConsentStorageKeys.UtmName("campaign"), campaign); // expect: CG0105
        }
    }

    private async Task RememberLanding(string path)
    {
        if (!ConsentManager.MarketingAllowed || !ConsentManager.IsAllowed(CookieType.Analytics))
        {
            return;
        }

        await JS.InvokeVoidAsync("sessionStorage.setItem", ConsentStorageKeys.LandingPage, path);
        await Session.SetAsync(ConsentStorageKeys.UtmName("medium"), "cpc");
    }
}
