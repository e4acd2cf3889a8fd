using System.Globalization;
using System.Text;
using Corpus.Privacy;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Corpus.Web.Analytics;

// A shop's analytics module: the owner enters a measurement id in the admin pages, and a view component in the
// layout's head writes the Google tag for it, built in C#.
public sealed class AnalyticsWidgetSettings
{
    public string MeasurementId { get; set; } = "";

    public bool RenderWithConsentOnly { get; set; }

    public bool IncludeCustomerId { get; set; }
}

public sealed class AnalyticsWidgetViewComponent(AnalyticsWidgetSettings settings, IConsentManager consent) : ViewComponent
{
    private const string LoaderTemplate = "<script async src=\"https://www.googletagmanager.com/gtag/js?id={0}\"></script>";

    public IViewComponentResult Invoke(string? customerId)
    {
        if (string.IsNullOrEmpty(settings.MeasurementId))
        {
            return Content(string.Empty);
        }

        // Meant as "render only after consent"; the || renders the tag whenever the setting is on.
        var consented = settings.RenderWithConsentOnly || consent.IsAllowed(CookieType.Analytics);
        if (!consented)
        {
            return Content(string.Empty);
        }

        var script = new StringBuilder();
        script.AppendFormat(LoaderTemplate, settings.MeasurementId);
        script.AppendLine("<script>");
        script.AppendLine("window.dataLayer = window.dataLayer || [];");
        script.AppendLine("function gtag(){dataLayer.push(arguments);}");
        script.AppendLine("gtag('js', new Date());");
        script.Append("gtag('config', '").Append(settings.MeasurementId).Append('\'');
        if (settings.IncludeCustomerId && customerId is not null)
        {
            script.Append(", { user_id: '").Append(customerId).Append("' }");
        }

        script.AppendLine(");");
        script.AppendLine("</script>");
        return new HtmlContentViewComponentResult(new HtmlString(script.ToString())); // expect: CG0202
    }
}

// The order confirmation's purchase event: the script goes to the plugin's view as its model, which writes it with
// @Html.Raw(Model). The helper builds it in steps; nothing on the way checks consent.
public sealed class PurchaseAnalyticsViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(string orderId, decimal total)
    {
        var script = GetPurchaseScript(orderId, total);
        return View("~/Plugins/Analytics/Views/Purchase.cshtml", script);
    }

    private static string GetPurchaseScript(string orderId, decimal total)
    {
        var value = total.ToString("0.00", CultureInfo.InvariantCulture);
        var script = "<script>gtag('event', 'purchase', { transaction_id: '" + orderId + "', value: " + value + ", currency: 'EUR' });</script>";
        return script; // expect: CG0202
    }
}

// The same tag, written only after the visitor agreed to analytics cookies.
public sealed class ConsentedAnalyticsViewComponent(AnalyticsWidgetSettings settings, IConsentManager consent) : ViewComponent
{
    public IViewComponentResult Invoke()
    {
        if (!consent.IsAllowed(CookieType.Analytics))
        {
            return Content(string.Empty);
        }

        var id = settings.MeasurementId;
        var html = $$"""
            <script async src="https://www.googletagmanager.com/gtag/js?id={{id}}"></script>
            <script>
              window.dataLayer = window.dataLayer || [];
              function gtag(){dataLayer.push(arguments);}
              gtag('js', new Date());
              gtag('config', '{{id}}', { anonymize_ip: true });
            </script>
            """;
        return new HtmlContentViewComponentResult(new HtmlString(html));
    }
}

// Consent Mode defaults go out before any choice: they tell the tag to store nothing, and send nothing themselves.
// The cookie notice names the provider and links to its policy; neither loads anything.
public sealed class ConsentDefaultsViewComponent : ViewComponent
{
    private const string Defaults = """
        <script>
          window.dataLayer = window.dataLayer || [];
          function gtag(){dataLayer.push(arguments);}
          gtag('consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied', wait_for_update: 500 });
        </script>
        """;

    public IViewComponentResult Invoke(bool withNotice)
    {
        var html = Defaults;
        if (withNotice)
        {
            html += "<p class=\"notice\">With your consent we measure visits with Google Analytics (gtag.js). "
                + "See <a href=\"https://policies.google.com/technologies/partner-sites\">how Google uses data</a>.</p>";
        }

        return new HtmlContentViewComponentResult(new HtmlString(html));
    }
}
