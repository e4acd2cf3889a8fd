using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Corpus.Telemetry;
using Microsoft.ApplicationInsights;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Web.Controllers;

public sealed record CartLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record Order(string Id, IReadOnlyList<CartLine> Lines, decimal Total, string Currency);

public interface IOrderService
{
    Task<Order> PlaceAsync(string cartId, CancellationToken cancellationToken);
}

// Checkout: the cart cookie is strictly necessary; conversion measurement needs analytics or advertising consent.
[Route("checkout")]
public class CheckoutController(IOrderService orders, IHttpClientFactory httpClients, TelemetryClient telemetry, IConsent consent) : Controller
{
    private const string MeasurementProtocol = "https://www.google-analytics.com/mp/collect?measurement_id=G-CORPUS1&api_secret=s3cr3t";

    [HttpPost("cart/{sku}")]
    public IActionResult AddToCart(string sku)
    {
        var cartId = Request.Cookies[ConsentCookies.CartId] ?? Guid.NewGuid().ToString("N");
        Response.Cookies.Append(ConsentCookies.CartId, cartId, new CookieOptions { HttpOnly = true, IsEssential = true, MaxAge = TimeSpan.FromDays(7) });

        if (consent.AnalyticsAllowed)
        {
            telemetry.TrackEvent("add_to_cart");
        }

        return RedirectToAction(nameof(Review));
    }

    [HttpGet("")]
    public IActionResult Review() => View();

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Place(CancellationToken cancellationToken)
    {
        if (Request.Cookies[ConsentCookies.CartId] is not { } cartId)
        {
            return RedirectToAction(nameof(Review));
        }

        var order = await orders.PlaceAsync(cartId, cancellationToken);
        Response.Cookies.Delete(ConsentCookies.CartId);

        var http = httpClients.CreateClient();
        var tracking = HttpContext.Features.Get<ITrackingConsentFeature>();
        if (tracking?.CanTrack ?? false)
        {
            await http.PostAsJsonAsync(MeasurementProtocol, new { client_id = Request.Cookies[ConsentCookies.Ga], events = new[] { new { name = "purchase" } } }, cancellationToken);
        }

        if (consent.IsGranted(ConsentCategory.Advertising))
        {
            Tracker.SendConversion(order.Id);
            await http.GetAsync($"https://www.googleadservices.com/pagead/conversion/1234567/?value={order.Total}&currency_code={order.Currency}", cancellationToken);
        }

        telemetry.TrackEvent("purchase"); // expect: CG0202
        await http.PostAsJsonAsync("https://collect.example.com/v1/orders", new { order.Id, order.Total }, cancellationToken); // expect: CG0202
        await http.PostAsJsonAsync("https://api.stripe.com/v1/payment_intents", new { amount = order.Total }, cancellationToken);

        return RedirectToAction(nameof(Confirmation), new { id = order.Id });
    }

    [HttpGet("done/{id}")]
    public IActionResult Confirmation(string id)
    {
        if (consent.AnalyticsAllowed)
        {
            Tracker.SendConversion(id); // expect: CG0203
        }

        return View(model: id);
    }
}
