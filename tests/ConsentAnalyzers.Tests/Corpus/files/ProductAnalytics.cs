using System;
using System.Collections.Generic;
using Microsoft.ApplicationInsights;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Web.Analytics;

// A thin wrapper the controllers use instead of TelemetryClient: its members state their consent requirement, so
// the check happens once at each call site.
public sealed class ProductAnalytics(TelemetryClient telemetry)
{
    [RequiresConsent(ConsentCategory.Analytics)]
    public void Viewed(string productId) => telemetry.TrackEvent("product_viewed:" + productId);

    [RequiresConsent(ConsentCategory.Analytics)]
    public void Searched(string query, int results)
    {
        telemetry.TrackEvent("search");
        telemetry.TrackMetric("search_results", results);
    }

    [RequiresConsent(ConsentCategory.Analytics)]
    public void Many(IEnumerable<string> productIds)
    {
        foreach (var id in productIds)
        {
            Viewed(id);
        }
    }

    public void Flush() => telemetry.Flush();
}

public abstract class ShopControllerBase : Controller
{
    [ConsentGuard(ConsentCategory.Analytics)]
    protected bool AnalyticsConsented => HttpContext.Features.Get<ITrackingConsentFeature>()?.CanTrack == true;
}

[Route("products")]
public class ProductsController(ProductAnalytics analytics) : ShopControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Details(string id)
    {
        if (AnalyticsConsented)
        {
            analytics.Viewed(id);
        }

        return View(model: id);
    }

    [HttpGet("search")]
    public IActionResult Search(string q)
    {
        var results = q.Length;
        analytics.Searched(q, results); // expect: CG0202
        analytics.Flush();
        return View(results);
    }

    [HttpGet("compare")]
    public IActionResult Compare([FromQuery] string[] ids)
    {
        if (ids.Length == 0 || !AnalyticsConsented)
        {
            return View(Array.Empty<string>());
        }

        analytics.Many(ids);
        return View(ids);
    }

    [HttpGet("recommended")]
    public IActionResult Recommended([FromQuery] string[] ids, bool preview)
    {
        if (preview || AnalyticsConsented)
        {
            Array.ForEach(ids, id => analytics.Viewed(id)); // expect: CG0202
        }

        return View(ids);
    }
}
