using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Corpus.Privacy;
using Corpus.Telemetry;
using Microsoft.ApplicationInsights;
using Microsoft.Extensions.Logging;
using Mixpanel;

namespace Corpus.Web.Integrations;

public sealed record PaymentSucceeded(string OrderId, decimal Amount, string Currency, string? ClientId, bool AnalyticsConsent, bool AdvertisingConsent);

// Stripe calls back after payment, with no visitor in the request: the consent recorded at checkout travels in the
// payment's metadata, and the consent manager SDK answers for the stored visitor.
public sealed class WebhookForwarder(HttpClient http, MixpanelClient mixpanel, TelemetryClient telemetry, IConsentManager consentManager, ILogger<WebhookForwarder> logger)
{
    public async Task OnPaymentSucceededAsync(PaymentSucceeded payment, CancellationToken cancellationToken)
    {
        logger.LogInformation("Payment for {Order} succeeded", payment.OrderId);
        await http.PostAsJsonAsync("https://api.example.com/orders/paid", new { payment.OrderId }, cancellationToken);

        if (consentManager.IsAllowed(CookieType.Analytics))
        {
            telemetry.TrackEvent("payment_succeeded");
            await mixpanel.TrackAsync("purchase", payment.ClientId ?? payment.OrderId, new { payment.Amount, payment.Currency });
            await http.PostAsJsonAsync("https://collect.example.com/v1/purchases", new { payment.OrderId, payment.Amount }, cancellationToken);
            if (payment.ClientId is { } clientId)
            {
                await http.PostAsJsonAsync("https://www.google-analytics.com/mp/collect?measurement_id=G-CORPUS1&api_secret=k3y", new { client_id = clientId, events = new[] { new { name = "purchase" } } }, cancellationToken);
            }
        }

        if (consentManager.MarketingAllowed)
        {
            Tracker.SendConversion(payment.OrderId);
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://www.googleadservices.com/pagead/conversion/1234567/") { Content = JsonContent.Create(new { payment.OrderId, value = payment.Amount }) };
            await http.SendAsync(request, cancellationToken);
        }

        Tracker.Configure();
        telemetry.Flush();
    }

    public async Task OnRefundAsync(string orderId, CancellationToken cancellationToken)
    {
        await http.PostAsJsonAsync("https://api.example.com/orders/refunded", new { orderId }, cancellationToken);
        if (!consentManager.IsAllowed(CookieType.Marketing))
        {
            return;
        }

        Tracker.SendConversion("refund:" + orderId);
    }

    public async Task OnRefundReportedAsync(string orderId, CancellationToken cancellationToken)
    {
        if (consentManager.IsAllowed(CookieType.Marketing))
        {
            await mixpanel.TrackAsync("refund", orderId, new { }); // expect: CG0203
        }
    }
}
