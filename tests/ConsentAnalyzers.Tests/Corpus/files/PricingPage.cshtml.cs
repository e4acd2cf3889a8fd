using System.Threading.Tasks;
using Microsoft.ApplicationInsights;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

// Pages/Pricing.cshtml.cs
public class PricingModel(TelemetryClient telemetry) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Plan { get; set; } = "pro";

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
        var consent = HttpContext.Features.Get<ITrackingConsentFeature>();
        if (consent is { CanTrack: true })
        {
            telemetry.TrackPageView("Pricing");
        }
    }

    public IActionResult OnPostChoosePlan(string plan)
    {
        var consent = HttpContext.Features.Get<ITrackingConsentFeature>();
        if (consent?.CanTrack != true)
        {
            StatusMessage = "Plan selected.";
            return RedirectToPage("/Checkout", new { plan });
        }

        telemetry.TrackEvent("plan_selected");
        Response.Cookies.Append(ConsentCookies.GaName("CORPUS1"), "GS1.1." + plan);
        return RedirectToPage("/Checkout", new { plan });
    }

    public IActionResult OnPostCompare()
    {
        var consent = HttpContext.Features.Get<ITrackingConsentFeature>();
        if (!consent!.IsConsentNeeded || consent.HasConsent)
        {
            telemetry.TrackEvent("plans_compared"); // expect: CG0202
        }

        if (consent.HasConsent)
        {
            telemetry.TrackEvent("plans_compared_with_consent");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostFeedbackAsync(string text)
    {
        await Task.Yield();
        var consent = HttpContext.Features.Get<ITrackingConsentFeature>();
        if (consent?.CanTrack != false)
        {
            telemetry.TrackEvent("pricing_feedback"); // expect: CG0202
        }

        return Page();
    }
}
