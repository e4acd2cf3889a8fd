using System;
using System.Threading.Tasks;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.AspNetCore;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.JSInterop;

namespace Corpus.Web.Telemetry;

// Application Insights in the browser: the JavaScript snippet goes into the layout through a view component, and
// Blazor components report through appInsights.* over JS interop.
public sealed class ApplicationInsightsViewComponent(JavaScriptSnippet snippet) : ViewComponent
{
    public IViewComponentResult Invoke()
    {
        var consent = HttpContext.Features.Get<ITrackingConsentFeature>();
        if (consent?.CanTrack != true)
        {
            return Content(string.Empty);
        }

        return new HtmlContentViewComponentResult(new HtmlString(snippet.FullScript));
    }
}

public sealed class LegacyScriptTagHelper(JavaScriptSnippet snippet)
{
    public IHtmlContent Render() => new HtmlString("<script>" + snippet.ScriptBody + "</script>"); // expect: CG0202
}

public sealed class BrowserTelemetry(IJSRuntime js, IConsent consent, TelemetryClient server)
{
    public async Task TrackClickAsync(string element)
    {
        if (consent.AnalyticsAllowed)
        {
            await js.InvokeVoidAsync("appInsights.trackEvent", new { name = "click", properties = new { element } });
        }
    }

    public async Task TrackErrorAsync(Exception exception)
    {
        await js.InvokeVoidAsync("console.error", exception.Message);
        await js.InvokeVoidAsync("appInsights.trackException", new { exception = new { message = exception.Message } }); // expect: CG0202
        server.TrackException(exception); // expect: CG0202
    }

    public async Task FlushAsync()
    {
        await js.InvokeVoidAsync("appInsights.flush");
        server.Flush();
    }

    public async Task TrackTimingAsync(string name, double milliseconds)
    {
        var allowed = await consent.IsGrantedAsync(ConsentCategory.Analytics);
        if (!allowed)
        {
            return;
        }

        server.TrackMetric(name, milliseconds);
        await js.InvokeVoidAsync("appInsights.trackMetric", new { name, average = milliseconds });
    }
}
