using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.ApplicationInsights;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;

namespace Corpus.Web.Components;

// The search page's measurement, stated once: every member needs analytics consent.
[RequiresConsent(ConsentCategory.Analytics)]
public sealed class SearchAnalytics(TelemetryClient telemetry)
{
    public void Searched(string query, int results)
    {
        telemetry.TrackEvent("search");
        telemetry.TrackMetric("search_results", results);
    }

    public void Viewed(string result) => telemetry.TrackEvent("search_result_opened");
}

// Code-behind of SearchResults.razor: remembers the last query (functional), measures searches (analytics).
public partial class SearchResults : ComponentBase
{
    [Inject] private ProtectedLocalStorage LocalStore { get; set; } = default!;

    [Inject] private ProtectedSessionStorage SessionStore { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private TelemetryClient Telemetry { get; set; } = default!;

    [Inject] private SearchAnalytics Analytics { get; set; } = default!;

    [Inject] private IConsent Consent { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")] public string? Query { get; set; }

    private IReadOnlyList<string> Results { get; set; } = [];

    protected override async Task OnParametersSetAsync()
    {
        if (string.IsNullOrWhiteSpace(Query))
        {
            Results = [];
            return;
        }

        Results = Enumerable.Range(1, Query.Length).Select(i => $"{Query} #{i}").ToList();

        var consented = await Consent.IsGrantedAsync(ConsentCategory.Analytics);
        if (consented)
        {
            Analytics.Searched(Query, Results.Count);
            Telemetry.TrackEvent("search_results_shown");
            await JS.InvokeVoidAsync("gtag", "event", "search", new { search_term = Query, send_to = "G-CORPUS1" });
            await JS.InvokeVoidAsync("appInsights.trackEvent", new { name = "search" });
        }

        if (Consent.IsGranted(ConsentCategory.Functional))
        {
            await LocalStore.SetAsync(ConsentStorageKeys.DraftName("search"), Query);
            await SessionStore.SetAsync(ConsentStorageKeys.ReturnPage, Navigation.Uri);
        }
    }

    private async Task OpenAsync(string result)
    {
        if (Consent.AnalyticsAllowed)
        {
            Analytics.Viewed(result);
            await JS.InvokeVoidAsync("gtag", "event", "select_content", new { content_type = "search_result", item_id = result });
        }

        if (Consent.IsGranted(ConsentCategory.Functional))
        {
            await JS.InvokeVoidAsync("sessionStorage.setItem", ConsentStorageKeys.ReturnPage, Navigation.Uri);
            await JS.InvokeVoidAsync("sessionStorage.setItem", $"scroll:{Query}", await JS.InvokeAsync<double>("eval", "window.scrollY")); // expect: CG0103
        }

        Navigation.NavigateTo("/products/" + result);
    }

    private async Task ClearHistoryAsync()
    {
        await LocalStore.DeleteAsync(ConsentStorageKeys.DraftName("search"));
        await SessionStore.DeleteAsync(ConsentStorageKeys.ReturnPage);
        await JS.InvokeVoidAsync("sessionStorage.removeItem", ConsentStorageKeys.LandingPage);
    }
}
