namespace AIMusicGens.Web.Checkout;

/// <summary>The <c>Stripe</c> section of the configuration.</summary>
internal sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>
    /// The publishable key (<c>pk_live_…</c>/<c>pk_test_…</c>). It is meant for the browser, but still comes from
    /// configuration so each environment uses its own Stripe account; appsettings.json only has a placeholder.
    /// </summary>
    public string PublishableKey { get; set; } = "";
}
