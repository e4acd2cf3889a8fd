using System.Globalization;
using System.Threading.Tasks;
using Corpus.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Web.Checkout;

// The order-confirmation page loads its conversion snippets from this controller as HTML fragments
// (fetch + insertAdjacentHTML), so each is an HTML string built in C#.
[Route("checkout/snippets")]
public sealed class ConversionSnippetsController(IConsentManager consent) : Controller
{
    private const string AdsId = "AW-1234567890";

    [HttpGet("purchase/{orderId}")]
    public IActionResult Purchase(string orderId, decimal total)
    {
        if (!consent.IsAllowed(CookieType.Analytics))
        {
            return NoContent();
        }

        var value = total.ToString(CultureInfo.InvariantCulture);
        var html = "<script>gtag('event', 'purchase', { transaction_id: '" + orderId + "', value: " + value + ", currency: 'EUR' });</script>";
        return Content(html, "text/html");
    }

    [HttpGet("ads/{orderId}")]
    public IActionResult AdsConversion(string orderId, decimal total)
    {
        // Copied from the purchase snippet: an analytics check in front of an Ads conversion.
        if (!consent.IsAllowed(CookieType.Analytics))
        {
            return NoContent();
        }

        var html = $"<script>gtag('event', 'conversion', {{ send_to: '{AdsId}/purchase', value: {total.ToString(CultureInfo.InvariantCulture)}, transaction_id: '{orderId}' }});</script>";
        return Content(html, "text/html; charset=utf-8"); // expect: CG0203
    }

    [HttpGet("pixel")]
    public IActionResult Pixel()
    {
        if (!consent.MarketingAllowed)
        {
            return NoContent();
        }

        return new ContentResult // expect: CG0201
        {
            Content = "<script>fbq('track', 'Purchase');</script>",
            ContentType = "text/html",
        };
    }

    [HttpGet("debug")]
    public IActionResult Debug(string orderId) =>
        Content("<script>gtag('event', 'purchase', { transaction_id: '" + orderId + "' });</script>", "text/plain");

    [HttpGet("/thank-you-fragment")]
    public async Task ThankYouFragment(string orderId)
    {
        Response.ContentType = "text/html";
        await Response.WriteAsync("<p>Thank you for your order " + orderId + ".</p>");
        await Response.WriteAsync("<script>gtag('event', 'purchase', { transaction_id: '" + orderId + "' });</script>"); // expect: CG0202
    }
}
