using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Blazored.SessionStorage;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.JSInterop;

namespace Corpus.Web.Components;

// Code-behind of AttributionCapture.razor, rendered once per visit in App.razor: keeps the landing page and the
// campaign parameters for the rest of the visit, each under the consent it needs.
public partial class AttributionCapture : ComponentBase
{
    private static readonly string[] CampaignParameters = ["source", "medium", "campaign", "term", "content"];

    [Inject] private ISessionStorageService SessionStorage { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private IConsent Consent { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        var uri = new Uri(Navigation.Uri);
        var query = QueryHelpers.ParseQuery(uri.Query);

        if (Consent.AnalyticsAllowed)
        {
            await SessionStorage.SetItemAsync(ConsentStorageKeys.LandingPage, uri.PathAndQuery);
            await JS.InvokeVoidAsync("gtag", "event", "landing", new { send_to = "G-CORPUS1", page_location = uri.ToString() });
        }

        var advertising = await Consent.IsGrantedAsync(ConsentCategory.Advertising);
        if (!advertising)
        {
            return;
        }

        foreach (var name in CampaignParameters)
        {
            if (query.TryGetValue("utm_" + name, out var value))
            {
                await SessionStorage.SetItemAsync(ConsentStorageKeys.UtmName(name), value.ToString());
            }
        }

        if (query.TryGetValue("gclid", out var gclid))
        {
            await SessionStorage.SetItemAsync(ConsentStorageKeys.Gclid, gclid.ToString());
            await JS.InvokeVoidAsync("sessionStorage.setItem", ConsentStorageKeys.Gclid, gclid.ToString());
            await JS.InvokeVoidAsync("gtag", "set", "ads_data_redaction", false);
        }

        if (query.TryGetValue("wbraid", out var wbraid))
        {
            await SessionStorage.SetItemAsync(ConsentStorageKeys.UtmName("wbraid"), wbraid.ToString());
        }
    }

    public async Task<IReadOnlyDictionary<string, string?>> ReadAsync()
    {
        var result = new Dictionary<string, string?>();
        foreach (var name in CampaignParameters)
        {
            result[name] = await SessionStorage.GetItemAsync<string>(ConsentStorageKeys.UtmName(name));
        }

        result["landing"] = await SessionStorage.GetItemAsync<string>(ConsentStorageKeys.LandingPage);
        return result;
    }
}
