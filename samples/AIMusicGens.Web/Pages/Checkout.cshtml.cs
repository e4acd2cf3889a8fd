using AIMusicGens.Web.Checkout;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AIMusicGens.Web.Pages;

/// <summary>The Pro plan checkout: Stripe's Payment Element, and the page Stripe returns the visitor to.</summary>
internal sealed class CheckoutModel(IOptions<StripeOptions> stripe) : PageModel
{
    public string PublishableKey => stripe.Value.PublishableKey;

    /// <summary>Set by Stripe when it sends the visitor back after confirming a payment (its <c>return_url</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "redirect_status")]
    public string? RedirectStatus { get; set; }

    /// <summary>
    /// Whether to show the thank-you page. This only decides what the page shows: the subscription itself is
    /// granted from Stripe's webhook, never from a query string the visitor can type.
    /// </summary>
    public bool Paid => RedirectStatus == "succeeded";
}
